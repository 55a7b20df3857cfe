"""Validating XLIFF files against the OASIS XLIFF 1.2 strict schema, offline, with lxml.

The schema is read from ``$COURSEFORGE_XLIFF_XSD`` (default ``<repo>/../shared/xliff-xsd``)
and never copied into the project; its import of xml.xsd is mapped to the local copy.
"""

from __future__ import annotations

import functools
from pathlib import Path

from schemas import offline_parser, schema_errors, schema_folder

XML_XSD_URL = "http://www.w3.org/2001/xml.xsd"
SCHEMA = "xliff-core-1.2-strict.xsd"


def xliff_folder() -> Path:
    """The folder holding the XLIFF 1.2 schema; the test skips (fails in CI) without it."""
    return schema_folder("COURSEFORGE_XLIFF_XSD", "xliff-xsd", SCHEMA, "xml.xsd",
                         what="the XLIFF 1.2 schema")


@functools.cache
def _schema(folder: Path):  # type: ignore[no-untyped-def]
    from lxml import etree

    parser = offline_parser(lambda url: folder / "xml.xsd" if url == XML_XSD_URL else None)
    return etree.XMLSchema(etree.parse(str(folder / SCHEMA), parser))


def assert_valid_xliff(data: bytes) -> None:
    """Fail with the schema's messages unless ``data`` is valid XLIFF 1.2."""
    errors = schema_errors(_schema(xliff_folder()), data)
    assert not errors, "\n".join(errors)
