"""Text with no Markdown syntax skips the parser: its HTML is the parser's, character for
character, whatever the text and language."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson import html_render, pages, quiz_pages
from courseforge.builders.lesson.html_render import ENGLISH_TEXTS, parsed_html, plain_paragraph

LANGUAGES = ("", "en", "fr", "de", "es")
# letters and punctuation authors write, the characters typesetting changes, and every
# character Markdown reads as syntax somewhere
ALPHABET = ("abcXYZ éßçœ中あ 0123456789 .,;:?!'\"()/%+-=~^{}@$€…–— \u00a0\u202f«»“”‘’"
            "\\`*_[]<>&#|\n\t")
PLAIN = "".join(c for c in ALPHABET if c not in "\\`*_[]<>&#|\n\t~")


def same_as_parser(text: str, language: str) -> str | None:
    """The fast path's HTML, after checking it against the parser's (None: not taken)."""
    fast = plain_paragraph(text, language)
    if fast is not None:
        assert fast == parsed_html(text, (), False, ENGLISH_TEXTS, language), (text, language)
    return fast


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40) | st.text(alphabet=PLAIN, max_size=40),
       st.sampled_from(LANGUAGES))
def test_the_fast_path_gives_the_parsers_html(text: str, language: str) -> None:
    same_as_parser(text, language)


@pytest.mark.parametrize("text", [
    "Why not just one role?", "The PMO Manager's \"toolkit\" -- in 3 steps...",
    "Qu'est-ce qu'un PMO ?", "50% of projects", "Größe: 3/4 (ungefähr)",
])
def test_titles_and_choices_take_the_fast_path(text: str) -> None:
    for language in LANGUAGES:
        assert same_as_parser(text, language) is not None


@pytest.mark.parametrize("text", [
    "*Stress*", "Use `code`", "A [link](https://example.org)", "1. First", "- item",
    "# Heading", "> quote", "a | b", "Tom & Jerry", "<b>bold</b>", "back\\slash",
    " padded", "trailing ", "two\nlines", "snake_case", "~~~", "", "\u00a0nbsp",
])
def test_text_with_syntax_goes_to_the_parser(text: str) -> None:
    assert plain_paragraph(text, "en") is None


def test_every_text_of_the_bundled_lessons_renders_as_before(
        bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []
    convert = html_render._convert

    def spy(text: str, images: tuple[tuple[str, str], ...], raw_html: bool,
            texts: html_render.MarkdownTexts, language: str) -> str:
        seen.append((text, language))
        return convert(text, images, raw_html, texts, language)

    monkeypatch.setattr(html_render, "_convert", spy)
    # an earlier build of the same course in this process may have rendered them already
    pages._module_pages.cache_clear()
    quiz_pages._quiz_data.cache_clear()
    build(bundled, tmp_path, ["web"], BuildOptions(), lambda _: None)
    fast = [text for text, language in seen if same_as_parser(text, language) is not None]
    # most texts are titles and choices: the parser is left for what needs it
    assert len(fast) > 0.8 * len(seen) > 400
