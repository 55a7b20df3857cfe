"""Where the time of one build goes: CPU seconds per phase, in one fresh process.

Run by benchmarks/run.py as ``python benchmarks/phases.py COURSE``; prints one JSON object
of phase -> CPU seconds, in the order the phases ran: the phases of a build of every format,
then ("detail: ...") the slide decks again, split into the module decks and the course deck.
``python benchmarks/phases.py --check COURSE`` splits ``courseforge check`` the same way:
loading, validation, the mapping analysis and the decks' table check.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def stopwatch() -> tuple[dict[str, float], Callable[[str], None]]:
    """Phase -> CPU seconds, and ``lap(name)``, which records the time since the last lap."""
    timings: dict[str, float] = {}
    mark = [time.process_time()]

    def lap(name: str) -> None:
        now = time.process_time()
        timings[name] = round(now - mark[0], 4)
        mark[0] = now

    return timings, lap


def decks(course: object, work: Path, lap: Callable[[str], None]) -> None:
    """The slide decks alone: the module decks, then the whole-course deck on its own (in a
    build it reuses the module decks' pages, but writes every slide's XML again)."""
    from courseforge.builders.base import BuildOptions
    from courseforge.builders.pptx.decks import reference_template, write_decks

    options = BuildOptions()
    template = reference_template(course, options)  # type: ignore[arg-type]
    modules = [m.id for m in course.modules]  # type: ignore[attr-defined]
    lap("detail: the reference deck")
    write_decks(course, template, options, work / "decks", modules)  # type: ignore[arg-type]
    lap("detail: the module decks alone")
    write_decks(course, template, options, work / "decks", [None])  # type: ignore[arg-type]
    lap("detail: the whole-course deck on its own")


def check(course_dir: Path) -> dict[str, float]:
    """The phases of ``courseforge check``, in CPU seconds."""
    timings, lap = stopwatch()
    import click  # noqa: F401

    lap("check: import click (the CLI)")
    from courseforge.analysis import recommendation_diagnostics
    from courseforge.loading.course_loader import load_course
    from courseforge.validation import validate

    lap("check: import the loader and validation")
    course, _ = load_course(course_dir.resolve())
    lap("check: load the course (YAML, Markdown)")
    assert course is not None
    validate(course)
    lap("check: validate")
    recommendation_diagnostics(course)
    lap("check: the mapping analysis")
    from courseforge.builders.pptx.table_check import table_warnings

    lap("check: import the table measures (font metrics, hyphenation)")
    table_warnings(course)
    lap("check: the decks' table check")
    return timings


def main() -> None:
    """Load the course, then import and run each builder, timing every step."""
    if sys.argv[1] == "--check":
        print(json.dumps(check(Path(sys.argv[2]))))
        return
    timings, lap = stopwatch()
    import click  # noqa: F401 - what every command imports first

    lap("import click (the CLI)")
    from courseforge.builders import REGISTRY, builder_class
    from courseforge.builders.base import BuildOptions
    from courseforge.loading import load_checked

    lap("import the loader and validation")
    course = load_checked(Path(sys.argv[1])).course
    lap("load and validate the course")
    with tempfile.TemporaryDirectory() as work:
        for name in REGISTRY:
            builder = builder_class(name)
            lap(f"{name}: import")
            builder(course, BuildOptions()).build(Path(work), lambda _: None)
            lap(f"{name}: build")
        decks(course, Path(work), lap)
    print(json.dumps(timings))


if __name__ == "__main__":
    main()
