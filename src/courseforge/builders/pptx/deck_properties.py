"""A deck's document properties: core properties from the course at fixed times, and the
extended properties file browsers read."""

from __future__ import annotations

import datetime as dt

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation as PresentationObject

from ...model import Course

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)


_APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>courseforge</Application>'
            "<PresentationFormat>{format}</PresentationFormat><Slides>{slides}</Slides>"
            "<Notes>{slides}</Notes></Properties>")


def app_properties(prs: PresentationObject) -> None:
    """What file browsers read: the slide count and format (python-pptx leaves its blank
    template's), and no thumbnail (its template's picture of nothing)."""
    package = prs.part.package
    for r_id, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package._rels.pop(r_id)
    ratio = prs.slide_width / prs.slide_height if prs.slide_height else 0
    shape = next((name for name, r in (("16:9", 16 / 9), ("16:10", 1.6), ("4:3", 4 / 3))
                  if abs(ratio - r) < 0.01), None)
    try:
        app = package.part_related_by(RT.EXTENDED_PROPERTIES)
    except KeyError:  # a template saved without them (the part is optional): the deck has its own
        app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, package, b"")
        package.relate_to(app, RT.EXTENDED_PROPERTIES)
    app._blob = _APP_XML.format(  # type: ignore[attr-defined]
        format=f"On-screen Show ({shape})" if shape else "Custom",
        slides=len(prs.slides)).encode()


def clip(text: str, limit: int = 255) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def set_properties(prs: PresentationObject, course: Course, *, title: str, subject: str) -> None:
    """Core properties from the course at fixed times, then the extended ones."""
    props = prs.core_properties
    # core properties are limited to 255 characters
    props.title = clip(title)
    props.subject = clip(subject)
    props.author = course.author
    props.last_modified_by = course.author
    props.language = course.language
    props.keywords = course.id
    props.category = "Course slides"
    props.comments = ""
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    app_properties(prs)
