"""One fence rule for every reader of a lesson: the loader cutting slides, callouts,
captions, translation, decks and lessons. Three backticks with more on the line are inline
code, no fence; a fence closes only on a line of its character, as many or more."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

from conftest import ROOTS
from courseforge.builders.lesson.html_render import render_markdown
from courseforge.builders.pptx.markdown_runs import parse_blocks
from courseforge.cli import main
from courseforge.loading.callouts import split_callouts
from courseforge.loading.fences import Fences
from courseforge.loading.lesson_markdown import split_slides
from courseforge.translation.segments import markdown_segments


@pytest.mark.parametrize(("lines", "read"), [
    (["text", "```py", "code", "```", "text"], "TFCFT"),
    (["```x``` inline", "text"], "TT"),
    (["````", "```", "still code", "`````", "text"], "FCCFT"),
    (["~~~", "```", "~~~"], "FCF"),
    (["  ```", "  code", "  ```py", "  ```"], "FCCF"),
    (["- a", "  ```", "  code", "back", "```"], "TFCTF"),  # a line left of the fence ends it
])
def test_each_line_is_read_as_text_a_fence_or_code(lines: list[str], read: str) -> None:
    fences = Fences()
    assert "".join(fences.read(line).name[0] for line in lines) == read


def test_inline_code_in_triple_backticks_does_not_hide_the_next_slide() -> None:
    slides = split_slides("# Inline\n\n```x``` marks code.\n\n---\n\n# After\n\nText", 1)
    assert [slide.title for slide in slides] == ["Inline", "After"]


def test_a_slide_break_in_code_stays_code_until_the_fence_really_closes() -> None:
    body = "# Code\n\n````\n```py\n---\n````\n\n---\n\n# Next"
    slides = split_slides(body, 1)
    assert [slide.title for slide in slides] == ["Code", "Next"]
    assert "```py\n---" in slides[0].body


def test_a_callout_marker_in_code_is_code() -> None:
    blocks, problems = split_callouts("~~~\n::: tip\n```\n:::\n~~~\nAfter", 1)
    assert problems == [] and [block.kind for block in blocks] == [""]
    assert "::: tip" in blocks[0].markdown


def test_translation_leaves_code_out_and_takes_text_after_inline_code() -> None:
    text = "---\ntitle: T\n---\n\n# Slide\n\n````\n```\nnot prose\n````\n\n```x``` is prose\n"
    found = [segment.text for segment in markdown_segments("modules/m/lesson.md", text)]
    assert "```x``` is prose" in found and not any("not prose" in t for t in found)


def test_lessons_and_decks_show_the_same_code() -> None:
    markdown = "````\n```\nkept\n````\n\nAfter"
    assert "<pre><code>```\nkept\n</code></pre>" in str(render_markdown(markdown))
    shown = [b.runs[0].text for b in parse_blocks(markdown) if b.runs[0].code]
    assert shown == ["```", "kept"]


@pytest.mark.parametrize("markdown", [
    "- Step\n  ```\n  code\nBack", "- Step\n  ```\n  code\n\nBack",
])
def test_a_line_left_of_a_fence_in_an_item_ends_it_for_every_reader(markdown: str) -> None:
    slides = split_slides(f"# A\n\n{markdown}\n\n---\n\n# B", 1)
    assert [slide.title for slide in slides] == ["A", "B"]
    assert [b.runs[0].text for b in parse_blocks(markdown) if b.runs[0].code] == ["code"]
    root_text = str(render_markdown(markdown))
    assert "<p>Back</p>" in root_text and "<code>code\n</code>" in root_text


def test_check_warns_of_a_fence_never_closed(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    lesson = next((course / "modules").glob("*/lesson.md"))
    text = lesson.read_text("utf-8")
    lines = text.count("\n")
    lesson.write_text(text + "\n---\n\n# Code\n\n```py\nprint(1)\n", "utf-8")
    done = CliRunner().invoke(main, ["check", str(course)])
    found = [line for line in done.output.splitlines() if "slide.fence-unclosed" in line]
    assert len(found) == 1 and f"lesson.md:{lines + 6}:" in found[0]
    assert "never closed" in found[0] and done.exit_code == 0


def test_a_fence_outside_a_list_holds_lines_left_of_it_for_every_reader() -> None:
    markdown = "  ```yaml\n---\ntitle: x\n# a comment\n  ```\n\nAfter"
    slides = split_slides(f"# A\n\n{markdown}", 1)
    assert [slide.title for slide in slides] == ["A"] and slides[0].stray_headings == ()
    assert slides[0].unclosed_fence == 0
    shown = [b.runs[0].text for b in parse_blocks(markdown) if b.runs[0].code]
    assert shown == ["---", "title: x", "# a comment"]
    code = lesson_code(markdown)
    assert code == ["---\ntitle: x\n# a comment\n"]


def test_a_fence_closed_at_the_end_of_a_lesson_is_no_unclosed_one() -> None:
    (slide,) = split_slides("# A\n\n  ```\ncode at the margin\n  ```\n", 1)
    assert slide.unclosed_fence == 0
    assert lesson_code("  ```\ncode at the margin\n  ```") == ["code at the margin\n"]


def lesson_code(markdown: str) -> list[str]:
    """The text of each code block of a lesson's HTML."""
    root = html.fragment_fromstring(str(render_markdown(markdown)), create_parent="div")
    return [code.text or "" for code in root.iter("code")]


@pytest.mark.parametrize(("markdown", "code"), [
    ("* * *\n\n  ```yaml\n---\ntitle: x\n  ```\n\nAfter", ["---\ntitle: x\n"]),  # a rule
    ("- a\n## Setup\n\n  ```yaml\n---\nkey: 1\n  ```", ["---\nkey: 1\n"]),  # a heading ends it
    ("- a\n> quote\n\n  ```\ncode\n  ```", ["code\n"]),  # a quote ends the list
    ("- a\n```\nx\n```\n\n  ```\ncode\n  ```", ["x\n", "code\n"]),  # so does a fence
    ("- Step\n  ```\n  code\n\nBack\n\n  ```\nnew code\n  ```", ["code\n", "new code\n"]),
    ("See:\n\n    - not an item\n\n  ```\ncode\n  ```", ["- not an item\n", "code\n"]),
])
def test_a_fence_after_a_list_has_ended_holds_lines_left_of_it(markdown: str,
                                                               code: list[str]) -> None:
    (slide,) = split_slides(f"# A\n\n{markdown}", 1)
    assert slide.unclosed_fence == 0
    assert lesson_code(markdown) == code
    shown = [b.runs[0].text for b in parse_blocks(markdown) if b.runs[0].code]
    assert "\n".join(shown) + "\n" == "".join(code)


def test_a_rule_in_an_item_leaves_the_item_open() -> None:
    markdown = "- a\n\n  * * *\n\n    more of a\n\n- b"
    assert not [b for b in parse_blocks(markdown) if b.runs[0].code]
    assert [li.text_content().split()[-1] for li in html.fragment_fromstring(
        str(render_markdown(markdown)), create_parent="div").iter("li")] == ["a", "b"]
