"""Slides are written as text (``drawingml_text``, ``slide_text``): each piece is held to the
slide python-pptx builds through its own API, or, for what it has no API for (bullets,
numbering), to the tree lxml serializes; so that a python-pptx or lxml upgrade that changes
what they write shows here rather than as a silent difference in the decks."""

from __future__ import annotations

import copy
import functools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.oxml import serialize_part_xml
from pptx.util import Pt

from conftest import BUNDLED, pptx_fixture
from courseforge.builders.base import BuildOptions
from courseforge.builders.pptx import drawingml
from courseforge.builders.pptx.decks import reference_template
from courseforge.builders.pptx.drawingml_text import (
    BULLET_CHARS,
    body_properties,
    bullet,
    in_context,
    offset_and_size,
)
from courseforge.builders.pptx.markdown_runs import (
    BULLET,
    LETTER,
    NUMBER,
    PLAIN,
    Paragraph,
    Run,
    Table,
)
from courseforge.builders.pptx.measuring import INSET_X, INSET_Y
from courseforge.builders.pptx.slide_parts import placeholder_shapes
from courseforge.builders.pptx.slide_shapes import remove_empty_placeholders
from courseforge.builders.pptx.slide_specs_base import COMPARISON, CONTENT, TITLE_ONLY
from courseforge.builders.pptx.slide_text import SlideText
from courseforge.builders.pptx.table_measures import CELL_X, CELL_Y, table_heights
from courseforge.builders.pptx.theme_measures import master_body_style
from courseforge.builders.pptx.writer import DeckWriter
from courseforge.loading import load_checked

A = drawingml.A
MONO = "Courier New"
_TEXT = st.lists(st.sampled_from(["Say", " this", " & that", " <here>", "\v", "\t", "\x07",
                                  "é", "ب", "😀", "\"'", " ", ""]), max_size=8).map("".join)


@functools.cache
def _template() -> bytes:
    """The bundled course's reference deck (not a fixture: Hypothesis would print it)."""
    return reference_template(load_checked(BUNDLED).course, BuildOptions())


def _pair(role: str = CONTENT) -> tuple[DeckWriter, object, SlideText]:
    """A writer, a new slide of ``role``'s layout as python-pptx clones it (a tree), and a
    slide of the same layout to write as text."""
    writer = DeckWriter(_template(), load_checked(BUNDLED).course)
    layout = writer.layouts[role]
    theirs = writer.parts.add_slide(layout)
    text = SlideText(writer.parts.frame(layout), writer.parts.new_slide(layout, tree=False),
                     "en", MONO)
    return writer, theirs, text


def _written(text: SlideText, *, keep_empty: bool = True) -> bytes:
    head, tail, _ = text.xml(keep_empty=keep_empty)
    return head + tail


def _run(paragraph: object, spec: Run, size: float | None, *, bold: bool = False,
         colour: tuple[MSO_THEME_COLOR, float] | None = None) -> None:
    """A run through python-pptx's API: text, size, bold, italic, theme colour, code font
    and link; a vertical tab (a hyphenated word's line break) as a line break and a run
    more."""
    for index, piece in enumerate(spec.text.split("\v")):
        if index:
            paragraph.add_line_break()  # type: ignore[attr-defined]
            rpr = paragraph._p[-1].get_or_add_rPr()  # type: ignore[attr-defined]
            rpr.set("lang", "en")
            if size is not None:
                rpr.set("sz", str(Pt(size).centipoints))
        run = paragraph.add_run()  # type: ignore[attr-defined]
        run._r.get_or_add_rPr().set("lang", "en")  # python-pptx has no API for a language
        if size is not None:
            run.font.size = Pt(size)
        if spec.bold or bold:
            run.font.bold = True
        if spec.italic:
            run.font.italic = True
        if colour is not None:
            run.font.color.theme_color = colour[0]
            if colour[1]:
                run.font.color.brightness = colour[1]
        if spec.code:
            run.font.name = MONO
        if spec.link:
            run.hyperlink.address = spec.link
        run.text = piece


