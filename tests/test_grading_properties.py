"""Property tests of the grading rules, and proof that grading.js agrees with Python."""

from __future__ import annotations

import itertools
import json
import math
import subprocess
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT, require_executable
from courseforge import grading
from courseforge.builders.json_export import to_data
from courseforge.loading import load_checked
from courseforge.model import (
    Choice,
    Course,
    Lesson,
    MatchItem,
    MatchTarget,
    Module,
    Outcome,
    Question,
    QuestionType,
    Quiz,
    QuizSettings,
    Source,
)

GRADING_JS = ROOT / "templates" / "lesson" / "grading.js"
RUNNER_JS = Path(__file__).resolve().parent / "js" / "grading_runner.js"
HERE = Source(path="quiz.yml", line=1)
# Decimal fractions make float sums order-sensitive, so they test that both sides sum alike.
NUMBERS = st.sampled_from([0.1, 0.2, 0.3, 0.5, 1.0, 1.0, 1.5, 2.0, 3.0, 1.7, 7.0])
WEIGHTS = st.sampled_from([0.0, 0.1, 0.2, 0.3, 0.5, 1.0, 1.0, 2.0, 2.0, 3.0])
FEEDBACK = st.sampled_from(["", "", "Right.", "Not quite."])


def _ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(count)]


@st.composite
def questions(
    draw: st.DrawFn,
    qid: str,
    outcomes: list[str],
    types: list[QuestionType],
    weights: st.SearchStrategy[tuple[tuple[str, float], ...]],
) -> Question:
    """A random valid question of one of ``types``."""
    qtype = draw(st.sampled_from(types))
    common: dict[str, Any] = {
        "id": qid,
        "type": qtype,
        "prompt": f"Prompt {qid}",
        "explanation": draw(FEEDBACK),
        "points": draw(NUMBERS),
        "source": HERE,
    }
    if qtype is QuestionType.MATCHING:
        targets = _ids("t", draw(st.integers(1, 4)))
        items = [
            MatchItem(
                id=i,
                text=i.upper(),
                match=draw(st.sampled_from(targets)),
                feedback=draw(FEEDBACK),
                source=HERE,
            )
            for i in _ids("i", draw(st.integers(1, 4)))
        ]
        return Question(
            **common,
            targets=tuple(MatchTarget(id=t, text=t.upper(), source=HERE) for t in targets),
            items=tuple(items),
            feedback_correct=draw(FEEDBACK),
            feedback_incorrect=draw(FEEDBACK),
        )
    if qtype is QuestionType.TRUE_FALSE:
        answer = draw(st.booleans())
        return Question(
            **common,
            choices=tuple(
                Choice(
                    id=str(v).lower(),
                    text=str(v),
                    correct=v == answer,
                    feedback=draw(FEEDBACK),
                    source=HERE,
                )
                for v in (True, False)
            ),
        )
    ids = _ids("c", draw(st.integers(1 if qtype is QuestionType.PREFERENCE else 2, 5)))
    if qtype is QuestionType.SINGLE:
        right = {draw(st.sampled_from(ids))}
    elif qtype is QuestionType.MULTIPLE:
        right = set(draw(st.sets(st.sampled_from(ids), min_size=1)))
    else:
        right = set()
    choices = []
    for cid in ids:
        weighting: tuple[tuple[str, float], ...] = ()
        if qtype is QuestionType.PREFERENCE:
            weighting = draw(weights)
        choices.append(
            Choice(
                id=cid,
                text=f"Text {qid} {cid}",
                correct=cid in right,
                feedback=draw(FEEDBACK),
                weights=weighting,
                source=HERE,
            )
        )
    return Question(**common, choices=tuple(choices))


def responses_for(question: Question) -> st.SearchStrategy[Any]:
    """Random answers for a question: right, wrong, partial, malformed or missing."""
    option_ids = [c.id for c in question.choices] + ["zz"]
    if question.type is QuestionType.MULTIPLE:
        answer: st.SearchStrategy[Any] = st.lists(st.sampled_from(option_ids), max_size=4)
    elif question.type is QuestionType.MATCHING:
        targets = [t.id for t in question.targets] + [""]
        answer = st.dictionaries(
            st.sampled_from([i.id for i in question.items] + ["zz"]),
            st.sampled_from(targets),
            max_size=5,
        )
    else:
        answer = st.sampled_from([*option_ids, ""])
    return st.integers(0, 4).flatmap(lambda roll: answer if roll else st.none())


