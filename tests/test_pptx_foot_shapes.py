"""A slide's foot shapes (number, footer, date), copied from one parsed shape per layout, are
the shapes made afresh for each slide."""

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


def _made_each_time(tree: etree._Element, found: furniture.Numbers, number: int) -> None:
    """The foot shapes made afresh for one slide, element by element (the footer's and the
    date's text bodies as the layout gave them)."""
    for kind, ph, body in found:
        next_id = next_shape_id(tree)
        sp = etree.SubElement(tree, f"{{{P}}}sp")
        nv_sp_pr = etree.SubElement(sp, f"{{{P}}}nvSpPr")
        etree.SubElement(nv_sp_pr, f"{{{P}}}cNvPr", id=str(next_id),
                         name=f"{furniture._NAMES[kind]} {next_id}")
        locks = etree.SubElement(nv_sp_pr, f"{{{P}}}cNvSpPr")
        etree.SubElement(locks, f"{{{A}}}spLocks", noGrp="1")
        etree.SubElement(nv_sp_pr, f"{{{P}}}nvPr").append(copy.deepcopy(ph))
        etree.SubElement(sp, f"{{{P}}}spPr")
        if kind != "sldNum":
            sp.append(etree.fromstring(body))
            continue
        tx_body = etree.SubElement(sp, f"{{{P}}}txBody")
        etree.SubElement(tx_body, f"{{{A}}}bodyPr")
        etree.SubElement(tx_body, f"{{{A}}}lstStyle")
        field = etree.SubElement(etree.SubElement(tx_body, f"{{{A}}}p"), f"{{{A}}}fld",
                                 id=furniture.SLIDE_NUMBER_FIELD, type="slidenum")
        etree.SubElement(field, f"{{{A}}}t").text = str(number)


@pytest.mark.parametrize("footer", ["", "ACME & <Academy>", "أكاديمية"])
def test_foot_shapes_are_the_ones_made_afresh_for_each_slide(footer: str) -> None:
    course = load_checked(BUNDLED).course
    prs = open_deck(reference_template(course, BuildOptions()))
    for layout in prs.slide_layouts:
        found = furniture.footer_placeholders(layout, footer, "ar" if footer else "en")
        ours = prs.slides.add_slide(layout).element
        theirs = copy.deepcopy(ours)
        for number in (1, 7, 1234):  # each slide its own copy: the numbers never mix
            furniture.add_slide_number(ours.cSld.spTree, found, number)
            _made_each_time(theirs.cSld.spTree, found, number)
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert etree.tostring(ours).count(b"<a:t>1234</a:t>") == 1
        kinds = [kind for kind, _, _ in found]
        assert "sldNum" in kinds and ("ftr" in kinds) == bool(footer)
