"""What a slide carries besides its content: footer, date and slide-number placeholders,
right-to-left paragraphs, and the deck's PowerPoint sections."""

from __future__ import annotations

import copy
import functools
import re
import uuid
from collections.abc import Sequence
from typing import cast

from lxml import etree
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import SlideLayout

from ...locale.labels import RTL_LANGUAGES
from . import drawingml
from .drawingml import PH_PATH, A, P
from .layouts import layout_placeholders

T = f"{{{A}}}t"


SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


def add_sections(prs: PresentationObject, starts: Sequence[tuple[str, int]], seed: str) -> None:
    """PowerPoint sections (one per module of the course deck), each from the slide it starts
    at to the next one's; ids derived from the course, so the bytes stay the same."""
    ids = [int(s.id) for s in prs.slides._sldIdLst]
    root = prs.part._element
    ext_lst = root.find(f"{{{P}}}extLst")
    if ext_lst is None:
        ext_lst = etree.SubElement(root, f"{{{P}}}extLst")
    ext = etree.SubElement(ext_lst, f"{{{P}}}ext", uri=SECTIONS_EXT)
    section_list = etree.SubElement(ext, f"{{{P14}}}sectionLst", nsmap={"p14": P14})
    first = [ids.index(slide_id) for _, slide_id in starts]
    first[0] = 0  # every slide belongs to a section
    for number, (name, _) in enumerate(starts):
        end = first[number + 1] if number + 1 < len(first) else len(ids)
        guid = uuid.uuid5(uuid.NAMESPACE_URL, f"courseforge:{seed}:{number}:{name}")
        section = etree.SubElement(section_list, f"{{{P14}}}section", name=name,
                                   id="{" + str(guid).upper() + "}")
        slide_ids = etree.SubElement(section, f"{{{P14}}}sldIdLst")
        for slide_id in ids[first[number]:end]:
            etree.SubElement(slide_ids, f"{{{P14}}}sldId", id=str(slide_id))


def footer_placeholders(layout: SlideLayout, footer: str, language: str
                         ) -> list[tuple[str, etree._Element, str]]:
    """What a slide of ``layout`` carries at its foot: the slide number always; the footer
    and the date when the master's header/footer settings (``p:hf``) turn them on and the
    layout gives them text; ``footer`` fills the footer (it is shown when given)."""
    found = []
    hf = layout.slide_master.element.find(f"{{{P}}}hf")
    shown = {kind: hf is not None and hf.get(kind, "1") not in ("0", "false")
             for kind in ("ftr", "dt")}
    for shape in layout_placeholders(layout):
        ph = shape.element.find(PH_PATH)
        kind = ph.get("type", "") if ph is not None else ""
        if ph is None or kind not in ("sldNum", "ftr", "dt"):
            continue
        tx_body = shape.element.find(f"{{{P}}}txBody")
        has_text = tx_body is not None and "".join(
            tx_body.itertext(T, with_tail=False)).strip()
        if kind == "sldNum":
            found.append((kind, ph, ""))
        elif has_text and shown[kind] and not (kind == "ftr" and footer):
            body = copy.deepcopy(tx_body)
            for field in body.iter(f"{{{A}}}fld"):  # a date field is kept; its id stays
                field.attrib.pop("uuid", None)
            found.append((kind, ph, etree.tostring(body).decode()))
        elif kind == "ftr" and footer:
            body = etree.fromstring(f'<p:txBody xmlns:p="{P}" xmlns:a="{A}"><a:bodyPr/>'
                                    "<a:lstStyle/><a:p/></p:txBody>")
            drawingml.set_text(body, footer, language)
            found.append((kind, ph, etree.tostring(body).decode()))
    return found


def is_right_to_left(language: str) -> bool:
    """Whether a course in ``language`` (a BCP 47 tag) reads right to left."""
    return re.split("[-_]", language)[0].lower() in RTL_LANGUAGES


Numbers = list[tuple[str, etree._Element, str]]  # a layout's foot: (type, p:ph, txBody xml)

SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_NAMES = {"sldNum": "Slide Number", "ftr": "Footer", "dt": "Date"}


def add_slide_number(tree: etree._Element, found: Sequence[tuple[str, etree._Element, str]],
                     number: int) -> None:
    """Into a slide's shape tree, the placeholders :func:`footer_placeholders` found: the
    slide-number one with the field showing ``number``, footer and date with their text."""
    next_id = drawingml.next_shape_id(tree) if found else 0
    for kind, ph, body in found:
        sp = copy.deepcopy(_foot_shape(kind, ph, body))
        c_nv_pr = sp.find(_C_NV_PR)
        c_nv_pr.set("id", str(next_id))
        c_nv_pr.set("name", f"{_NAMES[kind]} {next_id}")
        if kind == "sldNum":
            sp.find(_FIELD_TEXT).text = str(number)
        tree.append(sp)
        next_id = drawingml.next_shape_id(sp)  # the shape just added holds the largest id


