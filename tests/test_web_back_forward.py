"""A web lesson restored from the back/forward cache keeps saving progress, in Chromium.

Leaving the page (pagehide) ends the tracker; the browser may keep the page and show it again
when the learner comes back through history (this browser keeps its back/forward cache on, and
the server lets it). The web site has no LMS session to respect, so tracking resumes: what
another tab saved meanwhile is merged in, and the pages seen after coming back are saved.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.loading import load_checked
from courseforge.locale import labels_for
from test_scorm_runtime import MINIMAL_PAGES, seen_pages

KEY = "courseforge:team-roles:1.0.0"


@pytest.fixture(scope="module")
def site(cacheable_server: tuple[str, Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    """The minimal course's web site, served cacheable, with a page elsewhere to leave for."""
    base, folder = cacheable_server
    output = tmp_path_factory.mktemp("web-bfcache")
    build(ROOTS / "minimal", output, ["web"], BuildOptions(), lambda _: None)
    (folder / "web").mkdir()
    for path in (output / "web").rglob("*"):
        if path.is_file():
            target = folder / "web" / path.relative_to(output / "web")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    (folder / "elsewhere.html").write_text(
        "<!DOCTYPE html><html lang='en'><title>Elsewhere</title><h1>Elsewhere</h1></html>")
    return base


def saved(tab: Any) -> dict[str, Any]:
    """What the site keeps in localStorage: the seen pages by id, and the location."""
    record = json.loads(tab.evaluate("k => localStorage.getItem(k)", KEY))
    return {"seen": [MINIMAL_PAGES[i] for i in seen_pages(record["suspend"])],
            "location": record["location"]}


def test_a_restored_page_resumes_saving_with_what_another_tab_saved(
        caching_tab: Any, site: str) -> None:
    tab = caching_tab
    tab.goto(f"{site}/web/index.html")
    tab.evaluate("() => courseforge.go(1)")
    tab.evaluate("() => { window.sameDocument = true; }")
    tab.goto(f"{site}/elsewhere.html")
    assert saved(tab) == {"seen": ["start", "welcome.1"], "location": "welcome.1"}
    # meanwhile another tab of the same site moves on
    other = tab.context.new_page()
    other.goto(f"{site}/web/index.html#roles.1")
    other.wait_for_function(
        "k => JSON.parse(localStorage.getItem(k)).location === 'roles.1'", arg=KEY)
    other.close()
    tab.go_back(wait_until="commit")  # a page from the cache fires no load event
    tab.wait_for_function("() => window.sameDocument === true")  # restored, not reloaded
    assert tab.locator("[data-role=save-notice]").inner_text() == ""
    tab.evaluate("() => courseforge.go(2)")
    tab.wait_for_function(
        "k => JSON.parse(localStorage.getItem(k)).location === 'welcome.2'", arg=KEY)
    assert saved(tab) == {"seen": ["start", "welcome.1", "welcome.2", "roles.1"],
                          "location": "welcome.2"}
    # on screen too: four of the five pages seen, the other tab's among them
    labels = labels_for(load_checked(ROOTS / "minimal").course)
    assert tab.locator("[data-role=progress-text]").inner_text() == \
        labels.text("lesson.percent_seen", percent=labels.percent(80, 0))
