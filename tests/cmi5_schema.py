"""Validating cmi5.xml against the cmi5 course structure schema, offline, with lxml.

The schema is read from ``$COURSEFORGE_CMI5_XSD`` (default ``<repo>/../shared/cmi5-xsd``)
and never copied into the project.
"""

from __future__ import annotations

import functools
from pathlib import Path

from schemas import schema_errors, schema_folder

CMI5_NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"


def cmi5_folder() -> Path:
    """The folder holding CourseStructure.xsd and the specification; required in CI."""
    return schema_folder("COURSEFORGE_CMI5_XSD", "cmi5-xsd", "CourseStructure.xsd",
                         what="the cmi5 schema")


@functools.cache
def _schema(folder: Path):  # type: ignore[no-untyped-def]
    from lxml import etree

    parser = etree.XMLParser(no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(folder / "CourseStructure.xsd"), parser))


def course_structure_errors(document: bytes) -> list[str]:
    """Schema errors of a cmi5.xml; empty when valid."""
    return schema_errors(_schema(cmi5_folder()), document)
