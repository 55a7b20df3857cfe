"""SCORM 2004 4th edition packages: the lessons as one SCO, tracked through ``API_1484_11``."""

from __future__ import annotations

from .scorm_common import ScormBuilder


class Scorm2004Builder(ScormBuilder):
    """Writes ``scorm2004/<course>.zip`` (and one zip per module with --package per-module)."""

    name = "scorm2004"
    folder = "scorm2004"
    description = "SCORM 2004 4th edition packages"
    standard = "scorm2004"
    manifest_template = "scorm/imsmanifest-2004.xml.j2"
