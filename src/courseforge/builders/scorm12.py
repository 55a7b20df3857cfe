"""SCORM 1.2 packages: the lessons as one SCO, tracked through ``window.API``."""

from __future__ import annotations

from .scorm_common import ScormBuilder


class Scorm12Builder(ScormBuilder):
    """Writes ``scorm12/<course>.zip`` (and one zip per module with --package per-module)."""

    name = "scorm12"
    folder = "scorm12"
    description = "SCORM 1.2 packages"
    standard = "scorm12"
    manifest_template = "scorm/imsmanifest-1.2.xml.j2"
