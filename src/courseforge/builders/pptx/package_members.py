"""A deck's zip members, byte for byte what ``Presentation.save`` writes, without zipping them.

The deck is zipped once, deterministically, by :func:`courseforge.packaging.write_zip`.
python-pptx builds each part's relationships file and the content types as trees of its
custom elements (slow for thousands of slides and notes); :func:`rels_xml` and
:func:`content_types_xml` write the same bytes as text.
"""

from __future__ import annotations

import functools
from typing import cast

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.package import Part, _Relationships
from pptx.opc.spec import default_content_types
from pptx.presentation import Presentation as PresentationObject

PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_HEAD = b'<?xml version=\'1.0\' encoding=\'UTF-8\' standalone=\'yes\'?>\n'
_DEFAULT_TYPES = frozenset(default_content_types)


def package_members(prs: PresentationObject) -> list[tuple[str, bytes]]:
    """The deck's zip members exactly as ``Presentation.save`` writes them."""
    package = prs.part.package
    parts = _parts(package._rels)
    # PackageWriter._write's steps, with the content types and relationships as text
    members = [("[Content_Types].xml", content_types_xml(parts)),
               ("_rels/.rels", rels_xml(package._rels))]
    for part in parts:
        partname = part.partname
        members.append((partname[1:], part.blob))  # PackURI.membername
        if part._rels:
            members.append((rels_member(partname), rels_xml(part._rels)))
    return members


def rels_member(partname: str) -> str:
    """The member name of a part's relationships, as ``PackURI.rels_uri.membername``."""
    folder, _, filename = partname.rpartition("/")
    return f"{folder}/_rels/{filename}.rels"[1:]


def _parts(package_rels: _Relationships) -> tuple[Part, ...]:
    """Every part reachable from the package's relationships, once, in the order of
    python-pptx's ``iter_parts`` (depth first), read from its relationships directly."""
    found: dict[Part, None] = {}

    def walk(rels: _Relationships) -> None:
        for rel in rels._rels.values():
            if rel._target_mode == RTM.EXTERNAL:
                continue
            part = cast(Part, rel._target)  # internal: a part
            if part not in found:
                found[part] = None
                walk(part._rels)

    walk(package_rels)
    return tuple(found)


def content_types_xml(parts: tuple[Part, ...]) -> bytes:
    """``[Content_Types].xml`` as python-pptx writes it: defaults by extension, then overrides
    by part name, each sorted."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        partname, content_type = part.partname, part.content_type
        ext = _extension(partname)
        if (ext.lower(), content_type) in _DEFAULT_TYPES:
            defaults[ext.lower()] = content_type
        else:
            overrides[str(partname)] = content_type
    text = [f'<Types xmlns="{CT_NS}">']
    attr = xml_attribute
    text.extend(f'<Default Extension="{attr(ext)}" ContentType="{attr(kind)}"/>'
                for ext, kind in sorted(defaults.items()))
    text.extend(f'<Override PartName="{attr(name)}" ContentType="{attr(kind)}"/>'
                for name, kind in sorted(overrides.items()))
    text.append("</Types>")
    return _HEAD + "".join(text).encode()


def rels_xml(rels: _Relationships) -> bytes:
    """A .rels file as python-pptx's ``_Relationships.xml`` serialises it: rIds in numeric order."""
    found = rels._rels  # the relationships by rId, read as python-pptx's properties read them
    order = sorted((int(r_id[3:]) if r_id.startswith("rId") and r_id[3:].isdigit() else 0, r_id)
                   for r_id in found)
    if not order:
        return _HEAD + f'<Relationships xmlns="{PR}"/>'.encode()
    text = [f'<Relationships xmlns="{PR}">']
    attr = xml_attribute
    for _, r_id in order:
        rel = found[r_id]
        target = rel._target
        if rel._target_mode == RTM.EXTERNAL:
            text.append(f'<Relationship Id="{attr(r_id)}" Type="{attr(rel._reltype)}" '
                        f'Target="{attr(target)}" TargetMode="{RTM.EXTERNAL}"/>')
        else:
            relative = relative_ref(cast(Part, target).partname, rel._base_uri)
            text.append(f'<Relationship Id="{attr(r_id)}" Type="{attr(rel._reltype)}" '
                        f'Target="{attr(relative)}"/>')
    text.append("</Relationships>")
    return _HEAD + "".join(text).encode()


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                          "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


@functools.lru_cache(maxsize=1 << 12)  # rIds, types and layout targets repeat in every file
def xml_attribute(value: str) -> str:
    """An attribute value escaped as lxml escapes it."""
    return value.translate(_ESCAPES)


def _extension(partname: str) -> str:
    """A part name's extension without its dot, as ``PackURI.ext``."""
    filename = partname.rpartition("/")[2]
    stem, dot, ext = filename.rpartition(".")
    return ext if dot and stem.strip(".") else ""


def relative_ref(partname: str, base: str) -> str:
    """A part's name relative to a part's folder, as python-pptx's ``PackURI.relative_ref``
    writes ``Target`` (``posixpath.relpath`` of two clean absolute names)."""
    if base == "/":
        return partname[1:]
    folder, _, filename = partname.rpartition("/")
    prefix = _folder_ref(folder, base) if filename else None
    return _relative(partname, base) if prefix is None else prefix + filename


@functools.lru_cache(maxsize=1 << 8)  # a deck's parts live in a dozen folders
def _folder_ref(folder: str, base: str) -> str | None:
    """The way from ``base`` to ``folder``, each step ending in a slash ("" for the same
    folder); None when ``base`` lies below ``folder`` (a file name there would count)."""
    start, path = _segments(base), _segments(folder)
    if len(path) < len(start) and start[:len(path)] == path:
        return None
    return "".join(f"{step}/" for step in _way(start, path))


def _relative(partname: str, base: str) -> str:
    return "/".join(_way(_segments(base), _segments(partname))) or "."


def _segments(name: str) -> list[str]:
    return [s for s in name.split("/") if s]


def _way(start: list[str], path: list[str]) -> list[str]:
    """The steps from folder ``start`` to ``path``: up past what they do not share, then down."""
    common = 0
    for a, b in zip(start, path, strict=False):
        if a != b:
            break
        common += 1
    return [".."] * (len(start) - common) + path[common:]
