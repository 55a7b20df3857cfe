"""The quiz view model and the quiz forms of the lesson document (no browser)."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson.files import lesson_members
from courseforge.builders.lesson.quiz_pages import (
    DESCRIPTION_LIMIT,
    counting_gates,
    plain_description,
    quiz_data,
    quiz_view,
)
from courseforge.lms.suspend_data import quiz_sections_length, quiz_state_length
from courseforge.loading import load_checked


class Tags(HTMLParser):
    """Every start tag as (name, attributes), and the text inside legends."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.legends: list[str] = []
        self._in_legend = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "legend":
            self._in_legend = True
            self.legends.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "legend":
            self._in_legend = False

    def handle_data(self, data: str) -> None:
        if self._in_legend:
            self.legends[-1] += data


def document(course_dir: Path, standard: str = "web",
             modules: Any = None) -> tuple[str, dict[str, Any]]:
    course = load_checked(course_dir).course
    chosen = None if modules is None else [course.module(m) for m in modules]
    html = dict(lesson_members(course, BuildOptions(), standard, chosen))["index.html"].decode()
    match = re.search(r'id="courseforge-data">(.*?)</script>', html)
    assert match
    return html, json.loads(match.group(1))


def test_the_form_of_the_minimal_quiz(roots: Path) -> None:
    html, _ = document(roots / "minimal")
    parser = Tags()
    parser.feed(html)
    inputs = [a for t, a in parser.tags if t == "input"]
    assert [(a["type"], a["name"], a["value"]) for a in inputs] == [
        ("radio", "quiz:roles:q-focus", "a"), ("radio", "quiz:roles:q-focus", "b"),
        ("checkbox", "quiz:roles:q-both", "a"), ("checkbox", "quiz:roles:q-both", "b"),
        ("checkbox", "quiz:roles:q-both", "c"),
        ("radio", "quiz:roles:q-tf", "true"), ("radio", "quiz:roles:q-tf", "false"),
        ("radio", "quiz:roles:p-energy", "a"), ("radio", "quiz:roles:p-energy", "b"),
        ("radio", "quiz:roles:p-day", "a"), ("radio", "quiz:roles:p-day", "b")]
    labels = {a["for"] for t, a in parser.tags if t == "label"}
    selects = [a["id"] for t, a in parser.tags if t == "select"]
    assert selects == ["quiz:roles:q-match:code", "quiz:roles:q-match:plan"]
    # every control has its own label
    assert {a["id"] for a in inputs} | set(selects) <= labels
    options = [a.get("value") for t, a in parser.tags if t == "option"]
    assert options == ["", "maker", "planner"] * 2
    assert '<option value="">Choose…</option>' in html
    assert [t for t, _ in parser.tags].count("fieldset") == 6
    assert [text.strip() for text in parser.legends][:2] == [
        "What does a maker focus on?", "Which are planner tasks?"]
    buttons = re.findall(r'<button type="(\w+)"[^>]*>([^<]*)</button>', html)
    assert ("submit", "Submit") in buttons and ("button", "Try again") in buttons
    assert ("button", "Print") in buttons  # the quiz recommends
    assert 'role="status" aria-live="polite"' in html


def test_author_text_in_a_quiz_stays_text(tmp_path: Path, roots: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(roots / "minimal", course)
    quiz = course / "modules" / "roles" / "quiz.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8")
                    .replace("What does a maker focus on?",
                             "'What does a *maker* <script>alert(1)</script> focus on?'")
                    .replace("text: The schedule", "text: The <b>schedule</b>")
                    .replace("text: Planner}", "text: Planner <i>x</i>}"), encoding="utf-8")
    html, data = document(course)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "What does a <em>maker</em>" in html
    assert "The &lt;b&gt;schedule&lt;/b&gt;" in html
    # an <option> holds text only: the target's Markdown becomes plain text
    assert '<option value="planner" data-option="planner">Planner &lt;i&gt;x&lt;/i&gt;</option>' \
        in html
    question = data["quiz"]["modules"][0]["quiz"]["questions"][0]
    assert question["description"] == "What does a maker <script>alert(1)</script> focus on?"
    # rendered texts in the data are escaped too
    assert "The &lt;b&gt;schedule&lt;/b&gt;" in json.dumps(data)


def test_the_quiz_data_of_the_page(roots: Path) -> None:
    _, data = document(roots / "minimal", "scorm2004")
    quiz = data["quiz"]
    assert data["gates"] == ["roles"]
    assert quiz["passing_score"] == 75 and quiz["record"] == "roles"
    assert [o["id"] for o in quiz["outcomes"]] == ["maker", "planner"]
    assert quiz["objectives"]["tell-apart"] == "Tell a maker’s task from a planner’s."
    (module,) = quiz["modules"]
    assert module["id"] == "roles"
    assert module["quiz"]["settings"] == {
        "counts": True, "weight": 1.0, "attempts": 0, "shuffle_questions": False,
        "shuffle_choices": False, "reveal_answers": True, "recommend": True}
    questions = {q["id"]: q for q in module["quiz"]["questions"]}
    assert questions["q-focus"]["choices"][0] == {
        "id": "a", "text": "Building the product", "correct": True,
        "feedback": "<p>Right.</p>", "weights": {}}
    assert questions["p-energy"]["choices"][0]["weights"] == {"maker": 2.0}
    assert questions["q-match"]["items"][0]["match"] == "maker"


