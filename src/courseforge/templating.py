"""Finding theme files and rendering Jinja templates with overrides.

Templates are searched in order: ``--templates DIR``, the course's own ``templates/``
folder, then the default theme. ``!default/name`` always names the default theme's
template, so an override can extend the template it replaces.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import traceback
from pathlib import Path
from typing import Any

import jinja2

from .errors import CourseforgeError, Diagnostic, did_you_mean, error, warning
from .loading.files import inside
from .locale import labels_for
from .model import Course
from .theme_code import ShippedCode

DEFAULT_PREFIX = "!default"


def theme_dir() -> Path:
    """The default theme folder (``templates/`` in the source tree, shipped in the wheel)."""
    return Path(str(importlib.resources.files("courseforge.theme")))


def search_path(course: Course, extra: Path | None = None) -> list[Path]:
    """Folders searched for a theme file, first match wins."""
    folders = [extra] if extra is not None else []
    folders.append(course.root / "templates")
    folders.append(theme_dir())
    return [f for f in folders if f.is_dir()]


def find_theme_file(course: Course, name: str, extra: Path | None = None) -> Path:
    """The first theme file called ``name`` along the search path."""
    for folder in search_path(course, extra):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    searched = ", ".join(str(f) for f in search_path(course, extra))
    raise CourseforgeError(f"theme file '{name}' not found (searched {searched})")


def environment(course: Course, extra: Path | None = None) -> jinja2.Environment:
    """A Jinja environment: autoescaped, strict about undefined names, override-aware, with
    the course's labels as globals (``{{ label("lesson.next") }}``, ``{{ labels.direction }}``)."""
    env = _environment(search_path(course, extra))
    labels = labels_for(course)
    env.globals.update(labels=labels, label=labels.text)
    return env


def _environment(folders: list[Path]) -> jinja2.Environment:
    return _shared_environment(tuple(folders))


@functools.lru_cache(maxsize=8)
def _shared_environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    # one environment per search path and process: the web site and both SCORM packages
    # compile each template once (Jinja reloads a template whose file changed)
    overrides = [jinja2.FileSystemLoader(str(f)) for f in folders]
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({DEFAULT_PREFIX: jinja2.FileSystemLoader(str(theme_dir()))},
                            delimiter="/"),
        *overrides,
    ])
    return jinja2.Environment(loader=loader, bytecode_cache=ShippedCode(theme_dir()),
                              **ENVIRONMENT_OPTIONS)


# how every theme template is read: the code Jinja makes of one depends on these too
ENVIRONMENT_OPTIONS: dict[str, Any] = {
    "autoescape": True, "undefined": jinja2.StrictUndefined, "keep_trailing_newline": True,
    "trim_blocks": True, "lstrip_blocks": True,
}


def render(env: jinja2.Environment, name: str, **context: Any) -> str:
    """A template rendered; a mistake in a theme override is a one-line error naming the
    override's file and line, not a traceback."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise CourseforgeError(f"{where}: template error: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise CourseforgeError(f"{_template_frame(exc) or name}: template error: "
                               f"{_problem(exc)}") from None


def _problem(exc: jinja2.TemplateError) -> str:
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"no template named '{exc.name}'"
    return exc.message or str(exc)


def _template_frame(exc: BaseException) -> str | None:
    """'file:line' of the innermost template frame of an error raised while rendering."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if f.filename.endswith(".j2")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None


def theme_names() -> list[str]:
    """The default theme's files, by the names an override uses (``lesson/quiz.js``)."""
    root = theme_dir()
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.is_file() and p.name != "__init__.py" and "__pycache__" not in p.parts)


# what would end the lesson page's <style> element early: its end tag, in any case
STYLE_END = re.compile(rb"</style", re.IGNORECASE)
STYLESHEET_SUFFIX = ".css"


def stylesheet_diagnostics(shown: str, data: bytes) -> list[Diagnostic]:
    """Why a theme stylesheet (``shown`` as the author knows it) cannot be written into the
    lesson page's ``<style>`` element: not UTF-8, a NUL, or the element's end tag."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [error(shown, data[:exc.start].count(b"\n") + 1,
                      f"the stylesheet is not UTF-8 text (byte {exc.start}); save it as UTF-8",
                      "template.encoding")]
    found = []
    if b"\0" in data:
        found.append(error(shown, data[:data.index(b"\0")].count(b"\n") + 1,
                           "the stylesheet holds a NUL character", "template.style"))
    end = STYLE_END.search(data)
    if end:
        found.append(error(shown, data[:end.start()].count(b"\n") + 1,
                           "the stylesheet contains '</style', which would end the lesson "
                           "page's style element (in a CSS string, write '\\3c /style')",
                           "template.style"))
    return found


def override_diagnostics(root: Path) -> list[Diagnostic]:
    """Problems of a course's theme overrides (its ``templates/`` folder): files that replace
    nothing, templates that do not compile, stylesheets the lesson page cannot hold."""
    folder = root / "templates"
    if not folder.is_dir():
        return []
    names, found = theme_names(), []
    env = _environment([folder, theme_dir()])
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        shown = f"templates/{name}"
        if not inside(root, path):
            found.append(error(shown, 0, "the file lies outside the course folder (a symlink?)",
                               "file.outside"))
            continue
        if name not in names:
            hint = did_you_mean(name, names) or f"; the theme has {', '.join(names)}"
            found.append(warning(shown, 0, f"'{shown}' replaces no theme file, so it is not "
                                 f"used{hint}", "template.unknown"))
            continue
        if name.endswith(STYLESHEET_SUFFIX):
            found += stylesheet_diagnostics(shown, path.read_bytes())
        if not name.endswith(".j2"):
            continue
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            found.append(error(shown, exc.lineno, f"template error: {exc.message}",
                               "template.syntax"))
        except jinja2.TemplateError as exc:
            found.append(error(shown, 0, f"template error: {_problem(exc)}", "template.syntax"))
    return found
