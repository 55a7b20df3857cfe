"""Notes slides written as text: the blank notes slide's bytes around the notes' paragraphs.

A notes slide is the notes master's blank notes slide with one text in its notes
placeholder; python-pptx (and lxml) would copy the blank slide's tree, add a paragraph per
line and serialize it all again for every slide. Here the blank slide is serialized once,
with a marker paragraph where the notes go, and each slide's paragraphs are written as the
text lxml would write for them (``tests/test_pptx_direct_xml.py`` holds the two equal).
"""

from __future__ import annotations

import copy
import re

from lxml import etree
from pptx.opc.oxml import serialize_part_xml

from . import drawingml
from .drawingml import P
from .package_members import xml_attribute

_MARK = "\ue000notes\ue000"  # a private-use text no notes can be confused with
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# what lxml refuses to write (after drawingml.escape has spelt out control characters)
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_TX_BODY = f"{{{P}}}txBody"


class NotesText:
    """The bytes of one deck's notes slides, in one language and direction."""

    def __init__(self, head: bytes, tail: bytes, language: str, right_to_left: bool) -> None:
        self._head, self._tail = head, tail
        self._rpr = f'<a:r><a:rPr lang="{xml_attribute(language)}"/><a:t>'
        self._ppr = '<a:pPr rtl="1" algn="r"/>' if right_to_left else ""

    @classmethod
    def of(cls, blank: etree._Element, body: int, language: str,
           right_to_left: bool) -> NotesText | None:
        """The notes text for a blank notes slide whose notes placeholder is shape ``body``
        of its shape tree; None when its XML does not take the notes as expected."""
        element = copy.deepcopy(blank)
        tx_body = element.find(f"{{{P}}}cSld/{{{P}}}spTree")[body].find(_TX_BODY)
        if tx_body is None:
            return None
        drawingml.set_text(tx_body, _MARK, language)
        if right_to_left:
            drawingml.right_to_left(element)
        whole = serialize_part_xml(element)
        found = cls(b"", b"", language, right_to_left)
        mark = found._paragraphs(_MARK)
        if mark is None or whole.count(mark) != 1:
            return None
        head, tail = whole.split(mark)
        return cls(head, tail, language, right_to_left)

    def xml(self, text: str) -> bytes | None:
        """The notes slide holding ``text``, as python-pptx's notes text writes it; None for
        a text lxml would refuse."""
        paragraphs = self._paragraphs(text)
        return None if paragraphs is None else self._head + paragraphs + self._tail

    def _paragraphs(self, text: str) -> bytes | None:
        """One ``a:p`` per line, as ``drawingml.set_text`` (then ``right_to_left``) makes it."""
        written = []
        for line in text.split("\n"):
            inner = [self._ppr]
            for index, piece in enumerate(line.split("\v")):
                if index:
                    inner.append("<a:br/>")
                if piece:
                    escaped = drawingml.escape(piece)
                    if _NOT_XML.search(escaped):
                        return None
                    inner.append(f"{self._rpr}{escaped.translate(_TEXT_ESCAPES)}</a:t></a:r>")
            content = "".join(inner)
            written.append(f"<a:p>{content}</a:p>" if content else "<a:p/>")
        return "".join(written).encode()
