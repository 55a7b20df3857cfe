"""DrawingML written as text: what lxml writes for the paragraphs, runs, text frames and
table cells python-pptx's text and table APIs build (``tests/test_pptx_text_shapes.py``
holds each piece to python-pptx's own).

A deck sets tens of thousands of these; writing their text is a fraction of the time of
building the elements and serializing them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part

from .drawingml import P, centipoints, emu, escape
from .markdown_runs import BULLET, LETTER, NUMBER, PLAIN, Paragraph, Run
from .package_members import xml_attribute
from .text_fit import BREAK

BULLET_CHARS = ("•", "–", "•", "–", "•")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")  # what lxml refuses to write
_DEFAULT_INSETS = {"lIns": 91440, "tIns": 45720, "rIns": 91440, "bIns": 45720}  # EMU
_SINGLE_SPACED = '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'


def text(value: str) -> str:
    """An ``a:t``'s text as lxml writes what python-pptx sets (control characters spelt
    out as ``_x0007_``); a ValueError, as lxml's, for what XML cannot hold."""
    return _xml_compatible(escape(value)).translate(_TEXT_ESCAPES)


def attribute(value: str) -> str:
    """An attribute's value as lxml writes it."""
    return xml_attribute(_xml_compatible(value))


def _xml_compatible(value: str) -> str:
    if _NOT_XML.search(value):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes "
                         "or control characters")
    return value


def lines(value: str, lang: str, *, first_size: float | None = None,
          properties: str = "") -> list[str]:
    """One ``a:p`` per line, a line break per vertical tab, as python-pptx's
    ``text_frame.text`` (``drawingml.set_text``) writes them: runs tagged ``lang`` (an
    attribute's text), the first line's at ``first_size``, each paragraph opening with
    ``properties`` (an ``a:pPr``, or nothing)."""
    written = []
    for number, line in enumerate(value.split("\n")):
        sz = f' sz="{centipoints(first_size)}"' if first_size and number == 0 else ""
        inner = [properties]
        for index, piece in enumerate(line.split("\v")):
            if index:
                inner.append("<a:br/>")
            if piece:
                inner.append(f"<a:r><a:rPr {lang}{sz}/><a:t>{text(piece)}</a:t></a:r>")
        content = "".join(inner)
        written.append(f"<a:p>{content}</a:p>" if content else "<a:p/>")
    return written


def in_context(elements: Sequence[etree._Element], nsmap: dict[str | None, str]) -> str:
    """Copies of ``elements`` (from another part) as they serialize once appended inside a
    part whose root declares ``nsmap``."""
    if not elements:
        return ""
    root = etree.Element(f"{{{P}}}sld", nsmap=nsmap)
    for element in elements:
        root.append(copy.deepcopy(element))
    written = etree.tostring(root, encoding="unicode")
    return written[written.index(">") + 1: written.rindex("</")]


class TextBody:
    """One text body's paragraphs, written as text; ``shown`` gathers the text of its runs
    (a shape whose runs hold only whitespace is left out of the slide)."""

    def __init__(self, part: Part, language: str, mono_family: str = "") -> None:
        self.part, self.mono_family = part, mono_family
        self.lang = f'lang="{attribute(language)}"'
        self.paragraphs: list[str] = []
        self.shown: list[str] = []

    def lines(self, value: str, size: float | None = None) -> None:
        """One paragraph per line (:func:`lines`); the first line's runs at ``size``."""
        self.paragraphs += lines(value, self.lang, first_size=size)
        self.shown.append(escape(value.replace("\n", "").replace("\v", "")))

    def paragraph(self, runs: str, *, level: int, space_before: float,
                  bullet: tuple[str, str]) -> None:
        """A paragraph holding ``runs`` at ``level``, with :func:`bullet`'s indents and
        marker, single-spaced: python-pptx's ``level``, ``space_before``, ``line_spacing``."""
        lvl = f' lvl="{level}"' if level else ""
        attrs, marker = bullet
        self.paragraphs.append(
            f"<a:p><a:pPr{lvl}{attrs}>{_SINGLE_SPACED}<a:spcBef><a:spcPts "
            f'val="{centipoints(space_before)}"/></a:spcBef>{marker}</a:pPr>{runs}</a:p>')

    def runs(self, specs: Sequence[Run], size: float | None, *, bold: bool = False,
             fill: str = "", fill_links: bool = True) -> str:
        """The runs of a paragraph at ``size`` (None: inherited), coloured by ``fill`` (a
        solidFill's text); links are external relationships of the part, shared by runs
        with the same address; with ``fill_links`` false they keep the theme's colour."""
        sz = "" if size is None else f' sz="{centipoints(size)}"'
        written = []
        for spec in specs:
            attrs = self.lang + sz + (' b="1"' if spec.bold or bold else "") \
                + (' i="1"' if spec.italic else "")
            inner = fill if fill and (fill_links or not spec.link) else ""
            if spec.code:
                inner += f'<a:latin typeface="{attribute(self.mono_family)}"/>'
            if spec.link:
                r_id = self.part.relate_to(spec.link, RT.HYPERLINK, is_external=True)
                inner += f'<a:hlinkClick r:id="{r_id}"/>'
            rpr = f"<a:rPr {attrs}>{inner}</a:rPr>" if inner else f"<a:rPr {attrs}/>"
            for index, piece in enumerate(spec.text.split(BREAK)):
                if index:  # a hyphenated word's next line
                    written.append(f"<a:br><a:rPr {self.lang}{sz}/></a:br>")
                self.shown.append(escape(piece))
                written.append(f"<a:r>{rpr}<a:t>{text(piece)}</a:t></a:r>")
        return "".join(written)

    def has_text(self) -> bool:
        """Whether the runs show anything (python-pptx's ``text_frame.text``, stripped)."""
        return bool("".join(self.shown).strip())

    def xml(self, body_pr: str = "<a:bodyPr/>", list_style: str = "") -> str:
        """The ``p:txBody``: body properties, list style, then the paragraphs."""
        style = f"<a:lstStyle>{list_style}</a:lstStyle>" if list_style else "<a:lstStyle/>"
        paragraphs = "".join(self.paragraphs) or "<a:p/>"
        return f"<p:txBody>{body_pr}{style}{paragraphs}</p:txBody>"


