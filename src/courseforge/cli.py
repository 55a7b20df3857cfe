"""The command line: options, help and examples; the work happens elsewhere."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import click

from . import __version__

COURSE_DIR = click.argument(
    "course_dir", required=False, default="course",
    type=click.Path(file_okay=True, dir_okay=True, path_type=Path),
)


class _Commands(click.Group):
    """The command group; Ctrl-C ends a command with the shell's usual status, 130."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # a build leaves the previous output as it was (it writes into a staging folder)
            click.echo("Interrupted.", err=True)
            ctx.exit(130)


@click.group(cls=_Commands,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="courseforge")
def main() -> None:
    """Build slide decks, SCORM lessons and graded quizzes from one plain-text course.

    \b
    Example:
      courseforge check course
      courseforge build course -o output
    """


def _lms_names() -> list[str]:
    from .lms.presets import PRESETS

    return sorted(PRESETS)


LMS_OPTION = click.option(
    "--lms", type=click.Choice(_lms_names()), default="generic", show_default=True,
    help="The LMS the packages are for: picks the SCORM version (when no -f is given) and "
         "the tracking settings it needs; see docs/lms.md.")


@main.command()
@COURSE_DIR
@LMS_OPTION
def check(course_dir: Path, lms: str) -> None:
    """Check a course and report every problem as path:line: severity: message [code].

    Once a course has no errors, each recommendation quiz's outcome mapping is checked
    (warnings) and its personas must get their expected outcome (errors): docs/analysis.md.
    Exits 1 when there are errors, 0 when there are none (warnings allowed).
    COURSE_DIR defaults to ./course. --lms checks the tracking data against that LMS's limits.

    \b
    Example:
      courseforge check course
      courseforge check course --lms moodle
    """
    from .errors import Severity, from_folder, summary
    from .lms.presets import preset
    from .loading import diagnose

    course, diagnostics = diagnose(course_dir, preset(lms))
    if course is not None and not any(d.severity is Severity.ERROR for d in diagnostics):
        from .builders.pptx.table_check import table_warnings  # measured as the decks are

        diagnostics = sorted(set(diagnostics) | set(table_warnings(course)),
                             key=lambda d: d.sort_key)
    for diagnostic in from_folder(course_dir.as_posix(), diagnostics):
        click.echo(str(diagnostic))
    click.echo(summary(diagnostics))  # with the diagnostics: one stream to pipe or grep
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise SystemExit(1)


def _format_names() -> list[str]:
    from .builders import REGISTRY

    return [*REGISTRY, "all"]


class _LazyChoice(click.Choice):  # type: ignore[type-arg]
    """A Choice whose values come from the builder registry, read when first needed."""

    def __init__(self) -> None:
        super().__init__([], case_sensitive=False)

    @property  # type: ignore[override]
    def choices(self) -> list[str]:
        return _format_names()

    @choices.setter
    def choices(self, value: object) -> None:
        pass


@main.command()
@COURSE_DIR
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Folder to write into; replaced entry by entry when done.")
@click.option("-f", "--format", "formats", multiple=True, type=_LazyChoice(),
              help="Format to build; repeat for several. Default: all.")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of theme overrides, searched before the course's own templates/.")
@click.option("--pptx-template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A .pptx or .potx whose masters and layouts replace the default reference deck.")
@click.option("--layout", "layouts", multiple=True, metavar="ROLE=NAME",
              help="Map a slide role (title, section, content, comparison, title-only) to a "
                   "layout name of --pptx-template; repeatable.")
@click.option("--answer-slides/--no-answer-slides", default=None,
              help="Decks: show (or hide) answer slides for every quiz. Default: shown for "
                   "practice quizzes, hidden for quizzes that count or hide their answers.")
@click.option("--footer", metavar="TEXT", default="",
              help="Decks: text for the template's footer placeholder when it has none.")
@click.option("--package", type=click.Choice(["single", "per-module"]), default="single",
              show_default=True, help="SCORM: one package for the course, or also one per module.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Build formats, and slide decks within pptx, in this many parallel processes.")
