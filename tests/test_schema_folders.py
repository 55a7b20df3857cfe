"""The schema-folder lookup every schema test shares: the variable wins, a gap fails in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

import conftest
from schemas import schema_errors, schema_folder


def test_the_variable_names_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "main.xsd").write_text("<x/>")
    monkeypatch.setenv("COURSEFORGE_TEST_XSD", str(tmp_path))
    assert schema_folder("COURSEFORGE_TEST_XSD", "test-xsd", "main.xsd", what="x") == tmp_path


def test_the_default_is_the_shared_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COURSEFORGE_TEST_XSD", raising=False)
    monkeypatch.setattr(conftest, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        schema_folder("COURSEFORGE_TEST_XSD", "no-such-xsd", "main.xsd", what="the test schema")
    assert str(conftest.ROOT.parent / "shared" / "no-such-xsd") in str(skipped.value)


def test_a_missing_file_fails_in_ci_naming_the_variable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "main.xsd").write_text("<x/>")
    monkeypatch.setenv("COURSEFORGE_TEST_XSD", str(tmp_path))
    monkeypatch.setattr(conftest, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception) as failed:
        schema_folder("COURSEFORGE_TEST_XSD", "test-xsd", "main.xsd", "xml.xsd",
                      what="the test schema")
    message = str(failed.value)
    assert "$COURSEFORGE_TEST_XSD" in message and "required in CI" in message


def test_errors_carry_the_line(tmp_path: Path) -> None:
    from lxml import etree

    schema = etree.XMLSchema(etree.fromstring(
        b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        b'<xs:element name="a" type="xs:int"/></xs:schema>'))
    assert schema_errors(schema, b"<a>1</a>") == []
    errors = schema_errors(schema, b"\n<a>one</a>")
    assert len(errors) == 1 and errors[0].startswith("2: ")
