"""Nested lists in lessons: items nest by the decks' rule, two spaces or four, and what
continues an item keeps its meaning; a list written four spaces a level is left as it is."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson.files import lesson_members
from courseforge.builders.lesson.html_lists import four_space_lists
from courseforge.builders.lesson.html_render import render_markdown
from courseforge.builders.pptx.markdown_runs import BULLET, NUMBER, Paragraph, parse_blocks
from courseforge.loading import load_checked
from html_nesting import around_code

LISTS = ("ul", "ol")


def own_text(item: html.HtmlElement) -> str:
    """An item's text without its nested lists' and code blocks', on one line."""
    parts = [item.text or ""]
    for child in item:
        if child.tag not in (*LISTS, "pre"):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def outline(markup: str) -> list[tuple[int, str]]:
    """Each list item of an HTML fragment as (nesting depth, its own text), in order."""
    root = html.fragment_fromstring(markup, create_parent="div")
    return [(sum(a.tag in LISTS for a in li.iterancestors()) - 1, own_text(li))
            for li in root.iter("li")]


def lesson(markdown: str) -> html.HtmlElement:
    """A lesson's HTML for some Markdown, parsed."""
    return html.fragment_fromstring(str(render_markdown(markdown)), create_parent="div")


def deck_outline(markdown: str) -> list[tuple[int, str]]:
    """Each list item of a slide body as the decks read it: (level, text)."""
    return [(b.level, b.text) for b in parse_blocks(markdown)
            if isinstance(b, Paragraph) and b.kind in (BULLET, NUMBER)]


@pytest.mark.parametrize(("markdown", "expected"), [
    ("- a\n  - b\n- c", [(0, "a"), (1, "b"), (0, "c")]),
    ("- a\n  - b\n    - c\n- d", [(0, "a"), (1, "b"), (2, "c"), (0, "d")]),
    ("1. a\n   - b\n2. c", [(0, "a"), (1, "b"), (0, "c")]),
    ("- a\n\t- b\n\t\t- c\n- d", [(0, "a"), (1, "b"), (2, "c"), (0, "d")]),
    ("- a\n    - b\n        - c\n- d", [(0, "a"), (1, "b"), (2, "c"), (0, "d")]),
    ("- a\n      - b\n  - c", [(0, "a"), (1, "b"), (1, "c")]),  # deeper by any amount
    ("1. a\n  1. b\n2. c", [(0, "a"), (1, "b"), (0, "c")]),
    ("- a\n  - b\n  more b\n- c", [(0, "a"), (1, "b more b"), (0, "c")]),  # a lazy line
])
def test_items_nest_when_indented_deeper(markdown: str, expected: list[tuple[int, str]]) -> None:
    assert outline(str(render_markdown(markdown))) == expected


def test_an_item_nests_in_the_item_above_it() -> None:
    root = lesson("1. Define the scope\n   - Agree it with the sponsor\n2. Plan")
    (numbered,) = root
    assert numbered.tag == "ol" and [li.tag for li in numbered] == ["li", "li"]
    nested = numbered[0].find("ul")
    assert nested is not None and own_text(nested[0]) == "Agree it with the sponsor"


def test_a_loose_list_stays_one_list() -> None:
    root = lesson("- a\n\n  - b\n\n- c\n\n  - d")
    assert [child.tag for child in root] == ["ul"]
    assert outline(str(render_markdown("- a\n\n  - b\n\n- c\n\n  - d"))) == [
        (0, "a"), (1, "b"), (0, "c"), (1, "d")]
    assert root.find("ul/li/p") is not None  # loose: its items' text in paragraphs


@pytest.mark.parametrize("markdown", [
    "- a\n\n  more about a\n\n- b",  # indented as the item's text
    "- a\n\n    more about a\n\n- b",  # four spaces
    "- a\n\n  more about a\n- b",  # the next item right below it
])
def test_an_item_holds_a_second_paragraph(markdown: str) -> None:
    root = lesson(markdown)
    (bullets,) = root
    first, second = bullets
    assert [p.text for p in first.findall("p")] == ["a", "more about a"]
    assert own_text(second) == "b"


def test_a_nested_item_holds_its_own_paragraph() -> None:
    root = lesson("- a\n  - b\n\n    more about b\n\n  more about a")
    inner = root.find("ul/li/ul/li")
    assert inner is not None and [p.text for p in inner.findall("p")] == ["b", "more about b"]
    outer = root.find("ul/li")
    assert outer is not None and [p.text for p in outer.findall("p")] == ["a", "more about a"]


@pytest.mark.parametrize("markdown", [
    "- Run:\n\n      make build\n        --verbose\n- Done",  # four past the item's text
    "- Run:\n\n        make build\n          --verbose\n- Done",  # eight past its marker
    "- a\n  - Run:\n\n        make build\n          --verbose\n- Done",
])
def test_indented_code_inside_an_item(markdown: str) -> None:
    root = lesson(markdown)
    code = root.find(".//li/pre/code")
    assert code is not None and code.text == "make build\n  --verbose\n"
    assert own_text(code.getparent().getparent()) == "Run:"
    assert outline(str(render_markdown(markdown)))[-1] == (0, "Done")


