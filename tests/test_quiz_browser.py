"""Quizzes in headless Chromium: under scorm-again (SCORM 1.2 and 2004) and as a web site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from browser.lms import FOLDERS, LmsSession, extract, serve_harness
from browser.quiz import MINIMAL_CORRECT, MINIMAL_WRONG, answer, control, ready, submit, take
from conftest import BUNDLED, ROOTS
from courseforge import grading
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.lms.identifiers import short_identifier
from courseforge.loading import diagnose, load_checked
from courseforge.model import Course, QuestionType
from test_web_browser import serious_violations

VERSIONS = ["1.2", "2004"]
SET_VALUE = {"1.2": "LMSSetValue", "2004": "SetValue"}
TYPES = {"q-focus": "choice", "q-both": "choice", "q-tf": "true-false", "q-match": "matching",
         "p-energy": "likert", "p-day": "likert"}
# what each version stores for the minimal course's right answers (the patterns too)
RIGHT = {
    "1.2": {"q-focus": "a", "q-both": "a,b", "q-tf": "f", "q-match": "code.maker,plan.planner"},
    "2004": {"q-focus": "a", "q-both": "a[,]b", "q-tf": "false",
             "q-match": "code[.]maker[,]plan[.]planner"},
}
LIMITED_QUIZ = """\
title: Limited check
counts: true
attempts: 2
shuffle_questions: true
shuffle_choices: true
reveal_answers: false
questions:
"""


@pytest.fixture(scope="module")
def served(static_server, node_modules, tmp_path_factory) -> dict[str, str]:
    """Packages and sites under the loopback server: minimal, a limited variant, bundled."""
    base, folder = static_server
    out = tmp_path_factory.mktemp("quiz-out")
    build(ROOTS / "minimal", out / "minimal", ["scorm12", "scorm2004", "web"], BuildOptions(),
          lambda _: None)
    urls = {}
    for version, name in FOLDERS.items():
        extract(out / "minimal" / name / "team-roles.zip", folder / f"quiz-{name}")
        urls[version] = f"quiz-{name}/index.html"
    shutil.copytree(out / "minimal" / "web", folder / "quiz-web", dirs_exist_ok=True)
    urls["web"] = f"{base}/quiz-web/index.html"
    limited = limited_course(tmp_path_factory.mktemp("limited"))
    build(limited, out / "limited", ["web"], BuildOptions(), lambda _: None)
    shutil.copytree(out / "limited" / "web", folder / "quiz-limited", dirs_exist_ok=True)
    urls["limited"] = f"{base}/quiz-limited/index.html"
    course, diagnostics = diagnose(BUNDLED) if BUNDLED.is_dir() else (None, [])
    if course is not None and not any(d.severity.value == "error" for d in diagnostics):
        build(BUNDLED, out / "bundled", ["scorm12", "scorm2004"], BuildOptions(), lambda _: None)
        for version, name in FOLDERS.items():
            extract(out / "bundled" / name / f"{course.id}.zip", folder / f"quiz-bundled-{name}")
            urls[f"bundled-{version}"] = f"quiz-bundled-{name}/index.html"
    serve_harness(folder, node_modules)
    urls["base"] = base
    return urls


def limited_course(target: Path) -> Path:
    """The minimal course with two attempts, shuffling and hidden answers."""
    course = target / "course"
    shutil.copytree(ROOTS / "minimal", course)
    quiz = course / "modules" / "roles" / "quiz.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(LIMITED_QUIZ + text.split("questions:\n", 1)[1], encoding="utf-8")
    return course


def session(page: Any, served: dict[str, str], version: str, key: str | None = None) -> LmsSession:
    return LmsSession(page, served["base"], version, served[key or version])


def set_values(state: dict[str, Any], version: str) -> list[tuple[str, str, str]]:
    """(element, value, result) of every SetValue call, in order."""
    return [(c["args"][0], c["args"][1], c["result"]) for c in state["calls"]
            if c["method"] == SET_VALUE[version]]


def interactions(state: dict[str, Any], version: str) -> dict[str, dict[str, Any]]:
    """The stored interactions by id (the last one of each id)."""
    stored = state["cmi"]["interactions"]
    items = stored.get("childArray", stored) if isinstance(stored, dict) else stored
    values = items.values() if isinstance(items, dict) else items
    return {i["id"]: i for i in values if isinstance(i, dict) and "id" in i}


def score_and_status(state: dict[str, Any], version: str) -> tuple[str, str, str]:
    cmi = state["cmi"]
    if version == "1.2":
        return cmi["core"]["score"]["raw"], cmi["core"]["lesson_status"], ""
    return cmi["score"]["raw"], cmi["success_status"], cmi["score"]["scaled"]


def minimal_course() -> Course:
    return load_checked(ROOTS / "minimal").course


FORMATS = {  # what each version demands of the interaction fields, as sent
    "1.2": {"id": r"[A-Za-z0-9_-]{1,255}", "latency": r"\d{2,4}:\d\d:\d\d\.\d\d",
            "time": r"\d\d:\d\d:\d\d"},
    "2004": {"id": r"[\w.:-]{1,250}", "latency": r"PT\d+H\d+M\d+\.\d\dS",
             "timestamp": r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ", "description": r".{1,250}"},
}


def check_formats(calls: list[tuple[str, str, str]], version: str) -> None:
    """Every interaction field sent is in its version's format; every field is sent."""
    seen = set()
    for name, value, _ in calls:
        match = re.fullmatch(r"cmi\.interactions\.\d+\.(\w+)", name)
        if match and match.group(1) in FORMATS[version]:
            seen.add(match.group(1))
            assert re.fullmatch(FORMATS[version][match.group(1)], value), (name, value)
    assert seen == set(FORMATS[version])


