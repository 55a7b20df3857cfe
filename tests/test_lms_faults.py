"""LMS faults in headless Chromium: the lesson never loses a learner's data and never breaks.

Each test plays one fault of a real LMS with scorm-again behind a fault-injecting facade
(tests/browser/harness.js): no API, a refused Initialize, failing or throwing calls, a slow LMS,
an LMS that terminates first. Every test also fails on an uncaught exception or a console error
in the page, and most end with a relaunch from the LMS's stored data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

import test_scorm_runtime
from browser.lms import FOLDERS, LmsSession
from browser.quiz import MINIMAL_CORRECT, MINIMAL_WRONG, answer, control, ready, submit, take
from test_scorm_runtime import MINIMAL_PAGES, VERSIONS, click_next, seen_pages, values
from test_web_browser import serious_violations

served = test_scorm_runtime.served  # the fixture: the minimal course's packages, built once

PAGES = len(MINIMAL_PAGES)
RECORD_AN_ANSWER = """() => courseforge.tracker.recordInteraction({id: "q1", type: "true-false",
    response: "true", correct: ["true"], result: "correct"})"""
FAIL_WRITES = {"methods": ["SetValue", "Commit"], "action": "fail", "code": "101"}


class FaultyLms(LmsSession):
    """A launch of the minimal course's SCO under the harness LMS, with faults."""

    def __init__(self, page: Any, base: str, version: str) -> None:
        super().__init__(page, base, version, f"{FOLDERS[version]}/index.html")

    def start(self, stored: dict[str, Any] | None = None, **options: Any) -> Any:
        """Open the harness with options (faults, missing, initialized); wait for the lesson."""
        self.page.goto(f"{self.base}/harness.html")
        self.page.evaluate("([v, s, src, o]) => startLms(v, s, src, o)",
                           [self.version, stored, f"{self.base}/{self.sco}", options])
        # the counter is in the page before the runtime runs: wait for the runtime itself
        self.lesson.locator("html.js").wait_for(state="attached")
        self.frame.wait_for_function("() => window.courseforge !== undefined")
        return self.lesson

    def start_on_the_second_page(self) -> Any:
        """A fault-free start, one page on, with the LMS holding the bookmark."""
        lesson = self.start()
        click_next(lesson, 1)
        self.wait_location(MINIMAL_PAGES[1])
        return lesson

    def calls(self, method: str) -> list[dict[str, Any]]:
        """The SCO's calls of a method, by its 2004 name (LMSFinish as Terminate)."""
        def neutral(name: str) -> str:
            return "Terminate" if name == "LMSFinish" else name.removeprefix("LMS")
        return [c for c in self.state()["calls"] if neutral(c["method"]) == method]

    def wait_location(self, page_id: str) -> None:
        """Wait until the LMS holds the bookmark (commits follow navigation after a paint)."""
        element = "core.lesson_location" if self.version == "1.2" else "location"
        self.page.wait_for_function(f"() => harness.api.cmi.{element} === '{page_id}'",
                                    timeout=20000)

    def close_window(self) -> None:
        """Close the lesson (pagehide) where no LMS answers."""
        self.page.evaluate("() => closeSco()")
        self.page.wait_for_function("() => document.getElementById('sco').contentWindow"
                                    ".location.href === 'about:blank'")

    def counter(self) -> str:
        return str(self.lesson.locator("[data-role=counter]").inner_text())

    def standard(self) -> str:
        return str(self.frame.evaluate("() => courseforge.tracker.standard"))

    def notice(self) -> str:
        """What the lesson tells the learner about saving; empty (and hidden) when all is well."""
        box = self.lesson.locator("[data-role=save-notice]")
        text = str(box.inner_text()).strip()
        assert box.is_visible() == bool(text)
        return text

    def wait_notice(self, words: str) -> None:
        """Wait until the notice says ``words`` (or is empty, for "")."""
        self.frame.wait_for_function(
            "w => { const t = document.querySelector('[data-role=save-notice]').textContent;"
            " return w ? t.includes(w) : t === ''; }", arg=words, timeout=15000)


