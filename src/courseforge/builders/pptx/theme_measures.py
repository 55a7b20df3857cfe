"""What a reference deck says about text: the theme's families and sizes, the boxes pagination
fits into, and what every deck made from it shares."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.slide import SlideLayout, SlideMaster

from .drawingml import NS
from .furniture import NumberShapes
from .layouts import (
    Box,
    body_area,
    body_placeholders,
    column_geometry,
    layout_title_size,
    subtitle_box,
    title_box,
)
from .measuring import (
    TextStyle,
    points,
)
from .pagination import Boxes
from .slide_parts import Prototypes
from .slide_reuse import WrittenSlides
from .slide_specs_base import COMPARISON, CONTENT, SECTION, TITLE


def _theme_fonts(master: SlideMaster) -> tuple[str, str]:
    part = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    major = root.find(".//a:fontScheme/a:majorFont/a:latin", NS)
    minor = root.find(".//a:fontScheme/a:minorFont/a:latin", NS)
    return (major.get("typeface", "Calibri") if major is not None else "Calibri",
            minor.get("typeface", "Calibri") if minor is not None else "Calibri")


def text_style(master: SlideMaster) -> TextStyle:
    """Families, sizes and list indents from a master's theme and text styles (the master of
    the content layout: a deck may have several)."""
    major, minor = _theme_fonts(master)
    styles = master.element.find("p:txStyles", NS)

    def level(path: str) -> etree._Element | None:
        return styles.find(path, NS) if styles is not None else None

    def size(path: str, default: float) -> float:
        ppr = level(path)
        rpr = ppr.find("a:defRPr", NS) if ppr is not None else None
        value = rpr.get("sz") if rpr is not None else None
        return int(value) / 100 if value else default

    def family(path: str, default: str) -> str:
        ppr = level(path)
        latin = ppr.find("a:defRPr/a:latin", NS) if ppr is not None else None
        face = latin.get("typeface", "") if latin is not None else ""
        return {"+mj-lt": major, "+mn-lt": minor}.get(face, face or default)

    indents = []
    for n in range(1, 6):
        ppr = level(f"p:bodyStyle/a:lvl{n}pPr")
        marl = ppr.get("marL") if ppr is not None else None
        indents.append(points(int(marl)) if marl else 27.0 + 36.0 * (n - 1))
    return TextStyle(body_family=family("p:bodyStyle/a:lvl1pPr", minor),
                     title_family=family("p:titleStyle/a:lvl1pPr", major),
                     body_size=min(size("p:bodyStyle/a:lvl1pPr", 24.0), 28.0),
                     title_size=size("p:titleStyle/a:lvl1pPr", 36.0),
                     indents=tuple(indents), hanging=27.0)


def _pt_box(box: Box) -> tuple[float, float]:
    return points(box.width), points(box.height)


def deck_boxes(layouts: dict[str, SlideLayout], style: TextStyle) -> Boxes:
    """The boxes pagination fits titles, subtitles and bodies into (``style``: the master's)."""
    content = title_box(layouts[CONTENT]) or Box(0, 0, 0, 0)
    titles, subtitles = [], []
    for role, layout in sorted(layouts.items()):
        box = title_box(layout) or content
        titles.append((role, *_pt_box(box), layout_title_size(layout) or style.title_size))
        found = subtitle_box(layout) if role in (TITLE, SECTION) else None
        if found is not None:
            subtitles.append((role, *_pt_box(found[0]), found[1] or style.body_size))
    body = body_area(layouts)
    return Boxes(titles=tuple(titles), subtitles=tuple(subtitles), body=_pt_box(body),
                 columns=column_geometry(layouts[COMPARISON], body))


def master_body_style(master: SlideMaster) -> etree._Element | None:
    """The master's body text style: the look of every body placeholder."""
    return master.element.find("p:txStyles/p:bodyStyle", NS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Measures:
    """Where a reference deck puts text and how it sets it."""

    style: TextStyle
    boxes: Boxes
    body: Box  # the content layout's body placeholder
    body_idx: int  # and its idx


class DeckTemplate:
    """What every deck made from one reference deck (and layout mapping) shares.

    The first deck works it out; the others reuse it.
    """

    def __init__(self) -> None:
        self.measures: Measures | None = None
        self.prototypes = Prototypes()
        # layout -> its slide-number, footer and date placeholders: (type, p:ph, txBody xml)
        self.numbers: dict[str, list[tuple[str, etree._Element, str]]] = {}
        # the slides written so far, kept while a later deck (the course's) repeats them
        self.written = WrittenSlides()
        self.keep_slides = False
        # layout -> whether a copied slide's bytes with its number spliced in are the tree's
        self.spliced: dict[str, bool] = {}
        # layout -> its slide-number shapes as spliced into copied slides
        self.number_shapes: dict[str, NumberShapes] = {}


def measures(layouts: dict[str, SlideLayout], language: str) -> Measures:
    """Where the layouts put text and how the theme sets it, for a course in ``language``."""
    body = body_area(layouts)
    style = replace(text_style(layouts[CONTENT].slide_master), language=language)
    return Measures(style=style, boxes=deck_boxes(layouts, style), body=body,
                    body_idx=next(idx for idx, box, _ in body_placeholders(layouts[CONTENT])
                                  if box == body))
