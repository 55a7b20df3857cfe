"""The validated course as one JSON document (schema: docs/course-json.md)."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from ..model import Course
from ..packaging import write_bytes
from .base import Builder, Progress

SCHEMA = "courseforge/course@1"
_SKIPPED = {"root", "source"}


def to_data(value: Any) -> Any:
    """Model objects as plain JSON data: dataclasses to objects, tuples to lists."""
    if is_dataclass(value) and not isinstance(value, type):
        data = {f.name: to_data(getattr(value, f.name)) for f in fields(value)
                if f.name not in _SKIPPED}
        for pairs in ("weights", "answers"):  # outcome -> weight; question -> choice
            if pairs in data:
                data[pairs] = {k: v for k, v in data[pairs]}
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [to_data(v) for v in value]
    return value


def course_json(course: Course) -> bytes:
    """The course document, UTF-8, keys in model order, stable across builds."""
    document = {"schema": SCHEMA, **to_data(course)}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class JsonBuilder(Builder):
    """Writes ``course.json``."""

    name = "json"
    folder = "course.json"
    description = "the validated course as JSON"

    def build(self, staging: Path, progress: Progress) -> None:
        """Write the JSON document."""
        progress("course.json")
        write_bytes(staging / self.folder, course_json(self.course))
