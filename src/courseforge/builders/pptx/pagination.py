"""Fitting slide bodies into their boxes: choose a readable size, or split onto continuation slides.

Everything is measured in points with :mod:`.text_fit`; the writer then sets exactly
the sizes, spacing and indents assumed here, so what fits here fits in the deck.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .layouts import ColumnGeometry
from .markdown_runs import PLAIN, Block, Paragraph, Picture, Run, Table
from .measuring import (
    INSET_X,
    INSET_Y,
    MIN_BODY,
    SAFETY,
    TextStyle,
    fits,
    paragraph_height,
    points,
    prepared,
    text_height,
    text_width,
)
from .slide_specs_base import COMPARISON, CONTENT, TITLE_ONLY, Column, SlideSpec
from .splitting import balanced_split, most, shrink, size_pairs, sizes
from .table_measures import CELL_X, TABLE_SIZES, column_widths, hyphenated, with_shares, words_fit
from .text_fit import Face, Piece, count_lines
from .texts import say

# the measuring names tests and callers have always found here
__all__ = ["CELL_X", "Boxes", "Page", "TextStyle", "column_blocks", "column_widths", "paginate",
           "paragraph_height", "words_fit"]

MIN_TITLE = 24.0
MIN_SUBTITLE = 14.0  # the small print of title and section slides
TWO_COLUMN_ITEMS = 6  # a list this long may go into two columns rather than shrink
TWO_COLUMN_BELOW = 2.0  # points under the theme's size at which two columns look better
COLUMN_SHARES = (0.5, 0.6, 0.67)  # left column's share of a comparison, equal first


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
