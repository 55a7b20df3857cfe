"""Writing fitted pages into a copy of the reference deck, and saving it byte for byte the same."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree
from pptx.opc.package import Part
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame
from pptx.util import Pt

from ...model import Course
from ...packaging import write_zip
from . import drawingml
from .deck_properties import set_properties
from .drawingml import NS, right_to_left
from .furniture import (
    Numbers,
    NumberShapes,
    add_sections,
    add_slide_number,
    footer_placeholders,
    is_right_to_left,
)
from .layouts import find_layouts
from .markdown_runs import Paragraph, Picture, Run, Table
from .measuring import (
    BLOCK_GAP,
    INSET_X,
    INSET_Y,
    level_size,
    paragraph_indent,
    points,
    space_before,
    text_height,
    text_width,
)
from .package_members import package_members
from .pagination import Page, column_blocks
from .partnames import PartNames
from .slide_parts import SlideParts, placeholder_shapes, placeholder_type, placeholders
from .slide_reuse import SlideCopy, relink, spliced_copy
from .slide_shapes import (
    add_picture,
    bold_run,
    cell_fill,
    placeholder_shape,
    remove_empty_placeholders,
    set_bullet,
    stacked_groups,
    themed_textbox,
)
from .slide_specs_base import COMPARISON, CONTENT, SECTION, TITLE, TITLE_ONLY
from .table_frames import table_frame
from .table_measures import CELL_X, CELL_Y, table_heights
from .template_files import open_deck
from .texts import say
from .theme_measures import DeckTemplate, deck_boxes, master_body_style, measures, text_style

# what tests and callers have always found here
__all__ = ["DeckTemplate", "DeckWriter", "deck_boxes", "measures", "text_style"]

Placeholders = dict[int, etree._Element]


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
        self.body_style = master_body_style(self.layouts[CONTENT].slide_master)
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

    def add(self, page: Page, timing: str = "") -> None:
        """One slide for one page, with its notes (ending in ``timing``), written."""
        spec = page.spec
        layout = self.layouts[page.role]
        key = str(layout.part.partname)
        if key not in self.shared.numbers:
            self.shared.numbers[key] = footer_placeholders(layout, self.footer,
                                                           self.course.language)
        kept = self.shared.written.get(page)
        part = None if kept is None else self._copied(kept, layout, key)
        if part is None:
            part = self._laid_out(page, layout, kept, self.shared.numbers[key])
        if spec.section and not page.continued:
            self.sections.append((spec.section, int(self.prs.slides._sldIdLst[-1].id)))
        notes = [spec.notes]
        if page.continued:
            notes.insert(0, say("notes.continues", title=spec.title))
        elif page.title != spec.title:
            notes.insert(0, say("notes.title.full", title=spec.title))
        if page.subtitle != spec.subtitle:
            notes.insert(0, say("notes.subtitle.full", subtitle=" / ".join(spec.subtitle)))
        self.parts.set_notes(part, "\n\n".join(n for n in (*notes, timing) if n),
                             self.course.language, self.right_to_left)
        self.parts.finish(part)

    def _copied(self, kept: SlideCopy, layout: SlideLayout, key: str) -> Part | None:
        """A slide written before, as bytes with its number spliced in (not right to left);
        ``key`` names the layout in what the decks share."""
        if self.right_to_left:
            return None
        shapes = self.shared.number_shapes.get(key)
        if shapes is None:
            shapes = self.shared.number_shapes[key] = NumberShapes(
                self.shared.numbers[key], self.parts.slide_nsmap(layout))
        return spliced_copy(self.parts, kept, layout, shapes, self.shared.spliced)

    def _laid_out(self, page: Page, layout: SlideLayout, kept: SlideCopy | None,
                  numbers: Numbers) -> Part:
        """A slide built as a tree: laid out anew, or a copy of the one ``kept``."""
        element = None if kept is None else kept.element()
        slide = self.parts.add_slide(layout, element)
        if kept is None or element is None:
            self._fill(slide, page)
        else:
            relink(slide.part, kept)
        add_slide_number(slide.shapes._spTree, numbers, self.parts.count)
        if self.right_to_left:
            right_to_left(slide.element)
        return slide.part

    def _fill(self, slide: Slide, page: Page) -> None:
        """The page's title and content in a new slide; kept for later decks when asked."""
        tree = slide.shapes._spTree
        shapes = placeholder_shapes(tree)
        found = placeholders(shapes)
        title = placeholder_shape(slide, found.get(0))
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
        remove_empty_placeholders(tree, shapes)
        if self.shared.keep_slides:
            self.shared.written.keep(page, slide.part)

    def _subtitle(self, slide: Slide, found: Placeholders, page: Page) -> None:
        """The subtitle's lines, set as pagination fitted them."""
        shape = placeholder_shape(slide, next((e for e in found.values()
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
        placeholder = placeholder_shape(slide, found.get(self.body_idx))
        top = points(self.body.top)
        left = points(self.body.left)
        groups = stacked_groups(stacked)
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
                    frame_shape, bulleted_by_theme = themed_textbox(
                        slide, self.body_style, left, top, text_w, h)
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
                heading = placeholder_shape(slide, found.get(geometry.headings[number]))
                if heading is not None:
                    drawingml.place(heading.element, left, geometry.heading_top, width,
                                    geometry.heading_height)
                    drawingml.set_text(heading.element.get_or_add_txBody(), column.heading,
                                       self.course.language)
            paragraphs = [b for b in column_blocks(column, self.boxes)
                          if isinstance(b, Paragraph)]
            if not paragraphs:
                continue
            shape = placeholder_shape(slide, found.get(geometry.bodies[number])) \
                if number < len(geometry.bodies) else None
            body: Shape
            if shape is None:
                body, themed = themed_textbox(slide, self.body_style, points(left), points(top),
                                              points(width), points(geometry.bottom - top))
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
        tx_body, part = frame._txBody, frame.part
        inherited = self.inherited_size
        scale = size / inherited if autofit and inherited and size <= inherited else 1.0
        drawingml.fixed_frame(tx_body, int(Pt(INSET_X)), int(Pt(INSET_Y)))
        if scale != 1.0 or (autofit and inherited == size):
            drawingml.autofit(tx_body, scale)
        else:
            autofit = False
        for index, block in enumerate(paragraphs):
            p, ppr = drawingml.paragraph(tx_body, index == 0, level=min(block.level, 4),
                                         space_before=space_before(block, size, index == 0))
            set_bullet(ppr, block, *paragraph_indent(block, self.style, level_size(block, size)),
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
        grid = table_frame(slide.shapes._spTree, left, top, widths, heights)
        for r, (tcs, cells) in enumerate(zip(grid, rows, strict=True)):
            fill = self.header_fill if r == 0 else self.body_fill
            for tc, runs in zip(tcs, cells, strict=False):
                drawingml.cell_look(tc, margins=(Pt(CELL_X), Pt(CELL_Y)), fill=cell_fill(r))
                drawingml.runs(tc[0][2], slide.part, runs or (bold_run(""),), size, bold=r == 0,
                               language=self.course.language,
                               mono_family=self.style.mono_family,
                               fill=fill if runs else None, fill_links=r == 0)
        return sum(heights)

    def _picture(self, slide: Slide, page: Page, picture: Picture, left: float, top: float,
                 width: float, height: float) -> None:
        path = (self.course.root / page.spec.lesson_dir / picture.src).resolve()
        add_picture(slide, path, picture.alt, (left, top, width, height))

    def save(self, path: Path, *, title: str, subject: str) -> None:
        """Core properties from the course, fixed times, then a deterministic zip."""
        set_properties(self.prs, self.course, title=title, subject=subject)
        if len(self.sections) > 1:
            add_sections(self.prs, self.sections, self.course.id)
        write_zip(path, package_members(self.prs))
