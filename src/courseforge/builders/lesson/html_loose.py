"""A list is loose or tight as a whole in lessons, as in CommonMark.

Python-Markdown gives a paragraph only to the items of a list that follow a blank line (or
hold one), so a list with code or a second paragraph in one item came out with some items
spaced as paragraphs and the rest not. Where any item of a list has its text as a
paragraph, every item gets one.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

# what starts an item's blocks after its own text: a paragraph holds none of them
BLOCKS = frozenset({"p", "ul", "ol", "pre", "blockquote", "div", "table", "hr", "figure",
                    "h1", "h2", "h3", "h4", "h5", "h6", "dl"})


class EvenLists(Treeprocessor):
    """Every item of a list whose items are partly paragraphs gets its text as one."""

    def run(self, root: etree.Element) -> None:
        for found in root.iter():
            if found.tag not in ("ul", "ol"):
                continue
            items = [item for item in found if item.tag == "li"]
            if any(_paragraphed(item) for item in items):
                for item in items:
                    if not _paragraphed(item):
                        _paragraph(item)


def _paragraphed(item: etree.Element) -> bool:
    """Whether an item's text is a paragraph (or it has none but blocks)."""
    return not (item.text or "").strip() and (not len(item) or item[0].tag in BLOCKS)


def _paragraph(item: etree.Element) -> None:
    """An item's text and inline elements, up to its first block, made a paragraph."""
    paragraph = etree.Element("p")
    paragraph.text, item.text = (item.text or "").lstrip(), None
    while len(item) and item[0].tag not in BLOCKS:
        child = item[0]
        item.remove(child)
        paragraph.append(child)
    last = paragraph[-1] if len(paragraph) else None
    if last is None:
        paragraph.text = paragraph.text.rstrip()
    else:
        last.tail = (last.tail or "").rstrip() or None
    item.insert(0, paragraph)
