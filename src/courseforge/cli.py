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


@main.command()
@COURSE_DIR
def check(course_dir: Path) -> None:
    """Check a course and report every problem as path:line: severity: message [code].

    Exits 1 when there are errors, 0 when there are none (warnings allowed).
    COURSE_DIR defaults to ./course.

    \b
    Example:
      courseforge check course
    """
    from .errors import Severity, from_folder, summary
    from .loading import diagnose

    _, diagnostics = diagnose(course_dir)
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
@click.option("--package", type=click.Choice(["single", "per-module"]), default="single",
              show_default=True, help="SCORM: one package for the course, or also one per module.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Build formats, and slide decks within pptx, in this many parallel processes.")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages: warnings and errors only.")
def build(course_dir: Path, output: Path, formats: tuple[str, ...], templates: Path | None,
          pptx_template: Path | None, layouts: tuple[str, ...], package: str, jobs: int,
          quiet: bool) -> None:
    """Check a course, then build it into OUTPUT (default ./output).

    Nothing is written when the course has errors; the previous output stays
    intact until the new one is complete. COURSE_DIR defaults to ./course.

    \b
    Examples:
      courseforge build                       # ./course into ./output, every format
      courseforge build course -f json -o out
      courseforge build -j 2 -f pptx -f scorm12
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
                           layout_names=tuple(mapping), package=package, jobs=jobs)

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
