"""Typographic quotes, apostrophes, dashes and ellipses for what the decks and guide show.

Straight quotes become the language's curly ones ("..." -> “...” in English, „...“ in
German), an apostrophe after a letter becomes ’, a spaced hyphen or double hyphen an en
dash, a triple hyphen an em dash, three dots an ellipsis. Code keeps its characters.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .markdown_runs import Block, Paragraph, Run, Table
from .slide_specs_base import Column, SlideSpec

# language -> (double open, double close, single open, single close)
QUOTES = {
    "en": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "nl": ("“", "”", "‘", "’"),
    "pt": ("“", "”", "‘", "’"),
    "es": ("“", "”", "‘", "’"),
}
_OPENING_BEFORE = set(" \t\n([{<–—/-\u00a0")


def typographic(text: str, language: str, before: str = "") -> str:
    """``text`` with typographic punctuation; ``before`` is the character preceding it."""
    if not text:
        return text
    quotes = QUOTES.get(re.split("[-_]", language)[0].lower(), QUOTES["en"])
    text = text.replace("...", "…")
    text = re.sub(r"(?<=\S)---(?=\S)", "—", text)
    text = re.sub(r"(?<=\s)--?(?=\s)", "–", text)
    out = []
    previous = before
    for char in text:
        if char == '"':
            char = quotes[0] if not previous or previous in _OPENING_BEFORE else quotes[1]
        elif char == "'":
            char = quotes[2] if not previous or previous in _OPENING_BEFORE else "’" \
                if previous.isalnum() else quotes[3]
        out.append(char)
        previous = char
    return "".join(out)


def _runs(runs: tuple[Run, ...], language: str) -> tuple[Run, ...]:
    out = []
    before = ""
    for run in runs:
        out.append(run if run.code else replace(run, text=typographic(run.text, language,
                                                                      before)))
        before = run.text[-1:] if run.text else before
    return tuple(out)


def typeset_blocks(blocks: tuple[Block, ...], language: str) -> tuple[Block, ...]:
    """Blocks with typographic punctuation in every run but code."""
    typeset: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            typeset.append(replace(block, runs=_runs(block.runs, language)))
        elif isinstance(block, Table):
            typeset.append(replace(
                block, header=tuple(_runs(c, language) for c in block.header),
                rows=tuple(tuple(_runs(c, language) for c in row) for row in block.rows)))
        else:
            typeset.append(block)
    return tuple(typeset)


def typeset(spec: SlideSpec, language: str) -> SlideSpec:
    """A slide spec with typographic punctuation in its title, subtitle, body and notes."""
    return replace(
        spec, title=typographic(spec.title, language),
        subtitle=tuple(typographic(line, language) for line in spec.subtitle),
        body=typeset_blocks(spec.body, language),
        columns=tuple(Column(heading=typographic(c.heading, language),
                             body=typeset_blocks(c.body, language)) for c in spec.columns),
        notes=typographic(spec.notes, language))
