"""Fenced code in lessons, one rule wherever the fence stands: as the decks read it.

Python-Markdown's fenced-code step reads a fence only at the margin and closes it only on
the same fence, so a fence under a list item came out as inline code with its info string as
text. Here each fenced block (at the margin, under a list item, in a quote's lines) is given
to that step at the margin, its lines keeping their indentation past the fence's, and
becomes its placeholder line at the fence's indentation, between blank lines as the step
sets one: a block of its own, its language kept. Where a fence ends is ``Fences``' rule,
as for every reader of a lesson. As everywhere in courseforge, a
fence indented four spaces or more is a fence too (the decks and ``check`` read it so);
where its placeholder lands in indented code, ``CodeParagraphs`` takes it out as a block of
its own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

import markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ...loading.fences import Fences, Line
from ...loading.line_starts import dedented

Fenced = Callable[[list[str]], list[str]]  # lines at the margin -> with fenced code set aside


def fences_set_aside(lines: list[str], fenced: Fenced) -> list[str]:
    """The lines with every fenced block (as ``Fences`` reads them) set aside by ``fenced``."""
    out: list[str] = []
    fences = Fences()
    block: list[str] = []  # the open fenced block's lines at the margin ([]: none is open)
    fence, edge = "", 0  # the open fence's characters and indentation
    for line in lines:
        read = fences.read(line)
        if block and read is Line.CODE:
            block.append(dedented(line, edge))
            continue
        if block and read is Line.FENCE and not fences.fence:  # its closing line
            out += _set_aside([*block, fence], edge, fenced)
            block = []
            continue
        if block:  # a line left of the fence ended it; the line is read afresh
            out += _unclosed(block, fence, edge, fenced)
            block = []
        if read is Line.FENCE:
            block, fence, edge = [line.strip()], fences.fence, fences.edge
            continue
        out.append(line)
    if block:
        out += _unclosed(block, fence, edge, fenced)
    return out


def _unclosed(block: list[str], fence: str, edge: int, fenced: Fenced) -> list[str]:
    """A fenced block that no fence closes set aside, closed after its last line that is not
    blank, the blank lines after it kept; nothing if it holds no line (a closing fence that
    a line left of the fence has parted from its block)."""
    end = len(block)
    while end > 1 and not block[end - 1].strip():
        end -= 1
    kept = _set_aside([*block[:end], fence], edge, fenced) if end > 1 else [""]
    return kept + block[end:]


def _set_aside(block: list[str], edge: int, fenced: Fenced) -> list[str]:
    """The lines of a fenced block (its fences and lines, at the margin) set aside: its
    placeholder indented ``edge``, between blank lines. An info string Python-Markdown cannot
    read (``bash title``) is left out, as the decks show none."""
    stashed = fenced(block)
    if sum(1 for line in stashed if line.strip()) != 1:  # an info string the step cannot read
        stashed = fenced([block[-1], *block[1:]])
    return ["" if not line.strip() else " " * edge + line for line in stashed]


class FencedCode(Preprocessor):
    """Every fenced block set aside by ``step`` (Python-Markdown's fenced-code step, taken
    out of the pipeline for this one) as ``fences_set_aside`` does; the placeholders made
    in a lesson, in quotes too (``fenced``), are kept in ``placeholders``."""

    def __init__(self, md: markdown.Markdown, step: Preprocessor) -> None:
        super().__init__(md)
        self.step = step
        self.placeholders: list[str] = []

    def run(self, lines: list[str]) -> list[str]:
        self.placeholders.clear()
        return fences_set_aside(lines, self.fenced)

    def fenced(self, lines: list[str]) -> list[str]:
        """Python-Markdown's fenced-code step on some lines, its placeholders noted."""
        stash = self.md.htmlStash
        first = stash.html_counter
        out: list[str] = self.step.run(lines)
        self.placeholders += (stash.get_placeholder(n) for n in range(first, stash.html_counter))
        return out


class CodeParagraphs(Treeprocessor):
    """Takes the placeholder of a fenced block (one of ``placeholders``, which ``FencedCode``
    set aside) out of the indented code it landed in, as a block of its own."""

    def __init__(self, md: markdown.Markdown, placeholders: list[str]) -> None:
        super().__init__(md)
        self.placeholders = placeholders

    def run(self, root: etree.Element) -> None:
        if not self.placeholders:
            return
        placeholder = re.compile("|".join(map(re.escape, self.placeholders)))
        for parent in list(root.iter()):
            for index in reversed(range(len(parent))):
                child = parent[index]
                code = child.findtext("code") or "" if child.tag == "pre" else ""
                if placeholder.search(code):
                    parent[index:index + 1] = _code_parted(code, placeholder)


def _code_parted(code: str, placeholder: re.Pattern[str]) -> list[etree.Element]:
    """The blocks indented code becomes, parted around each fenced block in it (a fence
    indented as deep as code, in a list item or at the margin)."""
    parts: list[etree.Element] = []
    found = placeholder.findall(code)
    for index, piece in enumerate(placeholder.split(code)):
        if piece.strip():
            pre = etree.Element("pre")
            etree.SubElement(pre, "code").text = piece.strip("\n") + "\n"
            parts.append(pre)
        if index < len(found):
            parts.append(_alone(found[index]))
    return parts


def _alone(placeholder: str) -> etree.Element:
    """A paragraph of a code block's placeholder alone, which the block replaces."""
    paragraph = etree.Element("p")
    paragraph.text = placeholder
    return paragraph
