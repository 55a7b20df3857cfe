"""Fitting slide bodies into their boxes: choose a readable size, or split onto continuation slides.

Everything is measured in points with :mod:`.text_fit`; the writer then sets exactly
the sizes, spacing and indents assumed here, so what fits here fits in the deck.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from .hyphenation import hyphenate_cell
from .layouts import ColumnGeometry
from .markdown_runs import BULLET, LETTER, NUMBER, PLAIN, Block, Paragraph, Picture, Run, Table
from .slide_specs_base import COMPARISON, CONTENT, TITLE_ONLY, Column, SlideSpec
from .text_fit import (
    EMU_PER_PT,
    LINE_SAFETY,
    Face,
    Piece,
    count_lines,
    line_width,
    word_widths,
)
from .texts import say

MIN_BODY = 18.0  # points: smaller body text is hard to read from the back of a room
MIN_CODE = 10.0  # points: a code line is set this small rather than wrapped
TABLE_SIZES = (20.0, 18.0, 16.0, 14.0)  # table text, largest first; below 14 rows continue
MIN_TITLE = 24.0
MIN_SUBTITLE = 14.0  # the small print of title and section slides
LABEL_GAP = 0.25  # ems between a list label ('A.') and its text, at least
SIZE_STEP = 2.0
INSET_X, INSET_Y = 7.2, 3.6  # default text frame insets (0.1 in, 0.05 in), in points
CELL_X, CELL_Y = 9.0, 5.4  # table cell margins: more air than a text frame, as in print
BLOCK_GAP = 0.5  # gap between stacked blocks, in ems of the body size
SAFETY = 0.96  # renderers differ slightly in kerning and line breaking: keep a margin
PICTURE_SHARE = 0.45  # of the body width, when a picture sits beside text
TWO_COLUMN_ITEMS = 6  # a list this long may go into two columns rather than shrink
TWO_COLUMN_BELOW = 2.0  # points under the theme's size at which two columns look better
BALANCE_STEPS = 8  # bisection steps when spreading continued content evenly
COLUMN_SHARES = (0.5, 0.6, 0.67)  # left column's share of a comparison, equal first


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A slide ready to write: the spec's role and notes, a fitted body and the sizes chosen."""

    spec: SlideSpec
    role: str  # the spec's, or comparison for a long list set in two columns
    title: str
    body: tuple[Block, ...] = ()
    columns: tuple[Column, ...] = ()
    body_size: float
    table_size: float = TABLE_SIZES[0]
    title_size: float | None = None  # None: the layout's own size fits
    subtitle: tuple[str, ...] = ()  # title and section slides: the lines under the title
    subtitle_size: float = 0.0
    share: float = 0.5  # the left column's share of a comparison's width
    continued: bool = False  # a '(cont.)' page: the rest of the spec's body


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


def column_ranges(table: Table, size: float, style: TextStyle) -> tuple[list[float], list[float]]:
    """(narrowest, widest) width of every column at ``size``: its longest word, its longest
    cell on one line, cell margins included."""
    shortest, longest = [], []
    for column in range(len(table.header)):
        cells = [(table.header[column], True), *((row[column], False) for row in table.rows)]
        words = [word_widths(_pieces(cell, bold), style.body_family, style.mono_family, size)
                 for cell, bold in cells]
        # the longest word, with the room the line breaker keeps (a word must never break)
        low = max((max(w, default=0.0) for w in words), default=0.0) / LINE_SAFETY \
            + 2 * CELL_X + 1.0
        high = max(line_width(_pieces(cell, bold), style.body_family, style.mono_family, size)
                   for cell, bold in cells) + 2 * CELL_X
        shortest.append(low)
        longest.append(max(high, low))
    return shortest, longest


def words_fit(table: Table, width: float, size: float, style: TextStyle) -> bool:
    """Whether every word of the table fits its column across ``width`` at ``size``."""
    shortest = column_ranges(table, size, style)[0]
    if table.shares:
        return all(low <= share * width + 0.01
                   for low, share in zip(shortest, table.shares, strict=True))
    return sum(shortest) <= width


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
            if not words_fit(block, width, tsize, style) \
                    and words_fit(block, width, TABLE_SIZES[-1], style):
                return math.inf  # smaller, no word breaks
            total += sum(table_heights(block, width, tsize, style)[1]) + BLOCK_GAP * size
    return total - (BLOCK_GAP * size if total else 0.0)


