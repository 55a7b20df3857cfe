"""XLIFF 1.2 files through translate-toolkit: one <file> per course file, one unit per text.

translate-toolkit writes XLIFF 1.1 by default; these classes give it the 1.2 namespace
and version, which the OASIS 1.2 schema validates.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from translate.storage import xliff

from ..errors import CourseforgeError
from .inline import from_element, native_codes, to_rich

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
NEEDS_TRANSLATION = "needs-translation"
PREVIOUS = "previous-translation"  # the origin of the alt-trans holding an outdated translation


class Unit12(xliff.xliffunit):
    """A trans-unit in the XLIFF 1.2 namespace."""

    namespace = NAMESPACE


class Xliff12(xliff.xlifffile):
    """An XLIFF 1.2 document."""

    UnitClass = Unit12
    namespace = NAMESPACE
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version='1.2' xmlns='{NAMESPACE}'>
<file original='NoName' source-language='en' datatype='plaintext'>
<body>
</body>
</file>
</xliff>"""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadUnit:
    """A unit as read back: its source and target as Markdown, its state."""

    file: str
    key: str
    source: str
    target: str  # "" when untranslated
    state: str
    code_problems: tuple[str, ...]


def new_store(source_language: str, target_language: str) -> Xliff12:
    """An empty XLIFF document for one language pair."""
    return Xliff12(sourcelanguage=source_language, targetlanguage=target_language)


def add_unit(store: Xliff12, file: str, key: str, source: str, note: str) -> Unit12:
    """A unit with its source (inline markup as codes) and a note for the translator."""
    unit = store.addsourceunit("", filename=file, createifmissing=True)
    unit.setid(key)
    unit.rich_source = to_rich(source)
    unit.addnote(note, origin="developer")
    return unit


def set_target(unit: Unit12, target: str, state: str) -> None:
    """The unit's translation (Markdown, inline markup as codes) and its XLIFF state."""
    unit.rich_target = to_rich(target)
    element = unit.xmlelement.find(f"{{{NAMESPACE}}}target")
    if element is not None:
        element.set("state", state)
    unit.xmlelement.set("approved", "no")


def mark_changed(unit: Unit12, previous: str) -> None:
    """An empty target to translate again; the outdated translation kept as a suggestion."""
    unit.addalttrans(previous, origin=PREVIOUS)
    target = etree.SubElement(unit.xmlelement, f"{{{NAMESPACE}}}target", state=NEEDS_TRANSLATION)
    unit.xmlelement.insert(1, target)
    unit.addnote("The source text changed: translate it again (the previous translation is "
                 "kept as a suggestion).", origin="courseforge")


def set_skeleton(store: Xliff12, file: str, href: str) -> None:
    """Name the course file a <file> translates (its skeleton), relative to the XLIFF file."""
    node = store.getfilenode(file)
    header = node.find(f"{{{NAMESPACE}}}header")
    if header is None:
        header = etree.Element(f"{{{NAMESPACE}}}header")
        node.insert(0, header)
    skl = etree.SubElement(header, f"{{{NAMESPACE}}}skl")
    etree.SubElement(skl, f"{{{NAMESPACE}}}external-file", href=href)


def read_store(path: Path) -> Xliff12:
    """An XLIFF file, or a clear error."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CourseforgeError(f"cannot read '{path}': {exc.strerror or exc}") from None
    try:
        store = Xliff12.parsestring(data)
    except Exception as exc:  # translate-toolkit raises lxml and value errors alike
        raise CourseforgeError(f"{path}: not an XLIFF file: {exc}") from None
    root = store.document.getroot()
    if root.get("version") != "1.2" and root.nsmap.get(None) != NAMESPACE:
        raise CourseforgeError(f"{path}: XLIFF {root.get('version')} is not supported; "
                               "courseforge reads XLIFF 1.2")
    return store


def skeletons(store: Xliff12) -> dict[str, str]:
    """The href of each <file>'s skeleton, by its original name."""
    found = {}
    for node in store.document.getroot().iterchildren(f"{{{NAMESPACE}}}file"):
        ref = node.find(f"{{{NAMESPACE}}}header/{{{NAMESPACE}}}skl/{{{NAMESPACE}}}external-file")
        if ref is not None and ref.get("href"):
            found[node.get("original", "")] = ref.get("href", "")
    return found


def languages(store: Xliff12) -> tuple[str, str]:
    """(source language, target language) of the first <file>."""
    node = next(store.document.getroot().iterchildren(f"{{{NAMESPACE}}}file"), None)
    if node is None:
        raise CourseforgeError("the XLIFF file has no <file> element")
    return node.get("source-language", ""), node.get("target-language", "")


def read_units(store: Xliff12) -> Iterator[ReadUnit]:
    """Every unit, sources and targets as Markdown."""
    for node in store.document.getroot().iterchildren(f"{{{NAMESPACE}}}file"):
        file = node.get("original", "")
        for element in node.iter(f"{{{NAMESPACE}}}trans-unit"):
            source = element.find(f"{{{NAMESPACE}}}source")
            target = element.find(f"{{{NAMESPACE}}}target")
            if source is None:
                continue
            codes = native_codes(source)
            source_text, _ = from_element(source, codes)
            target_text, problems = ("", []) if target is None else from_element(target, codes)
            yield ReadUnit(file=file, key=element.get("id", ""), source=source_text,
                           target=target_text.strip(),
                           state="" if target is None else target.get("state", ""),
                           code_problems=tuple(problems) if target_text.strip() else ())


def alt_translation(store: Xliff12, file: str, key: str) -> str:
    """The outdated translation a changed unit keeps as a suggestion, or ""."""
    for node in store.document.getroot().iterchildren(f"{{{NAMESPACE}}}file"):
        if node.get("original") != file:
            continue
        for element in node.iter(f"{{{NAMESPACE}}}trans-unit"):
            if element.get("id") != key:
                continue
            for alt in element.iter(f"{{{NAMESPACE}}}alt-trans"):
                if alt.get("origin") == PREVIOUS:
                    target = alt.find(f"{{{NAMESPACE}}}target")
                    source = element.find(f"{{{NAMESPACE}}}source")
                    if target is not None and source is not None:
                        return from_element(target, native_codes(source))[0]
    return ""