@pytest.mark.parametrize("version", VERSIONS)
def test_all_correct_passes_and_is_recorded(page, served, version) -> None:
    lms = session(page, served, version)
    lesson = lms.launch()
    take(lesson, lms.frame, "roles", MINIMAL_CORRECT)
    form = control(lesson, "roles")
    assert form.locator(".score").inner_text() == "Score: 100% (4 of 4 points)"
    assert lms.frame.evaluate("() => document.activeElement.textContent") == "Your result"
    state = lms.state()
    calls = set_values(state, version)
    assert [c for c in calls if c[2] != "true"] == []  # scorm-again accepted every value
    raw, status, scaled = score_and_status(state, version)
    assert (float(raw), status) == (100.0, "passed")
    if version == "2004":
        assert float(scaled) == 1.0
        assert state["cmi"]["completion_status"] == "incomplete"  # pages left unseen
    names = [c[0] for c in calls]
    status_name = "cmi.core.lesson_status" if version == "1.2" else "cmi.success_status"
    raw_name = "cmi.core.score.raw" if version == "1.2" else "cmi.score.raw"
    assert names.index(raw_name) < len(names) - names[::-1].index(status_name) - 1
    stored = interactions(state, version)
    right = RIGHT[version]
    for question, kind in TYPES.items():
        item = stored[f"roles-{question}"]
        assert item["type"] == kind
        response = item["student_response" if version == "1.2" else "learner_response"]
        if kind == "likert":
            assert response == "a" and item["result"] == "neutral"
            assert float(item["weighting"]) == 0
        else:
            assert response == right[question]
            assert item["correct_responses"]["0"]["pattern"] == right[question]
            assert item["result"] == "correct" and float(item["weighting"]) == 1
    check_formats(calls, version)
    recommendation = stored["recommendation"]
    assert recommendation["type"] == "likert" and recommendation["result"] == "neutral"
    assert recommendation["student_response" if version == "1.2" else "learner_response"] \
        == "maker"
    objectives = {o["id"]: o for o in state["cmi"]["objectives"].values() if isinstance(o, dict)}
    if version == "1.2":
        assert float(objectives["maker"]["score"]["raw"]) == 100
        assert objectives["maker"]["status"] == "passed"
        assert float(objectives["planner"]["score"]["raw"]) == 0
        assert state["cmi"]["comments"] == "Recommended: Maker"
    else:
        assert float(objectives["maker"]["score"]["scaled"]) == 1
        assert objectives["maker"]["success_status"] == "passed"
        assert objectives["planner"]["success_status"] == "unknown"
        assert state["cmi"]["comments_from_learner"]["0"]["comment"] == "Recommended: Maker"
    recommended = form.locator("[data-role=recommendation]")
    assert recommended.get_attribute("data-outcome") == "maker"
    assert "Recommended for you: Maker" in recommended.inner_text()
    # no answer pointed to Planner (0%): it is no runner-up
    assert "Runner-up" not in recommended.inner_text()
    assert "Planner: 0%" in recommended.inner_text()
    assert "Look for roles where you ship work every week." in recommended.inner_text()


