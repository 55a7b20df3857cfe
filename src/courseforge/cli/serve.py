"""``courseforge serve``: the live preview."""

from __future__ import annotations

from pathlib import Path

import click

from .options import COURSE_DIR


@click.command()
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
    from ..builders.base import BuildOptions
    from ..serve import serve as run_preview

    run_preview(course_dir, BuildOptions(templates=templates), port, open_browser,
                lambda message: click.echo(message, err=True))
