"""The build: load and validate everything, run the builders into a staging folder, publish."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .builders import REGISTRY, builder_class
from .builders.base import BuildOptions, Progress
from .errors import CourseforgeError
from .loading import CheckedCourse, load_checked
from .packaging import check_output_folder, publish, staging_folder


def expand_formats(names: Sequence[str]) -> list[str]:
    """Format names in build order, ``all`` meaning every format."""
    wanted = set(REGISTRY) if "all" in names or not names else set(names)
    unknown = wanted - set(REGISTRY)
    if unknown:
        raise CourseforgeError(f"unknown format {', '.join(sorted(unknown))}")
    return [name for name in REGISTRY if name in wanted]


def build(course_dir: Path, output: Path, formats: Sequence[str], options: BuildOptions,
          progress: Progress) -> CheckedCourse:
    """Build the given formats of the course into ``output``; nothing is written on error."""
    checked = load_checked(course_dir)
    output = check_output_folder(output, checked.course.root)
    names = expand_formats(formats)
    builders = [builder_class(name)(checked.course, options) for name in names]
    with staging_folder(output) as staging:
        for builder in builders:
            progress(f"building {builder.name}: {builder.description}")
            builder.build(staging, progress)
        publish(staging, output, [b.folder for b in builders])
    return checked
