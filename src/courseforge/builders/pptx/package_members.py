"""A deck's zip members, byte for byte what ``Presentation.save`` writes, without zipping them.

The deck is zipped once, deterministically, by :func:`courseforge.packaging.write_zip`.
python-pptx builds each part's relationships file as a tree of its custom elements (slow
for thousands of slides and notes); :func:`rels_xml` writes the same bytes with plain lxml.
"""

from __future__ import annotations

import functools

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.package import _Relationships
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.presentation import Presentation as PresentationObject

PR = "http://schemas.openxmlformats.org/package/2006/relationships"


class _Members:
    """Collects what python-pptx's package writer would put in the zip, as (name, bytes)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.items.append((uri.membername, blob))


def package_members(prs: PresentationObject) -> list[tuple[str, bytes]]:
    """The deck's zip members exactly as ``Presentation.save`` writes them."""
    package = prs.part.package
    parts = tuple(package.iter_parts())
    members = _Members()
    # PackageWriter._write's steps, with each part's relationships serialised by rels_xml
    PackageWriter("", package._rels, parts)._write_content_types_stream(
        members)  # type: ignore[arg-type]
    members.write(PackURI("/_rels/.rels"), rels_xml(package._rels))
    for part in parts:
        members.write(part.partname, part.blob)
        if part._rels:
            members.write(part.partname.rels_uri, rels_xml(part._rels))
    return members.items


def rels_xml(rels: _Relationships) -> bytes:
    """A .rels file as python-pptx's ``_Relationships.xml`` serialises it: rIds in numeric order."""
    root = etree.Element(f"{{{PR}}}Relationships", nsmap={None: PR})
    order = sorted((int(r_id[3:]) if r_id.startswith("rId") and r_id[3:].isdigit() else 0, r_id)
                   for r_id in rels)
    for _, r_id in order:
        rel = rels[r_id]
        target = rel.target_ref if rel.is_external else _relative(
            rel.target_partname, rel._base_uri)
        element = etree.SubElement(root, f"{{{PR}}}Relationship", Id=r_id, Type=rel.reltype,
                                   Target=target)
        if rel.is_external:
            element.set("TargetMode", RTM.EXTERNAL)
    return etree.tostring(root, encoding="UTF-8", standalone=True)


@functools.lru_cache(maxsize=1 << 12)  # every slide refers to the same few layouts and images
def _relative(partname: PackURI, base: str) -> str:
    """A part's name relative to a part's folder, as python-pptx writes ``Target``."""
    return partname.relative_ref(base)