def test_indented_code_outside_a_list_stays_code() -> None:
    root = lesson("Text\n\n    - not an item\n      code\n\n- an item")
    assert [child.tag for child in root] == ["p", "pre", "ul"]
    assert root[1][0].text == "- not an item\n  code\n"
    assert outline(str(render_markdown("Text\n\n\t- code\n\n- item"))) == [(0, "item")]


@pytest.mark.parametrize("markdown", ["Intro:\n\n- a\n  - b", "Intro:\n- a\n  - b"])
def test_a_list_after_a_paragraph(markdown: str) -> None:
    root = lesson(markdown)
    assert [child.tag for child in root] == ["p", "ul"]
    assert root[0].text == "Intro:"
    assert outline(str(render_markdown(markdown))) == [(0, "a"), (1, "b")]


def test_what_is_no_list_item_stays_as_written() -> None:
    for markdown in ("Five\n1)six", "- a\n  * * *\n- b", "Cost: 5 - 3"):
        lines = markdown.split("\n")
        assert four_space_lists(lines)[-1] == lines[-1]


@pytest.mark.parametrize(("markdown", "start"), [
    ("1) Define the scope\n2) Agree it", None), ("Steps:\n3) Define\n4) Agree", "3"),
    ("1) Define\n2. Agree", None),  # one numbered list, as in the decks
])
def test_items_numbered_with_a_parenthesis_are_a_numbered_list(markdown: str,
                                                               start: str | None) -> None:
    root = lesson(markdown)
    lists = root.findall("ol")
    assert len(lists) == 1 and not root.findall("ul")
    assert lists[0].get("start") == start
    assert [li.text for li in lists[0]] == [text for _, text in deck_outline(markdown)]
    assert {b.kind for b in parse_blocks(markdown) if isinstance(b, Paragraph)} >= {NUMBER}


def test_a_parenthesis_list_nests_and_is_nested() -> None:
    markdown = "- Plan\n  1) Scope\n  2) Budget\n- Run\n1) Close\n   - Archive"
    root = lesson(markdown)
    assert [child.tag for child in root] == ["ul", "ol"]
    assert root[0][0].find("ol") is not None and root[1][0].find("ul") is not None
    assert outline(str(render_markdown(markdown))) == deck_outline(markdown)


@st.composite
def four_space_list(draw: st.DrawFn) -> list[str]:
    """A list written four spaces a level, with lazy lines, later paragraphs and code, that
    Python-Markdown reads as the decks do: a blank line before an item of the other kind
    than the one above it at its level, and before an item shallower than the block (since
    the last blank line) it would end."""
    lines: list[str] = []
    level = first = 0  # the level of this item and of the block's first line
    kinds: list[bool] = []  # whether the items open at each level are numbered
    for _ in range(draw(st.integers(1, 8))):
        level = draw(st.integers(0, level + 1)) if lines else 0
        marker = draw(st.sampled_from(["-", "*", "1.", "10.", "-  "]))
        parted = kinds[level:level + 1] not in ([], [marker[0].isdigit()]) or level < first
        if parted and lines[-1]:
            lines.append("")
        if not lines or not lines[-1]:
            first = level
        del kinds[level:]
        kinds.append(marker[0].isdigit())
        lines.append(" " * 4 * level + f"{marker} item")
        if draw(st.booleans()):
            lines.append(" " * draw(st.integers(0, 4 * level + 3)) + "lazy")
        extra = draw(st.sampled_from(["", "paragraph", "code"]))
        if extra == "paragraph":
            lines += ["", " " * 4 * (level + 1) + "more"]
        elif extra == "code":
            lines += ["", " " * 4 * (level + 2) + "code",
                      " " * (4 * (level + 2) + draw(st.integers(0, 6))) + "more code"]
        if extra or draw(st.booleans()):
            lines.append("")  # a loose list
    return lines


@settings(max_examples=300, deadline=None)
@given(four_space_list())
def test_a_four_space_list_is_left_as_written(lines: list[str]) -> None:
    assert four_space_lists(["Intro", "", *lines, "", "After"]) == ["Intro", "", *lines, "",
                                                                    "After"]


PIECES = st.sampled_from(["- ", "1. ", "* ", "10) ", "  ", "    ", "\t", "\n", "\n\n", "a",
                          "b c", "```", "```py", "~~~", "| x |", "> ", "* * *", "# "])
