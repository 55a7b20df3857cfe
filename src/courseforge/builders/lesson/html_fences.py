"""Fenced code indented under a list item (or by one to three spaces), in lessons.

Python-Markdown's fenced-code step reads a fence only at the margin, so a fence under a list
item came out as inline code with its info string as text. Before the lists are re-indented
(``html_lists``), each indented fenced block is given to that step at the margin, its lines
keeping their indentation past the fence's, and becomes the one line of its placeholder at
the fence's indentation: the item holds the code block with its language, and a tight item
stays tight. Where the placeholder falls inside a paragraph (an item of a loose list),
``CodeParagraphs`` parts the paragraph around it. Indented code outside a list stays as it is.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown.treeprocessors import Treeprocessor

from ...loading.list_levels import FENCE, dedented, indent_width
from ...loading.table_captions import indented_code

Fenced = Callable[[list[str]], list[str]]  # lines at the margin -> with fenced code set aside


def indented_fences(lines: list[str], fenced: Fenced) -> list[str]:
    """The lines with every indented fenced block set aside by ``fenced``."""
    out: list[str] = []
    code = indented_code(lines)
    block: list[str] = []  # the open fenced block's lines at the margin ([]: none is open)
    edge = 0  # the open fence's indentation
    for index, line in enumerate(lines):
        stripped = line.strip()
        width = indent_width(line)
        if block and _closes(stripped, block[0]):
            out.append(" " * edge + _set_aside(block, fenced))
            block = []
            continue
        if block and stripped and width < edge:
            # a line left of the fence leaves the item: the fence ends there, blank lines apart
            out += [" " * edge + _set_aside(_unclosed(block), fenced), ""]
            block = []
        if block:
            block.append(dedented(line, edge))
            continue
        if FENCE.match(stripped) and width and index not in code:
            block, edge = [stripped], width
            continue
        out.append(line)
    if block:
        out.append(" " * edge + _set_aside(_unclosed(block), fenced))
    return out


def _unclosed(block: list[str]) -> list[str]:
    """A fenced block that no fence closes, without the blank lines at its end."""
    while not block[-1].strip():
        block = block[:-1]
    return block


def _closes(stripped: str, opening: str) -> bool:
    """Whether a line (stripped) closes the fence ``opening`` opened: the same character, at
    least as many, nothing after them."""
    fence = FENCE.match(opening)
    return (fence is not None and len(stripped) >= len(fence["fence"])
            and set(stripped) == {opening[0]})


def _set_aside(block: list[str], fenced: Fenced) -> str:
    """The placeholder line of a fenced block (its opening fence and lines, at the margin):
    closed with its own fence, as Python-Markdown closes one; read without its info string
    where Python-Markdown cannot read that (``bash title``), as the decks show none."""
    opening = block[0]
    fence = FENCE.match(opening)
    assert fence is not None
    for first in (opening, fence["fence"]):
        stashed = [line for line in fenced([first, *block[1:], fence["fence"]]) if line.strip()]
        if len(stashed) == 1:
            return stashed[0]
    raise AssertionError(f"fenced code not set aside: {block!r}")  # pragma: no cover


class CodeParagraphs(Treeprocessor):
    """Parts a paragraph around the placeholder of a code block in it, so that the code is a
    block of its own (a paragraph holds no code block) and the text around it paragraphs."""

    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash
        blocks = [re.escape(stash.get_placeholder(index))
                  for index, html in enumerate(stash.rawHtmlBlocks)
                  if str(html).startswith("<pre")]
        if not blocks:
            return
        placeholder = re.compile("|".join(blocks))
        for parent in list(root.iter()):
            for index in reversed(range(len(parent))):
                child = parent[index]
                if child.tag == "p" and _holds(child, placeholder):
                    parent[index:index + 1] = _parted(child, placeholder)
                elif child.tag == "pre" and placeholder.search(child.findtext("code") or ""):
                    parent[index:index + 1] = _code_parted(child.findtext("code") or "",
                                                           placeholder)


def _holds(paragraph: etree.Element, placeholder: re.Pattern[str]) -> bool:
    """Whether a paragraph holds a placeholder with more than it (alone, it is replaced)."""
    texts = [paragraph.text or "", *(child.tail or "" for child in paragraph)]
    return any(placeholder.search(text) for text in texts) and not (
        len(paragraph) == 0 and placeholder.fullmatch((paragraph.text or "").strip()))


def _parted(paragraph: etree.Element, placeholder: re.Pattern[str]) -> list[etree.Element]:
    """The paragraphs a paragraph becomes, parted around each placeholder it holds."""
    parts: list[etree.Element] = []
    current = etree.Element("p")

    def add(text: str, after: etree.Element | None) -> None:
        """Text (at the start, or after the inline element ``after``) into ``current``."""
        nonlocal current
        found = placeholder.findall(text)
        for index, piece in enumerate(placeholder.split(text)):
            piece = piece.lstrip() if index else piece  # the space that parted it from code
            if index == len(found):
                _set_text(current, after, piece)
                return
            _set_text(current, after, piece.rstrip())
            if len(current) or (current.text or "").strip():
                parts.append(current)
            parts.append(_alone(found[index]))
            current, after = etree.Element("p"), None

    add(paragraph.text or "", None)
    for child in list(paragraph):
        tail, child.tail = child.tail or "", None
        current.append(child)
        add(tail, child)
    if len(current) or (current.text or "").strip():
        parts.append(current)
    return parts


def _code_parted(code: str, placeholder: re.Pattern[str]) -> list[etree.Element]:
    """The blocks indented code becomes, parted around each fenced block in it (one indented
    as deep as code would be, in a list item or at the margin)."""
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


def _set_text(paragraph: etree.Element, after: etree.Element | None, text: str) -> None:
    """Text at the start of a paragraph, or after one of its elements."""
    if after is None:
        paragraph.text = text or None
    else:
        after.tail = text or None