@pytest.mark.parametrize("version", VERSIONS)
def test_all_wrong_fails(page, served, version) -> None:
    lms = session(page, served, version)
    lesson = lms.launch()
    take(lesson, lms.frame, "roles", MINIMAL_WRONG)
    state = lms.state()
    assert [c for c in set_values(state, version) if c[2] != "true"] == []
    raw, status, _ = score_and_status(state, version)
    assert (float(raw), status) == (0.0, "failed")
    wrong = "wrong" if version == "1.2" else "incorrect"
    stored = interactions(state, version)
    assert [stored[f"roles-{q}"]["result"] for q in RIGHT[version]] == [wrong] * 4
    assert stored["roles-q-tf"]["student_response" if version == "1.2" else "learner_response"] \
        == ("t" if version == "1.2" else "true")
    form = control(lesson, "roles")
    assert "Not passed" in form.locator(".verdict.failed").inner_text()
    assert "Correct answer: Building the product" in form.inner_text()  # reveal_answers
    assert form.locator("[data-role=recommendation]").get_attribute("data-outcome") == "planner"


def profile(course: Course, outcome: str) -> dict[str, str]:
    """Preference answers that point at one outcome only: its heaviest pure choice."""
    quiz = grading.final_module(course).quiz
    answers = {}
    for question in quiz.preference_questions:
        pure = [c for c in question.choices if dict(c.weights).get(outcome, 0) > 0
                and all(w == 0 for o, w in c.weights if o != outcome)]
        answers[question.id] = max(pure, key=lambda c: dict(c.weights)[outcome]).id
    return answers


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("index", [0, 1, 2])
def test_each_profile_of_the_bundled_course_gets_its_outcome(page, served, index,
                                                              version) -> None:
    # the bundled course must check clean: a served fixture without it fails here
    assert f"bundled-{version}" in served, "the bundled course did not build"
    course = load_checked(BUNDLED).course
    outcome = course.outcomes[index]
    final = grading.final_module(course)
    lms = session(page, served, version, f"bundled-{version}")
    lesson = lms.launch()
    take(lesson, lms.frame, final.id, profile(course, outcome.id))
    box = control(lesson, final.id).locator("[data-role=recommendation]")
    assert box.get_attribute("data-outcome") == outcome.id
    assert f"Recommended for you: {outcome.title}" in box.inner_text()
    state = lms.state()
    assert [c for c in set_values(state, version) if c[2] != "true"] == []
    stored = interactions(state, version)["recommendation"]
    # SCORM 2004 responses write "-" as ".", which Moodle requires (docs/lms.md)
    expected = outcome.id if version == "1.2" else short_identifier(outcome.id)
    assert stored["student_response" if version == "1.2" else "learner_response"] == expected
    comment = (state["cmi"]["comments"] if version == "1.2"
               else state["cmi"]["comments_from_learner"]["0"]["comment"])
    assert comment == f"Recommended: {outcome.title}"


