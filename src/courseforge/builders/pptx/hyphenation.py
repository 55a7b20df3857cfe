"""Table words too long for their column, hyphenated at syllables in the course's language.

A hyphenated word carries its breaks as ``BREAK`` after the hyphen: the writer sets each
as a line break, so the word breaks where pagination measured it, in every renderer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import pyphen

from .markdown_runs import Run, Table
from .text_fit import BREAK


@functools.cache
def dictionary(language: str) -> pyphen.Pyphen | None:
    """The hyphenation patterns of a language (or its base language); None when there are none."""
    found = pyphen.language_fallback(language.replace("-", "_"))
    return pyphen.Pyphen(lang=found) if found else None


def hyphenate_word(word: str, room: float, width: Callable[[str], float],
                   language: str) -> str:
    """``word`` with a hyphen and ``BREAK`` at the last syllable boundaries that keep every
    line within ``room`` points; the word as it is when it fits or cannot be hyphenated."""
    patterns = dictionary(language)
    if width(word) <= room or patterns is None:
        return word
    lines, rest = [], word
    while width(rest) > room:
        cuts = [p for p in patterns.positions(rest) if 0 < p < len(rest)]
        if not cuts:
            break
        fitting = [p for p in cuts if width(rest[:p] + "-") <= room]
        cut = fitting[-1] if fitting else cuts[0]  # a syllable wider than the room stays whole
        head = rest[:cut]
        lines.append(head if head.endswith("-") else head + "-")
        rest = rest[cut:]
    return BREAK.join([*lines, rest])


def hyphenate_cell(runs: Sequence[Run], room: float, width: Callable[[Run, str], float],
                   language: str) -> tuple[Run, ...]:
    """A cell's runs with every word wider than ``room`` hyphenated (``width`` measures a
    word in a run's style)."""
    out = []
    for run in runs:
        parts = re.split(r"( +)", run.text)
        text = "".join(part if part.startswith(" ") or not part else hyphenate_word(
            part, room, functools.partial(width, run), language) for part in parts)
        out.append(replace(run, text=text))
    return tuple(out)


def is_hyphenated(table: Table) -> bool:
    """Whether any cell of the table was hyphenated."""
    return any(BREAK in run.text for row in (table.header, *table.rows)
               for cell in row for run in cell)