@pytest.fixture
def page(page: Any) -> Iterator[Any]:
    """The shared page, stricter: a console error fails the test too."""
    problems: list[str] = []
    page.on("console", lambda message: problems.append(
        f"console: {message.text} at {message.location.get('url')}")
        if message.type == "error" else None)
    yield page
    assert problems == []


@pytest.fixture(scope="module")
def reference(chromium, served) -> dict[str, dict[str, Any]]:
    """Per version, the final LMS values of a fault-free run through every page."""
    finals: dict[str, dict[str, Any]] = {}
    context = chromium.new_context()
    for version in VERSIONS:
        lms = FaultyLms(context.new_page(), served, version)
        click_next(lms.start(), PAGES - 1)
        finals[version] = values(lms.close(), version)
    context.close()
    return finals


def assert_same_as_fault_free(final: dict[str, Any], expected: dict[str, Any],
                              version: str) -> None:
    """Everything a fault-free run stores, with a session time of the right form."""
    timeless = {k: v for k, v in final.items() if k != "time"}
    assert timeless == {k: v for k, v in expected.items() if k != "time"}
    pattern = r"\d{2,4}:\d\d:\d\d(\.\d{1,2})?" if version == "1.2" else r"PT.*\d+(\.\d+)?S"
    assert re.fullmatch(pattern, final["time"]), final["time"]


def assert_relaunch_resumes(lms: FaultyLms, state: dict[str, Any], at: int) -> None:
    """A relaunch from the LMS's stored data opens page `at` with every page before it seen."""
    lms.start(lms.relaunch_data(state))
    assert lms.counter() == f"Page {at + 1} of {PAGES}"
    lms.wait_location(MINIMAL_PAGES[at])
    assert set(range(at + 1)) <= set(seen_pages(lms.state()["cmi"]["suspend_data"]))
    assert lms.frame.evaluate("() => document.querySelector('[data-role=progress]').value") \
        >= at + 1


@pytest.mark.parametrize("version", VERSIONS)
def test_no_api_runs_like_the_web_site(page, served, version) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start(missing=True)
    assert lms.standard() == "local"
    assert "not connected to your learning platform" in lms.notice()
    click_next(lesson, 2)
    lms.close_window()
    lms.start(missing=True)
    assert lms.counter() == f"Page 3 of {PAGES}"
    assert lms.frame.evaluate("() => document.querySelector('[data-role=progress]').value") == 3
    assert lms.state()["calls"] == []


@pytest.mark.parametrize("version", VERSIONS)
def test_initialize_refused_runs_locally_and_retries_a_few_times(page, served,
                                                                  version) -> None:
    page.clock.install()
    lms = FaultyLms(page, served, version)
    refused = {"methods": ["Initialize"], "action": "fail", "code": "101"}
    lesson = lms.start(faults=[refused])
    assert lms.standard() == "local"
    assert lms.notice() == ""  # not while the LMS may still answer
    click_next(lesson, 2)
    page.clock.run_for(30000)  # the retries at 1, 3 and 7 seconds, and then no more
    assert [c["result"] for c in lms.calls("Initialize")] == ["false"] * 4
    assert "not connected to your learning platform" in lms.notice()
    # nothing written to, nor terminated at, an LMS whose session never opened
    assert lms.calls("SetValue") == lms.calls("Commit") == lms.calls("Terminate") == []
    assert lms.standard() == "local"
    lms.close_window()
    lms.start(faults=[refused])
    assert lms.counter() == f"Page 3 of {PAGES}"  # kept in this browser meanwhile


