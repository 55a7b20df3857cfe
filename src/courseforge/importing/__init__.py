"""Importing question banks (GIFT, Moodle XML, QTI 2.1) into a module's quiz.yml."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

import yaml

from ..errors import CourseforgeError
from .draft import Draft

KINDS = ("gift", "moodle-xml", "qti")
MAX_SIZE = 5 * 1024 * 1024


def read_bank(kind: str, path: Path) -> Draft:
    """The draft quiz of a bank file of this kind; CourseforgeError when it cannot be read."""
    if not path.is_file():
        raise CourseforgeError(f"'{path}' is not a file")
    if path.stat().st_size > MAX_SIZE:
        raise CourseforgeError(f"'{path}' is larger than 5 MB")
    data = path.read_bytes()
    name = path.as_posix()
    try:
        if kind == "gift":
            from .gift_reader import read_gift

            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise CourseforgeError(f"{name}: not UTF-8 text (byte {exc.start})") from None
            draft = read_gift(text, name)
        elif kind == "moodle-xml":
            from .moodle_reader import read_moodle_xml

            draft = read_moodle_xml(data, name)
        else:
            from .qti_reader import read_qti

            draft = read_qti(data, name)
    except (ValueError, KeyError, IndexError, SyntaxError, zipfile.BadZipFile) as exc:
        raise CourseforgeError(f"{name}: cannot read it as {kind}: {exc}") from None
    if not draft.questions:
        raise CourseforgeError(f"{name}: no question the course format can hold")
    return draft


def quiz_yaml(draft: Draft) -> str:
    """The quiz.yml text of a draft."""
    return yaml.safe_dump(draft.quiz_data(), sort_keys=False, allow_unicode=True, width=100)


def write_quiz(draft: Draft, output: Path, force: bool) -> None:
    """Write quiz.yml whole (a temporary file moved into place); an existing one needs force."""
    if output.exists() and not force:
        raise CourseforgeError(f"'{output}' exists: use --force to replace it")
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=".quiz.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(quiz_yaml(draft))
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
