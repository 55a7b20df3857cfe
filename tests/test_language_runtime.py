"""What a German or Arabic lesson shows while it runs and what it sends to the LMS: no English
the tool wrote (SCORM 1.2 and 2004 under scorm-again, in headless Chromium)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser.lms import FOLDERS, LmsSession, extract, serve_harness
from browser.quiz import MINIMAL_WRONG, answer, ready
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.translation.exporting import course_segments
from english_leaks import english_leaks, english_words

ROOTS = Path(__file__).parent / "roots"
LANGUAGES = {"de": ROOTS / "lang-de", "ar": ROOTS / "lang-ar"}
# CMI elements holding text for people: what an LMS report shows
TEXT_ELEMENTS = ("comment", "comments", "description")

SHOWN = """() => {
  const texts = [];
  for (const id of courseforge.pages) {
    courseforge.go(id);
    texts.push(document.body.innerText);
  }
  for (const el of document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
    for (const name of ["aria-label", "title", "alt", "placeholder"]) {
      if (el.getAttribute(name)) texts.push(el.getAttribute(name));
    }
  }
  return texts.join("\\n");
}"""


@pytest.fixture(scope="module")
def served(static_server, node_modules, tmp_path_factory) -> str:  # type: ignore[no-untyped-def]
    """Both courses' packages extracted under the loopback server, with the harness LMS."""
    base, folder = static_server
    for language, root in LANGUAGES.items():
        output = tmp_path_factory.mktemp(f"lang-{language}")
        build(root, output, ["scorm12", "scorm2004"], BuildOptions(), lambda _: None)
        for name in FOLDERS.values():
            extract(output / name / "team-roles.zip", folder / language / name)
    serve_harness(folder, node_modules)
    return base


def lms_texts(value: Any, key: str = "") -> list[str]:
    """The strings of the CMI elements meant for people (comments, descriptions)."""
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in lms_texts(v, k)]
    if isinstance(value, list):
        return [t for item in value for t in lms_texts(item, key)]
    return [value] if isinstance(value, str) and key in TEXT_ELEMENTS and value else []


@pytest.mark.parametrize("version", ["1.2", "2004"])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_running_lesson_and_lms_record_speak_the_course_language(page, served, language,
                                                                 version) -> None:
    lms = LmsSession(page, served, version, f"{language}/{FOLDERS[version]}/index.html")
    lesson = lms.launch()
    frame = lms.frame
    ready(frame)
    shown = [frame.evaluate(SHOWN)]
    frame.evaluate("() => courseforge.go('roles.quiz')")
    answer(lesson, "roles", {k: v for k, v in MINIMAL_WRONG.items() if k != "p-day"})
    form = lesson.locator('[id="quiz:roles"]')
    form.locator("[data-action=submit]").click()
    shown.append(form.locator("[data-role=confirm]").inner_text())
    form.locator("[data-action=confirm]").click()
    form.locator("[data-role=result]").wait_for()
    shown.append(frame.evaluate("() => document.body.innerText"))
    state = lms.close()
    recorded = lms_texts(state["cmi"])
    assert recorded, "the LMS received no comment or description"
    authored = "\n".join(s.text for s in course_segments(LANGUAGES[language].resolve()))
    for texts in (shown, recorded):
        text = "\n".join(texts)
        assert english_leaks(text, language, authored) + english_words(text, authored) == []
