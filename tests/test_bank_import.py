"""Importing banks: exports of the bundled course come back as the same questions; banks
written by hand from the formats' documentation import, check and build."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from bank_round_trip import questions_data, round_trip
from conftest import BUNDLED, ROOTS
from courseforge.builders.banks.bank import bank_quizzes
from courseforge.cli import main
from courseforge.loading import load_checked

COURSE = load_checked(BUNDLED).course
BANKS = list(bank_quizzes(COURSE))
HAND_WRITTEN = Path(__file__).resolve().parent / "fixtures" / "banks"


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "qti21"])
@pytest.mark.parametrize("bank", BANKS, ids=[b.id for b in BANKS])
def test_the_bundled_quizzes_come_back_the_same(fmt: str, bank) -> None:
    quiz, problems = round_trip(fmt, bank)
    assert problems == []
    assert questions_data(quiz) == questions_data(bank.quiz, fmt)
    if fmt != "gift":  # GIFT has no shuffle setting (its README says so)
        assert quiz.settings.shuffle_choices == bank.quiz.settings.shuffle_choices


def _course_with(tmp_path: Path, kind: str, bank: Path) -> tuple[Path, list[str]]:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    result = CliRunner().invoke(main, ["import", kind, str(bank), "-o",
                                       str(course / "modules" / "welcome" / "quiz.yml")])
    assert result.exit_code == 0, result.output
    return course, result.output.splitlines()


@pytest.mark.parametrize("kind,name", [("gift", "moodle-docs.gift.txt"),
                                       ("moodle-xml", "moodle-docs.xml")])
def test_a_bank_written_by_hand_imports_and_builds(tmp_path: Path, kind: str, name: str) -> None:
    course, messages = _course_with(tmp_path, kind, HAND_WRITTEN / name)
    # what the course format cannot hold is reported with its line, and left out
    unsupported = [m for m in messages if "[import.unsupported]" in m]
    assert unsupported and all(f"{name}:" in m and ": warning: " in m for m in unsupported)
    assert any("[import.distractor]" in m for m in messages)
    checked = load_checked(course)
    quiz = checked.course.module("welcome").quiz
    assert quiz is not None
    kinds = {q.type.value for q in quiz.questions}
    assert kinds == {"single", "multiple", "true-false", "matching"}
    result = CliRunner().invoke(main, ["build", str(course), "-o", str(tmp_path / "out"),
                                       "-f", "json", "-f", "gift", "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "quizzes" / "gift" / "welcome.gift.txt").is_file()


def test_import_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "quiz.yml"
    target.write_text("kept", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "gift", str(HAND_WRITTEN / "moodle-docs.gift.txt"),
                                       "-o", str(target)])
    assert result.exit_code == 1 and "--force" in result.output
    assert target.read_text(encoding="utf-8") == "kept"


def test_an_unreadable_bank_is_one_error_line(tmp_path: Path) -> None:
    bank = tmp_path / "bank.xml"
    bank.write_text("<quiz><question", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "moodle-xml", str(bank), "-o",
                                       str(tmp_path / "quiz.yml")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "cannot read it as moodle-xml" in result.output
    assert not (tmp_path / "quiz.yml").exists()


def test_a_qti12_package_is_refused_with_a_reason(tmp_path: Path) -> None:
    built = CliRunner().invoke(main, ["build", str(ROOTS / "draws"), "-o", str(tmp_path / "out"),
                                      "-f", "qti12", "-q"])
    assert built.exit_code == 0, built.output
    result = CliRunner().invoke(main, ["import", "qti", str(tmp_path / "out" / "quizzes" /
                                                           "qti12" / "roles.zip"),
                                       "-o", str(tmp_path / "quiz.yml")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "roles.zip: this is a QTI 1.2 package" in result.output, result.output
    assert not (tmp_path / "quiz.yml").exists()


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "qti21"])
def test_draws_and_pools_come_back(fmt: str) -> None:
    [bank] = bank_quizzes(load_checked(ROOTS / "draws").course)
    quiz, problems = round_trip(fmt, bank)
    assert problems == []
    assert quiz.pools == tuple(replace(p, source=q.source)
                               for p, q in zip(bank.quiz.pools, quiz.pools, strict=True))
