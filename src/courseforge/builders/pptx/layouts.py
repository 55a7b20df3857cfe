"""Finding the layouts of a reference deck by role, and the boxes and text styles they define."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, cast

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation as PresentationObject
from pptx.shapes.placeholder import LayoutPlaceholder, MasterPlaceholder
from pptx.slide import SlideLayout, SlideMaster

from ...errors import CourseforgeError
from .drawingml import A, P
from .slide_specs_base import COMPARISON, CONTENT, ROLES, SECTION, TITLE, TITLE_ONLY

# Names looked for when no --layout mapping is given; the first one the deck has wins.
DEFAULT_NAMES: dict[str, tuple[str, ...]] = {
    TITLE: ("Title Slide",),
    SECTION: ("Section Header",),
    CONTENT: ("Title and Content",),
    COMPARISON: ("Comparison", "Two Content"),
    TITLE_ONLY: ("Title Only",),
}
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
FOOTER_TYPES = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in EMU."""

    left: int
    top: int
    width: int
    height: int


# Layout types (``p:sldLayout/@type``) PowerPoint gives each role's layout, in order of
# preference; a template whose layout names are in another language is found by these.
LAYOUT_TYPES: dict[str, tuple[str, ...]] = {
    TITLE: ("title",),
    SECTION: ("secHead",),
    CONTENT: ("obj",),
    COMPARISON: ("twoTxTwoObj", "twoObj"),
    TITLE_ONLY: ("titleOnly",),
}
# a role the template has no layout for borrows another role's: a section slide is set like
# a title slide, a comparison in a content layout's body split in two, a title-only slide
# in a content layout whose body is left out
BORROWS = {SECTION: TITLE, COMPARISON: CONTENT, TITLE_ONLY: CONTENT}


def find_layouts(prs: PresentationObject,
                 mapping: Iterable[tuple[str, str]] = ()) -> dict[str, SlideLayout]:
    """Role -> layout: by name (case-insensitive; ``mapping`` first), then by layout type
    across every master, then borrowed from a related role; a CourseforgeError names what is
    missing and what the deck has."""
    given = dict(mapping)
    unknown = sorted(set(given) - set(ROLES))
    if unknown:
        raise CourseforgeError(f"unknown layout role {', '.join(unknown)} in --layout; "
                               f"the roles are {', '.join(ROLES)}")
    by_name: dict[str, SlideLayout] = {}
    by_type: dict[str, SlideLayout] = {}
    names: list[str] = []
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            names.append(layout.name)
            by_name.setdefault(layout.name.casefold(), layout)
            by_type.setdefault(layout.element.get("type", "cust"), layout)
    found: dict[str, SlideLayout] = {}
    missing: list[str] = []
    for role in ROLES:
        if role in given:
            layout = by_name.get(given[role].casefold())
            if layout is None:
                missing.append(f"{role} (--layout {role}={given[role]!r})")
                continue
        else:
            layout = next((by_name[n.casefold()] for n in DEFAULT_NAMES[role]
                           if n.casefold() in by_name), None) or next(
                (by_type[t] for t in LAYOUT_TYPES[role] if t in by_type), None)
        if layout is not None:
            found[role] = layout
    for role, other in BORROWS.items():
        if role not in found and role not in given and other in found:
            found[role] = found[other]
    missing += [f"{role} (looked for {' or '.join(repr(n) for n in DEFAULT_NAMES[role])}, "
                f"or a layout of type {' or '.join(LAYOUT_TYPES[role])})"
                for role in ROLES if role not in found and role not in given]
    if missing:
        raise CourseforgeError(
            "the slide template has no layout for " + "; ".join(missing)
            + ". Its layouts are: " + ", ".join(repr(n) for n in names)
            + ". Map a role to one of them with --layout ROLE=NAME.")
    return found


def number_placeholders(prs: PresentationObject) -> None:
    """Give every layout placeholder but the title an ``idx`` of its own.

    PowerPoint matches a slide's placeholder to its layout's by type and idx; LibreOffice
    saves title, subtitle and body placeholders without idx (all 0, the title's), so
    without this they would collide.
    """
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            phs = [ph for ph in layout.element.iter(f"{{{P}}}ph")]
            used = {int(ph.get("idx")) for ph in phs if ph.get("idx") is not None}
            for ph in phs:
                if ph.get("idx") is None and ph.get("type", "obj") not in ("title", "ctrTitle"):
                    idx = next(n for n in range(1, 10_000) if n not in used)
                    used.add(idx)
                    ph.set("idx", str(idx))


class Placed(Protocol):
    """Anything with a position and a size in EMU (shapes, placeholders)."""

    @property
    def left(self) -> int: ...
    @property
    def top(self) -> int: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...


