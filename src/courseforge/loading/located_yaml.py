"""YAML parsing that keeps the line of every mapping key and list item.

PyYAML's composer gives nodes with positions; this module turns them into plain
dicts and lists (subclasses that remember lines) so the loader can point at the
exact line of any field.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import yaml

from ..errors import Diagnostic, error

MAX_DEPTH = 50
MAX_NODES = 200_000  # guards against alias bombs ("billion laughs")
# PyYAML's own parser, never libyaml: libyaml reads some documents differently (an empty
# tag, a BOM inside text, NEL line breaks), and a course must read the same everywhere


class LocatedDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    """A list that knows its own line and the line of each item."""

    line: int
    item_lines: list[int]


class _Converter:
    def __init__(self, path: str) -> None:
        self.path = path
        self.constructor = yaml.SafeLoader("")
        self.diagnostics: list[Diagnostic] = []
        self.nodes = 0

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        line = node.start_mark.line + 1
        self.nodes += 1
        if depth > MAX_DEPTH or self.nodes > MAX_NODES:
            raise _TooDeep(line)
        if isinstance(node, yaml.MappingNode):
            result = LocatedDict()
            result.line, result.key_lines = line, {}
            self.constructor.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = self.convert(key_node, depth + 1)
                key_line = key_node.start_mark.line + 1
                if isinstance(key, bool):
                    key = "true" if key else "false"
                elif not isinstance(key, str):
                    key = str(key)
                if key in result:
                    self.diagnostics.append(
                        error(self.path, key_line, f"duplicate key '{key}'", "yaml.duplicate-key")
                    )
                result[key] = self.convert(value_node, depth + 1)
                result.key_lines[key] = key_line
            return result
        if isinstance(node, yaml.SequenceNode):
            items = LocatedList(self.convert(child, depth + 1) for child in node.value)
            items.line = line
            items.item_lines = [child.start_mark.line + 1 for child in node.value]
            return items
        return self.constructor.construct_object(node, deep=True)


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def parse_yaml(text: str, path: str, first_line: int = 1) -> tuple[Any, list[Diagnostic]]:
    """Parse one YAML document; return its located value (None on failure) and diagnostics.

    ``first_line`` shifts reported lines, for YAML embedded in another file (front matter).
    """
    offset = first_line - 1
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [error(path, line, f"YAML syntax: {problem}", "yaml.syntax")]
    except yaml.YAMLError as exc:
        return None, [error(path, first_line, f"YAML syntax: {exc}", "yaml.syntax")]
    if node is None:
        return None, []
    converter = _Converter(path)
    try:
        value = converter.convert(node)
    except _TooDeep as exc:
        return None, [
            error(
                path,
                exc.line + offset,
                "the document is nested too deeply or expands too far",
                "yaml.too-deep",
            )
        ]
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
