"""Reading typed fields out of located YAML mappings, collecting diagnostics as it goes."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from ..errors import Diagnostic, did_you_mean, error
from .located_yaml import LocatedDict, LocatedList

T = TypeVar("T")

ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
ID_RULE = "letters, digits, '-' and '_', starting with a letter, at most 64 characters"

_TYPE_NAMES: dict[type, str] = {
    bool: "true or false",
    str: "text",
    int: "a whole number",
    float: "a number",
    list: "a list",
    dict: "a mapping",
}


class Fields:
    """A view of one YAML mapping that reads fields and reports problems with their lines.

    Every read records the key as known; :meth:`finish` reports the unknown ones.
    """

    def __init__(self, data: LocatedDict, path: str, what: str, diagnostics: list[Diagnostic]):
        self.data = data
        self.path = path
        self.what = what
        self.diagnostics = diagnostics
        self.known: set[str] = set()

    @property
    def line(self) -> int:
        """The line of the mapping."""
        return self.data.line

    def line_of(self, key: str) -> int:
        """The line of a key (or of the mapping)."""
        return self.data.line_of(key)

    def report(self, key: str | None, message: str, code: str) -> None:
        """Record an error at a key's line."""
        line = self.line_of(key) if key else self.line
        self.diagnostics.append(error(self.path, line, message, code))

    def get(self, key: str, kind: type[T], default: T, *, required: bool = False) -> T:
        """The value of ``key`` if it has type ``kind``; else report and return ``default``."""
        self.known.add(key)
        if key not in self.data or self.data[key] is None:
            if required:
                self.report(
                    None, f"{self.what} is missing the required field '{key}'", "field.missing"
                )
            return default
        value = self.data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)  # type: ignore[return-value]
        if kind is float and isinstance(value, float) and not math.isfinite(value):
            self.report(key, f"'{key}' of {self.what} must be a finite number, not {value}",
                        "field.type")
            return default
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            written = self.data.raw_text(key)  # version: 1.10 stays 1.10, not 1.1
            return (written if written is not None else str(value))  # type: ignore[return-value]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            expected = next(name for base, name in _TYPE_NAMES.items() if issubclass(kind, base))
            # A wrong list or mapping hides whole parts of the course from later checks.
            code = "field.structure" if issubclass(kind, (list, dict)) else "field.type"
            hint = (" (YAML reads an unquoted yes, no, on, off, true or false as true/false: "
                    "put the text in quotes)") if kind is str and isinstance(value, bool) else ""
            self.report(
                key, f"'{key}' of {self.what} must be {expected}, not {_describe(value)}{hint}",
                code)
            return default
        if kind is str:
            return value.strip()  # type: ignore[no-any-return, attr-defined]
        return value  # type: ignore[no-any-return]

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        """A text field."""
        return self.get(key, str, default, required=required)

    def identifier(self, key: str) -> str:
        """A required id in the SCORM identifier grammar."""
        value = self.text(key, required=True)
        if value and not ID_PATTERN.match(value):
            self.report(
                key, f"'{key}' of {self.what} is '{value}': ids use {ID_RULE}", "id.invalid"
            )
        return value

    def mappings(self, key: str, *, required: bool = False) -> Iterator[tuple[Fields, int]]:
        """Each item of a list of mappings, as Fields, with its index."""
        items = self.get(key, list, LocatedList(), required=required)
        lines = getattr(items, "item_lines", [self.line_of(key)] * len(items))
        for index, item in enumerate(items):
            if isinstance(item, LocatedDict):
                yield Fields(item, self.path, f"{key}[{index + 1}]", self.diagnostics), index
            else:
                self.diagnostics.append(
                    error(
                        self.path,
                        lines[index],
                        f"item {index + 1} of '{key}' must be a mapping, not {_describe(item)}",
                        "field.structure",
                    )
                )

    def strings(self, key: str) -> tuple[tuple[str, int], ...]:
        """A list of texts with their lines."""
        items = self.get(key, list, LocatedList())
        lines = getattr(items, "item_lines", [self.line_of(key)] * len(items))
        result = []
        for value, line in zip(items, lines, strict=False):
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                result.append((str(value).strip(), line))
            else:
                self.diagnostics.append(
                    error(
                        self.path,
                        line,
                        f"items of '{key}' must be text, not {_describe(value)}",
                        "field.structure",
                    )
                )
        return tuple(result)

    def finish(self, extra_known: Iterable[str] = ()) -> None:
        """Report fields nobody read, with a did-you-mean hint."""
        known = self.known | set(extra_known)
        for key in self.data:
            if key not in known:
                self.report(
                    key,
                    f"unknown field '{key}' in {self.what}{did_you_mean(key, known)}",
                    "field.unknown",
                )


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
