"""The shipped message catalogues: ``<lang>/LC_MESSAGES/courseforge.po``, keyed by message id.

A catalogue's msgid is a message id such as ``lesson.next`` and its msgstr the text. A
plural message holds one text per gettext plural form; each form is mapped onto the CLDR
plural category it stands for (``one``, ``few``, ``other``...), so Python (Babel) and the
browser (``Intl.PluralRules``) choose a form by the same CLDR rules. The categories are named
when a plural message is first read, by the language's plural rules (``cldr``), which a
command that reads only plain labels (``check``) never needs.
"""

from __future__ import annotations

import functools
import gettext
from collections import ChainMap
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .compiled import Entry, compiled_json, compiled_path, read_compiled

if TYPE_CHECKING:
    from babel import Locale
    from babel.messages.catalog import Catalog

DOMAIN = "courseforge"
SOURCE_LANGUAGE = "en"
# a plural message: (category, text) pairs, "other" always among them
Plural = tuple[tuple[str, str], ...]
Message = str | Plural
# integers enough to meet every gettext plural form of the shipped languages
_SAMPLES = (*range(0, 1001), 10**6, 10**6 + 1, 2 * 10**6)


def catalogue_dir() -> Path:
    """The folder holding one ``<lang>/LC_MESSAGES`` folder per shipped language."""
    return Path(__file__).parent  # package data beside the module (importlib.resources: 15 ms)


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


@functools.cache
def babel_locale(tag: str) -> Locale:
    """The most specific Babel locale for a tag (its plural rules and number formats), else en."""
    from babel import Locale, UnknownLocaleError

    for name in fallback_chain(tag):
        try:
            return Locale.parse(name)
        except (ValueError, UnknownLocaleError):
            continue
    return Locale.parse(SOURCE_LANGUAGE)


def read_catalogue(path: Path) -> Catalog:
    """A ``.po`` file read with Babel."""
    from babel.messages.pofile import read_po  # with the e-mail parser: 30 ms of imports

    with path.open("rb") as stream:
        return read_po(stream, domain=DOMAIN)


@functools.cache
def messages_of(language: str) -> Mapping[str, Message]:
    """The messages of one shipped catalogue (empty when there is none), by message id."""
    path = catalogue_path(language)
    if not path.is_file():
        return {}
    compiled = read_compiled(path, path.read_bytes())
    if compiled is not None:
        expression, entries = compiled
    else:  # edited since its JSON was written: Babel reads it, and warns where it warns
        expression, entries = babel_reading(path)
    return Catalogue(entries, expression, language)


def babel_reading(path: Path) -> tuple[str, list[Entry]]:
    """A catalogue's plural expression and entries, read with Babel."""
    catalogue = read_catalogue(path)
    return catalogue.plural_expr, list(babel_entries(catalogue))


def compile_catalogue(language: str) -> Path:
    """Write the JSON of a shipped catalogue, as Babel reads it (see ``compiled``)."""
    path = catalogue_path(language)
    target = compiled_path(path)
    target.write_bytes(compiled_json(path.read_bytes(), *babel_reading(path)))
    return target


class Catalogue(Mapping[str, Message]):
    """A catalogue's messages by id, in file order: fuzzy and empty texts left out, each plural
    message's forms named by CLDR category when the message is first read."""

    def __init__(self, entries: Sequence[Entry], expression: str, language: str) -> None:
        self._texts: dict[str, str | tuple[str, ...]] = {
            message_id: texts for message_id, texts, fuzzy in entries
            if (any(texts) if isinstance(texts, tuple) else texts and not fuzzy)}
        self._forms = max((len(t) for t in self._texts.values() if isinstance(t, tuple)),
                          default=0)
        self._expression = expression
        self._language = language
        self._categories: dict[int, str] | None = None
        self._plurals: dict[str, Message] = {}

    def __getitem__(self, message_id: str) -> Message:
        texts = self._texts[message_id]
        if isinstance(texts, str):
            return texts
        if message_id not in self._plurals:
            if self._categories is None:
                self._categories = plural_categories(self._expression, self._language,
                                                     self._forms)
            pairs = {self._categories.get(i, "other"): text for i, text in enumerate(texts)
                     if text}
            self._plurals[message_id] = tuple(sorted(pairs.items()))
        return self._plurals[message_id]

    def __contains__(self, message_id: object) -> bool:
        return message_id in self._texts

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


def babel_entries(catalogue: Catalog) -> Iterator[Entry]:
    """A catalogue read by Babel as (message id, text or plural forms, fuzzy), header left out."""
    for message in catalogue:
        if not message.id:
            continue  # the header
        if isinstance(message.id, (tuple, list)):
            string = message.string
            forms = [string] if isinstance(string, str) else list(string or ())
            yield str(message.id[0]), tuple(str(text) for text in forms), message.fuzzy
        else:
            string = message.string if isinstance(message.string, str) else ""
            yield str(message.id), string, message.fuzzy


def plural_categories(expression: str, language: str, forms: int) -> dict[int, str]:
    """Which CLDR category each of the first ``forms`` gettext plural forms stands for: that of
    the first sample number the plural expression gives the form to."""
    from .cldr import locale_facts

    choose = gettext.c2py(expression)
    facts = locale_facts(language)
    categories: dict[int, str] = {}
    for n in _SAMPLES:
        form = choose(n)
        if form not in categories:
            categories[form] = facts.plural_form(n)
            if all(i in categories for i in range(forms)):
                break  # a later sample adds only forms no text has
    return categories


def resolved_messages(tag: str, overrides: Mapping[str, Message] | None = None
                      ) -> Mapping[str, Message]:
    """Every message for a language tag: English, overlaid by each more specific catalogue,
    then by ``overrides``; in the order of a dict updated that way, read when looked up."""
    layers = [messages_of(name) for name in fallback_chain(tag)]
    return ChainMap(dict(overrides or {}), *layers)  # type: ignore[arg-type] # only read