@st.composite
def quizzes(draw: st.DrawFn, outcomes: list[str]) -> Quiz:
    """A random quiz with random settings; some are all preference items with tie-prone weights."""
    count = draw(st.integers(1, 8))
    survey = draw(st.booleans())
    types = [QuestionType.PREFERENCE] if survey else list(QuestionType)
    # a survey's choices each weigh one outcome by 1 or 2: ties need the tie-breaking rules
    weights = (
        st.tuples(st.tuples(st.sampled_from(outcomes), st.sampled_from([1.0, 2.0])))
        if survey
        else st.lists(st.sampled_from(outcomes), unique=True, max_size=3).flatmap(
            lambda chosen: st.tuples(*(st.tuples(st.just(o), WEIGHTS) for o in chosen))
        )
    )
    return Quiz(
        title="Quiz",
        intro="",
        source=HERE,
        settings=QuizSettings(
            counts=draw(st.booleans()),
            weight=draw(WEIGHTS),
            shuffle_questions=draw(st.booleans()),
            shuffle_choices=draw(st.booleans()),
            recommend=draw(st.booleans()),
        ),
        questions=tuple(draw(questions(qid, outcomes, types, weights)) for qid in _ids("q", count)),
    )


@st.composite
def courses(draw: st.DrawFn) -> Course:
    """A random course: one to four outcomes, one to three modules, most with a quiz."""
    outcomes = _ids("o", draw(st.integers(1, 4)))
    lesson = Lesson(title="Lesson", objectives=(), minutes=1, slides=(), source=HERE)
    modules = tuple(
        Module(
            id=mid,
            lesson=lesson,
            source=HERE,
            quiz=draw(quizzes(outcomes)) if draw(st.integers(0, 4)) else None,
        )
        for mid in _ids("m", draw(st.integers(1, 3)))
    )
    return Course(
        id="c",
        title="C",
        version="1",
        language="en",
        description="",
        audience="",
        author="",
        brand_colour="#000000",
        root=Path("."),
        source=HERE,
        modules=modules,
        passing_score=draw(st.sampled_from([0.0, 50.0, 66.67, 75.0, 80.0, 100.0, 33.33])),
        # margins that make "too close to call" borderline for weights of 1 and 2
        close_call_margin=draw(st.sampled_from([0.0, 0.1, 0.125, 0.2, 1 / 3, 0.5])),
        outcomes=tuple(
            Outcome(id=o, title=o.upper(), summary="", guidance="", source=HERE) for o in outcomes
        ),
    )


@st.composite
def attempts(draw: st.DrawFn) -> dict[str, Any]:
    """A course, an answer set for each quiz, an attempt number and a seed text."""
    course = draw(courses())
    responses = {}
    for module in course.modules:
        if module.quiz is not None:
            answers = {q.id: draw(responses_for(q)) for q in module.quiz.questions}
            responses[module.id] = {k: v for k, v in answers.items() if v is not None}
    return {
        "course": course,
        "responses": responses,
        "attempt": draw(st.integers(0, 2**32)),
        "seed": draw(st.text(max_size=12)),
        "items": list(range(draw(st.integers(0, 12)))),
    }


# -- Python results as the plain data grading.js returns ------------------------------------


def _plain(value: Any) -> Any:
    """A grading result as JSON data shaped like grading.js's (pairs become objects)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, grading.QuestionResult) and value.type is QuestionType.MATCHING:
        data = to_data(value)
        data["response"] = dict(value.response) if value.response else None
        return data
    if isinstance(value, grading.QuizResult):
        return {**to_data(value), "questions": [_plain(q) for q in value.questions]}
    if isinstance(value, (grading.Recommendation, grading.Arrangement)):
        data = to_data(value)
        key = "shares" if isinstance(value, grading.Recommendation) else "options"
        data[key] = {k: to_data(v) for k, v in getattr(value, key)}
        return data
    return to_data(value)


def _percents(recommendation: grading.Recommendation | None) -> dict[str, int] | None:
    return dict(grading.whole_percents(recommendation.shares)) if recommendation else None


def python_results(case: dict[str, Any]) -> dict[str, Any]:
    """What the grading package computes for a case, shaped like the runner's output."""
    course: Course = case["course"]
    quizzes_data, percents = {}, {}
    for module in course.modules:
        if module.quiz is None:
            continue
        answers = case["responses"][module.id]
        score = grading.score_quiz(module.quiz, answers, course.passing_score)
        percents[module.id] = score.percent
        quizzes_data[module.id] = {
            "score": _plain(score),
            "recommendation": _plain(grading.recommend(module.quiz, answers, course.outcomes,
                                                       course.close_call_margin)),
            "percents": _percents(grading.recommend(module.quiz, answers, course.outcomes)),
            "arrangement": _plain(grading.arrange(module.id, module.quiz, case["attempt"])),
            "correct": {
                q.id: _response(q, grading.correct_response(q)) for q in module.quiz.questions
            },
        }
    final = grading.final_module(course)
    return {
        "quizzes": quizzes_data,
        "course_score": grading.course_score(course, percents),
        "counting": [list(pair) for pair in grading.counting_quizzes(course)],
        "final_module": final.id if final else None,
        "shuffled": grading.shuffled(case["items"], case["seed"]),
        "fnv1a": grading.fnv1a(case["seed"]),
    }


