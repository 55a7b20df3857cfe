"""Regression tests for faults a learner met in the bundled course's lessons, in Chromium."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from conftest import BUNDLED
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from test_web_browser import serious_violations

PHONE = {"width": 390, "height": 844}
LMS_FRAME = {"width": 800, "height": 500}
DESKTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def bundled(static_server, node_modules, tmp_path_factory) -> dict[str, str]:
    """The bundled course's web site and axe-core, served on the loopback."""
    base, folder = static_server
    out = tmp_path_factory.mktemp("faults")
    build(BUNDLED, out, ["web"], BuildOptions(), lambda _: None)
    shutil.copytree(out / "web", folder / "faults-web", dirs_exist_ok=True)
    shutil.copyfile(node_modules / "axe-core" / "axe.min.js", folder / "axe.min.js")
    return {"site": f"{base}/faults-web/index.html", "axe": f"{base}/axe.min.js"}


def counter(page: Any) -> str:
    return page.locator("[data-role=counter]").inner_text()


def visible_at_centre(page: Any) -> bool:
    """Whether the focused element is what a click at its centre would hit (not covered)."""
    return page.evaluate("""() => {
        const el = document.activeElement, r = el.getBoundingClientRect();
        const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
        const y = r.top + Math.min(r.height / 2, 8);
        const hit = document.elementFromPoint(x, y);
        return !!hit && (el === hit || el.contains(hit) || hit.contains(el)
                         || (el.labels && [...el.labels].some(l => l.contains(hit))));
    }""")


@pytest.mark.parametrize("viewport", [PHONE, LMS_FRAME], ids=["phone", "lms-frame"])
def test_phone_contents_scroll_to_every_page(page, bundled, viewport) -> None:
    page.set_viewport_size(viewport)
    page.goto(bundled["site"])
    page.get_by_role("button", name="Contents").click()
    box = page.evaluate("""() => {
        const toc = document.getElementById('toc').getBoundingClientRect();
        const bar = document.querySelector('.topbar').getBoundingClientRect();
        return {top: toc.top, bottom: toc.bottom, bar: bar.bottom};
    }""")
    assert box["top"] >= box["bar"] - 1  # not behind the top bar
    assert box["bottom"] <= viewport["height"] + 1  # the overlay ends with the window
    links = page.locator("#toc a")
    last = links.nth(links.count() - 1)
    page.evaluate("() => { const t = document.getElementById('toc');"
                  " t.scrollTop = t.scrollHeight; }")
    last.focus()
    assert page.evaluate("() => document.activeElement.getBoundingClientRect().bottom") \
        <= viewport["height"] + 1
    assert visible_at_centre(page)
    last.click()
    assert counter(page) == f"Page {links.count()} of {links.count()}"


def test_focus_is_never_hidden_under_the_top_bar_or_the_pager(page, bundled) -> None:
    page.set_viewport_size(PHONE)
    page.goto(bundled["site"] + "#final-assessment.quiz")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    page.get_by_role("button", name="Submit", exact=True).focus()
    hidden = []
    for _ in range(25):  # backwards up the long quiz: each control lands at the top edge
        page.keyboard.press("Shift+Tab")
        if not visible_at_centre(page):
            hidden.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)"))
    for _ in range(25):
        page.keyboard.press("Tab")
        if not visible_at_centre(page):
            hidden.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)"))
    assert hidden == []


def test_next_moves_focus_to_the_new_page_at_its_top(page, bundled) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(bundled["site"] + "#intro.1")
    page.evaluate("() => window.scrollTo({top: document.body.scrollHeight, behavior: 'instant'})")
    page.get_by_role("button", name="Next").focus()
    page.keyboard.press("Enter")
    # at once, without a smooth scroll through the new page
    assert page.evaluate("() => window.scrollY") == 0
    assert page.evaluate("() => document.activeElement.id") == "intro.2-title"
    page.evaluate("() => courseforge.go('final-assessment.' + "
                  "(courseforge.pages.filter(p => p.startsWith('final-assessment.')).length - 1))")
    page.get_by_role("button", name="Next").click()
    assert page.evaluate("() => document.activeElement.id") == "final-assessment.quiz-title"
    for _ in range(1, 6):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.closest('[data-question]') !== null"):
            break
    else:
        pytest.fail("the first answer is more than 5 Tabs from the quiz page's title")
    page.get_by_role("button", name="Previous").click()
    assert page.evaluate("() => document.activeElement.tagName") == "H1"


