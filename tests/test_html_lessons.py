"""Lesson pages: safe Markdown, the page model, the rendered document and its files."""

from __future__ import annotations

import json
import re
import shutil
import struct
import zlib
from html import unescape
from pathlib import Path

import pytest

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson.brand_colours import contrast, palette
from courseforge.builders.lesson.files import lesson_members
from courseforge.builders.lesson.html_render import is_safe_link, render_markdown
from courseforge.builders.lesson.pages import lesson_site
from courseforge.builders.lesson.stylesheet import style_source
from courseforge.lms.suspend_data import (
    SCORM12_SUSPEND_LIMIT,
    page_count,
    suspend_data_budget,
    suspend_data_length,
    suspend_data_warnings,
)
from courseforge.loading import load_checked


def png() -> bytes:
    """A valid 1x1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


@pytest.fixture
def hostile(tmp_path: Path, roots: Path) -> Path:
    """The minimal course with raw HTML, a script link and an image with a non-ASCII name."""
    course = tmp_path / "course"
    shutil.copytree(roots / "minimal", course)
    (course / "modules" / "welcome" / "images").mkdir()
    (course / "modules" / "welcome" / "images" / "équipe.png").write_bytes(png())
    lesson = course / "modules" / "welcome" / "lesson.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + """
---

# Risky <b>title</b>

<script>alert("x")</script>

Click [here](javascript:alert(1)) or <img src=x onerror=alert(2)>.

