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


def test_a_windows_stylesheet_with_a_byte_order_mark_still_styles_the_page(
        page: Any, tmp_path: Path) -> None:
    # an author's editor on Windows: a BOM, CR LF line ends, and a lone CR
    rule = ".topbar { outline: 3px solid rgb(1, 2, 3); }"
    course = _course_with_stylesheet(
        tmp_path, ("\ufeff" + rule + "\r\n.quiz {\r color: inherit; }\r\n").encode())
    build(course, tmp_path / "out", ["web"], BuildOptions(), lambda _: None)
    page.add_init_script(f"({VIOLATIONS})()")
    page.goto((tmp_path / "out" / "web" / "index.html").as_uri())
    page.wait_for_function("() => window.courseforge !== undefined")
    assert page.evaluate("() => window.__violations") == []
    style = "getComputedStyle(document.querySelector('.topbar'))"
    assert page.evaluate(f"() => {style}.position") == "sticky"
    assert page.evaluate(f"() => {style}.outlineColor") == "rgb(1, 2, 3)"  # its first rule


@pytest.mark.parametrize(("data", "line", "reason"), [
    (b".quiz { color: red; }\n\n</STYLE><script>alert(1)</script>\n", 3, "'</style'"),
    (b".quiz {\n  content: '\xe9'; }\n", 2, "not UTF-8"),
    (b".quiz { content: '\0'; }\n", 1, "NUL"),
], ids=["ends-the-element", "not-utf8", "nul"])
@pytest.mark.parametrize("command", ["check", "build", "build -j 2"])
def test_a_stylesheet_the_page_cannot_hold_is_reported_with_its_line(
        tmp_path: Path, data: bytes, line: int, reason: str, command: str) -> None:
    course = _course_with_stylesheet(tmp_path, data)
    out = tmp_path / "out"
    name, *jobs = command.split()
    args = [name, str(course)] + (
        ["-o", str(out), "-f", "web", "-f", "scorm12", *jobs] if name == "build" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert f"templates/lesson/quiz.css:{line}: error: the stylesheet" in result.output
    assert reason in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_stylesheet_in_a_templates_folder_outside_the_course_is_refused_too(
        tmp_path: Path) -> None:
    extra = tmp_path / "theme" / "lesson"
    extra.mkdir(parents=True)
    (extra / "result.css").write_bytes(b"/* ok */\n.result { }</style>\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(ROOTS / "minimal"), "-o", str(out),
                                       "-f", "web", "--templates", str(tmp_path / "theme")])
    assert result.exit_code == 1
    assert f"{extra / 'result.css'}:2: error: the stylesheet contains '</style'" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_a_page_template_that_still_links_the_old_stylesheets_is_refused(
        tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    page = (Path(__file__).resolve().parent.parent / "templates" / "lesson"
            / "index.html.j2").read_text(encoding="utf-8")
    old = page.replace('<style>{{ stylesheet }}</style>', '<link rel="stylesheet" '
                       'href="lesson.css">\n<link rel="stylesheet" href="theme.css">')
    assert old != page
    (course / "templates" / "lesson").mkdir(parents=True)
    (course / "templates" / "lesson" / "index.html.j2").write_text(old, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(course), "-o", str(out), "-f", "web"])
    assert result.exit_code == 1
    assert ("templates/lesson/index.html.j2: the lesson page does not write its styles"
            in result.output)
    assert "<style>{{ stylesheet }}</style>" in result.output
    assert "Traceback" not in result.output and not out.exists()
