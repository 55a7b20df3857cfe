"""HTML text in the XML banks: plain text takes a short way, with what the parser would make."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from courseforge.builders.banks import xml_text

TEXTS = ["plain text", "  leading and trailing  ", "tab\there\nand a line", "é ü — “quotes”",
         "x\u00a0y", "a &amp; b &lt;c&gt;", "AT&T", "a\rb", "a\r\nb", "a\x00b", "&copy2",
         "<em>marked</em> up", "text <b>bold</b> tail", "   ", "a\ud800b", "a\ufffeb",
         "a\uffffb", "x\x0cy", "x\x7fy", "\U0001f600 x"]


def _appended(text: str) -> bytes | str:
    """The paragraph with ``text`` appended, or the error that appending it raised."""
    parent = etree.Element("p")
    try:
        xml_text.append_html(parent, text, "urn:x")
    except (ValueError, UnicodeError) as error:
        return type(error).__name__
    return etree.tostring(parent)


@pytest.mark.parametrize("text", TEXTS)
def test_plain_text_is_appended_as_the_html_parser_reads_it(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    short = _appended(text)
    monkeypatch.setattr(xml_text, "_PLAIN", re.compile(r"(?!)"))  # always parse
    assert short == _appended(text)


def test_only_text_without_markup_entities_or_control_characters_takes_the_short_way() -> None:
    plain = [t for t in TEXTS if xml_text._PLAIN.match(t)]
    assert plain == ["plain text", "  leading and trailing  ", "tab\there\nand a line",
                     "é ü — “quotes”", "x\u00a0y", "   ", "\U0001f600 x"]