def text_width(blocks: Sequence[Block], width: float) -> float:
    """Width left for text and tables: all of it, or what a picture beside them leaves."""
    has_picture = any(isinstance(b, Picture) for b in blocks)
    has_text = any(not isinstance(b, Picture) for b in blocks)
    return width * (1 - PICTURE_SHARE) - 18 if has_picture and has_text else width


def fits(blocks: Sequence[Block], width: float, height: float, size: float, tsize: float,
         style: TextStyle) -> bool:
    """Whether these blocks fit a box of ``width`` x ``height`` points at these sizes."""
    return _block_heights(blocks, text_width(blocks, width), size, tsize, style) <= height * SAFETY


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
            else:
                pages.append([piece])
    return [tuple(p) for p in pages]


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


def _title_fits(text: str, size: float, box_width: float, box_height: float,
                style: TextStyle) -> bool:
    lines = count_lines([Piece(text, bold=True)], box_width - 2 * INSET_X, style.title_family,
                        style.mono_family, size)
    return lines * Face(style.title_family, size).line_height + 2 * INSET_Y <= box_height * SAFETY


def fit_title(title: str, box: tuple[float, float, float], style: TextStyle,
              suffix: str = "") -> tuple[str, float | None]:
    """The title as set in ``box`` (width, height, layout's size) and its size (None: the
    layout's size fits).

    The largest size down to ``MIN_TITLE`` that fits; a title too long even then is cut
    after the last word that fits, with an ellipsis (the notes give it in full).
    """
    width, height, start = box

    def fitting(text: str, size: float) -> bool:
        return _title_fits(text, size, width, height, style)

    size, fits_whole = shrink(start, MIN_TITLE, functools.partial(fitting, title + suffix))
    if fits_whole:
        return title + suffix, None if size == start else size
    words = title.split()

    def cut(count: int) -> str:
        return " ".join(words[:count]) + "…" + suffix

    return cut(most(0, len(words), lambda count: fitting(cut(count), size))), size


@dataclass(frozen=True, slots=True, kw_only=True)
class Boxes:
    """The boxes (in points) that bodies must fit, from the deck's layouts."""

    titles: tuple[tuple[str, float, float, float], ...]  # role, width, height, layout's size
    subtitles: tuple[tuple[str, float, float, float], ...] = ()  # the same, for subtitles
    body: tuple[float, float]
    columns: ColumnGeometry  # the comparison layout's columns, in EMU

    def title(self, role: str) -> tuple[float, float, float]:
        """Width and height of a role's title box, and the size its layout sets titles in."""
        return next(box for name, *box in self.titles if name == role)  # type: ignore[return-value]

    def subtitle(self, role: str) -> tuple[float, float, float] | None:
        """Width and height of a role's subtitle box and its layout's size; None: no box."""
        return next(((width, height, size) for name, width, height, size in self.subtitles
                     if name == role), None)

    def column_widths(self, share: float) -> tuple[float, float]:
        """The two comparison columns' widths in points, the left one taking ``share``."""
        left, right = self.columns.widths(share)
        return points(left), points(right)

    def column_height(self, columns: Sequence[Column]) -> float:
        """Height of the comparison bodies; columns without headings start where headings do."""
        geometry = self.columns
        top = geometry.body_top if any(c.heading for c in columns) else geometry.heading_top
        return points(geometry.bottom - top)


def column_blocks(column: Column, boxes: Boxes) -> tuple[Block, ...]:
    """A column's body; its heading leads it as a bold paragraph when the layout has no place."""
    if column.heading and not boxes.columns.headings:
        return (Paragraph(runs=(Run(text=column.heading, bold=True),)), *column.body)
    return column.body


def paginate(spec: SlideSpec, boxes: Boxes, style: TextStyle) -> list[Page]:
    """One spec as one page, or several: '(cont.)' pages share its notes."""
    return [_with_title(page, boxes, style) for page in _pages(spec, boxes, style)]


