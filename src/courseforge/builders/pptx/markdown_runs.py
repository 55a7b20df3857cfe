"""The slide Markdown subset as blocks of paragraphs, tables and pictures made of styled runs.

The subset is the one docs/course-format.md documents: paragraphs, bullet and numbered
lists (nested by the rule of ``loading/list_levels``), pipe tables, images, ``**bold**``,
``*italic*``, `` `code` `` and links; subheadings become bold paragraphs, block quotes italic
ones, fenced code one line per paragraph in the code face, and rules are left out. A table's
caption (see ``loading/table_captions``) becomes a caption paragraph directly above it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, fields, replace

from ...loading.fences import fenced_lines, opens_fence
from ...loading.lesson_markdown import IMAGE
from ...loading.line_starts import indent_width
from ...loading.list_levels import (
    HEADING,
    LIST_ITEM,
    nesting_level,
    starts_block,
)
from ...loading.table_captions import INDENTED, caption_start, indented_code

BULLET = "bullet"
NUMBER = "number"
LETTER = "letter"
PLAIN = "plain"
CAPTION_SIZE = 18.0  # points at most: a table's caption is a small label above it
DEEPEST = 4  # the deepest list level a slide shows (PowerPoint's five levels)

_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_IMAGE_LINE = re.compile(rf"^{IMAGE.pattern}\s*$")  # an image alone on its line
_QUOTED = re.compile(r"^> ?")  # a quote's marker, as Markdown strips it
QUOTES_NESTED = 32  # quotes in quotes read as blocks of their own, at most
_INLINE = re.compile(
    r"(?P<escape>\\[\\`*_{}\[\]()#+\-.!|])"
    r"|(?P<code>`+)(?P<code_text>.+?)(?P=code)"
    r"|\*\*(?P<strong_text>.+?)\*\*|(?<!\w)__(?P<strong2_text>.+?)__(?!\w)"
    r"|\*(?P<em_text>[^\s*](?:.*?[^\s])?)\*|(?<!\w)_(?P<em2_text>[^\s_](?:.*?[^\s])?)_(?!\w)"
    r"|\[(?P<link_text>[^\]]+)\]\((?P<link_url>[^)\s]+)(?:\s+\"[^\"]*\")?\)"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """A paragraph or list item. ``number`` is the first number of a numbered item.

    ``continues`` marks the rest of an item too long for one slide: indented as the
    item, without a bullet or number of its own. ``digits`` is how many digits the numbers
    of its list have (its indent holds them); ``largest`` caps its size: a code line's so
    it never wraps, a table caption's so it reads as a label (0: no cap). ``caption``
    marks the caption of the table that follows it.
    """

    runs: tuple[Run, ...]
    level: int = 0
    kind: str = PLAIN
    number: int = 1
    continues: bool = False
    digits: int = 1
    largest: float = 0.0
    caption: bool = False

    @property
    def is_code(self) -> bool:
        """Whether this is a line of a code block."""
        return self.kind == PLAIN and len(self.runs) == 1 and self.runs[0].code

    @property
    def text(self) -> str:
        """The plain text."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A table; the first row is the header. ``shares`` fixes each column's share of the
    width (every part of a continued table); empty: widths follow the content."""

    header: tuple[tuple[Run, ...], ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    shares: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Picture:
    """An image: its path relative to the lesson file and its alt text."""

    src: str
    alt: str


Block = Paragraph | Table | Picture


def parse_inline(text: str, base: Run | None = None) -> tuple[Run, ...]:
    """Inline Markdown as runs; adjacent runs with the same formatting are merged."""
    base = base or Run(text="")
    runs: list[Run] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            runs.append(_with_text(base, text[position:match.start()]))
        position = match.end()
        if match["escape"]:
            runs.append(_with_text(base, match["escape"][1]))
        elif match["code"]:
            runs.append(replace(base, text=match["code_text"].strip(), code=True))
        elif match["strong_text"] or match["strong2_text"]:
            inner = match["strong_text"] or match["strong2_text"]
            runs.extend(parse_inline(inner, replace(base, bold=True)))
        elif match["em_text"] or match["em2_text"]:
            inner = match["em_text"] or match["em2_text"]
            runs.extend(parse_inline(inner, replace(base, italic=True)))
        else:
            runs.extend(parse_inline(match["link_text"], replace(base, link=match["link_url"])))
    if position < len(text):
        runs.append(_with_text(base, text[position:]))
    return _merged(runs)


def _merged(runs: list[Run]) -> tuple[Run, ...]:
    merged: list[Run] = []
    for run in runs:
        if merged and _look(merged[-1]) == _look(run):
            merged[-1] = _with_text(run, merged[-1].text + run.text)
        elif run.text:
            merged.append(run)
    return tuple(merged)


def _with_text(run: Run, text: str) -> Run:
    """The run's formatting with another text (``dataclasses.replace``, without its cost)."""
    return Run(text=text, bold=run.bold, italic=run.italic, code=run.code, link=run.link)


def _look(run: Run) -> tuple[bool, bool, bool, str]:
    """A run's formatting, all but its text."""
    return run.bold, run.italic, run.code, run.link


# the two above name every field of a run
assert [f.name for f in fields(Run)] == ["text", "bold", "italic", "code", "link"]


