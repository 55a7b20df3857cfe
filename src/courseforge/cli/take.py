"""``courseforge take``: a quiz in the terminal."""

from __future__ import annotations

from pathlib import Path

import click

from .options import COURSE_DIR, located


@click.command()
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
    from ..take import take_quiz

    with located(course_dir):
        take_quiz(course_dir, module_id, seed)
