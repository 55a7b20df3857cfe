"""The accent colour: set in course.yml (``accent_colour``) or derived from the brand colour,
readable on the light and the dark page, and a bad value reported with its line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOTS
from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson.brand_colours import DARK_PAPER, WHITE, contrast, palette
from courseforge.builders.lesson.files import lesson_members
from courseforge.loading import load_checked, load_course


def _course(tmp_path: Path, line: str) -> Path:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    text = (course / "course.yml").read_text()
    (course / "course.yml").write_text(text + line + "\n")
    return course


def _theme(course: Path) -> str:
    return dict(lesson_members(load_checked(course).course, BuildOptions(), "web"))[
        "index.html"].decode()


def test_a_set_accent_is_used_readably_on_both_schemes(tmp_path) -> None:
    theme = _theme(_course(tmp_path, 'accent_colour: "#F1C40F"'))  # a light yellow
    light, dark = re.findall(r"--accent: (#[0-9A-F]{6})", theme)
    assert light != dark
    assert contrast(light, WHITE) >= 4.5 and contrast(dark, DARK_PAPER) >= 4.5
    assert light == palette("#000000", "#F1C40F").accent  # the yellow, darkened just enough


def test_without_one_the_accent_is_derived_from_the_brand(tmp_path) -> None:
    course = load_checked(ROOTS / "minimal").course
    theme = _theme(ROOTS / "minimal")
    assert course.accent_colour == ""
    assert f"--accent: {palette(course.brand_colour).brand_text};" in theme


def test_a_bad_accent_is_reported_with_its_line(tmp_path) -> None:
    course = _course(tmp_path, "accent_colour: yellow")
    line = (course / "course.yml").read_text().splitlines().index("accent_colour: yellow") + 1
    _, diagnostics = load_course(course)
    assert [(d.path, d.line, d.code) for d in diagnostics if d.severity == "error"] == \
        [("course.yml", line, "course.colour")]
