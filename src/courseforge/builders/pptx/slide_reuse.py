"""A page laid out once: the course deck copies the slides its module decks wrote.

A module's body pages are the same in its own deck and in the course deck (pagination
hands both the same :class:`~.pagination.Page` objects). What differs is only what a slide
gets after its content: its slide number (with the footer and date placeholders), its notes
(the timing line runs on the deck's clock) and right-to-left paragraphs applied over all
of it. So the writer keeps each page's slide XML as it stands before those, with the
relationships its content made (images, links), and the course deck starts from a copy.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import cast

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part
from pptx.oxml import parse_xml
from pptx.oxml.slide import CT_Slide
from pptx.parts.image import ImagePart
from pptx.slide import SlideLayout

from .drawingml import A, P
from .furniture import SHAPE_TREE_END, NumberShapes, add_slide_number
from .pagination import Page
from .slide_parts import SlideParts


@dataclass(frozen=True, slots=True)
class _Link:
    """One relationship of a slide's content, in the order its rId was given."""

    r_id: str
    reltype: str
    target: str | bytes  # an external address, or an image's bytes


@dataclass(frozen=True, slots=True)
class SlideCopy:
    """A page's slide before its number, notes and direction, and its links."""

    page: Page  # kept alive, so that its id is never given to another page
    xml: bytes  # the part's bytes: a thousand slides as trees would hold far more memory
    last_id: int  # the largest shape id in it
    links: tuple[_Link, ...]

    def element(self) -> CT_Slide | None:
        """A new copy of the slide's element; None when it would not read back the same."""
        element = parsed_slide(self.xml)
        return element if serialize_part_xml(element) == self.xml else None

    def spliced(self, furniture: bytes) -> bytes | None:
        """The slide's bytes with ``furniture`` (serialized shapes) at the end of its shape
        tree, as appending them to its tree and serializing it writes them."""
        head, end, tail = self.xml.rpartition(SHAPE_TREE_END)
        return head + furniture + end + tail if end and SHAPE_TREE_END not in head else None


_T = f"{{{A}}}t"
_C_NV_PR = f"{{{P}}}cNvPr"


def parsed_slide(xml: bytes) -> CT_Slide:
    """A slide element from its bytes, with its empty runs' text empty rather than absent
    (``<a:t></a:t>``, as python-pptx writes an empty run; parsing would make it ``<a:t/>``)."""
    element = cast(CT_Slide, parse_xml(xml))
    for t in element.iter(_T):
        if t.text is None:
            t.text = ""
    return element


class WrittenSlides:
    """Slides written for pages, by page, for the later decks of the same process."""

    def __init__(self) -> None:
        self._slides: dict[int, SlideCopy] = {}

    def keep(self, page: Page, part: Part, xml: bytes, last_id: int) -> None:
        """Remember the slide of ``page`` as it stands: ``xml``, whose largest shape id is
        ``last_id``, and the relationships of ``part`` (its layout's excepted); a slide with
        relationships of another kind is not kept."""
        links = []
        for r_id, rel in part.rels.items():
            if rel.reltype == RT.SLIDE_LAYOUT:
                continue
            if rel.is_external:
                links.append(_Link(r_id, rel.reltype, rel.target_ref))
            elif rel.reltype == RT.IMAGE and isinstance(rel.target_part, ImagePart):
                links.append(_Link(r_id, rel.reltype, rel.target_part.blob))
            else:
                return
        order = sorted(links, key=lambda link: int(link.r_id[3:]))
        self._slides[id(page)] = SlideCopy(page, xml, last_id, tuple(order))

    def copies(self) -> tuple[SlideCopy, ...]:
        """Every slide kept, to hand to the course deck written in another process."""
        return tuple(self._slides.values())

    def add(self, kept: SlideCopy) -> None:
        """Take a slide kept by another process (its page is the one handed with it)."""
        self._slides[id(kept.page)] = kept

    def get(self, page: Page) -> SlideCopy | None:
        """The kept slide of this very page, if any."""
        found = self._slides.get(id(page))
        return found if found is not None and found.page is page else None


def last_shape_id(element: CT_Slide) -> int:
    """The largest shape id in a slide's tree."""
    return max(int(e.get("id")) for e in element.iter(_C_NV_PR))


def relink(part: Part, kept: SlideCopy) -> None:
    """Give a copied slide's part the relationships its content refers to, under the same
    rIds (they are replayed in order after the layout's, as they were first made)."""
    for link in kept.links:
        if isinstance(link.target, bytes):  # as SlidePart.get_or_add_image_part
            image = part.package.get_or_add_image_part(io.BytesIO(link.target))
            r_id = part.relate_to(image, RT.IMAGE)
        else:
            r_id = part.relate_to(link.target, link.reltype, is_external=True)
        if r_id != link.r_id:  # pragma: no cover - the replay gives the same ids
            raise AssertionError(f"relationship {link.r_id} replayed as {r_id}")


def spliced_copy(parts: SlideParts, kept: SlideCopy, layout: SlideLayout,
                 numbers: NumberShapes, checked: dict[str, bool]) -> Part | None:
    """A new slide of ``layout`` copying ``kept`` as bytes, with its slide number (and footer)
    spliced in; None when :func:`numbered` cannot splice it."""
    blob = numbered(kept, str(layout.part.partname), parts.count + 1, numbers, checked)
    if blob is None:
        return None
    part = parts.add_written_slide(layout, blob)
    relink(part, kept)
    return part


def numbered(kept: SlideCopy, key: str, number: int, numbers: NumberShapes,
             checked: dict[str, bool]) -> bytes | None:
    """The bytes of ``kept`` as slide ``number`` of layout ``key``, its number (and footer)
    spliced in; None when the splice cannot be made or, the first time for a layout (noted
    in ``checked``), it is not the bytes the tree with its number serializes to."""
    furniture = numbers.xml(number, kept.last_id)
    blob = None if furniture is None else kept.spliced(furniture)
    if key not in checked:
        element = kept.element()
        if element is not None:
            add_slide_number(element.cSld.spTree, numbers.found, number)
        checked[key] = (blob is not None and element is not None
                        and serialize_part_xml(element) == blob)
    return blob if checked[key] else None
