"""Slips a new author makes become clear diagnostics, or just work (corpus: tests/roots/)."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from click.testing import CliRunner

from courseforge.cli import main
from courseforge.loading import diagnose as diagnose_all


def diagnose(course: Path):  # type: ignore[no-untyped-def]
    """Load and validate, leaving out the mapping analysis's warnings: the minimal course these
    cases start from has a preference question it rightly warns about (tested elsewhere)."""
    loaded, diagnostics = diagnose_all(course)
    return loaded, [d for d in diagnostics if not d.code.startswith("analysis.")]

ROOTS = Path(__file__).resolve().parent / "roots"


def titles(course: Path, module: str) -> list[str]:
    loaded, _ = diagnose(course)
    assert loaded is not None
    return [s.title for m in loaded.modules if m.id == module for s in m.lesson.slides]


def test_a_long_dash_line_separates_slides_like_three_dashes() -> None:
    course = ROOTS / "broken-slide-separator-long"
    assert titles(course, "welcome") == ["Why roles matter", "Two roles"]
    _, diagnostics = diagnose(course)
    assert [d.code for d in diagnostics] == ["slide.heading-inside"]  # '# Who decides'


def test_a_version_that_looks_like_a_number_keeps_what_was_written() -> None:
    loaded, diagnostics = diagnose(ROOTS / "ok-version-as-number")
    assert loaded is not None and not diagnostics
    assert loaded.version == "1.10"


def test_unclosed_notes_keep_the_slide_whole_and_point_at_the_opening_line() -> None:
    _, diagnostics = diagnose(ROOTS / "broken-notes-unclosed")
    assert [(d.path, d.line, d.code) for d in diagnostics] == [
        ("modules/welcome/lesson.md", 15, "slide.notes-unclosed")]


def test_an_unquoted_yes_in_a_block_value_gets_a_hint_to_quote(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    quiz = course / "modules" / "roles" / "quiz.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace(
        "explanation: Makers turn plans into working results.", "explanation: Yes"),
        encoding="utf-8")
    _, diagnostics = diagnose(course)
    assert len(diagnostics) == 1
    assert "put the text in quotes" in diagnostics[0].message


def test_a_comment_after_a_key_is_not_taken_for_a_value_slip(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    path = course / "course.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "audience: New team members", "audience:  # to be decided"), encoding="utf-8")
    _, diagnostics = diagnose(course)
    assert diagnostics == []


def test_check_prints_diagnostics_and_summary_on_the_same_stream() -> None:
    with contextlib.chdir(ROOTS):
        result = CliRunner().invoke(main, ["check", "broken-notes-unclosed"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "1 error, 0 warnings"
    assert "[slide.notes-unclosed]" in lines[0]
    assert result.stderr == ""


def _lesson_diagnostics(tmp_path: Path, front_matter_end: str) -> list[tuple[int, str]]:
    """(line, code) of the welcome lesson's diagnostics after rewriting its front matter's end."""
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    lesson = course / "modules" / "welcome" / "lesson.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("    text: Name the two roles of the team.\n---\n",
                                   front_matter_end, 1), encoding="utf-8")
    _, diagnostics = diagnose(course)
    return [(d.line, d.code) for d in diagnostics if d.path.endswith("welcome/lesson.md")]


def test_a_comment_in_front_matter_never_closed_is_passed_over(tmp_path: Path) -> None:
    # '# optional' is followed by a key: the slides start at the later heading, line 11
    found = _lesson_diagnostics(
        tmp_path, "    text: Name the two roles of the team.\n\n# optional\nlevel: 1\n")
    assert found == [(1, "lesson.front-matter-unclosed"), (9, "field.unknown")]


def test_front_matter_with_no_closing_line_at_all_says_so(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    lesson = course / "modules" / "welcome" / "lesson.md"
    lesson.write_text("---\ntitle: Welcome\nminutes: 5\n", encoding="utf-8")
    _, diagnostics = diagnose(course)
    codes = [d.code for d in diagnostics if d.path.endswith("welcome/lesson.md")]
    assert codes[0] == "lesson.front-matter-unclosed"
    assert "lesson.no-front-matter" not in codes
