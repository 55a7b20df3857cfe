"""The shipped message catalogues: ``<lang>/LC_MESSAGES/courseforge.po``, keyed by message id.

A catalogue's msgid is a message id such as ``lesson.next`` and its msgstr the text. A
plural message holds one text per gettext plural form; each form is mapped onto the CLDR
plural category it stands for (``one``, ``few``, ``other``...), so Python (Babel) and the
browser (``Intl.PluralRules``) choose a form by the same CLDR rules.
"""

from __future__ import annotations

import functools
import gettext
import importlib.resources
from collections.abc import Mapping
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

DOMAIN = "courseforge"
SOURCE_LANGUAGE = "en"
# a plural message: (category, text) pairs, "other" always among them
Plural = tuple[tuple[str, str], ...]
Message = str | Plural
# integers enough to meet every gettext plural form of the shipped languages
_SAMPLES = (*range(0, 1001), 10**6, 10**6 + 1, 2 * 10**6)


def catalogue_dir() -> Path:
    """The folder holding one ``<lang>/LC_MESSAGES`` folder per shipped language."""
    return Path(str(importlib.resources.files("courseforge.locale")))


def catalogue_path(language: str) -> Path:
    """Where the catalogue of ``language`` (``de``, ``pt_BR``) lives."""
    return catalogue_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_languages() -> tuple[str, ...]:
    """The languages that have a catalogue, English first."""
    found = sorted(p.parent.parent.name for p in catalogue_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *(name for name in found if name != SOURCE_LANGUAGE))


def fallback_chain(tag: str) -> tuple[str, ...]:
    """Catalogue names to try for a language tag, most specific first: de-CH → de_CH, de, en."""
    parts = [p for p in tag.replace("_", "-").split("-") if p]
    names: list[str] = []
    for size in range(len(parts), 0, -1):
        head = parts[:size]
        name = "_".join([head[0].lower(), *(p.upper() if len(p) == 2 else p for p in head[1:])])
        names.append(name)
    if SOURCE_LANGUAGE not in names:
        names.append(SOURCE_LANGUAGE)
    return tuple(names)


def babel_locale(tag: str) -> Locale:
    """The most specific Babel locale for a tag (its plural rules and number formats), else en."""
    for name in fallback_chain(tag):
        try:
            return Locale.parse(name)
        except (ValueError, UnknownLocaleError):
            continue
    return Locale.parse(SOURCE_LANGUAGE)


def read_catalogue(path: Path) -> Catalog:
    """A ``.po`` file read with Babel."""
    with path.open("rb") as stream:
        return read_po(stream, domain=DOMAIN)


@functools.cache
def messages_of(language: str) -> Mapping[str, Message]:
    """The messages of one shipped catalogue (empty when there is none), by message id."""
    path = catalogue_path(language)
    if not path.is_file():
        return {}
    catalogue = read_catalogue(path)
    categories = plural_categories(catalogue, language)
    found: dict[str, Message] = {}
    for message in catalogue:
        if not message.id:
            continue  # the header
        if isinstance(message.id, (tuple, list)):
            string = message.string
            forms = [string] if isinstance(string, str) else list(string or ())
            pairs = {categories.get(i, "other"): str(text) for i, text in enumerate(forms)
                     if text}
            if pairs:
                found[str(message.id[0])] = tuple(sorted(pairs.items()))
        elif isinstance(message.string, str) and message.string and not message.fuzzy:
            found[str(message.id)] = message.string
    return found


def plural_categories(catalogue: Catalog, language: str) -> dict[int, str]:
    """Which CLDR category each gettext plural form of a catalogue stands for."""
    choose = gettext.c2py(catalogue.plural_expr)
    locale = babel_locale(language)
    categories: dict[int, str] = {}
    for n in _SAMPLES:
        categories.setdefault(choose(n), locale.plural_form(n))
    return categories


def resolved_messages(tag: str) -> dict[str, Message]:
    """Every message for a language tag: English, overlaid by each more specific catalogue."""
    merged: dict[str, Message] = {}
    for name in reversed(fallback_chain(tag)):
        merged.update(messages_of(name))
    return merged
