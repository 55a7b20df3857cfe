"""Small pieces of a slide's shapes: table cell fills, stacked block groups, pictures, and
placeholders left empty."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree
from pptx.slide import Slide
from pptx.util import Emu, Pt

from .drawingml import NS, A, P
from .markdown_runs import Block, Paragraph, Run

SP, T = f"{{{P}}}sp", f"{{{A}}}t"


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


def remove_empty_placeholders(tree: etree._Element, shapes: Sequence[etree._Element]) -> None:
    """Placeholders left without text would show 'Click to add text' in an editor:
    those of the placeholder ``shapes`` of shape ``tree`` that are, go."""
    for shape in shapes:
        # python-pptx's ``text_frame.text`` joins the text of the runs with whitespace only
        if shape.tag == SP and shape.getparent() is tree \
                and not "".join(shape.itertext(T, with_tail=False)).strip():
            tree.remove(shape)


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
