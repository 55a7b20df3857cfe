"""The default reference deck, built from python-pptx's own template so anyone can regenerate it.

16:9, the course's brand colour in the theme (accent 1, titles, links), Calibri
throughout, a brand-coloured title slide, slide-number placeholders, and exactly the
layouts the builder uses, named as it looks them up.
"""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationObject
from pptx.shapes.base import BaseShape
from pptx.slide import SlideLayout, SlideMaster
from pptx.util import Emu

from .drawingml import NS, A, P, next_shape_id
from .layouts import layout_placeholders, master_placeholders
from .reference_measures import (
    BODY_BOTTOM,
    BODY_SIZES,
    BODY_TOP,
    FAMILY,
    HANGING,
    HEIGHT,
    INNER,
    MARGIN,
    TITLE_SIZE,
    WIDTH,
    level_margin,
)
from .slide_specs_base import COMPARISON, CONTENT, SECTION, TITLE, TITLE_ONLY

# role -> (name in python-pptx's template, name in the reference deck)
DEFAULT_LAYOUTS = {
    TITLE: ("Title Slide", "Title Slide"),
    SECTION: ("Section Header", "Section Header"),
    CONTENT: ("Title and Content", "Title and Content"),
    COMPARISON: ("Comparison", "Comparison"),
    TITLE_ONLY: ("Title Only", "Title Only"),
}
# layouts no slide is built in, kept for the trainer who edits the deck
EXTRA_LAYOUTS = ("Two Content", "Picture with Caption", "Blank")


