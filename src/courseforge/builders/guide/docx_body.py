"""The guide's document body written straight as WordprocessingML elements.

python-docx searches a growing body for its closing section properties on every paragraph and
table it adds, and walks long lists of possible siblings for every run property it sets: the
guide's cost grew with the square of its length. The elements here are the ones python-docx
itself writes, in the same order, so the documents' bytes are the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from docx.document import Document as DocumentObject
from docx.document import _Body
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

MONO = "Courier New"
_SPECIAL = re.compile(r"([\t\r\n])")  # the characters python-docx turns into tabs and breaks
_R, _RPR, _T, _TAB, _BR = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:tab"), qn("w:br")
_B, _I, _FONTS = qn("w:b"), qn("w:i"), qn("w:rFonts")
_P, _PPR, _PSTYLE, _VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
_COLOR, _BORDERS, _BOTTOM = qn("w:color"), qn("w:pBdr"), qn("w:bottom")
_TBL, _TBLPR, _TBLSTYLE, _TBLW = qn("w:tbl"), qn("w:tblPr"), qn("w:tblStyle"), qn("w:tblW")
_JC, _TBLLOOK, _TBLGRID, _GRIDCOL = qn("w:jc"), qn("w:tblLook"), qn("w:tblGrid"), qn("w:gridCol")
_TR, _TRPR, _TBLHEADER = qn("w:tr"), qn("w:trPr"), qn("w:tblHeader")
_TC, _TCPR, _TCW, _TYPE, _W = qn("w:tc"), qn("w:tcPr"), qn("w:tcW"), qn("w:type"), qn("w:w")
# a new table's properties as python-docx writes them, attributes in its order
_AUTO_WIDTH = {_TYPE: "auto", _W: "0"}
_CENTRED = {_VAL: "center"}
_LOOK = {qn(f"w:{name}"): value for name, value in (
    ("firstColumn", "1"), ("firstRow", "1"), ("lastColumn", "0"), ("lastRow", "0"),
    ("noHBand", "0"), ("noVBand", "1"), ("val", "04A0"))}
# a thin grey rule under a paragraph, as python-docx writes the attributes given in this order
_RULE = {_VAL: "single", qn("w:sz"): "4", qn("w:space"): "1", qn("w:color"): "A6A6A6"}
_FONT_NAMES = {qn("w:ascii"): MONO, qn("w:hAnsi"): MONO}
_PRESERVE = qn("xml:space")


def append_run(paragraph: etree._Element, text: str, *, bold: bool = False,
               italic: bool = False, mono: bool = False, colour: str | None = None,
               styled: bool = True) -> etree._Element:
    """A ``w:r`` with ``text`` at the end of ``paragraph``, as ``Paragraph.add_run`` writes it
    (a tab as ``w:tab``, each line break as ``w:br``) and, when ``styled``, its ``bold``,
    ``italic``, ``font.name`` and ``font.color.rgb`` (``colour``, as hex digits) setters
    style it (setting them at all leaves run properties, empty for a plain run)."""
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
    for piece in _SPECIAL.split(text) if _SPECIAL.search(text) else (text,):
        if piece == "\t":
            etree.SubElement(r, _TAB)
        elif piece in ("\r", "\n"):
            etree.SubElement(r, _BR)
        elif piece:
            t = etree.SubElement(r, _T)
            t.text = piece
            if len(piece.strip()) < len(piece):
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

    def add_grid(self, rows: int, columns: int, style: str) -> list[list[etree._Element]]:
        """A centred table of ``rows`` by ``columns`` across the page in table style ``style``
        (a name), its first row a header repeated on every page: the elements python-docx's
        ``add_table`` and the table's ``style`` and ``alignment`` setters make. Each row's
        cell paragraphs, to write in."""
        width = Emu(self.block_width // columns if columns > 0 else 0).twips
        table = etree.SubElement(self._element, _TBL)
        properties = etree.SubElement(table, _TBLPR)
        style_id = self._style_id(style, WD_STYLE_TYPE.TABLE)
        if style_id is not None:
            etree.SubElement(properties, _TBLSTYLE, {_VAL: style_id})
        etree.SubElement(properties, _TBLW, _AUTO_WIDTH)
        etree.SubElement(properties, _JC, _CENTRED)
        etree.SubElement(properties, _TBLLOOK, _LOOK)
        grid = etree.SubElement(table, _TBLGRID)
        cell_width = {_TYPE: "dxa", _W: str(width)}
        for _ in range(columns):
            etree.SubElement(grid, _GRIDCOL, {_W: str(width)})
        paragraphs = []
        for index in range(rows):
            row = etree.SubElement(table, _TR)
            if index == 0:
                etree.SubElement(etree.SubElement(row, _TRPR), _TBLHEADER)
            cells = []
            for _ in range(columns):
                cell = etree.SubElement(row, _TC)
                etree.SubElement(etree.SubElement(cell, _TCPR), _TCW, cell_width)
                cells.append(etree.SubElement(cell, _P))
            paragraphs.append(cells)
        self._append(table)
        return paragraphs

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
