"""A slide table's frame written straight into the shape tree, as python-pptx's ``add_table``
writes it once its columns' widths and rows' heights are set.

python-pptx builds the table from parsed templates and then reaches every column, row and
cell through proxies that look their elements up again; a deck holds thousands of cells.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from pptx.util import Pt

from .drawingml import A, P

TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"  # python-pptx's default table style


def next_shape_id(tree: etree._Element) -> int:
    """python-pptx's id for a new shape: one more than any whole-number ``id`` in the slide."""
    ids = [int(value) for value in tree.xpath("//@id") if value.isdigit()]
    return max(ids, default=0) + 1


def table_frame(tree: etree._Element, left: float, top: float, widths: Sequence[float],
                heights: Sequence[float]) -> list[list[etree._Element]]:
    """A table of ``len(heights)`` rows and ``len(widths)`` columns at (left, top), sizes in
    points, appended to the shape tree; its cells (``a:tc``), row by row."""
    shape_id = next_shape_id(tree)
    column_emu = [int(Pt(w)) for w in widths]
    row_emu = [int(Pt(h)) for h in heights]
    frame = etree.Element(f"{{{P}}}graphicFrame")
    ext_lst = tree.find(f"{{{P}}}extLst")
    if ext_lst is None:
        tree.append(frame)
    else:  # as python-pptx: before the tree's extensions
        ext_lst.addprevious(frame)
    nv = etree.SubElement(frame, f"{{{P}}}nvGraphicFramePr")
    etree.SubElement(nv, f"{{{P}}}cNvPr", id=str(shape_id), name=f"Table {shape_id - 1}")
    locks = etree.SubElement(nv, f"{{{P}}}cNvGraphicFramePr")
    etree.SubElement(locks, f"{{{A}}}graphicFrameLocks", noGrp="1")
    etree.SubElement(nv, f"{{{P}}}nvPr")
    xfrm = etree.SubElement(frame, f"{{{P}}}xfrm")
    etree.SubElement(xfrm, f"{{{A}}}off", x=str(int(Pt(left))), y=str(int(Pt(top))))
    etree.SubElement(xfrm, f"{{{A}}}ext", cx=str(sum(column_emu)), cy=str(sum(row_emu)))
    data = etree.SubElement(etree.SubElement(frame, f"{{{A}}}graphic"), f"{{{A}}}graphicData",
                            uri=TABLE_URI)
    tbl = etree.SubElement(data, f"{{{A}}}tbl")
    props = etree.SubElement(tbl, f"{{{A}}}tblPr", firstRow="1", bandRow="1")
    etree.SubElement(props, f"{{{A}}}tableStyleId").text = TABLE_STYLE
    grid = etree.SubElement(tbl, f"{{{A}}}tblGrid")
    for w in column_emu:
        etree.SubElement(grid, f"{{{A}}}gridCol", w=str(w))
    cells = []
    for h in row_emu:
        tr = etree.SubElement(tbl, f"{{{A}}}tr", h=str(h))
        row = []
        for _ in column_emu:
            tc = etree.SubElement(tr, f"{{{A}}}tc")
            body = etree.SubElement(tc, f"{{{A}}}txBody")
            etree.SubElement(body, f"{{{A}}}bodyPr")
            etree.SubElement(body, f"{{{A}}}lstStyle")
            etree.SubElement(body, f"{{{A}}}p")
            etree.SubElement(tc, f"{{{A}}}tcPr")
            row.append(tc)
        cells.append(row)
    return cells
