"""The guide writes its runs, paragraphs and tables as elements: the same XML python-docx
itself writes through its object model, for any text and styling."""

from __future__ import annotations

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import RGBColor
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from courseforge.builders.guide.docx_body import MONO, AppendingBody, append_run

TEXTS = st.text(alphabet=st.sampled_from(list("ab ç\t\r\n<&")), max_size=12)


def _xml(element: etree._Element) -> bytes:
    return etree.tostring(element)


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, bold=st.booleans(), italic=st.booleans(), mono=st.booleans(),
       coloured=st.booleans(), styled=st.booleans())
def test_a_run_is_what_python_docx_writes(text: str, bold: bool, italic: bool, mono: bool,
                                          coloured: bool, styled: bool) -> None:
    bold, italic = bold and styled, italic and styled  # an unstyled run is neither
    expected = Document().add_paragraph()
    run = expected.add_run(text)
    if styled:
        run.bold, run.italic = bold or None, italic or None
    if mono:
        run.font.name = MONO
    if coloured:
        run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    written = Document().add_paragraph()
    append_run(written._p, text, bold=bold, italic=italic, mono=mono,
               colour="595959" if coloured else None, styled=styled)
    assert _xml(written._p) == _xml(expected._p)


def test_paragraphs_rules_and_tables_are_what_python_docx_writes() -> None:
    expected, written = Document(), Document()
    body = AppendingBody(written, written.part.get_style_id)
    expected.add_paragraph("Timing", style="List Bullet").runs[0].italic = True
    body.add_paragraph("Timing", style="List Bullet", italic=True)
    table = expected.add_table(3, 2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.rows[0]._tr.get_or_add_trPr().append(
        etree.Element("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"))
    body.add_grid(3, 2, "Table Grid")
    line = expected.add_paragraph()
    borders = etree.SubElement(line._p.get_or_add_pPr(), "{http://schemas.openxmlformats.org/"
                               "wordprocessingml/2006/main}pBdr")
    borders.append(etree.fromstring(
        '<w:bottom xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:val="single" w:sz="4" w:space="1" w:color="A6A6A6"/>'))
    body.add_ruled_line()
    assert _xml(written.element.body) == _xml(expected.element.body)
