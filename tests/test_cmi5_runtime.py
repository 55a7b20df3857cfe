"""The cmi5 AU in real Chromium under the project's own cmi5 LMS and LRS (tests/cmi5/).

Asserts what the AU SENDS, in xAPI's and cmi5's vocabulary: statement order and the
specification's rules (tests/cmi5/rules.py), every statement valid xAPI (Learning Locker's
validator), resume through the State API, and an LRS outage or lost answers costing nothing.
"""

from __future__ import annotations

import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.quiz import MINIMAL_CORRECT, MINIMAL_WRONG, take
from cmi5.lrs import RETURN_PATH, LoopbackLms
from cmi5.rules import violations
from cmi5.session import COMPLETED, FAILED, INITIALIZED, MASTERY_EXT, PASSED, TERMINATED, Launch
from cmi5.validator import xapi_problems
from conftest import ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions

AU = "urn:courseforge:team-roles:au:course"
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
SCORED = "http://adlnet.gov/expapi/verbs/scored"


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal course's cmi5 package, unpacked as an LMS does on import."""
    output = tmp_path_factory.mktemp("cmi5-out")
    build(ROOTS / "minimal", output, ["cmi5"], BuildOptions(), lambda _: None)
    folder = tmp_path_factory.mktemp("cmi5-content")
    with zipfile.ZipFile(output / "cmi5" / "team-roles.zip") as archive:
        archive.extractall(folder)
    return folder


@pytest.fixture
def lms(content: Path, chromium: Any) -> Iterator[LoopbackLms]:
    with LoopbackLms(content) as server:
        yield server


