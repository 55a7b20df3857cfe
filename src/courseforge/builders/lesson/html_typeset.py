"""Typographic punctuation in the lesson's HTML tree: the rule of :mod:`courseforge.typography`
in every text node but code; attributes keep their characters.

Python-Markdown's ``smarty`` extension would be the library's way, but its rule differs from
the decks' (it leaves " - " alone and turns every "--" into a dash), so lessons, decks and
guide would disagree on the same text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

from ...typography import typographic

# What the learner reads as it is written: code, and what the browser does not show as text.
VERBATIM_TAGS = frozenset({"code", "pre", "kbd", "samp", "script", "style"})
# Elements whose text starts afresh: a quote at their start opens.
BLOCK_TAGS = frozenset({
    "p", "li", "td", "th", "caption", "figcaption", "blockquote", "h1", "h2", "h3", "h4",
    "h5", "h6", "div", "dt", "dd", "table", "thead", "tbody", "tr", "ul", "ol", "figure"})


class Typeset(Treeprocessor):
    """Typographic punctuation in every text node but code; attributes keep their characters."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.language = ""

    def run(self, root: etree.Element) -> None:
        if self.language:
            for child in root:
                _typeset_element(child, self.language, "")


def _typeset_element(element: etree.Element, language: str, before: str) -> str:
    """Typeset an element's text and its children's, in reading order; its last character.

    As in the decks, the character before each piece is the piece before it as written.
    """
    if element.tag in BLOCK_TAGS:
        before = ""
    if element.tag in VERBATIM_TAGS:
        text = "".join(element.itertext())
        return text[-1:] or before
    if element.text:
        original = element.text
        element.text = typographic(original, language, before)
        before = original[-1]
    for child in element:
        before = _typeset_element(child, language, before)
        if child.tail:
            original = child.tail
            child.tail = typographic(original, language, "" if child.tag in BLOCK_TAGS
                                     else before)
            before = original[-1]
    return before
