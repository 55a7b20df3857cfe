"""A slide's foot shapes (number, footer, date), copied from one parsed shape per layout, are
the shapes each slide once parsed from its own text."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from conftest import BUNDLED
from courseforge.builders.base import BuildOptions
from courseforge.builders.pptx import furniture
from courseforge.builders.pptx.decks import reference_template
from courseforge.builders.pptx.drawingml import A, P, next_shape_id
from courseforge.builders.pptx.template_files import open_deck
from courseforge.loading import load_checked


def _parsed_each_time(tree: etree._Element, found: furniture.Numbers, number: int) -> None:
    """The foot shapes as every slide made them before they were copied: from their text."""
    for kind, ph, body in found:
        next_id = next_shape_id(tree)
        if kind == "sldNum":
            body = (f'<p:txBody xmlns:p="{P}" xmlns:a="{A}"><a:bodyPr/><a:lstStyle/><a:p>'
                    f'<a:fld id="{furniture.SLIDE_NUMBER_FIELD}" type="slidenum">'
                    f"<a:t>{number}</a:t></a:fld></a:p></p:txBody>")
        sp = etree.fromstring(
            f'<p:sp xmlns:p="{P}" xmlns:a="{A}"><p:nvSpPr>'
            f'<p:cNvPr id="{next_id}" name="{furniture._NAMES[kind]} {next_id}"/>'
            '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr/></p:nvSpPr><p:spPr/>'
            f"{body}</p:sp>")
        sp.find(f".//{{{P}}}nvPr").append(copy.deepcopy(ph))
        tree.append(sp)


@pytest.mark.parametrize("footer", ["", "ACME & <Academy>", "أكاديمية"])
def test_foot_shapes_are_the_ones_parsed_for_each_slide(footer: str) -> None:
    course = load_checked(BUNDLED).course
    prs = open_deck(reference_template(course, BuildOptions()))
    for layout in prs.slide_layouts:
        found = furniture.footer_placeholders(layout, footer, "ar" if footer else "en")
        ours = prs.slides.add_slide(layout).element
        theirs = copy.deepcopy(ours)
        for number in (1, 7, 1234):  # each slide its own copy: the numbers never mix
            furniture.add_slide_number(ours.cSld.spTree, found, number)
            _parsed_each_time(theirs.cSld.spTree, found, number)
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert etree.tostring(ours).count(b"<a:t>1234</a:t>") == 1
        kinds = [kind for kind, _, _ in found]
        assert "sldNum" in kinds and ("ftr" in kinds) == bool(footer)
