"""Where the slide decks' time goes, step by step: CPU seconds of each step of writing every
deck of a course (the module decks, then the course deck), in one fresh process.

Run by benchmarks/run.py as ``python benchmarks/deck_steps.py COURSE``; prints one JSON
object of step -> CPU seconds, largest first, then "total" and "other" (the specs, the
timing and what lies between the steps); with ``--calls``, step -> how often it was taken.
Each step is timed where the writer calls it, the outermost call only: what a faster way of
doing that one step could save at most.
"""

from __future__ import annotations

import importlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# step -> (module, attribute, name of the function or method): what the writer calls
STEPS = {
    "fit the text (typeset, paginate, measure)": ("decks", None, "_fitted"),
    "lay a slide out (its XML)": ("writer", "DeckWriter", "_laid_out"),
    "copy a slide kept from a module deck": ("writer", "DeckWriter", "_copied"),
    "notes slides": ("slide_parts", "SlideParts", "set_notes"),
    "serialize slides": ("slide_parts", "SlideParts", "finish"),
    "open the reference deck": ("writer", "DeckWriter", "__init__"),
    "the package's parts and relationships": ("writer", None, "package_members"),
    "deflate and zip": ("writer", None, "write_zip"),
}


def resolved(step: str) -> tuple[Any, str]:
    """The module or class that holds a step's function, and the function's name."""
    module_name, owner_name, name = STEPS[step]
    module = importlib.import_module(f"courseforge.builders.pptx.{module_name}")
    return (module if owner_name is None else getattr(module, owner_name)), name


def timed(function: Callable[..., Any], step: str, spent: dict[str, float],
          calls: dict[str, int], busy: list[bool]) -> Callable[..., Any]:
    """``function``, adding the CPU time of each outermost timed call to ``spent[step]``
    and counting its calls in ``calls[step]``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        calls[step] += 1
        if busy[0]:
            return function(*args, **kwargs)
        busy[0] = True
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[step] += time.process_time() - start
            busy[0] = False

    return call


def main() -> None:
    """Write every deck of the course at sys.argv[1], timing each step."""
    from courseforge.builders.base import BuildOptions
    from courseforge.builders.pptx.decks import reference_template, write_decks
    from courseforge.loading import load_checked

    spent = dict.fromkeys(STEPS, 0.0)
    calls = dict.fromkeys(STEPS, 0)
    busy = [False]
    for step in STEPS:
        owner, name = resolved(step)
        setattr(owner, name, timed(getattr(owner, name), step, spent, calls, busy))
    course = load_checked(Path(sys.argv[1])).course
    options = BuildOptions()
    template = reference_template(course, options)
    with tempfile.TemporaryDirectory() as work:
        start = time.process_time()
        write_decks(course, template, options, Path(work), [m.id for m in course.modules]
                    + [None])
        total = time.process_time() - start
    if "--calls" in sys.argv[2:]:
        print(json.dumps(calls))
        return
    steps = {step: round(seconds, 4) for step, seconds in
             sorted(spent.items(), key=lambda item: -item[1])}
    print(json.dumps({**steps, "total": round(total, 4),
                      "other": round(total - sum(spent.values()), 4)}))


if __name__ == "__main__":
    main()
