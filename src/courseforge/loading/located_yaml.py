"""YAML parsing that keeps the line of every mapping key and list item.

PyYAML's composer gives nodes with positions; this module turns them into plain
dicts and lists (subclasses that remember lines) so the loader can point at the
exact line of any field.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

import yaml

from ..errors import Diagnostic, error
from .files import NOT_XML
from .yaml_compose import compose_fast, fast_path_available, libyaml_reads_alike

MAX_DEPTH = 50
MAX_NODES = 200_000  # guards against alias bombs ("billion laughs")
# PyYAML's own parser reads every document; libyaml only those a scan proves it reads the
# same (yaml_compose.py), and every message comes from PyYAML's parser


class LocatedDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key.

    ``raw`` keeps the text of plain values YAML read as numbers (``version: 1.10``), so a
    text field gets what the author wrote rather than the number's own spelling (1.1).
    """

    line: int
    key_lines: dict[str, int]
    raw: dict[str, str]

    def raw_text(self, key: str) -> str | None:
        """The written text of a value YAML read as a number, or None."""
        return getattr(self, "raw", {}).get(key)

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    """A list that knows its own line and the line of each item."""

    line: int
    item_lines: list[int]


YAML_TAG_PREFIX = "tag:yaml.org,2002:"
NULL_TAG = YAML_TAG_PREFIX + "null"
STR_TAG = YAML_TAG_PREFIX + "str"
# '#' then no space: a value such as #B23A48 or #1, not a comment an author meant
COMMENT_AFTER_KEY = re.compile(r"^\s*:\s+(#[^\s#].*?)\s*$")
TOO_DEEP = "the document is nested too deeply or expands too far"
QUOTE_HINT = ("a ': ' inside a value starts a mapping: put the whole value in quotes, "
              "as in title: \"Practice check: hygiene\"")


def _empty_plain(node: yaml.Node) -> bool:
    """A value left out (``key:`` or ``{key}``), which YAML reads as null."""
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG and node.value == ""


def _plain(node: yaml.Node) -> bool:
    """An unquoted scalar (PyYAML's parser says style None, libyaml '')."""
    return isinstance(node, yaml.ScalarNode) and not node.style


class _Converter:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.constructor = yaml.constructor.SafeConstructor()  # SafeLoader's own
        self.diagnostics: list[Diagnostic] = []
        self.nodes = 0

    @functools.cached_property
    def lines(self) -> list[str]:
        """The document's lines, for the rare slip that needs the text after a key."""
        return self.text.split("\n")

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        line = node.start_mark.line + 1
        self.nodes += 1
        if depth > MAX_DEPTH or self.nodes > MAX_NODES:
            raise _TooDeep(line)
        if isinstance(node, yaml.MappingNode):
            result = LocatedDict()
            result.line, result.key_lines, result.raw = line, {}, {}
            self.constructor.flatten_mapping(node)
            previous: tuple[str, yaml.Node] | None = None
            for key_node, value_node in node.value:
                key = self.convert(key_node, depth + 1)
                key_line = key_node.start_mark.line + 1
                if isinstance(key, bool):
                    key = "true" if key else "false"
                elif not isinstance(key, str):
                    key = str(key)
                if node.flow_style and previous and self._comma_slip(result, previous,
                                                                    key_node, value_node):
                    continue
                if key in result:
                    self.diagnostics.append(
                        error(self.path, key_line, f"duplicate key '{key}'", "yaml.duplicate-key")
                    )
                if not node.flow_style and _empty_plain(value_node):
                    self._comment_slip(key, key_node)
                result[key] = self.convert(value_node, depth + 1)
                result.key_lines[key] = key_line
                if (_plain(value_node) and isinstance(result[key], (int, float))
                        and not isinstance(result[key], bool)):
                    result.raw[key] = value_node.value
                previous = (key, value_node)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = LocatedList(self.convert(child, depth + 1) for child in node.value)
            items.line = line
            items.item_lines = [child.start_mark.line + 1 for child in node.value]
            return items
        if node.tag == STR_TAG:  # what SafeConstructor gives a text, without its dispatch
            found = NOT_XML.search(node.value)
            if found is not None:  # written as an escape: the file itself held no such byte
                code = ord(found.group())
                hint = (" (write a character past U+FFFF as itself or as \\U0001F600, not as "
                        "two \\u escapes)" if 0xD800 <= code <= 0xDFFF else "")
                self.diagnostics.append(error(
                    self.path, line, f"the text holds the character U+{code:04X}, which no "
                    f"slide, page or document can hold{hint}", "yaml.value"))
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (AttributeError, IndexError, KeyError, TypeError, ValueError, OverflowError):
            # a value its tag cannot take (a: !!int, b: !!float abc, c: 2001-02-30), at its line
            raise yaml.constructor.ConstructorError(
                None, None, f"'{node.value}' is not a value of {_short_tag(node.tag)}",
                node.start_mark) from None

    def _comma_slip(self, result: LocatedDict, previous: tuple[str, yaml.Node],
                    key_node: yaml.Node, value_node: yaml.Node) -> bool:
        """``{text: Disinfect first, then clean}``: the comma ended the text and ``then
        clean`` became a key. Report it with the fix, keep the text whole; True if so."""
        name, before = previous
        if not (_empty_plain(value_node) and _plain(key_node) and _plain(before)):
            return False
        joined = f"{before.value}, {key_node.value}"
        self.diagnostics.append(error(
            self.path, key_node.start_mark.line + 1,
            f"a ',' inside {{...}} ends a value: '{name}' reads '{before.value}' and "
            f"'{key_node.value}' becomes a field of its own; put the text in quotes: "
            f"{name}: \"{joined}\"", "yaml.flow-comma"))
        result[name] = joined
        return True

    def _comment_slip(self, key: str, key_node: yaml.Node) -> None:
        """``brand_colour: #B23A48``: an unquoted '#' starts a comment, the value is empty."""
        mark = key_node.end_mark
        rest = self.lines[mark.line][mark.column:] if mark.line < len(self.lines) else ""
        found = COMMENT_AFTER_KEY.match(rest)
        if found:
            self.diagnostics.append(error(
                self.path, mark.line + 1,
                f"'{key}' is empty: an unquoted '#' starts a YAML comment, so "
                f"'{found.group(1)}' is not read; put the value in quotes: "
                f"{key}: \"{found.group(1)}\"", "yaml.comment-value"))


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def parse_yaml(text: str, path: str, first_line: int = 1, fast: bool = True
               ) -> tuple[Any, list[Diagnostic]]:
    """Parse one YAML document; return its located value (None on failure) and diagnostics.

    ``first_line`` shifts reported lines, for YAML embedded in another file (front matter).
    ``fast`` lets libyaml compose a document the scan admits; what it fails on, PyYAML's
    parser reads again, so each message is PyYAML's.
    """
    if fast and fast_path_available() and libyaml_reads_alike(text):
        try:
            node = compose_fast(text)
        except (yaml.YAMLError, ValueError, OverflowError):
            pass
        else:
            value, diagnostics = _located(node, text, path, first_line)
            if value is not None or node is None:
                return value, diagnostics
    return _parse_pure(text, path, first_line)