![The team at work](images/équipe.png)
""", encoding="utf-8")
    return course


def test_raw_html_is_escaped() -> None:
    html = render_markdown('<script>alert(1)</script>\n\nA <b onclick="x()">b</b>\n\n'
                           '<div>\nd\n</div>')
    assert "<script" not in html and "<b" not in html and "<div" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b onclick=" in html


def test_dangerous_links_keep_their_words_only() -> None:
    html = render_markdown("[a](javascript:alert(1)) [b](https://example.org) [c](#top)")
    assert "javascript" not in html
    assert '<a href="https://example.org" rel="noopener noreferrer" target="_blank">b</a>' in html
    assert '<a href="#top">c</a>' in html
    assert not is_safe_link("JavaScript:x") and not is_safe_link("data:text/html,x")
    assert is_safe_link("mailto:a@b.org") and is_safe_link("#start")
    # the lesson is one document: a relative link would lead nowhere inside the package
    assert not is_safe_link("other.html")


def test_images_point_to_packaged_files_and_nothing_else() -> None:
    html = render_markdown("![a](images/a.png) ![b](https://example.org/b.png)",
                           {"images/a.png": "media/m/1-a.png"})
    assert 'src="media/m/1-a.png"' in html and 'alt="a"' in html
    assert "example.org" not in html and "<span>b</span>" in html


def test_body_headings_sit_below_the_page_title() -> None:
    assert render_markdown("# One\n\n## Two").startswith("<h2>One</h2>\n<h3>Two</h3>")


def test_page_model_of_the_minimal_course(roots: Path) -> None:
    course = load_checked(roots / "minimal").course
    site = lesson_site(course)
    assert [p.id for p in site.pages] == ["start", "welcome.1", "welcome.2", "roles.1",
                                          "roles.quiz"]
    assert [p.number for p in site.pages] == [1, 2, 3, 4, 5]
    assert [p.kind for p in site.pages] == ["start", "slide", "slide", "slide", "quiz"]
    assert site.pages[4].plain_title == course.module("roles").quiz.title
    assert [m.id for m in site.toc] == ["welcome", "roles"]
    assert page_count(course.modules) == len(site.pages)
    single = lesson_site(course, [course.module("roles")])
    assert [p.id for p in single.pages] == ["start", "roles.1", "roles.quiz"]
    assert single.scope == "team-roles-roles" and single.toc[0].number == 2


def test_the_lesson_document(hostile: Path) -> None:
    course = load_checked(hostile).course
    members = dict(lesson_members(course, BuildOptions(), "scorm12"))
    html = members["index.html"].decode("utf-8")
    assert '<html lang="en" dir="ltr">' in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp and "script-src 'self';" in unescape(csp.group(1))
    assert "connect-src 'none'" in unescape(csp.group(1))
    # speaker notes never reach learners
    assert "Ask the group" not in html and "Keep this short" not in html
    # no author script, no inline script, no style but the page's own, nothing fetched
    # from elsewhere
    assert "<script>" not in html and "onerror=" not in html.replace("onerror=alert", "")
    assert re.findall(r"<script(?: [^>]*)?>", html) == [
        '<script type="application/json" id="courseforge-data">', '<script src="runtime.js" defer>',
        '<script src="grading.js" defer>', '<script src="quiz.js" defer>']
    assert " style=" not in html
    head = html.split("</head>", 1)[0]
    styles = re.findall(r"<style[^>]*>(.*?)</style>", head, re.DOTALL)
    assert len(styles) == html.count("<style") == 2  # the page's own: lesson, while loading
    policy = unescape(csp.group(1))
    assert all(style_source(text) in policy for text in styles)
    for attribute in re.findall(r'(?:src|href)="([^"]*)"', html):
        external = attribute.startswith(("http:", "https:", "//"))
        assert not external or attribute == "https://example.org/demo"  # a link, not a fetch
    assert "Risky &lt;b&gt;title&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    # the image is packaged under a plain ASCII name
    media = [name for name in members if name.startswith("media/")]
    assert media == ["media/welcome/1-quipe.png"]
    assert members[media[0]] == png()
    assert f'src="{media[0]}"' in html and 'alt="The team at work"' in html
    found = re.search(r'id="courseforge-data">(.*?)</script>', html)
    assert found, "the lesson data is missing"
    data = json.loads(found.group(1))
    assert data["standard"] == "scorm12" and data["pages"][0] == "start"
    assert data["scope"] == "team-roles"


def test_the_data_block_cannot_end_its_script(tmp_path: Path, roots: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(roots / "minimal", course)
    yml = course / "course.yml"
    yml.write_text(yml.read_text().replace("version: 1.0.0", 'version: "1</script><b>"'))
    html = dict(lesson_members(load_checked(course).course, BuildOptions(), "web"))["index.html"]
    assert b"1</script><b>" not in html and b"1\\u003c/script\\u003e" in html


def test_brand_colour_and_readable_contrast(roots: Path) -> None:
    course = load_checked(roots / "minimal").course
    theme = dict(lesson_members(course, BuildOptions(), "web"))["index.html"].decode()
    assert "--brand: #2E7D32;" in theme
    for brand in ("#2E7D32", "#FFD700", "#000000", "#FFFFFF", "#1F5A96"):
        colours = palette(brand)
        assert contrast(colours.button, "#FFFFFF") >= 4.5
        assert contrast(colours.brand_text, "#FFFFFF") >= 4.5
        assert contrast(colours.on_brand, colours.brand) >= 4.5
        assert contrast(colours.brand_text_dark, "#1D1F24") >= 4.5  # the dark scheme's page


def test_runtime_and_styles_stay_small(roots: Path) -> None:
    members = dict(lesson_members(load_checked(roots / "minimal").course, BuildOptions(), "web"))
    styles = re.search(rb"<style>(.*?)</style>", members["index.html"], re.DOTALL)
    assert styles is not None
    total = members["runtime.js"] + styles.group(1)
    assert len(zlib.compress(total, 9)) <= 30 * 1024


def test_web_output_is_a_site(tmp_path: Path, roots: Path) -> None:
    build(roots / "minimal", tmp_path, ["web"], BuildOptions(), lambda _: None)
    names = sorted(p.name for p in (tmp_path / "web").iterdir())
    assert names == ["grading.js", "index.html", "quiz.js", "runtime.js"]
    assert b'"standard":"web"' in (tmp_path / "web" / "index.html").read_bytes()


def test_theme_templates_can_be_overridden(tmp_path: Path, roots: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(roots / "minimal", course)
    (course / "templates" / "lesson").mkdir(parents=True)
    (course / "templates" / "lesson" / "index.html.j2").write_text(
        '{% extends "!default/lesson/index.html.j2" %}'
        '{% block body_end %}<footer>Acme</footer>{% endblock %}', encoding="utf-8")
    html = dict(lesson_members(load_checked(course).course, BuildOptions(), "web"))["index.html"]
    assert b"<footer>Acme</footer>" in html and b'id="welcome.1"' in html


def test_suspend_data_budget() -> None:
    assert suspend_data_length(5) == len('{"v":1,"n":5,"p":"A"}')
    assert suspend_data_length(7) == len('{"v":1,"n":7,"p":"AA"}')
    assert suspend_data_length(5, sections=10) == len('{"v":1,"n":5,"p":"A"}') + 5 + 10
    # a course needs over 24,000 pages before the page bitset alone overflows SCORM 1.2
    assert suspend_data_length(24000) <= SCORM12_SUSPEND_LIMIT < suspend_data_length(24600)


def test_suspend_data_budget_of_a_course(roots: Path) -> None:
    course = load_checked(roots / "minimal").course
    # the pages, plus the quiz state: {"q1":"9999aBBB" then six answer codes and dots}
    quiz_state = len('{"q1":""}') + 4 + 1 + 3 + (1 + 1 + 1 + 2 + 1 + 1) + 5
    assert suspend_data_budget(course) == suspend_data_length(5, sections=quiz_state)
    assert suspend_data_warnings(course) == []


def test_check_warns_when_suspend_data_could_overflow_scorm12(roots: Path) -> None:
    from dataclasses import replace

    from courseforge.validation import validate

    course = load_checked(roots / "minimal").course
    welcome = course.module("welcome")
    huge = replace(welcome, lesson=replace(welcome.lesson,
                                            slides=welcome.lesson.slides * 12500))
    course = replace(course, modules=(huge, *course.modules[1:]))
    budget = suspend_data_budget(course)
    assert budget > SCORM12_SUSPEND_LIMIT
    found = [d for d in validate(course) if d.code == "scorm.suspend-data"]
    assert len(found) == 1 and found[0].severity.value == "warning"
    assert str(budget) in found[0].message and found[0].path == "course.yml"


def test_table_rows_are_labelled_by_row_headers() -> None:
    from conftest import BUNDLED

    html = dict(lesson_members(load_checked(BUNDLED).course, BuildOptions(), "web"))[
        "index.html"].decode()
    rows = re.findall(r"<tbody>(.*?)</tbody>", html, re.S)
    assert rows, "the bundled course has tables"
    for body in rows:
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
            first = re.search(r"<(t[hd])([^>]*)>", row)
            assert first and first.group(1) == "th" and 'scope="row"' in first.group(2), row
    assert '<th scope="col">' in html


def test_callouts_and_figures_of_the_rich_course(roots: Path) -> None:
    html = dict(lesson_members(load_checked(roots / "rich").course, BuildOptions(), "web"))[
        "index.html"].decode()
    assert html.count('<aside class="callout') == 4
    assert '<aside class="callout callout-tip" aria-label="Keep it small">' in html
    assert '<p class="callout-title"><span class="callout-icon" aria-hidden="true"></span>' \
        'Tip: Keep it small</p>' in html
    assert 'aria-label="Warning"' in html and ">Key point</p>" in html
    assert ":::" not in html
    figure = re.search(r'<figure class="figure">(.*?)</figure>', html, re.S)
    assert figure and "<figcaption>The three steps of a release</figcaption>" in figure.group(1)
    assert 'title="' not in figure.group(1)
