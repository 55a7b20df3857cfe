"""The grading rules on the test courses: one question, one quiz, the course, recommendation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from courseforge import grading
from courseforge.loading import load_checked
from courseforge.model import Course, Quiz

MINIMAL_RIGHT = {"q-focus": "a", "q-both": ["b", "a"], "q-tf": "false",
                 "q-match": {"code": "maker", "plan": "planner"}}


@pytest.fixture(scope="module")
def minimal() -> Course:
    return load_checked(Path(__file__).parent / "roots" / "minimal").course


@pytest.fixture(scope="module")
def kitchen() -> Course:
    return load_checked(Path(__file__).parent / "roots" / "three-outcomes").course


def _quiz(course: Course, module_id: str) -> Quiz:
    quiz = course.module(module_id).quiz
    assert quiz is not None
    return quiz


def _question(course: Course, module_id: str, question_id: str):  # type: ignore[no-untyped-def]
    return next(q for q in _quiz(course, module_id).questions if q.id == question_id)


# -- one question -------------------------------------------------------------------------

def test_single_choice_is_right_only_with_the_correct_id(minimal: Course) -> None:
    question = _question(minimal, "roles", "q-focus")
    right = grading.grade_question(question, "a")
    assert (right.correct, right.earned, right.points, right.feedback) == (True, 1, 1, ("Right.",))
    wrong = grading.grade_question(question, "b")
    assert (wrong.correct, wrong.earned, wrong.feedback) == (False, 0, ("That is the planner.",))
    assert wrong.explanation == "Makers turn plans into working results."


@pytest.mark.parametrize("response", [None, "", "zz", ["a"], {"a": "b"}])
def test_unanswered_unknown_or_malformed_is_wrong(minimal: Course, response: object) -> None:
    result = grading.grade_question(_question(minimal, "roles", "q-focus"), response)
    assert result.correct is False and result.earned == 0


@pytest.mark.parametrize(("response", "correct"), [
    (["a", "b"], True), ({"b", "a"}, True), (("b", "a", "a"), True),
    (["a"], False), (["a", "b", "c"], False), ([], False), ("a", False),
])
def test_multiple_response_is_all_or_nothing(minimal: Course, response: object,
                                             correct: bool) -> None:
    result = grading.grade_question(_question(minimal, "roles", "q-both"), response)
    assert result.correct is correct
    assert result.earned == (1 if correct else 0)


def test_multiple_response_is_normalised_and_gives_each_chosen_feedback(minimal: Course) -> None:
    result = grading.grade_question(_question(minimal, "roles", "q-both"), ["c", "a", "c"])
    assert result.response == ("a", "c")
    assert result.feedback == ("Yes.", "That is a maker task.")


def test_true_false_uses_the_true_and_false_ids(minimal: Course) -> None:
    question = _question(minimal, "roles", "q-tf")
    assert grading.grade_question(question, "false").feedback == ("Correct, the maker builds it.",)
    assert grading.grade_question(question, "true").correct is False


def test_matching_needs_every_item_and_explains_the_wrong_ones(minimal: Course) -> None:
    question = _question(minimal, "roles", "q-match")
    right = grading.grade_question(question, {"plan": "planner", "code": "maker"})
    assert right.correct and right.feedback == ("All matched.",)
    assert right.response == (("code", "maker"), ("plan", "planner"))
    half = grading.grade_question(question, {"code": "maker"})
    assert half.correct is False and half.earned == 0
    assert half.feedback == ("Look again at who builds and who schedules.", "Planners schedule.")
    assert grading.grade_question(question, {}).response is None


def test_preference_answers_are_recorded_not_graded(minimal: Course) -> None:
    result = grading.grade_question(_question(minimal, "roles", "p-energy"), "a")
    assert (result.correct, result.earned, result.points) == (None, 0, 0)
    assert result.feedback == ("A maker's joy.",)


# -- one quiz -----------------------------------------------------------------------------

def test_percent_has_two_decimals_rounded_half_up() -> None:
    assert grading.percent_of(2, 3) == 66.67
    assert grading.percent_of(1, 3) == 33.33
    assert grading.percent_of(1, 8) == 12.5
    assert grading.percent_of(1, 8000) == 0.01  # 0.0125 rounds up
    assert grading.percent_of(0, 5) == 0
    assert grading.percent_of(0, 0) == 100


def test_quiz_score_counts_points_of_graded_questions_only(kitchen: Course) -> None:
    quiz = _quiz(kitchen, "assessment")  # q-sous is worth 2 of the 5 points
    all_but_sous = {"q-station": "a", "q-prep": "true", "p-rush": "a",
                    "q-match": {"grill": "line-cook", "tart": "pastry-chef", "pass": "sous-chef"}}
    result = grading.score_quiz(quiz, all_but_sous, kitchen.passing_score)
    assert (result.earned, result.total, result.percent, result.passed) == (3, 5, 60, False)
    assert [q.id for q in result.questions] == [q.id for q in quiz.questions]
    full = grading.score_quiz(quiz, {**all_but_sous, "q-sous": ["a", "b"]}, 70)
    assert (full.percent, full.passed) == (100, True)


def test_passing_is_percent_at_least_the_passing_score(minimal: Course) -> None:
    quiz = _quiz(minimal, "roles")
    three_of_four = {**MINIMAL_RIGHT, "q-tf": "true"}
    assert grading.score_quiz(quiz, three_of_four, 75).passed
    assert not grading.score_quiz(quiz, three_of_four, 75.01).passed


# -- the course ---------------------------------------------------------------------------

def test_final_module_prefers_the_last_recommending_quiz(minimal: Course, kitchen: Course) -> None:
    assert grading.final_module(minimal).id == "roles"  # type: ignore[union-attr]
    assert grading.final_module(kitchen).id == "assessment"  # type: ignore[union-attr]
    no_recommend = _without_settings(kitchen, recommend=False, counts=False)
    assert grading.final_module(no_recommend).id == "assessment"  # type: ignore[union-attr]
    first_recommends = _with_settings(no_recommend, "brigade", recommend=True)
    assert grading.final_module(first_recommends).id == "brigade"  # type: ignore[union-attr]


def test_course_score_weights_the_counting_quizzes(kitchen: Course) -> None:
    assert grading.counting_quizzes(kitchen) == (("assessment", 1.0),)
    assert grading.course_score(kitchen, {"brigade": 0, "assessment": 80}) == 80
    both = _with_settings(kitchen, "brigade", counts=True, weight=3.0)
    assert grading.course_score(both, {"brigade": 100, "assessment": 60}) == 90
    assert grading.course_score(both, {"assessment": 60}) == 15  # untaken counts as 0


def test_without_counting_quizzes_the_final_assessment_counts(kitchen: Course) -> None:
    practice_only = _without_settings(kitchen, counts=False)
    assert grading.counting_quizzes(practice_only) == (("assessment", 1.0),)
    assert grading.course_score(practice_only, {"brigade": 10, "assessment": 70}) == 70
    zero_weight = _with_settings(kitchen, "assessment", weight=0.0)
    assert grading.counting_quizzes(zero_weight) == (("assessment", 1.0),)


def test_a_course_without_quizzes_has_no_score(minimal: Course) -> None:
    bare = dataclasses.replace(minimal, modules=tuple(
        dataclasses.replace(m, quiz=None) for m in minimal.modules))
    assert grading.final_module(bare) is None
    assert grading.course_score(bare, {}) is None


def _with_settings(course: Course, module_id: str, **changes: object) -> Course:
    """A copy of the course with one quiz's settings changed."""
    modules = []
    for module in course.modules:
        if module.id == module_id and module.quiz is not None:
            settings = dataclasses.replace(module.quiz.settings, **changes)
            module = dataclasses.replace(module, quiz=dataclasses.replace(module.quiz,
                                                                          settings=settings))
        modules.append(module)
    return dataclasses.replace(course, modules=tuple(modules))