@pytest.mark.parametrize("version", VERSIONS)
def test_initialize_that_succeeds_on_a_retry_keeps_what_was_done_before(
        page, served, reference, version) -> None:
    # a date the 2004 timestamps can carry (1970..2038); Playwright for Python reads a number
    # as seconds, so the times are given as text, to the millisecond
    page.clock.install(time="2023-11-14T22:13:20.000Z")
    # timers wait for run_for; a minute on, as the installed clock runs meanwhile (it cannot
    # be paused at a time it has passed, which a busy machine made it do within 1 ms)
    page.clock.pause_at("2023-11-14T22:14:20.000Z")
    lms = FaultyLms(page, served, version)
    lesson = lms.start(faults=[{"methods": ["Initialize"], "action": "fail", "calls": 1}])
    click_next(lesson, 2)
    assert lms.standard() == "local"
    lms.frame.evaluate(RECORD_AN_ANSWER)
    page.clock.run_for(1500)
    page.clock.resume()
    assert lms.standard() == ("scorm12" if version == "1.2" else "scorm2004")
    lms.wait_location("welcome.2")
    assert seen_pages(lms.state()["cmi"]["suspend_data"]) == [0, 1, 2]
    assert [c["args"][1] for c in lms.calls("SetValue")
            if re.fullmatch(r"cmi\.interactions\.\d+\.id", c["args"][0])] == ["q1"]
    click_next(lesson, PAGES - 3)
    assert lms.notice() == ""
    state = lms.close()
    assert_same_as_fault_free(values(state, version), reference[version], version)
    assert [c["result"] for c in lms.calls("Terminate")] == ["true"]


@pytest.mark.parametrize("version", VERSIONS)
def test_a_session_the_lms_initialized_already_is_used(page, served, reference,
                                                       version) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start(initialized=True)
    assert [c["result"] for c in lms.calls("Initialize")] == ["false"]
    assert lms.standard() != "local"
    click_next(lesson, PAGES - 1)
    state = lms.close()
    assert_same_as_fault_free(values(state, version), reference[version], version)
    assert len(lms.calls("Terminate")) == 1


@pytest.mark.parametrize("version", VERSIONS)
def test_an_api_that_throws_everywhere_leaves_a_working_lesson(page, served, version) -> None:
    page.clock.install()
    lms = FaultyLms(page, served, version)
    every = ["Initialize", "Terminate", "GetValue", "SetValue", "Commit", "GetLastError",
             "GetErrorString", "GetDiagnostic"]
    lesson = lms.start(faults=[{"methods": every, "action": "throw"}])
    assert lms.standard() == "local"
    click_next(lesson, 3)
    page.clock.run_for(30000)
    assert lms.counter() == f"Page 4 of {PAGES}"
    assert lms.standard() == "local"
    assert len(lms.calls("Initialize")) == 4
    lms.close_window()
    lms.start(faults=[{"methods": every, "action": "throw"}])
    assert lms.counter() == f"Page 4 of {PAGES}"  # kept in this browser


FAULTS_FOR_A_WHILE = {
    "fail-for-12-calls": {**FAIL_WRITES, "calls": 12},
    "fail-for-a-second": {**FAIL_WRITES, "forMs": 1000},
    "throw-for-12-calls": {"methods": ["SetValue", "Commit"], "action": "throw", "calls": 12},
    "commit-fails-for-4-calls": {"methods": ["Commit"], "action": "fail", "code": "391",
                                 "calls": 4},
}


@pytest.mark.parametrize("fault", FAULTS_FOR_A_WHILE)
@pytest.mark.parametrize("version", VERSIONS)
def test_failures_for_a_while_then_recovery_lose_nothing(page, served, reference, version,
                                                         fault) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start(faults=[FAULTS_FOR_A_WHILE[fault]])
    click_next(lesson, PAGES - 1)
    lms.wait_location(MINIMAL_PAGES[-1])  # retried on its own, without another click
    state = lms.close()
    assert_same_as_fault_free(values(state, version), reference[version], version)
    assert len(lms.calls("Terminate")) == 1
    assert_relaunch_resumes(lms, state, PAGES - 1)


@pytest.mark.parametrize("version", VERSIONS)
def test_learner_is_told_while_the_lms_does_not_save(page, served, version) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start_on_the_second_page()
    assert lms.notice() == ""
    page.evaluate("(rule) => faultLms([rule])", FAIL_WRITES)
    click_next(lesson, 1)
    page.wait_for_function(
        "() => harness.calls.some(c => /Commit$/.test(c.method) && c.result === 'false')")
    assert lms.notice() == ""  # one failed commit may be a hiccup: retried in a second
    lms.wait_notice("not saving your progress")
    lms.frame.add_script_tag(url=f"{served}/lib/axe.min.js")
    assert serious_violations(lms.frame) == []
    page.evaluate("() => faultLms([])")
    lms.wait_location("welcome.2")  # the retry saved it
    lms.wait_notice("")
    assert lms.notice() == ""
    assert len(lms.calls("Terminate")) == 0


