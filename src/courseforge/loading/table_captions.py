"""Table captions as authors write them (pandoc's syntax): one rule for lessons, decks and guide.

A caption is a paragraph starting with ``Table:`` (or ``table:``, or just ``:``) directly
before or after a pipe table; blank lines may stand between them. As in pandoc, a table
takes the caption paragraph before it, else the one after it, and has at most one. Elsewhere
such a paragraph is plain text.
"""

from __future__ import annotations

import re

CAPTION = re.compile(r"^(?:[Tt]able)?:[ \t]+(?=\S)")
TABLE_LINE = re.compile(r"^\s*\|")


def caption_start(text: str) -> int:
    """Where the caption text begins in a paragraph's first line; 0 if it is no caption."""
    match = CAPTION.match(text)
    return match.end() if match else 0


def separated(lines: list[str]) -> list[str]:
    """The lines with a blank line between a caption line and a table row it touches.

    Python-Markdown reads a caption written directly against its table as part of the
    table (a row) or of the paragraph (no table): apart, each is a block of its own.
    """
    out: list[str] = []
    for index, line in enumerate(lines):
        if caption_start(line.strip()) and not TABLE_LINE.match(line):
            if out and TABLE_LINE.match(out[-1]):
                out.append("")
            out.append(line)
            if index + 1 < len(lines) and TABLE_LINE.match(lines[index + 1]):
                out.append("")
            continue
        out.append(line)
    return out