def test_the_lesson_formats_share_one_quiz_data(roots: Path) -> None:
    """The web site, SCORM and cmi5 pages of a build carry the same quiz data, made once."""
    course = load_checked(roots / "minimal").course
    data = quiz_data(course, course.modules)
    assert data is not None and quiz_data(course, list(course.modules)) is data
    pages = [document(roots / "minimal", standard)[1]["quiz"]
             for standard in ("web", "scorm12", "scorm2004", "cmi5")]
    assert all(page == data for page in pages)
    welcome = course.module("welcome")
    assert quiz_data(course, [welcome]) is None  # other modules, other data


def test_packages_of_one_module_count_their_own_quiz(roots: Path, bundled: Path) -> None:
    _, welcome = document(roots / "minimal", "scorm12", ["welcome"])
    assert welcome["gates"] == [] and "quiz" not in welcome
    course = load_checked(roots / "minimal").course
    assert counting_gates(course, course.modules) == ["roles"]
    if (bundled / "course.yml").is_file():
        big = load_checked(bundled).course
        check = big.module("project-manager")
        assert check.quiz is not None and not check.quiz.settings.counts
        # a knowledge check packaged alone is that package's assessment
        assert counting_gates(big, [check]) == ["project-manager"]
        data = quiz_data(big, [check])
        assert data is not None and data["record"] is None  # it recommends nothing


def test_plain_descriptions_fit_scorm_2004() -> None:
    assert plain_description("Which **two** are\n`right`?") == "Which two are right?"
    assert plain_description("{braces} first") == "braces} first"
    long = plain_description("word " * 100)
    assert len(long) == DESCRIPTION_LIMIT and long.endswith("…")


def test_quiz_view_keeps_declared_order(roots: Path) -> None:
    course = load_checked(roots / "minimal").course
    assert quiz_view(course.module("welcome")) is None
    view = quiz_view(course.module("roles"))
    assert view is not None and view.dom_id == "quiz:roles" and view.recommend
    # the graded questions in one list, the questions about the learner in their own part
    assert [q.id for q in view.questions] == ["q-focus", "q-both", "q-tf", "q-match"]
    assert [q.id for q in view.about_you] == ["p-energy", "p-day"]
    assert [q.control for q in view.questions + view.about_you] == [
        "radio", "checkbox", "radio", "select", "radio", "radio"]
    match = view.questions[3]
    assert [i.dom_id for i in match.items] == ["quiz:roles:q-match:code",
                                               "quiz:roles:q-match:plan"]


def test_a_self_assessment_is_one_list_without_an_about_you_part(roots: Path) -> None:
    course = load_checked(roots / "self-assessment").course
    view = quiz_view(course.module("profile"))
    assert view is not None
    assert [q.id for q in view.questions] == ["p-energy", "p-day", "p-praise"]
    assert view.about_you == ()
    html, _ = document(roots / "self-assessment")
    assert 'data-role="about-you"' not in html


def test_the_about_you_part_is_outside_the_graded_list(roots: Path) -> None:
    html, _ = document(roots / "minimal")
    graded, rest = html.split('data-role="questions"', 1)[1].split("</ol>", 1)
    assert 'data-question="q-match"' in graded and 'data-question="p-' not in graded
    part = rest.split('data-role="about-you"', 1)[1].split("</ol>", 1)[0]
    assert '<h2 id="quiz:roles:about-you">About you — no wrong answers</h2>' in part
    assert 'aria-labelledby="quiz:roles:about-you"' in part
    assert 'data-question="p-energy"' in part and 'data-question="p-day"' in part


def test_quiz_state_budget(roots: Path) -> None:
    course = load_checked(roots / "minimal").course
    quiz = course.module("roles").quiz
    # count 9999 (unlimited attempts), phase, best, then answers and dots:
    # single 1, multiple 1, true-false 1, matching 2 items x 1, preference 1 + 1
    assert quiz_state_length(quiz) == 4 + 1 + 3 + 7 + 5
    assert quiz_sections_length(course.modules) == len('{"q1":""}') + quiz_state_length(quiz)
    assert quiz_sections_length(course.modules[:1]) == 0


def test_check_warns_when_quiz_state_could_overflow_scorm12(roots: Path) -> None:
    from dataclasses import replace

    from courseforge.lms.suspend_data import (
        SCORM12_SUSPEND_LIMIT,
        suspend_data_budget,
        suspend_data_warnings,
    )

    course = load_checked(roots / "minimal").course
    roles = course.module("roles")
    # 200 quizzes of 6 questions: few pages, but 21 characters of state each
    many = replace(course, modules=(roles,) * 200)
    assert suspend_data_budget(many) > SCORM12_SUSPEND_LIMIT
    assert len(suspend_data_warnings(many)) == 1
    assert suspend_data_budget(replace(course, modules=(roles,) * 150)) <= SCORM12_SUSPEND_LIMIT
