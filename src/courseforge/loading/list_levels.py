"""List items and their nesting as authors write them: one rule for decks and lessons.

An item nests one level under the item above it when it is indented deeper than that item,
by any amount: two spaces, three under ``1.``, four, or a tab (which counts as four). An item
indented less closes the levels deeper than it and joins the one it reaches.
"""

from __future__ import annotations

from .fences import starts_block as starts_block
from .line_starts import HEADING as HEADING
from .line_starts import LIST_ITEM as LIST_ITEM
from .line_starts import RULE as RULE


def nesting_level(open_indents: list[int], indent: int) -> int:
    """The nesting level (0: outermost) of a list item indented ``indent`` columns, given the
    indentation of the levels open above it; ``open_indents`` is updated to include it."""
    while open_indents and open_indents[-1] > indent:
        open_indents.pop()
    if not open_indents or open_indents[-1] < indent:
        open_indents.append(indent)
    return len(open_indents) - 1
