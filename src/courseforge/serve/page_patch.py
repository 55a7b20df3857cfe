"""Slide edits the open lesson can take in place: the changed pages' new title and body.

A saved lesson file usually changes a few slides' text and nothing the lesson's runtime
depends on (page order, quizzes, media, the course's settings). Then the preview page
swaps those pages' content in the open lesson instead of reloading it, so even a
1000-slide course shows an edit at once. Anything else is a full reload (None).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from ..builders.lesson.pages import lesson_site
from ..model import Course, Module

LESSON_FILE = "lesson.md"


def only_lessons(changed: Sequence[str]) -> bool:
    """Whether every changed path (course-relative) is a module's lesson file."""
    return bool(changed) and all(
        PurePosixPath(p).name == LESSON_FILE and PurePosixPath(p).parts[0] == "modules"
        for p in changed)


def _same_frame(old: Module, new: Module) -> bool:
    """Whether the module's quiz, title, time and objectives (shown on other pages) stayed."""
    return (old.quiz == new.quiz and old.lesson.title == new.lesson.title
            and old.lesson.minutes == new.lesson.minutes
            and old.lesson.objectives == new.lesson.objectives
            and len(old.lesson.slides) == len(new.lesson.slides))


def page_patch(old: Course, new: Course) -> list[dict[str, Any]] | None:
    """The slide pages to replace in the open lesson, or None when it must reload."""
    if replace(old, modules=()) != replace(new, modules=()):
        return None
    if [m.id for m in old.modules] != [m.id for m in new.modules]:
        return None
    pairs = [(o, n) for o, n in zip(old.modules, new.modules, strict=True) if o != n]
    if not all(_same_frame(o, n) for o, n in pairs):
        return None
    if not pairs:
        return []
    before = lesson_site(old, [o for o, _ in pairs])
    after = lesson_site(new, [n for _, n in pairs])
    if before.media != after.media or [p.id for p in before.pages] != [p.id for p in after.pages]:
        return None
    return [{"id": b.id, "title": str(a.title), "body": str(a.body)}
            for b, a in zip(before.pages, after.pages, strict=True)
            if a.kind == "slide" and (a.title != b.title or a.body != b.body)]
