"""Where the time goes: the per-phase profile of one build and the decks' writing steps,
each measured by a script of this folder in a fresh process, as report rows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from measure import ENVIRONMENT, measure

HERE = Path(__file__).resolve().parent


def _seconds(script: str, *arguments: str) -> dict[str, float]:
    """What a timing script of this folder prints (name -> CPU seconds), run afresh."""
    result = subprocess.run([sys.executable, str(HERE / script), *arguments],
                            capture_output=True, text=True, check=True, env=ENVIRONMENT)
    return dict(json.loads(result.stdout))


def phases(course: Path) -> list[tuple[str, str]]:
    """CPU seconds per phase of one build of every format, in a fresh process."""
    timings: dict[str, float] = {"Python start-up": measure([sys.executable, "-c", "pass"],
                                                            3).cpu}
    for mode in ([], ["--check"]):
        timings.update(_seconds("phases.py", *mode, str(course)))
    apart = ("detail", "check")  # shown, but not parts of the build's total
    total = sum(s for name, s in timings.items() if not name.startswith(apart))
    return [(f"profile: {name}", f"{seconds:.3f} s CPU"
             + ("" if name.startswith(apart) else f" ({100 * seconds / total:.0f} %)"))
            for name, seconds in timings.items()]


def deck_steps(label: str, course: Path) -> list[tuple[str, str]]:
    """CPU seconds of each step of writing a course's decks, in a fresh process."""
    steps = _seconds("deck_steps.py", str(course))
    total = steps["total"]
    return [(f"decks' steps, {label}: {step}", f"{seconds:.3f} s CPU"
             + ("" if step == "total" else f" ({100 * seconds / total:.0f} %)"))
            for step, seconds in steps.items()]
