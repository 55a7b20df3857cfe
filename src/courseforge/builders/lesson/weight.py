"""What a lesson's runtime weighs on the wire: its scripts and stylesheets, each gzipped."""

from __future__ import annotations

import gzip
import zipfile
from collections.abc import Iterator
from pathlib import Path

RUNTIME_BUDGET_KB = 40.0  # the learner-side budget for runtime JS + CSS, gzipped
RUNTIME_SUFFIXES = (".js", ".css")


def runtime_files(lesson: Path) -> Iterator[tuple[str, bytes]]:
    """The JS and CSS files of a built lesson: a web site's folder or a package's zip."""
    if lesson.is_dir():
        for path in sorted(lesson.rglob("*")):
            if path.is_file() and path.suffix in RUNTIME_SUFFIXES:
                yield path.relative_to(lesson).as_posix(), path.read_bytes()
        return
    with zipfile.ZipFile(lesson) as archive:
        for name in sorted(archive.namelist()):
            if name.endswith(RUNTIME_SUFFIXES):
                yield name, archive.read(name)


def gzipped_kb(lesson: Path) -> float:
    """The lesson's runtime JS + CSS in KB, each file gzipped as a web server sends it."""
    return sum(len(gzip.compress(data, 9, mtime=0)) for _, data in runtime_files(lesson)) / 1024
