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


def _run_builders(builders: Sequence[Builder], staging: Path) -> list[list[str]]:
    """Run builders in turn in a worker process; each one's progress messages come back."""
    told: list[list[str]] = []
    for builder in builders:
        told.append([])
        builder.build(staging, told[-1].append)
    return told


def parallel_tasks(builders: Sequence[Builder], jobs: int) -> list[list[Builder]]:
    """The builders as at most ``jobs`` tasks: each one that splits its own work alone, the
    others in build order, in as many tasks as processes are left (at least one)."""
    alone = [[b] for b in builders if b.splits_work]
    rest = [b for b in builders if not b.splits_work]
    shares = max(1, jobs - len(alone))
    return alone + [chunk for n in range(shares)
                    if (chunk := rest[n * len(rest) // shares:(n + 1) * len(rest) // shares])]


def _build_in_parallel(builders: Sequence[Builder], staging: Path, jobs: int,
                       progress: Progress) -> None:
    """The builders in at most ``jobs`` processes; every builder writes only below its own
    entry.

    A builder that splits its own work between processes (the decks) runs on its own, and
    starts up to ``jobs`` workers of its own besides (so up to about twice ``jobs`` processes
    are busy at once); the others share the remaining processes in build order, so that
    formats made from the same pages and measures (web, SCORM, cmi5; the guide) reuse one
    process's caches rather than each working them out again in a process of its own.
    """
    from concurrent.futures import ProcessPoolExecutor

    tasks = parallel_tasks(builders, jobs)
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        futures = [pool.submit(_run_builders, task, staging) for task in tasks]
        where = {b.name: (futures[n], task.index(b)) for n, task in enumerate(tasks)
                 for b in task}
        for builder in builders:  # in build order, each as soon as its process is done
            future, index = where[builder.name]
            messages = future.result()[index]
            progress(f"built {builder.name}: {builder.description}")
            for message in messages:
                progress(message)
