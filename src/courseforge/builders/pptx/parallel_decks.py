"""The decks with ``--jobs``: module decks written in worker processes, in runs of modules
in course order, and the course deck written here meanwhile, from what they hand on.

A course deck written apart from its module decks would lay out every module slide again;
so each run of module decks hands back its fitted pages, typeset specs and kept slides
(:class:`~.decks.WrittenModules`), and the course deck takes each run when it first needs
one of its slides: it copies them as one process writing every deck does, while the
workers write the next runs.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from ...model import Course
from ..base import BuildOptions
from .decks import WrittenModules, write_deck_set, write_module_decks
from .slide_specs import SlideSpec, course_deck_module, module_body
from .texts import speaking

RUNS_PER_JOB = 4  # small enough for the course deck to start early, few enough to pickle
_GIVEN: tuple[Course, bytes, BuildOptions, Path] | None = None  # a worker's course and deck


def write_in_parallel(course: Course, template: bytes, options: BuildOptions, folder: Path,
                      tell: Callable[[list[str]], None]) -> None:
    """Every module deck in ``options.jobs`` workers, the course deck here; what each
    writes is told in course order."""
    runs = module_runs(course, RUNS_PER_JOB * options.jobs)
    with ProcessPoolExecutor(max_workers=min(options.jobs, len(runs)), initializer=_given,
                             initargs=(course, template, options, folder)) as pool:
        pending: list[Future[tuple[list[str], WrittenModules]]] = [
            pool.submit(_write_run, run) for run in runs]
        with speaking(course):
            bodies = {module.id: module_body(course, module, options.answer_slides)
                      for module in course.modules}
            run_of = _run_of_specs(course, bodies, runs)
        taken = 0

        def take() -> WrittenModules:
            nonlocal taken
            messages, written = pending[taken].result()
            taken += 1
            tell(messages)
            return written

        def handed(timed: SlideSpec) -> WrittenModules | None:
            """The next run, if the one that may hold ``timed`` is still to be taken."""
            return take() if run_of.get(timed, -1) >= taken else None

        with speaking(course):
            messages, _ = write_deck_set(course, template, options, folder, [None], handed,
                                         bodies=bodies)
        while taken < len(pending):  # runs with no slide the course deck needed
            take()
    tell(messages)


def _run_of_specs(course: Course, bodies: dict[str, list[SlideSpec]], runs: list[list[str]]
                  ) -> dict[SlideSpec, int]:
    """Each module slide of the course deck (timed as there), by the run writing its module."""
    run_of = {module_id: index for index, run in enumerate(runs) for module_id in run}
    found: dict[SlideSpec, int] = {}
    for module in course.modules:
        for spec in course_deck_module(course, module, bodies[module.id]):
            found.setdefault(spec, run_of[module.id])
    return found


def module_runs(course: Course, count: int) -> list[list[str]]:
    """The module ids in course order, cut into at most ``count`` runs of about equal slide
    counts."""
    weights = [(m.id, len(m.lesson.slides) + 2 * len(m.quiz.questions if m.quiz else ()))
               for m in course.modules]
    total = sum(weight for _, weight in weights) or 1
    runs: list[list[str]] = [[]]
    done = 0
    for module_id, weight in weights:
        if runs[-1] and done >= total * len(runs) / count:
            runs.append([])
        runs[-1].append(module_id)
        done += weight
    return runs


def _given(course: Course, template: bytes, options: BuildOptions, folder: Path) -> None:
    """A worker's start: the course and reference deck, sent once rather than with each run."""
    global _GIVEN
    _GIVEN = (course, template, options, folder)


def _write_run(run: list[str]) -> tuple[list[str], WrittenModules]:
    """One run of module decks, in a worker."""
    assert _GIVEN is not None, "a worker starts with _given"
    return write_module_decks(*_GIVEN, run)
