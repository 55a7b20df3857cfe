"""libyaml's fast path reads every document exactly as PyYAML's own parser does.

``parse_yaml`` lets libyaml compose a document only when ``libyaml_reads_alike`` admits
it, and reads with PyYAML's parser whatever libyaml fails on. These tests parse generated
documents and every test course both ways and compare the located values (lines of every
mapping, key and item, the raw text of numbers) and the diagnostics.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUNDLED, ROOTS, require
from courseforge.errors import error
from courseforge.loading import diagnose, located_yaml
from courseforge.loading.located_yaml import LocatedDict, LocatedList, parse_yaml
from courseforge.loading.yaml_compose import (
    compose_fast,
    fast_path_available,
    libyaml_reads_alike,
)

# pieces of YAML syntax and text, joined at random: most joins are valid YAML or close to it
TOKENS = [
    "- ", ": ", ":", "\n", "  ", " ", "[", "]", "{", "}", ", ", ",", "#", " #", "!", "&a ",
    "*a", "'", '"', "|", ">", "|-", ">+", "\t", "?", "? ", "%", "@", "`", "\\", "\\n",
    "\\x41", "\\u00e9", "\\/", "\\ ", "é", "😀", "null", "1.10", "0x1F", "yes", "~", "<<: ",
    "---", "...", "--- ", "a", "b", "key", "text with words", "\u00a0", "\u3000", "12:30",
    "1_000", "-1", ".inf", "2001-12-14", "=", '"\\""', "''", "'it''s'", "-", "\n  ", "\n- ",
    "\n    ", "&", "*", "x:y", "http://a.b/c", "#B23A48", "\n\n", "  - ", "    ", "week's",
    "\ufeff", "\x85", "\u2028", "\r", "\x07",
]
soup = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
    st.sampled_from(["yes", "1.10", "0o17", "#B23A48", "a: b", "x, y", "- z", "'q'", "~", "",
                     " lead", "trail ", "2020-01-01", "<<", "?", "|", "What? Why!"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.text(max_size=8) | st.sampled_from(["id", "<<", "1", "true"]), inner,
                    max_size=4)), max_leaves=15)
dumped = st.builds(
    lambda value, flow, style, width, indent: yaml.safe_dump(
        value, default_flow_style=flow, default_style=style, width=width, allow_unicode=True,
        indent=indent),
    values, st.sampled_from([False, True, None]), st.sampled_from([None, '"', "'", "|", ">"]),
    st.sampled_from([20, 80, 1000]), st.sampled_from([2, 4]))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A dumped document with a few pieces of syntax inserted anywhere."""
    text = draw(dumped)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
    return text


def shape(value: Any) -> Any:
    """Everything the loader reads from a located value, as comparable tuples."""
    if isinstance(value, LocatedDict):
        return ("map", value.line, [(key, value.key_lines.get(key), value.raw.get(key),
                                     shape(item)) for key, item in value.items()])
    if isinstance(value, LocatedList):
        return ("seq", value.line, value.item_lines, [shape(item) for item in value])
    return (type(value).__name__, repr(value))


def assert_same_both_ways(text: str, first_line: int = 1) -> None:
    """The fast path gives what PyYAML's parser gives: value, lines and diagnostics."""
    pure, pure_found = parse_yaml(text, "f.yml", first_line, fast=False)
    fast, fast_found = parse_yaml(text, "f.yml", first_line, fast=True)
    assert (shape(fast), fast_found) == (shape(pure), pure_found), text


@pytest.fixture(autouse=True)
def _libyaml() -> None:
    require(fast_path_available(), "PyYAML with libyaml (python3-yaml, or PyPI's wheels)")


FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(soup, st.sampled_from([1, 4]))
def test_joined_syntax_reads_the_same(text: str, first_line: int) -> None:
    assert_same_both_ways(text, first_line)


@FUZZ
@given(mutated())
def test_dumped_and_mutated_documents_read_the_same(text: str) -> None:
    assert_same_both_ways(text)


@pytest.mark.parametrize("text", [
    "a: !\n", "a: ! b\n", "- !!str\n", "%YAML 1.1\n---\na: b\n",  # tags and directives
    "a: b\ufeffc\n", "a: b\x85c: d\n", "a: b\u2028c\n", "a: b\u2029c\n",  # BOM, NEL, LS, PS
    "a: \x07\n", "a:\tb\n", "\\\t", "a:\n\t- b\n",  # unprintable, tabs
    "a: |#\nb\n", "a: >-x\n",  # block scalar indicators against text
    "{a? b: c}\n", '{"a":b}\n', "[a, 'b'\n, c]\n", "[a #c\n]\n", "[a,\n",  # flow context
    "k" * 1030 + ": v\n", "[" * 2000 + "]" * 2000, "- " * 700 + "a\n",  # long key, nesting
    "a: !!int\n", "!!bool : x\n", "a: !!timestamp soon\n",  # tags their values cannot fit
], ids=lambda text: repr(text[:24]))
def test_what_the_parsers_read_differently_goes_to_pyyaml(text: str) -> None:
    """Each construct where libyaml may read differently (or crash, as on deep nesting)."""
    assert not libyaml_reads_alike(text)
    assert_same_both_ways(text)


