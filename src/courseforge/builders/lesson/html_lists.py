"""Nested lists in lessons by the decks' rule (``loading/list_levels``).

Python-Markdown nests a list item only four spaces deeper than its parent, so a list indented
two spaces (or three under ``1.``) would come out flat; and it numbers ``1.`` items only,
where the decks number ``1)`` items too, so such a marker is written ``1.``. Before the
blocks are parsed, each item moves to four spaces a level, its level found as the decks find
it, and what continues an item moves with it: a lazy line keeps its place beside the item's
text, a later paragraph starts where Python-Markdown reads the item's blocks, and indented
code (four spaces past the item's text, or eight past its marker) four spaces further,
keeping its own indentation.
A list written four spaces a level is left as it is.

Where Python-Markdown would read an item as text of the block above it, a blank line parts
them, so the item stays one as in the decks: after a paragraph, after an item's later
paragraph or code, after a block that began deeper, and between lists of the two kinds. A
subheading, quote, fence or rule at or left of the item above it ends the list, as in the
decks: it moves to the margin, after a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
from markdown.preprocessors import Preprocessor

from ...loading.fences import Fences, Line
from ...loading.line_starts import indent_width
from ...loading.list_levels import (
    LIST_ITEM,
    RULE,
    nesting_level,
    starts_block,
)
from ...loading.table_captions import indented_code
from .html_fences import Fenced, fences_set_aside

STEP = 4  # Python-Markdown's indentation a level
DEEPEST = 32  # levels a lesson nests, at most: Python-Markdown recurses into each


@dataclass(frozen=True, slots=True)
class _Item:
    """An open list item: the columns of its marker and text as written, its level, and
    whether it is numbered."""

    marker: int
    text: int
    level: int
    ordered: bool


@dataclass(frozen=True, slots=True)
class _Block:
    """Where an item's lines go: ``shift`` columns; ``code``, the left edge as written of the
    indented code they are (0: text)."""

    shift: int
    code: int = 0


def _item(line: str) -> re.Match[str] | None:
    """A list item, ``1)`` as well as ``1.`` (rules are none)."""
    match = LIST_ITEM.match(line)
    if match is None or RULE.match(line.strip()):
        return None
    return match if line[match.end("marker")] == " " else None


def _marked(line: str, match: re.Match[str]) -> str:
    """An item's line with a ``1)`` marker written ``1.``, the one Python-Markdown reads."""
    if not match["marker"].endswith(")"):
        return line
    end = match.end("marker")
    return f"{line[:end - 1]}.{line[end:]}"


def _opened(match: re.Match[str], level: int) -> _Item:
    """The item a list item line opens at ``level``."""
    marker = indent_width(match["indent"])
    spaces = match.start("text") - match.end("marker")
    # as in CommonMark, five spaces or more after a marker are one, then indented code
    return _Item(marker=marker, text=marker + len(match["marker"]) + (spaces if spaces < 5 else 1),
                 level=level, ordered=match["marker"][0].isdigit())


def _parted(items: list[_Item], item: _Item, item_text: bool, first: int) -> bool:
    """Whether a blank line must part ``item`` from the line above it (not blank): after
    other text than an item's own, under a block that began deeper than it (``first``
    columns), or after an item of the other kind at its level."""
    return (not item_text or STEP * item.level < first
            or (len(items) > item.level and items[item.level].ordered != item.ordered))


def _code_from(owner: _Item) -> int:
    """The indentation as written from which a block of ``owner`` is code: four spaces past
    its text, or eight past its marker (the four-space rule's code)."""
    return min(owner.text + 4, owner.marker + 8)


def _continued(owner: _Item, width: int) -> _Block:
    """How a line indented ``width`` that starts a block of ``owner`` (a paragraph or code)
    moves to Python-Markdown's columns."""
    body = STEP * (owner.level + 1)
    if width >= _code_from(owner):
        # code as deep as the four-space rule's keeps its edge eight past the marker
        edge = owner.marker + 8 if width >= owner.marker + 8 else owner.text + 4
        return _Block(shift=body + STEP - edge, code=edge)
    return _Block(shift=max(width + STEP * owner.level - owner.marker, body) - width)


def _owner(items: list[_Item], width: int) -> _Item | None:
    """The deepest open item a block indented ``width`` belongs to (None: the list ends)."""
    return next((item for item in reversed(items) if item.marker < width), None)


def four_space_lists(lines: list[str]) -> list[str]:
    """The lines with every list item indented four spaces a level, and the lines continuing
    an item moved with it."""
    return _moved(lines)[0]