@pytest.mark.parametrize("version", VERSIONS)
def test_relaunch_keeps_answers_then_shows_the_result(page, served, version) -> None:
    lms = session(page, served, version)
    lesson = lms.launch()
    ready(lms.frame)
    lms.frame.evaluate("() => courseforge.go('roles.quiz')")
    answer(lesson, "roles", {"q-focus": "a", "q-both": ["a", "b"],
                             "q-match": {"code": "maker"}})
    stored = lms.relaunch_data(lms.close())
    lesson = lms.launch(stored)
    ready(lms.frame)
    assert control(lesson, "roles", "q-focus", "a").is_checked()
    assert control(lesson, "roles", "q-both", "a").is_checked()
    assert control(lesson, "roles", "q-both", "b").is_checked()
    assert not control(lesson, "roles", "q-both", "c").is_checked()
    assert control(lesson, "roles", "q-match", "code").input_value() == "maker"
    assert control(lesson, "roles", "q-match", "plan").input_value() == ""
    answer(lesson, "roles", {"q-tf": "false", "q-match": {"plan": "planner"},
                             "p-energy": "b", "p-day": "b"})
    submit(lesson, "roles")
    stored = lms.relaunch_data(lms.close())
    lesson = lms.launch(stored)
    ready(lms.frame)
    form = control(lesson, "roles")
    assert form.locator("[data-role=result]").is_visible()
    assert form.locator(".score").inner_text() == "Score: 100% (4 of 4 points)"
    assert form.locator("[data-role=recommendation]").get_attribute("data-outcome") == "planner"
    assert control(lesson, "roles", "q-focus", "a").is_disabled()
    assert form.get_by_role("button", name="Submit", exact=True).is_hidden()
    # the status comes back from the same submission, never from closing the lesson
    raw, status, _ = score_and_status(lms.state(), version)
    assert (float(raw), status) == (100.0, "passed")


def order_on_page(page: Any) -> tuple[list[str], dict[str, list[str]]]:
    return page.evaluate("""() => {
        const items = [...document.querySelectorAll('#quiz\\\\:roles [data-question]')];
        const options = {};
        for (const li of items) {
          const select = li.querySelector('select');
          const nodes = select ? select.querySelectorAll('option[data-option]')
                               : li.querySelectorAll('.option');
          options[li.dataset.question] = [...nodes].map(n => n.dataset.option);
        }
        return [items.map(li => li.dataset.question), options];
    }""")


def shown_order(quiz: Any, order: Any) -> list[str]:
    """An attempt's order as the page shows it: the graded questions, then About you."""
    kinds = {q.id: q.type for q in quiz.questions}
    graded = [q for q in order if kinds[q] is not QuestionType.PREFERENCE]
    return graded + [q for q in order if kinds[q] is QuestionType.PREFERENCE]


