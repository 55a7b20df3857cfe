"""A drawn quiz in headless Chromium under scorm-again: the lesson asks, scores and reports to
the LMS exactly the questions the grading package draws for the attempt."""

from __future__ import annotations

from browser.lms import FOLDERS, LmsSession, extract, serve_harness
from browser.quiz import MINIMAL_CORRECT, control, take
from conftest import ROOTS
from courseforge import grading
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.loading import load_checked
from test_quiz_browser import interactions


def test_the_lesson_asks_scores_and_reports_the_draw(page, static_server, node_modules,
                                                    tmp_path) -> None:
    base, folder = static_server
    build(ROOTS / "draws", tmp_path / "out", ["scorm2004"], BuildOptions(), lambda _: None)
    extract(tmp_path / "out" / FOLDERS["2004"] / "team-roles.zip", folder / "draw-sco")
    serve_harness(folder, node_modules)
    quiz = load_checked(ROOTS / "draws").course.module("roles").quiz
    assert quiz is not None
    asked = grading.arrange("roles", quiz, 1).questions
    assert len(asked) == 4  # q-focus, two of three, one of two
    lms = LmsSession(page, base, "2004", "draw-sco/index.html")
    lesson = lms.launch()
    take(lesson, lms.frame, "roles", {q: MINIMAL_CORRECT[q] for q in asked})
    for question in quiz.questions:
        item = control(lesson, "roles", question.id)  # the question's list item
        assert item.is_visible() == (question.id in asked), question.id
    graded = [q for q in asked if not q.startswith("p-")]
    form = control(lesson, "roles")
    assert form.locator(".score").inner_text() == \
        f"Score: 100% ({len(graded)} of {len(graded)} points)"
    stored = interactions(lms.state(), "2004")
    assert {i for i in stored if i != "recommendation"} == {f"roles-{q}" for q in asked}
    assert all(stored[f"roles-{q}"]["result"] in ("correct", "neutral") for q in asked)
