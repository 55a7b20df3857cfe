"""A slide written as text: its layout's blank slide cut into pieces once, then each page's
placeholders filled and shapes added as the text lxml would write for the trees python-pptx
builds (``tests/test_pptx_text_shapes.py`` holds the two equal)."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part
from pptx.oxml.slide import CT_Slide

from .drawingml import PH_PATH, A, P, R, emu
from .drawingml_text import TextBody, offset_and_size

_SP_TREE = f"{{{P}}}cSld/{{{P}}}spTree"
_SP = f"{{{P}}}sp"
_NV_END = "</p:nvSpPr>"
_BLANK_BODY = "<p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody>"
_TREE_END = "</p:spTree>"
SLIDE_NAMESPACES: dict[str | None, str] = {"a": A, "p": P, "r": R}  # what a new slide declares
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"  # python-pptx's default table style


class SlideFrame:
    """A layout's blank slide (as python-pptx clones it) as text: what comes before its
    placeholder shapes, each of them, and what comes after."""

    def __init__(self, prototype: CT_Slide) -> None:
        if dict(prototype.nsmap) != SLIDE_NAMESPACES:
            raise AssertionError(f"a new slide declares {prototype.nsmap}, not a:, p:, r:")
        whole = serialize_part_xml(prototype).decode()
        tree = prototype.find(_SP_TREE)
        shapes = [shape for shape in tree if shape.tag == _SP]
        bare = copy.deepcopy(prototype)
        bare_tree = bare.find(_SP_TREE)
        for shape in bare_tree.findall(_SP):
            bare_tree.remove(shape)
        written = serialize_part_xml(bare).decode()
        end = written.rindex(_TREE_END)
        self.head, tail = written[:end], written[end:]
        self.tail = tail.encode()  # what follows the shapes, as every slide of it ends
        self.shapes: list[str] = []  # each placeholder shape as the blank slide has it
        self.heads: list[str] = []  # and its opening, up to the end of its p:nvSpPr
        self.ids: list[int] = []
        self.by_idx: dict[int, int] = {}  # placeholder idx -> position of the first with it
        self.types: list[str] = []
        for position, shape in enumerate(shapes):
            bare_tree.append(copy.deepcopy(shape))
            alone = serialize_part_xml(bare).decode()
            bare_tree.remove(bare_tree[-1])
            text = alone[len(self.head): -len(tail)]
            head = text[: text.index(_NV_END) + len(_NV_END)]
            if text not in (f"{head}<p:spPr/></p:sp>", f"{head}<p:spPr/>{_BLANK_BODY}</p:sp>") \
                    or not alone.startswith(self.head):
                raise AssertionError(f"a new slide's placeholder is not as python-pptx made it: "
                                     f"{text[:200]}")
            ph = shape.find(PH_PATH)
            self.shapes.append(text)
            self.heads.append(head)
            self.ids.append(int(shape.find(f"{{{P}}}nvSpPr/{{{P}}}cNvPr").get("id")))
            self.by_idx.setdefault(int(ph.get("idx", "0")), position)
            self.types.append(ph.get("type", "obj"))
        if self.head + "".join(self.shapes) + tail != whole:
            raise AssertionError("a new slide's text is not its pieces'")
        group = tree.find(f"{{{P}}}nvGrpSpPr/{{{P}}}cNvPr")
        self.group_id = 0 if group is None else int(group.get("id"))  # the shape tree's (1)
        self.last_id = max([self.group_id, *self.ids])


class SlideText:
    """One slide's text, its layout's placeholders filled and shapes added in turn."""

    def __init__(self, frame: SlideFrame, part: Part, language: str, mono_family: str) -> None:
        self.frame, self.part = frame, part
        self.language, self.mono_family = language, mono_family
        self._filled: dict[int, tuple[str, str, bool]] = {}  # position -> spPr, txBody, shown
        self._added: list[tuple[int, str]] = []  # (id, shape text)
        self._last_id = frame.last_id  # python-pptx's next shape id is one more than any

    def body(self) -> TextBody:
        """A new text body for this slide."""
        return TextBody(self.part, self.language, self.mono_family)

    def fill(self, position: int, body: TextBody, body_pr: str = "<a:bodyPr/>",
             xfrm: str = "") -> None:
        """Placeholder ``position`` holding ``body`` (at ``xfrm``, when given); once."""
        assert position not in self._filled, "a placeholder is filled once"
        self._filled[position] = (xfrm, body.xml(body_pr), body.has_text())

    def add_textbox(self, box: tuple[float, float, float, float], body: TextBody,
                    body_pr: str, list_style: str) -> None:
        """A text box (left, top, width, height in points) holding ``body``, as python-pptx's
        ``add_textbox`` writes it."""
        shape_id = self._next_id()
        left, top, width, height = (emu(v) for v in box)
        self._added.append((shape_id, (
            f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="TextBox {shape_id - 1}"/>'
            '<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>'
            f"{offset_and_size(left, top, width, height)}"
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            f"{body.xml(body_pr, list_style)}</p:sp>")))

    def add_table(self, left: float, top: float, widths: Sequence[float],
                  heights: Sequence[float], cells: Sequence[Sequence[str]]) -> None:
        """A table at (left, top) in points, columns ``widths`` and rows ``heights`` wide and
        high, as python-pptx's ``add_table`` writes it once its columns' widths and rows'
        heights are set; ``cells`` holds each row's ``a:tc`` texts (:func:`table_cell`)."""
        shape_id = self._next_id()
        columns = [emu(w) for w in widths]
        rows = [emu(h) for h in heights]
        assert all(len(row) == len(columns) for row in cells), "a cell for every column"
        grid = "".join(f'<a:gridCol w="{w}"/>' for w in columns)
        body = "".join(f'<a:tr h="{h}">{"".join(row)}</a:tr>'
                       for h, row in zip(rows, cells, strict=True))
        self._added.append((shape_id, (
            f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" '
            f'name="Table {shape_id - 1}"/><p:cNvGraphicFramePr><a:graphicFrameLocks '
            'noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            f"{offset_and_size(emu(left), emu(top), sum(columns), sum(rows), 'p')}"
            f'<a:graphic><a:graphicData uri="{TABLE_URI}"><a:tbl><a:tblPr firstRow="1" '
            f'bandRow="1"><a:tableStyleId>{TABLE_STYLE}</a:tableStyleId></a:tblPr>'
            f"<a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic>"
            "</p:graphicFrame>")))

    def _next_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def xml(self, *, keep_empty: bool = False) -> tuple[bytes, bytes, int]:
        """The slide's bytes, up to the end of its shape tree and from there, and the largest
        shape id in them. Placeholders left without text go (they would show 'Click to add
        text'), unless ``keep_empty``."""
        frame = self.frame
        pieces, ids = [frame.head], [frame.group_id]
        for position, blank in enumerate(frame.shapes):
            filled = self._filled.get(position)
            if filled is None:
                if not keep_empty:
                    continue
                pieces.append(blank)
            else:
                xfrm, body, shown = filled
                if not (shown or keep_empty):
                    continue
                sp_pr = f"<p:spPr>{xfrm}</p:spPr>" if xfrm else "<p:spPr/>"
                pieces.append(f"{frame.heads[position]}{sp_pr}{body}</p:sp>")
            ids.append(frame.ids[position])
        for shape_id, shape in self._added:
            pieces.append(shape)
            ids.append(shape_id)
        return "".join(pieces).encode(), frame.tail, max(ids)



def table_cell(runs: str, margins: tuple[int, int], fill: str) -> str:
    """A table cell holding ``runs``, its margins (x, y in EMU) and ``fill``, centred
    vertically: python-pptx's cell margins, ``vertical_anchor`` and ``fill``."""
    x, y = margins
    return (f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p>{runs}</a:p></a:txBody>"
            f'<a:tcPr marL="{x}" marR="{x}" marT="{y}" marB="{y}" anchor="ctr">{fill}</a:tcPr>'
            "</a:tc>")
