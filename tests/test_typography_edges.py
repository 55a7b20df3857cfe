"""Typographic punctuation where a text comes in pieces, in raw Markdown, in web addresses, and
table captions in indented code: literal strings in lessons, decks and the guide."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from docx import Document
from pptx import Presentation

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.guide.docx_body import MONO
from courseforge.builders.lesson.html_render import render_markdown
from courseforge.builders.pptx.markdown_runs import Paragraph, Table, parse_blocks
from courseforge.builders.pptx.typography import typeset_blocks
from courseforge.loading.table_captions import stray_captions
from courseforge.typography import NARROW_NBSP, typographic

ROOTS = Path(__file__).resolve().parent / "roots"
NB = NARROW_NBSP


def _deck_text(markdown: str, language: str) -> str:
    """A one-paragraph slide body as the deck sets it."""
    (block,) = typeset_blocks(parse_blocks(markdown), language)
    assert isinstance(block, Paragraph)
    return block.text


@pytest.mark.parametrize(("markdown", "language", "html", "text"), [
    ("Sag '*kleines*' Wort", "de", "<p>Sag ‚<em>kleines</em>‘ Wort</p>", "Sag ‚kleines‘ Wort"),
    ("'un *mot*'", "fr", "<p>“un <em>mot</em>”</p>", "“un mot”"),
    ('Say "*very* kind" now', "en", "<p>Say “<em>very</em> kind” now</p>",
     "Say “very kind” now"),
    ("Run 'the `ls` tool' now", "en", "<p>Run ‘the <code>ls</code> tool’ now</p>",
     "Run ‘the ls tool’ now"),
])
def test_a_quote_stays_open_across_the_pieces_of_a_paragraph(
        markdown: str, language: str, html: str, text: str) -> None:
    assert str(render_markdown(markdown, language=language)) == html
    assert _deck_text(markdown, language) == text


def test_a_new_paragraph_starts_with_no_quote_open() -> None:
    html = str(render_markdown("Say 'one\n\n*two*' now", language="en"))
    assert html == "<p>Say ‘one</p>\n<p><em>two</em>’ now</p>"


def test_french_spaced_straight_quotes_open_then_close() -> None:
    assert typographic('Il dit " oui " ici', "fr") == f"Il dit «{NB}oui{NB}» ici"
    assert typographic('"Oui" et " non "', "fr") == f"«{NB}Oui{NB}» et «{NB}non{NB}»"
    assert str(render_markdown('Il dit " *oui* " ici', language="fr")) == \
        f"<p>Il dit «{NB}<em>oui</em>{NB}» ici</p>"
    # English: a spaced quote closes the open one too
    assert typographic('He said " yes " once', "en") == "He said “ yes ” once"


def test_an_autolink_shows_its_address_as_written() -> None:
    html = lxml.html.fragment_fromstring(
        str(render_markdown("See <https://example.org/it's--here...> or \"this\".",
                            language="en")), create_parent="div")
    link = html.xpath(".//a")[0]
    assert link.text_content() == link.get("href") == "https://example.org/it's--here..."
    assert html.text_content() == "See https://example.org/it's--here... or “this”."
    # a URL in prose (or on a slide) keeps its characters, the quotes around it do not
    assert typographic("Open 'https://example.org/don't' now", "en") == \
        "Open ‘https://example.org/don't’ now"
    assert _deck_text("See <https://example.org/it's--here...> or 'this'.", "en") == \
        "See <https://example.org/it's--here...> or ‘this’."
    assert _deck_text("Go to [https://x.org/it's](https://x.org/it's) - it's \"there\"",
                      "en") == "Go to https://x.org/it's – it’s “there”"


def test_indented_code_keeps_a_caption_and_a_table_as_written() -> None:
    code = "    Table: x\n    | a | b |\n    |---|---|"
    html = lxml.html.fragment_fromstring(str(render_markdown(f"Intro\n\n{code}\n\nAfter")),
                                         create_parent="div")
    assert html.xpath(".//pre/code")[0].text == "Table: x\n| a | b |\n|---|---|\n"
    assert not html.xpath(".//table") and not html.xpath(".//caption")
    deck = parse_blocks(f"Intro\n\n{code}\n\nAfter")
    assert [(b.text, b.is_code) for b in deck if isinstance(b, Paragraph)] == [
        ("Intro", False), ("Table: x", True), ("| a | b |", True), ("|---|---|", True),
        ("After", False)]
    assert not any(isinstance(b, Table) for b in deck)
    assert stray_captions("    Table: x\n\nText") == []
    assert stray_captions("\tTable: x\n\nText") == []
    # a caption still counts where it is no code: in a list item, and unindented
    assert stray_captions("Table: x\n\nText") == [0]
    assert stray_captions("- item\n\n    Table: x\n\nText") == [2]
    listed = render_markdown("- item\n\n    Table: x\n\n    | a | b |\n    |---|---|\n"
                             "    | 1 | 2 |\n")
    assert "<caption>x</caption>" in str(listed)


def _write(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The self-assessment course with Markdown (bold, code) in titles, prompts, summary
    and guidance, built as lesson, decks and guide."""
    root = tmp_path_factory.mktemp("marked") / "course"
    shutil.copytree(ROOTS / "self-assessment", root)
    modules = root / "modules"
    _write(modules / "basics" / "quiz.yml", "title: Check the basics",
           "title: 'Check **\"Done\"** and `it''s`'")
    _write(modules / "basics" / "quiz.yml", "prompt: What does a maker focus on?",
           "prompt: 'What does a **\"maker\"** run, `it''s`?'")
    _write(modules / "basics" / "lesson.md", "# Makers and planners",
           "# Makers and **\"planners\"** `it's`")
    _write(modules / "profile" / "quiz.yml", "prompt: What gives you energy at work?",
           "prompt: 'What gives you **\"energy\"** with `it''s`?'")
    _write(root / "course.yml", "summary: Builds things hands-on.",
           "summary: 'Builds **\"real\"** things.'")
    _write(root / "course.yml", "guidance: Look for roles where you ship work every week.",
           "guidance: 'Ship **\"Done\"** work; run `it''s` first.'")
    out = root.parent / "out"
    build(root, out, ["web", "pptx", "guide"], BuildOptions(), lambda _: None)
    return out


