"""Fuzzing the loader and validator: no input ever produces a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courseforge.errors import Severity
from courseforge.loading import diagnose

MINIMAL = Path(__file__).resolve().parent / "roots" / "minimal"
FILES = ["course.yml", "modules/welcome/lesson.md", "modules/roles/quiz.yml"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=20)


def diagnose_with(name: str, content: bytes) -> None:
    """Replace one file of the minimal course and check that diagnosis ends cleanly."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        shutil.copytree(MINIMAL, root)
        (root / name).write_bytes(content)
        course, diagnostics = diagnose(root)
        for d in diagnostics:
            assert d.path and d.message and d.code
            assert d.severity in (Severity.ERROR, Severity.WARNING)
        if course is None:
            assert any(d.severity is Severity.ERROR for d in diagnostics)


SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.sampled_from(FILES), st.binary(max_size=300))
def test_random_bytes(name: str, content: bytes) -> None:
    diagnose_with(name, content)


@SETTINGS
@given(st.sampled_from(FILES), st.text(max_size=300))
def test_random_text(name: str, content: str) -> None:
    diagnose_with(name, content.encode("utf-8"))


@SETTINGS
@given(st.sampled_from(["course.yml", "modules/roles/quiz.yml"]), values)
def test_random_yaml_structures(name: str, value: object) -> None:
    diagnose_with(name, yaml.safe_dump(value).encode("utf-8"))


@SETTINGS
@given(st.data())
def test_mutated_fields(data: st.DataObject) -> None:
    """Replace one field anywhere in a real quiz or course with a random value."""
    name = data.draw(st.sampled_from(["course.yml", "modules/roles/quiz.yml"]))
    document = yaml.safe_load((MINIMAL / name).read_text(encoding="utf-8"))
    node = document
    while True:
        if isinstance(node, dict) and node:
            key = data.draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            key = data.draw(st.integers(0, len(node) - 1))
        else:
            break
        if not isinstance(node[key], (dict, list)) or data.draw(st.booleans()):
            node[key] = data.draw(values)
            break
        node = node[key]
    diagnose_with(name, yaml.safe_dump(document).encode("utf-8"))


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("-#:\n `|*![]()/.abc")), max_size=200))
def test_lesson_markdown_shapes(body: str) -> None:
    text = "---\ntitle: T\nminutes: 1\n---\n" + body
    diagnose_with("modules/welcome/lesson.md", text.encode("utf-8"))