def _with_title(page: Page, boxes: Boxes, style: TextStyle) -> Page:
    """The page with its title fitted to the title box, and its subtitle to the subtitle's."""
    suffix = say("cont") if page.continued else ""
    title, size = fit_title(page.spec.title, boxes.title(page.role), style, suffix=suffix)
    box = boxes.subtitle(page.role)
    if not page.spec.subtitle or box is None:
        return replace(page, title=title, title_size=size)
    lines, subtitle_size = fit_subtitle(page.spec.subtitle, box, style)
    return replace(page, title=title, title_size=size, subtitle=lines,
                   subtitle_size=subtitle_size)


def subtitle_height(lines: Sequence[str], width: float, size: float, style: TextStyle) -> float:
    """Height of a subtitle's lines set at ``size`` in a frame ``width`` points wide."""
    return text_height([Paragraph(runs=(Run(text=line),)) for line in lines], width, size, style)


def fit_subtitle(lines: Sequence[str], box: tuple[float, float, float],
                 style: TextStyle) -> tuple[tuple[str, ...], float]:
    """The subtitle's lines and size: the layout's size or smaller, down to ``MIN_SUBTITLE``;
    then its longest line is cut after the last word that fits, with an ellipsis."""
    width, height, start = box
    lines = tuple(lines)

    def fitting(text: Sequence[str], size: float) -> bool:
        return subtitle_height(text, width, size, style) <= height * SAFETY

    size, fits_whole = shrink(start, MIN_SUBTITLE, functools.partial(fitting, lines))
    if fits_whole:
        return lines, size
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    words = lines[longest].split()

    def cut(count: int) -> tuple[str, ...]:
        return (*lines[:longest], " ".join(words[:count]) + "…", *lines[longest + 1:])

    return cut(most(0, len(words), lambda count: fitting(cut(count), size))), size


def _pages(spec: SlideSpec, boxes: Boxes, style: TextStyle) -> list[Page]:
    if spec.role in (CONTENT, TITLE_ONLY):
        width, height = boxes.body
        narrow = text_width(spec.body, width)
        body = tuple(hyphenated(b, narrow, style) if isinstance(b, Table) else b
                     for b in prepared(spec.body, narrow, style))
        page = (_single(spec, body, boxes, style, style.body_size - TWO_COLUMN_BELOW)
                or _two_columns(spec, body, boxes, style)
                or _single(spec, body, boxes, style, MIN_BODY))
        if page is not None:
            return [page]
        body = continued_body(prepared(spec.body, width, style), width, style)
        chunks = balanced_split(body, width, height, style.body_size, TABLE_SIZES[-1], style)
        pairs = size_pairs(body, style)
        # a table row taller than a page fits at no size: it gets the smallest
        size, table = next((pair for pair in pairs
                            if all(fits(c, width, height, *pair, style) for c in chunks)),
                           pairs[-1])
        return _continued(spec, [(c, ()) for c in chunks], size, table, boxes, style)
    if spec.role == COMPARISON:
        narrowest = min(boxes.column_widths(COLUMN_SHARES[-1]))
        spec = replace(spec, columns=tuple(replace(c, body=prepared(c.body, narrowest, style))
                                           for c in spec.columns))
        page = _comparison(spec, spec.columns, boxes, style)
        if page is not None:
            return [page]
        return _comparison_continued(spec, boxes, style)
    return [Page(spec=spec, role=spec.role, title=spec.title, body_size=style.body_size)]


def continued_body(blocks: Sequence[Block], width: float, style: TextStyle) -> tuple[Block, ...]:
    """A body that continues, ready to split: its tables across the full width, hyphenated
    if need be, with the same column widths on every part; its pictures go with the text
    before the first table, so no part of a table sits beside a picture."""
    tables = [i for i, b in enumerate(blocks) if isinstance(b, Table)]
    if not tables:
        return tuple(blocks)
    pictures = [b for b in blocks if isinstance(b, Picture)]
    rest = [with_shares(hyphenated(b, width, style), width, style) if isinstance(b, Table)
            else b for b in blocks if not isinstance(b, Picture)]
    first = next(i for i, b in enumerate(rest) if isinstance(b, Table))
    return (*rest[:first], *pictures, *rest[first:])


