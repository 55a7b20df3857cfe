"""Broken courses yield exactly the expected diagnostics (golden files), never a traceback."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseforge.cli import main

ROOTS = Path(__file__).resolve().parent / "roots"
BROKEN = sorted(p.name for p in ROOTS.glob("broken-*") if p.is_dir())


def run_check(course: Path) -> tuple[int, str]:
    """Exit code and output of ``courseforge check COURSE`` run beside the course folder."""
    with contextlib.chdir(course.parent):
        result = CliRunner().invoke(main, ["check", course.name])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_corpus_is_not_empty() -> None:
    assert len(BROKEN) >= 15


@pytest.mark.parametrize("case", BROKEN)
def test_broken_course_diagnostics(case: str, golden) -> None:  # type: ignore[no-untyped-def]
    code, output = run_check(ROOTS / case)
    assert "Traceback" not in output
    golden(f"diagnostics/{case}.txt", f"exit {code}\n{output}")


@pytest.mark.parametrize("case", BROKEN)
def test_every_diagnostic_names_file_and_line(case: str) -> None:
    code, output = run_check(ROOTS / case)
    lines = [line for line in output.splitlines() if ": error: " in line or ": warning: " in line]
    assert lines, "a broken course must report something"
    for line in lines:
        location = line.split(": ", 1)[0]
        path = location.rsplit(":", 1)[0]
        assert path.startswith(f"{case}/"), line  # from where check ran, as the user named it
        assert (ROOTS / path).exists() or (ROOTS / path).is_symlink() \
            or path == f"{case}/course.yml", line
        assert line.endswith("]"), line
    has_errors = any(": error: " in line for line in lines)
    assert code == (1 if has_errors else 0)


def test_build_refuses_a_broken_course_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(ROOTS / "broken-single-no-correct"), "-o", str(out), "-f", "json"]
    )
    assert result.exit_code == 1
    assert "quiz.no-correct" in result.output
    assert "1 error" in result.output
    assert not out.exists()
    assert not list(tmp_path.iterdir())


LEGAL = sorted(p.name for p in ROOTS.glob("ok-*") if p.is_dir())


@pytest.mark.parametrize("case", LEGAL)
def test_unusual_but_legal_courses_build(case: str, tmp_path: Path) -> None:
    """BOM, CRLF, mixed line endings, right-to-left text, emoji and long values are legal."""
    code, output = run_check(ROOTS / case)
    assert code == 0, output
    result = CliRunner().invoke(
        main, ["build", str(ROOTS / case), "-o", str(tmp_path), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    import json

    data = json.loads((tmp_path / "course.json").read_text(encoding="utf-8"))
    source = (ROOTS / case / "course.yml").read_text(encoding="utf-8-sig")
    assert data["title"] in source
    assert all(
        "\r" not in slide["body"] for m in data["modules"] for slide in m["lesson"]["slides"]
    )


def test_unicode_survives(tmp_path: Path) -> None:
    CliRunner().invoke(
        main, ["build", str(ROOTS / "ok-unicode-rtl-emoji"), "-o", str(tmp_path), "-f", "json"]
    )
    text = (tmp_path / "course.json").read_text(encoding="utf-8")
    assert "أدوار الفريق 🚀" in text
    assert "למה תפקידים חשובים 👩‍💻" in text


def test_huge_file_is_refused(tmp_path: Path) -> None:
    import shutil

    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    lesson = course / "modules" / "roles" / "lesson.md"
    lesson.write_text("---\ntitle: Big\nminutes: 1\n---\n# Big\n" + ("x" * 80 + "\n") * 70_000)
    code, output = run_check(course)
    assert code == 1
    assert "modules/roles/lesson.md: error: the file is larger than 5 MB [file.too-large]" in output
