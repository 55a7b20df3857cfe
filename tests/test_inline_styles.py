"""The lesson's styles travel inside its page: applied under the page's policy, nothing fetched."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.cli import main

ROOTS = Path(__file__).resolve().parent / "roots"
VIOLATIONS = """() => { window.__violations = [];
    document.addEventListener('securitypolicyviolation',
        (e) => window.__violations.push(e.violatedDirective)); }"""
INJECT = """() => { const s = document.createElement('style');
    s.textContent = 'body { display: none !important; }'; document.head.append(s); }"""


@pytest.mark.parametrize("root", ["minimal", "rich"])
def test_the_page_is_styled_by_its_own_style_element_alone(page: Any, tmp_path: Path,
                                                          root: str) -> None:
    build(ROOTS / root, tmp_path, ["web"], BuildOptions(), lambda _: None)
    site = tmp_path / "web"
    assert not list(site.glob("*.css"))  # nothing for the page to fetch before it can draw
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.add_init_script(f"({VIOLATIONS})()")
    page.goto((site / "index.html").as_uri())
    page.wait_for_function("() => window.courseforge !== undefined")
    assert page.evaluate("() => window.__violations") == []
    bar = page.evaluate("() => getComputedStyle(document.querySelector('.topbar')).position")
    assert bar == "sticky"  # lesson.css applied
    brand = page.evaluate("() => getComputedStyle(document.documentElement)"
                          ".getPropertyValue('--brand').trim()")
    expected = "#8E44AD" if root == "rich" else "#2E7D32"
    assert brand.upper() == expected  # the theme's colours applied after it
    assert not [url for url in fetched if url.endswith(".css")]
    # any other style element, such as one a script could add, is refused by the policy
    page.evaluate(INJECT)
    page.wait_for_function("() => window.__violations.length > 0")
    assert page.evaluate("() => getComputedStyle(document.body).display") != "none"


def _course_with_stylesheet(tmp_path: Path, data: bytes) -> Path:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    theme = course / "templates" / "lesson"
    theme.mkdir(parents=True)
    (theme / "quiz.css").write_bytes(data)
    return course


@pytest.mark.parametrize(("data", "reason"), [
    (b".quiz { color: red; }\n</STYLE><script>alert(1)</script>\n", "'</style'"),
    (b".quiz { content: '\xe9'; }\n", "not UTF-8"),
], ids=["ends-the-element", "not-utf8"])
def test_a_stylesheet_that_cannot_go_into_the_page_is_refused(tmp_path: Path, data: bytes,
                                                             reason: str) -> None:
    course = _course_with_stylesheet(tmp_path, data)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(course), "-o", str(out), "-f", "web"])
    assert result.exit_code == 1
    assert "templates/lesson/quiz.css: the stylesheet" in result.output
    assert reason in result.output
    assert "Traceback" not in result.output
    assert not (out / "web").exists()
