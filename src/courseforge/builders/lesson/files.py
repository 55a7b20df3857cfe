"""The lesson writer: the view model rendered into the files of a lesson folder or package."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ...errors import CourseforgeError, ValidationFailed
from ...lms.presets import DEFAULT_PRESET, preset
from ...loading.files import inside
from ...locale import labels_for
from ...model import Course, Module
from ...templating import environment, find_theme_file, render, stylesheet_diagnostics
from ..base import BuildOptions
from .brand_colours import palette
from .pages import LessonSite, lesson_site
from .quiz_pages import counting_gates, quiz_data
from .scripts import (
    LOADING_STYLESHEET,
    SCRIPTS,
    STYLESHEET,
    joined_script,
    part_paths,
    shipped_bytes,
)
from .stylesheet import inline_stylesheet, style_source

# Nothing is loaded from elsewhere and nothing is sent anywhere but to the LMS's API object;
# a cmi5 AU talks to the LRS its launch names, which no build can know.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'{style}; img-src 'self' data:; "
       "font-src 'self'; connect-src {connect}; object-src 'none'; base-uri 'none'; "
       "form-action 'none'")
CONNECT = {"cmi5": "http: https:"}


def content_security_policy(standard: str, *stylesheets: str) -> str:
    """The lesson's policy: no requests at all, but to the LRS in a cmi5 package; the page's
    own ``<style>`` elements (the text of each in ``stylesheets``) allowed by their hashes."""
    style = "".join(" " + style_source(text) for text in stylesheets)
    return CSP.format(connect=CONNECT.get(standard, "'none'"), style=style)
LAUNCH_PAGE = "index.html"
PAGE_TEMPLATE = "lesson/index.html.j2"
BROWSER_LABELS = ("lesson.", "quiz.", "lms.")


def script_json(data: Any) -> Markup:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` can end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def runtime_data(course: Course, site: LessonSite, standard: str,
                 modules: Sequence[Module] | None = None,
                 lms: str = DEFAULT_PRESET) -> dict[str, Any]:
    """What the runtime reads from the page: the tracking standard, the page order, the quizzes.

    ``gates`` are the quizzes that must be submitted before the lesson is complete;
    ``practice`` is how the LMS preset ``lms`` journals practice quizzes (docs/lms.md).
    """
    chosen = course.modules if modules is None else modules
    data: dict[str, Any] = {
        "v": 1, "course": course.id, "scope": site.scope, "version": course.version,
        "standard": standard, "pages": [page.id for page in site.pages],
        "gates": counting_gates(course, chosen), "practice": preset(lms).practice}
    browser = labels_for(course).for_browser()
    # the page needs the lesson's own texts only, not the decks' or the command line's
    browser["messages"] = {key: text for key, text in browser["messages"].items()
                           if key.startswith(BROWSER_LABELS)}
    data["labels"] = browser
    quizzes = quiz_data(course, chosen)
    if quizzes is not None:
        data["quiz"] = quizzes
    return data


def stylesheets(course: Course, env: jinja2.Environment, options: BuildOptions,
                standard: str) -> tuple[Markup, Markup]:
    """The page's styles (the lesson's stylesheet parts, then the theme's brand colours), and
    its styles while the runtime loads."""
    def sources(name: str) -> list[tuple[str, bytes]]:
        return [(_shown(course, path), path.read_bytes())
                for path in part_paths(course, name, standard, options.templates)]

    lesson, loading = sources(STYLESHEET), sources(LOADING_STYLESHEET)
    theme = render(env, "lesson/theme.css.j2", palette=palette(course.brand_colour,
                                                           course.accent_colour)).encode()
    problems = [problem for name, source in [*lesson, ("lesson/theme.css.j2", theme), *loading]
                for problem in stylesheet_diagnostics(name, source)]  # at the lines as written
    if problems:
        raise ValidationFailed(problems)

    def shipped(parts: list[tuple[str, bytes]]) -> list[bytes]:
        return [shipped_bytes(source, javascript=False) for _, source in parts]

    return inline_stylesheet([*shipped(lesson), theme]), inline_stylesheet(shipped(loading))


def _shown(course: Course, path: Path) -> str:
    """A theme file's path, inside the course where it lies there."""
    try:
        return path.relative_to(course.root).as_posix()
    except ValueError:
        return str(path)


def lesson_members(course: Course, options: BuildOptions, standard: str,
                   modules: Sequence[Module] | None = None,
                   env: jinja2.Environment | None = None) -> list[tuple[str, bytes]]:
    """Every file of a lesson as (relative name, bytes); ``standard`` picks the tracking.

    ``env`` is a Jinja environment made by ``templating.environment`` for this course, kept
    by a caller that renders again and again (the preview); a new one by default.
    """
    site = lesson_site(course, modules)
    if env is None:
        env = environment(course, options.templates)
    styles, loading = stylesheets(course, env, options, standard)
    page = render(env, PAGE_TEMPLATE, site=site, stylesheet=styles,
                  loading_stylesheet=loading,
                  csp=content_security_policy(standard, styles, loading),
                  data_json=script_json(runtime_data(course, site, standard, modules,
                                                      options.lms)))
    if str(styles) + "</style>" not in page:
        raise CourseforgeError(
            f"{_shown(course, find_theme_file(course, PAGE_TEMPLATE, options.templates))}: "
            "the lesson page does not write its styles: its <head> needs "
            "<style>{{ stylesheet }}</style> (lesson.css and theme.css are no longer files "
            "of the lesson; see the theme overrides in docs/course-format.md)")
    members = [(LAUNCH_PAGE, page.encode("utf-8"))]
    for script in SCRIPTS:
        members.append((script, joined_script(course, script, standard, options.templates)))
    for media in site.media:
        if not inside(course.root, course.root / media.source):  # made a link since loading
            raise CourseforgeError(f"{media.source} lies outside the course folder")
        try:
            members.append((media.target, (course.root / media.source).read_bytes()))
        except OSError as exc:
            raise CourseforgeError(f"cannot read {media.source}: {exc.strerror or exc}") from None
    return members
