"""The decks' bytes, member by member, held to a golden file: a change to what any slide,
notes slide or package part holds shows here as the members it changed (review the diff;
``pytest --update-golden`` rewrites it). The courses cover what the deck writer writes in
more than one way: tables, pictures and links (rich), right to left (lang-ar), long tables
split across slides (pptx-tables), and the footer placeholder (bundled, ``--footer``)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from click.testing import CliRunner

from conftest import BUNDLED, ROOTS
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


def test_every_deck_member_is_the_golden_one(  # type: ignore[no-untyped-def]
        tmp_path: Path, golden) -> None:
    found = {}
    for name, (course, options) in COURSES.items():
        out = tmp_path / name
        result = CliRunner().invoke(main, ["build", str(course), "-o", str(out), "-f", "pptx",
                                           "-q", *options])
        assert result.exit_code == 0, result.output
        found[name] = deck_digests(out)
    assert all(found.values())
    golden("pptx/deck-bytes.json", json.dumps(found, indent=1, sort_keys=True) + "\n")
