"""Paragraphs and runs written straight into DrawingML, as python-pptx's text API writes them.

python-pptx's paragraph and font properties each search the element's children for their
place in the schema's sequence; a deck sets thousands of them. Written here in schema order
on fresh elements, they give the same XML, byte for byte, in a fraction of the time.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import XmlPart

from .markdown_runs import Run
from .text_fit import BREAK

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}  # prefixes for find() and xpath
A_P, A_PPR, A_R, A_RPR, A_T, A_BR = (f"{{{A}}}{tag}" for tag in ("p", "pPr", "r", "rPr", "t", "br"))
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")  # escaped as python-pptx does: BEL -> _x0007_


def centipoints(points: float) -> str:
    """A size in points as the hundredths of a point python-pptx writes (via whole EMU)."""
    return str(emu(points) // 127)  # python-pptx's Pt(points).centipoints


def emu(points: float) -> int:
    """A length in points as the whole EMU python-pptx's ``Pt`` makes of it."""
    return int(points * 12700)


def paragraph(tx_body: etree._Element, first: bool, *, level: int,
              space_before: float) -> tuple[etree._Element, etree._Element]:
    """(a:p, a:pPr): the text body's first paragraph or a new one, single-spaced.

    The same as python-pptx's ``level``, ``space_before`` and ``line_spacing = 1.0``.
    """
    p = tx_body.find(A_P) if first else None
    if p is None:
        p = etree.SubElement(tx_body, A_P)
    ppr = p.find(A_PPR)
    if ppr is None:
        ppr = etree.Element(A_PPR)
        p.insert(0, ppr)
    if level:
        ppr.set("lvl", str(level))
    spacing = etree.SubElement(ppr, f"{{{A}}}lnSpc")
    etree.SubElement(spacing, f"{{{A}}}spcPct", val="100000")
    before = etree.SubElement(ppr, f"{{{A}}}spcBef")
    etree.SubElement(before, f"{{{A}}}spcPts", val=centipoints(space_before))
    return p, ppr


def runs(p: etree._Element, part: XmlPart, specs: Sequence[Run], size: float | None, *,
         bold: bool = False, mono_family: str, language: str,
         fill: etree._Element | None = None, fill_links: bool = True) -> None:
    """The runs of a paragraph at ``size``; ``fill`` (a solidFill) colours them.

    Links are external relationships of ``part``, shared by runs with the same address;
    with ``fill_links`` false, links keep the theme's hyperlink colour.
    """
    for spec in specs:
        r = etree.SubElement(p, A_R)
        rpr = etree.SubElement(r, A_RPR, lang=language)
        if size is not None:  # None: the size the text inherits
            rpr.set("sz", centipoints(size))
        if spec.bold or bold:
            rpr.set("b", "1")
        if spec.italic:
            rpr.set("i", "1")
        if fill is not None and (fill_links or not spec.link):
            rpr.append(copy.deepcopy(fill))
        if spec.code:
            etree.SubElement(rpr, f"{{{A}}}latin", typeface=mono_family)
        if spec.link:
            r_id = part.relate_to(spec.link, RT.HYPERLINK, is_external=True)
            etree.SubElement(rpr, f"{{{A}}}hlinkClick").set(f"{{{R}}}id", r_id)
        pieces = spec.text.split(BREAK)
        etree.SubElement(r, A_T).text = escape(pieces[0])
        for piece in pieces[1:]:  # a hyphenated word's next line
            br = etree.SubElement(etree.SubElement(p, A_BR), A_RPR, lang=language)
            if size is not None:
                br.set("sz", centipoints(size))
            r = copy.deepcopy(r)
            r.find(A_T).text = escape(piece)
            p.append(r)


def escape(text: str) -> str:
    """Control characters as python-pptx writes them in ``a:t`` (BEL -> ``_x0007_``)."""
    return _CONTROL.sub(lambda m: f"_x{ord(m[1]):04X}_", text)


def append_text(p: etree._Element, text: str, language: str) -> None:
    """Runs, with a line break for each vertical tab, as python-pptx's ``paragraph.text``;
    tagged with ``language`` for spelling and read-aloud."""
    for index, piece in enumerate(text.split("\v")):
        if index:
            etree.SubElement(p, A_BR)
        if piece:
            r = etree.SubElement(p, A_R)
            etree.SubElement(r, A_RPR, lang=language)
            etree.SubElement(r, A_T).text = escape(piece)


def set_text(tx_body: etree._Element, text: str, language: str) -> None:
    """A text body's paragraphs replaced by one per line, as python-pptx's ``text_frame.text``."""
    for p in tx_body.findall(A_P):
        tx_body.remove(p)
    for line in text.split("\n"):
        append_text(etree.SubElement(tx_body, A_P), line, language)


