"""``courseforge check``: every problem of a course, as path:line: severity: message [code]."""

from __future__ import annotations

from pathlib import Path

import click

from .options import COURSE_DIR, LMS_OPTION


@click.command()
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
    from ..errors import Severity, from_folder, summary
    from ..lms.presets import preset
    from ..loading import diagnose

    course, diagnostics = diagnose(course_dir, preset(lms))
    if course is not None and not any(d.severity is Severity.ERROR for d in diagnostics) \
            and any("|" in slide.body for module in course.modules
                    for slide in module.lesson.slides):  # no table without a '|': no import
        from ..builders.pptx.table_check import table_warnings  # measured as the decks are

        diagnostics = sorted(set(diagnostics) | set(table_warnings(course)),
                             key=lambda d: d.sort_key)
    for diagnostic in from_folder(course_dir.as_posix(), diagnostics):
        click.echo(str(diagnostic))
    click.echo(summary(diagnostics))  # with the diagnostics: one stream to pipe or grep
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise SystemExit(1)
