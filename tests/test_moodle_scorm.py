"""The bundled course as Moodle would run it: a pass with two retries, then the tab closed.

What the lesson SENDS is checked with Moodle's own rules (browser/strict_scorm.py: its SCORM
2004 short-identifier check, error 406, and the CMI it re-sends, serialised as it does, under
the browsers' 64 KiB beacon limit), besides each version's strict data model.
"""

from __future__ import annotations

from typing import Any

import pytest

from browser.lms import FOLDERS, LmsSession, extract, serve_harness
from browser.quiz import control, take
from browser.strict_scorm import MOODLE_BEACON_LIMIT, assert_moodle_safe, moodle_body, sent
from conftest import BUNDLED
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.lms.cmi_budget import cmi_estimate
from courseforge.lms.presets import PRESETS
from courseforge.loading import load_checked
from courseforge.model import Question, QuestionType

FINAL = "final-assessment"


@pytest.fixture(scope="module")
def served(static_server, node_modules, tmp_path_factory) -> str:
    """The bundled course's packages (generic preset) under the loopback server."""
    base, folder = static_server
    output = tmp_path_factory.mktemp("moodle-out")
    build(BUNDLED, output, ["scorm12", "scorm2004"], BuildOptions(), lambda _: None)
    for name in FOLDERS.values():
        extract(output / name / "project-roles.zip", folder / f"moodle-{name}")
    serve_harness(folder, node_modules)
    return base


def response(question: Question, right: bool) -> Any:
    """A right (or a wrong) response to a question, in the shape the quiz forms take."""
    if question.type is QuestionType.MATCHING:
        targets = [t.id for t in question.targets]
        return {i.id: i.match if right else next(t for t in targets if t != i.match)
                for i in question.items}
    if question.type is QuestionType.PREFERENCE:
        return question.choices[0].id
    picked = [c.id for c in question.choices if c.correct == right]
    return picked if question.type is QuestionType.MULTIPLE else picked[0]


def answers(module_id: str, right: bool) -> dict[str, Any]:
    quiz = load_checked(BUNDLED).course.module(module_id).quiz
    assert quiz is not None
    return {q.id: response(q, right) for q in quiz.questions}


def retry(lms: LmsSession, module_id: str) -> None:
    control(lms.lesson, module_id).get_by_role("button", name="Try again").click()


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_pass_with_two_retries_and_a_tab_close_stays_moodle_safe(page, served,
                                                                  version) -> None:
    course = load_checked(BUNDLED).course
    lms = LmsSession(page, served, version, f"moodle-{FOLDERS[version]}/index.html")
    lesson = lms.launch()
    frame = lms.frame
    for index in range(frame.evaluate("() => courseforge.pages.length")):
        frame.evaluate("(i) => courseforge.go(i)", index)
    practice = [m.id for m in course.modules if m.quiz is not None and m.id != FINAL]
    for module_id in practice:
        take(lesson, frame, module_id, answers(module_id, True))
    take(lesson, frame, FINAL, answers(FINAL, False))
    retry(lms, FINAL)
    take(lesson, frame, FINAL, answers(FINAL, False))
    retry(lms, FINAL)
    take(lesson, frame, FINAL, answers(FINAL, True))
    page.wait_for_timeout(600)  # the commit after the last submission
    commits = len([c for c in lms.state()["calls"] if c["method"].endswith("Commit")])
    # the tab hidden with nothing new but time: no Commit (Moodle would send it all by beacon)
    frame.evaluate("""() => {
        Object.defineProperty(document, "visibilityState", {value: "hidden", configurable: true});
        document.dispatchEvent(new Event("visibilitychange"));
    }""")
    page.wait_for_timeout(300)
    state = lms.close()
    calls = state["calls"]
    assert len([c for c in calls if c["method"].endswith("Commit")]) == commits
    finish = [c for c in calls if c["method"] in ("LMSFinish", "Terminate")]
    assert [c["result"] for c in finish] == ["true"]
    cmi = assert_moodle_safe(calls, version)  # no 406, Terminate's body under 64 KiB
    size = moodle_body(cmi)
    assert size < MOODLE_BEACON_LIMIT
    # the check's estimate errs long: it never promises less than is sent
    assert cmi_estimate(course, "scorm12" if version == "1.2" else "scorm2004",
                        PRESETS["generic"].practice) >= size
    if version == "1.2":
        assert sent(calls, version, "cmi.comments") == [sent(calls, version,
                                                              "cmi.comments")[0]]  # once
        assert cmi["cmi.core.lesson_status"] == "passed"
    else:
        assert cmi["cmi.success_status"] == "passed"
        scaled = cmi["cmi.score.scaled"]
        assert len(scaled.partition(".")[2]) <= 4
        responses = [v for k, v in cmi.items() if k.endswith(".learner_response")]
        assert any("." in v and "-" not in v for v in responses)  # project.manager and kin
    objective_ids = [v for k, v in cmi.items() if k.startswith("cmi.objectives.")
                     and k.endswith(".id")]
    outcome_ids = [o.id for o in course.outcomes]
    lesson_ids = [o.id for m in course.modules for o in m.lesson.objectives]
    assert objective_ids[:len(outcome_ids)] == outcome_ids  # the outcomes first
    assert set(objective_ids[len(outcome_ids):]) <= set(lesson_ids)
    assert len(objective_ids) > len(outcome_ids)  # lesson objectives reached the LMS
    linked = [v for k, v in cmi.items() if ".objectives." in k and k.startswith(
        "cmi.interactions.")]
    assert linked and set(linked) <= set(lesson_ids)