def _case_json(case: dict[str, Any]) -> str:
    return json.dumps({**case, "course": to_data(case["course"])})


def run_node(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Grade every case with grading.js in a single node process."""
    node = require_executable("node")
    payload = [{**case, "course": to_data(case["course"])} for case in cases]
    done = subprocess.run(
        [node, str(RUNNER_JS), str(GRADING_JS)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def collect(strategy: st.SearchStrategy[Any], count: int) -> list[Any]:
    """``count`` examples drawn by hypothesis, to send to node in one batch."""
    found: list[Any] = []

    @settings(
        max_examples=count, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(strategy)
    def draw(example: Any) -> None:
        found.append(example)

    draw()
    return found


def test_python_and_javascript_agree_exactly() -> None:
    cases = collect(attempts(), 400)
    assert len(cases) >= 100
    results = run_node(cases)
    mismatches = [
        (case, expected, actual)
        for case, actual in zip(cases, results, strict=True)
        if (expected := python_results(case)) != actual
    ]
    calls = [q["recommendation"]["close_call"] for r in results for q in r["quizzes"].values()
             if q["recommendation"]]
    assert True in calls and False in calls  # both sides of "too close to call" were compared
    if mismatches:
        # the smallest failing course is the easiest to read
        case, expected, actual = min(mismatches, key=lambda m: len(_case_json(m[0])))
        raise AssertionError(
            f"{len(mismatches)} of {len(cases)} cases differ; smallest:\n"
            f"{_case_json(case)}\n"
            f"python: {json.dumps(expected)}\nnode:   {json.dumps(actual)}"
        )


def test_the_agreement_check_sees_a_difference() -> None:
    """The comparison above is strict: one changed hundredth is a mismatch."""
    case = collect(attempts(), 1)[0]
    expected = python_results(case)
    actual = run_node([case])[0]
    assert expected == actual
    actual["course_score"] = (actual["course_score"] or 0) + 0.01
    assert expected != actual


# -- Python properties ----------------------------------------------------------------------


@st.composite
def quiz_attempts(draw: st.DrawFn) -> tuple[Quiz, dict[str, Any], list[str]]:
    """One quiz, one answer set, the declared outcomes."""
    outcomes = _ids("o", draw(st.integers(1, 4)))
    quiz = draw(quizzes(outcomes))
    answers = {q.id: draw(responses_for(q)) for q in quiz.questions}
    return quiz, answers, outcomes


def _outcomes(ids: list[str]) -> tuple[Outcome, ...]:
    return tuple(Outcome(id=o, title=o, summary="", guidance="", source=HERE) for o in ids)


def _response(question: Question, normalised: Any) -> Any:
    """A normalised response as a response again (matching pairs as a mapping)."""
    if question.type is QuestionType.MATCHING:
        return dict(normalised)
    return list(normalised) if isinstance(normalised, tuple) else normalised


def _right(question: Question) -> Any:
    """The fully correct response to a graded question."""
    return _response(question, grading.correct_response(question))


@settings(max_examples=150, deadline=None)
@given(quiz_attempts(), st.sampled_from([0.0, 50.0, 80.0, 100.0]))
def test_score_is_a_percent_and_passing_follows_it(attempt: Any, passing: float) -> None:
    quiz, answers, _ = attempt
    result = grading.score_quiz(quiz, answers, passing)
    assert 0 <= result.percent <= 100
    assert result.passed is (result.percent >= passing)
    assert result.percent == round(result.percent, 2)
    assert sum(1 for q in result.questions if q.correct is None) == len(quiz.preference_questions)


@settings(max_examples=100, deadline=None)
@given(quiz_attempts(), st.randoms(use_true_random=False))
def test_the_order_of_responses_does_not_matter(attempt: Any, rnd: Any) -> None:
    quiz, answers, outcomes = attempt
    keys = list(answers)
    rnd.shuffle(keys)
    reordered = {
        k: list(reversed(v)) if isinstance(v, list) else v
        for k, v in ((k, answers[k]) for k in keys)
    }
    assert grading.score_quiz(quiz, reordered, 80) == grading.score_quiz(quiz, answers, 80)
    assert grading.recommend(quiz, reordered, _outcomes(outcomes)) == grading.recommend(
        quiz, answers, _outcomes(outcomes)
    )


@settings(max_examples=150, deadline=None)
@given(quiz_attempts(), st.data())
def test_a_right_answer_never_lowers_the_score(attempt: Any, data: st.DataObject) -> None:
    quiz, answers, _ = attempt
    graded = quiz.graded_questions
    assume(graded)
    question = data.draw(st.sampled_from(graded))
    before = grading.score_quiz(quiz, answers, 50)
    after = grading.score_quiz(quiz, {**answers, question.id: _right(question)}, 50)
    assert after.percent >= before.percent
    assert after.earned >= before.earned
    assert next(r for r in after.questions if r.id == question.id).correct is True


@settings(max_examples=50, deadline=None)
@given(quiz_attempts())
def test_all_right_is_100_and_all_unanswered_is_0(attempt: Any) -> None:
    quiz, _, _ = attempt
    assume(quiz.graded_questions)
    right = {q.id: _right(q) for q in quiz.graded_questions}
    assert grading.score_quiz(quiz, right, 100).percent == 100
    assert grading.score_quiz(quiz, right, 100).passed
    assert grading.score_quiz(quiz, {}, 1).percent == 0
    assert not grading.score_quiz(quiz, {}, 1).passed


@settings(max_examples=150, deadline=None)
@given(quiz_attempts())
def test_the_recommendation_is_a_declared_outcome(attempt: Any) -> None:
    quiz, answers, outcomes = attempt
    result = grading.recommend(quiz, answers, _outcomes(outcomes))
    weighed = any(
        w > 0
        for q in quiz.preference_questions
        for c in q.choices
        if c.id == answers.get(q.id)
        for _, w in c.weights
    )
    assert (result is not None) is weighed
    if result is None:
        return
    assert result.outcome in outcomes
    assert result.runner_up in (set(outcomes) - {result.outcome} or {None})
    shares = dict(result.shares)
    assert list(shares) == outcomes
    assert math.isclose(sum(shares.values()), 1.0)
    assert shares[result.outcome] == max(shares.values())
    assert 1 <= len(result.reasons) <= 3
    assert [r.weight for r in result.reasons] == sorted(
        (r.weight for r in result.reasons), reverse=True
    )


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(), max_size=20, unique=True), st.text(max_size=10))
def test_shuffle_is_a_deterministic_permutation(items: list[int], seed: str) -> None:
    once = grading.shuffled(items, seed)
    assert sorted(once) == sorted(items)
    assert grading.shuffled(items, seed) == once


def test_shuffle_depends_on_the_seed() -> None:
    items = list(range(10))
    orders = {tuple(grading.shuffled(items, f"roles:{attempt}")) for attempt in range(20)}
    assert len(orders) > 15


def test_python_and_javascript_agree_on_every_profile_of_a_real_course() -> None:
    """Every combination of preference answers (ties included) on tests/roots/three-outcomes."""
    course = load_checked(ROOT / "tests" / "roots" / "three-outcomes").course
    final = grading.final_module(course)
    assert final is not None and final.quiz is not None
    survey = final.quiz.preference_questions
    options = [[c.id for c in q.choices] + [None] for q in survey]
    cases = []
    for attempt, picks in enumerate(itertools.product(*options)):
        answers = {q.id: pick for q, pick in zip(survey, picks, strict=True) if pick is not None}
        cases.append(
            {
                "course": course,
                "responses": {"brigade": {}, final.id: answers},
                "attempt": attempt,
                "seed": "",
                "items": [],
            }
        )
    assert len(cases) == 4 ** len(survey)
    for case, actual in zip(cases, run_node(cases), strict=True):
        assert python_results(case) == actual, _case_json(case)


def test_grading_js_attaches_itself_to_window_in_a_page() -> None:
    """Loaded as a classic script (no module, no DOM), it defines window.courseforgeGrading."""
    node = require_executable("node")
    script = (
        "const vm = require('vm'), fs = require('fs');"
        "const page = {window: {}, TextEncoder};"
        "vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), page);"
        "const g = page.window.courseforgeGrading;"
        "process.stdout.write(JSON.stringify([Object.keys(g).sort(), g.percentOf(2, 3)]));"
    )
    done = subprocess.run(
        [node, "-e", script, str(GRADING_JS)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    names, percent = json.loads(done.stdout)
    assert percent == grading.percent_of(2, 3) == 66.67
    assert {"gradeQuestion", "scoreQuiz", "courseScore", "recommend", "arrange"} <= set(names)
