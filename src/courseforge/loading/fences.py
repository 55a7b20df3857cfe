"""Where fenced code starts and ends: one rule for every reader of a lesson (the loader,
``check``, callouts, captions, translation, decks and lessons).

A fence is three or more backticks or tildes at the start of a line (after any indentation);
after backticks, the rest of the line holds none (```` ```x``` ```` is inline code). It is
closed by a line of its character, as many or more and nothing else, and ends at a line
indented less than it (the list item it stood in ends there); unclosed, it runs to the end.
"""

from __future__ import annotations

import re
from enum import Enum

from .indentation import indent_width

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
    """Follows fenced code line by line through a lesson's lines."""

    def __init__(self) -> None:
        self.fence = ""  # the open fence ("": none)
        self.edge = 0  # its indentation
        self.lines = 0  # the lines read
        self.opened = 0  # the line (1-based, of those read) that opened it

    def read(self, line: str) -> Line:
        """What ``line``, the next line, is: text, a fence, or code inside one."""
        stripped = line.strip()
        self.lines += 1
        if self.fence:
            if closes_fence(stripped, self.fence):
                self.fence = ""
                return Line.FENCE
            if not stripped or indent_width(line) >= self.edge:
                return Line.CODE
            self.fence = ""  # a line left of the fence ends it: read it afresh
        self.fence = opens_fence(stripped)
        if self.fence:
            self.edge, self.opened = indent_width(line), self.lines
            return Line.FENCE
        return Line.TEXT
