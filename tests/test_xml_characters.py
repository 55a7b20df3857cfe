"""A character no deck, page or Word file can hold (a C0 control, U+FFFE, U+FFFF, a lone
surrogate) is an author's error at its file and line, in the file itself or written as a YAML
escape: `check` fails, `build` writes nothing and shows no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOTS


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    """The command line, in a process of its own."""
    return subprocess.run([sys.executable, "-m", "courseforge", *arguments],
                          capture_output=True, text=True, timeout=120)


def spoilt(tmp_path: Path, relative: str, old: str, new: str) -> Path:
    """The minimal course with ``old`` replaced by ``new`` in one of its files."""
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    path = course / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return course


@pytest.mark.parametrize(("relative", "old", "new", "line", "shown"), [
    ("modules/roles/lesson.md", "::: notes\n", "::: notes\nA stray \ufffe here.\n", 16,
     "the file contains the character U+FFFE"),
    ("modules/roles/lesson.md", "::: notes\n", "::: notes\nA form feed \x0c here.\n", 16,
     "the file contains the character U+000C"),
    ("modules/roles/lesson.md", "title: The roles at work",
     'title: "The roles \\uFFFF at work"', 2, "the text holds the character U+FFFF"),
    ("modules/roles/quiz.yml", "title: Check your understanding",
     'title: "Check your \\a understanding"', 1, "the text holds the character U+0007"),
    ("modules/roles/quiz.yml", "title: Check your understanding",
     'title: "Check your \\ud800 understanding"', 1, "the text holds the character U+D800"),
])
def test_a_character_no_output_can_hold_is_reported_where_it_is(
        tmp_path: Path, relative: str, old: str, new: str, line: int, shown: str) -> None:
    course = spoilt(tmp_path, relative, old, new)
    checked = run("check", str(course))
    assert checked.returncode == 1
    assert f"{course / relative}:{line}: error: {shown}" in checked.stdout + checked.stderr
    out = tmp_path / "out"
    built = run("build", str(course), "-f", "pptx", "-f", "guide", "-f", "web", "-o", str(out))
    assert built.returncode != 0
    assert "Traceback" not in built.stdout + built.stderr
    assert not out.exists()


@pytest.mark.parametrize(("old", "new"), [
    ("title: Check your understanding",
     'title: Check your understanding\n"\\ud800x": 1'),  # an unknown field, quoted back
    ("counts: true", 'counts: "\\ud800"'),  # a text where true or false belongs, quoted back
])
def test_a_lone_surrogate_quoted_in_another_message_is_shown_escaped(
        tmp_path: Path, old: str, new: str) -> None:
    course = spoilt(tmp_path, "modules/roles/quiz.yml", old, new)
    checked = run("check", str(course))
    shown = checked.stdout + checked.stderr
    assert checked.returncode == 1 and "Traceback" not in shown
    assert "the text holds the character U+D800" in shown and "\\ud800" in shown


def test_a_surrogate_pair_written_as_two_escapes_is_told_how_to_write_it(
        tmp_path: Path) -> None:
    course = spoilt(tmp_path, "modules/roles/quiz.yml", "title: Check your understanding",
                    'title: "Check \\ud83d\\ude00"')
    checked = run("check", str(course))
    assert checked.returncode == 1
    assert "U+D83D" in checked.stdout and "\\U0001F600, not as two \\u escapes" in checked.stdout