def test_every_layout_s_blank_slide_is_its_pieces_again(tmp_path: Path) -> None:
    """Of the bundled reference deck and of a corporate template with its own layouts."""
    corporate = pptx_fixture("corporate_template")
    own = corporate.write_corporate_template(tmp_path / "corporate.pptx").read_bytes()
    course = load_checked(BUNDLED).course
    for template, mapping in ((_template(), ()), (own, corporate.MAPPING)):
        writer = DeckWriter(template, course, mapping)
        for layout in writer.prs.slide_layouts:
            part = writer.parts.add_slide(layout).part
            text = SlideText(writer.parts.frame(layout), part, "en", MONO)
            assert _written(text) == serialize_part_xml(part._element), layout.name
            assert len(text.frame.shapes) == len(part._element.cSld.spTree) - 2


_RUNS = st.lists(st.builds(Run, text=_TEXT, bold=st.booleans(), italic=st.booleans(),
                           code=st.booleans(),
                           link=st.sampled_from(["", "https://example.org/a?b=1&c=2",
                                                 "https://example.org/second"])),
                 min_size=1, max_size=3)


@settings(max_examples=40, deadline=None)
@given(runs=_RUNS, level=st.integers(0, 4), before=st.sampled_from([0.0, 9.6, 13.3]),
       size=st.sampled_from([None, 18.0, 21.7]), scale=st.sampled_from([None, 1.0, 0.625]),
       insets=st.sampled_from([(INSET_X, INSET_Y), (9.0, 5.4)]))
def test_a_placed_body_placeholder_is_python_pptx_s(runs: list[Run], level: int,
                                                    before: float, size: float | None,
                                                    scale: float | None,
                                                    insets: tuple[float, float]) -> None:
    writer, theirs, text = _pair()
    idx = writer.shared.measures.body_idx
    placeholder = theirs.placeholders[idx]  # type: ignore[attr-defined]
    placeholder.left, placeholder.top, placeholder.width, placeholder.height = \
        Pt(48), Pt(122.4), Pt(400.5), Pt(300)
    frame = placeholder.text_frame
    frame.word_wrap, frame.auto_size = True, MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(insets[0])
    frame.margin_top = frame.margin_bottom = Pt(insets[1])
    if scale is not None:
        frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
        if scale < 1:
            frame._bodyPr.normAutofit.fontScale = scale * 100
    for paragraph in (frame.paragraphs[0], frame.add_paragraph()):
        paragraph.level, paragraph.line_spacing = level, 1.0
        paragraph.space_before = Pt(before)
        for spec in runs:
            _run(paragraph, spec, size)

    body = text.body()
    for _ in range(2):
        body.paragraph(body.runs(runs, size), level=level, space_before=before,
                       bullet=("", ""))
    body_pr = body_properties(drawingml.emu(insets[0]), drawingml.emu(insets[1]), scale)
    text.fill(text.frame.by_idx[idx], body, body_pr, offset_and_size(
        Pt(48), Pt(122.4), Pt(400.5), Pt(300)))
    assert _written(text) == theirs.part.blob  # type: ignore[attr-defined]
    assert _links(text.part) == _links(theirs.part)  # type: ignore[attr-defined]


def _links(part: object) -> list[tuple[str, str]]:
    """A part's relationships: rId and target, in rId order."""
    rels = part.rels  # type: ignore[attr-defined]
    return sorted((r_id, rel.target_ref) for r_id, rel in rels.items())


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from([PLAIN, BULLET, NUMBER, LETTER]), level=st.integers(0, 5),
       number=st.integers(1, 30), continues=st.booleans(), themed=st.booleans(),
       indent=st.sampled_from([0.0, 27.0, 40.5]), hanging=st.sampled_from([0.0, 27.0]))
