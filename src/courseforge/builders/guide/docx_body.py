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
from docx.oxml.table import CT_Tbl
from docx.shared import RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

MONO = "Courier New"
_SPECIAL = frozenset("\t\r\n")  # the characters python-docx turns into tabs and breaks
_R, _RPR, _T = qn("w:r"), qn("w:rPr"), qn("w:t")
_B, _I, _FONTS = qn("w:b"), qn("w:i"), qn("w:rFonts")
_P, _PPR, _PSTYLE, _VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_COLOR, _BORDERS, _BOTTOM = qn("w:color"), qn("w:pBdr"), qn("w:bottom")
# a thin grey rule under a paragraph, as python-docx writes the attributes given in this order
_RULE = {_VAL: "single", qn("w:sz"): "4", qn("w:space"): "1", qn("w:color"): "A6A6A6"}
_FONT_NAMES = {qn("w:ascii"): MONO, qn("w:hAnsi"): MONO}
_PRESERVE = qn("xml:space")


def append_run(paragraph: etree._Element, text: str, *, bold: bool = False,
               italic: bool = False, mono: bool = False, colour: str | None = None,
               styled: bool = True) -> etree._Element:
    """A ``w:r`` with ``text`` at the end of ``paragraph``, as ``Paragraph.add_run`` writes it
    and, when ``styled``, its ``bold``, ``italic``, ``font.name`` and ``font.color.rgb``
    (``colour``, as hex digits) setters style it (setting them at all leaves run
    properties, empty for a plain run)."""
    if not _SPECIAL.isdisjoint(text):
        run = DocxParagraph(paragraph, None).add_run(text)  # type: ignore[arg-type]
        if styled:
            run.bold, run.italic = bold or None, italic or None
        if mono:
            run.font.name = MONO
        if colour is not None:
            run.font.color.rgb = RGBColor.from_string(colour)
        return run._r
    r = etree.SubElement(paragraph, _R)
    if styled or mono or colour is not None:
        properties = etree.SubElement(r, _RPR)
        if mono:
            etree.SubElement(properties, _FONTS, _FONT_NAMES)
        if bold:
            etree.SubElement(properties, _B)
        if italic:
            etree.SubElement(properties, _I)
        if colour is not None:
            etree.SubElement(properties, _COLOR, {_VAL: colour})
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

    def add_paragraph(self, text: str = "", style: object = None, *, bold: bool = False,
                      italic: bool = False, colour: str | None = None) -> DocxParagraph:
        """A paragraph with ``text`` in one run, in paragraph style ``style`` (a name), the run
        ``bold``, ``italic`` or in ``colour`` (hex digits) as its setters would make it."""
        p = self._append(etree.SubElement(self._element, _P))
        if text:
            append_run(p, text, bold=bold, italic=italic, colour=colour,
                       styled=bold or italic)
        if style is not None:
            properties = etree.Element(_PPR)
            p.insert(0, properties)
            style_id = self._style_id(style, WD_STYLE_TYPE.PARAGRAPH)
            if style_id is not None:
                etree.SubElement(properties, _PSTYLE, {_VAL: style_id})
        return DocxParagraph(p, self)

    def add_ruled_line(self) -> None:
        """An empty paragraph with a thin grey rule under it, a line to write on."""
        p = self._append(etree.SubElement(self._element, _P))
        borders = etree.SubElement(etree.SubElement(p, _PPR), _BORDERS)
        etree.SubElement(borders, _BOTTOM, _RULE)

    def add_table(self, rows: int, cols: int, width: object) -> DocxTable:
        """A table of ``rows`` by ``cols`` across ``width``, at the end of the body."""
        table = CT_Tbl.new_tbl(rows, cols, width)  # type: ignore[arg-type]
        self._element.append(table)
        return DocxTable(self._append(table), self)

    def _append(self, element: etree._Element) -> etree._Element:
        """``element``, made at the end of the body, moved before its section properties."""
        if self._end is not None:
            self._end.addprevious(element)
        return element


def body_of(document: DocumentObject) -> AppendingBody:
    """The appending body of a document made by ``docx_blocks.new_document``."""
    body = document._body
    assert isinstance(body, AppendingBody)
    return body
