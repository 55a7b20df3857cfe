"""Table captions in the lesson's HTML tree: the rule of ``loading/table_captions`` applied to
what Python-Markdown made of the Markdown."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree

from markdown.preprocessors import Preprocessor

from ...loading.table_captions import caption_start, separated
from .html_typeset import typeset_element


class CaptionLines(Preprocessor):
    """A caption written against its table stands apart from it (see ``table_captions``)."""

    def run(self, lines: list[str]) -> list[str]:
        return separated(lines)


def _caption_paragraph(element: etree.Element | None) -> bool:
    """Whether an element is a paragraph written as a table caption."""
    return element is not None and element.tag == "p" and bool(caption_start(element.text or ""))


def caption_name(caption: etree.Element, language: str) -> str:
    """A caption's text on one line, typeset as the caption will be: its table's name."""
    if language:
        caption = copy.deepcopy(caption)
        typeset_element(caption, language)
    return " ".join("".join(caption.itertext()).split())


def attach_captions(root: etree.Element) -> None:
    """Each caption paragraph next to a table becomes that table's ``<caption>``."""
    for parent in list(root.iter()):
        children = list(parent)
        claimed: set[int] = set()
        for index, table in enumerate(children):
            if table.tag != "table":
                continue
            after = children[index + 1] if index + 1 < len(children) else None
            before = children[index - 1] if index else None
            if _caption_paragraph(before) and index - 1 not in claimed:
                source, position = before, index - 1
            elif _caption_paragraph(after):
                source, position = after, index + 1
            else:
                continue
            assert source is not None
            claimed.add(position)
            caption = etree.Element("caption")
            caption.text = (source.text or "")[caption_start(source.text or ""):]
            caption.extend(list(source))
            table.insert(0, caption)
            parent.remove(source)
