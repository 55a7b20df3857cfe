"""Random draws: one seeded rule in Python and the browser, and what check proves about it."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, ROOTS, require_executable
from courseforge import grading
from courseforge.builders.json_export import to_data
from courseforge.draw_checks import draw_groups, missed_by
from courseforge.loading import diagnose, load_checked
from courseforge.model import Choice, Question, QuestionType, Quiz, QuizSettings, Source
from quiz_strategies import pools_over

HERE = Source(path="quiz.yml", line=1)
GRADING_JS = ROOT / "templates" / "lesson" / "grading.js"
RUNNER_JS = Path(__file__).resolve().parent / "js" / "draw_runner.js"


def _question(qid: str, objectives: tuple[str, ...]) -> Question:
    return Question(id=qid, type=QuestionType.SINGLE, prompt=qid, explanation="", source=HERE,
                    objectives=objectives, choices=(
                        Choice(id="a", text="A", correct=True, source=HERE),
                        Choice(id="b", text="B", source=HERE)))


@st.composite
def drawn_quizzes(draw: st.DrawFn) -> Quiz:
    """A quiz of 1-8 questions drawing with 'draw', with pools, or not at all."""
    count = draw(st.integers(1, 8))
    ids = [f"q{i}" for i in range(count)]
    objectives = [tuple(draw(st.sets(st.sampled_from("xyz"), max_size=2))) for _ in ids]
    questions = tuple(_question(q, tuple(sorted(o))) for q, o in zip(ids, objectives, strict=True))
    how = draw(st.sampled_from(["none", "draw", "pools"]))
    if how == "draw":
        return Quiz(title="Q", intro="", settings=QuizSettings(), questions=questions,
                    draw=draw(st.integers(1, count)), source=HERE)
    pools = draw(pools_over(ids, HERE)) if how == "pools" else ()
    return Quiz(title="Q", intro="", settings=QuizSettings(
        shuffle_questions=draw(st.booleans())), questions=questions, pools=pools, source=HERE)


@settings(max_examples=200, deadline=None)
@given(quiz=drawn_quizzes(), attempt=st.integers(1, 1000))
def test_a_draw_asks_each_pool_its_count_and_every_other_question(quiz: Quiz,
                                                                  attempt: int) -> None:
    asked = grading.drawn("m", quiz, attempt)
    ids = [q.id for q in quiz.questions]
    assert list(asked) == [q for q in ids if q in asked]  # quiz order, no repeats
    always, groups = draw_groups(quiz)
    assert {q.id for q in always} <= set(asked)
    for group in groups:
        assert len([q for q in group.questions if q.id in asked]) == group.draw
    assert asked == grading.drawn("m", quiz, attempt)  # the seed decides
    arranged = grading.arrange("m", quiz, attempt)
    assert sorted(arranged.questions) == sorted(asked)  # interaction ids are the quiz's own
    assert {qid for qid, _ in arranged.options} == set(ids)


def test_attempts_draw_differently() -> None:
    quiz = Quiz(title="Q", intro="", settings=QuizSettings(), draw=3, source=HERE,
                questions=tuple(_question(f"q{i}", ()) for i in range(8)))
    assert len({grading.drawn("m", quiz, attempt) for attempt in range(1, 30)}) > 10


def _every_draw(quiz: Quiz) -> list[set[str]]:
    always, groups = draw_groups(quiz)
    choices = [list(itertools.combinations([q.id for q in g.questions], g.draw)) for g in groups]
    return [{q.id for q in always} | {qid for part in pick for qid in part}
            for pick in itertools.product(*choices)]


@settings(max_examples=200, deadline=None)
@given(quiz=drawn_quizzes(), objective=st.sampled_from("xyz"))
def test_the_proof_agrees_with_every_possible_draw(quiz: Quiz, objective: str) -> None:
    assessing = {q.id for q in quiz.questions if objective in q.objectives}
    every_draw_assesses = all(d & assessing for d in _every_draw(quiz))
    reasons = missed_by(quiz, lambda q: objective in q.objectives)
    assert (reasons == []) == every_draw_assesses


@settings(max_examples=1, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(drawn_quizzes(), st.integers(1, 10**6)), min_size=150,
                max_size=150))
def test_python_and_javascript_draw_alike(cases: list[tuple[Quiz, int]]) -> None:
    node = require_executable("node")
    payload, expected = [], []
    for quiz, attempt in cases:
        responses = {q.id: "a" if i % 2 else "b" for i, q in enumerate(quiz.questions)}
        payload.append({"module": "mod", "quiz": to_data(quiz), "attempt": attempt,
                        "responses": responses})
        asked = grading.drawn("mod", quiz, attempt)
        expected.append({"drawn": list(asked),
                         "arrangement": list(grading.arrange("mod", quiz, attempt).questions),
                         "score": grading.score_quiz(quiz, responses, 50, asked).percent})
    done = subprocess.run([node, str(RUNNER_JS), str(GRADING_JS)], input=json.dumps(payload),
                          capture_output=True, text=True, check=True, timeout=120)
    assert json.loads(done.stdout) == expected


def test_the_draw_course_checks_clean_and_take_asks_the_draw() -> None:
    course = load_checked(ROOTS / "draws").course
    quiz = course.module("roles").quiz
    assert quiz is not None and [p.id for p in quiz.pools] == ["tell", "about-you"]
    for attempt in range(1, 20):
        asked = grading.drawn("roles", quiz, attempt)
        assert "q-focus" in asked and len(asked) == 4
        result = grading.score_quiz(quiz, {}, 75, asked)
        assert [r.id for r in result.questions] == list(asked)


def _variant(tmp_path: Path, old: str, new: str) -> list[str]:
    course = tmp_path / f"course-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(ROOTS / "draws", course)
    path = course / "modules" / "roles" / "quiz.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return [str(d) for d in diagnose(course)[1]]


def test_check_says_which_draws_miss_an_objective(tmp_path: Path) -> None:
    found = _variant(tmp_path, "    questions: [q-both, q-tf, q-match]",
                     "    questions: [q-focus, q-both, q-tf, q-match]")
    assert any(d.endswith("modules/roles/quiz.yml:6: warning: some draws do not assess "
                          "objective 'name-roles': a draw of 2 from pool 'tell' can leave out "
                          "all 1 of its 4 questions that do [draw.objective]")
               for d in found), found  # line 6: the quiz's 'pools:'


def test_check_refuses_a_draw_that_cannot_recommend_an_outcome(tmp_path: Path) -> None:
    found = _variant(tmp_path, "{id: b, text: Sorting the week's priorities, weights: "
                     "{planner: 1}", "{id: b, text: Sorting the week's priorities, weights: "
                     "{maker: 1}")
    assert any("error: some draws can never recommend outcome 'planner': a draw of 1 from "
               "pool 'about-you' can leave out all 1 of its 2 questions that do "
               "[draw.outcome]" in d for d in found), found


def test_check_refuses_draws_without_a_graded_question(tmp_path: Path) -> None:
    found = _variant(tmp_path, "pools:\n", "draw: 1\npools_unused:\n")
    assert any("[field.unknown]" in d for d in found)
    found = _variant(tmp_path, "pools:\n  - id: tell\n    draw: 2\n    questions: [q-both, "
                     "q-tf, q-match]\n  - id: about-you\n    draw: 1\n    questions: "
                     "[p-energy, p-day]\n", "draw: 1\n")
    assert any("[draw.ungraded]" in d and "modules/roles/quiz.yml:6: error:" in d
               for d in found), found  # line 6: the quiz's 'draw: 1'
    found = _variant(tmp_path, "pools:\n", "draw: 99\npools_unused:\n")
    assert any("modules/roles/quiz.yml:6: error: 'draw' must be from 1 to the" in d
               and "not 99 [quiz.draw]" in d for d in found), found


def test_check_refuses_pools_that_do_not_add_up(tmp_path: Path) -> None:
    found = _variant(tmp_path, "    draw: 2\n    questions: [q-both, q-tf, q-match]",
                     "    draw: 5\n    questions: [q-both, q-tf, q-nope, p-day]")
    text = "\n".join(found)
    assert "pool 'tell' names question 'q-nope', which the quiz does not have" in text
    assert "question 'p-day' is in pool 'tell' and in pool 'about-you'" in text
    assert "pool 'tell' must draw from 1 to its 4 questions, not 5 [pool.draw]" in text


def test_take_asks_the_attempts_draw() -> None:
    from click.testing import CliRunner

    from courseforge.cli import main

    quiz = load_checked(ROOTS / "draws").course.module("roles").quiz
    assert quiz is not None
    for seed in (1, 2, 3):
        asked = grading.arrange("roles", quiz, seed).questions
        by_id = {q.id: q for q in quiz.questions}
        answers = "".join("1\n" * max(1, len(by_id[q].items)) for q in asked)
        result = CliRunner().invoke(main, ["take", str(ROOTS / "draws"), "--seed", str(seed)],
                                    input=answers)
        assert result.exit_code == 0, result.output
        prompts = {q.id: q.prompt for q in quiz.questions}
        shown = [qid for qid, prompt in prompts.items() if f"\n{prompt}\n" in result.output]
        assert sorted(shown) == sorted(asked)
        assert f"Question {len(asked)} of {len(asked)}" in result.output
