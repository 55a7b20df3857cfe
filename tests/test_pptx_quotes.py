"""Block quotes in decks: the quote's own blocks (paragraphs, nested lists, quotes in it), in
italics, as lessons show them; a quote's list markers are no longer text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from conftest import ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.pptx.markdown_runs import BULLET, NUMBER, PLAIN, Paragraph, parse_blocks
from test_lesson_quoted_lists import quoted

QUOTE = "> Advice from a maker:\n>\n> 1) Start small\n>    - one task a day\n> 2) Ship often"


def read(markdown: str) -> list[tuple[str, int, str, bool]]:
    """Each paragraph of a slide body: (kind, level, text, every run italic)."""
    return [(b.kind, b.level, b.text, all(r.italic for r in b.runs))
            for b in parse_blocks(markdown) if isinstance(b, Paragraph)]


def test_a_quoted_list_keeps_its_items_and_levels_in_italics() -> None:
    assert read(QUOTE) == [(PLAIN, 0, "Advice from a maker:", True),
                           (NUMBER, 0, "Start small", True), (BULLET, 1, "one task a day", True),
                           (NUMBER, 0, "Ship often", True)]


@pytest.mark.parametrize("depth", [1, 2, 5])
def test_a_quote_reads_as_its_lines_do_outside_it(depth: int) -> None:
    markdown = "Intro\n\n- a\n  - b\n\nA paragraph\nthat goes on"
    outside = [(kind, level, text) for kind, level, text, _ in read(markdown)]
    assert [(kind, level, text) for kind, level, text, _ in read(quoted(markdown, depth))] \
        == outside
    assert all(italic for *_, italic in read(quoted(markdown, depth)))


def test_a_quote_nested_past_reading_is_one_paragraph() -> None:
    blocks = read(">" * 400 + " deep\n> next")
    assert len(blocks) == 1 and blocks[0][3] and blocks[0][2].endswith("deep next")


def test_the_deck_sets_a_quoted_list_as_levels(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    lesson = course / "modules" / "roles" / "lesson.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("# A day with a maker\n", f"# Advice\n\n{QUOTE}\n\n---\n\n"
                                   "# A day with a maker\n", 1), encoding="utf-8")
    build(course, tmp_path / "out", ["pptx"], BuildOptions(), lambda message: None)
    prs = Presentation(str(tmp_path / "out" / "slides" / "roles.pptx"))
    slide = next(s for s in prs.slides if s.shapes.title is not None
                 and s.shapes.title.text_frame.text == "Advice")
    furniture = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.FOOTER,
                 PP_PLACEHOLDER.DATE)
    body = [p for shape in slide.placeholders if shape.placeholder_format.type not in furniture
            for p in shape.text_frame.paragraphs if p.text]
    assert [(p.level, p.text) for p in body] == [
        (0, "Advice from a maker:"), (0, "Start small"), (1, "one task a day"), (0, "Ship often")]
    assert all(run.font.italic for p in body for run in p.runs)
    assert not any(p.text.startswith(("-", ">", "1)")) for p in body)


def test_code_in_a_quote_stays_upright() -> None:
    runs = [(r.text, r.code, r.italic) for b in parse_blocks(
        "> Type `make` first:\n>\n> ```\n> make all\n> ```") if isinstance(b, Paragraph)
        for r in b.runs if r.text.strip()]
    assert runs == [("Type ", False, True), ("make", True, False), (" first:", False, True),
                    ("make all", True, False)]
