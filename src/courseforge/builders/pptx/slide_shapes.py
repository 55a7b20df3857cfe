"""Small pieces of a slide's shapes: bullets and numbering, table cell fills, stacked block
groups, and placeholders left empty."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path

from lxml import etree
from pptx.shapes.autoshape import Shape
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.slide import Slide
from pptx.util import Emu, Pt

from .drawingml import NS, A, P, emu
from .markdown_runs import BULLET, LETTER, NUMBER, PLAIN, Block, Paragraph, Run

SP, T = f"{{{P}}}sp", f"{{{A}}}t"
BULLET_CHARS = ("•", "–", "•", "–", "•")


def cell_fill(row: int) -> tuple[str, float]:
    """The header row in the theme's accent (the brand colour), then light bands."""
    if row == 0:
        return "accent1", 0.0
    return ("accent1", 0.85) if row % 2 else ("bg1", 0.0)


def bold_run(text: str) -> Run:
    return Run(text=text, bold=True)


def stacked_groups(blocks: Sequence[Block]) -> list[list[Block]]:
    """Consecutive paragraphs together; each table on its own."""
    groups: list[list[Block]] = []
    for block in blocks:
        if isinstance(block, Paragraph) and groups and isinstance(groups[-1][0], Paragraph):
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def set_bullet(ppr: etree._Element, block: Paragraph, indent: float, hanging: float,
            bulleted_by_theme: bool) -> None:
    """Paragraph indents and bullet or numbering, as pagination measured them (a new a:pPr)."""
    if block.kind == PLAIN:
        ppr.set("marL", "0")
        ppr.set("indent", "0")
        etree.SubElement(ppr, f"{{{A}}}buNone")
        return
    ppr.set("marL", str(emu(indent)))
    if block.continues:
        ppr.set("indent", "0")
        etree.SubElement(ppr, f"{{{A}}}buNone")
        return
    ppr.set("indent", str(-emu(hanging)))
    if block.kind in (NUMBER, LETTER):
        kind = "arabicPeriod" if block.kind == NUMBER else "alphaUcPeriod"
        number = etree.SubElement(ppr, f"{{{A}}}buAutoNum", type=kind)
        if block.number != 1:
            number.set("startAt", str(block.number))
    elif block.kind == BULLET and not bulleted_by_theme:
        colour = etree.SubElement(ppr, f"{{{A}}}buClr")
        etree.SubElement(colour, f"{{{A}}}schemeClr", val="accent1")
        etree.SubElement(ppr, f"{{{A}}}buFont", typeface="Arial")
        etree.SubElement(ppr, f"{{{A}}}buChar", char=BULLET_CHARS[min(block.level, 4)])


def remove_empty_placeholders(tree: etree._Element, shapes: Sequence[etree._Element]) -> None:
    """Placeholders left without text would show 'Click to add text' in an editor:
    those of the placeholder ``shapes`` of shape ``tree`` that are, go."""
    for shape in shapes:
        # python-pptx's ``text_frame.text`` joins the text of the runs with whitespace only
        if shape.tag == SP and shape.getparent() is tree \
                and not "".join(shape.itertext(T, with_tail=False)).strip():
            tree.remove(shape)


def placeholder_shape(slide: Slide, element: etree._Element | None) -> SlidePlaceholder | None:
    """The python-pptx placeholder object of one of a slide's placeholder elements."""
    if element is None:
        return None
    # every placeholder cloned from a layout is a p:sp: no need for python-pptx's factory
    return SlidePlaceholder(element, slide.shapes)


def add_picture(slide: Slide, path: Path, alt: str,
                box: tuple[float, float, float, float]) -> None:
    """The picture at ``path``, scaled to fit the box (left, top, width, height in points)
    and centred in it, described by ``alt``."""
    left, top, width, height = box
    shape = slide.shapes.add_picture(str(path), Pt(left), Pt(top))
    scale = min(Pt(width) / shape.width, Pt(height) / shape.height)
    w, h = int(shape.width * scale), int(shape.height * scale)
    shape.width, shape.height = Emu(w), Emu(h)
    shape.left = Emu(int(Pt(left) + (Pt(width) - w) / 2))
    shape.top = Emu(int(Pt(top) + (Pt(height) - h) / 2))
    c_nv_pr = shape._element.find(".//p:nvPicPr/p:cNvPr", NS)
    c_nv_pr.set("descr", alt)


def themed_textbox(slide: Slide, body_style: etree._Element | None, left: float, top: float,
                   width: float, height: float) -> tuple[Shape, bool]:
    """A text box (in points) that looks like the theme's body text (the master's
    ``body_style``); whether the theme sets bullets."""
    shape = slide.shapes.add_textbox(Pt(left), Pt(top), Pt(width), Pt(height))
    if body_style is None:
        return shape, False
    # a text box takes the master's "other" style; copy the body style's levels into it
    lst = shape.text_frame._txBody.find("a:lstStyle", NS)
    assert lst is not None
    for level in body_style.iterfind("a:*", NS):
        if level.tag != f"{{{A}}}extLst":
            lst.append(copy.deepcopy(level))
    return shape, True
