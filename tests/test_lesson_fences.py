"""Fenced code under a list item is a code block in that item in lessons, as a fence at
the margin is at the margin: its language kept, its lines shown past the fence's indentation
(in decks too), code and escaped whatever they look like, a block of its own (never in a
paragraph, an inline element, a table or other code), and what follows it not taken in."""

from __future__ import annotations

import markdown
import pytest

from courseforge.builders.lesson.html_fences import fences_set_aside
from courseforge.builders.lesson.html_render import render_markdown
from courseforge.builders.pptx.markdown_runs import parse_blocks
from html_nesting import around_code
from test_lesson_lists import lesson, outline, own_text

# Python-Markdown's fenced-code step, as lessons run it on each fenced block
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
    assert item.findall("p")[-1].text == "After."


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


@pytest.mark.parametrize("markdown", ["- a\n- b", "Cost: ```x```", "```x``` is code",
                                      "- Use\n  ```x``` to mark code\n- Next"])
def test_what_is_no_fence_stays_as_written(markdown: str) -> None:
    lines = markdown.split("\n")
    assert fences_set_aside(lines, fenced) == lines


def test_a_fence_under_an_item_keeps_its_language() -> None:
    root = lesson("- Run:\n  ```bash\n  make\n  ```\n- Done")
    first, second = root[0]
    assert first.find("pre/code").get("class") == "language-bash"
    assert first.find("p").text == "Run:" and second.text_content().strip() == "Done"


@pytest.mark.parametrize(("markdown", "around"), [
    ("1. Step *one*\n   ```\n   x\n   ```\n   more **b** text\n\n2. Two", ("ol", "li")),
    ("- a\n\n- Step *one*\n  ~~~\n  x\n  ~~~\n  more **b** text", ("ul", "li")),
    ("- a\n\n- *Run:\n  ```\n  x\n  ```\n  end*", ("ul", "li")),
    ("1. Step [link\n   ```\n   x\n   ```\n   text](http://e.com)", ("ol", "li")),
    ("- | a | b |\n  | - | - |\n  | 1 | 2 |\n  ```\n  x\n  ```", ("ul", "li")),
    ("> Said:\n> ```\n> x\n> ```\n> and more", ("blockquote",)),
    ("- a\n\n          ```\n          x\n          ```", ("ul", "li")),
    ("- a\n  ```\n  x", ("ul", "li")), ("  ```\n  x", ()),  # unclosed at the end
])
def test_a_fence_is_a_block_of_its_own(markdown: str, around: tuple[str, ...]) -> None:
    assert around_code(markdown) == [around]
    root = lesson(markdown)
    assert root.find(".//pre/code").text == "x\n"
    texts = [t for t in root.itertext() if t.strip() and t != "x\n"]
    assert not any("```" in t or "~~~" in t for t in texts)


@pytest.mark.parametrize(("markdown", "after"), [
    ("- a\n  ```\n  x\n  ```\nNext", ["ul", "p"]),  # at the margin: the list has ended
    ("> ```\n> x\n> ```\nNext", ["blockquote", "p"]),  # no lazy line after code
    ("- a\n  ~~~\n  x\n  ~~~\n  ---", ["ul"]),  # the rule stays in the item
])
def test_what_follows_a_fence_is_not_taken_in(markdown: str, after: list[str]) -> None:
    root = lesson(markdown)
    assert [child.tag for child in root] == after
    if after[-1] == "p":
        assert root[-1].text == "Next"
    else:
        assert root.find("ul/li/hr") is not None


@pytest.mark.parametrize(("markdown", "codes", "paragraphs"), [
    ("- a\n  ```\n  x\n y\n  ```\n- b", ["x\n"], ["a", "y", "b"]),
    ("- Step:\n  ```\nunindented\n  ```\n\nNext", [], ["unindented", "Next"]),
])
def test_a_fence_cut_short_leaves_no_empty_code_block(markdown: str, codes: list[str],
                                                        paragraphs: list[str]) -> None:
    root = lesson(markdown)
    assert [code.text for code in root.iter("code")] == codes
    assert [p.text for p in root.iter("p")] == paragraphs


