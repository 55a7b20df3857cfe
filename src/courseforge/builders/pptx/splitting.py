"""Cutting slide bodies that do not fit: the sizes to try, and blocks, paragraphs and table
rows split across continuation pages."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from .markdown_runs import PLAIN, Block, Paragraph, Picture, Run, Table
from .measuring import MIN_BODY, TextStyle, fits
from .table_measures import TABLE_SIZES

SIZE_STEP = 2.0
BALANCE_STEPS = 8  # bisection steps when spreading continued content evenly


def sizes(style: TextStyle, smallest: float = MIN_BODY) -> list[float]:
    """Body sizes to try, from the theme's down to ``smallest``."""
    out, size = [], style.body_size
    while size >= smallest:
        out.append(size)
        size -= SIZE_STEP
    return out or [style.body_size]


def size_pairs(blocks: Sequence[Block], style: TextStyle,
               smallest: float = MIN_BODY) -> list[tuple[float, float]]:
    """(body, table) sizes to try, the largest together first; a table is never set larger.

    Without a table only the body size matters; without text only the table size does.
    """
    has_table = any(isinstance(b, Table) for b in blocks)
    has_text = any(isinstance(b, Paragraph) for b in blocks)
    bodies = sizes(style, smallest) if has_text else [style.body_size]
    if not has_table:
        return [(b, min(TABLE_SIZES[0], b)) for b in bodies]
    pairs = [(b, t) for b in bodies for t in TABLE_SIZES if t <= b or not has_text]
    # the larger the better, and, of equal sums, the closer the two sizes
    return sorted(pairs, key=lambda pair: (-(pair[0] + pair[1]), pair[0] - pair[1]))


def split_blocks(blocks: Sequence[Block], width: float, height: float, size: float,
                 tsize: float, style: TextStyle) -> list[tuple[Block, ...]]:
    """Blocks cut into pages that each fit; long tables are cut between rows, header repeated."""
    pages: list[list[Block]] = [[]]
    for block in blocks:
        pieces: list[Block] = [block]
        if isinstance(block, Table):
            pieces = [part for row in block.rows
                      for part in split_row(replace(block, rows=(row,)), width, height, tsize,
                                            style)] or [block]
        elif isinstance(block, Paragraph) and not fits([block], width, height, size, tsize, style):
            pieces = list(split_paragraph(block, width, height, size, style))
        for piece in pieces:
            current = pages[-1]
            merged = _merge_rows(current, piece)
            beside = isinstance(piece, Table) and piece.shares \
                and any(isinstance(b, Picture) for b in current)  # a continued table: full width
            if not current or (not beside and fits(merged, width, height, size, tsize, style)):
                pages[-1] = merged
            elif _moves_with(current, piece, width, height, size, tsize, style):
                pages[-1:] = [current[:-1], [current[-1], piece]]  # the caption with its table
            else:
                pages.append([piece])
    return [tuple(p) for p in pages]


def _moves_with(current: Sequence[Block], piece: Block, width: float, height: float,
                size: float, tsize: float, style: TextStyle) -> bool:
    """Whether the page ``piece`` starts takes the caption ending ``current`` along: a caption
    is never left at the foot of a page, away from its table, when the two fit together and
    something else stays behind."""
    last = current[-1]
    return (len(current) > 1 and isinstance(last, Paragraph) and last.caption
            and fits([last, piece], width, height, size, tsize, style))


def most(low: int, high: int, holds: Callable[[int], bool]) -> int:
    """The largest count in ``low..high`` for which ``holds`` (true up to some count, false
    after it); ``low`` when none does, so callers that split always make progress."""
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if holds(middle) else (low, middle - 1)
    return low


def shrink(size: float, smallest: float, fitting: Callable[[float], bool]) -> tuple[float, bool]:
    """(size, True): the largest size from ``size`` down, in steps, at which ``fitting``; or
    (the last size tried, False) when none down to ``smallest`` does. ``size`` is always tried."""
    while not fitting(size):
        if size - SIZE_STEP < smallest:
            return size, False
        size -= SIZE_STEP
    return size, True


_SENTENCE_END = re.compile(r"[.!?:;][)\"'”’]*\s+$")


