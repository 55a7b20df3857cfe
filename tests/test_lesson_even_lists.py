"""A list is loose or tight as a whole in lessons (as in CommonMark): where some items hold
their text as a paragraph, every item does; a tight list stays tight."""

from __future__ import annotations

import pytest

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
