"""Lists in block quotes nest in lessons as lists outside them do, quotes in quotes too; a
quote without a list to move stays as written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courseforge.builders.lesson.html_lists import quoted_lists
from courseforge.builders.lesson.html_render import render_markdown
from test_lesson_lists import ITEM, lesson, outline


def quoted(markdown: str, depth: int = 1) -> str:
    """The Markdown as a block quote ``depth`` deep."""
    return "\n".join("> " * depth + line for line in markdown.split("\n"))


@pytest.mark.parametrize("depth", [1, 2, 3])
@pytest.mark.parametrize("markdown", [
    "- a\n  - b\n    - c\n- d", "1. a\n   - b\n2. c", "1) a\n  2) b\n- c\n    - d",
    "Intro:\n- a\n  - b", "- a\n\n  more a\n  - b",
])
def test_a_quoted_list_nests_as_it_does_outside_the_quote(markdown: str, depth: int) -> None:
    root = lesson(quoted(markdown, depth))
    quote = root
    for _ in range(depth):
        (quote,) = quote.findall("blockquote")
    assert outline(str(render_markdown(quoted(markdown, depth)))) == \
        outline(str(render_markdown(markdown)))
    assert any(li.find("ul") is not None or li.find("ol") is not None
               for li in quote.iter("li"))


def test_a_quote_beside_its_list_keeps_its_own_nesting() -> None:
    markdown = "> Said:\n>\n> - a\n>   - b\n\n- c\n  - d"
    root = lesson(markdown)
    assert [child.tag for child in root] == ["blockquote", "ul"]
    assert outline(str(render_markdown(markdown))) == [(0, "a"), (1, "b"), (0, "c"), (1, "d")]


@pytest.mark.parametrize("markdown", [
    "> A quote\n>  with a lazy line\n>\n>> and one inside", "  > indented\n  >\n  > quote",
    "> 1.5 million people\n> cost: 5 - 3",
])
def test_a_quote_without_a_list_to_move_stays_as_written(markdown: str) -> None:
    lines = markdown.split("\n")
    assert quoted_lists(lines) == lines


@settings(max_examples=200, deadline=None)
@given(st.lists(ITEM, min_size=1, max_size=8), st.integers(1, 3))
def test_any_quoted_list_reads_as_the_list(items: list[tuple[int, str, str]], depth: int) -> None:
    # the first item at the margin (indented four it would be code, not a list); no tabs:
    # after "> " a tab reaches the next tab stop of the line, two columns less in the quote
    items = [(0, items[0][1], ""), *items[1:]]
    markdown = "\n".join(f"{' ' * spaces}{marker} item {n}"
                         for n, (spaces, marker, _) in enumerate(items))
    assert outline(str(render_markdown(quoted(markdown, depth)))) == \
        outline(str(render_markdown(markdown)))
