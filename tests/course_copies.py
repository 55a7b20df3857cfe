"""Test courses copied into a temporary folder and edited into the case a test needs."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOTS


def course_with_a_figure(tmp_path: Path) -> Path:
    """The broken-image-in-table course with its chart moved out of the table: a figure."""
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "broken-image-in-table", course)
    lesson = course / "modules" / "welcome" / "lesson.md"
    lesson.write_text("\n".join(line for line in lesson.read_text("utf-8").splitlines()
                                if "chart.png" not in line)
                      + "\n\n![A chart](images/chart.png)\n", "utf-8")
    return course
