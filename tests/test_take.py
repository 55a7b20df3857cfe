"""`courseforge take`: a learner answers a quiz in the terminal, with piped input."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from courseforge import grading, take
from courseforge.cli import main
from courseforge.loading import load_checked
from courseforge.model import QuestionType

ROOTS = Path(__file__).parent / "roots"
MINIMAL = ROOTS / "minimal"
KITCHEN = ROOTS / "three-outcomes"
MINIMAL_RIGHT = ["1", "1,2", "f", "1", "2"]  # q-focus, q-both, q-tf, q-match (two items)
MINIMAL_WRONG = ["2", "3", "t", "2", "1"]


def run(*args: str, answers: list[str]) -> Result:
    return CliRunner().invoke(main, ["take", *args], input="".join(f"{a}\n" for a in answers))


def answer_lines(root: Path, responses: dict[str, Any], module_id: str | None = None,
                 seed: int = 1) -> list[str]:
    """The input lines that give these responses, in the order the attempt shows."""
    course = load_checked(root).course
    module = take.pick_module(course, module_id)
    assert module.quiz is not None
    arrangement = grading.arrange(module.id, module.quiz, seed)
    questions = {q.id: q for q in module.quiz.questions}
    lines = []
    for qid in arrangement.questions:
        options = arrangement.options_of(qid)
        response = responses[qid]
        if questions[qid].type is QuestionType.MATCHING:
            pairs = dict(response)  # a mapping, or normalised (item, target) pairs
            lines += [str(options.index(pairs[item.id]) + 1) for item in questions[qid].items]
        elif isinstance(response, (list, tuple)):
            lines.append(",".join(str(options.index(r) + 1) for r in response))
        else:
            lines.append(str(options.index(response) + 1))
    return lines


KITCHEN_RIGHT = {"q-station": "a", "q-sous": ["a", "b"], "q-prep": "true",
                 "q-match": {"grill": "line-cook", "tart": "pastry-chef", "pass": "sous-chef"}}


def test_all_right_scores_100_and_passes() -> None:
    result = run(str(MINIMAL), answers=[*MINIMAL_RIGHT, "1", "1"])
    assert result.exit_code == 0, result.output
    assert "Score: 100% (4 of 4 points), passed (passing score 75%)" in result.output
    assert "Incorrect" not in result.output
    assert "   Right.\n   Makers turn plans into working results." in result.output


def test_all_wrong_fails_and_reveals_the_answers() -> None:
    result = run(str(MINIMAL), answers=[*MINIMAL_WRONG, "1", "1"])
    assert result.exit_code == 0, result.output
    assert "Score: 0% (0 of 4 points), failed (passing score 75%)" in result.output
    assert result.output.count("Incorrect: 0 of 1 point") == 4
    assert "Correct answer: Book milestones and Track dates" in result.output
    assert "Correct answer: Writes the code -> Maker and Books the milestones -> Planner" \
        in result.output


def test_reveal_answers_false_hides_the_correct_answer(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(MINIMAL, course)
    quiz = course / "modules" / "roles" / "quiz.yml"
    quiz.write_text("reveal_answers: false\n" + quiz.read_text(encoding="utf-8"), "utf-8")
    result = run(str(course), answers=[*MINIMAL_WRONG, "1", "1"])
    assert "failed" in result.output and "Incorrect" in result.output
    assert "Correct answer" not in result.output
    assert "Makers turn plans into working results." not in result.output  # nor explained
    assert "There is no wrong answer." in result.output  # what gives nothing away stays


@pytest.mark.parametrize(("profile", "outcome", "runner_up"), [
    (["1", "1"], "Maker", "Planner"), (["2", "2"], "Planner", "Maker"),
    (["2", "1"], "Planner", "Maker"),  # 2 points to planner beat 1 to maker
])
def test_each_minimal_profile_recommends_its_outcome(profile: list[str], outcome: str,
                                                     runner_up: str) -> None:
    result = run(str(MINIMAL), answers=[*MINIMAL_RIGHT, *profile])
    assert result.exit_code == 0, result.output
    assert f"Recommended: {outcome}: " in result.output
    assert f"Runner-up: {runner_up}\n" in result.output
    guidance = {"Maker": "Look for roles where you ship work every week.",
                "Planner": "Volunteer to run the next release plan."}[outcome]
    assert f"Guidance: {guidance}" in result.output


@pytest.mark.parametrize(("pick", "outcome", "guidance"), [
    ("a", "Line cook", "Ask for a week on the grill station"),
    ("b", "Pastry chef", "Spend a morning with the pastry team"),
    ("c", "Sous chef", "Shadow the sous chef at the pass"),
])
@pytest.mark.parametrize("seed", [1, 5])
def test_each_kitchen_profile_recommends_its_outcome(pick: str, outcome: str, guidance: str,
                                                     seed: int) -> None:
    profile = {q: pick for q in ("p-rush", "p-pride", "p-learn", "p-mistake")}
    lines = answer_lines(KITCHEN, {**KITCHEN_RIGHT, **profile}, seed=seed)
    result = run(str(KITCHEN), "--seed", str(seed), answers=lines)
    assert result.exit_code == 0, result.output
    assert "Score: 100% (5 of 5 points), passed" in result.output
    assert f"Recommended: {outcome}: " in result.output
    assert f"Guidance: {guidance}" in result.output
    assert f"{outcome} 100%" in result.output
    why = result.output.split("Why:\n")[1].split("Runner-up:")[0]
    assert why.count("  - ") == 3 and "A dinner rush starts." in why.splitlines()[0]


def test_a_tie_is_too_close_to_call_with_both_outcomes_guidance() -> None:
    profile = {"p-rush": "a", "p-pride": "b", "p-learn": "b", "p-mistake": "c"}
    result = run(str(KITCHEN), answers=answer_lines(KITCHEN, {**KITCHEN_RIGHT, **profile}))
    assert "Too close to call: Pastry chef and Line cook\n" in result.output
    assert "Recommended:" not in result.output
    assert "How your answers split: Line cook 40%, Pastry chef 40%, and Sous chef 20%" \
        in result.output
    assert "Guidance for Pastry chef: Spend a morning with the pastry team" in result.output
    assert "Guidance for Line cook: Ask for a week on the grill station" in result.output


def test_a_margin_of_the_course_decides_what_is_too_close(tmp_path: Path) -> None:
    course = shutil.copytree(KITCHEN, tmp_path / "kitchen")
    profile = {"p-rush": "a", "p-pride": "b", "p-learn": "b", "p-mistake": "a"}
    lines = answer_lines(KITCHEN, {**KITCHEN_RIGHT, **profile})
    clear = run(str(course), answers=lines)  # 3 points ahead of 2, of 5 in all: 0.2 > 0.10
    assert "Recommended: Line cook" in clear.output and "Too close" not in clear.output
    yml = course / "course.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "close_call_margin: 0.2\n", encoding="utf-8")
    close = run(str(course), answers=lines)
    assert "Too close to call: Line cook and Pastry chef" in close.output


def test_bad_input_is_asked_again() -> None:
    result = run(str(MINIMAL), answers=["0", "x", "1", "1,9", "2 1", "maybe", "F",
                                        "3", "1", "2", "1", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.count("Please type a number from 1 to 2.") == 3  # 0, x, then 3
    assert result.output.count("Please type one or more numbers from 1 to 3, such as 1,3.") == 1
    assert result.output.count("Please type 1 (true) or 2 (false), or t or f.") == 1
    assert "Score: 100%" in result.output


def test_an_empty_answer_leaves_a_question_unanswered() -> None:
    """As in the lessons, a learner may submit without answering everything."""
    result = run(str(MINIMAL), answers=["", "1,2", "f", "1", "2", "", "1"])
    assert result.exit_code == 0, result.output
    assert "an empty answer leaves the question unanswered" in result.output
    first = result.output.split("Results")[1].split("\n2. ")[0]
    assert "Unanswered: 0 of 1 point" in first
    assert "Score: 75% (3 of 4 points), passed" in result.output
    assert "Please type" not in result.output


def test_input_that_ends_early_is_a_clean_error() -> None:
    result = run(str(MINIMAL), answers=["1", "1,2"])
    assert result.exit_code == 1
    assert "Error: the input ended before the quiz was finished" in result.output
    assert "Traceback" not in result.output


def test_module_picks_a_knowledge_check() -> None:
    result = run(str(KITCHEN), "--module", "brigade", answers=["1", "t"])
    assert result.exit_code == 0, result.output
    assert "Question 2 of 2" in result.output and "Question 3" not in result.output
    assert "Score: 100% (2 of 2 points), passed (passing score 70%)" in result.output
    assert "Recommended" not in result.output  # a knowledge check does not recommend


@pytest.mark.parametrize(("module", "message"), [
    ("welcome", "Error: module 'welcome' has no quiz; modules with a quiz: roles"),
    ("role", "Error: no module 'role' (did you mean 'roles'?); modules with a quiz: roles"),
])
def test_module_without_quiz_lists_the_modules_with_one(module: str, message: str) -> None:
    result = run(str(MINIMAL), "-m", module, answers=[])
    assert result.exit_code == 1
    assert message in result.output


def test_the_seed_makes_an_attempt_reproducible() -> None:
    lines = ["1"] * 14  # enough for any order of the kitchen assessment
    first = run(str(KITCHEN), "--seed", "2", answers=lines).output
    assert first == run(str(KITCHEN), "--seed", "2", answers=lines).output
    assert first != run(str(KITCHEN), "--seed", "3", answers=lines).output
    assert first.index("Question 1 of 8") < first.index("Score:")


def test_no_recommendation_without_weight(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(MINIMAL, course)
    quiz = course / "modules" / "roles" / "quiz.yml"
    neutral = "      - {id: c, text: No preference, weights: {maker: 0}}\n"
    lines = quiz.read_text(encoding="utf-8").splitlines(keepends=True)
    for index in reversed([i for i, line in enumerate(lines) if "{planner: " in line]):
        lines.insert(index + 1, neutral)
    quiz.write_text("".join(lines), "utf-8")
    result = run(str(course), answers=[*MINIMAL_RIGHT, "3", "3"])
    assert result.exit_code == 0, result.output
    assert "  3. No preference" in result.output
    assert "No recommendation: none of your answers about yourself pointed to an outcome." \
        in result.output


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["take", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "courseforge take course" in result.output
    assert "--seed" in result.output and "--module" in result.output


@pytest.mark.parametrize(("text", "expected"), [("1", 0), (" 3 ", 2)])
def test_parse_number(text: str, expected: int) -> None:
    assert take.parse_number(text, 3) == expected


@pytest.mark.parametrize("text", ["", "0", "4", "-1", "1.5", "one", "²", "١",
                                  pytest.param("9" * 5000, id="5000-digits")])
def test_parse_number_refuses(text: str) -> None:
    with pytest.raises(take.AnswerError):
        take.parse_number(text, 3)


def test_parse_numbers_and_true_false() -> None:
    assert take.parse_numbers("3, 1 3", 3) == [0, 2]
    with pytest.raises(take.AnswerError):
        take.parse_numbers(" , ", 3)
    assert [take.parse_true_false(t) for t in ("1", "T", "true", "2", "f", "FALSE")] == [
        "true", "true", "true", "false", "false", "false"]


# -- the bundled course -------------------------------------------------------------------

def _profile(quiz: Any, outcome: str) -> dict[str, str]:
    """For each preference question, the choice that weighs most toward ``outcome``."""
    return {q.id: max(q.choices, key=lambda c: dict(c.weights).get(outcome, 0.0)).id
            for q in quiz.preference_questions}


def _all_right(quiz: Any) -> dict[str, Any]:
    return {q.id: grading.correct_response(q) for q in quiz.graded_questions}


def test_every_bundled_outcome_can_be_the_terminal_recommendation(bundled: Path) -> None:
    course = load_checked(bundled).course
    final = grading.final_module(course)
    assert final is not None and final.quiz is not None and final.quiz.settings.recommend
    for outcome in course.outcomes:
        answers = {**_all_right(final.quiz), **_profile(final.quiz, outcome.id)}
        result = run(str(bundled), "--seed", "4", answers=answer_lines(bundled, answers, seed=4))
        assert result.exit_code == 0, result.output
        assert "Score: 100%" in result.output and "passed" in result.output
        assert f"Recommended: {outcome.title}: " in result.output
        assert f"Guidance: {outcome.guidance}" in result.output


def test_every_bundled_quiz_can_be_taken(bundled: Path) -> None:
    course = load_checked(bundled).course
    for module in course.modules:
        if module.quiz is None:
            continue
        answers = {**_all_right(module.quiz),
                   **_profile(module.quiz, course.outcomes[0].id if course.outcomes else "")}
        lines = answer_lines(bundled, answers, module_id=module.id)
        result = run(str(bundled), "--module", module.id, answers=lines)
        assert result.exit_code == 0, result.output
        assert "Score: 100%" in result.output, module.id
