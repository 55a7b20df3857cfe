"""What a lesson SENDS for a course score at exactly the pass mark and at a repeating decimal.

Every other quiz run scores 0 % or 100 %, where a `>` for `>=` or a scaled score rounded to two
decimals cannot show. These runs read the SetValue calls themselves (scorm-again would repair
or hide a wrong value), in each version's own elements, for both SCORM versions.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from browser.lms import FOLDERS, LmsSession, extract, serve_harness
from browser.quiz import MINIMAL_CORRECT, control, take
from browser.strict_scorm import sent
from conftest import ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions

VERSIONS = ["1.2", "2004"]
SCALED_TOLERANCE = 5e-5  # four decimals are enough for an LMS to compare with a mastery score
# the minimal course passes at 75 %: three of its four scored questions right is exactly that
AT_THE_PASS_MARK = {**MINIMAL_CORRECT, "q-tf": "true"}
# without the matching question, one of three right is 33.33... %
ONE_OF_THREE = {"q-focus": "a", "q-both": ["c"], "q-tf": "true", "p-energy": "a", "p-day": "a"}
CASES = {  # name: (course, answers, expected percent, passed)
    "pass-mark": ("minimal", AT_THE_PASS_MARK, 75.0, True),
    "one-third": ("three-questions", ONE_OF_THREE, 100 / 3, False),
}


def three_question_course(target: Path) -> Path:
    """The minimal course without its matching question: three scored points."""
    course = target / "three-questions"
    shutil.copytree(ROOTS / "minimal", course)
    quiz = course / "modules" / "roles" / "quiz.yml"
    text = quiz.read_text(encoding="utf-8")
    start, end = text.index("  - id: q-match\n"), text.index("  - id: p-energy\n")
    quiz.write_text(text[:start] + text[end:], encoding="utf-8")
    return course


@pytest.fixture(scope="module")
def served(static_server, node_modules, tmp_path_factory) -> str:
    """Both courses' packages extracted under the loopback server, with the harness."""
    base, folder = static_server
    out = tmp_path_factory.mktemp("scores-out")
    courses = {"minimal": ROOTS / "minimal",
               "three-questions": three_question_course(tmp_path_factory.mktemp("three"))}
    for name, source in courses.items():
        build(source, out / name, ["scorm12", "scorm2004"], BuildOptions(), lambda _: None)
        for version_folder in FOLDERS.values():
            extract(out / name / version_folder / "team-roles.zip",
                    folder / f"scores-{name}-{version_folder}")
    serve_harness(folder, node_modules)
    return base


def last(calls: list[dict[str, Any]], version: str, element: str) -> str:
    """The last value the SCO sent for an element (failing when it sent none)."""
    values = sent(calls, version, element)
    assert values, f"the lesson never sent {element}"
    return values[-1]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("case", CASES)
def test_course_score_and_status_as_sent(page, served, case, version) -> None:
    course, answers, percent, passed = CASES[case]
    lms = LmsSession(page, served, version, f"scores-{course}-{FOLDERS[version]}/index.html")
    lms.launch()
    pages = lms.frame.evaluate(  # every page seen, so that completion is not what decides
        "() => { const n = courseforge.pages.length;"
        " for (let i = 0; i < n; i++) courseforge.go(i); return n; }")
    take(lms.lesson, lms.frame, "roles", answers)
    verdict = control(lms.lesson, "roles").locator(".verdict").inner_text()
    assert verdict.startswith("Passed" if passed else "Not passed")
    calls = lms.close()["calls"]  # lms.close() also checks every value with strict_scorm
    status = "passed" if passed else "failed"
    if version == "1.2":
        assert last(calls, version, "cmi.core.lesson_status") == status
        assert (last(calls, version, "cmi.core.score.min"),
                last(calls, version, "cmi.core.score.max")) == ("0", "100")
        raw = float(last(calls, version, "cmi.core.score.raw"))
    else:
        assert last(calls, version, "cmi.success_status") == status
        assert last(calls, version, "cmi.completion_status") == "completed", pages
        assert (last(calls, version, "cmi.score.min"),
                last(calls, version, "cmi.score.max")) == ("0", "100")
        raw = float(last(calls, version, "cmi.score.raw"))
        scaled = float(last(calls, version, "cmi.score.scaled"))
        assert abs(scaled - percent / 100) <= SCALED_TOLERANCE, scaled
    assert abs(raw - percent) <= 0.005, raw  # a percentage to two decimals
