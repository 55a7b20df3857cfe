"""The lesson's scripts: each joined from the theme's parts in a fixed order.

The runtime and the quiz runtime are split by concern into small files (``lesson/runtime/``,
``lesson/quiz/``) that share one namespace object; the learner's browser loads one file per
script, so a lesson makes as few requests as before. A course overrides a single part by
placing a file of the same name in its ``templates/lesson/runtime/`` (or ``quiz/``) folder.
Each format's runtime holds the LMS adapter of its own standard only (``ADAPTERS``), and
every part ships without its whole comment lines (``comments``).
"""

from __future__ import annotations

import functools
from pathlib import Path

from ...model import Course
from ...templating import find_theme_file
from .comments import without_comment_lines

# the LMS adapters: the runtime parts that talk to one kind of LMS, each registering its
# store in lesson.lmsStores[standard]; a lesson holds only its own standard's adapter, and
# without one (the web site) the tracker keeps the progress in the browser
ADAPTER_PARTS: dict[str, tuple[str, ...]] = {
    "scorm": ("scorm-api.js", "scorm-store.js", "scorm-elements.js"),
    "cmi5": ("cmi5-launch.js", "cmi5-statements.js", "cmi5-store.js", "cmi5-sending.js",
             "cmi5-exit.js"),
}
# the parts every runtime with an LMS adapter holds: a page shown again after its session
# ended tells the learner so, whatever the standard
LMS_PARTS: tuple[str, ...] = ("session-ended.js",)
# tracking standard (what the page's data names) -> the adapters its runtime needs
ADAPTERS: dict[str, tuple[str, ...]] = {
    "web": (), "scorm12": ("scorm",), "scorm2004": ("scorm",), "cmi5": ("cmi5",)}


def runtime_parts(standard: str) -> tuple[str, ...]:
    """The runtime's parts for a standard: shared ones, its adapters, then the tracker on."""
    adapters = tuple(part for adapter in ADAPTERS[standard] for part in ADAPTER_PARTS[adapter])
    if adapters:
        adapters += LMS_PARTS
    return ("labels.js", *(f"runtime/{name}" for name in (
        "core.js", "saved-state.js", "local-store.js", "lms-time.js", *adapters,
        "tracker.js", "figures.js", "overview.js", "navigation.js")))


# script file -> its parts, in the order they run; a later part may use what an earlier set
SCRIPT_PARTS: dict[str, tuple[str, ...]] = {
    "grading.js": ("grading.js",),  # also run by Node in the tests: one file, as it is
    "quiz.js": tuple(f"quiz/{name}" for name in (
        "setup.js", "state-codes.js", "dom.js", "controller.js", "arrangement.js", "confirm.js",
        "recording.js", "feedback.js", "check.js", "result.js", "result-next.js", "start.js")),
}
RUNTIME = "runtime.js"  # its parts depend on the standard: runtime_parts
SCRIPTS = (RUNTIME, *SCRIPT_PARTS)

# the stylesheets, joined the same way: the lesson's, and the one for the page while the
# runtime loads (the runtime removes it when it starts)
STYLESHEET = "lesson.css"
LOADING_STYLESHEET = "loading.css"
STYLE_PARTS: dict[str, tuple[str, ...]] = {
    STYLESHEET: ("lesson.css", "quiz.css", "overview.css", "result.css"),
    LOADING_STYLESHEET: ("loading.css",)}


def part_paths(course: Course, script: str, standard: str,
               templates: Path | None = None) -> list[Path]:
    """The files ``script`` (or the stylesheet) is joined from in a lesson for ``standard``,
    each found along the theme search path."""
    parts = runtime_parts(standard) if script == RUNTIME \
        else {**SCRIPT_PARTS, **STYLE_PARTS}[script]
    return [find_theme_file(course, f"lesson/{part}", templates) for part in parts]


def shipped_part(path: Path) -> bytes:
    """A part as the lesson ships it: without its whole comment lines, ending with a newline."""
    return shipped_bytes(path.read_bytes(), javascript=path.suffix == ".js")


@functools.lru_cache(maxsize=256)  # every lesson of a build (web, SCORM, cmi5) ships the same parts
def shipped_bytes(source: bytes, javascript: bool) -> bytes:
    """A part's text as the lesson ships it (see ``shipped_part``)."""
    text = without_comment_lines(source, javascript)
    return text if text.endswith(b"\n") else text + b"\n"


def joined_script(course: Course, script: str, standard: str,
                  templates: Path | None = None) -> bytes:
    """One script of the lesson: its parts as shipped, in their order."""
    return b"".join(shipped_part(path)
                    for path in part_paths(course, script, standard, templates))
