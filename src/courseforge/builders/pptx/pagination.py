"""Fitting slide bodies into their boxes: choose a readable size, or split onto continuation slides.

Everything is measured in points with :mod:`.text_fit`; the writer then sets exactly
the sizes, spacing and indents assumed here, so what fits here fits in the deck.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .markdown_runs import PLAIN, Block, Paragraph, Picture, Run, Table
from .slide_specs import COMPARISON, CONTENT, TITLE_ONLY, Column, SlideSpec
from .text_fit import EMU_PER_PT, Face, Piece, count_lines

CONTINUED = " (cont.)"
MIN_BODY = 16.0  # points: smaller body text is hard to read from the back of a room
MIN_TABLE = 12.0
MIN_TITLE = 24.0
SIZE_STEP = 2.0
INSET_X, INSET_Y = 7.2, 3.6  # default text frame insets (0.1 in, 0.05 in), in points
CELL_X, CELL_Y = 7.2, 3.6
BLOCK_GAP = 0.5  # gap between stacked blocks, in ems of the body size
SAFETY = 0.96  # renderers differ slightly in kerning and line breaking: keep a margin
PICTURE_SHARE = 0.45  # of the body width, when a picture sits beside text


@dataclass(frozen=True, slots=True, kw_only=True)
class TextStyle:
    """What the deck's theme says about text: families, default sizes, list indents."""

    body_family: str
    title_family: str
    mono_family: str = "Courier New"
    body_size: float
    title_size: float
    indents: tuple[float, ...]  # left margin of list levels 0-4, in points
    hanging: float  # bullet hanging indent, in points


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A slide ready to write: the spec's role and notes, a fitted body and the sizes chosen."""

    spec: SlideSpec
    title: str
    body: tuple[Block, ...] = ()
    columns: tuple[Column, ...] = ()
    body_size: float
    title_size: float | None = None  # None: the layout's own size fits


def space_before(paragraph: Paragraph, size: float, first: bool) -> float:
    """Space above a paragraph, in points (the writer sets the same)."""
    if first:
        return 0.0
    return size * (0.4 if paragraph.level == 0 else 0.2)


def paragraph_indent(paragraph: Paragraph, style: TextStyle) -> float:
    """Left margin of a paragraph's text, in points."""
    if paragraph.kind == PLAIN:
        return 0.0
    return style.indents[min(paragraph.level, len(style.indents) - 1)]


def _pieces(runs: Sequence[Run]) -> list[Piece]:
    return [Piece(r.text, r.bold, r.italic, r.code) for r in runs]


def paragraph_height(paragraph: Paragraph, width: float, size: float, style: TextStyle,
                     first: bool) -> float:
    """Height of one paragraph set at ``size`` in a frame ``width`` points wide."""
    size = level_size(paragraph, size)
    lines = count_lines(_pieces(paragraph.runs), width - paragraph_indent(paragraph, style),
                        style.body_family, style.mono_family, size)
    return space_before(paragraph, size, first) + lines * Face(style.body_family, size).line_height


def level_size(paragraph: Paragraph, size: float) -> float:
    """Nested list levels are set a little smaller, as themes do."""
    return size if paragraph.level == 0 else max(size - 2 * min(paragraph.level, 2), MIN_BODY)


def text_height(paragraphs: Sequence[Paragraph], width: float, size: float,
                style: TextStyle) -> float:
    """Height of a text frame holding these paragraphs, insets included."""
    return 2 * INSET_Y + sum(paragraph_height(p, width - 2 * INSET_X, size, style, i == 0)
                             for i, p in enumerate(paragraphs))


def table_size(size: float) -> float:
    """Table text is set smaller than body text."""
    return max(size - 6, MIN_TABLE)


def column_widths(table: Table, width: float, size: float, style: TextStyle) -> list[float]:
    """Column widths sharing ``width`` in proportion to their content, none too narrow."""
    count = len(table.header)
    natural = []
    for column in range(count):
        cells = [table.header[column], *(row[column] for row in table.rows)]
        longest = max(sum(Face(style.body_family, size, r.bold, r.italic).width(r.text)
                          for r in cell) for cell in cells)
        natural.append(longest + 2 * CELL_X)
    total = sum(natural)
    if total <= width:
        return [w * width / total for w in natural]
    floor = width / count * 0.6
    widths = [max(w * width / total, floor) for w in natural]
    scale = width / sum(widths)
    return [w * scale for w in widths]


def row_height(cells: Sequence[Sequence[Run]], widths: Sequence[float], size: float,
               style: TextStyle) -> float:
    """Height of a table row at ``size``: its tallest cell."""
    line = Face(style.body_family, size).line_height
    lines = max(count_lines(_pieces(cell), w - 2 * CELL_X, style.body_family, style.mono_family,
                            size) for cell, w in zip(cells, widths, strict=True))
    return lines * line + 2 * CELL_Y


def _block_heights(blocks: Sequence[Block], width: float, size: float,
                   style: TextStyle) -> float:
    """Height of stacked text and table blocks (pictures sit beside them)."""
    total, group = 0.0, []
    for block in [*blocks, None]:
        if isinstance(block, Paragraph):
            group.append(block)
            continue
        if group:
            total += text_height(group, width, size, style) + BLOCK_GAP * size
            group = []
        if isinstance(block, Table):
            tsize = table_size(size)
            widths = column_widths(block, width, tsize, style)
            total += sum(row_height(r, widths, tsize, style) for r in (block.header, *block.rows))
            total += BLOCK_GAP * size
    return total - (BLOCK_GAP * size if total else 0.0)


