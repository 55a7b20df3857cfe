"""`courseforge report` finds the patterns planted in simulated learners' answers."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from courseforge import grading
from courseforge.analysis.responses import read_answers
from courseforge.analysis.results import results_report
from courseforge.cli import main
from courseforge.loading import load_checked
from courseforge.model import Course, Module, Question, QuestionType

BUNDLED = Path(__file__).resolve().parent.parent / "course"
LEARNERS = 600
# planted share correct per question (the rest keep the default); an ability of ±0.5 around
# the middle moves each learner's chance by ±0.15, so the population mean is exactly this
PLANTED = {"fa-why": 0.35, "fa-structure": 0.8, "fa-pm-focus": 0.5, "fa-scn-templates": 0.25,
           "fa-prg-focus": 0.65}
DEFAULT = 0.6
BAD = ("fa-why", "d")  # strong learners who miss fa-why take this wrong choice
UNUSED = ("fa-why", "c")  # nobody takes this one
PLANTED_OUTCOMES = {"project-manager": 0.5, "pmo-manager": 0.3, "program-manager": 0.2}


@pytest.fixture(scope="module")
def course() -> Course:
    return load_checked(BUNDLED).course


def _final(course: Course) -> Module:
    module = grading.final_module(course)
    assert module is not None and module.quiz is not None
    return module


def _wrong(question: Question, rng: random.Random, ability: float) -> Any:
    """A wrong response in the LMS's own syntax."""
    wrong = [c.id for c in question.choices if not c.correct]
    if (question.id, "d") == BAD:
        return BAD[1] if ability > 0.5 else rng.choice(["b"])
    if question.type is QuestionType.MULTIPLE:
        return "[,]".join(sorted([*question.correct_ids, rng.choice(wrong)]))
    if question.type is QuestionType.MATCHING:
        targets = [i.match for i in question.items]
        targets = targets[1:] + targets[:1]  # every item on the wrong target
        return "[,]".join(f"{i.id}[.]{t}" for i, t in zip(question.items, targets, strict=True))
    return rng.choice(wrong)


def _right(question: Question) -> str:
    if question.type is QuestionType.MULTIPLE:
        return "[,]".join(question.correct_ids)
    if question.type is QuestionType.MATCHING:
        return "[,]".join(f"{i.id}[.]{i.match}" for i in question.items)
    return question.correct_ids[0]


def simulate(course: Course, seed: int = 7) -> list[tuple[str, str, str]]:
    """(learner, interaction id, response) for simulated learners with known patterns."""
    module = _final(course)
    rng = random.Random(seed)
    rows = []
    kinds = list(PLANTED_OUTCOMES)
    for n in range(LEARNERS):
        learner = f"learner-{n:03d}"
        ability = rng.random()  # uniform: mean 0.5
        kind = rng.choices(kinds, weights=list(PLANTED_OUTCOMES.values()))[0]
        for question in module.quiz.questions:  # type: ignore[union-attr]
            if question.type is QuestionType.PREFERENCE:
                favourite = [c.id for c in question.choices if dict(c.weights).get(kind) == 2]
                response = favourite[0]
            else:
                chance = PLANTED.get(question.id, DEFAULT) + 0.3 * (ability - 0.5)
                response = _right(question) if rng.random() < chance \
                    else _wrong(question, rng, ability)
            rows.append((learner, f"{module.id}-{question.id}", response))
    return rows


def write_inputs(rows: list[tuple[str, str, str]], folder: Path) -> list[Path]:
    """Half the learners as an LRS's xAPI statements, half as a CSV."""
    statements, table = [], [("learner", "question", "response")]
    for number, (learner, interaction, response) in enumerate(rows):
        if int(learner.split("-")[1]) % 2:
            table.append((learner, interaction, response))
            continue
        statements.append({
            "actor": {"objectType": "Agent",
                      "account": {"homePage": "https://lms.example.org", "name": learner}},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "object": {"id": f"https://example.org/courses/project-roles/{interaction}",
                       "objectType": "Activity"},
            "result": {"response": response},
            "timestamp": f"2026-01-01T10:{number // 60 % 60:02d}:{number % 60:02d}Z"})
    (folder / "statements.json").write_text(json.dumps({"statements": statements}),
                                            encoding="utf-8")
    with (folder / "answers.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(table)
    return [folder / "statements.json", folder / "answers.csv"]


def test_the_report_recovers_planted_difficulties_and_the_bad_distractor(
        course: Course, tmp_path: Path) -> None:
    module = _final(course)
    answers = read_answers(module, write_inputs(simulate(course), tmp_path))
    assert len(answers.learners) == LEARNERS and not answers.warnings
    report = results_report(course, module, answers)
    items = {i.question: i for i in report.items}
    for question in module.quiz.graded_questions:  # type: ignore[union-attr]
        planted = PLANTED.get(question.id, DEFAULT)
        assert abs(items[question.id].difficulty - planted) < 0.06, question.id
    # ability drives every item: each discriminates positively
    assert all(i.discrimination is not None and i.discrimination > 0.05 for i in report.items)
    uses = {(q, u.choice): u for q, i in items.items() for u in i.distractors}
    assert uses[BAD].problem == "attracts strong learners"
    assert uses[UNUSED].problem == "unused" and uses[UNUSED].share == 0
    flagged = {key for key, use in uses.items() if use.problem}
    assert flagged == {BAD, UNUSED}
    outcomes = dict(report.outcomes)
    for outcome, share in PLANTED_OUTCOMES.items():
        assert abs(outcomes[outcome] / LEARNERS - share) < 0.06
    assert report.close_calls == 0 and report.no_recommendation == 0


def test_mastery_follows_the_planted_difficulty(course: Course, tmp_path: Path) -> None:
    module = _final(course)
    report = results_report(course, module,
                            read_answers(module, write_inputs(simulate(course), tmp_path)))
    mastery = {m.objective: m for m in report.mastery}
    # fa-why is the only question of intro-why-roles
    assert mastery["intro-why-roles"].questions == 1
    assert abs(mastery["intro-why-roles"].mean - PLANTED["fa-why"]) < 0.06


def test_report_prints_and_writes_a_page(course: Course, tmp_path: Path) -> None:
    files = write_inputs(simulate(course), tmp_path)
    out = tmp_path / "out"
    args = ["report", str(BUNDLED), *(a for f in files for a in ("--from", str(f))),
            "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "600 learners" in result.output
    assert "wrong choice d: taken by" in result.output and "attracts strong learners" \
        in result.output
    assert "Project Manager: 5" in result.output  # about half the learners, against random
    page = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "fa-why" in page
    first = sorted((p.name, p.read_bytes()) for p in (out / "report").iterdir())
    CliRunner().invoke(main, args)
    assert sorted((p.name, p.read_bytes()) for p in (out / "report").iterdir()) == first


def test_a_csv_without_the_documented_columns_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("user,item,answer\nx,fa-why,a\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(BUNDLED), "--from", str(bad),
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{bad}:1: error: the CSV has no column 'learner', 'question', 'response'" \
        in result.output
    assert not (tmp_path / "out").exists()


def test_unknown_questions_and_choices_are_warned_about_with_their_line(tmp_path: Path) -> None:
    data = tmp_path / "answers.csv"
    data.write_text("learner,question,response\nx,fa-why,a\nx,nope,a\nx,fa-why,zz\n",
                    encoding="utf-8")
    course = load_checked(BUNDLED).course
    answers = read_answers(_final(course), [data])
    assert [(w.line, w.code) for w in answers.warnings] == [
        (3, "report.unknown-question"), (4, "report.unknown-choice")]
