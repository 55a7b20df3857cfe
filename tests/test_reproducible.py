"""Same input, same bytes: every format, built twice into different folders, is identical."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest

from courseforge.build import build
from courseforge.builders import REGISTRY, builder_class
from courseforge.builders.base import BuildOptions
from courseforge.packaging import ZIP_DATE

ROOT = Path(__file__).resolve().parent.parent
COURSES = [ROOT / "tests" / "roots" / "minimal", ROOT / "course"]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below a folder, by relative name."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("course", COURSES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", list(REGISTRY))
def test_build_twice_gives_identical_bytes(course: Path, fmt: str, tmp_path: Path) -> None:
    options = BuildOptions(package="per-module")
    build(course, tmp_path / "first", [fmt], options, lambda message: None)
    build(course, tmp_path / "second", [fmt], options, lambda message: None)
    first, second = snapshot(tmp_path / "first"), snapshot(tmp_path / "second")
    assert first, "the build wrote nothing"
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert not different


def test_parallel_build_matches_serial(tmp_path: Path) -> None:
    course = COURSES[0]
    build(course, tmp_path / "serial", ["all"], BuildOptions(), lambda message: None)
    messages: list[str] = []
    build(course, tmp_path / "parallel", ["all"], BuildOptions(jobs=2), messages.append)
    assert snapshot(tmp_path / "serial") == snapshot(tmp_path / "parallel")
    if len(REGISTRY) > 1:
        assert any(m.startswith("built ") for m in messages)


ARCHIVES = ("*.zip", "*.pptx", "*.docx")


def test_every_zip_entry_carries_the_fixed_stamp(tmp_path: Path) -> None:
    """Checked directly: two builds a second apart can agree on a stamp that is the clock's."""
    assert ZIP_DATE == (1980, 1, 1, 0, 0, 0)
    build(COURSES[0], tmp_path, ["all"], BuildOptions(package="per-module"), lambda _: None)
    archives = sorted(p for pattern in ARCHIVES for p in tmp_path.rglob(pattern))
    kinds = {p.suffix for p in archives}
    assert {".zip", ".pptx"} <= kinds, archives  # packages and decks
    for archive in archives:
        with zipfile.ZipFile(archive) as opened:
            entries = opened.infolist()
        assert entries, archive
        for entry in entries:
            where = f"{archive.relative_to(tmp_path)}!{entry.filename}"
            assert entry.date_time == ZIP_DATE, where
            assert entry.extra == b"", where  # no extended timestamps either
            assert (entry.create_system, entry.external_attr >> 16) == \
                (3, stat.S_IFREG | 0o644), where
        assert [e.filename for e in entries] == sorted(e.filename for e in entries), archive


def test_parallel_formats_share_processes_and_the_decks_run_alone() -> None:
    """With --jobs the decks (which split their own work) get a process; the other formats
    share the rest in build order, so that web, SCORM and cmi5 reuse one process's pages."""
    from courseforge.build import parallel_tasks
    from courseforge.loading import load_checked

    course = load_checked(COURSES[0]).course
    builders = [builder_class(name)(course, BuildOptions(jobs=2)) for name in REGISTRY]

    def names(jobs: int, chosen: list[Any]) -> list[list[str]]:
        return [[b.name for b in task] for task in parallel_tasks(chosen, jobs)]

    others = [name for name in REGISTRY if name != "pptx"]
    assert names(2, builders) == [["pptx"], others]
    assert names(3, builders) == [["pptx"], others[:5], others[5:]]
    assert names(2, builders[2:]) == [others[1:5], others[5:]]
    assert names(8, builders[:1]) == [["json"]]


class _Writes(builder_class("json")):  # type: ignore[misc,valid-type]
    """A format that writes one file and says so."""

    name, folder, description = "writes", "writes", "a file"

    def build(self, staging: Path, progress: Any) -> None:
        (staging / self.folder).write_text("done", encoding="utf-8")
        progress("wrote writes")


class _Fails(_Writes):
    """A format whose build fails, as a disk that fills would make it."""

    name, folder, description = "fails", "fails", "nothing"

    def build(self, staging: Path, progress: Any) -> None:
        from courseforge.errors import CourseforgeError

        raise CourseforgeError("no space left")


def test_a_format_failing_in_a_worker_is_never_reported_built(tmp_path: Path) -> None:
    from courseforge.build import _build_in_parallel
    from courseforge.errors import CourseforgeError
    from courseforge.loading import load_checked

    course = load_checked(COURSES[0]).course
    options = BuildOptions(jobs=2)
    told: list[str] = []
    with pytest.raises(CourseforgeError, match="no space left"):
        _build_in_parallel([_Writes(course, options), _Fails(course, options)], tmp_path, 2,
                           told.append)
    assert told == ["built writes: a file", "wrote writes"]


def test_a_validation_error_travels_back_from_a_worker_whole() -> None:
    import pickle

    from courseforge.errors import ValidationFailed, error

    failed = ValidationFailed([error("templates/lesson/quiz.css", 3, "the stylesheet is bad",
                                     "css")])
    again = pickle.loads(pickle.dumps(failed))
    assert type(again) is ValidationFailed
    assert (again.message, again.diagnostics) == (failed.message, failed.diagnostics)
