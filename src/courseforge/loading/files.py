"""Reading course files safely: inside the course folder only, UTF-8, limited in size."""

from __future__ import annotations

import re
import stat
from pathlib import Path, PurePosixPath

from ..errors import Diagnostic, error

MAX_FILE_BYTES = 5 * 1024 * 1024


def relative_name(root: Path, path: Path) -> str:
    """A path as shown in diagnostics: relative to the course folder, POSIX separators."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, with every symlink resolved, stays inside ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def resolve_reference(root: Path, base: str, reference: str) -> str | None:
    """A reference written in file ``base`` (course-relative), as a course-relative path.

    None when it is absolute, a URL, or climbs out of the course folder.
    """
    if not reference or "\\" in reference or ":" in reference or reference.startswith("/"):
        return None
    parts: list[str] = list(PurePosixPath(base).parent.parts)
    for part in PurePosixPath(reference).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    candidate = "/".join(parts)
    if not candidate or not inside(root, root / candidate):
        return None
    return candidate


def read_text(root: Path, path: Path, diagnostics: list[Diagnostic]) -> str | None:
    """The text of a course file with BOM and line endings normalised; None after reporting."""
    name = relative_name(root, path)
    if not inside(root, path):
        diagnostics.append(error(name, 0, "the file lies outside the course folder (a symlink?)",
                                 "file.outside"))
        return None
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or device would never end
            diagnostics.append(error(name, 0, "the file is not a regular file", "file.unreadable"))
            return None
        if path.stat().st_size > MAX_FILE_BYTES:
            diagnostics.append(error(name, 0, f"the file is larger than "
                                     f"{MAX_FILE_BYTES // (1024 * 1024)} MB", "file.too-large"))
            return None
        data = path.read_bytes()
    except OSError as exc:
        diagnostics.append(error(name, 0, f"cannot read the file: {exc.strerror or exc}",
                                 "file.unreadable"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        diagnostics.append(error(name, line, f"the file is not UTF-8 (byte {exc.start + 1})",
                                 "file.encoding"))
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    found = NOT_XML.search(text)
    if found is not None:
        character = found.group()
        what = "a NUL character" if character == "\x00" else \
            f"the character U+{ord(character):04X}, which no slide, page or document can hold"
        diagnostics.append(error(name, text[: found.start()].count("\n") + 1,
                                 f"the file contains {what}", "file.encoding"))
        return None
    return text


# what XML 1.0 (decks, Word files, packages' manifests) cannot carry: the C0 controls but
# tab and line feed (a carriage return is a line end by now), the two non-characters, and
# lone surrogates (which UTF-8 cannot write either; only a YAML escape makes one)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


IMAGE_FORMATS = ("PNG", "JPEG", "GIF")  # what slide decks and every browser show


def image_problem(path: Path) -> str | None:
    """Why the file is not an image every output can show, or None when it is."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            kind = image.format
            image.verify()
    except Exception:  # unreadable, truncated, a decompression bomb: not usable either way
        kind = None
    if kind in IMAGE_FORMATS:
        return None
    hint = f" ({kind} is not)" if kind else ""
    if path.suffix.lower() == ".svg":
        hint = " (export the SVG as PNG)"
    return f"must be a PNG, JPEG or GIF image{hint}"
