"""Practice checks question by question, the About-you part and the answered counter, in
headless Chromium: the bundled course under scorm-again (SCORM 1.2 and 2004) and as a site."""

from __future__ import annotations

import re
import shutil
from typing import Any

import pytest

from browser.lms import FOLDERS, LmsSession, extract, serve_harness
from browser.quiz import answer, control, ready, submit
from conftest import BUNDLED, ROOTS, require_bundled_clean
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from test_web_browser import serious_violations

PRACTICE = "project-manager"  # a knowledge check of the bundled course that does not count
SET_VALUE = {"1.2": "LMSSetValue", "2004": "SetValue"}
# what would report a result: a check must send none of these
RESULTS = re.compile(r"cmi\.(interactions|objectives|score|core\.score|core\.lesson_status|"
                     r"success_status|comments)")
WRONG_FEEDBACK = "Not quite. Organization-wide standards are the PMO Manager’s territory."
RIGHT_FEEDBACK = "Correct. A Project Manager concentrates on one project"


@pytest.fixture(scope="module")
def served(static_server, node_modules, tmp_path_factory) -> dict[str, str]:
    """The bundled course as SCORM packages and a site; the minimal and self-assessment sites."""
    require_bundled_clean()
    base, folder = static_server
    out = tmp_path_factory.mktemp("checks-out")
    build(BUNDLED, out / "bundled", ["scorm12", "scorm2004", "web"], BuildOptions(),
          lambda _: None)
    urls = {"base": base}
    for version, name in FOLDERS.items():
        package = next((out / "bundled" / name).glob("*.zip"))
        extract(package, folder / f"checks-{name}")
        urls[version] = f"checks-{name}/index.html"
    shutil.copytree(out / "bundled" / "web", folder / "checks-web", dirs_exist_ok=True)
    urls["bundled"] = f"{base}/checks-web/index.html"
    for course in ("minimal", "self-assessment"):
        build(ROOTS / course, out / course, ["web"], BuildOptions(), lambda _: None)
        shutil.copytree(out / course / "web", folder / f"checks-{course}", dirs_exist_ok=True)
        urls[course] = f"{base}/checks-{course}/index.html"
    serve_harness(folder, node_modules)
    shutil.copyfile(node_modules / "axe-core" / "axe.min.js", folder / "axe.min.js")
    urls["axe"] = f"{base}/axe.min.js"
    return urls


def option(root: Any, module: str, question: str, choice: str) -> Any:
    """The tile of one choice."""
    return control(root, module, question).locator(f"[data-option='{choice}']")


def check_button(root: Any, module: str, question: str) -> Any:
    return control(root, module, question).get_by_role("button", name="Check")


def status_text(frame: Any) -> str:
    """What the form's polite status says (written 50 ms after it is cleared)."""
    frame.wait_for_function("() => document.querySelector("
                            "'[id=\"quiz:project-manager\"] [data-role=status]').textContent")
    return str(frame.evaluate("() => document.querySelector("
                              "'[id=\"quiz:project-manager\"] [data-role=status]').textContent"))


def in_sight(page: Any, question: Any, feedback: Any) -> None:
    """The focused Check button is under the top bar and the feedback starts above the pager."""
    button = question.get_by_role("button", name="Check").bounding_box()
    box = feedback.bounding_box()
    bar = page.locator(".topbar").bounding_box()
    pager = page.locator(".pager").bounding_box()
    assert button and box and bar and pager
    assert bar["y"] + bar["height"] <= button["y"] and \
        button["y"] + button["height"] <= pager["y"]
    assert box["y"] < pager["y"]


