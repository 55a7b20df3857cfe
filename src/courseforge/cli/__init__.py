"""The command line: the Click group and its commands; the work happens elsewhere.

Each command lives in a module of its own and imports its work only when it runs, so
``courseforge --help`` starts without loading a builder.
"""

from __future__ import annotations

import click

from .. import __version__
from .analysis import analyze, report
from .build import build
from .check import check
from .import_bank import import_bank
from .serve import serve
from .take import take
from .translate import translate


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


for _command in (check, build, take, analyze, report, serve, translate, import_bank):
    main.add_command(_command)

__all__ = ["main"]
