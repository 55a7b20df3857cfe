"""Finding English the tool wrote into an output of a course in another language.

A leak is a phrase of an English label (the words between its placeholders) found as whole
words in the output, unless the course's own language writes that phrase the same way (a
German "Agenda" is no leak) or the course's authors wrote it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from courseforge.locale import Message, messages_of, resolved_messages

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?::[0-9]*d)?\}")


def _texts(message: Message) -> list[str]:
    return [message] if isinstance(message, str) else [text for _, text in message]


def _phrases(messages: Iterable[Message]) -> set[str]:
    found = set()
    for message in messages:
        for text in _texts(message):
            for part in PLACEHOLDER.split(text):
                part = part.strip(" .:;,()?!·“”«»\u00a0\u202f-–—→←✓✗")
                if len(part) >= 3 and re.search(r"[A-Za-z]{3}", part):
                    found.add(part)
    return found


@functools.cache
def english_phrases(language: str) -> frozenset[str]:
    """English label phrases that would be a leak in a course in ``language``."""
    own = " \n ".join(t for m in resolved_messages(language).values() for t in _texts(m))
    return frozenset(p for p in _phrases(messages_of("en").values())
                     if not _whole_words(p, own))


def _whole_words(phrase: str, text: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text) is not None


def english_leaks(output: str, language: str, authored: str = "") -> list[str]:
    """The English label phrases found in ``output`` that the authors did not write."""
    return sorted(p for p in english_phrases(language)
                  if _whole_words(p, output) and not _whole_words(p, authored))


# English words a German or Arabic text does not use: a text of the tool that never reached
# the catalogue still shows up through them
ENGLISH_WORDS = frozenset([
    "the", "and", "of", "you", "your", "with", "this", "that", "these", "what", "which", "when",
    "there", "their", "is", "are", "would", "should", "could", "has", "have", "been", "only",
    "each", "every", "from", "into", "about", "answer", "answers", "question", "questions",
    "correct", "choose", "select", "page", "next", "previous", "submit", "result", "score", "try",
    "again", "minutes",
])


def english_words(output: str, authored: str = "") -> list[str]:
    """English words in ``output`` that the authors did not write."""
    own = {w.lower() for w in re.findall(r"[A-Za-z]+", authored)}
    found = {w.lower() for w in re.findall(r"(?<![\w/.#-])[A-Za-z]+(?![\w/.-])", output)}
    return sorted((found & ENGLISH_WORDS) - own)
