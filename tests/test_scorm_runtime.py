"""The lesson runtime in headless Chromium under scorm-again, for SCORM 1.2 and 2004."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from browser.lms import FOLDERS, LmsSession, extract, serve_harness
from browser.quiz import MINIMAL_CORRECT, take
from courseforge.build import build
from courseforge.builders.base import BuildOptions

VERSIONS = ["1.2", "2004"]
# every page seen and the counting quiz passed: SCORM 1.2 reports passed, 2004 completed
DONE = {"1.2": "passed", "2004": "completed"}
MINIMAL_PAGES = ["start", "welcome.1", "welcome.2", "roles.1", "roles.quiz"]


@pytest.fixture(scope="module")
def served(static_server, node_modules, tmp_path_factory) -> str:
    """The minimal course's packages extracted under the loopback server, with the harness."""
    base, folder = static_server
    output = tmp_path_factory.mktemp("scorm-out")
    build(Path(__file__).parent / "roots" / "minimal", output, ["scorm12", "scorm2004"],
          BuildOptions(), lambda _: None)
    for folder_name in FOLDERS.values():
        extract(output / folder_name / "team-roles.zip", folder / folder_name)
    serve_harness(folder, node_modules)
    return base


def session(page: Any, served: str, version: str) -> LmsSession:
    return LmsSession(page, served, version, f"{FOLDERS[version]}/index.html")


def values(state: dict[str, Any], version: str) -> dict[str, Any]:
    """The tracked values in a version-neutral shape."""
    cmi = state["cmi"]
    if version == "1.2":
        return {"location": cmi["core"]["lesson_location"], "status": cmi["core"]["lesson_status"],
                "exit": cmi["core"]["exit"], "time": cmi["core"]["session_time"],
                "suspend": cmi["suspend_data"]}
    return {"location": cmi["location"], "status": cmi["completion_status"],
            "exit": cmi["exit"], "time": cmi["session_time"], "suspend": cmi["suspend_data"],
            "progress": cmi["progress_measure"]}


