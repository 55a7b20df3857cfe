"""``courseforge analyze`` and ``report``: a quiz's outcome mapping, and what learners did."""

from __future__ import annotations

from pathlib import Path

import click

from .options import COURSE_DIR, located


@click.command()
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
    from ..analysis.commands import run_analyze

    with located(course_dir):
        page = run_analyze(course_dir, output, click.echo)
    if page is not None:
        click.echo(f"wrote {page}", err=True)


@click.command()
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
    from ..analysis.commands import run_report

    with located(course_dir):
        page = run_report(course_dir, files, module_id, output, click.echo)
    click.echo(f"wrote {page}", err=True)