def _without_settings(course: Course, **changes: object) -> Course:
    """A copy of the course with every quiz's settings changed."""
    for module in course.modules:
        course = _with_settings(course, module.id, **changes)
    return course


# -- recommendation -----------------------------------------------------------------------

def test_each_minimal_profile_recommends_its_outcome(minimal: Course) -> None:
    quiz = _quiz(minimal, "roles")
    maker = grading.recommend(quiz, {"p-energy": "a", "p-day": "a"}, minimal.outcomes)
    assert maker is not None
    assert (maker.outcome, maker.runner_up) == ("maker", "planner")
    assert maker.shares == (("maker", 1.0), ("planner", 0.0))
    assert [(r.question, r.text) for r in maker.reasons] == [
        ("p-energy", "Finishing something I built"), ("p-day", "Heads-down building")]
    planner = grading.recommend(quiz, {"p-energy": "b", "p-day": "a"}, minimal.outcomes)
    assert planner is not None and planner.outcome == "planner"
    assert dict(planner.shares) == {"maker": 1 / 3, "planner": 2 / 3}
    assert [r.question for r in planner.reasons] == ["p-energy"]


def test_no_preference_answer_means_no_recommendation(minimal: Course) -> None:
    quiz = _quiz(minimal, "roles")
    assert grading.recommend(quiz, MINIMAL_RIGHT, minimal.outcomes) is None
    assert grading.recommend(quiz, {"p-energy": "zz"}, minimal.outcomes) is None


