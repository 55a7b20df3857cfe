"""Too close to call in the lessons: what the learner sees and what the LMS receives."""

from __future__ import annotations

import shutil
import uuid
from typing import Any

import pytest

from browser.lms import FOLDERS, LmsSession, extract, serve_harness
from browser.quiz import control, take
from cmi5.lrs import LoopbackLms
from cmi5.validator import xapi_problems
from conftest import ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from test_quiz_browser import interactions, set_values
from test_web_browser import serious_violations

VERSIONS = ["1.2", "2004"]
KITCHEN_RIGHT = {"q-station": "a", "q-sous": ["a", "b"], "q-prep": "true",
                 "q-match": {"grill": "line-cook", "tart": "pastry-chef", "pass": "sous-chef"}}
OUTCOMES = ("pastry-chef", "line-cook", "sous-chef")  # the course's outcomes (lesson objectives
# follow them in the LMS record, with statuses of their own)
TIED = {"p-rush": "a", "p-pride": "b", "p-learn": "b", "p-mistake": "c"}  # 2, 2 and 1 of 5
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
SCORED = "http://adlnet.gov/expapi/verbs/scored"
CLOSE_CALL = "urn:courseforge:extension:close-call"
CLEAR = {"p-rush": "a", "p-pride": "b", "p-learn": "b", "p-mistake": "a"}  # 3 against 2


@pytest.fixture(scope="module")
def kitchen(static_server, node_modules, tmp_path_factory) -> dict[str, str]:
    """The three-outcome kitchen course as SCORM 1.2 and 2004 packages on the loopback."""
    base, folder = static_server
    out = tmp_path_factory.mktemp("close-call")
    build(ROOTS / "three-outcomes", out, ["scorm12", "scorm2004"], BuildOptions(), lambda _: None)
    urls = {"base": base}
    for version, name in FOLDERS.items():
        target = folder / f"close-call-{name}"
        shutil.rmtree(target, ignore_errors=True)
        extract(out / name / "kitchen-roles.zip", target)
        urls[version] = f"close-call-{name}/index.html"
    serve_harness(folder, node_modules)
    return urls


def _take(page: Any, kitchen: dict[str, str], version: str,
          answers: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    lms = LmsSession(page, kitchen["base"], version, kitchen[version])
    lesson = lms.launch()
    take(lesson, lms.frame, "assessment", {**KITCHEN_RIGHT, **answers})
    lms.frame.add_script_tag(url=f"{kitchen['base']}/lib/axe.min.js")
    assert serious_violations(lms.frame) == []  # the result, close call or not
    return control(lesson, "assessment").locator("[data-role=recommendation]"), lms.state()


@pytest.mark.parametrize("version", VERSIONS)
def test_a_tie_is_too_close_to_call_for_the_learner_and_the_lms(page, kitchen, version) -> None:
    box, state = _take(page, kitchen, version, TIED)
    text = box.inner_text()
    assert "Too close to call: Pastry chef and Line cook" in text
    assert "Recommended for you" not in text
    assert "Next steps: Pastry chef" in text and "Next steps: Line cook" in text
    assert "Spend a morning with the pastry team" in text  # both outcomes' guidance
    assert "Ask for a week on the grill station" in text
    assert box.get_attribute("data-close-call") == "pastry-chef line-cook"
    assert [c for c in set_values(state, version) if c[2] != "true"] == []
    stored = interactions(state, version)["recommendation"]
    assert stored["type"] == "likert" and stored["result"] == "neutral"
    objectives = {o["id"]: o for o in state["cmi"]["objectives"].values()
                  if isinstance(o, dict) and o["id"] in OUTCOMES}
    assert set(objectives) == set(OUTCOMES)
    if version == "1.2":
        # no outcome is passed: 1.2 shows each as completed
        assert {o["status"] for o in objectives.values()} == {"completed"}
        assert float(objectives["pastry-chef"]["score"]["raw"]) == 40
        assert state["cmi"]["comments"] == "Too close to call: Pastry chef and Line cook"
    else:
        assert {o["success_status"] for o in objectives.values()} == {"unknown"}
        assert stored["description"] == "Too close to call: Pastry chef and Line cook"
        assert state["cmi"]["comments_from_learner"]["0"]["comment"] \
            == "Too close to call: Pastry chef and Line cook"


@pytest.mark.parametrize("version", ["2004"])
def test_a_clear_lead_is_recommended_and_passed(page, kitchen, version) -> None:
    box, state = _take(page, kitchen, version, CLEAR)
    assert "Recommended for you: Line cook" in box.inner_text()
    assert box.get_attribute("data-outcome") == "line-cook"
    objectives = {o["id"]: o for o in state["cmi"]["objectives"].values() if isinstance(o, dict)}
    assert objectives["line-cook"]["success_status"] == "passed"
    assert state["cmi"]["comments_from_learner"]["0"]["comment"] == "Recommended: Line cook"


@pytest.fixture(scope="module")
def kitchen_cmi5(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The kitchen course's cmi5 package, unpacked as an LMS does on import."""
    out = tmp_path_factory.mktemp("close-call-cmi5")
    build(ROOTS / "three-outcomes", out, ["cmi5"], BuildOptions(), lambda _: None)
    folder = tmp_path_factory.mktemp("close-call-cmi5-content")
    extract(out / "cmi5" / "kitchen-roles.zip", folder)
    return folder


@pytest.mark.parametrize(("answers", "close"), [(TIED, True), (CLEAR, False)])
def test_cmi5_says_a_tie_is_too_close_to_call(page, kitchen_cmi5, chromium, answers,
                                             close) -> None:
    with LoopbackLms(kitchen_cmi5) as lms:
        url, session = lms.launch(publisher_id="urn:courseforge:kitchen-roles:au:course",
                                  registration=str(uuid.uuid4()))
        page.goto(url)
        take(page, page, "assessment", {**KITCHEN_RIGHT, **answers})

        def sent() -> dict[str, Any]:
            return {s["object"]["id"].rsplit(":", 1)[-1]: s for s in lms.au_statements(session)
                    if s["verb"]["id"] == ANSWERED or s["verb"]["id"] == SCORED}

        for _ in range(200):
            if "recommendation" in sent() and set(OUTCOMES) <= set(sent()):
                break
            page.wait_for_timeout(100)
        stored = sent()
        rec = stored["recommendation"]
        description = rec["object"]["definition"]["description"]["en"]
        extensions = rec["result"].get("extensions", {})
        if close:
            assert description == "Too close to call: Pastry chef and Line cook"
            assert extensions == {CLOSE_CALL: ["pastry-chef", "line-cook"]}
            # no outcome is passed: the shares carry no success
            assert ["success" in stored[o]["result"] for o in OUTCOMES] == [False] * 3
            assert stored["pastry-chef"]["result"]["score"]["scaled"] == 0.4
        else:
            assert description == "Recommended: Line cook" and extensions == {}
            assert stored["line-cook"]["result"]["success"] is True
        assert xapi_problems(lms.statements) == []
