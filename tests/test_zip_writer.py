"""The deterministic zip writer: the bytes zipfile writes, read back by zipfile, either path."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from courseforge import packaging
from courseforge.errors import CourseforgeError


def _members(seed: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    return [
        ("empty.txt", b""),
        ("index.html", b"<!DOCTYPE html><p>" + b"lesson " * 400 + b"</p>\n"),
        ("media/noise.bin", bytes(rng.randrange(256) for _ in range(200_000))),  # not kept
        ("runtime.js", b"(function () { 'use strict'; })();\n" * 50),
        ("z/last.xml", "<a>é</a>".encode()),
    ]


def test_the_written_zip_is_the_one_zipfile_writes(tmp_path: Path) -> None:
    members = _members(1)
    packaging.write_zip(tmp_path / "direct.zip", members)
    packaging.write_zip(tmp_path / "again.zip", members)  # deflated streams reused
    packaging._write_zip64(tmp_path / "zipfile.zip", sorted(members))
    direct = (tmp_path / "direct.zip").read_bytes()
    assert direct == (tmp_path / "again.zip").read_bytes()
    assert direct == (tmp_path / "zipfile.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "direct.zip") as archive:
        assert archive.testzip() is None
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == sorted(members)
        assert {i.date_time for i in archive.infolist()} == {packaging.ZIP_DATE}


def test_an_archive_past_the_zip_limits_is_written_by_zipfile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    members = _members(2)
    packaging.write_zip(tmp_path / "small.zip", members)
    monkeypatch.setattr(packaging, "ZIP_MAX_MEMBERS", 3)  # as if it held 65535 members
    packaging.write_zip(tmp_path / "large.zip", members)
    assert (tmp_path / "large.zip").read_bytes() == (tmp_path / "small.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "large.zip") as archive:
        assert archive.testzip() is None
        assert sorted(archive.namelist()) == sorted(name for name, _ in members)


def test_duplicate_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CourseforgeError, match="duplicate file names"):
        packaging.write_zip(tmp_path / "twice.zip", [("a.txt", b"1"), ("a.txt", b"2")])
    assert not (tmp_path / "twice.zip").exists()


def test_a_member_asked_for_again_is_the_last_let_go() -> None:
    deflated = packaging._DeflatedMembers(budget=3_000, largest=1_000)
    layout, slide, other = b"<layout/>" * 80, b"<slide/>" * 80, b"<other/>" * 80
    large = b"x" * 1_001
    first = deflated(layout)
    deflated(slide)
    assert deflated(layout) is first  # kept, and now the last asked for
    deflated(large)  # larger than ``largest``: deflated, never kept
    for n in range(3):
        deflated(other + bytes([n]))  # the budget fills: the least recently asked go first
    assert layout in deflated.streams and slide not in deflated.streams
    assert large not in deflated.streams
    assert deflated.kept == sum(len(d) + len(s) for d, (_, s) in deflated.streams.items())
    assert deflated.kept <= 3_000
