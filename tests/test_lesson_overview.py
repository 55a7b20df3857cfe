"""The overview: course and module covers (checked like any image), Start / Resume above the
fold, and module cards with their own progress, in Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson.files import lesson_members
from courseforge.loading import load_checked, load_course
from test_lesson_faults import DESKTOP, PHONE
from test_web_browser import serious_violations

RICH = ROOTS / "rich"


def _copy(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    shutil.copytree(RICH, course)
    return course


def test_covers_are_packaged_and_shown_as_decorative_pictures() -> None:
    members = dict(lesson_members(load_checked(RICH).course, BuildOptions(), "web"))
    assert members["media/cover-cover.png"] == (RICH / "images" / "cover.png").read_bytes()
    module_cover = [name for name in members if name.startswith("media/basics/")
                    and name.endswith("-cover.png")]
    assert len(module_cover) == 1
    assert members[module_cover[0]] == \
        (RICH / "modules" / "basics" / "images" / "cover.png").read_bytes()
    html = members["index.html"].decode()
    assert '<img class="cover-picture" src="media/cover-cover.png" alt="">' in html
    assert f'<img class="module-card-picture" src="{module_cover[0]}" alt="">' in html


@pytest.mark.parametrize(("cover", "code"), [
    ("../../outside.png", "image.outside"), ("/etc/passwd", "image.outside"),
    ("images/none.png", "image.missing"), ("modules/basics/lesson.md", "image.format")])
def test_a_bad_course_cover_is_reported_with_its_line(tmp_path, cover, code) -> None:
    course = _copy(tmp_path)
    (tmp_path / "outside.png").write_bytes((RICH / "images" / "cover.png").read_bytes())
    text = (course / "course.yml").read_text().replace("cover: images/cover.png",
                                                        f"cover: {cover}")
    (course / "course.yml").write_text(text)
    line = text.splitlines().index(f"cover: {cover}") + 1
    _, diagnostics = load_course(course)
    found = [(d.path, d.line, d.code) for d in diagnostics if d.severity == "error"]
    assert found == [("course.yml", line, code)]


def test_a_bad_module_cover_is_reported_in_its_lesson(tmp_path) -> None:
    course = _copy(tmp_path)
    lesson = course / "modules" / "basics" / "lesson.md"
    lesson.write_text(lesson.read_text().replace("cover: images/cover.png",
                                                 "cover: ../../../x.png"))
    _, diagnostics = load_course(course)
    assert [(d.path, d.line, d.code) for d in diagnostics if d.severity == "error"] == \
        [("modules/basics/lesson.md", 4, "image.outside")]


@pytest.fixture(scope="module")
def rich_site(static_server, node_modules, tmp_path_factory) -> dict[str, str]:
    base, folder = static_server
    out = tmp_path_factory.mktemp("overview")
    build(RICH, out, ["web"], BuildOptions(), lambda _: None)
    shutil.copytree(out / "web", folder / "overview-web", dirs_exist_ok=True)
    shutil.copyfile(node_modules / "axe-core" / "axe.min.js", folder / "axe.min.js")
    return {"site": f"{base}/overview-web/index.html", "axe": f"{base}/axe.min.js"}


def card(page: Any, number: int) -> Any:
    return page.locator(".module-card").nth(number - 1)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_start_is_above_the_fold_and_the_cards_have_their_own_progress(
        page, rich_site, viewport) -> None:
    page.set_viewport_size(viewport)
    page.goto(rich_site["site"])
    start = page.get_by_role("link", name="Start the course")
    pager_top = page.evaluate("() => document.querySelector('.pager').getBoundingClientRect().top")
    assert start.bounding_box()["y"] + start.bounding_box()["height"] <= pager_top
    assert card(page, 1).locator("[data-role=module-progress-text]").inner_text() == "Not started"
    page.add_script_tag(url=rich_site["axe"])
    assert serious_violations(page) == []

    start.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "basics.1-title"
    page.get_by_role("button", name="Next").click()  # basics.2
    page.evaluate("() => courseforge.go('start')")
    resume = page.get_by_role("link", name="Resume")
    assert page.locator("[data-role=resume-note]").inner_text() == \
        "Where you left off: Who does what"
    first = card(page, 1)
    assert first.locator("[data-role=module-progress-text]").inner_text() == \
        "2 of 3 pages seen"
    assert first.locator("progress").evaluate("p => [p.value, p.max]") == [2, 3]
    assert card(page, 2).locator("[data-role=module-progress-text]").inner_text() == \
        "Not started"
    # the card leads to the module's first page not yet seen
    assert first.get_by_role("link").get_attribute("href") == "#basics.3"
    assert serious_violations(page) == []
    resume.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "basics.2-title"
    page.evaluate("() => courseforge.go('basics.3')")
    page.evaluate("() => courseforge.go('start')")
    assert first.locator("[data-role=module-progress-text]").inner_text() == "Completed"
    assert "is-done" in first.get_attribute("class")


def test_resume_survives_a_relaunch(page, rich_site) -> None:
    page.goto(rich_site["site"] + "#check.1")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    page.evaluate("() => courseforge.tracker.commit()")
    page.goto(rich_site["site"] + "#start")
    page.reload()
    assert page.get_by_role("link", name="Resume").get_attribute("href") == "#check.1"
    assert page.locator("[data-role=resume-note]").inner_text() == \
        "Where you left off: Before the check"