def next_shape_id(tree: etree._Element) -> int:
    """An id for a new shape in a shape tree: one more than any it holds."""
    return max(int(e.get("id")) for e in tree.iter(f"{{{P}}}cNvPr")) + 1


def place(shape: etree._Element, left: int, top: int, width: int, height: int) -> None:
    """A new placeholder's position and size, in EMU, as python-pptx's ``left`` ... setters."""
    sp_pr = shape.find(f"{{{P}}}spPr")
    assert sp_pr is not None and sp_pr.find(f"{{{A}}}xfrm") is None, "placed once, when new"
    xfrm = etree.Element(f"{{{A}}}xfrm")
    etree.SubElement(xfrm, f"{{{A}}}off", x=str(int(left)), y=str(int(top)))
    etree.SubElement(xfrm, f"{{{A}}}ext", cx=str(int(width)), cy=str(int(height)))
    sp_pr.insert(0, xfrm)


def scheme_fill(colour: str) -> etree._Element:
    """A solid fill in one of the theme's colours (``bg1``, ``accent1``, ...)."""
    fill = etree.Element(f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}schemeClr", val=colour)
    return fill


def cell_look(tc: etree._Element, *, margins: tuple[int, int], fill: tuple[str, float]) -> None:
    """A table cell's margins (x, y in EMU), middle anchoring and fill (theme colour, brightness).

    As python-pptx's cell margins, ``vertical_anchor`` and ``fill.fore_color`` write them.
    """
    tcpr = tc.find(f"{{{A}}}tcPr")
    assert tcpr is not None and not len(tcpr), "a new table's cell has empty properties"
    x, y = (str(m) for m in margins)
    for name, value in (("marL", x), ("marR", x), ("marT", y), ("marB", y), ("anchor", "ctr")):
        tcpr.set(name, value)
    colour, brightness = fill
    scheme = etree.SubElement(etree.SubElement(tcpr, f"{{{A}}}solidFill"), f"{{{A}}}schemeClr",
                              val=colour)
    if brightness > 0:  # lighter: python-pptx's ``brightness`` as luminance modulation and offset
        etree.SubElement(scheme, f"{{{A}}}lumMod", val=_percentage(1.0 - brightness))
        etree.SubElement(scheme, f"{{{A}}}lumOff", val=_percentage(brightness))


def _percentage(value: float) -> str:
    return str(round(value * 100000.0))


_AUTOFITS = (f"{{{A}}}noAutofit", f"{{{A}}}normAutofit", f"{{{A}}}spAutoFit")
_AFTER_AUTOFIT = tuple(f"{{{A}}}{tag}" for tag in ("scene3d", "sp3d", "flatTx", "extLst"))
_DEFAULT_INSETS = {"lIns": 91440, "tIns": 45720, "rIns": 91440, "bIns": 45720}  # EMU


def fixed_frame(tx_body: etree._Element, inset_x: int, inset_y: int) -> None:
    """Wrapped text without autofit and the given insets (EMU), as python-pptx's
    ``word_wrap = True``, ``auto_size = MSO_AUTO_SIZE.NONE`` and ``margin_*`` write them."""
    body_pr = tx_body.find(f"{{{A}}}bodyPr")
    assert body_pr is not None
    body_pr.set("wrap", "square")
    for old in list(body_pr):
        if old.tag in _AUTOFITS:
            body_pr.remove(old)
    fit = etree.Element(_AUTOFITS[0])
    after = next((e for e in body_pr if e.tag in _AFTER_AUTOFIT), None)
    if after is None:
        body_pr.append(fit)
    else:
        after.addprevious(fit)
    for name, value in (("lIns", inset_x), ("rIns", inset_x), ("tIns", inset_y),
                        ("bIns", inset_y)):
        if value == _DEFAULT_INSETS[name]:  # python-pptx leaves a default out
            body_pr.attrib.pop(name, None)
        else:
            body_pr.set(name, str(value))


def autofit(tx_body: etree._Element, scale: float) -> None:
    """PowerPoint's own shrink-on-overflow with the font scale already measured (1: none)."""
    body_pr = tx_body.find(f"{{{A}}}bodyPr")
    assert body_pr is not None
    for old in list(body_pr):
        if old.tag in _AUTOFITS:
            body_pr.remove(old)
    fit = etree.Element(_AUTOFITS[1])
    if scale < 1:
        fit.set("fontScale", str(round(scale * 100000)))
    body_pr.insert(0, fit)  # before any 3D or extension element


def right_to_left(element: etree._Element) -> None:
    """Every paragraph of a slide (or notes slide) right-to-left and right-aligned."""
    for p in element.iter(A_P):
        ppr = p.find(A_PPR)
        if ppr is None:
            ppr = etree.Element(A_PPR)
            p.insert(0, ppr)
        ppr.set("rtl", "1")
        ppr.set("algn", "r")