@LMS_OPTION
@click.option("-q", "--quiet", is_flag=True, help="No progress messages: warnings and errors only.")
def build(course_dir: Path, output: Path, formats: tuple[str, ...], templates: Path | None,
          pptx_template: Path | None, layouts: tuple[str, ...], answer_slides: bool | None,
          footer: str, package: str, jobs: int, lms: str, quiet: bool) -> None:
    """Check a course, then build it into OUTPUT (default ./output).

    Nothing is written when the course has errors; the previous output stays
    intact until the new one is complete. COURSE_DIR defaults to ./course.

    \b
    Examples:
      courseforge build                       # ./course into ./output, every format
      courseforge build course -f json -o out
      courseforge build -j 2 -f pptx -f scorm12
      courseforge build -f pptx --pptx-template brand.potx --footer "ACME Academy"
      courseforge build --lms moodle         # the SCORM package Moodle needs
    """
    from .build import build as run_build
    from .builders.base import BuildOptions
    from .errors import from_folder

    mapping = []
    for item in layouts:
        role, sep, name = item.partition("=")
        if not sep or not role.strip() or not name.strip():
            raise click.BadParameter(f"'{item}' is not ROLE=NAME", param_hint="--layout")
        from .builders.pptx.slide_specs import ROLES  # only with --layout: pptx is built

        if role.strip() not in ROLES:
            raise click.BadParameter(f"'{role.strip()}' is not a slide role; use one of "
                                     f"{', '.join(ROLES)}", param_hint="--layout")
        mapping.append((role.strip(), name.strip()))
    options = BuildOptions(templates=templates, pptx_template=pptx_template,
                           layout_names=tuple(mapping), answer_slides=answer_slides,
                           footer=footer, package=package, jobs=jobs, lms=lms)
    if not formats and click.get_current_context().get_parameter_source("lms") \
            is not click.core.ParameterSource.DEFAULT:
        from .lms.presets import preset

        formats = (preset(lms).standard,)  # an LMS named: its package only

    def progress(message: str) -> None:
        if not quiet or message.startswith("note:"):  # a note is a warning about the output
            click.echo(f"  {message}", err=True)

    with _located(course_dir):
        checked = run_build(course_dir, output, formats, options, progress)
    for warning in from_folder(course_dir.as_posix(), checked.warnings):
        click.echo(str(warning), err=True)
    if not quiet:
        click.echo(f"built '{checked.course.title}' into {output}", err=True)


@main.command()
@COURSE_DIR
@click.option("-m", "--module", "module_id", metavar="ID",
              help="Take this module's quiz. Default: the final assessment (the last quiz with "
                   "recommend: true, else the last quiz).")
@click.option("--seed", type=click.IntRange(min=0), default=1, show_default=True,
              help="Attempt number that seeds shuffled quizzes; the same seed, the same order.")
def take(course_dir: Path, module_id: str | None, seed: int) -> None:
    """Take a quiz in the terminal: answer by number, then read the feedback and score.

    Single choice: 2. Several answers: 1,3. True/false: 1/2 or t/f. Matching: one
    number per item. Answers may be piped in, one per line. COURSE_DIR defaults to ./course.
    Exits 0 once the quiz is taken, passed or not (the result is printed); 1 when the course
    has errors or the input ends early.

    \b
    Examples:
      courseforge take course                        # the final assessment
      courseforge take course --module pmo-manager --seed 2
      courseforge take course < answers.txt          # one answer per line
    """
    from .take import take_quiz

    with _located(course_dir):
        take_quiz(course_dir, module_id, seed)


@main.command()
@COURSE_DIR
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Folder to write analysis/index.html into.")
def analyze(course_dir: Path, output: Path) -> None:
    """Analyse each recommending quiz's outcome mapping, and write an HTML page with charts.

    Prints each outcome's highest total, its share under random answers (exact, or a seeded
    estimate with its error bound), ties, straight-lining, each question's influence on the
    recommendation and the personas' results; writes OUTPUT/analysis/index.html. Thresholds
    and personas are set in quiz.yml (docs/analysis.md). COURSE_DIR defaults to ./course.

    \b
    Example:
      courseforge analyze course -o output
    """
    from .analysis.commands import run_analyze

    with _located(course_dir):
        page = run_analyze(course_dir, output, click.echo)
    if page is not None:
        click.echo(f"wrote {page}", err=True)


