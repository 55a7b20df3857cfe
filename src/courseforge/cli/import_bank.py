"""``courseforge import``: a question bank (GIFT, Moodle XML, QTI 2.1) into a quiz.yml."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("import")
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
    from ..importing import read_bank, write_quiz

    draft = read_bank(kind, bank)
    write_quiz(draft, output, force)
    for problem in draft.problems:
        click.echo(str(problem), err=True)
    click.echo(f"wrote {len(draft.questions)} questions to {output}", err=True)
