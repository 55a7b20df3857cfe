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

from ...typography import URL, Typesetter

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
            typeset_element(root, self.language)


def typeset_element(element: etree.Element, language: str) -> None:
    """An element's text and its descendants' typeset in place, as a lesson shows them."""
    setter = Typesetter(language)
    if element.text:
        element.text = setter.text(element.text)
    for child in element:
        _typeset_element(child, setter)


def _shown_as_written(element: etree.Element) -> bool:
    """Code, and a link that shows its own address (an autolink): the learner reads them as
    typed."""
    if element.tag in VERBATIM_TAGS:
        return True
    if element.tag != "a" or len(element):
        return False
    text = (element.text or "").strip()
    return bool(text) and (text == element.get("href") or bool(URL.fullmatch(text)))


def _typeset_element(element: etree.Element, setter: Typesetter) -> None:
    """Typeset an element's text and its children's, in reading order.

    As in the decks, the pieces of one block are typeset as one text: the character before
    each and the quotes left open carry over; a block starts afresh.
    """
    if element.tag in BLOCK_TAGS:
        setter.restart()
    if _shown_as_written(element):
        setter.verbatim("".join(element.itertext()))
        return
    if element.text:
        element.text = setter.text(element.text)
    for child in element:
        _typeset_element(child, setter)
        if child.tail:
            if child.tag in BLOCK_TAGS:
                setter.restart()
            child.tail = setter.text(child.tail)
