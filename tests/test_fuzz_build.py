"""Fuzzing the builders: any lesson that checks clean builds into every format, or fails cleanly.

Lessons are put together from fragments authors write (and paste): headings, nested lists,
tables of any shape, emphasis, links, raw HTML, template syntax, notes blocks, slide breaks,
very long words, paragraphs and items, right-to-left text and emoji.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.errors import CourseforgeError, Severity
from courseforge.loading import diagnose

MINIMAL = Path(__file__).resolve().parent / "roots" / "minimal"
LESSON = "modules/welcome/lesson.md"
FRONT_MATTER = """---
title: Welcome
minutes: 5
objectives:
  - id: name-roles
    text: Name the two roles of the team.
---

# Start

"""
FRAGMENTS = [
    "# Heading", "## Subheading", "- item", "  - nested item", "    - deeper item",
    "      - deepest item", "1. first", "2) second", "| a | b |", "| --- | --- |", "| c | d |",
    "| lone |", "a | b", "|", "**bold**", "*italic*", "`code`", "__strong__", "_em_", "\\*",
    "[link](https://example.org)", "[bad](javascript:alert(1))", "<b>raw</b>",
    "<script>alert(1)</script>", "{{ 7 * 7 }}", "{% if x %}", "&amp; &lt;", "> a quote",
    "```", "    indented code", "::: notes", ":::", "", "---\n\n# Another slide", "***",
    "Pneumonoultramicroscopicsilicovolcanoconiosis" * 4, "word " * 70, "- " + "long item " * 60,
    "1. " + "x" * 250, "A sentence. " * 90, "שלום עולם, مرحبا بالعالم", "😀 🎉 ✔", "\u200b",
    "\ttab", "x\r\ny",
]
SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40))
def test_any_valid_lesson_builds_every_format(fragments: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        shutil.copytree(MINIMAL, root)
        (root / LESSON).write_text(FRONT_MATTER + "\n".join(fragments) + "\n", encoding="utf-8")
        _, diagnostics = diagnose(root)
        out = Path(tmp) / "out"
        if any(d.severity is Severity.ERROR for d in diagnostics):
            try:
                build(root, out, ["all"], BuildOptions(), lambda message: None)
            except CourseforgeError:
                assert not out.exists()  # refused before anything was written
                return
            raise AssertionError("a course with errors was built")
        build(root, out, ["all"], BuildOptions(), lambda message: None)
        deck = Presentation(str(out / "slides" / "welcome.pptx"))
        assert all(slide.has_notes_slide for slide in deck.slides)
        for standard in ("scorm12", "scorm2004"):
            with zipfile.ZipFile(out / standard / "team-roles.zip") as package:
                assert package.testzip() is None
                assert "imsmanifest.xml" in package.namelist()
        assert (out / "web" / "index.html").stat().st_size > 0
