"""How a lesson's line starts, one reading for lists, fences and code in every reader: how
far it is indented (a tab reaching the next multiple of four columns), and whether it is a
list item."""

from __future__ import annotations

import re

LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d+[.)])\s+(?P<text>.*)$")
RULE = re.compile(r"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")  # stripped: no list item
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")  # a subheading, stripped

TAB = 4  # the columns a tab counts for


def indent_width(line: str) -> int:
    """The columns of a line's leading whitespace, a tab reaching the next multiple of four."""
    return len(line[: len(line) - len(line.lstrip())].expandtabs(TAB))


def dedented(line: str, columns: int) -> str:
    """A line with up to ``columns`` of its indentation taken off (tabs counted as above): a
    fenced code line, past its fence's indentation."""
    text = line.lstrip()
    return (line[:len(line) - len(text)].expandtabs(TAB) + text)[min(columns,
                                                                     indent_width(line)):]
