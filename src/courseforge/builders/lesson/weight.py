"""What a lesson's runtime weighs on the wire: its scripts and its styles, each gzipped.

The styles are written into the launch page (``stylesheet.py``); they count as one more
file, the page's ``<style>`` element, as if they were sent alone.
"""

from __future__ import annotations

import gzip
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

RUNTIME_BUDGET_KB = 40.0  # the learner-side budget for runtime JS + CSS, gzipped
RUNTIME_SUFFIXES = (".js", ".css")
PAGE_SUFFIX = ".html"
STYLE_ELEMENT = re.compile(rb"<style[^>]*>(.*?)</style>", re.DOTALL)


def runtime_files(lesson: Path) -> Iterator[tuple[str, bytes]]:
    """The JS and CSS of a built lesson (a web site's folder or a package's zip): its files,
    and each ``<style>`` element of a page as ``"index.html <style>"``."""
    if lesson.is_dir():
        members = [(path.relative_to(lesson).as_posix(), path.read_bytes())
                   for path in sorted(lesson.rglob("*")) if path.is_file()]
    else:
        with zipfile.ZipFile(lesson) as archive:
            members = [(name, archive.read(name)) for name in sorted(archive.namelist())]
    for name, data in members:
        if name.endswith(RUNTIME_SUFFIXES):
            yield name, data
        elif name.endswith(PAGE_SUFFIX):
            yield from ((f"{name} <style>", m.group(1)) for m in STYLE_ELEMENT.finditer(data))


def gzipped_kb(lesson: Path) -> float:
    """The lesson's runtime JS + CSS in KB, each file gzipped as a web server sends it."""
    return sum(len(gzip.compress(data, 9, mtime=0)) for _, data in runtime_files(lesson)) / 1024