def set_values(state: dict[str, Any], version: str, since: int = 0) -> list[tuple[str, str]]:
    return [(c["args"][0], c["args"][1]) for c in state["calls"][since:]
            if c["method"] == SET_VALUE[version]]


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_wrong_then_a_right_check_marks_and_explains_and_tells_the_lms_nothing(
        page, served, version) -> None:
    lms = LmsSession(page, served["base"], version, served[version])
    lesson = lms.launch()
    ready(lms.frame)
    lms.frame.evaluate("(id) => courseforge.go(id + '.quiz')", PRACTICE)
    before = len(lms.state()["calls"])
    question = control(lesson, PRACTICE, "pm-q-focus")
    feedback = question.locator("[data-role=feedback]")
    answer(lesson, PRACTICE, {"pm-q-focus": "b"})
    check_button(lesson, PRACTICE, "pm-q-focus").click()
    text = feedback.inner_text()
    assert text.startswith("Incorrect: 0 of 1 point.") and WRONG_FEEDBACK in text
    assert "Correct answer: Getting one project over the finish line" in text  # reveal_answers
    # marked by text, not colour alone: the learner's choice and the right one
    assert option(lesson, PRACTICE, "pm-q-focus", "b").locator("[data-role=mark]").inner_text() \
        == "your answer"
    assert option(lesson, PRACTICE, "pm-q-focus", "a").locator("[data-role=mark]").inner_text() \
        == "✓ correct answer"
    assert "is-incorrect" in (question.get_attribute("class") or "")
    assert WRONG_FEEDBACK in status_text(lms.frame)
    # the learner may change the answer: the old marks go, and a new check grades the new one
    answer(lesson, PRACTICE, {"pm-q-focus": "a"})
    assert feedback.is_hidden()
    assert option(lesson, PRACTICE, "pm-q-focus", "b").locator("[data-role=mark]").inner_text() \
        == ""
    check_button(lesson, PRACTICE, "pm-q-focus").click()
    text = feedback.inner_text()
    assert text.startswith("Correct: 1 of 1 point.") and RIGHT_FEEDBACK in text
    assert option(lesson, PRACTICE, "pm-q-focus", "a").locator("[data-role=mark]").inner_text() \
        == "your answer · ✓ correct"
    assert "is-correct" in (question.get_attribute("class") or "")
    # the controls stay open and the other questions untouched
    assert control(lesson, PRACTICE, "pm-q-focus", "b").is_enabled()
    assert control(lesson, PRACTICE, "pm-q-match").locator("[data-role=feedback]").is_hidden()
    state = lms.state()  # every value sent passes the strict checker of its version
    assert [name for name, _ in set_values(state, version, before) if RESULTS.match(name)] == []
    # Submit records the attempt as a practice quiz is recorded: one summary, no course score
    submit(lesson, PRACTICE)
    state = lms.state()
    sent = set_values(state, version, before)
    interactions = [(n, v) for n, v in sent if n.startswith("cmi.interactions.")]
    ids = [v for n, v in interactions if n.endswith(".id")]
    assert ids == [PRACTICE]
    assert (re.sub(r"\d+", "N", next(n for n, v in interactions if v == "numeric")),
            ) == ("cmi.interactions.N.type",)
    weighting = [v for n, v in interactions if n.endswith(".weighting")]
    assert [float(w) for w in weighting] == [0.0]
    if version == "2004":  # the summary's description, in the course's language (a label)
        assert [v for n, v in interactions if n.endswith(".description")] == [
            "Practice: The Project Manager"]
    names = {n for n, _ in sent}
    assert not names & {"cmi.core.score.raw", "cmi.score.raw", "cmi.score.scaled",
                        "cmi.success_status"}
    if version == "1.2":
        assert state["cmi"]["core"]["lesson_status"] == "incomplete"
        assert state["cmi"]["core"]["score"]["raw"] == ""
    else:
        assert state["cmi"]["success_status"] == "unknown"
        assert state["cmi"]["score"]["raw"] == ""
    # a practice result below its target is no red failure
    form = control(lesson, PRACTICE)
    assert form.locator(".verdict.failed").count() == 0
    assert form.get_by_role("button", name="Check").count() == 0  # none after a submission


def test_a_counting_quiz_has_submit_only(page, served) -> None:
    page.goto(served["bundled"] + "#final-assessment.quiz")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    form = control(page, "final-assessment")
    assert form.get_by_role("button", name="Check").count() == 0
    assert form.get_by_role("button", name="Submit", exact=True).is_visible()
    practice = control(page, PRACTICE)
    page.evaluate("(id) => courseforge.go(id + '.quiz')", PRACTICE)
    # a Check for every graded question of a practice check
    assert practice.get_by_role("button", name="Check").count() == \
        practice.locator("[data-question]").count()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768},
                                      {"width": 320, "height": 640}])