def test_bullets_and_numbers_are_the_tree_they_would_be(kind: str,
                                                        level: int, number: int,
                                                        continues: bool, themed: bool,
                                                        indent: float, hanging: float) -> None:
    block = Paragraph(runs=(), level=level, kind=kind, number=number, continues=continues)
    p = etree.Element(f"{{{A}}}p", nsmap={"a": A})
    ppr = etree.SubElement(p, f"{{{A}}}pPr")
    if level:
        ppr.set("lvl", str(level))
    spacing = etree.SubElement(ppr, f"{{{A}}}lnSpc")
    etree.SubElement(spacing, f"{{{A}}}spcPct", val="100000")
    etree.SubElement(etree.SubElement(ppr, f"{{{A}}}spcBef"), f"{{{A}}}spcPts", val="960")
    if kind == PLAIN:
        ppr.set("marL", "0"), ppr.set("indent", "0")
        etree.SubElement(ppr, f"{{{A}}}buNone")
    elif continues:
        ppr.set("marL", str(drawingml.emu(indent))), ppr.set("indent", "0")
        etree.SubElement(ppr, f"{{{A}}}buNone")
    else:
        ppr.set("marL", str(drawingml.emu(indent)))
        ppr.set("indent", str(-drawingml.emu(hanging)))
        if kind in (NUMBER, LETTER):
            auto = etree.SubElement(ppr, f"{{{A}}}buAutoNum",
                                    type="arabicPeriod" if kind == NUMBER else "alphaUcPeriod")
            if number != 1:
                auto.set("startAt", str(number))
        elif not themed:
            colour = etree.SubElement(ppr, f"{{{A}}}buClr")
            etree.SubElement(colour, f"{{{A}}}schemeClr", val="accent1")
            etree.SubElement(ppr, f"{{{A}}}buFont", typeface="Arial")
            etree.SubElement(ppr, f"{{{A}}}buChar", char=BULLET_CHARS[min(level, 4)])
    body = _pair()[2].body()
    body.paragraph("", level=level, space_before=9.6,
                   bullet=bullet(block, indent, hanging, themed))
    assert body.paragraphs == [etree.tostring(p, encoding="unicode").replace(f' xmlns:a="{A}"', "")]


def test_a_themed_text_box_is_python_pptx_s() -> None:
    writer, theirs, text = _pair()
    style = master_body_style(writer.layouts[CONTENT].slide_master)
    assert style is not None
    box = theirs.shapes.add_textbox(Pt(48), Pt(300.25), Pt(640), Pt(80.5))  # type: ignore
    frame = box.text_frame
    frame.word_wrap, frame.auto_size = True, MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(9)
    frame.margin_top = frame.margin_bottom = Pt(3.6)
    levels = [e for e in style.iterfind("a:*", drawingml.NS) if e.tag != f"{{{A}}}extLst"]
    lst = frame._txBody.find(f"{{{A}}}lstStyle")
    for level in levels:
        lst.append(copy.deepcopy(level))
    paragraph = frame.paragraphs[0]
    paragraph.line_spacing, paragraph.space_before = 1.0, Pt(0)
    _run(paragraph, Run(text="In a box & more"), 20.0)

    body = text.body()
    body.paragraph(body.runs([Run(text="In a box & more")], 20.0), level=0, space_before=0,
                   bullet=("", ""))
    text.add_textbox((48, 300.25, 640, 80.5), body,
                     body_properties(drawingml.emu(9), drawingml.emu(3.6)),
                     in_context(levels, dict(theirs.element.nsmap)))  # type: ignore
    assert _written(text) == theirs.part.blob  # type: ignore[attr-defined]
    assert b'name="TextBox ' in theirs.part.blob  # type: ignore[attr-defined]


