"""``translate import``: an XLIFF file back into a full course folder in the target language.

The translated course is the source course with each text replaced in place (the rest of
every file stays as written) and ``language`` set to the target. Units without a
translation keep their source text and are reported.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseforgeError, Severity, ValidationFailed
from ..loading import diagnose, load_checked
from ..loading.course_loader import COURSE_FILE
from ..packaging import check_output_folder, staging_folder
from .segments import LANGUAGE_KEY, Segment, course_files, segments_of, yaml_scalars
from .xliff_store import languages, read_store, read_units, skeletons

IGNORED = shutil.ignore_patterns(".git", ".hg", ".svn", "__pycache__", ".DS_Store")


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportReport:
    """What an import wrote: the language, counts, and what is still in the source language."""

    language: str
    units: int
    translated: int
    untranslated: tuple[str, ...]  # "file key" of texts left in the source language
    outdated: tuple[str, ...]  # translated from an older source text: left untranslated
    code_problems: tuple[str, ...]  # inline codes a translation dropped or invented


def course_root(xliff_path: Path, course_dir: Path | None) -> Path:
    """The source course: given, or the folder of the course file the XLIFF names."""
    if course_dir is not None:
        return course_dir
    href = skeletons(read_store(xliff_path)).get(COURSE_FILE)
    if not href:
        raise CourseforgeError(f"{xliff_path}: no skeleton names the course; give the source "
                               "course with --course")
    return (xliff_path.absolute().parent / href).parent


def import_translation(xliff_path: Path, output: Path,
                       course_dir: Path | None = None) -> ImportReport:
    """Write the translated course into ``output``; the source course must check clean."""
    store = read_store(xliff_path)
    _, language = languages(store)
    if not language:
        raise CourseforgeError(f"{xliff_path}: the XLIFF file names no target-language")
    root = load_checked(course_root(xliff_path, course_dir)).course.root
    output = check_output_folder(output, root)
    if output.exists() and any(output.iterdir()) and not (output / COURSE_FILE).is_file():
        raise CourseforgeError(f"'{output}' is a folder that holds no course: choose a new or "
                               "empty folder, or a translated course to replace")
    units = {(u.file, u.key): u for u in read_units(store)}
    untranslated, outdated, problems, translated, total = [], [], [], 0, 0
    files: dict[str, str] = {}
    for name, text in course_files(root, []):
        replacements: list[tuple[Segment, str]] = []
        for segment in segments_of(name, text):
            total += 1
            unit = units.get((segment.file, segment.key))
            label = f"{segment.file} {segment.key}"
            if unit is None or not unit.target:
                untranslated.append(label)
            elif unit.source != segment.text:
                outdated.append(label)
            else:
                translated += 1
                replacements.append((segment, unit.target))
                problems += [f"{label}: {p}" for p in unit.code_problems]
        if name == COURSE_FILE:
            replacements += _language(name, text, language)
        files[name] = _replace(text, replacements)
    with staging_folder(output) as staging:
        course = staging / "course"
        shutil.copytree(root, course, ignore=IGNORED, symlinks=True)
        for name, text in files.items():
            (course / name).write_text(text, encoding="utf-8")
        _check(course)
        _publish(course, output, staging)
    return ImportReport(language=language, units=total, translated=translated,
                        untranslated=tuple(untranslated), outdated=tuple(outdated),
                        code_problems=tuple(problems))


def _language(name: str, text: str, language: str) -> list[tuple[Segment, str]]:
    for path, node, _ in yaml_scalars(name, text):
        if path == LANGUAGE_KEY:
            return [(Segment(file=name, key=path, text=node.value, start=node.start_mark.index,
                             end=node.end_mark.index, note="", yaml_style=node.style or ""),
                     language)]
    return []


def _replace(text: str, replacements: list[tuple[Segment, str]]) -> str:
    """The text with each segment's span replaced by its translation, from the end."""
    for segment, translation in sorted(replacements, key=lambda r: r[0].start, reverse=True):
        if segment.yaml_style is None:
            value = " ".join(translation.split("\n"))  # a Markdown line stays one line
        else:
            value = json.dumps(translation, ensure_ascii=False)  # a YAML double-quoted scalar
            if segment.yaml_style in ("|", ">"):
                value += "\n"  # a block scalar's span ends with its line break
        text = text[:segment.start] + value + text[segment.end:]
    return text


def _check(course: Path) -> None:
    """The translated course must check clean: a translation must not break it."""
    _, diagnostics = diagnose(course)
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise ValidationFailed(diagnostics)


def _publish(course: Path, output: Path, staging: Path) -> None:
    try:
        if output.exists():
            os.replace(output, staging / "previous")
        os.replace(course, output)
    except OSError as exc:
        raise CourseforgeError(f"cannot write '{output}': {exc.strerror or exc}") from None
