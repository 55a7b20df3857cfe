"""Notes slides written as text: the blank notes slide's bytes around the notes' paragraphs.

A notes slide is the notes master's blank notes slide with one text in its notes
placeholder; python-pptx (and lxml) would copy the blank slide's tree, add a paragraph per
line and serialize it all again for every slide. Here the blank slide is serialized once,
with a marker paragraph where the notes go, and each slide's paragraphs are written as the
text lxml would write for them (``tests/test_pptx_direct_xml.py`` holds the two equal).
"""

from __future__ import annotations

import copy

from lxml import etree
from pptx.opc.oxml import serialize_part_xml

from . import drawingml
from .drawingml import P
from .drawingml_text import attribute, lines

_MARK = "\ue000notes\ue000"  # a private-use text no notes can be confused with
_TX_BODY = f"{{{P}}}txBody"


class NotesText:
    """The bytes of one deck's notes slides, in one language and direction."""

    def __init__(self, head: bytes, tail: bytes, language: str, right_to_left: bool) -> None:
        self._head, self._tail = head, tail
        self._lang = f'lang="{attribute(language)}"'
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
        if whole.count(mark) != 1:
            return None
        head, tail = whole.split(mark)
        return cls(head, tail, language, right_to_left)

    def xml(self, text: str) -> bytes:
        """The notes slide holding ``text``, as python-pptx's notes text writes it (a
        ValueError, as lxml's, for a text XML cannot hold)."""
        return self._head + self._paragraphs(text) + self._tail

    def _paragraphs(self, text: str) -> bytes:
        """One ``a:p`` per line, as ``drawingml.set_text`` (then ``right_to_left``) makes it."""
        return "".join(lines(text, self._lang, properties=self._ppr)).encode()
