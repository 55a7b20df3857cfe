"""A course's labels: every text the tool itself writes into an output, in the course's language."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .catalogues import Message, Plural, resolved_messages
from .cldr import LocaleFacts, locale_facts

if TYPE_CHECKING:
    from .number_format import NumberFormat

# {name}, or {name:02d} with a Python format spec (zero-padded numbers such as minutes)
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([0-9]*d))?\}")
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"})
COUNT = "count"  # the parameter that chooses a plural message's form


def placeholders(message: Message) -> frozenset[str]:
    """The ``{name}`` placeholders of a message (of all its plural forms)."""
    texts = [message] if isinstance(message, str) else [text for _, text in message]
    return frozenset(m.group(1) for text in texts for m in PLACEHOLDER.finditer(text))


@dataclass(frozen=True, slots=True, kw_only=True)
class Labels:
    """The resolved labels of one language: look-ups, plurals, numbers and text direction.

    What they need of the language's CLDR data (``cldr``: kept for the shipped languages,
    else read with Babel, about 20 ms) is read when a plural, a number or the direction is
    first asked for, not for plain labels."""

    language: str  # the course's language tag, as written
    messages: Mapping[str, Message]
    # each message looked up before (the catalogues' layers are read once an id)
    _found: dict[str, Message] = field(default_factory=dict, init=False, repr=False,
                                       compare=False)

    @property
    def facts(self) -> LocaleFacts:
        """What the labels read of the language's CLDR data."""
        return locale_facts(self.language)

    @property
    def numbers(self) -> NumberFormat:
        """How the language writes numbers."""
        return _number_format(self.language)

    @property
    def direction(self) -> str:
        """``rtl`` for right-to-left languages (ar, he, fa...), else ``ltr``."""
        return "rtl" if self.facts.language in RTL_LANGUAGES else "ltr"

    def knows(self, message_id: str | None) -> bool:
        """Whether the labels hold a message of this id."""
        return message_id is not None and self._message(message_id) is not None

    def _message(self, message_id: str) -> Message | None:
        """The message of this id, looked up in the catalogues' layers once per id."""
        message = self._found.get(message_id)
        if message is None and message_id in self.messages:
            message = self._found[message_id] = self.messages[message_id]
        return message

    def text(self, message_id: str, /, **params: Any) -> str:
        """A message with its ``{placeholders}`` filled; a plural message picks its form by
        ``count`` under the language's CLDR rules. Numbers are written as the locale does."""
        message = self._message(message_id)
        if message is None:
            raise KeyError(f"no label '{message_id}'")
        if not isinstance(message, str):
            if COUNT not in params:
                raise TypeError(f"label '{message_id}' is a plural and needs count=")
            message = self.plural_form(message, params[COUNT])
        if "{" not in message:
            return message
        return "".join(piece if isinstance(piece, str)
                       else self._value(message_id, piece[0], piece[1], params)
                       for piece in _pieces(message))

    def plural_form(self, forms: Plural, count: float) -> str:
        """The form of a plural message for ``count`` (``other`` when the form is missing)."""
        chosen = dict(forms)
        category = self.facts.plural_form(abs(count))
        return chosen.get(category) or chosen.get("other") or forms[-1][1]

    def number(self, value: float, decimals: int = 2) -> str:
        """A number as the locale writes it: 1.234,5 in German."""
        return self.numbers.number(value, decimals)

    def percent(self, value: float, decimals: int = 1) -> str:
        """A percentage on 0..100 as the locale writes it: 67 %, 66,7 % in German."""
        return self.numbers.percent(value, decimals)

    def join(self, items: Sequence[str]) -> str:
        """Items as a list in running text: "A, B and C", "A, B et C", "A، B وC"."""
        patterns = self.list_patterns
        if len(items) < 2:
            return "".join(items)
        if len(items) == 2:
            return patterns["2"].format(*items)
        text = patterns["end"].format(items[-2], items[-1])
        for item in reversed(items[1:-2]):
            text = patterns["middle"].format(item, text)
        return patterns["start"].format(items[0], text)

    @property
    def list_patterns(self) -> dict[str, str]:
        """The locale's CLDR patterns for joining a list (``start``, ``middle``, ``end``, ``2``)."""
        return dict(self.facts.list_patterns)

    def for_browser(self) -> dict[str, Any]:
        """What ``labels.js`` reads from the page data: the same look-ups in the browser."""
        return {
            "language": self.language,
            "locale": self.facts.name.replace("_", "-"),
            "direction": self.direction,
            "messages": {key: value if isinstance(value, str) else dict(value)
                         for key, value in sorted(self.messages.items())},
            "numbers": self.numbers.for_browser(),
            "lists": self.list_patterns,
        }

    def _value(self, message_id: str, name: str, spec: str | None,
               params: Mapping[str, Any]) -> str:
        if name not in params:
            raise KeyError(f"label '{message_id}' needs the parameter '{name}'")
        value = params[name]
        if spec and isinstance(value, int) and not isinstance(value, bool):
            return format(value, spec).translate(self.numbers.digit_table)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self.number(value)
        return str(value)


@functools.lru_cache(maxsize=4096)
def _pieces(message: str) -> tuple[str | tuple[str, str | None], ...]:
    """A message's text between its placeholders, and each placeholder as (name, spec)."""
    pieces: list[str | tuple[str, str | None]] = []
    at = 0
    for found in PLACEHOLDER.finditer(message):
        pieces += (message[at:found.start()], (found.group(1), found.group(2)))
        at = found.end()
    pieces.append(message[at:])
    return tuple(piece for piece in pieces if piece != "")


def labels_for_language(language: str,
                        overrides: Mapping[str, Message] | None = None) -> Labels:
    """The labels of a language tag (fallback ``de-CH`` → ``de`` → ``en``), with overrides."""
    return Labels(language=language,
                  messages=MappingProxyType(resolved_messages(language, overrides)))


@functools.cache
def _number_format(language: str) -> NumberFormat:
    from .number_format import number_format

    return number_format(locale_facts(language))
