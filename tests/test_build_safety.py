"""Build safety: failures leave the previous output intact; nothing outside the course is read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.json_export import JsonBuilder
from courseforge.errors import CourseforgeError, ValidationFailed
from courseforge.loading import diagnose

MINIMAL = Path(__file__).resolve().parent / "roots" / "minimal"


def quiet(message: str) -> None:
    """A progress callback that prints nothing."""


@pytest.fixture
def course(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    shutil.copytree(MINIMAL, root)
    return root


@pytest.mark.parametrize("failure", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_failure_mid_build_keeps_previous_output(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    out = tmp_path / "out"
    build(course, out, ["json"], BuildOptions(), quiet)
    before = (out / "course.json").read_bytes()

    def broken(self: JsonBuilder, staging: Path, progress: object) -> None:
        (staging / "course.json").write_text("half")
        raise failure

    monkeypatch.setattr(JsonBuilder, "build", broken)
    (course / "course.yml").write_text(
        (course / "course.yml").read_text().replace("Roles in a delivery team", "Changed")
    )
    with pytest.raises(type(failure)):
        build(course, out, ["json"], BuildOptions(), quiet)
    assert (out / "course.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course", "out"]


def test_invalid_course_writes_nothing(course: Path, tmp_path: Path) -> None:
    (course / "modules" / "roles" / "quiz.yml").write_text("questions: 3\n")
    with pytest.raises(ValidationFailed):
        build(course, tmp_path / "out", ["json"], BuildOptions(), quiet)
    assert not (tmp_path / "out").exists()


def test_output_containing_the_course_is_refused(course: Path, tmp_path: Path) -> None:
    with pytest.raises(CourseforgeError, match="holds the course folder"):
        build(course, tmp_path, ["json"], BuildOptions(), quiet)
    with pytest.raises(CourseforgeError, match="outside the course folder"):
        build(course, course, ["json"], BuildOptions(), quiet)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course"]


def test_symlinked_file_pointing_outside_is_refused(course: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\nminutes: 1\n---\n# Secret\n")
    lesson = course / "modules" / "welcome" / "lesson.md"
    lesson.unlink()
    lesson.symlink_to(secret)
    _, diagnostics = diagnose(course)
    assert [d.code for d in diagnostics] == ["file.outside"]
    assert diagnostics[0].path == "modules/welcome/lesson.md"


def test_symlinked_image_pointing_outside_is_refused(course: Path, tmp_path: Path) -> None:
    outside = tmp_path / "photo.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    images = course / "modules" / "welcome" / "images"
    images.mkdir()
    (images / "photo.png").symlink_to(outside)
    lesson = course / "modules" / "welcome" / "lesson.md"
    lesson.write_text(lesson.read_text() + "\n![A photo](images/photo.png)\n")
    _, diagnostics = diagnose(course)
    assert [d.code for d in diagnostics] == ["image.outside"]


@pytest.mark.parametrize(
    "src",
    [
        "/etc/passwd",
        "../../../etc/passwd",
        "C:/x.png",
        "https://example.org/x.png",
        "images\\x.png",
    ],
)
def test_image_references_outside_the_course_are_refused(course: Path, src: str) -> None:
    lesson = course / "modules" / "welcome" / "lesson.md"
    lesson.write_text(lesson.read_text() + f"\n![Alt text]({src})\n")
    _, diagnostics = diagnose(course)
    assert [d.code for d in diagnostics] == ["image.outside"]


def test_build_twice_same_bytes(course: Path, tmp_path: Path) -> None:
    build(course, tmp_path / "a", ["json"], BuildOptions(), quiet)
    build(course, tmp_path / "b", ["json"], BuildOptions(), quiet)
    assert (tmp_path / "a" / "course.json").read_bytes() == (
        tmp_path / "b" / "course.json"
    ).read_bytes()


def test_a_pipe_in_place_of_a_file_is_refused_at_once(course: Path) -> None:
    """Reading a FIFO would wait forever for a writer: only regular files are read."""
    quiz = course / "modules" / "roles" / "quiz.yml"
    quiz.unlink()
    os.mkfifo(quiz)
    _, diagnostics = diagnose(course)
    assert [(d.path, d.code) for d in diagnostics if d.severity.value == "error"] == [
        ("modules/roles/quiz.yml", "file.unreadable")]
