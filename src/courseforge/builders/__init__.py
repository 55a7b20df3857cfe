"""The output formats. Builders are imported only when used, to keep the CLI quick to start."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the base class is loaded with a builder, not by ``check``'s table check
    from .base import Builder

# format name -> "module:class"; order is the build order of --format all
REGISTRY: dict[str, str] = {
    "json": "courseforge.builders.json_export:JsonBuilder",
    "pptx": "courseforge.builders.pptx.decks:PptxBuilder",
    "guide": "courseforge.builders.guide:GuideBuilder",
    "web": "courseforge.builders.web:WebBuilder",
    "scorm12": "courseforge.builders.scorm12:Scorm12Builder",
    "scorm2004": "courseforge.builders.scorm2004:Scorm2004Builder",
    "cmi5": "courseforge.builders.cmi5:Cmi5Builder",
    "gift": "courseforge.builders.banks.gift:GiftBuilder",
    "moodle-xml": "courseforge.builders.banks.moodle_xml:MoodleXmlBuilder",
    "qti21": "courseforge.builders.banks.qti21:Qti21Builder",
    "qti12": "courseforge.builders.banks.qti12:Qti12Builder",
}


def builder_class(name: str) -> type[Builder]:
    """The builder class for a format name."""
    module_name, class_name = REGISTRY[name].split(":")
    cls: type[Builder] = getattr(importlib.import_module(module_name), class_name)
    return cls