@pytest.mark.parametrize("clicks", [0, 3])
@pytest.mark.parametrize("version", VERSIONS)
def test_window_closed_while_the_lms_fails_keeps_progress_for_the_relaunch(
        page, served, version, clicks) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start_on_the_second_page()
    page.evaluate("(rule) => faultLms([rule])", FAIL_WRITES)
    click_next(lesson, clicks)
    state = lms.close()
    assert values(state, version)["location"] == "welcome.1"  # all the LMS has
    assert len(lms.calls("Terminate")) == 1
    assert_relaunch_resumes(lms, state, 1 + clicks)  # the rest waited in this browser


@pytest.mark.parametrize("version", VERSIONS)
def test_lms_that_terminates_first(page, served, version) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start_on_the_second_page()
    page.evaluate("() => lmsTerminates()")
    before = len(lms.calls("SetValue"))
    click_next(lesson, 2)
    assert lms.counter() == f"Page 4 of {PAGES}"
    # 2004 says the session has ended; a 1.2 LMS only keeps failing
    lms.wait_notice("has closed this session" if version == "2004" else "not saving")
    state = lms.close()
    assert {c["result"] for c in lms.calls("SetValue")[before:]} == {"false"}
    assert len(lms.calls("Terminate")) == 1
    assert_relaunch_resumes(lms, state, 3)


@pytest.mark.parametrize("version", VERSIONS)
def test_terminate_exactly_once_whatever_fires(page, served, version) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start()
    click_next(lesson, 1)
    lms.frame.evaluate("""() => {
        window.dispatchEvent(new PageTransitionEvent("pagehide"));
        window.dispatchEvent(new PageTransitionEvent("pagehide"));
        Object.defineProperty(document, "visibilityState", {value: "hidden", configurable: true});
        document.dispatchEvent(new Event("visibilitychange"));
    }""")
    terminated = len(lms.state()["calls"])
    assert [c["result"] for c in lms.calls("Terminate")] == ["true"]
    click_next(lesson, 1)  # the page still works, and leaves the ended session alone
    lms.close_window()
    state = lms.state()
    assert len(state["calls"]) == terminated
    assert state["calls"][-1]["method"] in ("Terminate", "LMSFinish")
    assert values(state, version)["location"] == "welcome.1"
    assert_relaunch_resumes(lms, state, 1)


SLOW = {
    "every-write-100-ms": {"methods": ["SetValue", "Commit", "Terminate"], "action": "delay",
                           "delayMs": 100},
    "commit-400-ms": {"methods": ["Commit"], "action": "delay", "delayMs": 400},
}


# one kind of slowness per version: what is tested (no LMS call while the page changes) is the same
@pytest.mark.parametrize(("version", "slow"), list(zip(VERSIONS, SLOW, strict=True)))
def test_slow_lms_never_holds_up_navigation(page, served, reference, version, slow) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start(faults=[SLOW[slow]])
    lms.wait_location("start")
    # the click shows the next page without waiting for a single LMS call
    during_click = lms.frame.evaluate("""() => {
        const before = parent.harness.calls.length;
        document.querySelector("[data-nav=next]").click();
        return parent.harness.calls.slice(before);
    }""")
    assert during_click == []
    assert lms.counter() == f"Page 2 of {PAGES}"
    click_next(lesson, PAGES - 2)
    state = lms.close()
    assert_same_as_fault_free(values(state, version), reference[version], version)
    assert_relaunch_resumes(lms, state, PAGES - 1)


