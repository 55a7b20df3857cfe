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

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.slide import CT_Slide
from pptx.parts.image import ImagePart
from pptx.parts.slide import SlidePart

from .drawingml import A
from .pagination import Page


@dataclass(frozen=True, slots=True)
class _Link:
    """One relationship of a slide's content, in the order its rId was given."""

    r_id: str
    reltype: str
    target: str | bytes  # an external address, or an image's bytes


@dataclass(frozen=True, slots=True)
class SlideCopy:
    """A page's slide element before its number, notes and direction, and its links."""

    page: Page  # kept alive, so that its id is never given to another page
    xml: bytes  # serialized: a thousand slides as trees would hold far more memory
    links: tuple[_Link, ...]

    def element(self) -> CT_Slide:
        """A new copy of the slide's element."""
        return _parsed(self.xml)


_T = f"{{{A}}}t"


def _parsed(xml: bytes) -> CT_Slide:
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

    def keep(self, page: Page, part: SlidePart) -> None:
        """Remember the slide of ``page`` as it stands (its layout relationship excepted);
        a slide with relationships of another kind is not kept."""
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
        xml = etree.tostring(part._element)
        if etree.tostring(_parsed(xml)) != xml:  # a copy that would not read back the same
            return
        self._slides[id(page)] = SlideCopy(page, xml, tuple(order))

    def get(self, page: Page) -> SlideCopy | None:
        """The kept slide of this very page, if any."""
        found = self._slides.get(id(page))
        return found if found is not None and found.page is page else None


def relink(part: SlidePart, kept: SlideCopy) -> None:
    """Give a copied slide's part the relationships its content refers to, under the same
    rIds (they are replayed in order after the layout's, as they were first made)."""
    for link in kept.links:
        if isinstance(link.target, bytes):
            _, r_id = part.get_or_add_image_part(io.BytesIO(link.target))
        else:
            r_id = part.relate_to(link.target, link.reltype, is_external=True)
        if r_id != link.r_id:  # pragma: no cover - the replay gives the same ids
            raise AssertionError(f"relationship {link.r_id} replayed as {r_id}")
