"""Lists in block quotes nest in lessons as lists outside them do, quotes in quotes and in
list items too; fenced code in a quote is code; a quote without a list to move stays as
written."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from courseforge.builders.lesson.html_lists import nested_lists
from courseforge.builders.lesson.html_render import render_markdown
from test_lesson_fences import fenced
from test_lesson_lists import ITEM, LISTS, lesson, outline, own_text


def quoted(markdown: str, depth: int = 1, indent: str = "") -> str:
    """The Markdown as a block quote ``depth`` deep, its markers indented by ``indent``."""
    return "\n".join(indent + "> " * depth + line for line in markdown.split("\n"))


def kinds(markup: str) -> list[tuple[int, str, str]]:
    """Each list item of an HTML fragment as (depth in its quote, its list's tag, its text)."""
    root = html.fragment_fromstring(markup, create_parent="div")
    items = []
    for li in root.iter("li"):
        lists = [a for a in li.iterancestors() if a.tag in LISTS or a.tag == "blockquote"]
        inside = len(list(itertools.takewhile(lambda a: a.tag != "blockquote", lists)))
        items.append((inside - 1, li.getparent().tag, own_text(li)))
    return items


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
    assert kinds(str(render_markdown(quoted(markdown, depth)))) == \
        kinds(str(render_markdown(markdown)))
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
    assert nested_lists(lines, fenced) == lines


@settings(max_examples=200, deadline=None)
@given(st.lists(ITEM, min_size=1, max_size=8), st.integers(1, 3))
def test_any_quoted_list_reads_as_the_list(items: list[tuple[int, str, str]], depth: int) -> None:
    # the first item at the margin (indented four it would be code, not a list); no tabs:
    # after "> " a tab reaches the next tab stop of the line, two columns less in the quote
    items = [(0, items[0][1], ""), *items[1:]]
    markdown = "\n".join(f"{' ' * spaces}{marker} item {n}"
                         for n, (spaces, marker, _) in enumerate(items))
    assert kinds(str(render_markdown(quoted(markdown, depth)))) == \
        kinds(str(render_markdown(markdown)))


@settings(max_examples=100, deadline=None)
@given(st.lists(ITEM, min_size=1, max_size=6), st.sampled_from(["- ", "1. ", "1) "]))
def test_a_quoted_list_in_a_list_item_reads_as_the_list(
        items: list[tuple[int, str, str]], marker: str) -> None:
    items = [(0, items[0][1], ""), *items[1:]]
    markdown = "\n".join(f"{' ' * spaces}{item} item {n}"
                         for n, (spaces, item, _) in enumerate(items))
    under = f"{marker}Said\n\n{quoted(markdown, indent=' ' * len(marker))}"
    (quote,) = lesson(under).iter("blockquote")
    assert quote.getparent().tag == "li"
    assert kinds(html.tostring(quote, encoding="unicode")) == \
        kinds(str(render_markdown(markdown)))


@pytest.mark.parametrize(("markdown", "code"), [
    ("> ```\n> 1) step\n> 2) step\n> ```", "1) step\n2) step\n"),
    ("> ~~~\n> - a\n>   - b\n> ~~~\n>\n> After", "- a\n  - b\n"),
    ("> > ```\n> > - a\n> > ```", "- a\n"),
    ("> - an item\n>\n>   ```\n>   1) step\n>   ```", "1) step\n"),
    ("- an item\n\n  > ```\n  > 1) step\n  > ```", "1) step\n"),
])
def test_fenced_code_in_a_quote_is_code_not_a_list(markdown: str, code: str) -> None:
    root = lesson(markdown)
    (pre,) = root.iter("pre")
    assert pre.text_content() == code
    assert next(pre.iterancestors("blockquote"), None) is not None
    assert not [li for li in root.iter("li") if own_text(li) in ("step", "a")]
    assert pre.getparent().tag != "p"


def test_fenced_code_in_a_quote_keeps_its_language() -> None:
    (code,) = lesson("> Run it:\n>\n> ```python\n> print(1)\n> ```").iter("code")
    assert code.get("class") == "language-python"
    assert code.text == "print(1)\n"


def test_indented_code_that_starts_with_a_quote_marker_stays_code() -> None:
    markdown = "Text\n\n    > not a quote\n    > - nor a list"
    (pre,) = lesson(markdown).iter("pre")
    assert pre.text_content() == "> not a quote\n> - nor a list\n"
    assert nested_lists(markdown.split("\n"), fenced) == markdown.split("\n")


@pytest.mark.parametrize(("markdown", "owner"), [
    ("- a\n  > x\n- b", "a"), ("- a\n    > x\n- b", "a"), ("- a\n\t> x\n- b", "a"),
    ("- a\n  - b\n        > x\n- c", "b"), ("1. a\n   > x\n2. b", "a"),
])
def test_a_quote_right_under_an_items_text_is_a_quote_in_it(markdown: str,
                                                             owner: str) -> None:
    root = lesson(markdown)
    (quote,) = root.iter("blockquote")
    assert quote.getparent().tag == "li" and own_text(quote.getparent()).startswith(owner)
    assert quote.text_content().strip() == "x"
    assert ">" not in root.text_content()


def test_a_quote_lazy_in_a_paragraph_at_the_margin_stays_text() -> None:
    root = lesson("Text\n    > not a quote")
    assert root.find(".//blockquote") is None and ">" in root.text_content()


def test_a_quote_of_an_empty_fence_still_parts_the_text_around_it() -> None:
    root = lesson("Before\n> >   ```\nAfter")
    assert [p.text for p in root.iter("p")] == ["Before", "After"]
