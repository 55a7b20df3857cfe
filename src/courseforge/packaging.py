"""Writing output safely: deterministic zips and an output folder replaced only when complete."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import CourseforgeError

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


_UNCLEAN = frozenset(("", ".", ".."))  # segments a clean relative member name never has


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file, creating its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def check_member_name(name: str) -> str:
    """A zip member name that is relative, clean and portable; CourseforgeError otherwise."""
    if (name.isascii() and ":" not in name and "\\" not in name
            and all(part not in _UNCLEAN for part in name.split("/"))):
        return name  # no empty, "." or ".." segment: already its own clean POSIX form
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
    """A zip whose bytes depend only on its members: sorted names, fixed dates and modes.

    The bytes are those Python's ``zipfile`` writes for these members (deflated at zlib's
    default level, as ``writestr`` does for a ``ZipInfo``); a member another package of the
    build already holds (the lesson runtime, a deck's layouts, a small image) is deflated once.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    items = sorted((check_member_name(name), data) for name, data in members)
    names = [n for n, _ in items]
    if len(set(names)) != len(names):
        raise CourseforgeError(f"duplicate file names in {path.name}")
    if len(items) >= ZIP_MAX_MEMBERS or sum(len(d) for _, d in items) > ZIP_MAX_BYTES:
        _write_zip64(path, items)
        return
    central: list[bytes] = []
    offset = 0
    with path.open("wb") as archive:
        for name, data in items:
            crc, deflated = _deflated(data)
            encoded = name.encode("ascii")
            sizes = (ZIP_DOS_TIME, ZIP_DOS_DATE, crc, len(deflated), len(data), len(encoded))
            header = struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", ZIP_VERSION, 0, 0,
                                 zipfile.ZIP_DEFLATED, *sizes, 0)
            archive.writelines((header, encoded, deflated))
            central += (struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", ZIP_VERSION, ZIP_UNIX,
                                    ZIP_VERSION, 0, 0, zipfile.ZIP_DEFLATED, *sizes, 0, 0, 0,
                                    0, ZIP_MODE, offset), encoded)
            offset += len(header) + len(encoded) + len(deflated)
        directory = b"".join(central)
        archive.write(directory)
        archive.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(items), len(items),
                                  len(directory), offset, 0))


# how zipfile writes a member here: version 2.0, made on Unix, a regular file rw-r--r--
ZIP_VERSION, ZIP_UNIX, ZIP_MODE = 20, 3, (stat.S_IFREG | 0o644) << 16
ZIP_DOS_DATE = (ZIP_DATE[0] - 1980) << 9 | ZIP_DATE[1] << 5 | ZIP_DATE[2]
ZIP_DOS_TIME = ZIP_DATE[3] << 11 | ZIP_DATE[4] << 5 | ZIP_DATE[5] // 2
# beyond these a zip needs the Zip64 extensions, which zipfile itself writes
ZIP_MAX_MEMBERS, ZIP_MAX_BYTES = 0xFFFF, 1 << 30


class _DeflatedMembers:
    """Each distinct member's CRC-32 and raw deflate stream, as zipfile makes them. Members
    of at most ``largest`` bytes stay kept while among the ``budget`` bytes last asked for:
    one that another package of the build already holds (the lesson runtime and stylesheet,
    a small image, the guide's styles, every deck's layouts and theme) is deflated once.
    Larger ones, each package's own page or document, are not kept: they would only add to
    the build's peak memory."""

    def __init__(self, budget: int, largest: int) -> None:
        self.budget, self.largest = budget, largest
        self.kept = 0
        self.streams: dict[bytes, tuple[int, bytes]] = {}

    def __call__(self, data: bytes) -> tuple[int, bytes]:
        found = self.streams.pop(data, None)
        if found is not None:
            self.streams[data] = found  # asked for again: the last to be let go
        else:
            compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
            found = zlib.crc32(data), compressor.compress(data) + compressor.flush()
            if len(data) <= self.largest:
                self.streams[data] = found
                self.kept += len(data) + len(found[1])
                while self.kept > self.budget:
                    oldest = next(iter(self.streams))
                    self.kept -= len(oldest) + len(self.streams.pop(oldest)[1])
        return found


# python-docx's styles are 350 and 440 KB; a thousand-slide build's shared members about 2 MB
_deflated = _DeflatedMembers(budget=4 << 20, largest=512 << 10)


def _write_zip64(path: Path, items: list[tuple[str, bytes]]) -> None:
    """The same deterministic zip, written by zipfile where it needs Zip64 records."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = ZIP_MODE
            info.create_system = ZIP_UNIX
            archive.writestr(info, data)


class MemberCollector:
    """Stands in for an OPC package's zip writer (python-pptx's, python-docx's): keeps each
    member as (name, bytes), so the deterministic zip is written once, from these."""

    def __init__(self) -> None:
        self.members: list[tuple[str, bytes]] = []

    def write(self, uri: Any, blob: bytes) -> None:
        """Keep one member; ``uri`` is the package's part name (a ``PackURI``)."""
        self.members.append((uri.membername, blob))


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
