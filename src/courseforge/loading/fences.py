"""Where fenced code starts and ends: one rule for every reader of a lesson (the loader,
``check``, callouts, captions, translation, decks and lessons).

A fence is three or more backticks or tildes at the start of a line (after any indentation);
after backticks, the rest of the line holds none (```` ```x``` ```` is inline code). It is
closed by a line of its character, as many or more and nothing else. A fence that opened in
a list item, indented, also ends at a line indented less than it (the item ends there);
unclosed, a fence runs to the end.
"""

from __future__ import annotations

import re
from enum import Enum

from .line_starts import HEADING, LIST_ITEM, RULE, dedented, indent_width

FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})")  # a code fence, stripped


def opens_fence(stripped: str) -> str:
    """The fence a line (stripped) opens, or ""."""
    match = FENCE.match(stripped)
    if match is None or (stripped[0] == "`" and "`" in stripped[match.end():]):
        return ""
    return match["fence"]


def closes_fence(stripped: str, fence: str) -> bool:
    """Whether a line (stripped) closes a code fence opened with ``fence``."""
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]}


class Line(Enum):
    """What a line is to fenced code."""

    TEXT = "text"  # outside any fence
    FENCE = "fence"  # a fence that opens or closes
    CODE = "code"  # inside a fence


class Fences:
    """Follows fenced code line by line through a lesson's lines (a slide's, a quote's)."""

    def __init__(self) -> None:
        self.fence = ""  # the open fence ("": none)
        self.edge = 0  # its indentation
        self.in_item = False  # it opened in a list item
        self.lines = 0  # the lines read
        self.opened = 0  # the line (1-based, of those read) that opened it
        self.listing = False  # the text above is a list's
        self.blank = True  # the line above was blank

    def read(self, line: str) -> Line:
        """What ``line``, the next line, is: text, a fence, or code inside one."""
        stripped = line.strip()
        self.lines += 1
        if self.fence:
            if closes_fence(stripped, self.fence):
                self.fence, self.blank = "", False
                return Line.FENCE
            if not (self.in_item and stripped and indent_width(line) < self.edge):
                self.blank = not stripped
                return Line.CODE
            self.fence = ""  # a line left of the fence leaves its item: read it afresh
        width = indent_width(line)
        if stripped:
            self.listing = self._listing(line, stripped, width)
        self.blank = not stripped
        self.fence = opens_fence(stripped)
        if not self.fence:
            return Line.TEXT
        self.edge, self.opened = width, self.lines
        self.in_item = self.listing and self.edge > 0
        return Line.FENCE

    def _listing(self, line: str, stripped: str, width: int) -> bool:
        """Whether the text is a list's, with ``line`` (not blank, outside fences, indented
        ``width``) read."""
        if LIST_ITEM.match(line) and not RULE.match(stripped):
            # indented four after a blank line outside a list, it is code, no item
            return self.listing or width < 4 or not self.blank
        if width:
            return self.listing
        # at the margin, a paragraph after a blank line, or a block, ends the list
        return (self.listing and not self.blank and not starts_block(stripped)
                and not stripped.startswith(":::"))


def starts_block(stripped: str) -> bool:
    """Whether a line (stripped) opens a subheading, block quote, code fence or rule: a block
    that ends the list above it."""
    return bool(HEADING.match(stripped) or opens_fence(stripped) or stripped.startswith(">")
                or RULE.match(stripped))


def fenced_lines(lines: list[str], index: int) -> tuple[list[str], int]:
    """The lines of the fenced block that opens at ``lines[index]``, past the fence's
    indentation (the blank ones before a line that leaves its item left out), and the index
    after it; the lines above it are read for where it ends."""
    fences = Fences()
    for line in lines[:index + 1]:
        fences.read(line)
    code: list[str] = []
    for at in range(index + 1, len(lines)):
        read = fences.read(lines[at])
        if read is Line.FENCE and not fences.fence:
            return code, at + 1  # its closing line
        if read is not Line.CODE:  # a line that leaves its item
            while code and not code[-1]:
                code.pop()
            return code, at
        code.append(dedented(lines[at].rstrip(), fences.edge))
    return code, len(lines)
