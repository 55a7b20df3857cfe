"""The course deck reuses the slides its module decks wrote: the bytes are those of a course
deck written on its own, for left-to-right and right-to-left courses, tables and pictures."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import BUNDLED, ROOTS
from courseforge.builders.base import BuildOptions
from courseforge.builders.pptx.decks import reference_template, write_decks
from courseforge.loading import load_checked


def members(deck: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(deck) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.mark.parametrize("root", [BUNDLED, ROOTS / "lang-ar", ROOTS / "typography"],
                         ids=["bundled", "lang-ar", "typography"])
def test_the_course_deck_after_its_modules_is_the_course_deck_alone(root: Path,
                                                                    tmp_path: Path) -> None:
    course = load_checked(root).course
    options = BuildOptions()
    template = reference_template(course, options)
    after, alone = tmp_path / "after", tmp_path / "alone"
    write_decks(course, template, options, after, [m.id for m in course.modules] + [None])
    write_decks(course, template, options, alone, [None])
    reused, written = members(after / f"{course.id}.pptx"), members(alone / f"{course.id}.pptx")
    assert list(reused) == list(written)
    assert [name for name in written if reused[name] != written[name]] == []
    assert (after / f"{course.id}.pptx").read_bytes() == (alone / f"{course.id}.pptx").read_bytes()
