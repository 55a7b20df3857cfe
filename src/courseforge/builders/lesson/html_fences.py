"""Fenced code indented under a list item, in lessons: written as indented code.

Python-Markdown reads a code fence only at the margin, so a fence under a list item came
out as inline code with its info string as text. Before the lists are re-indented
(``html_lists``), each indented fence becomes indented code four columns past the fence, its
lines keeping their indentation past it; the fences become blank lines, which part the code
from the text around it as indented code needs. Fences at the margin are Python-Markdown's
own, and lines of indented code outside a list stay as they are.
"""

from __future__ import annotations

from ...loading.list_levels import FENCE, indent_width
from ...loading.table_captions import indented_code

CODE = 4  # the columns past the fence's own that make its lines indented code


def indented_fences(lines: list[str]) -> list[str]:
    """The lines with every indented fenced block written as indented code."""
    out: list[str] = []
    code = indented_code(lines)
    fence = ""  # the open fence's characters ("" outside one)
    edge = 0  # the open fence's indentation
    for index, line in enumerate(lines):
        stripped = line.strip()
        width = indent_width(line)
        if fence and stripped and width < edge and not _closes(stripped, fence):
            fence = ""  # a line left of the fence leaves the item: the fence ends there
            out.append("")
        if fence:
            if _closes(stripped, fence):
                out.append("")
                fence = ""
            else:
                out.append(" " * (edge + CODE + max(width - edge, 0)) + line.lstrip()
                           if stripped else "")
            continue
        opened = FENCE.match(stripped)
        if opened and width and index not in code:
            fence, edge = opened["fence"], width
            out.append("")
            continue
        out.append(line)
    return out


def _closes(stripped: str, fence: str) -> bool:
    """Whether a line (stripped) closes a fence opened with ``fence``: the same character,
    at least as many, nothing after them."""
    return (len(stripped) >= len(fence) and set(stripped) == {fence[0]})
