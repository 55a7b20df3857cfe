"""The build: load and validate everything, run the builders into a staging folder, publish."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .builders import REGISTRY, builder_class
from .builders.base import Builder, BuildOptions, Progress
from .errors import CourseforgeError
from .lms.presets import preset
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
    checked = load_checked(course_dir, preset(options.lms))
    output = check_output_folder(output, checked.course.root)
    names = expand_formats(formats)
    builders = [builder_class(name)(checked.course, options) for name in names]
    with staging_folder(output) as staging:
        if options.jobs > 1 and len(builders) > 1:
            _build_in_parallel(builders, staging, options.jobs, progress)
        else:
            for builder in builders:
                progress(f"building {builder.name}: {builder.description}")
                builder.build(staging, progress)
        publish(staging, output, [b.folder for b in builders])
    return checked


def _run_builder(builder: Builder, staging: Path) -> list[str]:
    """Run one builder in a worker process; its progress messages come back as a list."""
    messages: list[str] = []
    builder.build(staging, messages.append)
    return messages


def _build_in_parallel(builders: Sequence[Builder], staging: Path, jobs: int,
                       progress: Progress) -> None:
    """Each format in its own process; every builder writes only below its own entry."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(builders))) as pool:
        futures = [(b, pool.submit(_run_builder, b, staging)) for b in builders]
        for builder, future in futures:
            messages = future.result()
            progress(f"built {builder.name}: {builder.description}")
            for message in messages:
                progress(message)