@pytest.mark.parametrize("version", VERSIONS)
def test_an_element_the_lms_never_takes_holds_back_nothing(page, served, version) -> None:
    lms = FaultyLms(page, served, version)
    unsupported = {"methods": ["SetValue"], "element": "cmi.interactions", "action": "fail",
                   "code": "401" if version == "1.2" else "402"}
    lesson = lms.start(faults=[unsupported])
    lms.frame.evaluate(RECORD_AN_ANSWER)
    click_next(lesson, 1)
    lms.wait_location("welcome.1")
    click_next(lesson, 1)
    lms.wait_location("welcome.2")
    interaction = [c["args"][0] for c in lms.calls("SetValue")
                   if c["args"][0].startswith("cmi.interactions")]
    assert interaction and len(interaction) == len(set(interaction))  # each tried once
    assert {c["result"] for c in lms.calls("Commit")} == {"true"}


@pytest.mark.parametrize("version", VERSIONS)
def test_commits_follow_meaningful_changes_only(page, served, version) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start()
    lms.wait_location("start")
    click_next(lesson, PAGES - 1)
    lms.wait_location(MINIMAL_PAGES[-1])
    settled = len(lms.calls("Commit"))
    # reading, scrolling and typing change nothing the LMS keeps
    lesson.locator("main").click(position={"x": 5, "y": 5})
    for _ in range(3):
        page.mouse.wheel(0, 400)
    page.keyboard.type("some typing", delay=5)
    page.wait_for_timeout(400)
    assert len(lms.calls("Commit")) == settled
    # quick jumps that end where they began, every page seen already: nothing new but time,
    # so no Commit (an LMS that re-sends all it holds would send it for nothing)
    lms.frame.evaluate("() => courseforge.pages.forEach((id) => courseforge.go(id))")
    page.wait_for_timeout(400)
    assert len(lms.calls("Commit")) == settled
    # quick jumps that move the bookmark make one commit, after they are done
    lms.frame.evaluate("() => { courseforge.pages.forEach((id) => courseforge.go(id));"
                       " courseforge.go(1); }")  # the overview (0) keeps the place
    page.wait_for_function(f"() => harness.calls.filter(c => /Commit$/.test(c.method)).length"
                           f" > {settled}")
    page.wait_for_timeout(300)
    assert len(lms.calls("Commit")) == settled + 1
    state = lms.close()
    assert len(lms.calls("Commit")) <= PAGES + 3
    assert values(state, version)["location"] == MINIMAL_PAGES[1]


@pytest.mark.parametrize("version", VERSIONS)
def test_window_closed_mid_quiz_while_the_lms_fails_keeps_answers_and_result(
        page, served, version) -> None:
    lms = FaultyLms(page, served, version)
    lms.start()
    ready(lms.frame)
    lms.frame.evaluate("() => courseforge.go('roles.quiz')")
    lms.wait_location("roles.quiz")
    page.evaluate("(rule) => faultLms([rule])", FAIL_WRITES)
    # closed before the quiz's pause-then-commit, with an LMS that would refuse it anyway
    answer(lms.lesson, "roles", {"q-focus": "a", "q-both": ["a", "b"]})
    state = lms.close()
    lms.start(lms.relaunch_data(state), faults=[FAIL_WRITES])
    ready(lms.frame)
    assert lms.counter() == f"Page {PAGES} of {PAGES}"
    assert control(lms.lesson, "roles", "q-focus", "a").is_checked()
    assert control(lms.lesson, "roles", "q-both", "b").is_checked()
    answer(lms.lesson, "roles", {k: v for k, v in MINIMAL_CORRECT.items()
                                 if k not in ("q-focus", "q-both")})
    submit(lms.lesson, "roles")
    state = lms.close()
    status = "core.lesson_status" if version == "1.2" else "success_status"
    assert lms.cmi(status) not in ("passed", "failed")  # the LMS took nothing of it
    lms.start(lms.relaunch_data(state))
    ready(lms.frame)
    assert control(lms.lesson, "roles").locator("[data-role=result]").is_visible()
    page.wait_for_function(f"() => harness.api.cmi.{status} === 'passed'")
    lms.close()
    assert lms.cmi(status) == "passed"


STATUS = {"1.2": "core.lesson_status", "2004": "success_status"}
SCORE = {"1.2": "core.score.raw", "2004": "score.raw"}


def retake(lms: FaultyLms, responses: dict[str, Any]) -> None:
    """Try the minimal course's quiz again after a result, with other answers."""
    form = control(lms.lesson, "roles")
    form.get_by_role("button", name="Try again").click()
    answer(lms.lesson, "roles", responses)
    submit(lms.lesson, "roles")


