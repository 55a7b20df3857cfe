"""``courseforge translate export`` and ``import``: a course's texts through XLIFF 1.2."""

from __future__ import annotations

from pathlib import Path

import click

from .options import COURSE_DIR, located

SHOWN_UNTRANSLATED = 20


@click.group()
def translate() -> None:
    """Translate a course with any XLIFF tool: export its texts, import the translation.

    \b
    Example:
      courseforge translate export course --to de -o course.de.xlf
      courseforge translate import course.de.xlf -o course-de
    """


@translate.command("export")
@COURSE_DIR
@click.option("--to", "language", required=True, metavar="LANG",
              help="The target language, a tag such as de, fr-CA or ar.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The XLIFF 1.2 file to write. An earlier export there keeps its "
                   "translations; texts whose source changed are marked to translate again.")
def translate_export(course_dir: Path, language: str, output: Path) -> None:
    """Write the course's texts as XLIFF 1.2 for a translator.

    One unit per text (titles, slide text, notes, questions, choices, feedback,
    explanations, objectives, outcomes), ids from file and key path, Markdown inline
    markup protected as inline codes, a note with each unit's context.

    \b
    Examples:
      courseforge translate export course --to de -o course.de.xlf
      courseforge translate export course --to ar -o course.ar.xlf   # again after edits
    """
    from ..loading.course_loader import LANGUAGE
    from ..translation import export_course

    if not LANGUAGE.match(language):
        raise click.BadParameter(f"'{language}' is not a language tag such as de or fr-CA",
                                 param_hint="--to")
    with located(course_dir):
        report = export_course(course_dir, language, output)
    click.echo(f"exported {report.units} units to {output}: {report.kept} kept, "
               f"{report.changed} changed, {report.new} new", err=True)


@translate.command("import")
@click.argument("xliff", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The folder to write the translated course into (replaced when complete).")
@click.option("--course", "course_dir", type=click.Path(file_okay=False, path_type=Path),
              help="The source course. Default: the course the XLIFF file was exported from.")
@click.option("--all", "show_all", is_flag=True,
              help=f"List every untranslated text (default: the first {SHOWN_UNTRANSLATED}).")
def translate_import(xliff: Path, output: Path, course_dir: Path | None, show_all: bool) -> None:
    """Write a translated course folder from an XLIFF file.

    The folder has the source course's files, ids and structure, its texts replaced by the
    translations and its language set to the XLIFF's target language; it checks clean and
    builds. Texts without a translation stay in the source language and are listed.

    \b
    Example:
      courseforge translate import course.de.xlf -o course-de
      courseforge build course-de -o output-de
    """
    from ..translation import import_translation

    with located(course_dir or xliff.parent):
        report = import_translation(xliff, output, course_dir)
    untranslated = [f"untranslated: {label}" for label in report.untranslated] + [
        f"untranslated (its source changed since the export; export again): {label}"
        for label in report.outdated]
    shown = untranslated if show_all or len(untranslated) <= SHOWN_UNTRANSLATED \
        else untranslated[:SHOWN_UNTRANSLATED]
    for line in shown:
        click.echo(f"{xliff}: warning: {line}", err=True)
    if len(shown) < len(untranslated):
        click.echo(f"{xliff}: warning: and {len(untranslated) - len(shown)} more untranslated "
                   "texts (--all lists every one)", err=True)
    for problem in report.code_problems:
        click.echo(f"{xliff}: warning: inline codes differ from the source: {problem}", err=True)
    click.echo(f"wrote the '{report.language}' course into {output}: {report.translated} of "
               f"{report.units} texts translated", err=True)
