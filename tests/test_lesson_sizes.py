"""Every page of the test courses under scorm-again at desktop, phone, 320 px and in an
800x500 LMS frame: nothing wider than the frame, the pager in view, axe clean where it counts."""

from __future__ import annotations

import pytest

from browser.lms import LmsSession, extract, serve_harness
from browser.quiz import ready
from conftest import BUNDLED, ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from test_web_browser import SERIOUS

SIZES = {"desktop": (1366, 768), "phone": (390, 844), "narrow": (320, 640),
         "lms-frame": (800, 500)}
COURSES = {"minimal": ROOTS / "minimal", "rich": ROOTS / "rich", "bundled": BUNDLED}


@pytest.fixture(scope="module")
def packages(static_server, node_modules, tmp_path_factory) -> dict[str, str]:
    """Each course's SCORM 2004 package, unzipped under the served folder with the harness."""
    base, folder = static_server
    serve_harness(folder, node_modules)
    scos = {}
    for name, course in COURSES.items():
        out = tmp_path_factory.mktemp(f"sizes-{name}")
        build(course, out, ["scorm2004"], BuildOptions(), lambda _: None)
        zipped = next((out / "scorm2004").glob("*.zip"))
        extract(zipped, folder / f"sizes-{name}")
        scos[name] = f"sizes-{name}/index.html"
    scos["base"] = base
    return scos


def frame_violations(frame) -> list[str]:  # type: ignore[no-untyped-def]
    result = frame.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']}" for v in result["violations"] if v["impact"] in SERIOUS]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("course", ["minimal", "rich", "bundled"])
def test_every_page_fits_its_frame(page, packages, course: str, size: str) -> None:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width + 20, "height": height + 20})
    lms = LmsSession(page, packages["base"], "2004", packages[course])
    page.goto(f"{packages['base']}/harness.html")
    page.evaluate("([w, h]) => { const f = document.getElementById('sco');"
                  " f.width = w; f.height = h; }", [width, height])
    page.evaluate("([v, s, src]) => startLms(v, s, src)", ["2004", None,
                                                          f"{packages['base']}/{packages[course]}"])
    lms.lesson.locator("[data-role=counter]").wait_for()
    frame = lms.frame
    ready(frame)
    ids = frame.evaluate("() => courseforge.pages")
    problems = {}
    for index, page_id in enumerate(ids):
        frame.evaluate("i => courseforge.go(i)", index)
        found = frame.evaluate("""() => {
            const out = [], doc = document.documentElement;
            if (doc.scrollWidth > doc.clientWidth + 1)
                out.push('wider than the frame: ' + doc.scrollWidth);
            const pager = document.querySelector('.pager').getBoundingClientRect();
            if (pager.bottom > innerHeight + 1 || pager.top < 0) out.push('pager out of view');
            return out;
        }""")
        if found:
            problems[page_id] = found
    assert problems == {}
    frame.add_script_tag(url=f"{packages['base']}/lib/axe.min.js")
    checked = [ids[0], next(p for p in ids if p != ids[0]), ids[-1]]
    for page_id in checked:  # the overview, a first slide, the last page (a quiz here)
        frame.evaluate("id => courseforge.go(id)", page_id)
        assert frame_violations(frame) == [], page_id
    # the LMS heard every page seen (committed after the last page change)
    frame.evaluate("() => courseforge.tracker.commit()")
    assert lms.cmi("location") == ids[-1]
    assert float(lms.cmi("progress_measure")) == 1