@pytest.mark.parametrize("version", VERSIONS)
def test_a_copy_kept_while_the_lms_failed_never_undoes_a_later_session(page, served,
                                                                       version) -> None:
    lms = FaultyLms(page, served, version)
    # 1: the learner fails the quiz while the LMS takes nothing; the copy waits here
    lms.start(faults=[FAIL_WRITES])
    take(lms.lesson, lms.frame, "roles", MINIMAL_WRONG)
    first = lms.close()
    # 2: the copy is newer than the LMS: it comes back; the learner passes, the LMS takes it
    lms.start(lms.relaunch_data(first))
    ready(lms.frame)
    assert control(lms.lesson, "roles").locator("[data-role=result]").is_visible()
    retake(lms, MINIMAL_CORRECT)
    page.wait_for_function(f"() => harness.api.cmi.{STATUS[version]} === 'passed'")
    click_next(lms.lesson, 0)
    lms.frame.evaluate("() => courseforge.go(1)")
    lms.wait_location(MINIMAL_PAGES[1])
    second = lms.close()
    # 3: nothing of session 1 returns: passed, full score, the bookmark where session 2 left
    lms.start(lms.relaunch_data(second))
    ready(lms.frame)
    assert lms.counter() == f"Page 2 of {PAGES}"
    third = lms.close()
    assert lms.cmi(STATUS[version]) == "passed"
    assert float(lms.cmi(SCORE[version])) == 100
    assert values(third, version)["location"] == MINIMAL_PAGES[1]
    answers = [c["args"][1] for c in lms.calls("SetValue")
               if re.fullmatch(r"cmi\.interactions\.\d+\.id", c["args"][0])]
    assert answers == []  # session 3 answered nothing and resent nothing


@pytest.mark.parametrize("version", VERSIONS)
def test_a_read_that_fails_at_launch_never_erases_what_the_lms_holds(page, served,
                                                                    version) -> None:
    page.clock.install()
    lms = FaultyLms(page, served, version)
    lms.start()
    take(lms.lesson, lms.frame, "roles", MINIMAL_CORRECT)
    page.wait_for_function(f"() => harness.api.cmi.{STATUS[version]} === 'passed'")
    held = lms.close()
    # the LMS cannot read the learner's record for a while: the lesson writes nothing there
    unreadable = {"methods": ["GetValue"], "action": "fail", "code": "101",
                  "element": "cmi.suspend_data"}
    lms.start(lms.relaunch_data(held), faults=[unreadable])
    assert lms.standard() == "local"
    click_next(lms.lesson, 1)
    page.clock.run_for(30000)  # every retry fails too
    assert "not connected to your learning platform" in lms.notice()
    written = {c["args"][0] for c in lms.calls("SetValue")}
    assert not written & {"cmi.suspend_data", "cmi.core.lesson_status", "cmi.success_status",
                          "cmi.completion_status", "cmi.core.lesson_location", "cmi.location"}
    # once it reads again, the learner's record is all there, with nothing lost
    lms.start(lms.relaunch_data(held), faults=[{**unreadable, "calls": 1}])
    page.clock.run_for(1500)
    assert lms.standard() != "local"
    ready(lms.frame)
    lms.frame.evaluate("() => courseforge.go('roles.quiz')")  # the learner was on page 1
    assert control(lms.lesson, "roles").locator("[data-role=result]").is_visible()
    final = lms.close()
    assert lms.cmi(STATUS[version]) == "passed"
    # every page seen before, and page 2, seen while the LMS could not be read
    assert seen_pages(values(final, version)["suspend"]) == \
        sorted({*seen_pages(values(held, version)["suspend"]), 1})


