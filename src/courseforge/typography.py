"""Typographic quotes, apostrophes, dashes and ellipses: one rule for decks, guide and lessons.

Straight quotes become the language's curly ones ("..." -> “...” in English, „...“ in
German, « ... » in French with narrow no-break spaces), an apostrophe after a letter
becomes ’, a spaced hyphen or double hyphen an en dash, a triple hyphen between words an
em dash, three dots an ellipsis. Callers keep code, attributes and anything compared with
an answer out of it; labels from the catalogues are typeset by their translators.
"""

from __future__ import annotations

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
_OPENING_BEFORE = set(" \t\n([{<–—/-\u00a0" + NARROW_NBSP)
# French: the space an author types before ; : ! ? » or after « becomes one that never breaks
_FRENCH_SPACES = ((re.compile(r"[ \u00a0](?=[;!?»])"), NARROW_NBSP),
                  (re.compile(r"[ \u00a0](?=:(?:\s|$))"), "\u00a0"),
                  (re.compile(r"(?<=«)[ \u00a0]"), NARROW_NBSP))


def language_quotes(language: str) -> tuple[str, str, str, str]:
    """The quotes of a language tag ('de-CH' -> German), English for others."""
    return QUOTES.get(re.split("[-_]", language)[0].lower(), QUOTES["en"])


def typographic(text: str, language: str, before: str = "") -> str:
    """``text`` with typographic punctuation; ``before`` is the character preceding it."""
    if not text:
        return text
    quotes = language_quotes(language)
    text = text.replace("...", "…")
    text = re.sub(r"(?<=\S)---(?=\S)", "—", text)
    text = re.sub(r"(?<=\s)--?(?=\s)", "–", text)
    out = []
    previous = before
    single_open = False  # an opening single quote waits for its closing one
    for index, char in enumerate(text):
        if char == '"':
            char = quotes[0] if not previous or previous in _OPENING_BEFORE else quotes[1]
        elif char == "'":
            following = text[index + 1:index + 2]
            if not previous or previous in _OPENING_BEFORE:
                char, single_open = quotes[2], True
            elif previous.isalnum() and (following.isalnum() or not single_open):
                char = "’"  # it's, the students' books
            else:
                char, single_open = quotes[3], False
        out.append(char)
        previous = char[-1]
    typeset = "".join(out)
    if quotes is QUOTES["fr"]:
        for pattern, space in _FRENCH_SPACES:
            typeset = pattern.sub(space, typeset)
    return typeset
