"""A cmi5 page restored from the back/forward cache after its session ended, in Chromium.

Leaving the page sends terminated; coming back through history shows the same page again
(Playwright turns Chromium's back/forward cache off by default: this browser keeps it on, and
the test LMS serves the content cacheable, as many LMSs do). The AU must send nothing more
(cmi5 section 9.3.8) and must tell the learner, in the course's language, how to continue.
"""

from __future__ import annotations

import shutil
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest

from browser.quiz import MINIMAL_CORRECT, take
from cmi5.lrs import RETURN_PATH, LoopbackLms
from cmi5.rules import violations
from cmi5.session import TERMINATED
from cmi5.validator import xapi_problems
from conftest import ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.loading import load_checked
from courseforge.locale import labels_for
from test_cmi5_runtime import AU, verbs, wait_until
from test_web_browser import SERIOUS


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory, node_modules: Path) -> Path:
    """The minimal course's cmi5 package unpacked, with axe-core beside it for the checks."""
    output = tmp_path_factory.mktemp("bfcache-out")
    build(ROOTS / "minimal", output, ["cmi5"], BuildOptions(), lambda _: None)
    folder = tmp_path_factory.mktemp("bfcache-content")
    with zipfile.ZipFile(output / "cmi5" / "team-roles.zip") as archive:
        archive.extractall(folder)
    shutil.copyfile(node_modules / "axe-core" / "axe.min.js", folder / "axe.min.js")
    return folder


@pytest.fixture
def tab(caching_tab: Any) -> Any:
    return caching_tab


def leave_and_come_back(tab: Any, lms: LoopbackLms, return_url: str | None) -> Any:
    """Launch, leave for another page (terminated), come back through history."""
    lms.content_cache = "no-cache"
    url, session = lms.launch(publisher_id=AU, registration=str(uuid.uuid4()),
                              mastery_score=0.75, return_url=return_url)
    tab.goto(url)
    wait_until(tab, lambda: "http://adlnet.gov/expapi/verbs/initialized" in verbs(lms, session),
               "initialized")
    tab.evaluate("() => { window.sameDocument = true; }")
    tab.goto(f"{lms.base}{RETURN_PATH}")
    wait_until(tab, lambda: TERMINATED in verbs(lms, session), "terminated")
    tab.go_back(wait_until="commit")  # a page from the cache fires no load event
    tab.locator("[data-role=session-ended]").wait_for()
    assert tab.evaluate("() => window.sameDocument === true")  # restored, not reloaded
    return session


def test_a_restored_page_says_the_session_ended_and_sends_nothing(tab: Any,
                                                                   content: Path) -> None:
    labels = labels_for(load_checked(ROOTS / "minimal").course)
    with LoopbackLms(content) as lms:
        return_url = f"{lms.base}{RETURN_PATH}"
        session = leave_and_come_back(tab, lms, return_url)
        sent = len(lms.statements)
        calls = len(lms.requests)
        dialog = tab.get_by_role("dialog", name=labels.text("lesson.session_ended_title"))
        assert dialog.is_visible()
        assert labels.text("lesson.session_ended_text") in dialog.inner_text()
        # the explanation is the dialog's description, read out with its name
        described = dialog.get_attribute("aria-describedby")
        assert described and tab.locator(f"[id='{described}']").inner_text() == \
            labels.text("lesson.session_ended_text")
        back = dialog.get_by_role("link", name=labels.text("lesson.session_ended_return"))
        assert back.get_attribute("href") == return_url
        assert tab.evaluate("() => document.activeElement.textContent") == \
            labels.text("lesson.session_ended_return")
        assert tab.locator("[data-role=save-notice]").inner_text() == \
            labels.text("lesson.notice_session_over")
        tab.add_script_tag(url=f"{lms.base}/content/axe.min.js")
        found = tab.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in found["violations"] if v["impact"] in SERIOUS] == []
        # Keep reading: the dialog closes; the lesson still works here, nothing is recorded
        tab.keyboard.press("Tab")
        tab.keyboard.press("Enter")
        assert not dialog.is_visible()
        tab.evaluate("() => courseforge.go(1)")
        take(tab, tab, "roles", MINIMAL_CORRECT)
        tab.evaluate("() => courseforge.tracker.commit()")
        tab.wait_for_timeout(1500)  # longer than any commit the runtime would schedule
        assert len(lms.statements) == sent and len(lms.requests) == calls
        assert verbs(lms, session)[-1] == TERMINATED
        assert violations(lms.statements, lms.launches) == []
        assert xapi_problems(lms.statements) == []
        assert tab.locator("[data-role=save-notice]").inner_text() == \
            labels.text("lesson.notice_session_over")  # still there after the quiz


def test_without_a_return_url_the_learner_is_told_to_relaunch(tab: Any, content: Path) -> None:
    labels = labels_for(load_checked(ROOTS / "minimal").course)
    with LoopbackLms(content) as lms:
        leave_and_come_back(tab, lms, None)
        dialog = tab.get_by_role("dialog", name=labels.text("lesson.session_ended_title"))
        assert dialog.get_by_role("link").count() == 0
        stay = dialog.get_by_role("button", name=labels.text("lesson.session_ended_stay"))
        assert tab.evaluate("() => document.activeElement.textContent") == \
            labels.text("lesson.session_ended_stay")
        tab.keyboard.press("Escape")
        assert not stay.is_visible()
        assert tab.locator("[data-role=save-notice]").inner_text() == \
            labels.text("lesson.notice_session_over")
