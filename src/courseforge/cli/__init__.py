"""The command line: the Click group and its commands; the work happens elsewhere.

Each command lives in a module of its own, imported only when that command runs or shows
its help, so ``courseforge --help`` loads Click and little else (a bare ``--version`` is
answered before Click loads, by ``courseforge.console``); each command in turn imports its
work only when it runs.
"""

from __future__ import annotations

import importlib

import click
from click.exceptions import NoSuchCommand

from .. import __version__

# name: (module, function, the first paragraph of its help, which the group's listing shows);
# tests/test_cli.py holds each paragraph to the command's own help
COMMANDS = {
    "check": ("check", "check",
              "Check a course and report every problem as path:line: severity: message [code]."),
    "build": ("build", "build", "Check a course, then build it into OUTPUT (default ./output)."),
    "take": ("take", "take",
             "Take a quiz in the terminal: answer by number, then read the feedback and score."),
    "analyze": ("analysis", "analyze", "Analyse each recommending quiz's outcome mapping, and "
                                       "write an HTML page with charts."),
    "report": ("analysis", "report", "Report what real learners did: difficulty, "
                                     "discrimination, distractors, mastery, outcomes."),
    "serve": ("serve", "serve", "Preview the lessons live while you edit, with what an LMS "
                                "would store beside them."),
    "translate": ("translate", "translate", "Translate a course with any XLIFF tool: export "
                                            "its texts, import the translation."),
    "import": ("import_bank", "import_bank", "Turn a question bank (GIFT, Moodle XML, or a "
                                             "QTI 2.1 package) into a quiz.yml."),
}


class _Commands(click.Group):
    """The command group: imports a command when it is used; Ctrl-C ends a command with the
    shell's usual status, 130."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, function, _ = COMMANDS[cmd_name]
            found = importlib.import_module(f"{__name__}.{module}")
            self.add_command(getattr(found, function), cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except NoSuchCommand:  # suggest from every command, not the imported ones
            raise NoSuchCommand(str(args[0]), possibilities=COMMANDS, ctx=ctx) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The listing, from each command's first paragraph, without importing any."""
        listed = [self.commands.get(name) or click.Command(name, help=COMMANDS[name][2])
                  for name in self.list_commands(ctx)]
        click.Group.format_commands(click.Group(commands=listed), ctx, formatter)

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


__all__ = ["COMMANDS", "main"]