def bullet(block: Paragraph, indent: float, hanging: float,
           bulleted_by_theme: bool) -> tuple[str, str]:
    """A paragraph's indents and bullet or numbering, as pagination measured them: the
    ``a:pPr`` attributes (each after a space) and its marker elements."""
    if block.kind == PLAIN:
        return ' marL="0" indent="0"', "<a:buNone/>"
    margin = f' marL="{emu(indent)}"'
    if block.continues:
        return f'{margin} indent="0"', "<a:buNone/>"
    attrs = f'{margin} indent="{-emu(hanging)}"'
    if block.kind in (NUMBER, LETTER):
        kind = "arabicPeriod" if block.kind == NUMBER else "alphaUcPeriod"
        start = f' startAt="{block.number}"' if block.number != 1 else ""
        return attrs, f'<a:buAutoNum type="{kind}"{start}/>'
    if block.kind == BULLET and not bulleted_by_theme:
        char = attribute(BULLET_CHARS[min(block.level, 4)])
        return attrs, (f'<a:buClr><a:schemeClr val="accent1"/></a:buClr>'
                       f'<a:buFont typeface="Arial"/><a:buChar char="{char}"/>')
    return attrs, ""


def body_properties(inset_x: int, inset_y: int, scale: float | None = None) -> str:
    """Wrapped text, the given insets (EMU), and no autofit or (``scale``) PowerPoint's
    shrink-on-overflow at that font scale: python-pptx's ``word_wrap``, ``auto_size``,
    ``margin_*`` and an ``a:normAutofit``."""
    insets = "".join(f' {name}="{value}"' for name, value in
                     (("lIns", inset_x), ("rIns", inset_x), ("tIns", inset_y),
                      ("bIns", inset_y)) if value != _DEFAULT_INSETS[name])
    if scale is None:
        fit = "<a:noAutofit/>"
    elif scale < 1:
        fit = f'<a:normAutofit fontScale="{round(scale * 100000)}"/>'
    else:
        fit = "<a:normAutofit/>"
    return f'<a:bodyPr wrap="square"{insets}>{fit}</a:bodyPr>'


def offset_and_size(left: float, top: float, width: float, height: float,
                    prefix: str = "a") -> str:
    """An ``xfrm`` (in EMU) as python-pptx's ``left`` ... setters write it."""
    return (f'<{prefix}:xfrm><a:off x="{int(left)}" y="{int(top)}"/>'
            f'<a:ext cx="{int(width)}" cy="{int(height)}"/></{prefix}:xfrm>')


def scheme_fill(colour: str, brightness: float = 0.0) -> str:
    """A solid fill in a theme colour, lighter by ``brightness`` as python-pptx's
    ``fill.fore_color.brightness`` writes it."""
    if brightness <= 0:
        return f'<a:solidFill><a:schemeClr val="{colour}"/></a:solidFill>'
    return (f'<a:solidFill><a:schemeClr val="{colour}"><a:lumMod '
            f'val="{round((1.0 - brightness) * 100000.0)}"/><a:lumOff '
            f'val="{round(brightness * 100000.0)}"/></a:schemeClr></a:solidFill>')
