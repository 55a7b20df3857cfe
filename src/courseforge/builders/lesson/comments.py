"""Whole comment lines left out of the scripts and stylesheets a lesson ships.

The theme's sources explain themselves at length; the learner's browser needs none of it.
Only lines that are comments from their first non-blank character to their end go: a line
opening with ``//`` (JavaScript), a block comment that opens a line and closes at the end of
one. Every other line ships exactly as written, so the result stays readable.

Why this is safe: a line can begin inside a string or a comment only if an earlier line left
one open. On a line that is kept, only three things can do that: a template literal (a
backtick), a block comment not closed on the line (a ``/*`` with no ``*/`` after its last
one), or a string continued by a backslash at the line's end. When a kept line holds any of
these, or a block comment ends with code after it on its line, the part ships untouched.
Otherwise every line begins outside any string and comment, each removed line is a comment in
full, and the line break before it remains, so the tokens (and where lines end, for semicolon
insertion) are unchanged.
"""

from __future__ import annotations

OPENS_BLOCK = b"/*"
CLOSES_BLOCK = b"*/"
# line breaks to JavaScript (U+2028, U+2029) or CSS (form feed) that are not line breaks here
OTHER_BREAKS = (b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\x0c")


def _block_ends_line(text: bytes, start: int) -> bool | None:
    """Whether the first ``*/`` at or after ``start`` ends the line (None: there is none)."""
    end = text.find(CLOSES_BLOCK, start)
    if end < 0:
        return None
    return end + len(CLOSES_BLOCK) == len(text)


def _may_leave_open(text: bytes, javascript: bool) -> bool:
    """Whether a kept line could end inside a string or a comment."""
    last_opener = text.rfind(OPENS_BLOCK)
    unclosed = last_opener >= 0 and text.find(CLOSES_BLOCK, last_opener + 2) < 0
    return unclosed or text.endswith(b"\\") or (javascript and b"`" in text)


def without_comment_lines(source: bytes, javascript: bool) -> bytes:
    """``source`` without its whole comment lines, or unchanged when that is not provably safe."""
    if any(other in source for other in OTHER_BREAKS):
        return source
    kept: list[bytes] = []
    in_block = False
    for line in source.splitlines(keepends=True):
        text = line.strip()
        if in_block:
            ends = _block_ends_line(text, 0)
            if ends is False:
                return source  # code after the comment on its closing line
            in_block = ends is None
            continue
        if javascript and text.startswith(b"//"):
            continue
        ends = _block_ends_line(text, 2) if text.startswith(OPENS_BLOCK) else False
        if ends is not False:  # a comment from the line's start to its end, or beyond
            in_block = ends is None
            continue
        if _may_leave_open(text, javascript):
            return source
        kept.append(line)
    if in_block:
        return source  # a comment that never closes: leave the error for the browser to report
    return b"".join(kept)
