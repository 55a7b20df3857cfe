"""Fenced code under a list item is a code block in that item in lessons, as a fence at
the margin is at the margin: its language kept, a tight item tight, its lines shown past the
fence's indentation (in decks too), code and escaped whatever they look like."""

from __future__ import annotations

import markdown
import pytest

from courseforge.builders.lesson.html_fences import indented_fences
from courseforge.builders.lesson.html_render import render_markdown
from courseforge.builders.pptx.markdown_runs import parse_blocks
from test_lesson_lists import lesson, outline

# Python-Markdown's fenced-code step, as lessons run it on indented fences and quotes
fenced = markdown.Markdown(extensions=["fenced_code"]).preprocessors["fenced_code_block"].run


@pytest.mark.parametrize("markdown", [
    "- Run:\n\n  ```bash\n  make build\n    --verbose\n  ```\n- Done",
    "- Run:\n  ```\n  make build\n    --verbose\n  ```\n- Done",  # right under the item
    "- Run:\n  ~~~~\n  make build\n    --verbose\n  ~~~~\n- Done",
])
def test_a_fence_under_an_item_is_code_in_it(markdown: str) -> None:
    root = lesson(markdown)
    (items,) = root
    first, second = items
    (code,) = first.findall("pre/code")
    assert code.text == "make build\n  --verbose\n"  # its own indentation kept
    assert first.text_content().split()[0] == "Run:" and second.text_content().strip() == "Done"
    assert "bash" not in root.text_content()


def test_what_a_fence_holds_stays_code_and_escaped() -> None:
    markdown = "- Run:\n  ```\n  - not an item\n  <b>bold?</b>\n  ```\n  After."
    root = lesson(markdown)
    (item,) = root[0]
    assert item.find("pre/code").text == "- not an item\n<b>bold?</b>\n"
    assert not item.findall(".//b") and len(root.findall(".//li")) == 1
    assert item.find("pre").tail.strip() == "After."  # a tight item: its text, no paragraph


def test_a_fence_in_a_nested_item_is_code_of_that_item() -> None:
    markdown = "1. a\n   - b\n\n     ~~~\n     code\n     ~~~\n2. c"
    assert outline(str(render_markdown(markdown))) == [(0, "a"), (1, "b"), (0, "c")]
    nested = lesson(markdown).find("ol/li/ul/li")
    assert nested is not None and nested.find("pre/code").text == "code\n"


def test_an_unclosed_fence_ends_where_a_line_leaves_the_item() -> None:
    root = lesson("- a\n  ```\n  unclosed\n\nNext paragraph")
    assert [child.tag for child in root] == ["ul", "p"]
    assert root[0].find("li/pre/code").text == "unclosed\n"


@pytest.mark.parametrize("markdown", [
    "Text\n\n    ```\n    indented code\n    ```", "Text\n\n  ~~~\n  code\n  ~~~",
])
def test_an_indented_fence_outside_a_list_shows_what_the_deck_shows(markdown: str) -> None:
    (code,) = lesson(markdown).findall("pre/code")
    shown = [b for b in parse_blocks(markdown) if b.runs[0].code]
    assert code.text == "".join(b.runs[0].text + "\n" for b in shown)


@pytest.mark.parametrize("markdown", ["```\ntop\n```", "- a\n- b", "Cost: ```x```"])
def test_what_is_no_indented_fence_stays_as_written(markdown: str) -> None:
    lines = markdown.split("\n")
    assert indented_fences(lines, fenced) == lines


def test_a_fence_under_an_item_keeps_its_language_and_a_tight_item_stays_tight() -> None:
    root = lesson("- Run:\n  ```bash\n  make\n  ```\n- Done")
    first, second = root[0]
    assert first.find("pre/code").get("class") == "language-bash"
    assert not root.findall(".//li/p")  # no paragraph: the list stays tight
    assert first.text.strip() == "Run:" and second.text == "Done"


@pytest.mark.parametrize("markdown", [
    "1. Step *one*\n   ```\n   x\n   ```\n   more **b** text\n\n2. Two",
    "- a\n\n- Step *one*\n  ~~~\n  x\n  ~~~\n  more **b** text",
])
def test_a_fence_in_a_paragraph_of_a_loose_item_parts_it(markdown: str) -> None:
    root = lesson(markdown)
    item = next(li for li in root.iter("li") if li.find("pre") is not None)
    assert [child.tag for child in item] == ["p", "pre", "p"]
    assert item[0].text_content() == "Step one" and item[2].text_content() == "more b text"
    assert item[1].find("code").text == "x\n"
    assert not root.findall(".//p//pre")


@pytest.mark.parametrize(("markdown", "code"), [
    ("- a\n   ```\n   code\n     more\n   ```", "code\n  more\n"),  # past the text
    ("- a\n\n          ```\n          code\n          ```", "code\n"),  # as deep as code
    ("Text\n\n    ~~~\n    code\n    ~~~\n\n        more code", "code\n"),
])
def test_a_fence_shows_its_lines_past_its_own_indentation(markdown: str, code: str) -> None:
    root = lesson(markdown)
    assert root.findall(".//pre/code")[0].text == code
    assert not root.findall(".//pre//pre") and not root.findall(".//p//pre")
    shown = [b.runs[0].text for b in parse_blocks(markdown) if b.runs[0].code]
    assert "\n".join(shown[:len(code.splitlines())]) + "\n" == code  # the deck shows the same