def test_attempt_limit_shuffling_and_hidden_answers_on_the_web(page, served, tmp_path) -> None:
    course = load_checked(limited_course(tmp_path)).course
    quiz = course.module("roles").quiz
    expected = {n: grading.arrange("roles", quiz, n) for n in (1, 2)}
    page.goto(served["limited"] + "#roles.quiz")
    assert page.evaluate("() => courseforge.tracker.standard") == "local"
    first = order_on_page(page)
    assert first[0] == shown_order(quiz, expected[1].questions)
    assert first[1] == {q: list(expected[1].options_of(q)) for q in first[0]}
    page.reload()
    assert order_on_page(page) == first  # the same attempt keeps its order
    form = control(page, "roles")
    assert "Attempts used: 0 of 2." in form.locator("[data-role=meta]").inner_text()
    answer(page, "roles", MINIMAL_WRONG)
    submit(page, "roles")
    text = form.inner_text()
    assert "Correct answer" not in text and "correct answer" not in text  # reveal_answers off
    marks = form.locator("[data-role=mark]:not(:empty)").all_inner_texts()
    assert marks and set(marks) == {"your answer"}  # the learner's own choices, nothing more
    assert "You have 1 attempt left." in text
    # a wrong answer's explanation would give the answer away while attempts remain
    assert "Makers turn plans into working results." not in text
    assert "You chose “The schedule”:" in text  # feedback names the choice
    assert "That is the planner." in text
    form.get_by_role("button", name="Try again").click()
    second = order_on_page(page)
    assert second[0] == shown_order(quiz, expected[2].questions) and second != first
    assert not control(page, "roles", "q-focus", "b").is_checked()  # a fresh form
    answer(page, "roles", MINIMAL_CORRECT)
    submit(page, "roles")
    assert "You have no attempts left." in form.inner_text()
    assert form.get_by_role("button", name="Try again").is_hidden()
    page.reload()  # the web site keeps the attempts in localStorage
    assert form.locator("[data-role=result]").is_visible()
    assert form.get_by_role("button", name="Try again").is_hidden()
    assert order_on_page(page) == second
    assert form.locator(".score").inner_text() == "Score: 100% (4 of 4 points)"
    assert page.evaluate("() => JSON.parse(localStorage.getItem("
                         "'courseforge:team-roles:1.0.0')).success") == "passed"


def test_keyboard_only_and_axe(page, served) -> None:
    page.goto(served["web"] + "#roles.quiz")
    page.add_script_tag(url=f"{served['base']}/lib/axe.min.js")
    assert serious_violations(page) == []
    page.evaluate("() => courseforge.go('roles.quiz')")  # focus on the page heading
    keys = ["Tab", "Space",  # q-focus: a
            "Tab", "Space", "Tab", "Space", "Tab",  # q-both: a, b, not c
            "Tab", "ArrowDown",  # q-tf: focus True, arrow to False
            "Tab", "ArrowDown", "Tab", "ArrowDown", "ArrowDown",  # q-match: maker, planner
            "Tab", "Space", "Tab", "Space",  # p-energy a, p-day a
            "Tab"]
    for key in keys:
        page.keyboard.press(key)
    assert page.evaluate("() => document.activeElement.textContent") == "Submit"
    page.keyboard.press("Enter")
    form = control(page, "roles")
    assert form.locator(".score").inner_text() == "Score: 100% (4 of 4 points)"
    assert page.evaluate("() => document.activeElement.textContent") == "Your result"
    page.wait_for_function(
        "() => document.querySelector('[data-role=status]').textContent.includes('Passed')")
    assert serious_violations(page) == []


def test_unanswered_questions_are_confirmed_inline(page, served) -> None:
    page.goto(served["web"] + "#roles.quiz")
    form = control(page, "roles")
    answer(page, "roles", {"q-focus": "a"})
    form.get_by_role("button", name="Submit", exact=True).click()
    # each part by its own numbers: questions 2 to 4 graded, 1 and 2 of About you
    assert form.locator("[data-role=confirm-text]").inner_text() == \
        "5 questions unanswered: questions 2, 3, and 4; About you: questions 1 and 2. " \
        "Submit anyway?"
    assert form.locator("[data-role=result]").is_hidden()
    # the prompt links to each question it names
    links = form.locator("[data-role=confirm-links] a")
    assert links.all_inner_texts() == [f"Go to question {n}" for n in range(2, 5)] + \
        [f"Go to About you, question {n}" for n in (1, 2)]
    links.nth(1).click()
    assert page.evaluate("() => document.activeElement.closest('[data-number]')"
                         ".getAttribute('data-number')") == "3"
    links.nth(4).click()  # an About-you link reaches its question
    assert page.evaluate("() => document.activeElement.closest('[data-question]')"
                         ".dataset.question") == "p-day"
    form.get_by_role("button", name="Submit", exact=True).click()
    # the safe button takes focus: two quick Enters do not spend an attempt
    assert page.evaluate("() => document.activeElement.textContent") == "Keep answering"
    form.get_by_role("button", name="Keep answering").click()
    assert page.evaluate("() => document.activeElement.id") == "quiz:roles:q-both:a"
    form.get_by_role("button", name="Submit", exact=True).click()
    form.get_by_role("button", name="Submit anyway").click()
    assert form.locator(".score").inner_text() == "Score: 25% (1 of 4 points)"
    assert "No recommendation" in form.locator("[data-role=recommendation]").inner_text()


