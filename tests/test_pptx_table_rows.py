"""A continued table (fixed column shares) is measured row by row: the same figures, to the
last bit, as measuring the whole table at once, which pagination compares page by page."""

from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from courseforge.builders.pptx import table_measures
from courseforge.builders.pptx.markdown_runs import Run, Table
from courseforge.builders.pptx.reference_measures import default_text_style
from courseforge.builders.pptx.table_measures import (
    CELL_X,
    TABLE_SIZES,
    column_ranges,
    table_heights,
    words_fit,
)
from courseforge.builders.pptx.text_fit import LINE_SAFETY, Piece, word_widths

STYLE = default_text_style("en")
WORDS = st.sampled_from(["a", "row", "Projektmanagementbüro", "x" * 40, "schedule,", "—", "42"])
RUNS = st.lists(st.builds(lambda words, bold, code: Run(text=" ".join(words), bold=bold,
                                                        code=code),
                          st.lists(WORDS, min_size=1, max_size=6), st.booleans(),
                          st.booleans()), min_size=0, max_size=2).map(tuple)


@st.composite
def continued_tables(draw: st.DrawFn) -> Table:
    """A table whose columns are fixed shares of the width, as continued tables are."""
    columns = draw(st.integers(1, 4))
    row = st.lists(RUNS, min_size=columns, max_size=columns).map(tuple)
    weights = draw(st.lists(st.integers(1, 9), min_size=columns, max_size=columns))
    return Table(header=draw(row), rows=tuple(draw(st.lists(row, min_size=1, max_size=12))),
                 shares=tuple(w / sum(weights) for w in weights))


def whole_table_shortest(table: Table, size: float) -> list[float]:
    """Each column's narrowest width, from all its cells at once: its longest word, with the
    room the line breaker keeps, and the cell margins."""
    shortest = []
    for column in range(len(table.header)):
        cells = [(table.header[column], True), *((row[column], False) for row in table.rows)]
        longest = max(max(word_widths([Piece(r.text, r.bold or bold, r.italic, r.code)
                                       for r in cell], STYLE.body_family, STYLE.mono_family,
                                      size), default=0.0) for cell, bold in cells)
        shortest.append(longest / LINE_SAFETY + 2 * CELL_X + 1.0)
    return shortest


def whole_table_fits(table: Table, width: float, size: float) -> bool:
    """Every word fits its column: the narrowest widths of all rows at once."""
    shortest = whole_table_shortest(table, size)
    return all(low <= share * width + 0.01 for low, share in zip(shortest, table.shares,
                                                                 strict=True))


def whole_table_height(table: Table, width: float, size: float) -> float:
    """The height pagination gave a table before: all its rows measured together."""
    if not whole_table_fits(table, width, size) and whole_table_fits(table, width,
                                                                     TABLE_SIZES[-1]):
        return math.inf
    return sum(table_heights(table, width, size, STYLE)[1])


@settings(max_examples=150, deadline=None)
@given(continued_tables(), st.floats(200, 900), st.sampled_from(TABLE_SIZES))
def test_rows_measured_one_by_one_match_the_whole_table(table: Table, width: float,
                                                         size: float) -> None:
    shortest = whole_table_shortest(table, size)
    assert list(column_ranges(table, size, STYLE)[0]) == shortest
    # the random width, and the widths at which the words only just fit or just do not
    tight = max((low - 0.01) / share for low, share in zip(shortest, table.shares, strict=True))
    for room in (width, tight, tight * (1 - 1e-9), tight * (1 + 1e-9)):
        assert words_fit(table, room, size, STYLE) == whole_table_fits(table, room, size)
        height = table_measures.table_block_height.__wrapped__(table, room, size, STYLE)
        assert height == whole_table_height(table, room, size)  # exactly: pages must not move


def test_a_growing_table_is_measured_as_a_whole_at_every_length() -> None:
    """Pagination adds a continued table's rows one at a time; each length measures as the
    whole table of that length does, with rows measured once and found again."""
    cell = (Run(text="A description of the row that takes a few words"),)
    rows = tuple((cell, (Run(text=str(n)),)) for n in range(60))
    table = Table(header=((Run(text="Item"),), (Run(text="Value"),)), rows=rows,
                  shares=(0.8, 0.2))
    table_measures._row_height.cache_clear()
    for count in range(1, len(rows) + 1):
        part = replace(table, rows=rows[:count])
        assert table_measures.table_block_height.__wrapped__(part, 700.0, 14.0, STYLE) \
            == whole_table_height(part, 700.0, 14.0)
    measured = table_measures._row_height.cache_info()
    assert measured.misses == len(rows) + 1  # each row and the header once
    assert measured.hits == sum(range(1, len(rows) + 1)) + len(rows) - measured.misses
