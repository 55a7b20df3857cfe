"""The course deck reuses the slides its module decks wrote: the bytes are those of a course
deck written on its own, for left-to-right and right-to-left courses, tables and pictures."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import BUNDLED, ROOTS
from courseforge.builders.base import BuildOptions
from courseforge.builders.pptx import furniture, slide_reuse, writer
from courseforge.builders.pptx.decks import reference_template, write_decks
from courseforge.loading import load_checked


def members(deck: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(deck) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.mark.parametrize(("root", "footer"), [(BUNDLED, ""), (BUNDLED, "ACME & Co <Academy>"),
                                              (ROOTS / "lang-ar", ""), (ROOTS / "typography", ""),
                                              (ROOTS / "rich", "")],
                         ids=["bundled", "bundled-footer", "lang-ar", "typography", "rich"])
def test_the_course_deck_after_its_modules_is_the_course_deck_alone(root: Path, footer: str,
                                                                    tmp_path: Path) -> None:
    course = load_checked(root).course
    options = BuildOptions(footer=footer)
    template = reference_template(course, options)
    after, alone = tmp_path / "after", tmp_path / "alone"
    write_decks(course, template, options, after, [m.id for m in course.modules] + [None])
    write_decks(course, template, options, alone, [None])
    reused, written = members(after / f"{course.id}.pptx"), members(alone / f"{course.id}.pptx")
    assert list(reused) == list(written)
    assert [name for name in written if reused[name] != written[name]] == []
    assert (after / f"{course.id}.pptx").read_bytes() == (alone / f"{course.id}.pptx").read_bytes()


@pytest.mark.parametrize("footer", ["", "Schulung & Co"])
def test_with_a_custom_template_the_course_deck_after_its_modules_is_the_same(
        footer: str, tmp_path: Path) -> None:
    from test_pptx_templates import german  # a template with its own layouts and footer

    template_file = german.write_german_template(tmp_path / "german.pptx")
    for root in (ROOTS / "minimal", BUNDLED):
        course = load_checked(root).course
        options = BuildOptions(footer=footer, pptx_template=template_file)
        template = reference_template(course, options)
        after, alone = tmp_path / root.name / "after", tmp_path / root.name / "alone"
        write_decks(course, template, options, after, [m.id for m in course.modules] + [None])
        write_decks(course, template, options, alone, [None])
        deck = f"{course.id}.pptx"
        assert (after / deck).read_bytes() == (alone / deck).read_bytes(), root.name


def _course_deck(tmp_path: Path, name: str) -> bytes:
    course = load_checked(BUNDLED).course
    options = BuildOptions()
    folder = tmp_path / name
    write_decks(course, reference_template(course, options), options, folder,
                [m.id for m in course.modules] + [None])
    return (folder / f"{course.id}.pptx").read_bytes()


def test_copied_slides_are_spliced_bytes_and_the_same_as_their_trees(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The course deck's copies of module slides are the kept bytes with their number spliced
    in, checked once per layout against the tree; a splice that differs is not used."""
    checks: list[dict[str, bool]] = []
    spliced = slide_reuse.spliced_copy

    def spy(parts: Any, kept: Any, layout: Any, numbers: Any, checked: dict[str, bool]) -> Any:
        checks.append(checked)
        return spliced(parts, kept, layout, numbers, checked)

    monkeypatch.setattr(writer, "spliced_copy", spy)
    as_spliced = _course_deck(tmp_path, "spliced")
    assert checks and all(checks[-1].values()) and len(checks[-1]) >= 3  # every layout spliced
    monkeypatch.setattr(furniture.NumberShapes, "xml",
                        lambda *args: b"<p:sp/>")  # a splice that is not the tree's
    checks.clear()
    as_trees = _course_deck(tmp_path, "trees")
    assert checks and not any(checks[-1].values())  # refused by the check: trees written
    assert as_spliced == as_trees


@pytest.mark.parametrize("root", [BUNDLED, ROOTS / "rich"], ids=["bundled", "rich"])
def test_the_course_deck_from_module_decks_written_elsewhere_is_the_same(
        root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``--jobs``, module decks written in other processes hand their pages and slides
    over (pickled); the course deck written from them is the one a single process writes,
    and lays out no slide of theirs again."""
    import pickle

    from courseforge.builders.pptx import decks

    laid_out = []
    fill = writer.DeckWriter._fill
    monkeypatch.setattr(writer.DeckWriter, "_fill",
                        lambda self, *a: (laid_out.append(1), fill(self, *a))[1])
    course = load_checked(root).course
    options = BuildOptions()
    template = reference_template(course, options)
    modules = [m.id for m in course.modules]
    write_decks(course, template, options, tmp_path / "one", [*modules, None])
    in_one = len(laid_out)
    laid_out.clear()
    handed = [pickle.loads(pickle.dumps(decks.write_module_decks(
        course, template, options, tmp_path / "split", group)[1]))
        for group in (modules[::2], modules[1::2])]
    runs = iter(handed)
    with decks.speaking(course):
        decks.write_deck_set(course, template, options, tmp_path / "split", [None],
                             lambda timed: next(runs, None))
    assert len(laid_out) == in_one
    for deck in [*modules, course.id]:
        assert (tmp_path / "split" / f"{deck}.pptx").read_bytes() == \
            (tmp_path / "one" / f"{deck}.pptx").read_bytes(), deck



def test_decks_written_in_parallel_are_the_decks_of_one_process(tmp_path: Path) -> None:
    """With ``--jobs 2`` the module decks are written in runs by two workers while the course
    deck takes each run as it needs it: every deck is the one a single process writes."""
    from courseforge.builders.pptx.parallel_decks import module_runs, write_in_parallel

    course = load_checked(BUNDLED).course
    options = BuildOptions(jobs=2)
    template = reference_template(course, options)
    modules = [m.id for m in course.modules]
    runs = module_runs(course, 8)
    assert [m for run in runs for m in run] == modules and 2 <= len(runs) <= 8
    write_decks(course, template, options, tmp_path / "one", [*modules, None])
    told: list[str] = []
    write_in_parallel(course, template, options, tmp_path / "two", told.extend)
    written = [message for message in told if message.startswith("slides/")]
    assert written == [f"slides/{deck}.pptx" for deck in [*modules, course.id]]
    for deck in [*modules, course.id]:
        assert (tmp_path / "two" / f"{deck}.pptx").read_bytes() == \
            (tmp_path / "one" / f"{deck}.pptx").read_bytes(), deck
