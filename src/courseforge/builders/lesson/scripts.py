"""The lesson's scripts: each joined from the theme's parts in a fixed order.

The runtime and the quiz runtime are split by concern into small files (``lesson/runtime/``,
``lesson/quiz/``) that share one namespace object; the learner's browser loads one file per
script, so a lesson makes as few requests as before. A course overrides a single part by
placing a file of the same name in its ``templates/lesson/runtime/`` (or ``quiz/``) folder.
"""

from __future__ import annotations

from pathlib import Path

from ...model import Course
from ...templating import find_theme_file

# script file -> its parts, in the order they run; a later part may use what an earlier set
SCRIPT_PARTS: dict[str, tuple[str, ...]] = {
    "runtime.js": ("labels.js", *(f"runtime/{name}" for name in (
        "core.js", "saved-state.js", "local-store.js", "lms-time.js", "scorm-api.js",
        "scorm-store.js", "scorm-elements.js", "cmi5-launch.js", "cmi5-statements.js",
        "cmi5-store.js", "cmi5-exit.js", "tracker.js", "figures.js", "overview.js",
        "navigation.js"))),
    "grading.js": ("grading.js",),  # also run by Node in the tests: one file, as it is
    "quiz.js": tuple(f"quiz/{name}" for name in (
        "setup.js", "state-codes.js", "dom.js", "controller.js", "arrangement.js", "confirm.js",
        "recording.js", "feedback.js", "check.js", "result.js", "result-next.js", "start.js")),
}

# the stylesheet, joined the same way
STYLE_PARTS: dict[str, tuple[str, ...]] = {
    "lesson.css": ("lesson.css", "quiz.css", "overview.css", "result.css")}


def part_paths(course: Course, script: str, templates: Path | None = None) -> list[Path]:
    """The files ``script`` (or the stylesheet) is joined from, each found along the theme
    search path."""
    return [find_theme_file(course, f"lesson/{part}", templates) for part in
            {**SCRIPT_PARTS, **STYLE_PARTS}[script]]


def joined_script(course: Course, script: str, templates: Path | None = None) -> bytes:
    """One script of the lesson: its parts, each ending with a newline, in their order."""
    chunks = []
    for path in part_paths(course, script, templates):
        text = path.read_bytes()
        chunks.append(text if text.endswith(b"\n") else text + b"\n")
    return b"".join(chunks)
