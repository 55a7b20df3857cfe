"""Typographic quotes, apostrophes, dashes and ellipses: one rule for decks, guide and lessons.

Straight quotes become the language's curly ones ("..." -> “...” in English, „...“ in
German, « ... » in French with narrow no-break spaces), an apostrophe after a letter
becomes ’, a spaced hyphen or double hyphen an en dash, a triple hyphen between words an
em dash, three dots an ellipsis. Callers keep code, attributes and anything compared with
an answer out of it; labels from the catalogues are typeset by their translators. Web
addresses keep their characters, and a :class:`Typesetter` carries open quotes from one piece
of a paragraph (a run, a text node) to the next.
"""

from __future__ import annotations

import functools
import re

NARROW_NBSP = "\u202f"

# language -> (double open, double close, single open, single close)
QUOTES = {
    "en": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "nl": ("“", "”", "‘", "’"),
    "pt": ("“", "”", "‘", "’"),
    # the Real Academia recommends angle quotes first, English ones inside them
    "es": ("«", "»", "“", "”"),
    # French sets a narrow no-break space inside « », and “ ” inside them
    "fr": (f"«{NARROW_NBSP}", f"{NARROW_NBSP}»", "“", "”"),
    # guillemets mirror in right-to-left text, so the logical order is the same as French
    "ar": ("«", "»", "‹", "›"),
}
_SPACES = frozenset(" \u00a0")
# a web address as written: its quotes, dashes and dots are part of it; in prose, punctuation
# that ends it (a closing quote, a full stop) is the sentence's, in <...> all is the address's
URL = re.compile(r"(<(?:https?://|ftp://|mailto:)[^\s<>]+>"
                 r"|(?:(?:https?|ftp)://|mailto:)[^\s<>\"]*[^\s<>\"'.,;:!?)\]])")
_OPENING_BEFORE = set(" \t\n([{<–—/-\u00a0" + NARROW_NBSP)
# French: the space an author types before ; : ! ? » or after « becomes one that never breaks
_FRENCH_SPACES = ((re.compile(r"[ \u00a0](?=[;!?»])"), NARROW_NBSP),
                  (re.compile(r"[ \u00a0](?=:(?:\s|$))"), "\u00a0"),
                  (re.compile(r"(?<=«)[ \u00a0]"), NARROW_NBSP))


_EM_DASH = re.compile(r"(?<=\S)---(?=\S)")
_EN_DASH = re.compile(r"(?<=\s)--?(?=\s)")


@functools.lru_cache(maxsize=64)
def language_quotes(language: str) -> tuple[str, str, str, str]:
    """The quotes of a language tag ('de-CH' -> German), English for others."""
    return QUOTES.get(re.split("[-_]", language)[0].lower(), QUOTES["en"])


class Typesetter:
    """Typographic punctuation over the pieces of one paragraph, in reading order.

    A paragraph's text comes in pieces (runs, text nodes around ``<em>`` or code): the
    character before each piece and the quotes left open carry over from one to the next.
    """

    def __init__(self, language: str, before: str = "") -> None:
        self.quotes = language_quotes(language)
        self.french = self.quotes is QUOTES["fr"]
        self.previous = before
        self.single_open = False  # an opening single quote waits for its closing one
        self.double_open = False

    def restart(self) -> None:
        """A new block begins: nothing before it, no quote open."""
        self.previous, self.single_open, self.double_open = "", False, False

    def verbatim(self, text: str) -> str:
        """A piece kept as written (code, a URL): it only stands before the next one."""
        self.previous = text[-1:] or self.previous
        return text

    def text(self, text: str) -> str:
        """One piece with typographic punctuation; URLs in it keep their characters."""
        if not text:
            return text
        out = []
        for index, part in enumerate(URL.split(text)):
            out.append(self.verbatim(part) if index % 2 else self._prose(part))
        return "".join(out)

    def _prose(self, text: str) -> str:
        if not text:
            return text
        quotes = self.quotes
        text = text.replace("...", "…")
        text = _EM_DASH.sub("—", text)
        text = _EN_DASH.sub("–", text)
        if '"' not in text and "'" not in text:  # no quote: nothing for the loop below
            return self._spaced(text)
        out: list[str] = []
        previous = self.previous
        skip_space = False
        for index, char in enumerate(text):
            if skip_space and char in _SPACES:
                skip_space = False
                continue  # the opening quote carries its own space
            skip_space = False
            if char == '"':
                if not self.double_open and (not previous or previous in _OPENING_BEFORE):
                    char, self.double_open = quotes[0], True
                    skip_space = char[-1] == NARROW_NBSP
                else:
                    char, self.double_open = quotes[1], False
                    if char[0] == NARROW_NBSP and out and out[-1] in _SPACES:
                        out.pop()  # the closing quote carries its own space
            elif char == "'":
                following = text[index + 1:index + 2]
                if not previous or previous in _OPENING_BEFORE:
                    char, self.single_open = quotes[2], True
                elif previous.isalnum() and (following.isalnum() or not self.single_open):
                    char = "’"  # it's, the students' books
                else:
                    char, self.single_open = quotes[3], False
            out.append(char)
            previous = char[-1]
        return self._spaced("".join(out))

    def _spaced(self, typeset: str) -> str:
        """French spaces around punctuation; the piece's last character kept for the next."""
        if self.french:
            for pattern, space in _FRENCH_SPACES:
                typeset = pattern.sub(space, typeset)
        self.previous = typeset[-1:] or self.previous
        return typeset


@functools.lru_cache(maxsize=1 << 14)  # the decks' notes and titles, again in the guide
def typographic(text: str, language: str, before: str = "") -> str:
    """``text`` with typographic punctuation; ``before`` is the character preceding it."""
    return Typesetter(language, before).text(text) if text else text
