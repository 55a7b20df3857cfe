"""What courseforge reads of a language's CLDR data, kept for the shipped languages.

Babel reads a locale's whole CLDR data (its file merged with root's) before it answers the
first plural rule: 17 to 25 ms of every build. courseforge reads little of it: the plural
rules, the number symbols and percent pattern, the list patterns. Beside each shipped
catalogue lies ``cldr.json`` with just that, as the Babel version named in it read it; any
other language tag, or another Babel version, is read from Babel. ``compile_cldr`` (run by
``scripts/update_catalogues.py``) writes the files; a test holds each to Babel's data.
"""

from __future__ import annotations

import functools
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .catalogues import babel_locale, catalogue_path, shipped_languages

if TYPE_CHECKING:
    from babel import Locale
    from babel.plural import PluralRule

_SYMBOLS = ("decimal", "group", "minusSign", "percentSign")
_LIST_KEYS = ("start", "middle", "end", "2")


@dataclass(frozen=True, slots=True, kw_only=True)
class LocaleFacts:
    """A language's CLDR facts courseforge writes with."""

    name: str  # Babel's identifier of the locale (en, pt_BR)
    language: str  # its language subtag
    plural_rules: tuple[tuple[str, str], ...]  # CLDR category -> rule, as Babel writes it
    numbering: str  # the default numbering system (latn, arab...)
    symbols: tuple[tuple[str, str], ...]  # decimal, group, minus and percent signs
    percent_pattern: str  # the percent format's CLDR pattern
    list_patterns: tuple[tuple[str, str], ...]  # standard: start, middle, end, 2

    def plural_form(self, count: float) -> str:
        """The CLDR plural category of ``count``."""
        return _rule(self.plural_rules)(count)


@functools.lru_cache(maxsize=64)
def _rule(rules: tuple[tuple[str, str], ...]) -> PluralRule:
    from babel.plural import PluralRule

    return PluralRule(dict(rules))


def facts_of(locale: Locale) -> LocaleFacts:
    """A Babel locale's facts, read from its CLDR data."""
    system = locale.default_numbering_system
    # a system whose symbols CLDR gives as an alias (bn, mr, ne...) writes Latin ones
    symbols = {**locale.number_symbols["latn"], **locale.number_symbols[system]}
    standard = locale.list_patterns["standard"]
    return LocaleFacts(
        name=str(locale), language=locale.language,
        plural_rules=tuple(sorted(locale.plural_form.rules.items())), numbering=system,
        symbols=tuple((key, symbols[key]) for key in _SYMBOLS),
        percent_pattern=locale.percent_formats[None].pattern,
        list_patterns=tuple((key, standard[key]) for key in _LIST_KEYS))


@functools.cache
def locale_facts(tag: str) -> LocaleFacts:
    """The facts of a language tag: kept beside its catalogue when it names a shipped one
    (and the kept file is this Babel's reading), else read with Babel."""
    kept = _kept(tag)
    return kept if kept is not None else facts_of(babel_locale(tag))


def cldr_path(language: str) -> Path:
    """Where the facts of a shipped language are kept."""
    return catalogue_path(language).with_name("cldr.json")


def cldr_json(facts: LocaleFacts) -> bytes:
    """The kept file of ``facts``, naming the Babel version that read them."""
    from babel import __version__

    written = {key: dict(value) if isinstance(value, tuple) else value
               for key, value in asdict(facts).items()}
    return (json.dumps({"babel": __version__, **written}, indent=1) + "\n").encode("ascii")


def compile_cldr(language: str) -> Path:
    """Write the facts of a shipped language, as Babel reads them."""
    target = cldr_path(language)
    target.write_bytes(cldr_json(facts_of(babel_locale(language))))
    return target


def _kept(tag: str) -> LocaleFacts | None:
    """The facts kept for a shipped language, when this Babel wrote them just so."""
    if tag not in shipped_languages():
        return None
    try:
        data = cldr_path(tag).read_bytes()
        document = json.loads(data)
        if not isinstance(document, dict):
            return None
        document.pop("babel", None)
        fields: dict[str, Any] = {key: tuple(value.items()) if isinstance(value, dict)
                                  else value for key, value in document.items()}
        facts = LocaleFacts(**fields)
    except (OSError, ValueError, TypeError):
        return None
    # written just so (by this Babel, in this order) and of the types the labels read
    return facts if cldr_json(facts) == data and _well_formed(facts) else None


def _well_formed(facts: LocaleFacts) -> bool:
    """Whether every fact is text, and the symbols and list patterns are the ones read."""
    texts = (facts.name, facts.language, facts.numbering, facts.percent_pattern,
             *(text for pairs in (facts.plural_rules, facts.symbols, facts.list_patterns)
               for pair in pairs for text in pair))
    return (all(isinstance(text, str) for text in texts)
            and tuple(key for key, _ in facts.symbols) == _SYMBOLS
            and tuple(key for key, _ in facts.list_patterns) == _LIST_KEYS)
