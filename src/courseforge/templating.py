"""Finding theme files and rendering Jinja templates with overrides.

Templates are searched in order: ``--templates DIR``, the course's own ``templates/``
folder, then the default theme. ``!default/name`` always names the default theme's
template, so an override can extend the template it replaces.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import jinja2

from .errors import CourseforgeError
from .model import Course

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
    """A Jinja environment: autoescaped, strict about undefined names, override-aware."""
    overrides = [jinja2.FileSystemLoader(str(f)) for f in search_path(course, extra)]
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({DEFAULT_PREFIX: jinja2.FileSystemLoader(str(theme_dir()))},
                            delimiter="/"),
        *overrides,
    ])
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
