"""Measuring slide tables in points: column widths that share the width by content, row
heights, whether every word fits its column, and the height a table takes on a page."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .hyphenation import hyphenate_cell
from .markdown_runs import Run, Table
from .text_fit import LINE_SAFETY, Face, Piece, count_lines, line_width, word_widths

if TYPE_CHECKING:
    from .measuring import TextStyle

TABLE_SIZES = (20.0, 18.0, 16.0, 14.0)  # table text, largest first; below 14 rows continue
CELL_X, CELL_Y = 9.0, 5.4  # table cell margins: more air than a text frame, as in print


def pieces_of(runs: Sequence[Run], bold: bool = False) -> list[Piece]:
    """Runs as the pieces of text :mod:`.text_fit` measures (``bold``: all set bold)."""
    return [Piece(r.text, r.bold or bold, r.italic, r.code) for r in runs]


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
        high = max(line_width(pieces_of(cells[column], bold), style.body_family, style.mono_family,
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
    return tuple(max(word_widths(pieces_of(cell, bold), style.body_family, style.mono_family,
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
    lines = max(count_lines(pieces_of(cell, header), w - 2 * CELL_X, style.body_family,
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


@functools.lru_cache(maxsize=1 << 12)  # splitting measures the same tables again and again
def table_block_height(table: Table, width: float, tsize: float, style: TextStyle) -> float:
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