@functools.lru_cache(maxsize=1 << 13)  # the decks, the guide and the handout read each body
def parse_blocks(markdown: str) -> tuple[Block, ...]:
    """A slide body as blocks, in order; a table's caption directly above it. The blocks are
    frozen: callers share them."""
    blocks: list[Block] = []
    captions: dict[int, tuple[Run, ...]] = {}  # block index -> runs of a would-be caption
    lines = markdown.split("\n")
    indents: list[int] = []  # indentation of the open list levels
    code = indented_code(lines)  # indented code: one code line each, as fenced code
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            index += 1
            continue
        if index in code:
            text = INDENTED.sub("", line, count=1).rstrip().expandtabs(4)
            blocks.append(Paragraph(runs=(Run(text=text, code=True),)))
            indents = []
            index += 1
            continue
        if stripped.startswith("|") and index + 1 < len(lines) and _TABLE_RULE.match(
                lines[index + 1].strip()):
            index = _table(lines, index, blocks)
            indents = []
            continue
        image = _IMAGE_LINE.match(stripped)
        if image:
            blocks.append(Picture(src=image["src"].strip("<>"), alt=image["alt"]))
            indents = []
            index += 1
            continue
        if starts_block(stripped):
            index = _other_block(lines, index, blocks)
            indents = []
            continue
        item = LIST_ITEM.match(line)
        text_lines = [item["text"] if item else stripped]
        index += 1
        # continuation lines join the paragraph or item (lazy continuation)
        while index < len(lines) and lines[index].strip() and not LIST_ITEM.match(lines[index]) \
                and not lines[index].strip().startswith("|") \
                and not _IMAGE_LINE.match(lines[index].strip()) \
                and not starts_block(lines[index].strip()):
            text_lines.append(lines[index].strip())
            index += 1
        runs = parse_inline(" ".join(text_lines))
        if item:
            level = min(nesting_level(indents, indent_width(line)), DEEPEST)
            marker = item["marker"]
            ordered = marker[0].isdigit()
            blocks.append(Paragraph(runs=runs, level=level, kind=NUMBER if ordered else BULLET,
                                    number=int(marker[:-1]) if ordered else 1))
        else:
            indents = []
            start = caption_start(text_lines[0])
            if start:
                captions[len(blocks)] = parse_inline(" ".join(text_lines)[start:])
            blocks.append(Paragraph(runs=runs))
    return _with_captions(blocks, captions)


def _with_captions(blocks: list[Block], captions: dict[int, tuple[Run, ...]]) -> tuple[Block, ...]:
    """Each table with the caption paragraph before it, else the one after it, set above it."""
    placed: dict[int, int] = {}  # table index -> index of its caption paragraph
    for index, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        if index - 1 in captions and index - 1 not in placed.values():
            placed[index] = index - 1
        elif index + 1 in captions:
            placed[index] = index + 1
    used = set(placed.values())
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if index in used:
            continue
        if index in placed:
            out.append(Paragraph(runs=tuple(replace(r, bold=True) for r in captions[placed[index]]),
                                 largest=CAPTION_SIZE, caption=True))
        out.append(block)
    return tuple(out)


def _other_block(lines: list[str], index: int, blocks: list[Block]) -> int:
    """A subheading, block quote, fenced code or rule at ``index``; the index after it."""
    stripped = lines[index].strip()
    heading, fence = HEADING.match(stripped), opens_fence(stripped)
    if heading:
        blocks.append(Paragraph(runs=parse_inline(heading["text"], Run(text="", bold=True))))
        return index + 1
    if fence:
        code, after = fenced_lines(lines, index)
        blocks += (Paragraph(runs=(Run(text=text.expandtabs(4) or " ", code=True),))
                   for text in code)
        return after
    if stripped.startswith(">"):
        quoted = []
        while index < len(lines) and lines[index].strip().startswith(">"):
            quoted.append(_QUOTED.sub("", lines[index].strip(), count=1))
            index += 1
        if stripped[:len(stripped) - len(stripped.lstrip("> "))].count(">") > QUOTES_NESTED:
            blocks.append(Paragraph(runs=parse_inline(" ".join(q.strip() for q in quoted),
                                                      Run(text="", italic=True))))  # one
        else:  # its own blocks (paragraphs, lists, quotes in it), in italics but its code
            blocks += (replace(b, runs=tuple(replace(r, italic=not r.code) for r in b.runs))
                       if isinstance(b, Paragraph) else b for b in parse_blocks("\n".join(quoted)))
        return index
    return index + 1  # a rule: slides have no place for one


def _cells(line: str) -> list[str]:
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)]


def _table(lines: list[str], index: int, blocks: list[Block]) -> int:
    header = _cells(lines[index])
    index += 2
    rows: list[tuple[tuple[Run, ...], ...]] = []
    while index < len(lines) and lines[index].strip().startswith("|"):
        cells = _cells(lines[index])[: len(header)]
        cells += [""] * (len(header) - len(cells))
        rows.append(tuple(parse_inline(c) for c in cells))
        index += 1
    blocks.append(Table(header=tuple(parse_inline(c) for c in header), rows=tuple(rows)))
    return index

