"""The reference deck as bytes: a trainer's .pptx, .potx or .ppsx checked and relabelled as a
deck, and fresh copies of it to write into."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.presentation import Presentation as PresentationObject

from ...errors import CourseforgeError
from .layouts import (
    number_placeholders,
)

# the reference deck as read, untouched, by its bytes: each deck starts from a copy
_OPENED: dict[bytes, tuple[PresentationObject, tuple[Part, ...]]] = {}


def open_deck(template: bytes) -> PresentationObject:
    """A fresh copy of the reference deck with its own slides removed.

    The deck's package is read once per process. Each deck gets its own copy of the parts
    a deck changes (the presentation, its properties, the package's relationships); the
    rest (masters, layouts, theme, media) are only read while writing, so every deck
    shares the ones read.
    """
    found = _OPENED.get(template)
    if found is None:
        _OPENED.clear()  # one reference deck in a build: keep no other
        opened = Presentation(io.BytesIO(template))
        found = _OPENED[template] = (opened, _read_only_parts(opened))
    opened, shared = found
    prs = copy.deepcopy(opened, {id(part): part for part in shared})
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)
    return prs


def _read_only_parts(prs: PresentationObject) -> tuple[Part, ...]:
    """The deck's parts that writing a deck leaves as they are: all but the presentation,
    its core and extended properties (see ``deck_properties``)."""
    package = prs.part.package
    written: set[Part] = {prs.part}
    written.update(rel.target_part for rel in package._rels.values()
                   if rel.reltype in (RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES))
    return tuple(part for part in package.iter_parts() if part not in written)


# the main part's content type of a PowerPoint template (.potx) or show (.ppsx), and of a deck
_OTHER_MAIN_TYPES = (b"presentationml.template.main+xml", b"presentationml.slideshow.main+xml")
_DECK_MAIN_TYPE = b"presentationml.presentation.main+xml"


def load_template(path: Path) -> bytes:
    """A trainer's .pptx (or .potx, .ppsx), checked to open, as deck bytes; CourseforgeError
    when it is not one."""
    try:
        prs = Presentation(io.BytesIO(_as_deck(path.read_bytes())))
        number_placeholders(prs)
        buffer = io.BytesIO()
        prs.save(buffer)
        data = buffer.getvalue()
    except OSError as exc:
        raise CourseforgeError(
            f"cannot read the slide template '{path}': {exc.strerror or exc}") from None
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        raise CourseforgeError(f"the slide template '{path}' is not a PowerPoint deck or "
                               "template (.pptx, .potx)") from None
    return data


def _as_deck(data: bytes) -> bytes:
    """A template's or show's package relabelled as a deck (the parts are the same)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if not any(kind in types for kind in _OTHER_MAIN_TYPES):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                blob = source.read(info)
                if info.filename == "[Content_Types].xml":
                    for kind in _OTHER_MAIN_TYPES:
                        blob = blob.replace(kind, _DECK_MAIN_TYPE)
                target.writestr(info, blob)
        return out.getvalue()