def test_the_quiz_form_is_named_by_its_typeset_title_not_its_markdown(marked: Path) -> None:
    tree = lxml.html.parse(str(marked / "web" / "index.html")).getroot()
    form = tree.get_element_by_id("quiz:basics")
    assert form.get("aria-label") == "Check “Done” and it's"
    heading = form.getparent().xpath(".//p[@class='print-heading']")[0].text_content()
    assert heading.endswith(": Check “Done” and it's")


def _document(path: Path) -> Any:
    return Document(str(path))


def test_the_guide_typesets_parsed_markdown(marked: Path) -> None:
    handout = _document(marked / "guide" / "self-assessment-handout.docx")
    texts = [p.text for p in handout.paragraphs]
    assert "Makers and “planners” it's" in texts
    assert "1. What gives you “energy” with it's?" in texts
    assert "Builds “real” things." in texts
    guidance = next(p for p in handout.paragraphs if p.text == "Ship “Done” work; run it's first.")
    assert [r.text for r in guidance.runs if r.bold] == ["“Done”"]
    assert [r.text for r in guidance.runs if r.font.name == MONO] == ["it's"]
    guide = _document(marked / "guide" / "self-assessment-facilitator.docx")
    cells = [c.text for t in guide.tables for row in t.rows for c in row.cells]
    assert "What does a “maker” run, it's?" in cells
    paragraphs = [p.text for p in guide.paragraphs]
    assert "Ship “Done” work; run it's first." in paragraphs
    assert "Answer key: Check “Done” and it's" in paragraphs
    assert not any("**" in t or "`" in t for t in texts + cells + paragraphs)


def test_a_deck_table_cell_keeps_its_quotes_open_across_runs() -> None:
    (table,) = typeset_blocks(parse_blocks("| a |\n|---|\n| '*x*' y |"), "de")
    assert isinstance(table, Table)
    assert "".join(r.text for r in table.rows[0][0]) == "‚x‘ y"


def test_a_deck_title_is_its_markdown_parsed_and_typeset(marked: Path) -> None:
    deck = Presentation(str(marked / "slides" / "basics.pptx"))
    titles = [s.shapes.title.text_frame.text for s in deck.slides if s.shapes.title is not None]
    assert "Makers and “planners” it's" in titles
    assert "What does a “maker” run, it's?" in titles
    assert not any("**" in t or "`" in t for t in titles)
    guide = _document(marked / "guide" / "self-assessment-facilitator.docx")
    assert "Makers and “planners” it's" in [p.text for p in guide.paragraphs]
