"""``courseforge build``: check a course, then write the chosen formats."""

from __future__ import annotations

from pathlib import Path

import click

from .options import COURSE_DIR, LMS_OPTION, located


def _format_names() -> list[str]:
    from ..builders import REGISTRY

    return [*REGISTRY, "all"]


class _FormatChoice(click.Choice):  # type: ignore[type-arg]
    """A Choice whose values come from the builder registry, read when first needed."""

    def __init__(self) -> None:
        super().__init__([], case_sensitive=False)

    @property  # type: ignore[override]
    def choices(self) -> list[str]:
        return _format_names()

    @choices.setter
    def choices(self, value: object) -> None:
        pass


def _layout_names(layouts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The --layout ROLE=NAME pairs, each role checked against the deck's slide roles."""
    mapping = []
    for item in layouts:
        role, sep, name = item.partition("=")
        if not sep or not role.strip() or not name.strip():
            raise click.BadParameter(f"'{item}' is not ROLE=NAME", param_hint="--layout")
        from ..builders.pptx.slide_specs import ROLES  # only with --layout: pptx is built

        if role.strip() not in ROLES:
            raise click.BadParameter(f"'{role.strip()}' is not a slide role; use one of "
                                     f"{', '.join(ROLES)}", param_hint="--layout")
        mapping.append((role.strip(), name.strip()))
    return tuple(mapping)


@click.command()
@COURSE_DIR
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Folder to write into; replaced entry by entry when done.")
@click.option("-f", "--format", "formats", multiple=True, type=_FormatChoice(),
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
    from ..build import build as run_build
    from ..builders.base import BuildOptions
    from ..errors import from_folder

    options = BuildOptions(templates=templates, pptx_template=pptx_template,
                           layout_names=_layout_names(layouts), answer_slides=answer_slides,
                           footer=footer, package=package, jobs=jobs, lms=lms)
    if not formats and click.get_current_context().get_parameter_source("lms") \
            is not click.core.ParameterSource.DEFAULT:
        from ..lms.presets import preset

        formats = (preset(lms).standard,)  # an LMS named: its package only

    def progress(message: str) -> None:
        if not quiet or message.startswith("note:"):  # a note is a warning about the output
            click.echo(f"  {message}", err=True)

    with located(course_dir):
        checked = run_build(course_dir, output, formats, options, progress)
    for warning in from_folder(course_dir.as_posix(), checked.warnings):
        click.echo(str(warning), err=True)
    if not quiet:
        click.echo(f"built '{checked.course.title}' into {output}", err=True)