def _short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:int`` as an author writes it, ``!!int``."""
    return "!!" + tag.removeprefix(YAML_TAG_PREFIX) if tag.startswith(YAML_TAG_PREFIX) else tag


def _parse_pure(text: str, path: str, first_line: int) -> tuple[Any, list[Diagnostic]]:
    """``parse_yaml`` through PyYAML's own parser."""
    offset = first_line - 1
    loader: yaml.SafeLoader | None = None  # as yaml.compose does, kept for its mark
    try:
        loader = yaml.SafeLoader(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        if problem == "mapping values are not allowed here":
            problem += f" ({QUOTE_HINT})"
        return None, [error(path, line, f"YAML syntax: {problem}", "yaml.syntax")]
    except yaml.YAMLError as exc:
        return None, [error(path, first_line, f"YAML syntax: {exc}", "yaml.syntax")]
    except RecursionError:  # nested deeper than PyYAML's recursive composer reaches
        return None, [error(path, first_line, TOO_DEEP, "yaml.too-deep")]
    except (ValueError, OverflowError):  # PyYAML's parser on "\U0011ffff" and the like
        line = loader.get_mark().line + 1 + offset if loader is not None else first_line
        return None, [error(path, line, "YAML syntax: a \\u or \\U escape names no Unicode "
                            "character", "yaml.syntax")]
    finally:
        if loader is not None:
            loader.dispose()
    return _located(node, text, path, first_line)


def _located(node: yaml.Node | None, text: str, path: str, first_line: int
             ) -> tuple[Any, list[Diagnostic]]:
    """The located value of a composed document, and what reading it found."""
    if node is None:
        return None, []
    offset = first_line - 1
    converter = _Converter(path, text)
    try:
        value = converter.convert(node)
    except _TooDeep as exc:
        return None, [error(path, exc.line + offset, TOO_DEEP, "yaml.too-deep")]
    except yaml.MarkedYAMLError as exc:  # e.g. a tag it will not construct: one line
        mark = exc.problem_mark or exc.context_mark or node.start_mark
        problem = " ".join(filter(None, (exc.context, exc.problem)))
        return None, [error(path, mark.line + 1 + offset, f"YAML value: {problem}", "yaml.value")]
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        return None, [
            error(path, node.start_mark.line + 1 + offset, f"YAML value: {exc}", "yaml.value")
        ]
    if offset:
        _shift(value, offset)
        converter.diagnostics = [replace(d, line=d.line + offset) for d in converter.diagnostics]
    return value, converter.diagnostics


def _shift(value: Any, offset: int) -> None:
    if isinstance(value, LocatedDict):
        value.line += offset
        value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
        for child in value.values():
            _shift(child, offset)
    elif isinstance(value, LocatedList):
        value.line += offset
        value.item_lines = [v + offset for v in value.item_lines]
        for child in value:
            _shift(child, offset)