def seen_pages(suspend_data: str) -> list[int]:
    """Decode the runtime's bitset of seen pages."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    record = json.loads(suspend_data)
    assert record["v"] == 1
    return [i * 6 + b for i, ch in enumerate(record["p"])
            for b in range(6) if alphabet.index(ch) & (1 << b)]


def calls(state: dict[str, Any], suffix: str) -> list[dict[str, Any]]:
    return [c for c in state["calls"] if c["method"].endswith(suffix)]


def click_next(lesson: Any, times: int) -> None:
    for _ in range(times):
        before = lesson.locator("[data-role=counter]").inner_text()
        lesson.get_by_role("button", name="Next").click()
        lesson.locator("[data-role=counter]").filter(has_not_text=before).wait_for()


@pytest.mark.parametrize("version", VERSIONS)
def test_every_page_seen_completes_and_terminates_once(page, served, version) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    lms = session(page, served, version)
    lesson = lms.launch()
    first = values(lms.state(), version)
    assert first["status"] == "incomplete"
    assert first["location"] == "start"
    click_next(lesson, len(MINIMAL_PAGES) - 1)
    assert lesson.get_by_role("button", name="Next").is_disabled()
    # every page seen, but the counting quiz not submitted yet: not complete
    assert values(lms.state(), version)["status"] == "incomplete"
    take(lesson, lms.frame, "roles", MINIMAL_CORRECT)
    state = lms.close()
    final = values(state, version)
    assert final["status"] == DONE[version]
    assert final["location"] == MINIMAL_PAGES[-1]
    assert final["exit"] == "suspend"
    assert seen_pages(final["suspend"]) == list(range(len(MINIMAL_PAGES)))
    if version == "1.2":
        # what the SCO sent: scorm-again stores it normalised (00:00:00.70 as 00:00:00.7)
        sent = [c["args"][1] for c in calls(state, "SetValue")
                if c["args"][0] == "cmi.core.session_time"]
        assert sent and re.fullmatch(r"\d{2,4}:\d\d:\d\d\.\d\d", sent[-1])
    else:
        assert re.fullmatch(r"PT\d+H\d+M\d+\.\d\dS", final["time"])
        assert float(final["progress"]) == 1.0
    assert len(calls(state, "Initialize")) == 1
    finish = "LMSFinish" if version == "1.2" else "Terminate"
    assert [c["result"] for c in state["calls"] if c["method"] == finish] == ["true"]
    # nothing but the package (and the harness that plays the LMS) was fetched
    assert requests and all(url.startswith(served + "/") or url == "about:blank"
                            for url in requests), requests
    lesson_requests = [u for u in requests if "/" + FOLDERS[version] + "/" in u]
    assert {u.rsplit("/", 1)[1] for u in lesson_requests} >= {"index.html", "runtime.js",
                                                              "quiz.js", "grading.js"}


@pytest.mark.parametrize("version", VERSIONS)
def test_relaunch_resumes_at_the_bookmark_with_progress(page, served, version) -> None:
    lms = session(page, served, version)
    lesson = lms.launch()
    click_next(lesson, 2)
    stored = lms.relaunch_data(lms.close())
    assert values(lms.state(), version)["location"] == "welcome.2"

    lesson = lms.launch(stored)
    assert lesson.locator("[data-role=counter]").inner_text() == f"Page 3 of {len(MINIMAL_PAGES)}"
    assert lesson.get_by_role("heading", level=1, name="Two roles").is_visible()
    assert lesson.locator("[data-role=progress]").get_attribute("value") is not None
    assert lms.frame.evaluate("() => document.querySelector('[data-role=progress]').value") == 3
    assert lesson.locator("a[aria-current=page]").inner_text() == "Two roles"
    if version == "2004":
        entry = [c for c in calls(lms.state(), "GetValue") if c["args"][0] == "cmi.entry"]
        assert entry and entry[0]["result"] == "resume"
    click_next(lesson, len(MINIMAL_PAGES) - 3)
    take(lesson, lms.frame, "roles", MINIMAL_CORRECT)
    final = values(lms.close(), version)
    assert final["status"] == DONE[version]
    assert seen_pages(final["suspend"]) == list(range(len(MINIMAL_PAGES)))


@pytest.mark.parametrize("version", VERSIONS)
def test_lms_errors_lose_nothing(page, served, version) -> None:
    lms = session(page, served, version)
    lesson = lms.launch()
    click_next(lesson, 1)
    page.evaluate("() => failLms(true)")
    click_next(lesson, 3)
    assert lesson.locator("[data-role=counter]").inner_text().startswith("Page 5 ")
    failed = values(lms.state(), version)
    assert failed["location"] == "welcome.1"  # what the LMS had before it failed
    page.evaluate("() => failLms(false)")
    # the runtime retries on its own, without another click
    location = ("() => harness.api.cmi.core.lesson_location === 'roles.quiz'" if version == "1.2"
                else "() => harness.api.cmi.location === 'roles.quiz'")
    page.wait_for_function(location, timeout=20000)
    take(lesson, lms.frame, "roles", MINIMAL_CORRECT)
    final = values(lms.close(), version)
    assert final["status"] == DONE[version]
    assert seen_pages(final["suspend"]) == list(range(len(MINIMAL_PAGES)))


@pytest.mark.parametrize("version", VERSIONS)
def test_lesson_without_an_lms_still_works(page, served, version) -> None:
    page.goto(f"{served}/{FOLDERS[version]}/index.html")
    click_next(page, 2)
    page.reload()
    assert page.locator("[data-role=counter]").inner_text() == f"Page 3 of {len(MINIMAL_PAGES)}"
    assert page.evaluate("() => courseforge.tracker.standard") == "local"


def write_large_course(root: Path, modules: int, slides: int) -> Path:
    """A generated course of many modules, each with slides and a one-question quiz."""
    ids = [f"m{n:03d}" for n in range(1, modules + 1)]
    root.mkdir(parents=True, exist_ok=True)
    (root / "course.yml").write_text(
        "id: big\ntitle: A very long course\nversion: 1.0.0\nlanguage: en\n"
        "passing_score: 80\nmodules:\n" + "".join(f"  - {i}\n" for i in ids), encoding="utf-8")
    for module_id in ids:
        folder = root / "modules" / module_id
        folder.mkdir(parents=True)
        body = "\n---\n\n".join(f"# Slide {n}\n\nPoint {n}." for n in range(1, slides + 1))
        (folder / "lesson.md").write_text(
            f"---\ntitle: Module {module_id}\nminutes: 1\nobjectives:\n  - id: o-{module_id}\n"
            f"    text: Know {module_id}.\n---\n\n{body}\n", encoding="utf-8")
        (folder / "quiz.yml").write_text(
            "title: Check\nquestions:\n  - id: q1\n    type: true-false\n"
            f"    prompt: True?\n    objectives: [o-{module_id}]\n    answer: true\n"
            "    explanation: It is.\n", encoding="utf-8")
    return root


def test_suspend_data_of_a_200_module_course_fits_scorm12(page, static_server,
                                                          node_modules, tmp_path) -> None:
    from courseforge.lms.suspend_data import SCORM12_SUSPEND_LIMIT, suspend_data_budget
    from courseforge.loading import load_checked

    base, folder = static_server
    course_dir = write_large_course(tmp_path / "big", modules=200, slides=5)
    course = load_checked(course_dir).course
    build(course_dir, tmp_path / "out", ["scorm12"], BuildOptions(), lambda _: None)
    extract(tmp_path / "out" / "scorm12" / "big.zip", folder / "big12")
    serve_harness(folder, node_modules)
    lms = LmsSession(page, base, "1.2", "big12/index.html")
    lms.launch()
    total = lms.frame.evaluate(
        "() => { const n = courseforge.pages.length;"
        " for (let i = 0; i < n; i++) courseforge.go(i); return n; }")
    assert total == 1 + 200 * 6
    # the last quiz is the final assessment, which counts when no quiz says it does
    take(lms.lesson, lms.frame, "m200", {"q1": "true"})
    state = lms.close()
    suspend = state["cmi"]["suspend_data"]
    assert seen_pages(suspend) == list(range(total))
    assert len(suspend) <= suspend_data_budget(course) <= SCORM12_SUSPEND_LIMIT
    assert state["cmi"]["core"]["lesson_status"] == "passed"
