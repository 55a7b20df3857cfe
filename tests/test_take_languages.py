"""`courseforge take` speaks the course's language, including a course's own labels."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from courseforge.cli import main
from courseforge.locale import labels_for_language
from english_leaks import english_leaks, english_words

ROOTS = Path(__file__).parent / "roots"
RIGHT = ["1", "1,2", "2", "1", "2", "1", "1"]  # the same answers in every language version
WRONG = ["2", "3", "1", "2", "1", "1", "1"]


def run(root: Path, answers: list[str]) -> Result:
    return CliRunner().invoke(main, ["take", str(root)], input="".join(f"{a}\n" for a in answers))


def test_german_course_takes_the_quiz_in_german() -> None:
    result = run(ROOTS / "lang-de", WRONG)
    assert result.exit_code == 0, result.output
    output = result.output
    assert "Zum Bestehen nötig: 75\u00a0%" in output
    assert "Frage 1 von 6 (eine Antwort, 1 Punkt)" in output
    assert "Ihre Antwort (1/2 oder r/f):" in output
    assert "Richtige Antwort: Meilensteine festlegen und Termine verfolgen" in output
    assert "Ergebnis: 0\u00a0% (0/4 Punkte), nicht bestanden (nötig: 75\u00a0%)" in output
    assert "Empfehlung: Macherin oder Macher: Baut Dinge mit eigenen Händen." in output
    assert english_leaks(output, "de") + english_words(output) == []


def test_arabic_course_takes_the_quiz_in_arabic() -> None:
    result = run(ROOTS / "lang-ar", RIGHT)
    assert result.exit_code == 0, result.output
    output = result.output
    assert "السؤال 1 من 6 (إجابة واحدة، نقطة واحدة)" in output
    assert "إجابتك (1/2 أو ص/خ):" in output
    assert "النتيجة: 100‎%‎ (4 من 4 نقاط)، نجحت (درجة النجاح 75‎%‎)" in output
    assert english_leaks(output, "ar") + english_words(output) == []


def test_answers_in_the_course_language_are_understood() -> None:
    # German keys r/f and the words "richtig"/"falsch" answer a true/false question
    answers = ["1", "1,2", "falsch", "1", "2", "1", "1"]
    result = run(ROOTS / "lang-de", answers)
    assert result.exit_code == 0, result.output
    assert "nicht bestanden" not in result.output
    bad = run(ROOTS / "lang-de", ["1", "1,2", "x", "f", "1", "2", "1", "1"])
    assert "Bitte geben Sie 1 (richtig) oder 2 (falsch) ein, oder r oder f." in bad.output


def test_labels_yml_overrides_per_language(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "lang-de", course)
    (course / "labels.yml").write_text(
        "take.results: Results everywhere\n"
        "take.why: 'Why (all languages):'\n"
        "de:\n"
        "  take.results: Auswertung\n"
        "  quiz.points: {one: '{count} Pünktchen', other: '{count} Pünktchen'}\n"
        "fr:\n"
        "  take.why: 'Pourquoi donc :'\n", encoding="utf-8")
    check = CliRunner().invoke(main, ["check", str(course)])
    assert check.exit_code == 0, check.output
    result = run(course, RIGHT)
    assert result.exit_code == 0, result.output
    assert "\nAuswertung\n" in result.output
    assert "Why (all languages):" in result.output  # no German override: the general one
    assert "Pourquoi" not in result.output
    assert "(eine Antwort, 1 Pünktchen)" in result.output


def test_regional_variant_falls_back_to_its_language(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "lang-de", course)
    yml = course / "course.yml"
    yml.write_text(yml.read_text("utf-8").replace("language: de", "language: de-CH"), "utf-8")
    (course / "labels.yml").write_text("de:\n  take.results: Auswertung\n"
                                       "de-CH:\n  take.results: Uswärtig\n", encoding="utf-8")
    result = run(course, RIGHT)
    assert result.exit_code == 0, result.output
    assert "\nUswärtig\n" in result.output
    assert "Frage 1 von 6" in result.output
    assert labels_for_language("de-CH").percent(75) == "75%"  # Swiss German writes 75%
