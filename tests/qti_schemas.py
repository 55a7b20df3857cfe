"""Validating QTI 2.1 items and tests against the official schema, offline, with lxml.

The schemas are read from ``$COURSEFORGE_QTI_XSD`` (default ``<repo>/../shared/qti-xsd``), a
folder laid out by host name: every ``schemaLocation`` URL maps to the file at that path.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from conftest import ROOT, require

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"


def qti_folder() -> Path:
    """The QTI schema folder; the test skips (fails in CI) without it."""
    folder = Path(os.environ.get("COURSEFORGE_QTI_XSD", ROOT.parent / "shared" / "qti-xsd"))
    require((folder / "www.imsglobal.org" / "xsd" / "imsqti_v2p1.xsd").is_file(),
            f"the QTI 2.1 schemas in {folder}")
    return folder


def _resolver_class():  # type: ignore[no-untyped-def]
    from lxml import etree

    class Resolver(etree.Resolver):
        """Maps http(s)://host/path to folder/host/path; anything else is not fetched."""

        def __init__(self, folder: Path) -> None:
            super().__init__()
            self.folder = folder

        def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
            for scheme in ("http://", "https://"):
                if url.startswith(scheme):
                    path = self.folder / url[len(scheme):]
                    if path.is_file():
                        return self.resolve_filename(str(path), context)
            return None

    return Resolver


@functools.cache
def _schema(folder: Path):  # type: ignore[no-untyped-def]
    from lxml import etree

    parser = etree.XMLParser(no_network=True, load_dtd=False)
    parser.resolvers.add(_resolver_class()(folder))
    path = folder / "www.imsglobal.org" / "xsd" / "imsqti_v2p1.xsd"
    return etree.XMLSchema(etree.parse(str(path), parser))


def qti_errors(document: bytes) -> list[str]:
    """Schema errors of a QTI 2.1 item or test; empty when valid."""
    from lxml import etree

    schema = _schema(qti_folder())
    root = etree.fromstring(document, etree.XMLParser(no_network=True))
    if schema.validate(root):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]
