"""Content security: author HTML, scripts, event handlers and javascript: links never run."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson.html_render import render_markdown

MINIMAL = Path(__file__).resolve().parent / "roots" / "minimal"

HOSTILE = """
# Hostile content

<script>window.__pwned = "script"</script>

<img src="x.png" onerror="window.__pwned = 'onerror'">

<div onmouseover="window.__pwned = 'handler'">Hover me</div>

[Click me](javascript:window.__pwned='link')

<a href="javascript:window.__pwned='raw-link'">Raw link</a>

<iframe src="https://example.org/"></iframe>

Template syntax stays text: {{ 7 * 7 }} {% if true %}yes{% endif %}

<b>Bold by HTML</b>
"""


def test_the_executable_check_finds_what_it_looks_for() -> None:
    assert executable_parts('<p onclick="x()">a</p><script>x()</script>'
                            '<a href=" JavaScript:x()">b</a>') == [
        "script", "p[onclick]", "a[href]"]


def hostile_course(tmp_path: Path, allow_raw_html: bool) -> Path:
    """The minimal course with a hostile slide, HTML opted in or not."""
    root = tmp_path / f"course-{allow_raw_html}"
    shutil.copytree(MINIMAL, root)
    lesson = root / "modules" / "welcome" / "lesson.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n---\n" + HOSTILE, encoding="utf-8")
    if allow_raw_html:
        course_file = root / "course.yml"
        course_file.write_text(course_file.read_text(encoding="utf-8")
                               + "allow_raw_html: true\n", encoding="utf-8")
    return root


def executable_parts(markup: str) -> list[str]:
    """What in an HTML fragment could run: script-like elements, handlers, script links."""
    tree = lxml.html.fragment_fromstring(markup, create_parent="div")
    found = [el.tag for el in tree.iter("script", "iframe", "object", "embed", "style")]
    for element in tree.iter():
        for name, value in element.attrib.items():
            if name.lower().startswith("on") or value.strip().lower().startswith("javascript:"):
                found.append(f"{element.tag}[{name}]")
    return found


@pytest.mark.parametrize("raw", [False, True], ids=["escaped", "sanitised"])
def test_rendered_html_holds_nothing_executable(raw: bool) -> None:
    html = str(render_markdown(HOSTILE, raw_html=raw))
    assert executable_parts(html) == []
    if not raw:  # escaped: the author's markup is there to read, as text
        for text in ("<script>", 'onerror="', 'onmouseover="', "<iframe"):
            assert text in lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    html = html.lower()
    assert "{{ 7 * 7 }}" in html
    if raw:
        assert "<b>bold by html</b>" in html
    else:
        assert "&lt;b&gt;bold by html&lt;/b&gt;" in html


@pytest.mark.parametrize("raw", [False, True], ids=["escaped", "sanitised"])
def test_hostile_content_never_runs_in_a_lesson(page, tmp_path: Path, raw: bool) -> None:  # type: ignore[no-untyped-def]
    course = hostile_course(tmp_path, raw)
    out = tmp_path / "out"
    build(course, out, ["web"], BuildOptions(), lambda message: None)
    index = out / "web" / "index.html"
    dialogs: list[str] = []

    def refuse(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(index.as_uri())
    page.wait_for_function("() => window.courseforge !== undefined")
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert csp is not None
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp and "connect-src 'none'" in csp
    hostile = page.locator("section[data-kind=slide]", has_text="Hostile content").first
    page.evaluate("(id) => window.courseforge.go(id)", hostile.get_attribute("id"))
    text = hostile.inner_text()
    assert "Template syntax stays text: {{ 7 * 7 }}" in text
    for link in hostile.locator("a").all():
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:")
        link.click(timeout=2000, force=True)
    hostile.get_by_text("Hover me").hover()
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []
    assert not errors
    assert hostile.locator("script, iframe, [onerror], [onmouseover]").count() == 0
    if raw:
        assert hostile.locator("b", has_text="Bold by HTML").count() == 1
    else:
        assert "<b>Bold by HTML</b>" in text
