"""The lessons in a real browser: accessibility, keyboard use, file:// and localStorage."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import BUNDLED, require_bundled_clean
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.loading import diagnose

SERIOUS = ("serious", "critical")


def built_web(course: Path, target: Path) -> Path:
    build(course, target, ["web"], BuildOptions(), lambda _: None)
    return target / "web"


@pytest.fixture(scope="module")
def sites(static_server, node_modules, tmp_path_factory) -> dict[str, str]:
    """The web output of the minimal course (and the bundled one when it is clean), served."""
    base, folder = static_server
    roots = Path(__file__).parent / "roots"
    # the typography course holds a captioned table, a callout and typeset quiz texts
    courses = {"minimal": roots / "minimal", "typography": roots / "typography"}
    bundled_course, diagnostics = diagnose(BUNDLED) if BUNDLED.is_dir() else (None, [])
    if bundled_course is not None and not any(d.severity.value == "error" for d in diagnostics):
        courses["bundled"] = BUNDLED
    urls = {}
    for name, course in courses.items():
        web = built_web(course, tmp_path_factory.mktemp(name))
        shutil.copytree(web, folder / f"web-{name}", dirs_exist_ok=True)
        urls[name] = f"{base}/web-{name}/index.html"
    shutil.copyfile(node_modules / "axe-core" / "axe.min.js", folder / "axe.min.js")
    urls["axe"] = f"{base}/axe.min.js"
    return urls


def serious_violations(page: Any) -> list[str]:
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
            for v in result["violations"] if v["impact"] in SERIOUS]


# the bundled course at phone width only, where wide tables scroll: axe takes seconds a page
@pytest.mark.parametrize(("course", "width"), [("minimal", 1200), ("minimal", 375),
                                               ("typography", 1200), ("typography", 375),
                                               ("bundled", 375)])
def test_axe_finds_no_serious_violation_on_any_page(page, sites, course, width) -> None:
    if course == "bundled":
        require_bundled_clean()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(sites[course])
    page.add_script_tag(url=sites["axe"])  # same origin, so the lesson's CSP lets it in
    ids = page.evaluate("() => courseforge.pages")
    problems = {}
    for index, page_id in enumerate(ids):
        page.evaluate("i => courseforge.go(i)", index)
        found = serious_violations(page)
        if found:
            problems[page_id] = found
    assert problems == {}


def test_keyboard_only(page, sites) -> None:
    page.goto(sites["minimal"])
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent") == "Next":
            break
    else:
        pytest.fail("Tab never reached the Next button")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("Enter")
    assert page.locator("[data-role=counter]").inner_text() == "Page 2 of 5"
    assert page.get_by_role("heading", level=1, name="Why roles matter").is_visible()
    # focus is on the new page's title: Tab goes through the page, then to the pager
    assert page.evaluate("() => document.activeElement.id") == "welcome.1-title"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent") == "Next":
            break
    else:
        pytest.fail("Tab never reached the Next button from the page's title")
    page.keyboard.press("Enter")
    assert page.locator("[data-role=counter]").inner_text() == "Page 3 of 5"
    for _ in range(5):  # past the table's scroll box to Previous
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent") == "Previous":
            break
    else:
        pytest.fail("Tab never reached the Previous button")
    page.keyboard.press("Enter")
    assert page.locator("[data-role=counter]").inner_text() == "Page 2 of 5"


def test_contents_links_jump_and_mark_the_current_page(page, sites) -> None:
    page.goto(sites["minimal"])
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name="A day with a maker").click()
    assert page.locator("[data-role=counter]").inner_text() == "Page 4 of 5"
    assert page.evaluate("() => document.activeElement.id") == "roles.1-title"
    assert page.locator("#toc a[aria-current=page]").inner_text() == "A day with a maker"
    assert page.locator("#welcome\\.1").is_hidden()


def test_phone_contents_toggle(page, sites) -> None:
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(sites["minimal"])
    toggle = page.get_by_role("button", name="Contents")
    assert page.locator("#toc").is_hidden() and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert page.locator("#toc").is_visible() and toggle.get_attribute("aria-expanded") == "true"
    page.locator("#toc").get_by_role("link", name="Two roles").click()
    assert page.locator("#toc").is_hidden()
    assert page.locator("[data-role=counter]").inner_text() == "Page 3 of 5"


def test_phone_contents_close_with_escape_or_when_focus_leaves(page, sites) -> None:
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(sites["minimal"])
    toggle = page.get_by_role("button", name="Contents")
    toggle.click()
    page.keyboard.press("Escape")
    assert page.locator("#toc").is_hidden() and toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.textContent") == "Contents"
    toggle.click()
    page.get_by_role("button", name="Next").focus()  # out of the overlay
    assert page.locator("#toc").is_hidden()


def test_a_new_page_is_announced_by_its_title_and_names_the_tab(page, sites) -> None:
    page.goto(sites["minimal"])
    course = page.title()
    page.get_by_role("button", name="Next").click()
    # Next moves focus to the new page's title, which a screen reader reads out
    assert page.evaluate("() => document.activeElement.textContent") == "Why roles matter"
    assert page.locator("[data-role=announce]").inner_text() == ""  # not said twice
    assert page.title() == f"Why roles matter · {course}"
    assert page.locator("[data-role=counter]").get_attribute("aria-live") is None  # said once


def test_on_a_phone_wide_tables_say_they_scroll_and_matching_stacks(page, sites) -> None:
    require_bundled_clean()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(sites["bundled"])
    ids = page.evaluate("() => courseforge.pages")
    page.evaluate("(id) => courseforge.go(id)", next(i for i in ids if i.startswith("comparison")
                                                      and i.endswith(".1")))
    wide = page.locator("section.page:not([hidden]) .table-scroll.is-wide")
    assert wide.count() >= 1
    assert wide.first.get_attribute("role") == "region"
    page.evaluate("(id) => courseforge.go(id)", "project-manager.quiz")
    item = page.locator("section.page:not([hidden]) .match-item").first
    label, select = item.locator("label").bounding_box(), item.locator("select").bounding_box()
    assert label and select and select["y"] >= label["y"] + label["height"] - 1  # below it
    assert select["width"] > 250  # the full width, not a squeezed column
    meta = page.locator("section.page:not([hidden]) [data-role=meta]").inner_text()
    assert "Practice: not part of your course score." in meta


def test_web_site_from_file_keeps_progress_in_local_storage(page, tmp_path, roots) -> None:
    web = built_web(roots / "minimal", tmp_path)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((web / "index.html").as_uri())
    assert page.evaluate("() => courseforge.tracker.standard") == "local"
    assert page.locator("[data-role=save-notice]").is_hidden()  # a web site needs no LMS
    for _ in range(2):
        page.get_by_role("button", name="Next").click()
    assert page.locator("[data-role=progress-text]").inner_text() == "60% seen"
    page.goto("about:blank")
    page.goto((web / "index.html").as_uri())
    assert page.locator("[data-role=counter]").inner_text() == "Page 3 of 5"
    assert page.locator("[data-role=progress-text]").inner_text() == "60% seen"
    stored = page.evaluate("() => localStorage.getItem('courseforge:team-roles:1.0.0')")
    assert '"location":"welcome.2"' in stored
    assert errors == []
    assert all(url.startswith(web.as_uri()) or url == "about:blank" for url in requests), requests


def test_print_prints_the_page_you_are_on(page, sites) -> None:
    page.goto(sites["minimal"] + "#welcome.2")
    page.emulate_media(media="print")
    assert page.locator("section.page:visible").count() == 1
    assert page.locator('[id="welcome.2"]').is_visible()
    assert page.locator(".pager").is_hidden() and page.locator("#toc").is_hidden()


def test_the_browser_back_button_returns_to_the_page_before(page, sites) -> None:
    page.goto(sites["minimal"])
    for _ in range(2):
        page.get_by_role("button", name="Next").click()
    counter = page.locator("[data-role=counter]")
    assert counter.inner_text() == "Page 3 of 5"
    page.go_back()
    page.wait_for_function("() => document.querySelector('[data-role=counter]').textContent"
                           " === 'Page 2 of 5'")
    page.go_forward()
    page.wait_for_function("() => document.querySelector('[data-role=counter]').textContent"
                           " === 'Page 3 of 5'")
    assert page.url.endswith("#welcome.2")
