"""The decks' bytes, member by member, held to a golden file: a change to what any slide,
notes slide or package part holds shows here as the members it changed (review the diff;
``pytest --update-golden`` rewrites it). The courses cover what the deck writer writes in
more than one way: tables, pictures and links (rich), right to left (lang-ar), long tables
split across slides (pptx-tables), and the footer placeholder (bundled, ``--footer``).
The decks are fitted without font files, by estimate, so the digests are those of any
machine, whatever fonts it has."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BUNDLED, ROOTS, forget_measures
from courseforge.cli import main

COURSES = {"bundled": (BUNDLED, ()), "bundled-footer": (BUNDLED, ("--footer", "ACME & <Co>")),
           "rich": (ROOTS / "rich", ()), "lang-ar": (ROOTS / "lang-ar", ()),
           "pptx-tables": (ROOTS / "pptx-tables", ())}


def deck_digests(folder: Path) -> dict[str, dict[str, str]]:
    """Each deck below ``folder``: its members' SHA-256, by member name."""
    digests = {}
    for deck in sorted(folder.rglob("*.pptx")):
        with zipfile.ZipFile(deck) as package:
            digests[deck.name] = {name: hashlib.sha256(package.read(name)).hexdigest()[:16]
                                  for name in sorted(package.namelist())}
    return digests


@pytest.fixture
def no_font_files(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Text fitted by estimate, as on a machine without font files; measures forgotten."""
    from courseforge.builders.pptx import text_fit

    monkeypatch.setattr(text_fit, "FONT_DIRS", ())
    forget_measures()
    yield
    monkeypatch.undo()
    forget_measures()


def test_every_deck_member_is_the_golden_one(  # type: ignore[no-untyped-def]
        tmp_path: Path, golden, no_font_files) -> None:
    found = {}
    for name, (course, options) in COURSES.items():
        out = tmp_path / name
        result = CliRunner().invoke(main, ["build", str(course), "-o", str(out), "-f", "pptx",
                                           "-q", *options])
        assert result.exit_code == 0, result.output
        found[name] = deck_digests(out)
    assert all(found.values())
    golden("pptx/deck-bytes.json", json.dumps(found, indent=1, sort_keys=True) + "\n")
