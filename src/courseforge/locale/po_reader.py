"""A quick reader for the ``.po`` catalogues the project ships, reading them as Babel does.

Babel's reader builds a full catalogue (message objects, the header parsed as e-mail) and
imports about 30 ms of modules to do it; a command that only needs a few labels paid for it
on every run. This reader takes the plain syntax a ``.po`` writer produces (a header first,
then ``msgid`` / ``msgid_plural`` / ``msgstr`` / ``msgstr[N]`` entries with comments and
quoted continuation lines) and reads it the way Babel reads it: the same lines stripped,
the same escapes, the same fuzzy flags, the same plural header. Anything else (obsolete
``#~`` entries, contexts, conflict markers, duplicate ids, a form beyond ``nplurals``, a
header it does not parse the same way, a charset other than UTF-8, a stray line) makes it
return None, and the caller reads the file with Babel: where Babel would warn or fail, or
where the two could differ, Babel decides. tests/test_po_reader.py holds the two readers
to the same messages on the shipped catalogues and on generated ones.
"""

from __future__ import annotations

import re

# (message id, the texts: one for a plain message, one per form for a plural, fuzzy)
Entry = tuple[str, str | tuple[str, ...], bool]
# (number of plural forms, plural expression, entries in file order)
PoFile = tuple[int, str, list[Entry]]

_ESCAPE = re.compile(r'\\([\\"abfnrtv])')
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_PLURAL_KEYWORD = re.compile(r"msgstr\[(0|[1-9][0-9]*)\]")
_HEADER_LINE = re.compile(r"([A-Za-z0-9-]+):[ \t]*([^\r]*)")
_PLURAL_COUNT = re.compile(r"[1-9][0-9]?")
_PLURAL_EXPRESSION = re.compile(r"[0-9n ()?:%<>=!&|+*/-]+")
_BYTES_WHITESPACE = " \t\n\r\x0b\x0c"  # what bytes.strip() removes, as Babel strips each line


class _Unusual(Exception):
    """The file holds something this reader leaves to Babel."""


def _unquote(token: str) -> str:
    """One quoted piece of a message, its escapes replaced (Babel's ``unescape``)."""
    if len(token) < 2 or token[0] != '"' or token[-1] != '"':
        raise _Unusual
    inner = token[1:-1]
    if "\\" not in inner:
        return inner
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), inner)


class _Reader:
    """The state of one pass over the lines."""

    def __init__(self) -> None:
        self.num_plurals: int | None = None
        self.expression = ""
        self.entries: list[Entry] = []
        self.keys: set[str] = set()
        self._reset()

    def _reset(self) -> None:
        self.ids: list[list[str]] = []
        self.strings: list[tuple[int | None, list[str]]] = []
        self.fuzzy = False
        self.current: list[str] | None = None  # the piece a continuation line extends

    def line(self, line: str) -> None:
        """Read one line, already stripped as Babel strips it."""
        if line[0] == "#":
            if line[1:2] in ("-", "~") or "\u2068" in line or "\u2069" in line:
                raise _Unusual  # conflicts, obsolete entries, isolates in a location
            self.finish()
            if line[1:2] == "," and "fuzzy" in (flag.strip() for flag in
                                                 line[2:].lstrip().split(",")):
                self.fuzzy = True
        elif line[0] == '"':
            if self.current is None:
                raise _Unusual
            self.current.append(_unquote(line.strip()))
        else:
            self.keyword(*line.partition(" ")[::2])

    def keyword(self, keyword: str, argument: str) -> None:
        """A ``msgid``, ``msgid_plural``, ``msgstr`` or ``msgstr[N]`` line."""
        piece = [_unquote(argument.strip())]
        if keyword == "msgid":
            self.finish()
            self.ids.append(piece)
        elif keyword == "msgid_plural":
            if len(self.ids) != 1 or self.strings:
                raise _Unusual
            self.ids.append(piece)
        elif keyword == "msgstr" or keyword.startswith("msgstr["):
            index = None
            if keyword != "msgstr":
                found = _PLURAL_KEYWORD.fullmatch(keyword)
                if found is None:
                    raise _Unusual
                index = int(found.group(1))
            if not self.ids or any(given == index for given, _ in self.strings):
                raise _Unusual
            self.strings.append((index, piece))
        else:
            raise _Unusual
        self.current = piece

    def finish(self) -> None:
        """Add the entry read so far, if any."""
        if not self.ids:  # nothing to add; the flags read so far stay for the next entry
            if self.strings:
                raise _Unusual
            return
        if not self.strings:
            raise _Unusual  # Babel warns of the missing msgstr
        message_id = "".join(self.ids[0])
        if len(self.ids) == 1:
            if len(self.strings) != 1 or self.strings[0][0] is not None:
                raise _Unusual
            self._add(message_id, "".join(self.strings[0][1]))
        else:
            if self.num_plurals is None or any(
                    index is None or index >= self.num_plurals for index, _ in self.strings):
                raise _Unusual
            forms = [""] * self.num_plurals
            for index, piece in self.strings:
                forms[index] = "".join(piece)  # type: ignore[index]
            self._add(message_id, tuple(forms))
        self._reset()

    def _add(self, message_id: str, texts: str | tuple[str, ...]) -> None:
        if self.num_plurals is None:  # the first entry must be the header
            if message_id or not isinstance(texts, str):
                raise _Unusual
            self._header(texts)
            return
        if not message_id or message_id in self.keys:
            raise _Unusual
        self.keys.add(message_id)
        self.entries.append((message_id, texts, self.fuzzy))

    def _header(self, text: str) -> None:
        """The plural forms and charset of the header entry, read as Babel reads them."""
        headers: dict[str, str] = {}
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        for line in lines:
            found = _HEADER_LINE.fullmatch(line)
            if found is None or found.group(1).lower() in headers:
                raise _Unusual  # Babel reads each of a repeated header: it might fail on one
            headers[found.group(1).lower()] = found.group(2)
        if "content-type" in headers and headers["content-type"].lower() not in (
                "text/plain; charset=utf-8", "text/plain;charset=utf-8"):
            raise _Unusual
        if "plural-forms" not in headers:
            raise _Unusual  # Babel would take them from the Language header's locale
        value = headers["plural-forms"]
        if any(mark in value for mark in "\"'\\*"):
            raise _Unusual
        params: dict[str, str] = {}
        for part in value.split(";"):  # as e-mail parameters: a part without "=" is a name
            name, equals, setting = part.partition("=")
            params[name.strip().lower() if equals else part.strip()] = setting.strip()
        count = params.get("nplurals", "2")
        expression = params.get("plural", "(n != 1)")
        if (not _PLURAL_COUNT.fullmatch(count)
                or not _PLURAL_EXPRESSION.fullmatch(expression)
                or (expression.startswith("<") and expression.endswith(">"))):
            raise _Unusual
        self.num_plurals = int(count)
        self.expression = expression


def read_plain_po(data: bytes) -> PoFile | None:
    """The plural forms and entries of a ``.po`` file, or None when Babel must read it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    reader = _Reader()
    try:
        for raw in text.split("\n"):
            line = raw.strip(_BYTES_WHITESPACE)
            if line:
                reader.line(line)
        reader.finish()
    except _Unusual:
        return None
    if reader.num_plurals is None:
        return None
    return reader.num_plurals, reader.expression, reader.entries