INLINE = ("p", "a", "em", "strong", "code", "pre", "td", "th", "h2", "h3", "h4", "h5", "h6")


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[a-z]+", text))


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_any_list_like_text_renders(text: str) -> None:
    lines = text.split("\n")
    moved = four_space_lists(lines)
    # only indentation and blank lines change, and an item's "1)" marker may be written "1."
    kept = [line.strip() for line in lines if line.strip()]
    written = [line.strip() for line in moved if line.strip()]
    assert len(written) == len(kept)
    for line, was in zip(written, kept, strict=True):
        assert line in (was, re.sub(r"^(\d+)\)(?=\s|$)", r"\1.", was))
    root = lesson(text)
    # code shows the ends of lines as written: no marker in it is rewritten ("10." is never
    # written here but by rewriting "10)"), in a quote or an item neither
    for pre in root.iter("pre"):
        for shown in pre.text_content().split("\n"):
            assert not shown.strip() or any(line.expandtabs(4).rstrip().endswith(shown.strip())
                                            for line in lines), shown
    # no word is lost (but a fence's language) or made up (a placeholder left in the page)
    shown_words = sum((words(piece) for piece in root.itertext()), Counter())
    assert not shown_words - words(text)
    on_fences = words("\n".join(line for line in lines if "```" in line or "~~~" in line))
    assert not words(text) - on_fences - shown_words
    # a code block is a block of its own: in no paragraph, inline element, cell or heading
    assert not [around for around in around_code(text) if set(around) & set(INLINE)]


ITEM = st.tuples(st.integers(0, 9), st.sampled_from(["-", "*", "1.", "+", "1)", "10)"]),
                 st.sampled_from(["", "\t"]))
BLOCK_START = st.sampled_from(["## A subheading", "* * *", "> A quote", "# A heading"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(ITEM, ITEM, ITEM, st.tuples(st.integers(0, 3), BLOCK_START)),
                min_size=1, max_size=10))
def test_decks_and_lessons_nest_alike(lines: list[tuple[int, str] | tuple[int, str, str]]
                                      ) -> None:
    """Items at any indentation, and blocks that end a list (a subheading, a rule, a quote)
    at or left of the item above them."""
    parts, above = [], 0  # the columns of the item above
    for n, line in enumerate(lines):
        if len(line) == 3:
            spaces, marker, tab = line
            parts.append(f"{tab}{' ' * spaces}{marker} item {n}")
            above = len(parts[-1]) - len(parts[-1].lstrip())
            above += 3 * tab.count("\t")  # a tab counts four
        else:
            parts.append(" " * min(line[0], above) + line[1])
            above = 0
    markdown = "\n".join(parts)
    deck = deck_outline(markdown)
    if any(level >= 4 for level, _ in deck):
        return  # a deck shows five levels at most
    assert outline(str(render_markdown(markdown))) == deck


@pytest.mark.parametrize("markdown", [
    "- a\n  - b\n## Sub\n  - c", "- a\n  - b\n# Sub\n- c", "- a\n  - b\n* * *\n  - c",
    "- a\n  - b\n> Sub\n  - c", "1. a\n   - b\n  ## Sub\n- c",
])
def test_a_subheading_rule_or_quote_ends_the_list(markdown: str) -> None:
    """As in the decks: the block is shown as what it is, and the list after it starts at
    the outermost level (it was read as an item's text, and the next item as code)."""
    page = lesson(markdown)
    assert page.xpath("//h2|//h3|//hr|//blockquote")
    assert "Sub" not in "".join(own_text(li) for li in page.iter("li"))
    assert not page.findall(".//pre")
    assert outline(str(render_markdown(markdown))) == [(0, "a"), (1, "b"), (0, "c")]


def test_a_list_nested_hundreds_deep_renders() -> None:
    """Python-Markdown recurses into each level: a lesson nests 33 at most (a deck 5)."""
    deep = "\n".join("  " * n + f"- item {n}" for n in range(400))
    items = outline(str(render_markdown(deep)))
    assert [text for _, text in items] == [f"item {n}" for n in range(400)]
    assert max(level for level, _ in items) == 32


def test_the_bundled_lesson_nests_key_responsibilities(bundled: Path) -> None:
    page = dict(lesson_members(load_checked(bundled).course, BuildOptions(), "web"))["index.html"]
    slide = html.fromstring(page).get_element_by_id("project-manager.2")
    assert slide.findtext(".//h1") == "Key responsibilities"
    prose = slide.find_class("prose")[0]
    (bullets,) = prose
    assert bullets.tag == "ul" and len(bullets) == 5
    for item in bullets:
        strong, nested = item
        assert strong.tag == "strong" and nested.tag == "ul" and len(nested) == 1
    assert own_text(bullets[0]) == "Planning"
    assert own_text(bullets[0].find("ul/li")).startswith("Builds the plan")
    # the decks read the slide's Markdown with the same levels
    source = (bundled / "modules" / "project-manager" / "lesson.md").read_text(encoding="utf-8")
    body = source.split("# Key responsibilities\n", 1)[1].split(":::", 1)[0]
    assert [level for level, _ in deck_outline(body)] == [0, 1] * 5


@pytest.mark.parametrize("markdown", ["- - -\n    > 10) kept", "* * *\n    > 10) kept"])
def test_indented_code_right_after_a_rule_is_code_as_written(markdown: str) -> None:
    (code,) = lesson(markdown).iter("code")
    assert code.text == "> 10) kept\n"
    assert [b.runs[0].text for b in parse_blocks(markdown) if b.runs[0].code] == [
        "> 10) kept"]