def layout_placeholders(layout: SlideLayout) -> list[LayoutPlaceholder]:
    """A layout's placeholders (python-pptx declares their iterator in a way mypy rejects)."""
    return list(cast("Iterable[LayoutPlaceholder]", layout.placeholders))


def master_placeholders(master: SlideMaster) -> list[MasterPlaceholder]:
    """A master's placeholders, typed."""
    return list(cast("Iterable[MasterPlaceholder]", master.placeholders))


def box_of(shape: Placed) -> Box:
    """Where a shape is."""
    return Box(int(shape.left), int(shape.top), int(shape.width), int(shape.height))


def title_box(layout: SlideLayout) -> Box | None:
    """The title placeholder's box."""
    for shape in layout_placeholders(layout):
        if shape.placeholder_format.type in TITLE_TYPES:
            return box_of(shape)
    return None


def layout_title_size(layout: SlideLayout) -> float | None:
    """The size in points a layout sets its title in, when it sets one."""
    for shape in layout_placeholders(layout):
        if shape.placeholder_format.type in TITLE_TYPES:
            return _text_size(shape)
    return None


def subtitle_box(layout: SlideLayout) -> tuple[Box, float | None] | None:
    """The box of a title or section layout's first text placeholder after the title (where
    the subtitle goes), and the size the layout sets in it, if any."""
    for shape in layout_placeholders(layout):
        if shape.placeholder_format.type not in TITLE_TYPES + FOOTER_TYPES:
            return box_of(shape), _text_size(shape)
    return None


def _text_size(shape: LayoutPlaceholder) -> float | None:
    rpr = shape.element.find(f"{{{P}}}txBody/{{{A}}}lstStyle/{{{A}}}lvl1pPr/{{{A}}}defRPr")
    size = rpr.get("sz") if rpr is not None else None
    return int(size) / 100 if size else None


def body_placeholders(layout: SlideLayout) -> list[tuple[int, Box, bool]]:
    """(idx, box, is_heading) of the text/content placeholders, in reading order.

    In a layout with four of them (comparison), the shorter ones above are the headings.
    """
    shapes = [s for s in layout_placeholders(layout)
              if s.placeholder_format.type not in TITLE_TYPES + FOOTER_TYPES
              and s.placeholder_format.type not in (PP_PLACEHOLDER.PICTURE,)]
    items = sorted(((s.placeholder_format.idx, box_of(s)) for s in shapes),
                   key=lambda item: (item[1].left // 914400, item[1].top))
    if len(items) >= 4:
        return [(idx, box, index % 2 == 0) for index, (idx, box) in enumerate(items)]
    return [(idx, box, False) for idx, box in items]


def body_area(layouts: dict[str, SlideLayout]) -> Box:
    """Where slide bodies go: the content layout's main placeholder."""
    items = body_placeholders(layouts[CONTENT])
    if not items:
        raise CourseforgeError(f"the layout '{layouts[CONTENT].name}' has no body placeholder")
    return max((box for _, box, _ in items), key=lambda b: b.width * b.height)


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnGeometry:
    """The two columns of a comparison layout: where they span, and their placeholders' idx.

    ``headings`` is empty for a layout without heading placeholders (Two Content).
    """

    left: int
    span: int  # from the left column's left edge to the right column's right edge
    gap: int
    heading_top: int
    heading_height: int
    body_top: int
    bottom: int
    headings: tuple[int, ...]
    bodies: tuple[int, ...]

    def widths(self, share: float) -> tuple[int, int]:
        """The two column widths when the left one takes ``share`` of the room."""
        left = round((self.span - self.gap) * share)
        return left, self.span - self.gap - left


def column_geometry(layout: SlideLayout, fallback: Box) -> ColumnGeometry:
    """The columns of a comparison layout; ``fallback`` halved when it has fewer than two."""
    items = body_placeholders(layout)
    bodies = [(idx, box) for idx, box, heading in items if not heading]
    headings = [(idx, box) for idx, box, heading in items if heading]
    if len(bodies) < 2:
        gap = fallback.width // 30
        return ColumnGeometry(left=fallback.left, span=fallback.width, gap=gap,
                              heading_top=fallback.top, heading_height=0, body_top=fallback.top,
                              bottom=fallback.top + fallback.height, headings=(),
                              bodies=tuple(idx for idx, _ in bodies))
    first, second = bodies[0][1], bodies[1][1]
    right = max(first.left + first.width, second.left + second.width)
    body_top = min(first.top, second.top)
    return ColumnGeometry(
        left=first.left, span=right - first.left,
        gap=max(second.left - (first.left + first.width), 0),
        heading_top=min((box.top for _, box in headings), default=body_top),
        heading_height=max((box.height for _, box in headings), default=0), body_top=body_top,
        bottom=max(first.top + first.height, second.top + second.height),
        headings=tuple(idx for idx, _ in headings[:2]), bodies=(bodies[0][0], bodies[1][0]))
