"""Writing fitted pages into a copy of the reference deck, and saving it byte for byte the same."""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationObject
from pptx.shapes.autoshape import Shape
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.slide import Slide, SlideLayout, SlideMaster
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

from ...errors import CourseforgeError
from ...model import Course
from ...packaging import write_zip
from . import drawingml
from .drawingml import NS, A, P
from .furniture import add_sections, footer_placeholders, is_right_to_left, right_to_left
from .layouts import (
    Box,
    body_area,
    body_placeholders,
    column_geometry,
    find_layouts,
    layout_title_size,
    number_placeholders,
    subtitle_box,
    title_box,
)
from .markdown_runs import BULLET, LETTER, NUMBER, PLAIN, Block, Paragraph, Picture, Run, Table
from .measuring import (
    BLOCK_GAP,
    CELL_X,
    CELL_Y,
    INSET_X,
    INSET_Y,
    TextStyle,
    level_size,
    paragraph_indent,
    points,
    space_before,
    table_heights,
    text_height,
    text_width,
)
from .package_members import package_members
from .pagination import Boxes, Page, column_blocks
from .partnames import PartNames
from .slide_parts import PH_PATH, Prototypes, SlideParts, placeholder_type, placeholders
from .slide_reuse import WrittenSlides, relink
from .slide_specs_base import COMPARISON, CONTENT, SECTION, TITLE, TITLE_ONLY
from .texts import say

SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
SP, T = f"{{{P}}}sp", f"{{{A}}}t"
Placeholders = dict[int, etree._Element]
FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
BULLET_CHARS = ("•", "–", "•", "–", "•")


def open_deck(template: bytes) -> PresentationObject:
    """A fresh copy of the reference deck with its own slides removed."""
    prs = Presentation(io.BytesIO(template))
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)
    return prs


# the main part's content type of a PowerPoint template (.potx) or show (.ppsx), and of a deck
_OTHER_MAIN_TYPES = (b"presentationml.template.main+xml", b"presentationml.slideshow.main+xml")
_DECK_MAIN_TYPE = b"presentationml.presentation.main+xml"


def load_template(path: Path) -> bytes:
    """A trainer's .pptx (or .potx, .ppsx), checked to open, as deck bytes; CourseforgeError
    when it is not one."""
    try:
        prs = Presentation(io.BytesIO(_as_deck(path.read_bytes())))
        number_placeholders(prs)
        buffer = io.BytesIO()
        prs.save(buffer)
        data = buffer.getvalue()
    except OSError as exc:
        raise CourseforgeError(
            f"cannot read the slide template '{path}': {exc.strerror or exc}") from None
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        raise CourseforgeError(f"the slide template '{path}' is not a PowerPoint deck or "
                               "template (.pptx, .potx)") from None
    return data


