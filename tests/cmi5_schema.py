"""Validating cmi5.xml against the cmi5 course structure schema, offline, with lxml.

The schema is read from ``$COURSEFORGE_CMI5_XSD`` (default ``<repo>/../shared/cmi5-xsd``)
and never copied into the project.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from conftest import ROOT, require

CMI5_NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"


def cmi5_folder() -> Path:
    """The folder holding CourseStructure.xsd and the specification; required in CI."""
    folder = Path(os.environ.get("COURSEFORGE_CMI5_XSD", ROOT.parent / "shared" / "cmi5-xsd"))
    require((folder / "CourseStructure.xsd").is_file(), f"the cmi5 schema in {folder}")
    return folder


@functools.cache
def _schema(folder: Path):  # type: ignore[no-untyped-def]
    from lxml import etree

    parser = etree.XMLParser(no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(folder / "CourseStructure.xsd"), parser))


def course_structure_errors(document: bytes) -> list[str]:
    """Schema errors of a cmi5.xml; empty when valid."""
    from lxml import etree

    schema = _schema(cmi5_folder())
    tree = etree.fromstring(document, etree.XMLParser(no_network=True))
    if schema.validate(tree):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]