def _single(spec: SlideSpec, body: tuple[Block, ...], boxes: Boxes, style: TextStyle,
            smallest: float) -> Page | None:
    """The body on one page at the largest sizes down to ``smallest`` that fit, or None."""
    width, height = boxes.body
    for size, table in size_pairs(body, style, smallest):
        if fits(body, width, height, size, table, style):
            return Page(spec=spec, role=spec.role, title=spec.title, body=body,
                        body_size=size, table_size=table)
    return None


def _two_columns(spec: SlideSpec, body: tuple[Block, ...], boxes: Boxes,
                 style: TextStyle) -> Page | None:
    """A long list of top-level items in two columns of the comparison layout, or None."""
    if len(body) < TWO_COLUMN_ITEMS or not all(
            isinstance(b, Paragraph) and b.kind != PLAIN and b.level == 0 for b in body):
        return None
    half = (len(body) + 1) // 2
    columns = (Column(heading="", body=body[:half]), Column(heading="", body=body[half:]))
    return _comparison(spec, columns, boxes, style, shares=(0.5,))


def _comparison(spec: SlideSpec, columns: Sequence[Column], boxes: Boxes, style: TextStyle,
                shares: Sequence[float] = COLUMN_SHARES) -> Page | None:
    """Columns side by side at the largest size that fits, widening the fuller one if need be."""
    height = boxes.column_height(columns)
    bodies = [column_blocks(c, boxes) for c in columns]
    for size in sizes(style):
        for share in shares:
            for left in dict.fromkeys((share, 1 - share)):
                widths = boxes.column_widths(left)
                if all(fits(b, w, height, size, size, style)
                       for b, w in zip(bodies, widths, strict=False)):
                    return Page(spec=spec, role=COMPARISON, title=spec.title,
                                columns=tuple(columns), body_size=size, table_size=size,
                                share=left)
    return None


def _comparison_continued(spec: SlideSpec, boxes: Boxes, style: TextStyle) -> list[Page]:
    """Columns too long for one slide, at the smallest readable size, on as few pages as can be.

    A column that fits one page is repeated beside every page of the other: the two are
    read across (the targets of a matching question stay beside every item).
    """
    height = boxes.column_height(spec.columns)
    best: tuple[int, float, list[list[tuple[Block, ...]]]] | None = None
    for share in COLUMN_SHARES:
        for left in dict.fromkeys((share, 1 - share)):
            split = [balanced_split(column_blocks(c, boxes), w, height, MIN_BODY,
                                    TABLE_SIZES[-1], style)
                     for c, w in zip(spec.columns, boxes.column_widths(left), strict=False)]
            count = max(len(chunks) for chunks in split)
            if best is None or count < best[0]:
                best = (count, left, split)
    assert best is not None
    count, left, split = best
    # the heading was measured in the body where the layout has no heading placeholder
    parts = [((), tuple(
        Column(heading=c.heading if boxes.columns.headings else "",
               body=chunks[0] if len(chunks) == 1 else chunks[i] if i < len(chunks) else ())
        for c, chunks in zip(spec.columns, split, strict=False))) for i in range(count)]
    return _continued(spec, parts, MIN_BODY, TABLE_SIZES[-1], boxes, style, share=left)


def _continued(spec: SlideSpec, parts: Sequence[tuple[tuple[Block, ...], tuple[Column, ...]]],
               size: float, table: float, boxes: Boxes, style: TextStyle,
               share: float = 0.5) -> list[Page]:
    """Pages of (body, columns) parts, every one after the first titled '(cont.)'."""
    pages = []
    for index, (body, columns) in enumerate(parts):
        title = spec.title if index == 0 else spec.title + say("cont")
        pages.append(Page(spec=spec, role=spec.role, title=title, body=body, columns=columns,
                          body_size=size, table_size=table, share=share, continued=index > 0))
    return pages


def points(emu: int) -> float:
    """EMU to points."""
    return emu / EMU_PER_PT
