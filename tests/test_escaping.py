"""Autoescaping where it matters: author text in the lesson templates is shown, never parsed.

Every plain-text field an author writes in YAML (course, module, objective, quiz and outcome
texts) carries markup here. If a lesson template stopped escaping it (autoescape switched off,
a ``|safe`` or ``{% autoescape false %}`` added), an element would appear in the page.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.typography import typographic

MINIMAL = Path(__file__).resolve().parent / "roots" / "minimal"


def marked(field: str) -> str:
    """Author text with markup, an ampersand and quotes, named after its field."""
    return f'Plain <i data-injected="{field}">{field}</i> & "quotes" \' </script>'


CALLOUT = '::: tip Say `a" onfocus="alert(1)" x="` now\nBody of the tip.\n:::'


def hostile_texts(target: Path) -> tuple[Path, list[str]]:
    """The minimal course with marked text in every plain-text field the templates show."""
    root = target / "course"
    shutil.copytree(MINIMAL, root)
    course_file = root / "course.yml"
    course = yaml.safe_load(course_file.read_text(encoding="utf-8"))
    course["title"] = marked("course-title")
    course["description"] = marked("course-description")
    course["outcomes"][0]["title"] = marked("outcome-title")
    course_file.write_text(yaml.safe_dump(course, allow_unicode=True), encoding="utf-8")
    lesson = root / "modules" / "welcome" / "lesson.md"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace("title: Welcome", "title: " + json.dumps(marked("module-title")), 1)
    text = text.replace("text: Name the two roles of the team.",
                        "text: " + json.dumps(marked("objective-text")), 1)
    # a callout title holds Markdown: code keeps its straight quotes, so it must not end an
    # attribute the title is written into
    text = text.rstrip("\n") + "\n\n" + CALLOUT + "\n"
    lesson.write_text(text, encoding="utf-8")
    quiz_file = root / "modules" / "roles" / "quiz.yml"
    quiz = yaml.safe_load(quiz_file.read_text(encoding="utf-8"))
    quiz["title"] = marked("quiz-title")
    questions = {q["id"]: q for q in quiz["questions"]}
    questions["q-focus"]["prompt"] = marked("question-prompt")
    questions["q-focus"]["choices"][0]["text"] = marked("choice-text")
    questions["q-match"]["items"][0]["text"] = marked("matching-item")
    questions["q-match"]["targets"][0]["text"] = marked("matching-target")
    quiz_file.write_text(yaml.safe_dump(quiz, allow_unicode=True), encoding="utf-8")
    shown = ["course-title", "module-title", "objective-text", "quiz-title", "question-prompt",
             "choice-text", "matching-item", "matching-target"]
    return root, shown


@pytest.fixture(scope="module")
def lessons(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, list[str]]]:
    """The web lesson and the SCORM packages' lesson pages of the marked course."""
    target = tmp_path_factory.mktemp("escaping")
    course, shown = hostile_texts(target)
    out = target / "out"
    build(course, out, ["web", "scorm12", "scorm2004"], BuildOptions(), lambda _: None)
    pages = {"web": (out / "web" / "index.html").read_text(encoding="utf-8")}
    for name in ("scorm12", "scorm2004"):
        with zipfile.ZipFile(next((out / name).glob("*.zip"))) as package:
            pages[name] = package.read("index.html").decode("utf-8")
    return {name: (html, shown) for name, html in pages.items()}


def strings(data: Any) -> list[str]:
    """Every string held in a JSON value."""
    if isinstance(data, str):
        return [data]
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [text for item in items for text in strings(item)]


def document(html: str) -> Any:
    return lxml.html.document_fromstring(html)


@pytest.mark.parametrize("output", ["web", "scorm12", "scorm2004"])
def test_author_markup_is_text_not_elements(lessons, output) -> None:
    html, shown = lessons[output]
    tree = document(html)
    assert tree.xpath("//*[@data-injected]") == []  # no author element got into the page
    text = tree.text_content()
    for field in shown:  # each field is there, to read as the author wrote it (typeset)
        assert typographic(marked(field), "en") in text, field
    assert "<title>Plain &lt;i data-injected=" in html  # the tab title too


@pytest.mark.parametrize("output", ["web", "scorm12"])
def test_author_text_cannot_close_the_data_block(lessons, output) -> None:
    html, _ = lessons[output]
    tree = document(html)
    blocks = tree.xpath("//script[@id='courseforge-data']")
    assert len(blocks) == 1
    data = json.loads(blocks[0].text)  # the whole block, not cut short by a </script>
    assert typographic(marked("outcome-title"), "en") in strings(data)
    scripts = [s.get("src") for s in tree.iter("script") if s.get("id") != "courseforge-data"]
    assert all(scripts), "an inline script appeared"


@pytest.mark.parametrize("output", ["web", "scorm2004"])
def test_a_callout_title_is_text_in_its_label(lessons, output) -> None:
    html, _ = lessons[output]
    tree = document(html)
    assert tree.xpath("//*[@onfocus]") == []  # the title's quotes did not end the attribute
    asides = tree.xpath("//aside[contains(@class, 'callout-tip')]")
    assert [a.get("aria-label") for a in asides] == ['Say a" onfocus="alert(1)" x=" now']
    assert asides[0].xpath(".//p[@class='callout-title']/code/text()") == [
        'a" onfocus="alert(1)" x="']