_C_NV_PR = f"{{{P}}}nvSpPr/{{{P}}}cNvPr"
_FIELD_TEXT = f"{{{P}}}txBody/{{{A}}}p/{{{A}}}fld/{T}"


# a few layouts' feet, by the layout's own p:ph element (the cache keeps it alive, so no
# other takes its identity): layouts are only read once a deck is opened (template_files)
@functools.lru_cache(maxsize=64)
def _foot_shape(kind: str, ph: etree._Element, body: str) -> etree._Element:
    """A foot placeholder shape as :func:`add_slide_number` adds it, its id, name and number
    still to set."""
    if kind == "sldNum":
        body = (f'<p:txBody xmlns:p="{P}" xmlns:a="{A}"><a:bodyPr/><a:lstStyle/><a:p>'
                f'<a:fld id="{SLIDE_NUMBER_FIELD}" type="slidenum"><a:t>0</a:t>'
                "</a:fld></a:p></p:txBody>")
    sp = etree.fromstring(
        f'<p:sp xmlns:p="{P}" xmlns:a="{A}"><p:nvSpPr>'
        f'<p:cNvPr id="0" name="{_NAMES[kind]}"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr/></p:nvSpPr><p:spPr/>'
        f"{body}</p:sp>")
    sp.find(f".//{{{P}}}nvPr").append(copy.deepcopy(ph))
    return sp


SHAPE_TREE_END = b"</p:spTree>"  # a slide's shape tree closes, as lxml writes it
_TREE_TAIL = SHAPE_TREE_END + b"</p:cSld></p:sld>"


class NumberShapes:
    """A layout's slide-number (footer, date) shapes as :func:`add_slide_number` appends them
    to a slide whose root declares ``nsmap``, serialized inside it.

    Only the number and the shape ids differ from slide to slide: the shapes are made and
    serialized once, with marks where those go (see :func:`_marked`), and filled in for each
    slide.
    """

    def __init__(self, found: Numbers, nsmap: dict[str | None, str]) -> None:
        self.found, self.nsmap = found, nsmap
        self._pieces = _marked(found, nsmap)

    def xml(self, number: int, last_id: int) -> bytes | None:
        """The shapes for slide ``number`` whose largest shape id is ``last_id``; None when
        they cannot be cut out of a slide of their own."""
        if self._pieces is None:
            return _cut_out(self.found, number, last_id, self.nsmap)
        return b"".join(b"%d" % number if piece is _NUMBER else
                        b"%d" % (last_id + piece) if isinstance(piece, int)
                        else cast(bytes, piece) for piece in self._pieces)


_NUMBER = object()  # where the slide number goes in a marked serialization
_ID_MARK, _NUMBER_MARK = 987654000, 918273645  # numbers no layout's placeholders hold (checked)
_MARKS = re.compile(rb"(?<!\d)(987654\d{3}|918273645)(?!\d)")


def _marked(found: Numbers, nsmap: dict[str | None, str]) -> list[object] | None:
    """The shapes as :func:`_cut_out` writes them for a mark number and mark ids, as text
    pieces, :data:`_NUMBER` and the offsets of shape ids from the slide's largest one; None
    when the marks are not found exactly where the number and the ids go."""
    xml = _cut_out(found, _NUMBER_MARK, _ID_MARK, nsmap)
    if xml is None:
        return None
    parts = _MARKS.split(xml)
    pieces: list[object] = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            pieces.append(part)
        else:
            pieces.append(_NUMBER if part == b"%d" % _NUMBER_MARK else int(part) - _ID_MARK)
    offsets = [piece for piece in pieces if isinstance(piece, int)]
    numbers = sum(piece is _NUMBER for piece in pieces)
    expected = [n for n in range(1, len(found) + 1) for _ in (0, 1)]  # id and name of each
    if offsets != expected or numbers != sum(kind == "sldNum" for kind, _, _ in found):
        return None
    return pieces


def _cut_out(found: Numbers, number: int, last_id: int,
             nsmap: dict[str | None, str]) -> bytes | None:
    """:func:`add_slide_number`'s shapes appended to a slide of their own and cut out of
    its serialization; None when they cannot be."""
    root = etree.Element(f"{{{P}}}sld", nsmap=nsmap)
    tree = etree.SubElement(etree.SubElement(root, f"{{{P}}}cSld"), f"{{{P}}}spTree")
    etree.SubElement(tree, f"{{{P}}}cNvPr", id=str(last_id))
    before = etree.tostring(root, encoding="UTF-8")
    add_slide_number(tree, found, number)
    after = etree.tostring(root, encoding="UTF-8")
    head = before[: -len(_TREE_TAIL)]
    if not (before.endswith(_TREE_TAIL) and after.startswith(head)
            and after.endswith(_TREE_TAIL)):
        return None
    return after[len(head): -len(_TREE_TAIL)]