def test_a_tie_goes_to_the_outcome_backed_by_more_questions(kitchen: Course) -> None:
    # line cook: 2 from one question; pastry chef: 1 + 1 from two questions
    answers = {"p-rush": "a", "p-pride": "b", "p-learn": "b", "p-mistake": "c"}
    result = grading.recommend(_quiz(kitchen, "assessment"), answers, kitchen.outcomes)
    assert result is not None
    assert (result.outcome, result.runner_up) == ("pastry-chef", "line-cook")
    assert dict(result.shares) == {"line-cook": 0.4, "pastry-chef": 0.4, "sous-chef": 0.2}


def test_a_full_tie_goes_to_the_outcome_declared_first(kitchen: Course) -> None:
    answers = {"p-pride": "c", "p-learn": "b", "p-mistake": "a"}
    result = grading.recommend(_quiz(kitchen, "assessment"), answers, kitchen.outcomes)
    assert result is not None
    assert (result.outcome, result.runner_up) == ("line-cook", "pastry-chef")


def test_too_close_to_call_is_the_runner_up_within_the_margin(kitchen: Course) -> None:
    quiz = _quiz(kitchen, "assessment")
    tie = {"p-rush": "a", "p-pride": "b", "p-learn": "b", "p-mistake": "c"}  # 2, 2, 1 of 5
    lead = {"p-rush": "a", "p-pride": "b", "p-learn": "b", "p-mistake": "a"}  # 3, 2 of 5
    results = {m: grading.recommend(quiz, lead, kitchen.outcomes, m)
               for m in (0.0, 0.1, 0.19, 0.2, 0.5)}
    close = {m: r is not None and r.close_call for m, r in results.items()}
    assert close == {0.0: False, 0.1: False, 0.19: False, 0.2: True, 0.5: True}
    tied = grading.recommend(quiz, tie, kitchen.outcomes, 0.0)
    assert tied is not None and tied.close_call  # a tie always is, even with no margin
    assert grading.recommend(quiz, tie, kitchen.outcomes) == tied  # margin defaults to 0


def test_reasons_are_the_heaviest_answers_first(kitchen: Course) -> None:
    answers = {"p-rush": "c", "p-pride": "c", "p-learn": "c", "p-mistake": "c"}
    result = grading.recommend(_quiz(kitchen, "assessment"), answers, kitchen.outcomes)
    assert result is not None and result.outcome == "sous-chef"
    assert [(r.question, r.weight) for r in result.reasons] == [
        ("p-rush", 2), ("p-pride", 1), ("p-learn", 1)]  # at most three


# -- shuffling ----------------------------------------------------------------------------

def test_known_hash_and_generator_values() -> None:
    assert grading.fnv1a("") == 0x811C9DC5
    assert grading.fnv1a("foobar") == 0xBF9CF968  # the published FNV-1a test vector
    numbers = grading.mulberry32(42)
    assert [next(numbers) for _ in range(3)] == [2581720956, 1925393290, 3661312704]


def test_a_quiz_without_shuffling_keeps_its_order(minimal: Course) -> None:
    quiz = _quiz(minimal, "roles")
    arrangement = grading.arrange("roles", quiz, 7)
    assert arrangement.questions == tuple(q.id for q in quiz.questions)
    assert arrangement.options_of("q-match") == ("maker", "planner")


def test_shuffling_is_per_attempt_and_keeps_true_before_false(kitchen: Course) -> None:
    quiz = _quiz(kitchen, "assessment")
    first = grading.arrange("assessment", quiz, 1)
    assert first == grading.arrange("assessment", quiz, 1)
    assert sorted(first.questions) == sorted(q.id for q in quiz.questions)
    assert first.options_of("q-prep") == ("true", "false")
    assert sorted(first.options_of("q-match")) == ["line-cook", "pastry-chef", "sous-chef"]
    orders = {grading.arrange("assessment", quiz, n).questions for n in range(1, 11)}
    assert len(orders) > 5


def test_whole_percents_add_up_to_100() -> None:
    shares = (("a", 4 / 7), ("b", 3 / 14), ("c", 3 / 14))
    assert grading.whole_percents(shares) == (("a", 57), ("b", 22), ("c", 21))
    assert grading.whole_percents((("a", 1 / 3), ("b", 1 / 3), ("c", 1 / 3))) == (
        ("a", 34), ("b", 33), ("c", 33))
    assert grading.whole_percents((("a", 1.0), ("b", 0.0))) == (("a", 100), ("b", 0))
