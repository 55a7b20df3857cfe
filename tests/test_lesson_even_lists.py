"""A list is loose or tight as a whole in lessons (as in CommonMark): where some items hold
their text as a paragraph, every item does; a tight list stays tight."""

from __future__ import annotations

import pytest

from courseforge.builders.lesson.html_render import render_markdown
from test_lesson_lists import lesson, own_text


@pytest.mark.parametrize("markdown", [
    "- a\n  ```\n  x\n  ```\n- b\n- c",
    "- a\n\n- b\n- c *em* d\n  - nested",
    "1. a\n\n   more\n2. **b** text\n3. c",
])
def test_every_item_of_a_loose_list_is_a_paragraph(markdown: str) -> None:
    root = lesson(markdown)
    outer = root[0]
    items = [li for li in outer if li.tag == "li"]
    assert all(li[0].tag == "p" and not (li.text or "").strip() for li in items)
    assert [li[0].text_content() for li in items][-1] in ("c", "c em d")
    assert own_text(items[-1]).startswith("c")


def test_a_tight_list_and_its_nested_lists_stay_tight() -> None:
    root = lesson("- a\n- b *em*\n  - c\n  - d")
    assert not root.findall(".//p")
    assert [li.text.strip() for li in root.iter("li")] == ["a", "b", "c", "d"]


def test_the_words_and_their_spaces_are_kept() -> None:
    root = lesson("- a\n\n- b\n- c *em* d, [link](https://example.org) e")
    last = root[0][-1]
    assert last[0].text_content() == "c em d, link e"
    assert last[0].find("a").get("href") == "https://example.org"


@pytest.mark.parametrize("markdown", [
    "- - a\n- b\n- c", "- > quoted\n- b", "- ## A heading\n- b",
])
def test_an_item_that_opens_with_a_block_leaves_a_tight_list_tight(markdown: str) -> None:
    root = lesson(markdown)
    assert not [p for p in root.iter("p") if p.getparent().tag == "li"]
    assert root[0][-1].text == markdown[-1]  # the last item's text, bare


def test_author_html_in_an_item_is_not_put_in_a_paragraph() -> None:
    html = str(render_markdown("- a\n\n- b\n- c <div>block</div>", raw_html=True))
    assert "<li>c <div>block</div></li>" in html and "<p></p>" not in html


@pytest.mark.parametrize(("markdown", "raw_html", "last"), [
    ("- a\n\n- b\n- c &copy; d", False, "<li><p>c &copy; d</p></li>"),
    ("- a\n\n- b\n- c <b>x</b> d", True, "<li><p>c <b>x</b> d</p></li>"),
])
def test_an_entity_or_inline_html_is_in_the_paragraph(markdown: str, raw_html: bool,
                                                      last: str) -> None:
    assert last in str(render_markdown(markdown, raw_html=raw_html)).replace("\n", "")
