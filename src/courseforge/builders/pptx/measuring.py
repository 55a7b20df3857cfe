"""Measuring slide text in points: paragraph and table heights, the sizes and margins the
writer sets, and whether blocks fit a box (:mod:`.text_fit` measures the words)."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .hyphenation import hyphenate_cell
from .markdown_runs import BULLET, LETTER, NUMBER, PLAIN, Block, Paragraph, Picture, Run, Table
from .text_fit import (
    EMU_PER_PT,
    LINE_SAFETY,
    Face,
    Piece,
    count_lines,
    line_width,
    word_widths,
)

MIN_BODY = 18.0  # points: smaller body text is hard to read from the back of a room
MIN_CODE = 10.0  # points: a code line is set this small rather than wrapped
TABLE_SIZES = (20.0, 18.0, 16.0, 14.0)  # table text, largest first; below 14 rows continue
LABEL_GAP = 0.25  # ems between a list label ('A.') and its text, at least
INSET_X, INSET_Y = 7.2, 3.6  # default text frame insets (0.1 in, 0.05 in), in points
CELL_X, CELL_Y = 9.0, 5.4  # table cell margins: more air than a text frame, as in print
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
    language: str = "en"  # the course's: table words are hyphenated by its rules



def space_before(paragraph: Paragraph, size: float, first: bool) -> float:
    """Space above a paragraph, in points (the writer sets the same)."""
    if first:
        return 0.0
    return size * (0.4 if paragraph.level == 0 else 0.2)


def paragraph_indent(paragraph: Paragraph, style: TextStyle, size: float) -> tuple[float, float]:
    """(left margin of a paragraph's text, hanging indent of its bullet or label), in points.

    A numbered or lettered item's hanging indent holds a typical label ('D.', '8.') and a
    gap at ``size`` whatever the font: a wide one would otherwise run label and text together.
    """
    if paragraph.kind == PLAIN:
        return 0.0, 0.0
    margin = style.indents[min(paragraph.level, len(style.indents) - 1)]
    if paragraph.kind == BULLET:
        return margin, style.hanging
    label = Face(style.body_family, size).width(
        "D." if paragraph.kind == LETTER else "8" * paragraph.digits + ".")
    extra = max(0.0, label + LABEL_GAP * size - style.hanging)
    return margin + extra, style.hanging + extra


def _pieces(runs: Sequence[Run], bold: bool = False) -> list[Piece]:
    return [Piece(r.text, r.bold or bold, r.italic, r.code) for r in runs]


@functools.lru_cache(maxsize=1 << 16)  # splitting measures the same paragraphs again and again
def paragraph_height(paragraph: Paragraph, width: float, size: float, style: TextStyle,
                     first: bool) -> float:
    """Height of one paragraph set at ``size`` in a frame ``width`` points wide."""
    size = level_size(paragraph, size)
    margin = paragraph_indent(paragraph, style, size)[0]
    lines = count_lines(_pieces(paragraph.runs), width - margin, style.body_family,
                        style.mono_family, size)
    return space_before(paragraph, size, first) + lines * Face(style.body_family, size).line_height


def level_size(paragraph: Paragraph, size: float) -> float:
    """Nested list levels are set a little smaller, as themes do; a code line no larger
    than its block's longest line allows."""
    if paragraph.largest:
        return min(size, paragraph.largest)
    return size if paragraph.level == 0 else max(size - 2 * min(paragraph.level, 2), MIN_BODY)


def prepared(blocks: Sequence[Block], width: float, style: TextStyle) -> tuple[Block, ...]:
    """Blocks ready to fit into ``width``: the items of a numbered list reaching 10 indented
    for two digits, and every line of a code block capped at the size at which the block's
    longest line fits on one line."""
    out = list(blocks)

    def paragraph(index: int) -> Paragraph:
        block = out[index]
        assert isinstance(block, Paragraph)
        return block

    for start, end in _runs_of(out, lambda b: isinstance(b, Paragraph) and b.kind == NUMBER):
        for level in {paragraph(i).level for i in range(start, end)}:
            items = [i for i in range(start, end) if paragraph(i).level == level]
            digits = len(str(max(paragraph(i).number for i in items)))
            for i in items:
                out[i] = replace(paragraph(i), digits=digits)
    room = width - 2 * INSET_X
    for start, end in _runs_of(out, lambda b: isinstance(b, Paragraph) and b.is_code):
        # measured whole, in the code face: indentation counts
        longest = max(Face(style.mono_family, 100.0).width(paragraph(i).text)
                      for i in range(start, end))
        largest = max(MIN_CODE, room * LINE_SAFETY * 100.0 / longest) if longest else 0.0
        for i in range(start, end):
            out[i] = replace(paragraph(i), largest=largest)
    return tuple(out)


def _runs_of(blocks: Sequence[Block], belongs: Callable[[Block], bool]) -> list[tuple[int, int]]:
    """(start, end) of every stretch of consecutive blocks that belong together."""
    stretches, start = [], None
    for index, block in enumerate([*blocks, None]):
        inside = block is not None and belongs(block)
        if inside and start is None:
            start = index
        elif not inside and start is not None:
            stretches.append((start, index))
            start = None
    return stretches


def text_height(paragraphs: Sequence[Paragraph], width: float, size: float,
                style: TextStyle) -> float:
    """Height of a text frame holding these paragraphs, insets included."""
    return 2 * INSET_Y + sum(paragraph_height(p, width - 2 * INSET_X, size, style, i == 0)
                             for i, p in enumerate(paragraphs))


def column_widths(table: Table, width: float, size: float, style: TextStyle) -> list[float]:
    """Column widths filling ``width``, shared by content as browsers do for automatic tables.

    Every column gets at least its longest word (so no word breaks) and the room left is
    shared in proportion to how much longer the column's longest cell is; when even the
    longest words do not fit, they share ``width`` in proportion. A table with ``shares``
    (a continued one) keeps them.
    """
    if table.shares:
        return [share * width for share in table.shares]
    shortest, longest = column_ranges(table, size, style)
    if sum(longest) <= width:
        return [w * width / sum(longest) for w in longest]
    if sum(shortest) <= width:
        stretch = [hi - lo for lo, hi in zip(shortest, longest, strict=True)]
        spare = width - sum(shortest)
        return [lo + spare * s / sum(stretch) for lo, s in zip(shortest, stretch, strict=True)]
    return [w * width / sum(shortest) for w in shortest]


@functools.lru_cache(maxsize=1 << 12)  # pagination tries each table at every size, often
def column_ranges(table: Table, size: float,
                  style: TextStyle) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(narrowest, widest) width of every column at ``size``: its longest word, its longest
    cell on one line, cell margins included."""
    rows = _rows(table)
    narrowest = [_narrowest(cells, bold, size, style) for cells, bold in rows]
    shortest, longest = [], []
    for column in range(len(table.header)):
        low = max(row[column] for row in narrowest)
        high = max(line_width(_pieces(cells[column], bold), style.body_family, style.mono_family,
                              size) for cells, bold in rows) + 2 * CELL_X
        shortest.append(low)
        longest.append(max(high, low))
    return tuple(shortest), tuple(longest)


def words_fit(table: Table, width: float, size: float, style: TextStyle) -> bool:
    """Whether every word of the table fits its column across ``width`` at ``size``."""
    if table.shares:  # fixed columns: each row on its own (a long table's are measured once)
        room = [share * width + 0.01 for share in table.shares]
        return all(low <= limit for cells, bold in _rows(table)
                   for low, limit in zip(_narrowest(cells, bold, size, style), room, strict=True))
    return sum(column_ranges(table, size, style)[0]) <= width


def _rows(table: Table) -> list[tuple[tuple[tuple[Run, ...], ...], bool]]:
    """The table's rows, header first, each with whether it is set bold."""
    return [(table.header, True), *((row, False) for row in table.rows)]


@functools.lru_cache(maxsize=1 << 14)  # a continued table's rows, on every page tried
def _narrowest(cells: tuple[tuple[Run, ...], ...], bold: bool, size: float,
               style: TextStyle) -> tuple[float, ...]:
    """The narrowest width of each cell's column that this row allows: its longest word, with
    the room the line breaker keeps (a word must never break), and the cell's margins. A
    column's narrowest width is the largest of its rows' (the same float: adding and
    dividing by constants keeps the order of rounded numbers)."""
    return tuple(max(word_widths(_pieces(cell, bold), style.body_family, style.mono_family,
                                 size), default=0.0) / LINE_SAFETY + 2 * CELL_X + 1.0
                 for cell in cells)


def hyphenated(table: Table, width: float, style: TextStyle) -> Table:
    """The table as is when its words fit ``width`` at the smallest table size; else with the
    words too long for their column hyphenated in the course's language."""
    size = TABLE_SIZES[-1]
    if words_fit(table, width, size, style):
        return table
    widths = column_widths(table, width, size, style)

    def measure(header: bool, run: Run, word: str) -> float:
        face = Face(style.mono_family if run.code else style.body_family, size,
                    run.bold or header, run.italic)
        return face.width(word)

    def cells(row: Sequence[Sequence[Run]], header: bool) -> tuple[tuple[Run, ...], ...]:
        return tuple(hyphenate_cell(cell, (w - 2 * CELL_X - 1.0) * LINE_SAFETY,
                                    functools.partial(measure, header), style.language)
                     for cell, w in zip(row, widths, strict=True))

    return replace(table, header=cells(table.header, True),
                   rows=tuple(cells(row, False) for row in table.rows))


def with_shares(table: Table, width: float, style: TextStyle) -> Table:
    """The table with its column widths fixed, as set at the smallest size across ``width``."""
    widths = column_widths(table, width, TABLE_SIZES[-1], style)
    return replace(table, shares=tuple(w / width for w in widths))


def row_height(cells: Sequence[Sequence[Run]], widths: Sequence[float], size: float,
               style: TextStyle, *, header: bool = False) -> float:
    """Height of a table row at ``size``: its tallest cell (header cells are set bold)."""
    line = Face(style.body_family, size).line_height
    lines = max(count_lines(_pieces(cell, header), w - 2 * CELL_X, style.body_family,
                            style.mono_family, size)
                for cell, w in zip(cells, widths, strict=True))
    return lines * line + 2 * CELL_Y


def table_heights(table: Table, width: float, size: float,
                  style: TextStyle) -> tuple[list[float], list[float]]:
    """(column widths, row heights, header first) of a table set at ``size`` across ``width``."""
    widths = column_widths(table, width, size, style)
    heights = [row_height(table.header, widths, size, style, header=True),
               *(row_height(r, widths, size, style) for r in table.rows)]
    return widths, heights


def _block_heights(blocks: Sequence[Block], width: float, size: float, tsize: float,
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
            height = _table_block_height(block, width, tsize, style)
            if height == math.inf:
                return height  # smaller, no word breaks
            total += height + BLOCK_GAP * size
    return total - (BLOCK_GAP * size if total else 0.0)


@functools.lru_cache(maxsize=1 << 12)  # splitting measures the same tables again and again
def _table_block_height(table: Table, width: float, tsize: float, style: TextStyle) -> float:
    """A table's height at ``tsize`` across ``width``; infinite when a smaller size would
    spare its words a break."""
    if not words_fit(table, width, tsize, style) and words_fit(table, width, TABLE_SIZES[-1],
                                                               style):
        return math.inf  # smaller, no word breaks
    if table.shares:  # fixed columns: each row's height on its own, measured once
        widths = tuple(column_widths(table, width, tsize, style))
        return sum([_row_height(cells, widths, tsize, style, bold)
                    for cells, bold in _rows(table)])
    return sum(table_heights(table, width, tsize, style)[1])


@functools.lru_cache(maxsize=1 << 14)
def _row_height(cells: tuple[tuple[Run, ...], ...], widths: tuple[float, ...], size: float,
                style: TextStyle, header: bool) -> float:
    return row_height(cells, widths, size, style, header=header)


def text_width(blocks: Sequence[Block], width: float) -> float:
    """Width left for text and tables: all of it, or what a picture beside them leaves."""
    has_picture = any(isinstance(b, Picture) for b in blocks)
    has_text = any(not isinstance(b, Picture) for b in blocks)
    return width * (1 - PICTURE_SHARE) - 18 if has_picture and has_text else width


def fits(blocks: Sequence[Block], width: float, height: float, size: float, tsize: float,
         style: TextStyle) -> bool:
    """Whether these blocks fit a box of ``width`` x ``height`` points at these sizes."""
    return _block_heights(blocks, text_width(blocks, width), size, tsize, style) <= height * SAFETY




def points(emu: int) -> float:
    """EMU to points."""
    return emu / EMU_PER_PT
