"""The guide's document body written straight as WordprocessingML elements.

python-docx searches a growing body for its closing section properties on every paragraph and
table it adds, and walks long lists of possible siblings for every run property it sets: the
guide's cost grew with the square of its length. The elements here are the ones python-docx
itself writes, in the same order, so the documents' bytes are the same.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document as DocumentObject
from docx.document import _Body
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.oxml.table import CT_Tbl
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

MONO = "Courier New"
_SPECIAL = frozenset("\t\r\n")  # the characters python-docx turns into tabs and breaks
_R, _RPR, _T = qn("w:r"), qn("w:rPr"), qn("w:t")
_B, _I, _FONTS = qn("w:b"), qn("w:i"), qn("w:rFonts")
_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_FONT_NAMES = {qn("w:ascii"): MONO, qn("w:hAnsi"): MONO}
_PRESERVE = qn("xml:space")


def append_run(paragraph: etree._Element, text: str, *, bold: bool = False,
               italic: bool = False, mono: bool = False, styled: bool = True) -> etree._Element:
    """A ``w:r`` with ``text`` at the end of ``paragraph``, as ``Paragraph.add_run`` writes it
    and, when ``styled``, its ``bold``, ``italic`` and ``font.name`` setters style it (setting
    them at all leaves run properties, empty for a plain run)."""
    if not _SPECIAL.isdisjoint(text):
        run = DocxParagraph(paragraph, None).add_run(text)  # type: ignore[arg-type]
        if styled:
            run.bold, run.italic = bold or None, italic or None
        if mono:
            run.font.name = MONO
        return run._r
    r = etree.SubElement(paragraph, _R)
    if styled or mono:
        properties = etree.SubElement(r, _RPR)
        if mono:
            etree.SubElement(properties, _FONTS, _FONT_NAMES)
        if bold:
            etree.SubElement(properties, _B)
        if italic:
            etree.SubElement(properties, _I)
    if text:
        t = etree.SubElement(r, _T)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_PRESERVE, "preserve")
    return r


class AppendingBody(_Body):
    """The document body adding each paragraph and table straight before its closing section
    properties, every paragraph's text as one run."""

    def __init__(self, document: DocumentObject,
                 style_id: Callable[[object, object], str | None]) -> None:
        super().__init__(document.element.body, document)
        self._end = self._element.sectPr
        self._style_id = style_id
        self.block_width = document._block_width  # the same for every table: one section

    def add_paragraph(self, text: str = "", style: object = None) -> DocxParagraph:
        """A paragraph with ``text`` in one run, in paragraph style ``style`` (a name)."""
        p = self._append(OxmlElement("w:p"))
        if text:
            append_run(p, text, styled=False)
        if style is not None:
            properties = etree.Element(_PPR)
            p.insert(0, properties)
            style_id = self._style_id(style, WD_STYLE_TYPE.PARAGRAPH)
            if style_id is not None:
                etree.SubElement(properties, _PSTYLE, {_VAL: style_id})
        return DocxParagraph(p, self)

    def add_table(self, rows: int, cols: int, width: object) -> DocxTable:
        """A table of ``rows`` by ``cols`` across ``width``, at the end of the body."""
        return DocxTable(self._append(CT_Tbl.new_tbl(rows, cols, width)), self)  # type: ignore[arg-type]

    def _append(self, element: etree._Element) -> etree._Element:
        if self._end is None:
            self._element.append(element)
        else:
            self._end.addprevious(element)
        return element
