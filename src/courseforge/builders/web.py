"""The lessons as a standalone site that works from disk or any static host."""

from __future__ import annotations

from pathlib import Path

from ..packaging import write_bytes
from .base import Builder, Progress
from .lesson.files import lesson_members


class WebBuilder(Builder):
    """Writes ``web/``: the whole course, progress kept in the browser's localStorage."""

    name = "web"
    folder = "web"
    description = "HTML lessons for any static host or file://"

    def build(self, staging: Path, progress: Progress) -> None:
        """Write the lesson files."""
        progress("web/index.html")
        for name, data in lesson_members(self.course, self.options, "web"):
            write_bytes(staging / self.folder / name, data)