def test_a_link_to_a_page_wins_over_the_saved_position(page, bundled) -> None:
    page.goto(bundled["site"] + "#comparison.1")
    assert "comparison" in page.evaluate("() => courseforge.tracker.getState && location.hash")
    page.goto("about:blank")
    page.goto(bundled["site"] + "#intro.2")
    assert page.locator("h1:visible").get_attribute("id") == "intro.2-title"
    page.goto("about:blank")
    page.goto(bundled["site"])  # no link: back where the learner was
    assert page.locator("h1:visible").get_attribute("id") == "intro.2-title"


def test_a_matching_question_with_an_empty_drop_down_asks_before_submitting(page, bundled) -> None:
    page.goto(bundled["site"] + "#comparison.quiz")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    form = page.locator('[id="quiz:comparison"]')
    number = page.evaluate(r"""() => {
        const form = document.getElementById('quiz:comparison');
        let left = null;
        for (const q of form.querySelectorAll('[data-question]')) {
            const first = q.querySelector('input');
            if (first) first.click();
            const selects = [...q.querySelectorAll('select')];
            selects.forEach((s, i) => {
                if (i < selects.length - 1) {
                    s.selectedIndex = 1;
                    s.dispatchEvent(new Event('change', {bubbles: true}));
                }
            });
            if (selects.length)
                left = q.querySelector('[data-role=number]').textContent.match(/\d+/)[0];
        }
        return left;
    }""")
    assert number is not None, "the comparison quiz has a matching question"
    form.get_by_role("button", name="Submit", exact=True).click()
    confirm = form.locator("[data-role=confirm]")
    assert confirm.is_visible()
    assert f"question {number}" in confirm.inner_text()
    assert form.locator("[data-role=result]").is_hidden()


def test_the_contents_tick_is_not_part_of_the_link_name(page, bundled) -> None:
    page.goto(bundled["site"] + "#intro.1")
    page.get_by_role("button", name="Next").click()
    contents = page.get_by_role("navigation", name="Contents")
    link = page.locator('#toc a[data-toc="intro.1"]')
    assert "seen" in (link.get_attribute("class") or "")
    title = page.locator('[id="intro.1-title"]').inner_text()
    assert contents.get_by_role("link", name=title, exact=True).count() == 1
    assert link.get_attribute("aria-describedby") == "toc-seen"


def test_a_diagram_can_be_enlarged_on_a_phone(page, bundled) -> None:
    page.set_viewport_size(PHONE)
    page.goto(bundled["site"] + "#intro.3")
    button = page.locator('[id="intro.3"]').get_by_role("button", name="Enlarge image")
    button.click()
    dialog = page.locator("dialog[data-role=zoom]")
    assert dialog.is_visible()
    sizes = page.evaluate("""() => {
        const img = document.querySelector('[data-role=zoom-image]');
        const view = img.parentElement;
        return {shown: img.getBoundingClientRect().width, natural: img.naturalWidth,
                alt: img.alt, scrolls: view.scrollWidth > view.clientWidth};
    }""")
    assert sizes["shown"] >= sizes["natural"] > PHONE["width"]  # full size, panned by scrolling
    assert sizes["scrolls"] and sizes["alt"].startswith("Diagram")
    assert page.evaluate("() => document.activeElement.textContent") == "Close"
    page.add_script_tag(url=bundled["axe"])
    assert serious_violations(page) == []
    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    assert page.evaluate("() => document.activeElement.textContent") == "Enlarge image"
