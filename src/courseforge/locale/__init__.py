"""Labels: every text courseforge writes into an output, in the course's language.

``labels_for(course)`` is the one entry point for builders and ``take``::

    labels = labels_for(course)
    labels.text("lesson.next")                       # "Weiter" in a German course
    labels.text("quiz.attempts_left", count=2)       # CLDR plural rules of the language
    labels.percent(66.67)                            # "66,7 %"
    labels.direction                                 # "rtl" for ar, he, fa
    labels.for_browser()                             # the same, for labels.js in the page data

Catalogues live in ``locale/<lang>/LC_MESSAGES/courseforge.po`` (msgid = message id);
a course overrides any label in ``labels.yml``. Command-line diagnostics stay English.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Course, LabelOverride
from .catalogues import (
    SOURCE_LANGUAGE,
    Message,
    fallback_chain,
    messages_of,
    resolved_messages,
    shipped_languages,
)
from .labels import Labels, labels_for_language, placeholders

__all__ = [
    "SOURCE_LANGUAGE", "Labels", "Message", "fallback_chain", "labels_for", "labels_for_language",
    "messages_of", "overrides_for", "placeholders", "resolved_messages", "shipped_languages",
]


def labels_for(course: Course) -> Labels:
    """The labels of a course: its language's catalogue, then its ``labels.yml`` overrides."""
    return labels_for_language(course.language, course_overrides(course))


def course_overrides(course: Course) -> dict[str, Message]:
    """The course's label overrides that apply to its language."""
    return overrides_for(course.language, course.labels)


def overrides_for(language: str, overrides: Iterable[LabelOverride]) -> dict[str, Message]:
    """The overrides that apply to a language tag, the most specific winning."""
    chain = fallback_chain(language)
    applying = [o for o in overrides if not o.language or o.language in chain]
    # weakest first: every language, then en, de, de_CH (the course's own tag wins)
    applying.sort(key=lambda o: chain.index(o.language) if o.language else len(chain),
                  reverse=True)
    return {override.id: override.text for override in applying}
