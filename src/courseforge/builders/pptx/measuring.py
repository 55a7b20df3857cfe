"""Measuring slide text in points: paragraph heights, the sizes and margins the writer sets,
and whether blocks fit a box (:mod:`.table_measures` measures tables, :mod:`.text_fit` the
words)."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .markdown_runs import BULLET, LETTER, NUMBER, PLAIN, Block, Paragraph, Picture, Table
from .table_measures import pieces_of, table_block_height
from .text_fit import EMU_PER_PT, LINE_SAFETY, Face, count_lines

MIN_BODY = 18.0  # points: smaller body text is hard to read from the back of a room
MIN_CODE = 10.0  # points: a code line is set this small rather than wrapped
LABEL_GAP = 0.25  # ems between a list label ('A.') and its text, at least
INSET_X, INSET_Y = 7.2, 3.6  # default text frame insets (0.1 in, 0.05 in), in points
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


@functools.lru_cache(maxsize=1 << 16)  # splitting measures the same paragraphs again and again
def paragraph_height(paragraph: Paragraph, width: float, size: float, style: TextStyle,
                     first: bool) -> float:
    """Height of one paragraph set at ``size`` in a frame ``width`` points wide."""
    size = level_size(paragraph, size)
    margin = paragraph_indent(paragraph, style, size)[0]
    lines = count_lines(pieces_of(paragraph.runs), width - margin, style.body_family,
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
            height = table_block_height(block, width, tsize, style)
            if height == math.inf:
                return height  # smaller, no word breaks
            total += height + BLOCK_GAP * size
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




def points(emu: int) -> float:
    """EMU to points."""
    return emu / EMU_PER_PT
