"""Callouts in a slide body: ``::: tip`` … ``:::`` blocks, cut into an ordered list of blocks.

A callout opens with ``::: KIND`` (tip, warning, example or key), optionally followed by a
title, and closes with a ``:::`` line. Fences inside code blocks are text. Callouts do not nest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import did_you_mean
from ..model import CalloutKind
from .fences import Fences, Line

CALLOUT_KINDS = tuple(kind.value for kind in CalloutKind)
CALLOUT_LINE = re.compile(r"^:::+(?P<rest>.*)$")
OPENING = re.compile(r"^\s*(?P<kind>[A-Za-z][\w-]*)(?:\s+(?P<title>.*?))?\s*$")


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A run of a slide body: plain Markdown (``kind`` "") or one callout, with its line."""

    line: int  # of the first line of its Markdown (of the ``:::`` line for a callout)
    kind: str
    title: str
    markdown: str


@dataclass(frozen=True, slots=True)
class CalloutProblem:
    """A mistake in the callout syntax of a slide body."""

    line: int
    message: str
    code: str


def _trimmed(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    start, end = 0, len(lines)
    while start < end and not lines[start][1].strip():
        start += 1
    while end > start and not lines[end - 1][1].strip():
        end -= 1
    return lines[start:end]


def split_callouts(body: str, first_line: int) -> tuple[list[RawBlock], list[CalloutProblem]]:
    """The body's blocks in order (empty runs left out) and the syntax problems found."""
    blocks: list[RawBlock] = []
    problems: list[CalloutProblem] = []
    run: list[tuple[int, str]] = []
    opened: tuple[int, str, str] | None = None  # line, kind, title of the open callout
    fences = Fences()

    def close_run() -> None:
        lines = _trimmed(run)
        if opened is not None:
            line, kind, title = opened
            blocks.append(RawBlock(line=line, kind=kind, title=title,
                                   markdown="\n".join(text for _, text in lines)))
        elif lines:
            blocks.append(RawBlock(line=lines[0][0], kind="", title="",
                                   markdown="\n".join(text for _, text in lines)))
        run.clear()

    for offset, text in enumerate(body.split("\n")):
        line = first_line + offset
        marker = None if fences.read(text) is not Line.TEXT else CALLOUT_LINE.match(text)
        if marker is None:
            run.append((line, text))
            continue
        rest = marker.group("rest").strip()
        if not rest:
            if opened is None:
                problems.append(CalloutProblem(line, "':::' closes no callout: open one with "
                                               f"'::: {CALLOUT_KINDS[0]}'", "lesson.callout"))
                continue
            close_run()
            opened = None
            continue
        if opened is not None:
            problems.append(CalloutProblem(line, "callouts cannot be nested: close the callout "
                                           f"of line {opened[0]} with ':::' first",
                                           "lesson.callout"))
            continue
        words = OPENING.match(rest)
        kind = words.group("kind").lower() if words else rest
        if kind not in CALLOUT_KINDS:
            hint = did_you_mean(kind, CALLOUT_KINDS) or f"; use {', '.join(CALLOUT_KINDS)}"
            problems.append(CalloutProblem(line, f"unknown callout '{rest}'{hint}",
                                           "lesson.callout"))
            kind = ""  # read on as plain text, so its closing line is no second mistake
        close_run()
        opened = (line, kind, (words.group("title") or "") if words else "")
    if opened is not None and opened[1]:
        problems.append(CalloutProblem(opened[0], f"the '{opened[1]}' callout is not closed: end "
                                       "it with a ':::' line", "lesson.callout"))
    close_run()
    return blocks, problems


def plain_markdown(blocks: list[RawBlock]) -> str:
    """The blocks' Markdown without the callout lines, for readers that know no callouts."""
    return "\n\n".join(block.markdown for block in blocks if block.markdown)
