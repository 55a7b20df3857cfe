"""Validating QTI 2.1 items and tests against the official schema, offline, with lxml.

The schemas are read from ``$COURSEFORGE_QTI_XSD`` (default ``<repo>/../shared/qti-xsd``), a
folder laid out by host name: every ``schemaLocation`` URL maps to the file at that path.
"""

from __future__ import annotations

import functools
from pathlib import Path

from schemas import offline_parser, schema_errors, schema_folder

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
MAIN_SCHEMA = "www.imsglobal.org/xsd/imsqti_v2p1.xsd"


def qti_folder() -> Path:
    """The QTI schema folder; the test skips (fails in CI) without it."""
    return schema_folder("COURSEFORGE_QTI_XSD", "qti-xsd", MAIN_SCHEMA, what="the QTI 2.1 schemas")


def _locate(folder: Path, url: str) -> Path | None:
    """http(s)://host/path as folder/host/path; anything else is not fetched."""
    for scheme in ("http://", "https://"):
        if url.startswith(scheme) and (folder / url[len(scheme):]).is_file():
            return folder / url[len(scheme):]
    return None


@functools.cache
def _schema(folder: Path):  # type: ignore[no-untyped-def]
    from lxml import etree

    parser = offline_parser(functools.partial(_locate, folder))
    return etree.XMLSchema(etree.parse(str(folder / MAIN_SCHEMA), parser))


def qti_errors(document: bytes) -> list[str]:
    """Schema errors of a QTI 2.1 item or test; empty when valid."""
    return schema_errors(_schema(qti_folder()), document)
