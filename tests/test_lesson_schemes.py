"""The lessons in the dark scheme and in forced colours: axe-clean in every state a learner
meets."""

from __future__ import annotations

import pytest

from browser.quiz import ready
from test_lesson_faults import bundled  # noqa: F401 - the served bundled site
from test_web_browser import serious_violations


def _answer_all_but_submit(page) -> None:  # type: ignore[no-untyped-def]
    page.evaluate("""() => {
        const form = document.getElementById('quiz:final-assessment');
        for (const q of form.querySelectorAll('[data-question]')) {
            const first = q.querySelector('input');
            if (first) first.click();
            for (const s of q.querySelectorAll('select')) {
                s.selectedIndex = 1; s.dispatchEvent(new Event('change', {bubbles: true}));
            }
        }
    }""")


@pytest.mark.parametrize("media", [{"color_scheme": "dark"}, {"forced_colors": "active"}],
                         ids=["dark", "forced-colours"])
def test_no_serious_violation_in_any_state(page, bundled, media) -> None:  # noqa: F811
    page.emulate_media(**media)
    page.goto(bundled["site"])
    ready(page)
    page.add_script_tag(url=bundled["axe"])
    problems = {}
    for state in ("start", "intro.3", "comparison.1", "final-assessment.quiz"):
        page.evaluate("id => courseforge.go(id)", state)
        problems[state] = serious_violations(page)
    form = page.locator('[id="quiz:final-assessment"]')
    form.get_by_role("button", name="Submit", exact=True).click()  # the prompt
    problems["prompt"] = serious_violations(page)
    form.get_by_role("button", name="Keep answering").click()
    _answer_all_but_submit(page)
    form.get_by_role("button", name="Submit", exact=True).click()
    form.locator("[data-role=result]").wait_for()
    problems["result"] = serious_violations(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Contents").click()
    problems["phone contents"] = serious_violations(page)
    assert {state: found for state, found in problems.items() if found} == {}