def _moved(lines: list[str]) -> tuple[list[str], frozenset[int]]:
    """``four_space_lists`` of the lines, and which of the lines it gives are code."""
    out: list[str] = []
    code_out: set[int] = set()
    code = indented_code(lines)  # outside lists: never an item
    items: list[_Item] = []  # the open items, outermost first
    indents: list[int] = []  # their indentation, for ``nesting_level``
    block = _Block(shift=0)
    blank = True  # the line before was blank (or there was none)
    item_text = False  # the line before was an item's or continued its text
    first = 0  # the columns of the first line after the last blank line, as moved
    for index, line in enumerate(lines):
        if not line.strip():
            out.append(line)
            blank = True
            continue
        width, lazy_quote = indent_width(line), False
        in_code = bool(block.code) and width >= block.code
        owner = _owner(items, width) if blank or block.code else None
        match = None if in_code or (owner and width >= _code_from(owner)) else _item(line)
        if match is not None and (items or index not in code):
            if not items:
                indents = []
            item = _opened(match, min(nesting_level(indents, width), DEEPEST))
            if not blank and _parted(items, item, item_text, first):
                out.append("")
                blank = True
            del items[item.level:]
            items.append(item)
            block, item_text = _Block(shift=STEP * item.level - width), True
            line = _marked(line, match)
        elif items and not in_code and width <= items[-1].marker \
                and starts_block(line.strip()):
            # a subheading, quote, fence or rule ends the list, as in the decks
            if not blank:
                out.append("")
                blank = True
            items, block, item_text = [], _Block(shift=-width), False
        elif in_code or (items and not blank and not block.code):
            # more of the same code, or a lazy line of the text above: a quote in an item's
            # own text is read only three columns past the item's, as at the margin
            lazy_quote = not in_code and item_text and line.lstrip().startswith(">")
        elif owner is not None:
            del items[owner.level + 1:], indents[owner.level + 1:]
            block, item_text = _continued(owner, width), False
        else:  # outside a list, or the list ends
            items, block, item_text = [], _Block(shift=0), False
        moved = max(width + block.shift, 0)
        if lazy_quote:
            moved = min(moved, STEP * items[-1].level + 3)
        if block.code or (not items and index in code):
            code_out.add(len(out))
        # a line that does not move stays as written, whitespace and all
        out.append(" " * moved + line.lstrip() if block.shift or lazy_quote else line)
        first, blank = moved if blank else first, False
    return out, frozenset(code_out)


# a block quote's marker, as Python-Markdown strips it, and what it is indented by (an item's
# blocks are indented; Python-Markdown reads them at the margin)
QUOTED = re.compile(r"^(?P<indent>[ \t]*)> ?")


def nested_lists(lines: list[str], fenced: Fenced, depth: int = 0) -> list[str]:
    """The lines with every list indented four spaces a level (``four_space_lists``), in
    block quotes too, at the margin or in a list item, and in the quotes in them.

    ``fenced`` (Python-Markdown's fenced-code step) sets aside the fenced code of a quote's
    lines as of the lines outside quotes (``html_fences``): their lines are then no list.
    """
    out, code = _moved(fences_set_aside(_after_quoted_code(lines), fenced))
    if depth >= DEEPEST:
        return out
    result: list[str] = []
    index = 0
    while index < len(out):
        match = None if index in code else QUOTED.match(out[index])
        if match is None:
            result.append(out[index])
            index += 1
            continue
        indent, end = match["indent"], index
        while end < len(out) and end not in code and _quoted_by(out[end], indent):
            end += 1
        written = [QUOTED.sub("", line, count=1) for line in out[index:end]]
        inner = nested_lists(written, fenced, depth + 1)
        # a quote without a list to move or code to set aside stays as written
        result.extend(out[index:end] if inner == written else _quoted(inner, indent))
        index = end
    return result


QUOTE_MARKERS = re.compile(r"^(?:[ \t]*> ?)+")  # every quote marker a line starts with


def _after_quoted_code(lines: list[str]) -> list[str]:
    """The lines with a blank line after each block quote that ends in fenced code (its own
    or a quote's in it) and has a lazy line right after it: set aside, the code is a
    paragraph of its placeholder, which would take that line in as its own."""
    out: list[str] = []
    code = indented_code(lines)
    fences = Fences()
    start = None  # the first line of the quote the lines above are of
    for index, line in enumerate(lines):
        text = fences.read(line) is Line.TEXT and index not in code and bool(line.strip())
        quoted = text and bool(QUOTED.match(line))
        if start is not None and text and not quoted and _lazy(line) and _ends_in_code(
                [QUOTE_MARKERS.sub("", above) for above in lines[start:index]]):
            out.append("")
        start = (index if start is None else start) if quoted else None
        out.append(line)
    return out


def _lazy(line: str) -> bool:
    """Whether a line right after a block quote would be read as more of its last paragraph:
    not a list item, nor a block of its own (which a list keeps tight)."""
    return _item(line) is None and not starts_block(line.strip())


def _ends_in_code(lines: list[str]) -> bool:
    """Whether lines end in fenced code: a fence still open, or closed by the last line."""
    fences, last = Fences(), Line.TEXT
    for line in lines:
        if line.strip():
            last = fences.read(line)
    return bool(fences.fence) or last is Line.FENCE


def _quoted(lines: list[str], indent: str) -> list[str]:
    """Lines as a block quote's, its marker indented by ``indent``; blank lines at its end
    (after set-aside code) are left out (``_after_quoted_code`` parts the line after it). A
    quote left with nothing to show (an empty fence) is a blank line, parting what it
    parted."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return [f"{indent}> {line}" if line.strip() else f"{indent}>" for line in lines] or [""]


def _quoted_by(line: str, indent: str) -> bool:
    """Whether a line is a block quote's, its marker indented by ``indent``."""
    match = QUOTED.match(line)
    return match is not None and match["indent"] == indent


class ListIndents(Preprocessor):
    """List items nest as the decks nest them (see the module's docstring), in block quotes
    too; fenced code in a quote is code there, as ``fenced`` sets it aside (``html_fences``)."""

    def __init__(self, md: markdown.Markdown, fenced: Fenced) -> None:
        super().__init__(md)
        self.fenced = fenced

    def run(self, lines: list[str]) -> list[str]:
        return nested_lists(lines, self.fenced)
