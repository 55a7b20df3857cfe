"""A result worth keeping, in Chromium: review links to the pages of missed objectives, the
pages a passed learner has still to see, the finish state, a one-page printed summary with
the learner's name from the LMS."""

from __future__ import annotations

import re
import shutil
import zipfile
from typing import Any

import pytest

from conftest import ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from test_web_browser import serious_violations

RICH = ROOTS / "rich"


@pytest.fixture(scope="module")
def rich_site(static_server, node_modules, tmp_path_factory) -> dict[str, str]:
    base, folder = static_server
    out = tmp_path_factory.mktemp("result")
    build(RICH, out, ["web"], BuildOptions(), lambda _: None)
    shutil.copytree(out / "web", folder / "result-web", dirs_exist_ok=True)
    shutil.copyfile(node_modules / "axe-core" / "axe.min.js", folder / "axe.min.js")
    build(RICH, out, ["scorm12"], BuildOptions(), lambda _: None)
    with zipfile.ZipFile(out / "scorm12" / "release-basics.zip") as package:
        package.extractall(folder / "result-scorm12")
    return {"site": f"{base}/result-web/index.html", "axe": f"{base}/axe.min.js",
            "scorm12": f"{base}/result-scorm12/index.html"}


def answer(page: Any, right: bool) -> None:
    form = page.locator('[id="quiz:check"]')

    def control(name: str) -> Any:
        return form.locator(f'[id="quiz:check:{name}"]')
    control("q-first:a").check()
    control("q-late:false" if right else "q-late:true").check()
    control("q-order:plan").select_option(label="Planner")
    control("q-order:build").select_option(label="Builder" if right else "Planner")
    control("p-like:a").check()
    control("p-day:a").check()
    form.get_by_role("button", name="Submit", exact=True).click()
    form.locator("[data-role=result]").wait_for()


def result(page: Any) -> Any:
    return page.locator('[id="quiz:check"] [data-role=result]')


def test_missed_objectives_link_to_the_pages_that_teach_them(page, rich_site) -> None:
    page.goto(rich_site["site"] + "#check.quiz")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    answer(page, right=False)
    review = result(page).locator("[data-role=review] a")
    hrefs = [review.nth(i).get_attribute("href") for i in range(review.count())]
    assert sorted(hrefs) == ["#basics.1", "#check.1"]
    # beside the score, before the recommendation
    order = page.evaluate("""() => [...document
        .querySelector('[id="quiz:check"] [data-role=result]').children]
        .map(c => c.getAttribute('data-role')).filter(Boolean)""")
    assert order.index("review") == order.index("summary") + 1
    assert order.index("review") < order.index("recommendation")
    review.nth(hrefs.index("#check.1")).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "check.1-title"


def test_a_passed_learner_is_told_the_pages_left_then_finishes(page, rich_site) -> None:
    page.goto(rich_site["site"] + "#check.quiz")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    answer(page, right=True)
    progress = result(page).locator("[data-role=course-progress]")
    assert progress.locator("p").inner_text() == \
        "To complete the course, 5 pages are still to see:"
    links = progress.get_by_role("link")
    assert [links.nth(i).inner_text() for i in range(links.count())] == \
        ["Shipping a release", "Three steps", "Who does what", "Late changes", "Before the check"]
    retry = result(page).get_by_role("button", name="Try again")
    assert "button-secondary" not in retry.get_attribute("class")
    page.add_script_tag(url=rich_site["axe"])
    assert serious_violations(page) == []
    for target in ("start", "basics.1", "basics.2", "basics.3", "check.1", "check.quiz"):
        page.evaluate("t => courseforge.go(t)", target)
    assert progress.locator(".finish-title").inner_text() == "You have completed the course."
    assert progress.get_by_role("link").inner_text() == "Back to the overview"
    # trying again is no longer the main action
    assert "button-secondary" in retry.get_attribute("class")
    assert serious_violations(page) == []


LEARNER_NAME = "Doe, Jane"
SCORM_12_NAME = """
window.API = {
  LMSInitialize: () => "true", LMSFinish: () => "true", LMSCommit: () => "true",
  LMSGetLastError: () => "0", LMSGetErrorString: () => "", LMSGetDiagnostic: () => "",
  LMSSetValue: () => "true",
  LMSGetValue: (name) => ({"cmi.core.student_name": "NAME", "cmi.core.student_id": "j1",
                           "cmi.core.entry": "ab-initio"}[name] || ""),
};
""".replace("NAME", LEARNER_NAME)


def test_the_printed_summary_fits_one_page_with_the_learners_name(page, rich_site) -> None:
    page.add_init_script(SCORM_12_NAME)  # an LMS that gives the learner's name
    page.goto(rich_site["scorm12"] + "#check.quiz")
    page.wait_for_function("() => window.courseforgeQuiz !== undefined")
    answer(page, right=True)
    page.evaluate("() => { window.print = () => {}; }")
    result(page).get_by_role("button", name="Print").click()
    page.emulate_media(media="print")
    summary = result(page).locator("[data-role=print-summary]")
    assert summary.is_visible()
    text = summary.inner_text()
    assert LEARNER_NAME in text
    assert "Shipping a release" in text and "100% · passed" in text
    assert re.search(r"Outcome\s+(Planner|Builder)", text)
    assert re.search(r"Date\s+\w+ \d{1,2}, \d{4}", text)
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
