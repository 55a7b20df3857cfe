"""Table captions as authors write them (pandoc's syntax): one rule for lessons, decks and guide.

A caption is a paragraph starting with ``Table:`` (or ``table:``, or just ``:``) directly
before or after a pipe table; blank lines may stand between them. As in pandoc, a table
takes the caption paragraph before it, else the one after it, and has at most one. Elsewhere
such a paragraph is plain text, and so is anything in code: fenced, or indented by four
spaces or a tab outside a list.
"""

from __future__ import annotations

import re

from .fences import Fences, Line
from .lesson_markdown import TABLE_ROW
from .list_levels import LIST_ITEM, RULE

CAPTION = re.compile(r"^(?:[Tt]able)?:[ \t]+(?=\S)")
CALLOUT_LINE = re.compile(r"^\s*:::")
INDENTED = re.compile(r"^(?: {4}|\t| {0,3}\t)")


def caption_start(text: str) -> int:
    """Where the caption text begins in a paragraph's first line; 0 if it is no caption."""
    match = CAPTION.match(text)
    return match.end() if match else 0


def indented_code(lines: list[str]) -> set[int]:
    """The 0-based lines of indented code blocks: indented four spaces or a tab after a
    blank line or a rule (or more such code), outside a list and outside fenced code."""
    code: set[int] = set()
    in_list = False
    fences = Fences()
    after_blank = True  # a paragraph line before it would take the indented line in
    for index, line in enumerate(lines):
        read = fences.read(line)
        if read is Line.FENCE:
            after_blank, in_list = True, False
        if read is not Line.TEXT:
            continue
        if not line.strip():
            after_blank = True
            continue
        indented = bool(INDENTED.match(line))
        if indented and (index - 1 in code or (after_blank and not in_list)):
            code.add(index)
            after_blank = False
            continue
        if not line[0].isspace() and RULE.match(line.strip()):
            after_blank, in_list = True, False  # a rule is no paragraph: code may follow it
            continue
        if not indented:
            if LIST_ITEM.match(line):
                in_list = True
            elif after_blank:
                in_list = False
        after_blank = False
    return code


def separated(lines: list[str]) -> list[str]:
    """The lines with a blank line between a caption line and a table row it touches.

    Python-Markdown reads a caption written directly against its table as part of the
    table (a row) or of the paragraph (no table): apart, each is a block of its own.
    """
    out: list[str] = []
    code = indented_code(lines)
    for index, line in enumerate(lines):
        if index not in code and caption_start(line.strip()) and not TABLE_ROW.match(line):
            if out and TABLE_ROW.match(out[-1]):
                out.append("")
            out.append(line)
            if index + 1 < len(lines) and index + 1 not in code \
                    and TABLE_ROW.match(lines[index + 1]):
                out.append("")
            continue
        out.append(line)
    return out


def _runs(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(first line, lines) of each paragraph or table; blank lines and a change between
    table rows and text part them. Code and callout fences stand between the runs on
    either side as an empty run, and so does indented code: what they part is not next to
    each other."""
    runs: list[tuple[int, list[str]]] = []
    fences = Fences()
    current: list[str] = []
    code = indented_code(lines)
    for index, line in enumerate(lines):
        if fences.read(line) is not Line.TEXT or index in code or CALLOUT_LINE.match(line):
            if not runs or runs[-1][1]:
                runs.append((index, []))
            current = []
            continue
        if not line.strip():
            current = []
            continue
        if not current or bool(TABLE_ROW.match(current[-1])) != bool(TABLE_ROW.match(line)):
            current = []
            runs.append((index, current))
        current.append(line)
    return runs


def stray_captions(markdown: str) -> list[int]:
    """The 0-based lines of caption paragraphs no table takes (they show as text)."""
    runs = _runs(markdown.split("\n"))
    tables = [bool(lines) and bool(TABLE_ROW.match(lines[0])) for _, lines in runs]
    captions = {p for p, (_, lines) in enumerate(runs)
                if lines and not tables[p] and caption_start(lines[0].strip())}
    taken: set[int] = set()
    for position, table in enumerate(tables):
        if table:
            # the one before it first, else the one after it (as lessons and decks read them)
            chosen = next((p for p in (position - 1, position + 1)
                           if p in captions and p not in taken), None)
            if chosen is not None:
                taken.add(chosen)
    return [runs[p][0] for p in sorted(captions - taken)]
