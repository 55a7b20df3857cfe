"""Finding the layouts of a reference deck by role, and the boxes and text styles they define."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import SlideLayout

from ...errors import CourseforgeError
from .slide_specs import COMPARISON, CONTENT, ROLES, SECTION, TITLE, TITLE_ONLY

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


def find_layouts(prs: PresentationObject,
                 mapping: Iterable[tuple[str, str]] = ()) -> dict[str, SlideLayout]:
    """Role -> layout, by name; a CourseforgeError names what is missing and what the deck has."""
    given = dict(mapping)
    unknown = sorted(set(given) - set(ROLES))
    if unknown:
        raise CourseforgeError(f"unknown layout role {', '.join(unknown)} in --layout; "
                               f"the roles are {', '.join(ROLES)}")
    by_name: dict[str, SlideLayout] = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            by_name.setdefault(layout.name, layout)
    found: dict[str, SlideLayout] = {}
    missing: list[str] = []
    for role in ROLES:
        names = (given[role],) if role in given else DEFAULT_NAMES[role]
        layout = next((by_name[n] for n in names if n in by_name), None)
        if layout is None:
            missing.append(f"{role} (looked for {' or '.join(repr(n) for n in names)})")
        else:
            found[role] = layout
    if missing:
        raise CourseforgeError(
            "the slide template has no layout for " + "; ".join(missing)
            + ". Its layouts are: " + ", ".join(repr(n) for n in by_name)
            + ". Map a role to one of them with --layout ROLE=NAME.")
    return found


def _box(shape: object) -> Box:
    return Box(int(shape.left), int(shape.top), int(shape.width),  # type: ignore[attr-defined]
               int(shape.height))  # type: ignore[attr-defined]


def title_box(layout: SlideLayout) -> Box | None:
    """The title placeholder's box."""
    for shape in layout.placeholders:
        if shape.placeholder_format.type in TITLE_TYPES:
            return _box(shape)
    return None


def body_placeholders(layout: SlideLayout) -> list[tuple[int, Box, bool]]:
    """(idx, box, is_heading) of the text/content placeholders, in reading order.

    In a layout with four of them (comparison), the shorter ones above are the headings.
    """
    shapes = [s for s in layout.placeholders
              if s.placeholder_format.type not in TITLE_TYPES + FOOTER_TYPES
              and s.placeholder_format.type not in (PP_PLACEHOLDER.PICTURE,)]
    items = sorted(((s.placeholder_format.idx, _box(s)) for s in shapes),
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