def _tokens(runs: Sequence[Run]) -> list[Run]:
    """The runs cut after every space: the places a paragraph may be broken."""
    return [replace(run, text=word) for run in runs
            for word in re.findall(r"\S*\s*", run.text) if word]


def _joined(tokens: Sequence[Run]) -> tuple[Run, ...]:
    """Tokens back into runs, neighbours of the same formatting merged, trailing space dropped."""
    runs: list[Run] = []
    for token in tokens:
        if runs and replace(runs[-1], text="") == replace(token, text=""):
            runs[-1] = replace(runs[-1], text=runs[-1].text + token.text)
        else:
            runs.append(token)
    if runs:
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip())
    return tuple(r for r in runs if r.text)


def split_paragraph(paragraph: Paragraph, width: float, height: float, size: float,
                    style: TextStyle) -> Iterator[Paragraph]:
    """A paragraph too tall for a page as parts that each fit, cut after a sentence if one
    ends in the second half of what fits, else between words; the parts after the first
    continue the item without a bullet of their own.
    """
    tokens, part = _tokens(paragraph.runs), paragraph
    while tokens:
        fitting = most(1, len(tokens), functools.partial(
            _part_fits, part, tokens, width, height, size, style))
        ends = [i + 1 for i in range(fitting // 2, fitting)
                if _SENTENCE_END.search(tokens[i].text)]
        cut = ends[-1] if ends and fitting < len(tokens) else fitting
        yield replace(part, runs=_joined(tokens[:cut]))
        tokens = tokens[cut:]
        part = replace(paragraph, continues=paragraph.kind != PLAIN or paragraph.continues)


def split_row(table: Table, width: float, height: float, size: float,
              style: TextStyle) -> Iterator[Table]:
    """A one-row table whose row is taller than a page, as one-row tables that each fit: every
    cell continues in the next row from where the row before left it (cut between words)."""
    if fits([table], width, height, size, size, style):
        yield table
        return
    cells = [_tokens(cell) for cell in table.rows[0]]
    while any(cells):
        # the most tokens of each cell that fit
        count = most(1, max(len(c) for c in cells), functools.partial(
            _row_fits, table, cells, width, height, size, style))
        yield _row_of(table, cells, count)
        cells = [c[count:] for c in cells]


def _row_of(table: Table, cells: Sequence[Sequence[Run]], count: int) -> Table:
    """``table`` with one row: the first ``count`` tokens of each cell."""
    return replace(table, rows=(tuple(_joined(c[:count]) for c in cells),))


def _row_fits(table: Table, cells: Sequence[Sequence[Run]], width: float, height: float,
              size: float, style: TextStyle, count: int) -> bool:
    return fits([_row_of(table, cells, count)], width, height, size, size, style)


def _part_fits(part: Paragraph, tokens: Sequence[Run], width: float, height: float,
               size: float, style: TextStyle, count: int) -> bool:
    """Whether the first ``count`` tokens fit a page as ``part``'s text."""
    return fits([replace(part, runs=_joined(tokens[:count]))], width, height, size, size, style)


def balanced_split(blocks: Sequence[Block], width: float, height: float, size: float,
                   tsize: float, style: TextStyle) -> list[tuple[Block, ...]]:
    """As :func:`split_blocks`, on as few pages, but filled evenly: no last page of two rows.

    Filling each page to a lower mark spreads the blocks; the lowest mark that needs no
    extra page is found by bisection.
    """
    pages = split_blocks(blocks, width, height, size, tsize, style)
    low, high = 0.0, height
    for _ in range(BALANCE_STEPS):
        if len(pages) < 2:
            break
        mark = (low + high) / 2
        trial = split_blocks(blocks, width, mark, size, tsize, style)
        if len(trial) == len(pages):
            pages, high = trial, mark
        else:
            low = mark
    return pages


def _merge_rows(current: list[Block], piece: Block) -> list[Block]:
    """Append a block, joining rows of the same table into one table."""
    last = current[-1] if current else None
    if isinstance(piece, Table) and isinstance(last, Table) and last.header == piece.header \
            and piece.rows and len(piece.rows) == 1 and last.rows:
        return [*current[:-1], replace(last, rows=(*last.rows, *piece.rows))]
    return [*current, piece]
