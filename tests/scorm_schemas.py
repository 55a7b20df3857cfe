"""Validating imsmanifest.xml against the official SCORM schemas, offline, with lxml.

The schemas are read from ``$COURSEFORGE_SCORM_XSD`` (default ``<repo>/../shared/scorm-xsd``)
and never copied into the project. libxml2 rejects two SCORM 1.2 files as shipped; they are
patched in memory only (see the schemas' README).
"""

from __future__ import annotations

import functools
from pathlib import Path

from schemas import offline_parser, schema_errors, schema_folder

XML_XSD_URL = "http://www.w3.org/2001/xml.xsd"
ROOTS = {
    "1.2": ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd"],
    "2004": ["imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd",
             "imsss_v1p0.xsd", "lom.xsd"],
}
FOLDERS = {"1.2": "scorm12", "2004": "scorm2004"}
# (file name, text as shipped, text libxml2 accepts)
PATCHES = [
    ("ims_xml.xsd", b'xmlns="http://www.w3.org/XML/1998/namespace"', b""),
    ("imsmd_rootv1p2p1.xsd", b'<xsd:any namespace="##any"', b'<xsd:any namespace="##other"'),
]


def scorm_folder() -> Path:
    """The folder holding scorm12/ and scorm2004/; the test skips (fails in CI) without it."""
    return schema_folder("COURSEFORGE_SCORM_XSD", "scorm-xsd", "scorm12", "scorm2004",
                         what="the SCORM schemas")


def _locate(folder: Path, url: str) -> Path | tuple[Path, bytes] | None:
    """The local copy of an imported schema: xml.xsd, or a SCORM 1.2 file patched in memory."""
    if url == XML_XSD_URL:
        return folder / "scorm2004" / "xml.xsd"
    for name, old, new in PATCHES:
        if url.endswith("/scorm12/" + name):
            path = folder / "scorm12" / name
            return path, path.read_bytes().replace(old, new)
    return None


@functools.cache
def _schema(version: str, folder: Path):  # type: ignore[no-untyped-def]
    from lxml import etree

    base = folder / FOLDERS[version]
    imports = []
    for name in ROOTS[version]:
        target = etree.parse(str(base / name)).getroot().get("targetNamespace")
        location = (base / name).as_uri()
        imports.append(f'<xs:import namespace="{target}" schemaLocation="{location}"/>')
    driver = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
              + "".join(imports) + "</xs:schema>")
    parser = offline_parser(functools.partial(_locate, folder))
    return etree.XMLSchema(etree.fromstring(driver.encode(), parser, base_url=base.as_uri() + "/"))


def manifest_errors(manifest: bytes, version: str) -> list[str]:
    """Schema errors of a manifest ("1.2" or "2004"); empty when valid."""
    return schema_errors(_schema(version, scorm_folder()), manifest)