def test_keyboard_alone_checks_a_question_and_hears_its_feedback(page, served, viewport) -> None:
    page.set_viewport_size(viewport)
    page.goto(served["bundled"] + f"#{PRACTICE}.quiz")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    page.evaluate("(id) => courseforge.go(id + '.quiz')", PRACTICE)  # focus on the title
    active = "() => document.activeElement"
    page.keyboard.press("Tab")
    assert page.evaluate(f"{active}.name") == "quiz:project-manager:pm-q-focus"
    page.keyboard.press("Space")
    chosen = page.evaluate(f"{active}.value")
    page.keyboard.press("Tab")
    assert page.evaluate(f"{active}.textContent") == "Check"
    # the button's description says which question it checks
    assert page.evaluate("() => document.getElementById(document.activeElement"
                         ".getAttribute('aria-describedby')).textContent") == "Question 1 of 5"
    page.keyboard.press("Enter")
    question = control(page, PRACTICE, "pm-q-focus")
    feedback = question.locator("[data-role=feedback]")
    feedback.wait_for()
    verdict = "Correct" if chosen == "a" else "Incorrect"
    assert feedback.inner_text().startswith(verdict)
    # focus stays on Check; the feedback is read out politely and is in sight above the pager
    assert page.evaluate(f"{active}.textContent") == "Check"
    said = status_text(page)
    assert said.startswith(verdict)
    assert said.split() == feedback.inner_text().split()  # the verdict, then the feedback
    in_sight(page, question, feedback)
    # back to the options, to the right answer, and check again
    page.keyboard.press("Shift+Tab")
    for _ in range(4):
        if page.evaluate(f"{active}.value") == "a":
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate(f"{active}.value") == "a"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    feedback.wait_for()
    assert feedback.inner_text().startswith("Correct: 1 of 1 point.")
    in_sight(page, question, feedback)
    # the next Tab goes on to the next question
    page.keyboard.press("Tab")
    assert page.evaluate(f"{active}.closest('[data-question]').dataset.question") != "pm-q-focus"


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768},
                                      {"width": 390, "height": 844}])
def test_axe_finds_nothing_serious_in_a_checked_question(page, served, viewport) -> None:
    page.set_viewport_size(viewport)
    page.goto(served["bundled"] + f"#{PRACTICE}.quiz")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    page.add_script_tag(url=served["axe"])
    answer(page, PRACTICE, {"pm-q-focus": "b", "pm-q-match": {"schedule": "planning"}})
    check_button(page, PRACTICE, "pm-q-focus").click()
    check_button(page, PRACTICE, "pm-q-match").click()
    check_button(page, PRACTICE, "pm-q-skills").click()  # unanswered: asks for an answer first
    assert control(page, PRACTICE, "pm-q-skills").locator("[data-role=feedback]").inner_text() \
        == "Choose an answer first, then check it."
    assert serious_violations(page) == []


def test_about_you_is_its_own_part_with_its_own_count(page, served) -> None:
    page.goto(served["minimal"] + "#roles.quiz")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    form = control(page, "roles")
    lists = form.get_by_role("list")
    graded = lists.first
    items = graded.get_by_role("listitem")
    # the graded list holds the graded questions alone, numbered 1 to 4
    assert items.count() == 4
    tree = graded.aria_snapshot()
    assert re.findall(r'group "(\w+ \d of \d)', tree) == [f"Question {n} of 4" for n in range(1, 5)]
    assert "About you" not in tree
    # About you: a heading outside it, and a list of its own named by it, counted from 1
    heading = form.get_by_role("heading", name="About you — no wrong answers", level=2)
    assert heading.is_visible()
    assert heading.evaluate("h => h.closest('ol') === null")
    about = form.get_by_role("list", name="About you — no wrong answers")
    assert about.get_by_role("listitem").count() == 2
    snapshot = about.aria_snapshot()
    assert re.findall(r'group "(About you, question \d of \d)', snapshot) == [
        "About you, question 1 of 2", "About you, question 2 of 2"]
    assert 'group "About you, question 1 of 2 What gives you energy at work?"' in snapshot


def test_the_answered_counter_shows_on_a_graded_quiz_only(page, served) -> None:
    page.goto(served["self-assessment"] + "#profile.quiz")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    counter = control(page, "profile").locator("[data-role=answered]")
    assert counter.is_hidden() and counter.inner_text() == ""
    answer(page, "profile", {"p-energy": "a"})
    assert counter.is_hidden() and counter.inner_text() == ""
    # no About-you part either: a self-assessment's questions are the quiz
    assert control(page, "profile").locator("[data-role=about-you]").count() == 0
    # nothing to check in it: no Check button, and the quiz does not offer one
    assert control(page, "profile").locator("[data-action=check]").count() == 0
    assert "Check each answer" not in control(page, "profile").locator(
        "[data-role=meta]").inner_text()
    page.evaluate("() => courseforge.go('basics.quiz')")
    graded = control(page, "basics").locator("[data-role=answered]")
    assert graded.is_visible() and graded.inner_text() == "Answered 0 of 2"
    answer(page, "basics", {"q-maker": "a"})
    assert graded.inner_text() == "Answered 1 of 2"
