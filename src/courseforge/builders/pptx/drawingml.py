"""DrawingML's namespaces and sizes, and text set in trees as python-pptx's text API sets it:
a text body's lines, paragraphs made right to left (slide content itself is written as
text: :mod:`.drawingml_text`)."""

from __future__ import annotations

import re

from lxml import etree

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}  # prefixes for find() and xpath
PH_PATH = f"{{{P}}}nvSpPr/{{{P}}}nvPr/{{{P}}}ph"  # where a placeholder shape declares itself
A_P, A_PPR, A_R, A_RPR, A_T, A_BR = (f"{{{A}}}{tag}" for tag in ("p", "pPr", "r", "rPr", "t", "br"))
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")  # escaped as python-pptx does: BEL -> _x0007_


def centipoints(points: float) -> str:
    """A size in points as the hundredths of a point python-pptx writes (via whole EMU)."""
    return str(emu(points) // 127)  # python-pptx's Pt(points).centipoints


def emu(points: float) -> int:
    """A length in points as the whole EMU python-pptx's ``Pt`` makes of it."""
    return int(points * 12700)


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


def right_to_left(element: etree._Element) -> None:
    """Every paragraph of a slide (or notes slide) right-to-left and right-aligned."""
    for p in element.iter(A_P):
        ppr = p.find(A_PPR)
        if ppr is None:
            ppr = etree.Element(A_PPR)
            p.insert(0, ppr)
        ppr.set("rtl", "1")
        ppr.set("algn", "r")
