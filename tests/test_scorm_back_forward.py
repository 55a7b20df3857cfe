"""A SCORM page restored from the back/forward cache after its session ended, in Chromium.

Leaving the page (pagehide) calls LMSFinish (1.2) or Terminate (2004); the browser may keep the
page (here the harness LMS with the lesson in its frame) and show it again when the learner
comes back through history (this browser keeps its back/forward cache on, and the server lets
it). No API call may follow: the SCO says the session ended, in the course's language, and
stays readable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser.lms import FOLDERS, LmsSession, extract, serve_harness
from conftest import ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.loading import load_checked
from courseforge.locale import labels_for
from test_web_browser import SERIOUS

FINISH = {"1.2": "LMSFinish", "2004": "Terminate"}


@pytest.fixture(scope="module")
def served(cacheable_server: tuple[str, Path], node_modules: Path,
           tmp_path_factory: pytest.TempPathFactory) -> str:
    """The minimal course's packages and the harness, served cacheable, and a page to leave
    for."""
    base, folder = cacheable_server
    output = tmp_path_factory.mktemp("scorm-bfcache")
    build(ROOTS / "minimal", output, ["scorm12", "scorm2004"], BuildOptions(), lambda _: None)
    for name in FOLDERS.values():
        extract(output / name / "team-roles.zip", folder / name)
    serve_harness(folder, node_modules)
    (folder / "elsewhere.html").write_text(
        "<!DOCTYPE html><html lang='en'><title>Elsewhere</title><h1>Elsewhere</h1></html>")
    return base


def in_sco(tab: Any, script: str, arg: Any = None) -> Any:
    """Runs ``script`` (a function of the lesson's window and ``arg``) in the lesson frame.

    Playwright loses track of a frame inside a page restored from the back/forward cache, so
    the harness page reaches into its (same-origin) frame instead."""
    return tab.evaluate(f"([arg]) => ({script})(document.getElementById('sco').contentWindow, "
                        "arg)", [arg])


def text_of(tab: Any, selector: str) -> str:
    return str(in_sco(tab, "(w, s) => w.document.querySelector(s).textContent", selector))


def serious_in_sco(tab: Any, axe_url: str) -> list[str]:
    """axe-core's serious and critical violations in the lesson frame."""
    tab.evaluate("""(url) => new Promise((resolve, reject) => {
        const doc = document.getElementById('sco').contentDocument;
        const script = doc.createElement('script');
        script.src = url; script.onload = resolve; script.onerror = reject;
        doc.head.appendChild(script);
    })""", axe_url)
    found = in_sco(tab, "(w) => w.axe.run(w.document, {resultTypes: ['violations']})")
    return [v["id"] for v in found["violations"] if v["impact"] in SERIOUS]


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_restored_sco_says_the_session_ended_and_calls_nothing(
        caching_tab: Any, served: str, version: str) -> None:
    labels = labels_for(load_checked(ROOTS / "minimal").course)
    tab = caching_tab
    session = LmsSession(tab, served, version, f"{FOLDERS[version]}/index.html")
    session.launch()
    session.frame.evaluate("() => courseforge.go(1)")
    tab.evaluate("() => { window.sameDocument = true; }")
    tab.goto(f"{served}/elsewhere.html")
    tab.go_back(wait_until="commit")  # a page from the cache fires no load event
    tab.wait_for_function("() => window.sameDocument === true")  # restored, not reloaded
    tab.wait_for_function("() => !!document.getElementById('sco').contentDocument"
                          ".querySelector('[data-role=session-ended]')")
    before = session.state()
    methods = [call["method"] for call in before["calls"]]
    assert methods.count(FINISH[version]) == 1 and methods[-1] == FINISH[version]

    dialog = "[data-role=session-ended]"
    assert in_sco(tab, "(w, s) => w.document.querySelector(s).open", dialog) is True
    assert in_sco(tab, "(w, s) => w.document.querySelector(s).matches(':modal')", dialog)
    assert text_of(tab, "#session-ended-title") == labels.text("lesson.session_ended_title")
    assert labels.text("lesson.session_ended_text") in text_of(tab, dialog)
    assert in_sco(tab, "(w, s) => w.document.querySelectorAll(s + ' a').length", dialog) == 0
    assert in_sco(tab, "(w) => w.document.activeElement.textContent") == \
        labels.text("lesson.session_ended_stay")
    assert text_of(tab, "[data-role=save-notice]") == labels.text("lesson.notice_session_over")
    assert serious_in_sco(tab, f"{served}/lib/axe.min.js") == []

    # keep reading: the dialog closes by keyboard, the lesson still works, nothing is sent
    tab.keyboard.press("Enter")
    assert in_sco(tab, "(w, s) => w.document.querySelector(s).open", dialog) is False
    in_sco(tab, "(w) => w.courseforge.go(3)")
    assert "roles.1" in in_sco(tab, "(w) => w.location.hash")
    assert in_sco(tab, "(w) => w.courseforge.tracker.commit()") is False
    in_sco(tab, "(w) => w.dispatchEvent(new w.Event('pagehide'))")  # leaving again: still
    tab.wait_for_timeout(600)  # longer than the runtime's coalesced commit (250 ms)
    after = session.state()
    assert after["calls"] == before["calls"]
    assert after["cmi"] == before["cmi"]
    assert text_of(tab, "[data-role=save-notice]") == labels.text("lesson.notice_session_over")
