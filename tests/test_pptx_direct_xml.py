"""The deck writer writes some XML itself, as python-pptx would: held equal to what python-pptx
writes through its own API (sizes, relationships, a saved package, notes, slide numbers; the
slides' shapes in tests/test_pptx_text_shapes.py), so that a python-pptx upgrade that changes
its output shows here rather than as a silent difference."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.util import Pt

from conftest import BUNDLED
from courseforge.builders.base import BuildOptions
from courseforge.builders.pptx import drawingml
from courseforge.builders.pptx.decks import reference_template
from courseforge.builders.pptx.package_members import (
    _extension,
    package_members,
    relative_ref,
    rels_member,
)
from courseforge.builders.pptx.slide_parts import relate_new
from courseforge.builders.pptx.slide_specs_base import CONTENT
from courseforge.builders.pptx.template_files import open_deck
from courseforge.builders.pptx.writer import DeckWriter
from courseforge.loading import load_checked


@pytest.fixture(scope="module")
def template() -> bytes:
    course = load_checked(BUNDLED).course
    return reference_template(course, BuildOptions())


def test_sizes_are_python_pptx_s_whole_emu_and_centipoints() -> None:
    for points in (7.2, 10.5, 13.333333, 17.9, 24.0, 44.0):
        assert drawingml.emu(points) == int(Pt(points))
        assert drawingml.centipoints(points) == str(Pt(points).centipoints)


def test_a_new_relationship_takes_the_rid_relate_to_gives(template: bytes) -> None:
    ours, theirs = open_deck(template), open_deck(template)
    for prs, relate in ((ours, relate_new),
                        (theirs, lambda source, kind, target: source.relate_to(target, kind))):
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        master = prs.part.notes_master_part
        assert relate(slide.part, RT.NOTES_MASTER, master) == "rId2"  # after the layout's
        for n in range(3, 6):
            assert relate(slide.part, f"urn:kind:{n}", master) == f"rId{n}"
        slide.part.drop_rel("rId3")  # a gap: the first free rId counting down fills it
        assert relate(slide.part, "urn:kind:gap", master) == "rId3"
        slide.part.drop_rel("rId4")
        slide.part.drop_rel("rId2")
        assert relate(slide.part, "urn:kind:gaps", master) == "rId4"
    assert sorted(ours.slides[0].part.rels) == sorted(theirs.slides[0].part.rels)


def test_the_package_members_are_what_python_pptx_saves(template: bytes) -> None:
    course = load_checked(BUNDLED).course
    writer = DeckWriter(template, course)
    for _ in range(3):
        slide = writer.parts.add_slide(writer.layouts[CONTENT])
        writer.parts.set_notes(slide, "Say this & that <here>.", course.language)
        slide.part.relate_to("https://example.org/?a=1&b=\"2\"", RT.HYPERLINK,
                             is_external=True)
    ours = dict(package_members(writer.prs))
    buffer = io.BytesIO()
    writer.prs.save(buffer)
    with zipfile.ZipFile(buffer) as saved:
        theirs = {name: saved.read(name) for name in saved.namelist()}
    assert sorted(ours) == sorted(theirs)
    assert [name for name in theirs if ours[name] != theirs[name]] == []
    assert b"&amp;b=&quot;2&quot;" in ours["ppt/slides/_rels/slide1.xml.rels"]


_SEGMENT = st.text(alphabet="abcSX12._-", min_size=1, max_size=6).filter(
    lambda s: s not in (".", ".."))
_PARTNAME = st.lists(_SEGMENT, min_size=1, max_size=4).map(lambda parts: "/" + "/".join(parts))


@settings(max_examples=300, deadline=None)
@given(partname=_PARTNAME, base=st.one_of(st.just("/"), _PARTNAME))
@example(partname="/a/b", base="/a/b").via("a base that is the part itself")
@example(partname="/a/b", base="/a/b/c").via("a base below the part")
@example(partname="/ppt/slideLayouts/a.xml", base="/ppt/slides").via("a sibling folder")
def test_part_names_as_text_are_python_pptx_s(partname: str, base: str) -> None:
    """Relationship targets, relationship member names and extensions, as PackURI gives them."""
    uri = PackURI(partname)
    assert relative_ref(partname, base) == uri.relative_ref(base)
    assert rels_member(partname) == uri.rels_uri.membername
    assert _extension(partname) == uri.ext


def test_every_part_of_a_written_deck_names_itself_as_python_pptx_does(template: bytes) -> None:
    course = load_checked(BUNDLED).course
    writer = DeckWriter(template, course)
    writer.parts.set_notes(writer.parts.add_slide(writer.layouts[CONTENT]), "x", "en")
    parts = list(writer.prs.part.package.iter_parts())
    assert len(parts) > 10
    for part in parts:
        assert rels_member(part.partname) == part.partname.rels_uri.membername
        assert _extension(part.partname) == part.partname.ext
        for rel in part.rels.values():
            if not rel.is_external:
                assert relative_ref(rel.target_part.partname, rel._base_uri) == rel.target_ref


def test_a_deck_opened_again_shares_only_what_writing_never_changes(template: bytes) -> None:
    first, second = open_deck(template), open_deck(template)
    assert first.part is not second.part
    assert first.core_properties.part is not second.core_properties.part
    assert first.slide_master.part is second.slide_master.part  # read only: shared
    first.core_properties.title = "changed"
    first.slides.add_slide(first.slide_layouts[0])
    third = open_deck(template)
    assert third.core_properties.title != "changed" and len(third.slides) == 0
    assert len(second.slides) == 0


_NOTES_TEXT = st.lists(st.sampled_from(["Say", " this", " & that", " <here>", "\n", "\n\n",
                                        "\v", "\t", "\r", "\x07", "é", "ب", "😀", "\"'", ""]),
                       max_size=12).map("".join)


def _notes_by_python_pptx(template: bytes, text: str, language: str, rtl: bool) -> bytes:
    """A notes slide's XML as python-pptx's own ``notes_text_frame.text`` writes it."""
    prs = open_deck(template)
    notes = prs.slides.add_slide(prs.slide_layouts[0]).notes_slide
    notes.notes_text_frame.text = text
    for r in notes.element.iter(drawingml.A_R):  # tagged with the course's language
        r.insert(0, etree.Element(drawingml.A_RPR, lang=language))
    if rtl:
        drawingml.right_to_left(notes.element)
    return notes.part.blob


@settings(max_examples=60, deadline=None)
@given(text=_NOTES_TEXT, rtl=st.booleans())
def test_notes_written_as_text_are_python_pptx_s_notes(template: bytes, text: str,
                                                       rtl: bool) -> None:
    course = load_checked(BUNDLED).course
    language = "ar" if rtl else course.language
    writer = DeckWriter(template, course)
    slide = writer.parts.add_slide(writer.layouts[CONTENT])
    writer.parts.set_notes(slide, text, language, rtl)
    notes = slide.part.part_related_by(RT.NOTES_SLIDE)
    assert type(notes) is Part  # written as text, not as a tree
    assert notes.blob == _notes_by_python_pptx(template, text, language, rtl)


def test_a_text_xml_cannot_hold_is_refused_as_python_pptx_refuses_it(template: bytes) -> None:
    course = load_checked(BUNDLED).course
    writer = DeckWriter(template, course)
    slide = writer.parts.add_slide(writer.layouts[CONTENT])
    for refused in ("a \ufffe b", "a \uffff b", "a \ud800 b"):
        with pytest.raises(ValueError):
            writer.parts.set_notes(slide, refused, course.language)


def test_a_finished_slide_is_its_bytes_as_python_pptx_serializes_them(template: bytes) -> None:
    course = load_checked(BUNDLED).course
    writer = DeckWriter(template, course)
    slide = writer.parts.add_slide(writer.layouts[CONTENT])
    slide.shapes.title.text = "A title & more"
    writer.parts.set_notes(slide, "notes", course.language)
    before = slide.part.blob
    writer.parts.finish(slide)
    assert slide.part._element is None and "slide" not in slide.part.__dict__
    assert slide.part.blob == before and b"A title &amp; more" in before


@pytest.fixture(scope="module")
def layouts_and_namespaces(template: bytes) -> list[tuple[Any, dict[str | None, str]]]:
    writer = DeckWriter(template, load_checked(BUNDLED).course)
    return [(layout, writer.parts.slide_nsmap(layout)) for layout in writer.prs.slide_layouts]


@settings(max_examples=60, deadline=None)
@given(footer=st.sampled_from(["", "ACME & Co <Academy>", "Kurs 918273645", "987654321",
                               "Ünïcødé ‏عربي"]),
       number=st.integers(1, 10_000), last_id=st.integers(1, 100_000))
def test_slide_numbers_filled_in_are_the_shapes_made_for_each_slide(
        layouts_and_namespaces: list[tuple[Any, dict[str | None, str]]], footer: str,
        number: int, last_id: int) -> None:
    """The slide-number (footer, date) shapes are serialized once per layout with marks and
    filled in: the bytes of making them for each slide, also when a footer holds a mark."""
    from courseforge.builders.pptx import furniture

    for layout, nsmap in layouts_and_namespaces:
        found = furniture.footer_placeholders(layout, footer, "en")
        assert furniture.NumberShapes(found, nsmap).xml(number, last_id) == \
            furniture._cut_out(found, number, last_id, nsmap)
        marked = furniture._marked(found, nsmap)
        assert (marked is None) == any(mark in footer for mark in ("918273645", "987654"))