@main.command()
@COURSE_DIR
@click.option("--from", "files", multiple=True, required=True, metavar="FILE",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="xAPI statements (.json) or a learner,question,response CSV; repeatable.")
@click.option("-m", "--module", "module_id", metavar="ID",
              help="Report on this module's quiz. Default: the final assessment.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Folder to write report/index.html into.")
def report(course_dir: Path, files: tuple[Path, ...], module_id: str | None,
           output: Path) -> None:
    """Report what real learners did: difficulty, discrimination, distractors, mastery, outcomes.

    Reads each learner's latest answers from xAPI statements (an LRS export, .json) or a CSV
    with the columns learner, question, response (and optionally module): see
    docs/analysis.md. Prints the figures and writes OUTPUT/report/index.html.

    \b
    Examples:
      courseforge report course --from statements.json
      courseforge report course --from week1.csv --from week2.csv -o output
    """
    from .analysis.commands import run_report

    with _located(course_dir):
        page = run_report(course_dir, files, module_id, output, click.echo)
    click.echo(f"wrote {page}", err=True)


@main.command()
@COURSE_DIR
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=0,
              help="Port on 127.0.0.1 to serve on. Default: a free one.")
@click.option("--open/--no-open", "open_browser", default=True, show_default=True,
              help="Open the preview in the default browser.")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of theme overrides, searched before the course's own templates/; "
                   "watched too.")
def serve(course_dir: Path, port: int, open_browser: bool, templates: Path | None) -> None:
    """Preview the lessons live while you edit, with what an LMS would store beside them.

    Serves on 127.0.0.1 only, rebuilds what a saved change touched and reloads the page on
    the slide you were reading. Errors appear over the page with file and line; the last
    good build stays shown until the course checks clean. The LMS inspector runs the SCORM
    1.2 or 2004 lesson against a recording LMS; the deck outline shows the slides each
    module's deck will hold. Ctrl-C stops. COURSE_DIR defaults to ./course.

    \b
    Examples:
      courseforge serve                       # ./course, a free port, opens the browser
      courseforge serve my-course -p 8000 --no-open
    """
    from .builders.base import BuildOptions
    from .serve import serve as run_preview

    run_preview(course_dir, BuildOptions(templates=templates), port, open_browser,
                lambda message: click.echo(message, err=True))


@contextlib.contextmanager
def _located(course_dir: Path) -> Iterator[None]:
    """Report a course's errors with paths from where the user is, as ``check`` does."""
    from .errors import ValidationFailed, from_folder

    try:
        yield
    except ValidationFailed as failed:
        raise ValidationFailed(from_folder(course_dir.as_posix(), failed.diagnostics)) from None


SHOWN_UNTRANSLATED = 20


@main.group()
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
    from .loading.course_loader import LANGUAGE
    from .translation import export_course

    if not LANGUAGE.match(language):
        raise click.BadParameter(f"'{language}' is not a language tag such as de or fr-CA",
                                 param_hint="--to")
    with _located(course_dir):
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
    from .translation import import_translation

    with _located(course_dir or xliff.parent):
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


@main.command("import")
@click.argument("kind", type=click.Choice(["gift", "moodle-xml", "qti"]))
@click.argument("bank", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The quiz.yml to write, usually course/modules/<id>/quiz.yml.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
def import_bank(kind: str, bank: Path, output: Path, force: bool) -> None:
    """Turn a question bank (GIFT, Moodle XML, or a QTI 2.1 package) into a quiz.yml.

    Ids come from question names (stable across imports); what the course format cannot
    hold is reported as path:line: warning: message [code]. Exits 1 when the file cannot be
    read or holds no question the course format can hold.

    \b
    Examples:
      courseforge import gift bank.txt -o course/modules/pmo/quiz.yml
      courseforge import moodle-xml questions.xml -o course/modules/intro/quiz.yml --force
      courseforge import qti package.zip -o course/modules/final/quiz.yml
    """
    from .importing import read_bank, write_quiz

    draft = read_bank(kind, bank)
    write_quiz(draft, output, force)
    for problem in draft.problems:
        click.echo(str(problem), err=True)
    click.echo(f"wrote {len(draft.questions)} questions to {output}", err=True)