ANSWER_SETS: list[dict[str, Any]] = [
    {"q-focus": "a", "q-both": ["a"], "q-tf": "false", "p-energy": "a", "p-day": "b"},
    {"q-both": ["a", "b"], "q-match": {"code": "maker", "plan": "maker"}, "p-day": "b"},
    {"q-focus": "b", "q-tf": "true", "q-match": {"code": "maker", "plan": "planner"},
     "p-energy": "b", "p-day": "a"},
]


def test_the_page_scores_and_recommends_as_grading_py(page, served) -> None:
    course = minimal_course()
    quiz = course.module("roles").quiz
    page.goto(served["web"] + "#roles.quiz")
    form = control(page, "roles")
    for index, responses in enumerate(ANSWER_SETS):
        if index:
            form.get_by_role("button", name="Try again").click()
        answer(page, "roles", responses)
        submit(page, "roles")
        result = grading.score_quiz(quiz, responses, course.passing_score)
        points = sum(q.points for q in quiz.questions if q.type is not QuestionType.PREFERENCE)
        assert form.locator(".score").inner_text() == \
            f"Score: {result.percent:g}% ({result.earned:g} of {points:g} points)"
        expected = grading.recommend(quiz, responses, course.outcomes)
        shown = form.locator("[data-role=recommendation]").get_attribute("data-outcome")
        assert shown == (expected.outcome if expected else None)
        assert ("Passed" if result.passed else "Not passed") in \
            form.locator(".verdict").inner_text()


def test_print_button_prints_the_result_page_alone(page, served) -> None:
    page.goto(served["web"] + "#roles.quiz")
    answer(page, "roles", MINIMAL_CORRECT)
    submit(page, "roles")
    page.evaluate("() => { window.print = () => { window.printed = document.documentElement"
                  ".classList.contains('print-result'); }; }")
    control(page, "roles").get_by_role("button", name="Print").click()
    assert page.evaluate("() => window.printed") is True
    page.emulate_media(media="print")
    assert page.locator("section.page:visible").count() == 1
    assert page.locator("section.page:visible").get_attribute("id") == "roles.quiz"
    assert control(page, "roles").get_by_role("button", name="Print").is_hidden()



def test_saved_quiz_state_round_trips_within_its_budget(page, served, tmp_path) -> None:
    from courseforge.lms.suspend_data import quiz_state_length

    worst_answers = {"q-focus": "b", "q-both": ["a", "b", "c"], "q-tf": "false",
                     "q-match": {"code": "planner", "plan": "planner"}, "p-energy": "b",
                     "p-day": "b"}
    for key, course_dir in (("web", ROOTS / "minimal"), ("limited", limited_course(tmp_path))):
        quiz = load_checked(course_dir).course.module("roles").quiz
        page.goto(served[key])
        worst = {"count": quiz.settings.attempts or 9999, "phase": "r", "best": 100,
                 "responses": worst_answers}
        text = page.evaluate("(s) => courseforgeQuiz.encodeQuiz('roles', s)", worst)
        assert len(text) == quiz_state_length(quiz), text
        assert page.evaluate("(t) => courseforgeQuiz.decodeQuiz('roles', t)", text) == worst
        # damaged or outdated state starts the quiz afresh instead of misreading it
        fresh = {"count": 0, "phase": "a", "best": 0, "responses": {}}
        for bad in (text[:-2], text + ".", "1rAA", "x"):
            assert page.evaluate("(t) => courseforgeQuiz.decodeQuiz('roles', t)", bad) == fresh
