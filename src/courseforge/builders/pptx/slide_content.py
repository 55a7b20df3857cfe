"""A page's content laid out in a slide's text: body paragraphs in the body placeholder or
themed text boxes, tables, the two columns of a comparison, and where pictures go."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from .drawingml import NS, A, emu
from .drawingml_text import (
    TextBody,
    body_properties,
    bullet,
    in_context,
    offset_and_size,
    scheme_fill,
)
from .markdown_runs import Paragraph, Picture, Table
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
from .pagination import Page, column_blocks
from .slide_shapes import bold_run, cell_fill, stacked_groups
from .slide_text import SLIDE_NAMESPACES, SlideText, table_cell
from .table_measures import CELL_X, CELL_Y, table_heights
from .theme_measures import Measures

PlacedPicture = tuple[Path, str, tuple[float, float, float, float]]  # path, alt text, box


class SlideContent:
    """Lays pages out in one deck's slides, as the deck's theme sets text."""

    def __init__(self, found: Measures, body_style: etree._Element | None,
                 course_root: Path) -> None:
        self.style, self.boxes = found.style, found.boxes
        self.body, self.body_idx = found.body, found.body_idx
        self.root = course_root
        # text boxes look like the theme's body text: the master's body style levels
        self.themed = body_style is not None
        levels = [] if body_style is None else [
            level for level in body_style.iterfind("a:*", NS) if level.tag != f"{{{A}}}extLst"]
        self.list_style = in_context(levels, SLIDE_NAMESPACES)
        fill = body_style.find("a:lvl1pPr/a:defRPr/a:solidFill", NS) \
            if body_style is not None else None
        # the theme's body text colour, for table text outside placeholders
        self.body_fill = "" if fill is None else in_context([fill], SLIDE_NAMESPACES)
        self.header_fill = scheme_fill("bg1")  # table headers: on the brand colour
        size = body_style.find("a:lvl1pPr/a:defRPr", NS) if body_style is not None else None
        # the size top-level body text inherits from the master (0: unknown, set it)
        self.inherited_size = int(size.get("sz", "0")) / 100 if size is not None else 0.0

    def write(self, text: SlideText, page: Page) -> list[PlacedPicture]:
        """The page's body: paragraphs and tables stacked, pictures beside them."""
        width, height = points(self.body.width), points(self.body.height)
        blocks = page.body
        text_w = text_width(blocks, width)
        pictures = [b for b in blocks if isinstance(b, Picture)]
        stacked = [b for b in blocks if not isinstance(b, Picture)]
        placeholder = text.frame.by_idx.get(self.body_idx)
        top, left = points(self.body.top), points(self.body.left)
        groups = stacked_groups(stacked)
        only_text = len(groups) == 1 and isinstance(groups[0][0], Paragraph)
        for number, group in enumerate(groups):
            if isinstance(group[0], Paragraph):
                paragraphs = [b for b in group if isinstance(b, Paragraph)]
                h = height if only_text else text_height(paragraphs, text_w, page.body_size,
                                                         self.style)
                body = text.body()
                if number == 0 and placeholder is not None:
                    body_pr = self.paragraphs(body, paragraphs, page.body_size, True,
                                              autofit=True)
                    text.fill(placeholder, body, body_pr, offset_and_size(
                        emu(left), emu(top), emu(text_w), emu(h)))
                else:
                    body_pr = self.paragraphs(body, paragraphs, page.body_size, self.themed)
                    text.add_textbox((left, top, text_w, h), body, body_pr, self.list_style)
                top += h + BLOCK_GAP * page.body_size
            else:
                table = group[0]
                assert isinstance(table, Table)
                top += self._table(text, table, left, top, text_w, page.table_size)
                top += BLOCK_GAP * page.body_size
        placed: list[PlacedPicture] = []
        if pictures:
            area_left = left + (text_w + 18 if stacked else 0)
            area_w = width - (text_w + 18 if stacked else 0)
            share = height / len(pictures)
            body_top = points(self.body.top)
            for index, picture in enumerate(pictures):
                path = (self.root / page.spec.lesson_dir / picture.src).resolve()
                placed.append((path, picture.alt,
                               (area_left, body_top + index * share, area_w, share)))
        return placed

    def columns(self, text: SlideText, page: Page) -> None:
        """A comparison's two columns, each under its heading."""
        geometry = self.boxes.columns
        frame = text.frame
        # columns without headings start where the headings would, so no gap opens above them
        top = geometry.body_top if any(c.heading for c in page.columns) else geometry.heading_top
        widths = geometry.widths(page.share)
        lefts = (geometry.left, geometry.left + widths[0] + geometry.gap)
        for number, column in enumerate(page.columns[:2]):
            left, width = lefts[number], widths[number]
            if column.heading and number < len(geometry.headings):
                heading = frame.by_idx.get(geometry.headings[number])
                if heading is not None:
                    body = text.body()
                    body.lines(column.heading)
                    text.fill(heading, body, xfrm=offset_and_size(
                        left, geometry.heading_top, width, geometry.heading_height))
            paragraphs = [b for b in column_blocks(column, self.boxes)
                          if isinstance(b, Paragraph)]
            if not paragraphs:
                continue
            position = frame.by_idx.get(geometry.bodies[number]) \
                if number < len(geometry.bodies) else None
            body = text.body()
            if position is None:
                body_pr = self.paragraphs(body, paragraphs, page.body_size, self.themed)
                text.add_textbox((points(left), points(top), points(width),
                                  points(geometry.bottom - top)), body, body_pr,
                                 self.list_style)
            else:
                body_pr = self.paragraphs(body, paragraphs, page.body_size, True, autofit=True)
                text.fill(position, body, body_pr,
                          offset_and_size(left, top, width, geometry.bottom - top))

    def paragraphs(self, body: TextBody, paragraphs: Sequence[Paragraph], size: float,
                   bulleted_by_theme: bool, *, autofit: bool = False) -> str:
        """The paragraphs at ``size`` into ``body``; the frame's body properties. In a body
        placeholder (``autofit``) top-level text takes the layout's size, scaled by
        PowerPoint's autofit to the measured ``size``; other text sets its size, divided by
        that scale."""
        inherited = self.inherited_size
        scale = size / inherited if autofit and inherited and size <= inherited else 1.0
        if scale != 1.0 or (autofit and inherited == size):
            body_pr = body_properties(emu(INSET_X), emu(INSET_Y), scale)
        else:
            autofit = False
            body_pr = body_properties(emu(INSET_X), emu(INSET_Y))
        for index, block in enumerate(paragraphs):
            own = level_size(block, size)
            inherit = autofit and own == size and block.level == 0
            runs = body.runs(block.runs, None if inherit else own / scale)
            body.paragraph(runs, level=min(block.level, 4),
                           space_before=space_before(block, size, index == 0),
                           bullet=bullet(block, *paragraph_indent(block, self.style, own),
                                         bulleted_by_theme))
        return body_pr

    def _table(self, text: SlideText, table: Table, left: float, top: float, width: float,
               size: float) -> float:
        """A table across ``width`` at ``size``: brand header row, banded rows; its height."""
        widths, heights = table_heights(table, width, size, self.style)
        margins = (emu(CELL_X), emu(CELL_Y))
        cells = []
        for r, row in enumerate([table.header, *table.rows]):
            fill = self.header_fill if r == 0 else self.body_fill
            look = scheme_fill(*cell_fill(r))
            body = text.body()
            cells.append([table_cell(body.runs(runs or (bold_run(""),), size, bold=r == 0,
                                               fill=fill if runs else "", fill_links=r == 0),
                                     margins, look)
                          for runs in row])  # measured: a cell for every column
        text.add_table(left, top, widths, heights, cells)
        return sum(heights)