def wait_until(page: Any, condition: Callable[[], bool], what: str, seconds: float = 20) -> None:
    """Poll the test LMS while the browser runs."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        page.wait_for_timeout(100)


def verbs(lms: LoopbackLms, session: Launch) -> list[str]:
    return [s["verb"]["id"] for s in lms.au_statements(session)]


def launch(page: Any, lms: LoopbackLms, registration: str, **kwargs: Any) -> Launch:
    url, session = lms.launch(publisher_id=AU, registration=registration,
                              mastery_score=0.75, **kwargs)
    page.goto(url)
    wait_until(page, lambda: INITIALIZED in verbs(lms, session), "initialized")
    return session


def see_every_page(page: Any) -> None:
    count = page.evaluate("() => courseforge.pages.length")
    for index in range(count):
        page.evaluate("(i) => courseforge.go(i)", index)


def close(page: Any, lms: LoopbackLms, session: Launch) -> None:
    """Leave the AU as a learner closing the tab does (pagehide)."""
    page.goto("about:blank")
    wait_until(page, lambda: TERMINATED in verbs(lms, session), "terminated")


def test_a_full_launch_and_pass_follows_the_specification(page: Any, lms: LoopbackLms) -> None:
    session = launch(page, lms, str(uuid.uuid4()), language="en-GB,fr")
    see_every_page(page)
    take(page, page, "roles", MINIMAL_CORRECT)
    wait_until(page, lambda: PASSED in verbs(lms, session), "passed")
    close(page, lms, session)
    stored = lms.au_statements(session)
    sent = [s["verb"]["id"] for s in stored]
    assert sent[0] == INITIALIZED and sent[-1] == TERMINATED
    assert sent.count(COMPLETED) == 1 and sent.count(PASSED) == 1 and FAILED not in sent
    answers = [s for s in stored if s["verb"]["id"] == ANSWERED]
    assert len(answers) == len(MINIMAL_CORRECT) + 1  # every question and the recommendation
    by_id = {a["object"]["id"].rsplit(":", 1)[-1]: a for a in answers}
    match = by_id["roles-q-match"]
    assert match["object"]["definition"]["interactionType"] == "matching"
    assert match["object"]["definition"]["correctResponsesPattern"] == \
        ["code[.]maker[,]plan[.]planner"]
    assert match["result"]["success"] is True
    assert by_id["recommendation"]["result"]["response"] in ("maker", "planner")
    passed = next(s for s in stored if s["verb"]["id"] == PASSED)
    assert passed["context"]["extensions"][MASTERY_EXT] == 0.75
    assert passed["result"]["score"]["scaled"] >= 0.75
    assert any(s["verb"]["id"] == SCORED for s in stored)  # each outcome's share
    assert [m for m, p in lms.requests if p.startswith("/fetch/")] == ["POST"]  # once
    assert violations(lms.statements, lms.launches) == []
    assert xapi_problems(lms.statements) == []
    progress = lms.state_document(session, "courseforge.progress")
    assert progress["sent"]["completed"] is True and progress["sent"]["passed"] is True


def test_fail_then_resume_then_pass_in_one_registration(page: Any, lms: LoopbackLms) -> None:
    registration = str(uuid.uuid4())
    first = launch(page, lms, registration)
    see_every_page(page)
    take(page, page, "roles", MINIMAL_WRONG)
    wait_until(page, lambda: SCORED in verbs(lms, first), "the attempt's scores")
    assert FAILED not in verbs(lms, first)  # held: a retry in this session could still pass
    page.evaluate("() => courseforge.go(1)")  # the bookmark
    close(page, lms, first)
    assert verbs(lms, first)[-2:] == [FAILED, TERMINATED]  # the session's judgement, at its end
    second = launch(page, lms, registration)
    # resumed from the State API: the bookmark and the quiz's attempt
    wait_until(page, lambda: page.locator("[data-role=counter]").inner_text().startswith(
        "Page 2 "), "the bookmark")
    page.evaluate("() => courseforge.go('roles.quiz')")
    form = page.locator('[id="quiz:roles"]')
    assert form.locator("[data-role=result]").is_visible()  # the failed attempt, restored
    form.get_by_role("button", name="Try again").click()
    take(page, page, "roles", MINIMAL_CORRECT)
    wait_until(page, lambda: PASSED in verbs(lms, second), "passed")
    close(page, lms, second)
    assert COMPLETED not in verbs(lms, second)  # once per registration, in the first session
    assert violations(lms.statements, lms.launches) == []
    assert xapi_problems(lms.statements) == []


def test_a_pass_on_a_retry_in_the_same_session_is_its_judgement(page: Any,
                                                                 lms: LoopbackLms) -> None:
    session = launch(page, lms, str(uuid.uuid4()))
    see_every_page(page)
    take(page, page, "roles", MINIMAL_WRONG)
    form = page.locator('[id="quiz:roles"]')
    form.get_by_role("button", name="Try again").click()
    take(page, page, "roles", MINIMAL_CORRECT)
    wait_until(page, lambda: PASSED in verbs(lms, session), "passed")
    close(page, lms, session)
    sent = verbs(lms, session)
    # one of passed/failed per session (section 9.3): the failure held gives way to the pass
    assert sent.count(PASSED) == 1 and FAILED not in sent
    assert violations(lms.statements, lms.launches) == []
    assert xapi_problems(lms.statements) == []


def test_what_leaves_with_the_page_fits_a_keepalive_request(page: Any,
                                                            lms: LoopbackLms) -> None:
    launch(page, lms, str(uuid.uuid4()))
    kept = page.evaluate("""() => {
        const lesson = window.courseforgeLesson;
        const verb = (name) => ({ id: "http://adlnet.gov/expapi/verbs/" + name });
        const queue = [];
        for (let i = 0; i < 120; i++) {
            queue.push({ id: "a" + i, verb: verb("answered"), note: "é".repeat(400) });
        }
        queue.push({ id: "judged", verb: verb("passed") }, { id: "end", verb: verb("terminated") });
        const batch = lesson.cmi5.closingBatch(queue);
        const small = lesson.cmi5.closingBatch(queue.slice(0, 3).concat(queue.slice(-2)));
        return { ids: batch.map((s) => s.id), small: small.map((s) => s.id),
                 bytes: new TextEncoder().encode(JSON.stringify(batch)).length };
    }""")
    assert kept["bytes"] <= 48 * 1024  # the browsers' 64 KiB, less the progress write
    assert kept["ids"][-2:] == ["judged", "end"]  # the judgement and terminated still go
    answers = kept["ids"][:-2]
    assert 0 < len(answers) < 120 and answers == [f"a{i}" for i in range(len(answers))]
    assert kept["small"] == ["a0", "a1", "a2", "judged", "end"]  # what fits goes whole


def test_an_lrs_outage_and_lost_answers_lose_and_repeat_nothing(page: Any,
                                                                lms: LoopbackLms) -> None:
    registration = str(uuid.uuid4())
    session = launch(page, lms, registration)
    lms.outage = True
    see_every_page(page)
    take(page, page, "roles", MINIMAL_CORRECT)  # the learner never waits for the LRS
    page.wait_for_timeout(1500)
    assert PASSED not in verbs(lms, session)
    lms.outage, lms.lose_answers = False, True  # stored, but the AU never hears so
    page.wait_for_timeout(2500)
    lms.lose_answers = False
    wait_until(page, lambda: PASSED in verbs(lms, session), "passed after the outage", 60)
    close(page, lms, session)
    stored = lms.au_statements(session)
    ids = [s["id"] for s in stored]
    assert len(ids) == len(set(ids))
    answers = [s for s in stored if s["verb"]["id"] == ANSWERED]
    assert len(answers) == len(MINIMAL_CORRECT) + 1  # each exactly once
    assert violations(lms.statements, lms.launches) == []


def test_a_slow_lrs_does_not_hold_up_the_lesson(page: Any, lms: LoopbackLms) -> None:
    lms.delay = 1.0
    url, session = lms.launch(publisher_id=AU, registration=str(uuid.uuid4()),
                              mastery_score=0.75)
    page.goto(url)
    see_every_page(page)  # the lesson runs from the browser until the LRS answers
    take(page, page, "roles", MINIMAL_CORRECT)
    assert INITIALIZED not in verbs(lms, session)  # 3 slow reads come first
    wait_until(page, lambda: PASSED in verbs(lms, session), "passed", 60)
    lms.delay = 0
    close(page, lms, session)
    sent = verbs(lms, session)  # what was done meanwhile was carried over
    assert COMPLETED in sent and sent.count(ANSWERED) == len(MINIMAL_CORRECT) + 1
    assert violations(lms.statements, lms.launches) == []


@pytest.mark.parametrize("mode", ["Browse", "Review"])
def test_browse_and_review_send_no_satisfaction_statement(page: Any, lms: LoopbackLms,
                                                          mode: str) -> None:
    session = launch(page, lms, str(uuid.uuid4()), launch_mode=mode)
    see_every_page(page)
    take(page, page, "roles", MINIMAL_CORRECT)
    wait_until(page, lambda: ANSWERED in verbs(lms, session), "the answers")
    close(page, lms, session)
    sent = verbs(lms, session)
    assert sent[0] == INITIALIZED and sent[-1] == TERMINATED
    assert not {COMPLETED, PASSED, FAILED} & set(sent)  # what a pass would send in Normal
    assert violations(lms.statements, lms.launches) == []


def test_exit_terminates_then_returns_to_the_lms(page: Any, lms: LoopbackLms) -> None:
    return_url = f"{lms.base}{RETURN_PATH}?course=1"
    session = launch(page, lms, str(uuid.uuid4()), return_url=return_url)
    exit_button = page.locator("[data-action=exit]")
    wait_until(page, exit_button.is_visible, "the Exit button")
    see_every_page(page)
    take(page, page, "roles", MINIMAL_CORRECT)
    page.locator(".skip-link").focus()  # keyboard alone: the next stop is Exit, then Enter
    page.keyboard.press("Tab")
    assert exit_button.evaluate("(b) => b === document.activeElement")
    assert exit_button.evaluate("(b) => getComputedStyle(b).outlineStyle") != "none"
    assert exit_button.inner_text() == "Exit"
    page.keyboard.press("Enter")
    page.wait_for_url(return_url)
    sent = verbs(lms, session)
    # terminated was stored before the window left: nothing waits for the next launch
    assert sent[0] == INITIALIZED and sent[-1] == TERMINATED and PASSED in sent
    assert sent.count(ANSWERED) == len(MINIMAL_CORRECT) + 1
    assert violations(lms.statements, lms.launches) == []
    assert xapi_problems(lms.statements) == []
    assert lms.state_document(session, "courseforge.progress")["sent"]["passed"] is True


def test_exit_with_the_lrs_down_leaves_in_time_and_keeps_the_answers(page: Any,
                                                                     lms: LoopbackLms) -> None:
    registration = str(uuid.uuid4())
    return_url = f"{lms.base}{RETURN_PATH}"
    session = launch(page, lms, registration, return_url=return_url)
    see_every_page(page)
    lms.outage = True
    take(page, page, "roles", MINIMAL_CORRECT)
    page.locator("[data-action=exit]").click()
    page.wait_for_url(return_url, timeout=10000)  # the wait for the LRS is bounded
    assert TERMINATED not in verbs(lms, session)
    lms.outage = False
    second = launch(page, lms, registration)  # the next launch sends what was kept
    assert page.locator("[data-action=exit]").is_hidden()  # no returnURL this time
    wait_until(page, lambda: verbs(lms, second).count(ANSWERED) == len(MINIMAL_CORRECT) + 1,
               "the kept answers", 60)
    close(page, lms, second)
    assert violations(lms.statements, lms.launches) == []


def test_no_exit_button_without_a_return_url(page: Any, lms: LoopbackLms) -> None:
    launch(page, lms, str(uuid.uuid4()))
    page.wait_for_timeout(300)
    assert page.locator("[data-action=exit]").is_hidden()
