"""Arguments and options several commands share, and how they report a course's errors."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import click

COURSE_DIR = click.argument(
    "course_dir", required=False, default="course",
    type=click.Path(file_okay=True, dir_okay=True, path_type=Path),
)


def _lms_names() -> list[str]:
    from ..lms.presets import PRESETS

    return sorted(PRESETS)


LMS_OPTION = click.option(
    "--lms", type=click.Choice(_lms_names()), default="generic", show_default=True,
    help="The LMS the packages are for: picks the SCORM version (when no -f is given) and "
         "the tracking settings it needs; see docs/lms.md.")


@contextlib.contextmanager
def located(course_dir: Path) -> Iterator[None]:
    """Report a course's errors with paths from where the user is, as ``check`` does."""
    from ..errors import ValidationFailed, from_folder

    try:
        yield
    except ValidationFailed as failed:
        raise ValidationFailed(from_folder(course_dir.as_posix(), failed.diagnostics)) from None