def text_width(blocks: Sequence[Block], width: float) -> float:
    """Width left for text and tables: all of it, or what a picture beside them leaves."""
    has_picture = any(isinstance(b, Picture) for b in blocks)
    has_text = any(not isinstance(b, Picture) for b in blocks)
    return width * (1 - PICTURE_SHARE) - 18 if has_picture and has_text else width


def fits(blocks: Sequence[Block], width: float, height: float, size: float,
         style: TextStyle) -> bool:
    """Whether these blocks fit a box of ``width`` x ``height`` points at ``size``."""
    return _block_heights(blocks, text_width(blocks, width), size, style) <= height * SAFETY


def sizes(style: TextStyle) -> list[float]:
    """Body sizes to try, from the theme's down to the smallest readable one."""
    out, size = [], style.body_size
    while size >= MIN_BODY:
        out.append(size)
        size -= SIZE_STEP
    return out or [style.body_size]


def split_blocks(blocks: Sequence[Block], width: float, height: float, size: float,
                 style: TextStyle) -> list[tuple[Block, ...]]:
    """Blocks cut into pages that each fit; long tables are cut between rows, header repeated."""
    pages: list[list[Block]] = [[]]
    for block in blocks:
        pieces: list[Block] = [block]
        if isinstance(block, Table):
            pieces = [replace(block, rows=(row,)) for row in block.rows] or [block]
        for piece in pieces:
            current = pages[-1]
            merged = _merge_rows(current, piece)
            if not current or fits(merged, width, height, size, style):
                pages[-1] = merged
            else:
                pages.append([piece])
    return [tuple(p) for p in pages]


def _merge_rows(current: list[Block], piece: Block) -> list[Block]:
    """Append a block, joining rows of the same table into one table."""
    last = current[-1] if current else None
    if isinstance(piece, Table) and isinstance(last, Table) and last.header == piece.header \
            and piece.rows and len(piece.rows) == 1 and last.rows:
        return [*current[:-1], replace(last, rows=(*last.rows, *piece.rows))]
    return [*current, piece]


def title_size(title: str, box_width: float, box_height: float, style: TextStyle) -> float | None:
    """The title's size: None when the theme's fits, else the largest fitting size."""
    size = style.title_size
    while size > MIN_TITLE:
        lines = count_lines([Piece(title, bold=True)], box_width - 2 * INSET_X, style.title_family,
                            style.mono_family, size)
        if lines * Face(style.title_family, size).line_height + 2 * INSET_Y <= box_height * SAFETY:
            break
        size -= SIZE_STEP
    return None if size == style.title_size else size


@dataclass(frozen=True, slots=True, kw_only=True)
class Boxes:
    """The boxes (in points) that bodies must fit, from the deck's layouts."""

    title: tuple[float, float]  # width, height of the content title
    body: tuple[float, float]
    column: tuple[float, float]  # one body column of the comparison layout


def paginate(spec: SlideSpec, boxes: Boxes, style: TextStyle) -> list[Page]:
    """One spec as one page, or several: '(cont.)' pages share its notes."""
    tsize = title_size(spec.title, *boxes.title, style)
    if spec.role in (CONTENT, TITLE_ONLY):
        width, height = boxes.body
        for size in sizes(style):
            if fits(spec.body, width, height, size, style):
                return [Page(spec=spec, title=spec.title, body=spec.body, body_size=size,
                             title_size=tsize)]
        chunks = split_blocks(spec.body, width, height, style.body_size, style)
        return _continued(spec, [{"body": c} for c in chunks], style.body_size, boxes, style)
    if spec.role == COMPARISON:
        width, height = boxes.column
        for size in sizes(style):
            if all(fits(c.body, width, height, size, style) for c in spec.columns):
                return [Page(spec=spec, title=spec.title, columns=spec.columns, body_size=size,
                             title_size=tsize)]
        split = [split_blocks(c.body, width, height, style.body_size, style) for c in spec.columns]
        count = max(len(s) for s in split)
        pages = [{"columns": tuple(
            Column(heading=c.heading, body=s[i] if i < len(s) else ())
            for c, s in zip(spec.columns, split, strict=True))} for i in range(count)]
        return _continued(spec, pages, style.body_size, boxes, style)
    return [Page(spec=spec, title=spec.title, body_size=style.body_size, title_size=tsize)]


def _continued(spec: SlideSpec, parts: list[dict[str, tuple[Block, ...] | tuple[Column, ...]]],
               size: float, boxes: Boxes, style: TextStyle) -> list[Page]:
    pages = []
    for index, part in enumerate(parts):
        title = spec.title if index == 0 else spec.title + CONTINUED
        pages.append(Page(spec=spec, title=title, body_size=size,
                          title_size=title_size(title, *boxes.title, style),
                          **part))  # type: ignore[arg-type]
    return pages


def points(emu: int) -> float:
    """EMU to points."""
    return emu / EMU_PER_PT