@pytest.mark.parametrize("text", [
    '"\\U0011ffff": x\n', '"\\Ua0010000": x\n', '"\\ud800": x\n', "a: '\\x'\n",
    "a: 1.10\nb: 0o17\nc: 1_000\nd: 2001-12-14\n", "a:\n- b\n-\n- {c: d, e}\n",
    "title: Disinfect: first\n", "brand: #B23A48\n", "{text: Clean first, then dry}\n",
    "a: &x [1, 2]\nb: *x\n<<: {c: 3}\n", "a: b\na: c\n", "'a\n  b': >\n  c\n\n  d\n",
])
def test_what_libyaml_fails_on_or_reads_alike_reads_the_same(text: str) -> None:
    """Escapes libyaml refuses, and the slips the loader reports, read the same both ways."""
    assert_same_both_ways(text, 3)


def test_libyaml_really_reads_an_empty_tag_differently() -> None:
    """Why the scan exists: a value tagged ``!`` alone is null to PyYAML, '' to libyaml."""
    text = "a: !\n"
    fast = compose_fast(text).value[0][1]
    pure = yaml.compose(text, Loader=yaml.SafeLoader).value[0][1]
    assert (fast.tag, fast.value) != (pure.tag, pure.value)


def _documents(root: Path) -> list[str]:
    """The YAML documents of a course: its .yml files and its lessons' front matter."""
    documents = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.yml"))]
    for lesson in sorted(root.rglob("*.md")):
        text = lesson.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            documents.append(text[4:].split("\n---\n", 1)[0])
    return documents


@pytest.mark.parametrize("root", [BUNDLED, *sorted(p for p in ROOTS.iterdir() if p.is_dir())],
                         ids=lambda p: p.name)
def test_every_course_loads_the_same_both_ways(root: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    course, found = diagnose(root)
    monkeypatch.setattr(located_yaml, "fast_path_available", lambda: False)
    pure_course, pure_found = diagnose(root)
    assert repr(course) == repr(pure_course)
    assert found == pure_found


def test_the_bundled_course_takes_the_fast_path() -> None:
    """Every YAML document of the bundled course is one the scan admits."""
    documents = _documents(BUNDLED)
    assert len(documents) > 10
    assert [d[:60] for d in documents if not libyaml_reads_alike(d)] == []


@pytest.mark.parametrize(("text", "line", "code"), [
    ("x: 1\na: !!int\n", 2, "yaml.value"), ("x: 1\na: !!timestamp soon\n", 2, "yaml.value"),
    ('a: "\\U0011ffff"\n', 1, "yaml.syntax"), ("[" * 3000 + "]" * 3000, 1, "yaml.too-deep"),
])
def test_what_pyyaml_raised_on_is_one_diagnostic(text: str, line: int, code: str) -> None:
    """These ended in a traceback before; now one located error, read either way."""
    value, found = parse_yaml(text, "f.yml")
    assert value is None
    assert [(d.line, d.code) for d in found] == [(line, code)]


@pytest.mark.parametrize(("value", "message"), [
    ('"\\U0011ffff"', "YAML syntax: a \\u or \\U escape names no Unicode character"),
    ("2001-02-30", "YAML value: '2001-02-30' is not a value of !!timestamp"),
    ("!!float abc", "YAML value: 'abc' is not a value of !!float"),
    ("!!int", "YAML value: '' is not a value of !!int"),
], ids=["escape", "timestamp", "float", "empty-int"])
@pytest.mark.parametrize("fast", [True, False], ids=["fast", "pure"])
def test_a_value_yaml_cannot_read_is_reported_at_its_own_line(value: str, message: str,
                                                             fast: bool) -> None:
    text = f"title: Quiz\nquestions:\n  - id: q1\n    text: {value}\n"
    code = "yaml.syntax" if message.startswith("YAML syntax") else "yaml.value"
    assert parse_yaml(text, "quiz.yml", fast=fast)[1] == [error("quiz.yml", 4, message, code)]
    # after front matter, counted from the file's first line
    assert parse_yaml(text, "lesson.md", first_line=3, fast=fast)[1][0].line == 6