@pytest.mark.parametrize("version", VERSIONS)
def test_a_page_shown_again_after_a_refused_session_keeps_saving_here(page, served,
                                                                     version) -> None:
    """Initialize refused, the page hidden and shown again (as from the back/forward cache:
    the events are dispatched, see test_scorm_back_forward.py for a real restore): the pages
    seen after it are still kept in this browser, and nothing reaches the LMS."""
    page.clock.install()
    lms = FaultyLms(page, served, version)
    refused = {"methods": ["Initialize"], "action": "fail", "code": "101"}
    lesson = lms.start(faults=[refused])
    page.clock.run_for(30000)  # refused for good
    click_next(lesson, 1)
    lms.frame.evaluate("""() => {
        window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}));
        window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
    }""")
    assert lms.counter() == f"Page 2 of {PAGES}"  # the learner stays where they are
    click_next(lesson, 2)
    page.clock.run_for(1000)  # the coalesced save
    lms.close_window()
    assert lms.calls("SetValue") == lms.calls("Terminate") == []
    lms.start(faults=[refused])
    assert lms.counter() == f"Page 4 of {PAGES}"  # saved here after the page came back


@pytest.mark.parametrize("version", VERSIONS)
def test_progress_made_while_the_lms_refused_is_never_credited_to_another_launch(
        page, served, version) -> None:
    """With Initialize refused, nobody knows whose progress it is: it stays in this browser
    (for the next refused launch), and a working launch, maybe another learner's, gets none."""
    page.clock.install()
    lms = FaultyLms(page, served, version)
    refused = {"methods": ["Initialize"], "action": "fail", "code": "101"}
    lesson = lms.start(faults=[refused])
    page.clock.run_for(30000)  # refused for good
    click_next(lesson, PAGES - 1)
    take(lesson, lms.frame, "roles", MINIMAL_CORRECT)
    lms.close_window()
    assert lms.calls("SetValue") == []
    page.clock.resume()
    lms.start()  # a working launch on the same browser
    assert lms.counter() == f"Page 1 of {PAGES}"
    final = lms.close()
    assert seen_pages(values(final, version)["suspend"]) == [0]
    assert lms.cmi(STATUS[version]) not in ("passed", "failed")
    lms.start(faults=[refused])  # refused again: this browser still has it
    assert lms.counter() == f"Page {PAGES} of {PAGES}"


@pytest.mark.parametrize("version", VERSIONS)
def test_closing_while_commit_and_terminate_fail_keeps_the_copy(page, served, version) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start_on_the_second_page()
    before = lms.state()  # what the LMS really holds: the outage loses the rest
    page.evaluate("(rule) => faultLms([rule])",
                  {"methods": ["Commit", "Terminate"], "action": "fail", "code": "101"})
    click_next(lesson, 2)
    lms.close()
    lms.start(lms.relaunch_data(before))  # the copy kept here brings pages 3 and 4 back
    assert lms.counter() == f"Page 4 of {PAGES}"
    lms.wait_location(MINIMAL_PAGES[3])
    assert set(range(4)) <= set(seen_pages(lms.state()["cmi"]["suspend_data"]))


@pytest.mark.parametrize("version", VERSIONS)
def test_a_copy_survives_a_launch_that_cannot_read_and_reaches_the_lms_later(
        page, served, version) -> None:
    page.clock.install()
    lms = FaultyLms(page, served, version)
    lms.start()
    before = lms.state()
    page.evaluate("(rule) => faultLms([rule])", FAIL_WRITES)
    take(lms.lesson, lms.frame, "roles", MINIMAL_CORRECT)  # taken, never saved
    lms.close()
    unreadable = {"methods": ["GetValue"], "action": "fail", "code": "101",
                  "element": "cmi.suspend_data"}
    lms.start(lms.relaunch_data(before), faults=[unreadable])  # the copy is not overwritten
    page.clock.run_for(30000)
    ready(lms.frame)
    assert lms.counter() == f"Page {PAGES} of {PAGES}"  # back at the quiz, from the copy
    assert control(lms.lesson, "roles").locator("[data-role=result]").is_visible()
    lms.frame.evaluate("() => courseforge.go(1)")
    lms.close_window()
    page.clock.resume()
    lms.start(lms.relaunch_data(before))  # a working launch: result and answers arrive
    page.wait_for_function(f"() => harness.api.cmi.{STATUS[version]} === 'passed'")
    answers = {c["args"][1] for c in lms.calls("SetValue")
               if re.fullmatch(r"cmi\.interactions\.\d+\.id", c["args"][0])}
    assert {"roles-q-focus", "roles-q-match", "recommendation"} <= answers
    final = lms.close()
    assert float(lms.cmi(SCORE[version])) == 100
    assert 1 in seen_pages(values(final, version)["suspend"])


