"""``translate export``: a course's texts as XLIFF 1.2, keeping the translations of an
earlier export and marking the texts whose source changed since then."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseforgeError, Diagnostic
from ..loading import load_checked
from .segments import Segment, course_files, segments_of
from .xliff_store import (
    NEEDS_TRANSLATION,
    ReadUnit,
    Unit12,
    Xliff12,
    add_unit,
    alt_translation,
    mark_changed,
    new_store,
    read_store,
    read_units,
    set_skeleton,
    set_target,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportReport:
    """How many units an export wrote, and what became of earlier translations."""

    units: int
    kept: int  # translated before, source unchanged
    changed: int  # translated before, source changed: to translate again
    new: int


def course_segments(root: Path) -> list[Segment]:
    """Every translatable text of a course folder, in file order."""
    diagnostics: list[Diagnostic] = []
    found = [s for name, text in course_files(root, diagnostics) for s in segments_of(name, text)]
    if diagnostics:
        raise CourseforgeError("; ".join(str(d) for d in diagnostics))
    return found


def export_course(course_dir: Path, language: str, output: Path) -> ExportReport:
    """Write the course's texts for translation into ``language`` to ``output``."""
    course = load_checked(course_dir).course
    root = course.root
    if language.replace("_", "-").lower() == course.language.lower():
        raise CourseforgeError(f"the course is already in '{course.language}': choose "
                               "another language with --to")
    previous = read_store(output) if output.is_file() else None
    units = {(u.file, u.key): u for u in read_units(previous)} if previous else {}
    memory = {u.source: u.target for u in units.values() if u.target and
              u.state != NEEDS_TRANSLATION}
    store = new_store(course.language, language)
    kept = changed = 0
    segments = course_segments(root)
    current = {s.text for s in segments}
    for segment in segments:
        unit = add_unit(store, segment.file, segment.key, segment.text, segment.note)
        old = units.get((segment.file, segment.key))
        if old is not None and old.source != segment.text and old.source in current:
            old = None  # its text moved elsewhere (a slide was inserted): this one is new
        outcome = _carry_over(unit, segment, old, memory, previous)
        kept += outcome == "kept"
        changed += outcome == "changed"
    base = output.absolute().parent
    for name in dict.fromkeys(s.file for s in segments):
        set_skeleton(store, name, Path(os.path.relpath(root / name, base)).as_posix())
    _write_atomically(output, bytes(store))
    return ExportReport(units=len(segments), kept=kept, changed=changed,
                        new=len(segments) - kept - changed)


def _carry_over(unit: Unit12, segment: Segment, old: ReadUnit | None, memory: dict[str, str],
                previous: Xliff12 | None) -> str:
    """Give a new unit what an earlier export knew: 'kept', 'changed' or 'new'."""
    if old is not None and old.source == segment.text and old.target:
        set_target(unit, old.target, old.state or "translated")
        return "changed" if old.state == NEEDS_TRANSLATION else "kept"
    if segment.text in memory:  # the same text elsewhere (a slide moved): its translation
        set_target(unit, memory[segment.text], "translated")
        return "kept"
    if old is not None:
        outdated = old.target or (alt_translation(previous, old.file, old.key)
                                  if previous is not None else "")
        if outdated:
            mark_changed(unit, outdated)
            return "changed"
    return "new"


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise CourseforgeError(f"cannot write '{path}': {exc.strerror or exc}") from None
