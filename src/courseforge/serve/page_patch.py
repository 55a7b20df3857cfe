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

import jinja2

from ..builders.base import BuildOptions
from ..builders.lesson.files import CSP, script_json
from ..builders.lesson.pages import LessonSite, lesson_site
from ..model import Course, Module
from ..templating import environment, render, search_path
from .page_sections import slide_parts

LESSON_FILE = "lesson.md"
# markup the lesson's runtime sets up when the page loads (a figure's Enlarge button)
SET_UP_AT_LOAD = ("<figure",)


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


class PagePatcher:
    """Works out page patches, keeping the lesson template compiled between rebuilds."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.env_key: tuple[object, ...] | None = None
        self.env: jinja2.Environment | None = None

    def environment(self, course: Course) -> jinja2.Environment:
        """The lesson's Jinja environment for the course (Jinja reloads changed templates)."""
        key = (tuple(search_path(course, self.options.templates)), course.language,
               course.labels)
        if self.env is None or self.env_key != key:
            self.env, self.env_key = environment(course, self.options.templates), key
        return self.env

    def rendered_slides(self, course: Course, site: LessonSite
                        ) -> dict[str, tuple[str, str, str]] | None:
        """Page id -> (title, body, Contents link) HTML of the site's slide pages, as the
        lesson page renders them (theme overrides included); None when a page lacks them."""
        page = render(self.environment(course), "lesson/index.html.j2", site=site, csp=CSP,
                      stylesheet="", loading_stylesheet="", data_json=script_json({}))
        ids = [p.id for p in site.pages if p.kind == "slide"]
        found = slide_parts(page, ids)
        return found if len(found) == len(ids) else None

    def patch(self, old: Course, new: Course) -> list[dict[str, Any]] | None:
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
        old_site = lesson_site(old, [o for o, _ in pairs])
        new_site = lesson_site(new, [n for _, n in pairs])
        if old_site.media != new_site.media:
            return None
        before = self.rendered_slides(old, old_site)
        after = self.rendered_slides(new, new_site)
        if before is None or after is None or before.keys() != after.keys():
            return None
        changed = [{"id": key, "title": title, "body": body, "link": link}
                   for key, (title, body, link) in after.items()
                   if (title, body, link) != before[key]]
        if any(mark in page["body"] for page in changed for mark in SET_UP_AT_LOAD):
            return None  # swapped in, it would lack what the runtime adds: reload
        return changed