def _darker(hex_colour: str, factor: float) -> str:
    rgb = [int(hex_colour[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c * factor):02X}" for c in rgb)


def _theme(prs: PresentationObject, brand: str) -> None:
    """Brand colours into the theme's colour scheme; Calibri for headings and body."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = root.find(".//a:clrScheme", NS)
    assert scheme is not None
    colours = {"dk2": _darker(brand, 0.55), "accent1": brand, "hlink": brand,
               "folHlink": _darker(brand, 0.7), "lt2": "F2F4F7"}
    for name, value in colours.items():
        slot = scheme.find(f"a:{name}", NS)
        assert slot is not None
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=value)
    scheme.set("name", "courseforge")
    for latin in root.iterfind(".//a:fontScheme/*/a:latin", NS):
        latin.set("typeface", FAMILY)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_styles(prs: PresentationObject) -> None:
    """Title and body text styles on the master: sizes, colours, bullets, spacing."""
    styles = prs.slide_master.element.find("p:txStyles", NS)
    assert styles is not None
    title = styles.find("p:titleStyle/a:lvl1pPr", NS)
    assert title is not None
    title.set("algn", "l")
    rpr = title.find("a:defRPr", NS)
    assert rpr is not None
    rpr.set("sz", str(TITLE_SIZE))
    rpr.set("b", "1")
    _fill(rpr, "tx2")
    bullets = ("•", "–", "•", "–", "•")
    for level in range(1, 10):
        ppr = styles.find(f"p:bodyStyle/a:lvl{level}pPr", NS)
        if ppr is None:
            continue
        index = min(level, 5) - 1
        ppr.set("marL", str(level_margin(index)))
        ppr.set("indent", str(-HANGING))
        for tag in ("spcBef", "buFont", "buChar"):
            for old in ppr.findall(f"a:{tag}", NS):
                ppr.remove(old)
        rpr = ppr.find("a:defRPr", NS)
        assert rpr is not None
        spc = etree.Element(f"{{{A}}}spcBef")
        etree.SubElement(spc, f"{{{A}}}spcPts", val="1000" if level == 1 else "400")
        clr = etree.Element(f"{{{A}}}buClr")
        etree.SubElement(clr, f"{{{A}}}schemeClr", val="accent1")
        font = etree.Element(f"{{{A}}}buFont", typeface="Arial")
        char = etree.Element(f"{{{A}}}buChar", char=bullets[index])
        for position, element in enumerate((spc, clr, font, char)):
            ppr.insert(position, element)
        rpr.set("sz", str(BODY_SIZES[index]))
        _fill(rpr, "tx1", lum=(75000, 25000))


def _fill(rpr: etree._Element, scheme: str, lum: tuple[int, int] | None = None) -> None:
    for old in rpr.findall("a:solidFill", NS):
        rpr.remove(old)
    fill = etree.Element(f"{{{A}}}solidFill")
    colour = etree.SubElement(fill, f"{{{A}}}schemeClr", val=scheme)
    if lum:
        etree.SubElement(colour, f"{{{A}}}lumMod", val=str(lum[0]))
        etree.SubElement(colour, f"{{{A}}}lumOff", val=str(lum[1]))
    rpr.insert(0, fill)


def _place(shape: BaseShape, left: int, top: int, width: int, height: int) -> None:
    shape.left, shape.top, shape.width, shape.height = (
        Emu(left), Emu(top), Emu(width), Emu(height))


def _geometry(prs: PresentationObject) -> None:
    """Placeholders of the master and the kept layouts, moved onto the 16:9 grid."""
    footer_top = HEIGHT - 502920
    boxes = {
        "title": (MARGIN, 365760, INNER, 1005840),
        "body": (MARGIN, BODY_TOP, INNER, BODY_BOTTOM - BODY_TOP),
        "dt": (MARGIN, footer_top, 2743200, 365760),
        "ftr": (4114800, footer_top, 3962400, 365760),
        "sldNum": (WIDTH - MARGIN - 1828800, footer_top, 1828800, 365760),
    }
    for placeholder in master_placeholders(prs.slide_master):
        ph = placeholder.element.find(".//p:nvPr/p:ph", NS)
        kind = ph.get("type", "body") if ph is not None else "body"
        if kind in boxes:
            _place(placeholder, *boxes[kind])
    half = (INNER - 365760) // 2
    for layout in prs.slide_layouts:
        for shape in layout_placeholders(layout):
            ph = shape.element.find(".//p:nvPr/p:ph", NS)
            kind = ph.get("type", "obj") if ph is not None else "obj"
            idx = shape.placeholder_format.idx
            if kind in ("dt", "ftr", "sldNum"):
                _place(shape, *boxes[kind])
            elif layout.name == "Title Slide":
                if kind == "ctrTitle":
                    _place(shape, 914400, 1737360, WIDTH - 2 * 914400, 1920240)
                else:
                    _place(shape, 914400, 3840480, WIDTH - 2 * 914400, 1645920)
            elif layout.name == "Section Header":
                if kind == "title":
                    _place(shape, 1097280, 2103120, WIDTH - 1097280 - MARGIN, 1371600)
                else:
                    _place(shape, 1097280, 3566160, WIDTH - 1097280 - MARGIN, 1463040)
            elif kind in ("title", "ctrTitle"):
                _place(shape, *boxes["title"])
            elif layout.name == "Two Content":
                left = MARGIN if idx == 1 else MARGIN + half + 365760
                _place(shape, left, BODY_TOP, half, BODY_BOTTOM - BODY_TOP)
            elif layout.name == "Picture with Caption":
                picture = INNER * 3 // 5
                if kind == "pic":
                    _place(shape, MARGIN, BODY_TOP, picture, BODY_BOTTOM - BODY_TOP)
                else:
                    _place(shape, MARGIN + picture + 365760, BODY_TOP,
                           INNER - picture - 365760, BODY_BOTTOM - BODY_TOP)
            elif layout.name == "Comparison":
                left = MARGIN if idx in (1, 2) else MARGIN + half + 365760
                if kind == "body":
                    _place(shape, left, BODY_TOP, half, 594360)
                else:
                    _place(shape, left, BODY_TOP + 640080, half, BODY_BOTTOM - BODY_TOP - 640080)
            else:
                _place(shape, *boxes["body"])


def _layout_looks(prs: PresentationObject, right_to_left: bool) -> None:
    """Brand background and white text on the title slide; accent bars elsewhere, on the
    right for a right-to-left course."""
    align = "r" if right_to_left else "l"

    def bar(owner: SlideMaster | SlideLayout, left: int, top: int, width: int, height: int,
            scheme: str) -> None:
        mirrored = WIDTH - left - width if right_to_left else left
        _bar(owner, mirrored, top, width, height, scheme)

    for layout in prs.slide_layouts:
        if layout.name in ("Title Slide", "Section Header"):
            # the master's accent bars belong to content slides, not to these
            layout.element.set("showMasterSp", "0")
        if layout.name == "Title Slide":
            layout.background.fill.solid()
            layout.background.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
            for shape in layout_placeholders(layout):
                for ppr in _lst_levels(shape.element):
                    _fill(_def_rpr(ppr), "bg1")
                    ppr.set("algn", align)
            title = next(s for s in layout_placeholders(layout) if s.placeholder_format.idx == 0)
            _def_rpr(_lst_levels(title.element)[0]).set("sz", "4400")
            bar(layout, 914400, 3703320, 1828800, 54864, "bg1")
        elif layout.name == "Section Header":
            for shape in layout_placeholders(layout):
                idx = shape.placeholder_format.idx
                if idx in (0, 1):
                    ppr = _lst_levels(shape.element)[0]
                    ppr.set("algn", align)
                    rpr = _def_rpr(ppr)
                    rpr.set("sz", "4000" if idx == 0 else "2000")
                    rpr.set("b", "1" if idx == 0 else "0")
                    rpr.set("cap", "none")
                    _fill(rpr, "tx2" if idx == 0 else "tx1",
                          lum=None if idx == 0 else (65000, 35000))
                    body = shape.element.find(".//a:bodyPr", NS)
                    if body is not None:
                        body.set("anchor", "b" if idx == 0 else "t")
            bar(layout, MARGIN, 2103120, 164592, 2926080, "accent1")
    master = prs.slide_master
    bar(master, 0, 0, WIDTH, 91440, "accent1")
    bar(master, MARGIN + 91440, 1371600, 1097280, 45720, "accent1")


def _lst_levels(sp: etree._Element) -> list[etree._Element]:
    body = sp.find("p:txBody", NS)
    assert body is not None
    lst = body.find("a:lstStyle", NS)
    if lst is None:
        lst = etree.Element(f"{{{A}}}lstStyle")
        body.insert(1, lst)
    level = lst.find("a:lvl1pPr", NS)
    if level is None:
        level = etree.SubElement(lst, f"{{{A}}}lvl1pPr")
    return [level]


def _def_rpr(ppr: etree._Element) -> etree._Element:
    rpr = ppr.find("a:defRPr", NS)
    if rpr is None:
        rpr = etree.SubElement(ppr, f"{{{A}}}defRPr")
    return rpr


def _bar(owner: SlideMaster | SlideLayout, left: int, top: int, width: int, height: int,
         scheme: str) -> None:
    """A decorative filled rectangle behind the placeholders of a master or layout."""
    tree = owner.shapes._spTree
    next_id = next_shape_id(tree)
    sp = etree.fromstring(
        f'<p:sp xmlns:p="{P}" xmlns:a="{A}"><p:nvSpPr>'
        f'<p:cNvPr id="{next_id}" name="Accent {next_id}"/>'
        '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>'
        f'<a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="{scheme}"/>'
        '</a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>')
    # after the group properties, so it is drawn first, under every placeholder
    tree.insert(2, sp)


def build_reference_deck(brand_colour: str, right_to_left: bool = False) -> PresentationObject:
    """The default reference deck for a course with this ``#RRGGBB`` brand colour (its
    accents mirrored for a right-to-left course)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(WIDTH), Emu(HEIGHT)
    wanted = {old: new for old, new in DEFAULT_LAYOUTS.values()} | {
        name: name for name in EXTRA_LAYOUTS}
    for layout in list(prs.slide_layouts):
        if layout.name not in wanted:
            prs.slide_layouts.remove(layout)
    for layout in prs.slide_layouts:
        layout.name = wanted[layout.name]
    _theme(prs, brand_colour.lstrip("#").upper())
    _text_styles(prs)
    _geometry(prs)
    _layout_looks(prs, right_to_left)
    return prs