@pytest.mark.parametrize("version", VERSIONS)
def test_a_package_opened_without_any_lms_gives_the_lms_nothing(page, served, version) -> None:
    lms = FaultyLms(page, served, version)
    click_next(lms.start(missing=True), 3)  # an administrator previewing the file
    lms.close_window()
    lms.start()
    assert lms.counter() == f"Page 1 of {PAGES}"
    lms.close()
    assert seen_pages(lms.state()["cmi"]["suspend_data"]) == [0]


@pytest.mark.parametrize("version", VERSIONS)
def test_no_commit_while_the_page_unloads(page, served, version) -> None:
    lms = FaultyLms(page, served, version)
    lesson = lms.start_on_the_second_page()
    click_next(lesson, 1)
    lms.wait_location(MINIMAL_PAGES[2])
    before = len(lms.state()["calls"])
    state = lms.close()
    closing = [c["method"] for c in lms.state()["calls"][before:]]
    assert not [m for m in closing if m.endswith("Commit")], closing
    assert closing[-1] in ("LMSFinish", "Terminate")
    assert values(state, version)["exit"] == "suspend"  # set during the close, kept by Terminate


@pytest.mark.parametrize("version", VERSIONS)
def test_the_api_is_found_from_a_frame_in_a_window_the_lms_opened(page, served,
                                                                   version) -> None:
    lms = FaultyLms(page, served, version)
    page.goto(f"{served}/harness.html")
    page.evaluate("([v]) => startLms(v, null, 'about:blank')", [version])
    with page.expect_popup() as opened:
        page.evaluate("""(src) => {
            const popup = window.open('about:blank');
            const frame = popup.document.createElement('iframe');
            frame.src = src;
            popup.document.body.appendChild(frame);
        }""", f"{served}/{lms.sco}")
    popup = opened.value
    popup.frame_locator("iframe").locator("html.js").wait_for(state="attached")
    page.wait_for_function("() => harness.calls.some(c => /Initialize$/.test(c.method))")
    assert [c["result"] for c in lms.calls("Initialize")] == ["true"]


@pytest.mark.parametrize("version", VERSIONS)
def test_a_copy_meeting_a_record_that_moved_on_keeps_its_better_attempt(
        page, served, chromium, version) -> None:
    """The copy no longer wins outright, but its quiz attempts are merged with the LMS's
    (more attempts, best score), even though it is read before the quiz script runs."""
    lms = FaultyLms(page, served, version)
    lms.start()
    take(lms.lesson, lms.frame, "roles", MINIMAL_WRONG)
    page.wait_for_function(f"() => harness.api.cmi.{STATUS[version]} === 'failed'")
    failed = lms.close()
    # here: a better attempt the LMS never got
    lms.start(lms.relaunch_data(failed), faults=[FAIL_WRITES])
    ready(lms.frame)
    retake(lms, MINIMAL_CORRECT)
    lms.close()
    # meanwhile, on another computer, the learner looked at one more page
    elsewhere = chromium.new_context()
    other = FaultyLms(elsewhere.new_page(), served, version)
    other.start(other.relaunch_data(failed))
    other.frame.evaluate("() => courseforge.go(1)")
    other.wait_location(MINIMAL_PAGES[1])
    moved_on = other.close()
    elsewhere.close()
    # back here: both count
    lms.start(lms.relaunch_data(moved_on))
    page.wait_for_function(f"() => harness.api.cmi.{STATUS[version]} === 'passed'")
    ready(lms.frame)
    lms.frame.evaluate("() => courseforge.go('roles.quiz')")
    assert control(lms.lesson, "roles").locator(".score").inner_text().startswith("Score: 100%")
    final = lms.close()
    assert float(lms.cmi(SCORE[version])) == 100
    assert 1 in seen_pages(values(final, version)["suspend"])  # the other computer's page too
