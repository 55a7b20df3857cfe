"""The default theme's templates ship as Jinja's code: up to date, used only while it fits."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jinja2
import pytest

from courseforge.builders.lesson.brand_colours import palette
from courseforge.templating import ENVIRONMENT_OPTIONS, _shared_environment, theme_dir
from courseforge.theme_code import CODE_FILE, ShippedCode, theme_code

THEME_CSS = "lesson/theme.css.j2"


def _environment(theme: Path, cache: jinja2.BytecodeCache | None) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme)), bytecode_cache=cache,
                              **ENVIRONMENT_OPTIONS)


def _compiled_by_jinja(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []
    compile_template = jinja2.Environment.compile

    def spy(self: jinja2.Environment, source: str, name: str | None = None,
            *args: object, **kwargs: object) -> object:
        names.append(str(name))
        return compile_template(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    return names


def test_the_shipped_code_is_what_jinja_makes_of_the_theme_now() -> None:
    """Fails after a template of the default theme changed: run scripts/compile_theme.py."""
    shipped = json.loads(CODE_FILE.read_text(encoding="utf-8"))
    assert shipped == theme_code(_shared_environment((theme_dir(),)), theme_dir())
    assert THEME_CSS in shipped["templates"]


def test_a_default_template_is_not_compiled_by_jinja_and_renders_the_same(
        monkeypatch: pytest.MonkeyPatch) -> None:
    colours = palette("#1f5f8b", None)
    expected = _environment(theme_dir(), None).get_template(THEME_CSS).render(palette=colours)
    compiled = _compiled_by_jinja(monkeypatch)
    template = _environment(theme_dir(), ShippedCode(theme_dir())).get_template(THEME_CSS)
    assert compiled == []
    assert template.render(palette=colours) == expected
    assert template.filename == str(theme_dir() / THEME_CSS)


def test_an_edited_template_or_another_jinja_is_compiled_by_jinja(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(theme_dir() / "lesson", theme / "lesson")
    edited = theme / THEME_CSS
    edited.write_text(edited.read_text(encoding="utf-8") + "/* edited */\n", encoding="utf-8")
    compiled = _compiled_by_jinja(monkeypatch)
    template = _environment(theme, ShippedCode(theme)).get_template(THEME_CSS)
    assert compiled == [THEME_CSS]
    assert template.render(palette=palette("#1f5f8b", None)).endswith("/* edited */\n")
    # the unchanged ones come from the shipped code, as in the default theme
    _environment(theme, ShippedCode(theme)).get_template("lesson/quiz.html.j2")
    assert compiled == [THEME_CSS]
    monkeypatch.setattr(jinja2, "__version__", "0.0")
    _environment(theme, ShippedCode(theme)).get_template("lesson/quiz.html.j2")
    assert compiled == [THEME_CSS, "lesson/quiz.html.j2"]