def test_only_a_closing_fence_closes_one_in_decks_as_in_lessons() -> None:
    markdown = "- a\n  ```\n  ```not closing\n  x\n  ```\n- b"
    assert lesson(markdown).find(".//pre/code").text == "```not closing\nx\n"
    shown = [b.runs[0].text for b in parse_blocks(markdown) if b.runs[0].code]
    assert shown == ["```not closing", "x"]


def test_an_authors_own_code_block_is_left_alone() -> None:
    markdown = "Text <pre>kept</pre> more\n\n- a\n  ```\n  x\n  ```"
    assert str(render_markdown(markdown, raw_html=True)).count("<pre>kept</pre>") == 1


@pytest.mark.parametrize(("markdown", "code"), [
    ("```\nx\n````\ny", "x\n"),  # a longer fence closes, at the margin too
    ("```bash title\nx\n```", "x\n"),  # an info string Python-Markdown cannot read
    ("> ```bash title\n> x\n> ```", "x\n"),
    ("```\nunclosed at the margin", "unclosed at the margin\n"),
])
def test_a_fence_at_the_margin_follows_the_same_rule(markdown: str, code: str) -> None:
    assert [c.text for c in lesson(markdown).iter("code")] == [code]
    shown = [b.runs[0].text for b in parse_blocks(markdown) if b.runs[0].code]
    assert "\n".join(shown) + "\n" == code  # as the deck shows it


def test_inline_code_in_triple_backticks_opens_no_fence() -> None:
    markdown = "- Use\n  ```x``` to mark code\n- Next item"
    first, second = lesson(markdown).iter("li")
    assert first.text_content().split() == ["Use", "x", "to", "mark", "code"]
    assert first.find("code").text == "x" and second.text == "Next item"
    assert not [b for b in parse_blocks(markdown) if b.runs[0].code and len(b.runs) == 1
                and b.runs[0].text.startswith("```")]


@pytest.mark.parametrize("markdown", [
    "1. a\n   > ```\n   > x\n   > ```\n   Then more.\n2. b",
    "- a\n  - b\n    > ```\n    > x\n    > ```\n    Then more.\n  - c",
    "> - a\n>   > ```\n>   > x\n>   > ```\n>   Then more.\n> - b",
])
def test_an_item_goes_on_after_a_quote_that_ends_in_code(markdown: str) -> None:
    root = lesson(markdown)
    item = next(li for li in root.iter("li") if li.find("blockquote") is not None)
    quote = item.find("blockquote")
    assert quote.find("pre/code").text == "x\n"
    after = quote.getnext()  # the paragraph after the quote, in the item
    assert after is not None and after.tag == "p" and after.text == "Then more."
    following = item.getnext()
    assert following is not None and own_text(following) == markdown[-1]


def test_a_quote_in_quoted_code_is_code_as_written() -> None:
    markdown = "> ```markdown\n> > ```\n> > x\n> > ```\n> Text after\n> ```"
    (code,) = lesson(markdown).iter("code")
    assert code.text == "> ```\n> x\n> ```\nText after\n"


@pytest.mark.parametrize(("markdown", "code"), [
    ("- a\n   ```\n   code\n     more\n   ```", "code\n  more\n"),  # past the text
    ("- a\n\n          ```\n          code\n          ```", "code\n"),  # as deep as code
    ("Text\n\n    ~~~\n    code\n    ~~~\n\n        more code", "code\n"),
])
def test_a_fence_shows_its_lines_past_its_own_indentation(markdown: str, code: str) -> None:
    assert lesson(markdown).findall(".//pre/code")[0].text == code
    assert all("pre" not in around for around in around_code(markdown))
    shown = [b.runs[0].text for b in parse_blocks(markdown) if b.runs[0].code]
    assert "\n".join(shown[:len(code.splitlines())]) + "\n" == code  # the deck shows the same


def test_a_quote_that_ends_in_code_keeps_a_tight_list_tight() -> None:
    root = lesson("- a\n  > ```\n  > x\n  > ```\n- b")
    assert not root.findall(".//li/p")
    assert [li.text for li in root.iter("li")] == ["a", "b"]
    assert root.find("ul/li/blockquote/pre/code").text == "x\n"
