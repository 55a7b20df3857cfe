"""Every lesson format ships its runtime (JS + CSS) within the 40 KB gzipped budget, its
scripts without their whole comment lines and still valid JavaScript."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, ROOTS, require_executable
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson.comments import without_comment_lines
from courseforge.builders.lesson.weight import RUNTIME_BUDGET_KB, gzipped_kb, runtime_files

FORMATS = ("web", "scorm12", "scorm2004", "cmi5")
THEME = ROOT / "templates" / "lesson"


@pytest.fixture(scope="module")
def lessons(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The minimal course built in each lesson format: the site's folder or the package."""
    out = tmp_path_factory.mktemp("weight")
    build(ROOTS / "minimal", out, list(FORMATS), BuildOptions(), lambda _: None)
    return {fmt: out / "web" if fmt == "web" else next((out / fmt).glob("*.zip"))
            for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_runtime_stays_within_its_budget(lessons: dict[str, Path], fmt: str) -> None:
    names = [name for name, _ in runtime_files(lessons[fmt])]
    assert {"runtime.js", "quiz.js", "grading.js", "index.html <style>"} <= set(names)
    assert gzipped_kb(lessons[fmt]) <= RUNTIME_BUDGET_KB


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_shipped_script_still_parses(lessons: dict[str, Path], fmt: str,
                                           tmp_path: Path) -> None:
    node = require_executable("node")
    scripts = [(name, data) for name, data in runtime_files(lessons[fmt]) if name.endswith(".js")]
    for name, data in scripts:
        (tmp_path / name).write_bytes(data)
        checked = subprocess.run([node, "--check", str(tmp_path / name)], capture_output=True,
                                 text=True)
        assert checked.returncode == 0, (name, checked.stderr)
    lines = [line.strip() for _, data in scripts for line in data.splitlines()]
    assert [line for line in lines if line.startswith(b"//")] == []
    assert [line for line in lines if line.startswith(b"/*") and line.endswith(b"*/")] == []


def test_every_theme_part_loses_its_comment_lines() -> None:
    """No part falls back to shipping as written: each one's comments really go."""
    for path in sorted(THEME.rglob("*")):
        if path.suffix in (".js", ".css"):
            source = path.read_bytes()
            assert len(without_comment_lines(source, path.suffix == ".js")) < len(source), path


JS_CASES = {
    # source -> what ships
    b"// a\nvar a = 1; // kept: code before it\n  /* b\n   * c */\nf();\n/* d */\n":
        b"var a = 1; // kept: code before it\nf();\n",
    b"var url = '//x/*'; /* closed */ g();\n// gone\n":
        b"var url = '//x/*'; /* closed */ g();\n",
    b"a();\r\n// gone\r\nb();\r\n": b"a();\r\nb();\r\n",
}
UNTOUCHED_JS = (
    b"var t = `\n// inside a template literal\n`;\n",     # a template literal
    b"var s = 'a\\\n// inside a continued string';\n",      # a string continued by a backslash
    b"f(); /* opened here\n// inside the comment */ g();\n",  # a comment opened after code
    b"/* a comment\n*/ g();\n// gone\n",                   # code after a comment's end
    b"/* never closed\n",
    b"// a \xe2\x80\xa8 g();\n",                              # U+2028 ends a line comment
)


@pytest.mark.parametrize("source", JS_CASES)
def test_whole_comment_lines_go(source: bytes) -> None:
    assert without_comment_lines(source, javascript=True) == JS_CASES[source]


@pytest.mark.parametrize("source", UNTOUCHED_JS)
def test_a_part_that_might_change_ships_as_written(source: bytes) -> None:
    assert without_comment_lines(source, javascript=True) == source


def test_stylesheets_lose_block_comments_only() -> None:
    css = b"/* the top bar */\na { color: red; } /* kept */\n// not a CSS comment\nb {}\n"
    assert without_comment_lines(css, javascript=False) == (
        b"a { color: red; } /* kept */\n// not a CSS comment\nb {}\n")
    continued = b"a::after { content: 'x\\\n/* inside the string */'; }\n"
    assert without_comment_lines(continued, javascript=False) == continued
