"""Writing output safely: deterministic zips and an output folder replaced only when complete."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from .errors import CourseforgeError

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file, creating its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def check_member_name(name: str) -> str:
    """A zip member name that is relative, clean and portable; CourseforgeError otherwise."""
    pure = PurePosixPath(name)
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or ".." in pure.parts
        or ":" in name
        or not name.isascii()
        or name != pure.as_posix()
    ):
        raise CourseforgeError(f"refusing to package the file name '{name}'")
    return name


def write_zip(path: Path, members: Iterable[tuple[str, bytes]]) -> None:
    """A zip whose bytes depend only on its members: sorted names, fixed dates and modes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    items = sorted((check_member_name(name), data) for name, data in members)
    names = [n for n, _ in items]
    if len(set(names)) != len(names):
        raise CourseforgeError(f"duplicate file names in {path.name}")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.create_system = 3
            archive.writestr(info, data)


def folder_members(folder: Path) -> Iterator[tuple[str, bytes]]:
    """Every file below a folder as (POSIX relative name, bytes), in sorted order."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        yield path.relative_to(folder).as_posix(), path.read_bytes()


def check_output_folder(output: Path, course_root: Path) -> Path:
    """The output folder, refused when it is a file, the course folder or holds it."""
    output = output.absolute()
    if output.exists() and not output.is_dir():
        raise CourseforgeError(f"output '{output}' exists and is not a folder")
    resolved, course = output.resolve(), course_root.resolve()
    if resolved == course or resolved.is_relative_to(course):
        raise CourseforgeError(f"output '{output}' must be outside the course folder '{course}'")
    if course.is_relative_to(resolved):
        raise CourseforgeError(f"output '{output}' holds the course folder '{course}': "
                               "choose a folder beside it, such as output/")
    return output


@contextlib.contextmanager
def staging_folder(output: Path) -> Iterator[Path]:
    """A temporary folder beside ``output``, removed afterwards whatever happens."""
    parent = output.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise CourseforgeError(f"cannot write in '{parent}': {exc.strerror or exc}") from None
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish(staging: Path, output: Path, entries: Iterable[str]) -> None:
    """Move each finished entry from staging into ``output``, replacing the old one.

    Entries not named are left as they were, so building one format keeps the others.
    """
    try:
        output.mkdir(parents=True, exist_ok=True)
        for entry in entries:
            source, target = staging / entry, output / entry
            if not source.exists():
                continue
            old = None
            target.parent.mkdir(parents=True, exist_ok=True)  # an entry may be nested
            if target.exists() or target.is_symlink():
                old = staging / f".old-{entry.replace('/', '-')}"
                os.replace(target, old)
            os.replace(source, target)
            if old is not None:
                if old.is_dir() and not old.is_symlink():
                    shutil.rmtree(old, ignore_errors=True)
                else:
                    old.unlink(missing_ok=True)
    except OSError as exc:
        raise CourseforgeError(
            f"cannot write the output to '{output}': {exc.strerror or exc}"
        ) from None