def _as_deck(data: bytes) -> bytes:
    """A template's or show's package relabelled as a deck (the parts are the same)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if not any(kind in types for kind in _OTHER_MAIN_TYPES):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                blob = source.read(info)
                if info.filename == "[Content_Types].xml":
                    for kind in _OTHER_MAIN_TYPES:
                        blob = blob.replace(kind, _DECK_MAIN_TYPE)
                target.writestr(info, blob)
        return out.getvalue()


def _theme_fonts(master: SlideMaster) -> tuple[str, str]:
    part = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    major = root.find(".//a:fontScheme/a:majorFont/a:latin", NS)
    minor = root.find(".//a:fontScheme/a:minorFont/a:latin", NS)
    return (major.get("typeface", "Calibri") if major is not None else "Calibri",
            minor.get("typeface", "Calibri") if minor is not None else "Calibri")


def text_style(master: SlideMaster) -> TextStyle:
    """Families, sizes and list indents from a master's theme and text styles (the master of
    the content layout: a deck may have several)."""
    major, minor = _theme_fonts(master)
    styles = master.element.find("p:txStyles", NS)

    def level(path: str) -> etree._Element | None:
        return styles.find(path, NS) if styles is not None else None

    def size(path: str, default: float) -> float:
        ppr = level(path)
        rpr = ppr.find("a:defRPr", NS) if ppr is not None else None
        value = rpr.get("sz") if rpr is not None else None
        return int(value) / 100 if value else default

    def family(path: str, default: str) -> str:
        ppr = level(path)
        latin = ppr.find("a:defRPr/a:latin", NS) if ppr is not None else None
        face = latin.get("typeface", "") if latin is not None else ""
        return {"+mj-lt": major, "+mn-lt": minor}.get(face, face or default)

    indents = []
    for n in range(1, 6):
        ppr = level(f"p:bodyStyle/a:lvl{n}pPr")
        marl = ppr.get("marL") if ppr is not None else None
        indents.append(points(int(marl)) if marl else 27.0 + 36.0 * (n - 1))
    return TextStyle(body_family=family("p:bodyStyle/a:lvl1pPr", minor),
                     title_family=family("p:titleStyle/a:lvl1pPr", major),
                     body_size=min(size("p:bodyStyle/a:lvl1pPr", 24.0), 28.0),
                     title_size=size("p:titleStyle/a:lvl1pPr", 36.0),
                     indents=tuple(indents), hanging=27.0)


def _pt_box(box: Box) -> tuple[float, float]:
    return points(box.width), points(box.height)


def deck_boxes(layouts: dict[str, SlideLayout], style: TextStyle) -> Boxes:
    """The boxes pagination fits titles, subtitles and bodies into (``style``: the master's)."""
    content = title_box(layouts[CONTENT]) or Box(0, 0, 0, 0)
    titles, subtitles = [], []
    for role, layout in sorted(layouts.items()):
        box = title_box(layout) or content
        titles.append((role, *_pt_box(box), layout_title_size(layout) or style.title_size))
        found = subtitle_box(layout) if role in (TITLE, SECTION) else None
        if found is not None:
            subtitles.append((role, *_pt_box(found[0]), found[1] or style.body_size))
    body = body_area(layouts)
    return Boxes(titles=tuple(titles), subtitles=tuple(subtitles), body=_pt_box(body),
                 columns=column_geometry(layouts[COMPARISON], body))


def _body_style(master: SlideMaster) -> etree._Element | None:
    """The master's body text style: the look of every body placeholder."""
    return master.element.find("p:txStyles/p:bodyStyle", NS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Measures:
    """Where a reference deck puts text and how it sets it."""

    style: TextStyle
    boxes: Boxes
    body: Box  # the content layout's body placeholder
    body_idx: int  # and its idx


class DeckTemplate:
    """What every deck made from one reference deck (and layout mapping) shares.

    The first deck works it out; the others reuse it.
    """

    def __init__(self) -> None:
        self.measures: Measures | None = None
        self.prototypes = Prototypes()
        # layout -> its slide-number, footer and date placeholders: (type, p:ph, txBody xml)
        self.numbers: dict[str, list[tuple[str, etree._Element, str]]] = {}
        # the slides written so far, kept while a later deck (the course's) repeats them
        self.written = WrittenSlides()
        self.keep_slides = False


def measures(layouts: dict[str, SlideLayout], language: str) -> Measures:
    """Where the layouts put text and how the theme sets it, for a course in ``language``."""
    body = body_area(layouts)
    style = replace(text_style(layouts[CONTENT].slide_master), language=language)
    return Measures(style=style, boxes=deck_boxes(layouts, style), body=body,
                    body_idx=next(idx for idx, box, _ in body_placeholders(layouts[CONTENT])
                                  if box == body))


class DeckWriter:
    """Adds pages to one deck and saves it.

    ``shared`` is given to the writers of decks from the same template and mapping.
    """

    def __init__(self, template: bytes, course: Course,
                 mapping: Sequence[tuple[str, str]] = (), shared: DeckTemplate | None = None,
                 footer: str = "") -> None:
        self.prs = open_deck(template)
        self.course = course
        self.footer = footer
        self.sections: list[tuple[str, int]] = []  # (name, id of the slide it starts at)
        self.right_to_left = is_right_to_left(course.language)
        self.layouts = find_layouts(self.prs, mapping)
        self.shared = DeckTemplate() if shared is None else shared
        if self.shared.measures is None:
            self.shared.measures = measures(self.layouts, course.language)
        found = self.shared.measures
        self.style, self.boxes = found.style, found.boxes
        self.body, self.body_idx = found.body, found.body_idx
        self.body_style = _body_style(self.layouts[CONTENT].slide_master)
        fill = self.body_style.find("a:lvl1pPr/a:defRPr/a:solidFill", NS) \
            if self.body_style is not None else None
        self.body_fill = fill  # the theme's body text colour, for text outside placeholders
        size = self.body_style.find("a:lvl1pPr/a:defRPr", NS) \
            if self.body_style is not None else None
        # the size top-level body text inherits from the master (0: unknown, set it)
        self.inherited_size = int(size.get("sz", "0")) / 100 if size is not None else 0.0
        self.header_fill = drawingml.scheme_fill("bg1")  # table headers: on the brand colour
        PartNames(self.prs.part.package)
        self.parts = SlideParts(self.prs, self.shared.prototypes)

    def add(self, page: Page, timing: str = "") -> Slide:
        """One slide for one page, with its notes (ending in ``timing``)."""
        spec = page.spec
        layout = self.layouts[page.role]
        kept = self.shared.written.get(page)
        slide = self.parts.add_slide(layout, None if kept is None else kept.element)
        if spec.section and not page.continued:
            self.sections.append((spec.section, int(self.prs.slides._sldIdLst[-1].id)))
        if kept is None:
            self._fill(slide, page)
        else:
            relink(slide.part, kept)
        self._add_slide_number(slide, layout, self.parts.count)
        notes = [spec.notes]
        if page.continued:
            notes.insert(0, say("notes.continues", title=spec.title))
        elif page.title != spec.title:
            notes.insert(0, say("notes.title.full", title=spec.title))
        if page.subtitle != spec.subtitle:
            notes.insert(0, say("notes.subtitle.full", subtitle=" / ".join(spec.subtitle)))
        self.parts.set_notes(slide, "\n\n".join(n for n in (*notes, timing) if n),
                             self.course.language)
        if self.right_to_left:
            right_to_left(slide.element)
            right_to_left(slide.notes_slide.element)
        return slide

    def _fill(self, slide: Slide, page: Page) -> None:
        """The page's title and content in a new slide; kept for later decks when asked."""
        found = placeholders(slide)
        title = _shape(slide, found.get(0))
        if title is not None:
            tx_body = title.element.get_or_add_txBody()
            drawingml.set_text(tx_body, page.title, self.course.language)
            if page.title_size:
                for r in tx_body.find(drawingml.A_P).iterchildren(drawingml.A_R):
                    r.find(drawingml.A_RPR).set("sz", drawingml.centipoints(page.title_size))
        if page.role in (TITLE, SECTION):
            self._subtitle(slide, found, page)
        elif page.role in (CONTENT, TITLE_ONLY):
            self._content(slide, found, page)
        elif page.role == COMPARISON:
            self._columns(slide, found, page)
        _remove_empty_placeholders(slide)
        if self.shared.keep_slides:
            self.shared.written.keep(page, slide.part)

    def _add_slide_number(self, slide: Slide, layout: SlideLayout, number: int) -> None:
        """The layout's slide-number placeholder with the slide-number field, and its footer
        and date placeholders when they have text (the footer: ``--footer`` when empty)."""
        key = str(layout.part.partname)
        numbers = self.shared.numbers
        if key not in numbers:
            numbers[key] = footer_placeholders(layout, self.footer, self.course.language)
        tree = slide.shapes._spTree
        for kind, ph, body in numbers[key]:
            next_id = drawingml.next_shape_id(tree)
            if kind == "sldNum":
                body = (f'<p:txBody xmlns:p="{P}" xmlns:a="{A}"><a:bodyPr/><a:lstStyle/><a:p>'
                        f'<a:fld id="{SLIDE_NUMBER_FIELD}" type="slidenum"><a:t>{number}</a:t>'
                        "</a:fld></a:p></p:txBody>")
            name = {"sldNum": "Slide Number", "ftr": "Footer", "dt": "Date"}[kind]
            sp = etree.fromstring(
                f'<p:sp xmlns:p="{P}" xmlns:a="{A}"><p:nvSpPr>'
                f'<p:cNvPr id="{next_id}" name="{name} {next_id}"/>'
                '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr/></p:nvSpPr><p:spPr/>'
                f"{body}</p:sp>")
            sp.find(".//p:nvPr", NS).append(copy.deepcopy(ph))
            tree.append(sp)

    def _textbox(self, slide: Slide, left: float, top: float, width: float,
                 height: float) -> tuple[Shape, bool]:
        """A text box that looks like the theme's body text; whether the theme sets bullets."""
        shape = slide.shapes.add_textbox(Pt(left), Pt(top), Pt(width), Pt(height))
        if self.body_style is None:
            return shape, False
        # a text box takes the master's "other" style; copy the body style's levels into it
        lst = shape.text_frame._txBody.find("a:lstStyle", NS)
        assert lst is not None
        for level in self.body_style.iterfind("a:*", NS):
            if level.tag != f"{{{A}}}extLst":
                lst.append(copy.deepcopy(level))
        return shape, True

    def _subtitle(self, slide: Slide, found: Placeholders, page: Page) -> None:
        """The subtitle's lines, set as pagination fitted them."""
        shape = _shape(slide, next((e for e in found.values()
                                    if placeholder_type(e) not in ("title", "ctrTitle")), None))
        if shape is None or not page.subtitle:
            return
        paragraphs = [Paragraph(runs=(Run(text=line),)) for line in page.subtitle]
        self._paragraphs(shape.text_frame, paragraphs, page.subtitle_size, True)

    def _content(self, slide: Slide, found: Placeholders, page: Page) -> None:
        width, height = points(self.body.width), points(self.body.height)
        blocks = page.body
        text_w = text_width(blocks, width)
        pictures = [b for b in blocks if isinstance(b, Picture)]
        stacked = [b for b in blocks if not isinstance(b, Picture)]
        placeholder = _shape(slide, found.get(self.body_idx))
        top = points(self.body.top)
        left = points(self.body.left)
        groups = _groups(stacked)
        only_text = len(groups) == 1 and isinstance(groups[0][0], Paragraph)
        for number, group in enumerate(groups):
            if isinstance(group[0], Paragraph):
                paragraphs = [b for b in group if isinstance(b, Paragraph)]
                h = height if only_text else text_height(paragraphs, text_w, page.body_size,
                                                         self.style)
                frame_shape: Shape
                if number == 0 and placeholder is not None:
                    frame_shape = placeholder
                    drawingml.place(frame_shape.element, Pt(left), Pt(top), Pt(text_w), Pt(h))
                    bulleted_by_theme = True
                else:
                    frame_shape, bulleted_by_theme = self._textbox(slide, left, top, text_w, h)
                self._paragraphs(frame_shape.text_frame, paragraphs, page.body_size,
                                 bulleted_by_theme, autofit=frame_shape is placeholder)
                top += h + BLOCK_GAP * page.body_size
            else:
                table = group[0]
                assert isinstance(table, Table)
                top += self._table(slide, table, left, top, text_w, page.table_size)
                top += BLOCK_GAP * page.body_size
        if pictures:
            area_left = left + (text_w + 18 if stacked else 0)
            area_w = width - (text_w + 18 if stacked else 0)
            share = height / len(pictures)
            body_top = points(self.body.top)
            for index, picture in enumerate(pictures):
                self._picture(slide, page, picture, area_left, body_top + index * share,
                              area_w, share)

    def _columns(self, slide: Slide, found: Placeholders, page: Page) -> None:
        geometry = self.boxes.columns
        # columns without headings start where the headings would, so no gap opens above them
        top = geometry.body_top if any(c.heading for c in page.columns) else geometry.heading_top
        widths = geometry.widths(page.share)
        lefts = (geometry.left, geometry.left + widths[0] + geometry.gap)
        for number, column in enumerate(page.columns[:2]):
            left, width = lefts[number], widths[number]
            if column.heading and number < len(geometry.headings):
                heading = _shape(slide, found.get(geometry.headings[number]))
                if heading is not None:
                    drawingml.place(heading.element, left, geometry.heading_top, width,
                                    geometry.heading_height)
                    drawingml.set_text(heading.element.get_or_add_txBody(), column.heading,
                                       self.course.language)
            paragraphs = [b for b in column_blocks(column, self.boxes)
                          if isinstance(b, Paragraph)]
            if not paragraphs:
                continue
            shape = _shape(slide, found.get(geometry.bodies[number])) \
                if number < len(geometry.bodies) else None
            body: Shape
            if shape is None:
                body, themed = self._textbox(slide, points(left), points(top), points(width),
                                             points(geometry.bottom - top))
            else:
                body, themed = shape, True
                drawingml.place(body.element, left, top, width, geometry.bottom - top)
            self._paragraphs(body.text_frame, paragraphs, page.body_size, themed,
                             autofit=shape is not None)

    def _paragraphs(self, frame: TextFrame, paragraphs: Sequence[Paragraph], size: float,
                    bulleted_by_theme: bool, *, autofit: bool = False) -> None:
        """The paragraphs at ``size``. In a body placeholder (``autofit``) top-level text
        takes the layout's size, scaled by PowerPoint's autofit to the measured ``size``;
        other text sets its size, divided by that scale."""
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        inherited = self.inherited_size
        scale = size / inherited if autofit and inherited and size <= inherited else 1.0
        if scale != 1.0 or (autofit and inherited == size):
            drawingml.autofit(frame._txBody, scale)
        else:
            autofit = False
        frame.margin_left = frame.margin_right = Pt(INSET_X)
        frame.margin_top = frame.margin_bottom = Pt(INSET_Y)
        tx_body, part = frame._txBody, frame.part
        for index, block in enumerate(paragraphs):
            p, ppr = drawingml.paragraph(tx_body, index == 0, level=min(block.level, 4),
                                         space_before=space_before(block, size, index == 0))
            _bullet(ppr, block, *paragraph_indent(block, self.style, level_size(block, size)),
                    bulleted_by_theme)
            own = level_size(block, size)
            inherit = autofit and own == size and block.level == 0
            drawingml.runs(p, part, block.runs, None if inherit else own / scale,
                           language=self.course.language,
                           mono_family=self.style.mono_family)

    def _table(self, slide: Slide, table: Table, left: float, top: float, width: float,
               size: float) -> float:
        """A table across ``width`` at ``size``: brand header row, banded rows; its height."""
        widths, heights = table_heights(table, width, size, self.style)
        rows = [table.header, *table.rows]
        frame = slide.shapes.add_table(len(rows), len(widths), Pt(left), Pt(top), Pt(width),
                                       Pt(sum(heights)))
        grid = frame.table
        grid.first_row = grid.horz_banding = True
        for index, w in enumerate(widths):
            grid.columns[index].width = Pt(w)
        for r, (tr, cells, h) in enumerate(zip(grid._tbl.tr_lst, rows, heights, strict=True)):
            grid.rows[r].height = Pt(h)
            for tc, runs in zip(tr.tc_lst, cells, strict=False):
                drawingml.cell_look(tc, margins=(Pt(CELL_X), Pt(CELL_Y)), fill=_cell_fill(r))
                p = tc.find(f"{{{A}}}txBody/{{{A}}}p")
                fill = self.header_fill if r == 0 else self.body_fill
                drawingml.runs(p, frame.part, runs or (_bold(""),), size, bold=r == 0,
                               language=self.course.language,
                               mono_family=self.style.mono_family,
                               fill=fill if runs else None, fill_links=r == 0)
        return sum(heights)

    def _picture(self, slide: Slide, page: Page, picture: Picture, left: float, top: float,
                 width: float, height: float) -> None:
        path = (self.course.root / page.spec.lesson_dir / picture.src).resolve()
        shape = slide.shapes.add_picture(str(path), Pt(left), Pt(top))
        scale = min(Pt(width) / shape.width, Pt(height) / shape.height)
        w, h = int(shape.width * scale), int(shape.height * scale)
        shape.width, shape.height = Emu(w), Emu(h)
        shape.left = Emu(int(Pt(left) + (Pt(width) - w) / 2))
        shape.top = Emu(int(Pt(top) + (Pt(height) - h) / 2))
        c_nv_pr = shape._element.find(".//p:nvPicPr/p:cNvPr", NS)
        c_nv_pr.set("descr", picture.alt)

    def save(self, path: Path, *, title: str, subject: str) -> None:
        """Core properties from the course, fixed times, then a deterministic zip."""
        props = self.prs.core_properties
        # core properties are limited to 255 characters
        props.title = _clip(title)
        props.subject = _clip(subject)
        props.author = self.course.author
        props.last_modified_by = self.course.author
        props.language = self.course.language
        props.keywords = self.course.id
        props.category = "Course slides"
        props.comments = ""
        props.created = props.modified = props.last_printed = FIXED_TIME
        props.revision = 1
        _app_properties(self.prs)
        if len(self.sections) > 1:
            add_sections(self.prs, self.sections, self.course.id)
        write_zip(path, package_members(self.prs))


_APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>courseforge</Application>'
            "<PresentationFormat>{format}</PresentationFormat><Slides>{slides}</Slides>"
            "<Notes>{slides}</Notes></Properties>")


def _app_properties(prs: PresentationObject) -> None:
    """What file browsers read: the slide count and format (python-pptx leaves its blank
    template's), and no thumbnail (its template's picture of nothing)."""
    package = prs.part.package
    for r_id, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package._rels.pop(r_id)
    ratio = prs.slide_width / prs.slide_height if prs.slide_height else 0
    shape = next((name for name, r in (("16:9", 16 / 9), ("16:10", 1.6), ("4:3", 4 / 3))
                  if abs(ratio - r) < 0.01), None)
    app = package.part_related_by(RT.EXTENDED_PROPERTIES)
    app._blob = _APP_XML.format(  # type: ignore[attr-defined]
        format=f"On-screen Show ({shape})" if shape else "Custom",
        slides=len(prs.slides)).encode()


def _cell_fill(row: int) -> tuple[str, float]:
    """The header row in the theme's accent (the brand colour), then light bands."""
    if row == 0:
        return "accent1", 0.0
    return ("accent1", 0.85) if row % 2 else ("bg1", 0.0)


def _clip(text: str, limit: int = 255) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _bold(text: str) -> Run:
    return Run(text=text, bold=True)


def _groups(blocks: Sequence[Block]) -> list[list[Block]]:
    """Consecutive paragraphs together; each table on its own."""
    groups: list[list[Block]] = []
    for block in blocks:
        if isinstance(block, Paragraph) and groups and isinstance(groups[-1][0], Paragraph):
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def _bullet(ppr: etree._Element, block: Paragraph, indent: float, hanging: float,
            bulleted_by_theme: bool) -> None:
    """Paragraph indents and bullet or numbering, as pagination measured them (a new a:pPr)."""
    if block.kind == PLAIN:
        ppr.set("marL", "0")
        ppr.set("indent", "0")
        etree.SubElement(ppr, f"{{{A}}}buNone")
        return
    ppr.set("marL", str(int(Pt(indent))))
    if block.continues:
        ppr.set("indent", "0")
        etree.SubElement(ppr, f"{{{A}}}buNone")
        return
    ppr.set("indent", str(-int(Pt(hanging))))
    if block.kind in (NUMBER, LETTER):
        kind = "arabicPeriod" if block.kind == NUMBER else "alphaUcPeriod"
        number = etree.SubElement(ppr, f"{{{A}}}buAutoNum", type=kind)
        if block.number != 1:
            number.set("startAt", str(block.number))
    elif block.kind == BULLET and not bulleted_by_theme:
        colour = etree.SubElement(ppr, f"{{{A}}}buClr")
        etree.SubElement(colour, f"{{{A}}}schemeClr", val="accent1")
        etree.SubElement(ppr, f"{{{A}}}buFont", typeface="Arial")
        etree.SubElement(ppr, f"{{{A}}}buChar", char=BULLET_CHARS[min(block.level, 4)])


def _remove_empty_placeholders(slide: Slide) -> None:
    """Placeholders left without text would show 'Click to add text' in an editor."""
    tree = slide.shapes._spTree
    for shape in list(tree):
        # python-pptx's ``text_frame.text`` joins the text of the runs with whitespace only
        if shape.tag == SP and shape.find(PH_PATH) is not None \
                and not "".join(shape.itertext(T, with_tail=False)).strip():
            tree.remove(shape)


def _shape(slide: Slide, element: etree._Element | None) -> SlidePlaceholder | None:
    """The python-pptx placeholder object of one of a slide's placeholder elements."""
    if element is None:
        return None
    # every placeholder cloned from a layout is a p:sp: no need for python-pptx's factory
    return SlidePlaceholder(element, slide.shapes)
