"""A list is loose or tight as a whole in lessons, as in CommonMark.

Python-Markdown gives a paragraph only to the items of a list that follow a blank line (or
hold one), so a list with code or a second paragraph in one item came out with some items
spaced as paragraphs and the rest not. Where any item of a list has its text as a
paragraph, every item gets one.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER

# where Python-Markdown set author HTML aside, and which: its number in the stash
PLACEHOLDER = re.compile(re.escape(HTML_PLACEHOLDER).replace(re.escape("%s"), r"(\d+)"))
OPENING_TAG = re.compile(r"^\s*<\s*([A-Za-z][\w-]*)")
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
                    if self._bare_text(item):
                        _paragraph(item)

    def _bare_text(self, item: etree.Element) -> bool:
        """Whether an item starts with text or inline elements, not in a paragraph, and
        holds no block of author HTML there (it would be split out of the paragraph)."""
        inline = list(itertools.takewhile(lambda child: child.tag not in BLOCKS, item))
        texts = [item.text or "", *(child.tail or "" for child in inline)]
        stashed = self.md.htmlStash.rawHtmlBlocks
        tags = (OPENING_TAG.match(str(stashed[int(number)]))
                for text in texts for number in PLACEHOLDER.findall(text))
        return (bool(inline) or bool(texts[0].strip())) and not any(
            tag is not None and self.md.is_block_level(tag[1]) for tag in tags)


def _paragraphed(item: etree.Element) -> bool:
    """Whether an item's text is a paragraph."""
    return not (item.text or "").strip() and len(item) > 0 and item[0].tag == "p"


def _paragraph(item: etree.Element) -> None:
    """An item's text and inline elements, up to its first block, made a paragraph."""
    paragraph = etree.Element("p")
    paragraph.text, item.text = (item.text or "").lstrip(), None
    while len(item) and item[0].tag not in BLOCKS:
        child = item[0]
        item.remove(child)
        paragraph.append(child)
    item.insert(0, paragraph)
