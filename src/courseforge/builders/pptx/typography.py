"""Typographic punctuation in the slide view model: the shared rule of
:mod:`courseforge.typography` applied to every run but code.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from ...typography import Typesetter, typographic
from .markdown_runs import Block, Paragraph, Run, Table, parse_inline
from .slide_specs_base import Column, SlideSpec

__all__ = ["typeset", "typeset_blocks", "typeset_inline", "typeset_plain", "typographic"]


@functools.lru_cache(maxsize=1 << 14)  # the decks' and the handout's blocks share their runs
def _runs(runs: tuple[Run, ...], language: str) -> tuple[Run, ...]:
    """A paragraph's runs typeset as one text (quotes stay open across runs), code as is."""
    setter = Typesetter(language)
    typeset = []
    changed = False
    for run in runs:
        text = setter.verbatim(run.text) if run.code else setter.text(run.text)
        if text == run.text:
            typeset.append(run)
        else:
            typeset.append(replace(run, text=text))
            changed = True
    return tuple(typeset) if changed else runs


def typeset_inline(markdown: str, language: str) -> tuple[Run, ...]:
    """One line of Markdown as runs with typographic punctuation in all but code."""
    return _runs(parse_inline(markdown), language)


def typeset_plain(markdown: str, language: str) -> str:
    """One line of Markdown as plain text, typeset as its runs are (code as written)."""
    return "".join(run.text for run in typeset_inline(markdown, language))


def typeset_blocks(blocks: tuple[Block, ...], language: str) -> tuple[Block, ...]:
    """Blocks with typographic punctuation in every run but code."""
    typeset: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            runs = _runs(block.runs, language)
            typeset.append(block if runs == block.runs else replace(block, runs=runs))
        elif isinstance(block, Table):
            header = tuple(_runs(c, language) for c in block.header)
            rows = tuple(tuple(_runs(c, language) for c in row) for row in block.rows)
            same = header == block.header and rows == block.rows
            typeset.append(block if same else replace(block, header=header, rows=rows))
        else:
            typeset.append(block)
    return tuple(typeset)


def typeset(spec: SlideSpec, language: str) -> SlideSpec:
    """A slide spec with typographic punctuation in its title (its Markdown parsed: a deck
    title is one plain run), subtitle, body and notes."""
    return replace(
        spec, title=typeset_plain(spec.title, language),
        subtitle=tuple(typographic(line, language) for line in spec.subtitle),
        body=typeset_blocks(spec.body, language),
        columns=tuple(Column(heading=typographic(c.heading, language),
                             body=typeset_blocks(c.body, language)) for c in spec.columns),
        notes=typographic(spec.notes, language))