def test_a_table_is_python_pptx_s() -> None:
    """The writer's table: cell looks, header text on the brand colour (links too), body
    text in the theme's body colour (links in their own), and an empty cell."""
    writer, theirs, text = _pair(TITLE_ONLY)
    link = "https://example.org/table"
    table = Table(header=((Run(text="Aspect"),), (Run(text="Who", link=link),),
                          (Run(text="When"),)),
                  rows=(((Run(text="Focus"),), (), (Run(text="Now & <then>"),
                                                    Run(text=" go", link=link))),
                        ((Run(text="Scope"),), (Run(text="x"),), (Run(text="y"),)),
                        ((Run(text="a"),), (Run(text="b"),), (Run(text="c"),))))
    height = writer.content._table(text, table, 48.0, 122.4, 500.0, 20.0)
    widths, heights = table_heights(table, 500.0, 20.0, writer.style)
    assert height == sum(heights) and len(widths) == 3
    frame = theirs.shapes.add_table(len(heights), len(widths), Pt(48.0), Pt(122.4),  # type: ignore
                                    Pt(sum(widths)), Pt(sum(heights)))
    for index, w in enumerate(widths):
        frame.table.columns[index].width = Pt(w)
    for index, h in enumerate(heights):
        frame.table.rows[index].height = Pt(h)
    looks = [(MSO_THEME_COLOR.ACCENT_1, 0.0), (MSO_THEME_COLOR.ACCENT_1, 0.85),
             (MSO_THEME_COLOR.BACKGROUND_1, 0.0), (MSO_THEME_COLOR.ACCENT_1, 0.85)]
    header, body = (MSO_THEME_COLOR.BACKGROUND_1, 0.0), (MSO_THEME_COLOR.TEXT_1, 0.25)
    for r, row in enumerate([table.header, *table.rows]):
        for c, runs in enumerate(row):
            cell = frame.table.cell(r, c)
            cell.margin_left = cell.margin_right = Pt(CELL_X)
            cell.margin_top = cell.margin_bottom = Pt(CELL_Y)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.fill.solid()
            cell.fill.fore_color.theme_color = looks[r][0]
            if looks[r][1]:
                cell.fill.fore_color.brightness = looks[r][1]
            for spec in runs or (Run(text="", bold=True),):
                shown = None if not runs or (r and spec.link) else header if r == 0 else body
                _run(cell.text_frame.paragraphs[0], spec, 20.0, bold=r == 0, colour=shown)
    assert _written(text) == theirs.part.blob  # type: ignore[attr-defined]
    assert _links(text.part) == _links(theirs.part)  # type: ignore[attr-defined]


@settings(max_examples=60, deadline=None)
@given(title=st.lists(_TEXT, min_size=1, max_size=3).map("\n".join),
       size=st.sampled_from([0.0, 36.0, 28.3]))
def test_a_title_s_lines_are_python_pptx_s_text(title: str,
                                                size: float) -> None:
    """The title's text, a paragraph per line, as ``text_frame.text`` writes it, tagged
    with the language; its first line at ``size`` when the title was shrunk to fit. A title
    of whitespace alone is left out, as an empty placeholder would be."""
    _, theirs, text = _pair(COMPARISON)
    tx_body = theirs.shapes.title.element.get_or_add_txBody()  # type: ignore[attr-defined]
    drawingml.set_text(tx_body, title, "en")
    if size:
        for r in tx_body.find(drawingml.A_P).iterchildren(drawingml.A_R):
            r.find(drawingml.A_RPR).set("sz", drawingml.centipoints(size))
    body = text.body()
    body.lines(title, size)
    text.fill(text.frame.by_idx[0], body)
    assert _written(text) == theirs.part.blob  # type: ignore[attr-defined]
    tree = theirs.shapes._spTree  # type: ignore[attr-defined]
    remove_empty_placeholders(tree, placeholder_shapes(tree))
    kept, tail, last_id = text.xml()
    assert kept + tail == theirs.part.blob  # type: ignore[attr-defined]
    assert last_id == max(int(e.get("id")) for e in tree.iter(f"{{{drawingml.P}}}cNvPr"))
