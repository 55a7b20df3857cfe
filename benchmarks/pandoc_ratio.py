"""The reference: pandoc turning the same lesson Markdown into the same seven decks.

pandoc comes from Debian (``apt-get install -y pandoc``); the benchmark uses the one on the
PATH and says so, or prints how to get it. Each deck is its own pandoc process, as a trainer
would run it: one per module and one of the whole course, with the images found.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from measure import Sample, median, run_once

HOW_TO_GET = "apt-get install -y pandoc (Debian's package)"


def pandoc() -> tuple[str | None, str]:
    """pandoc's path (None when missing) and where it comes from, for the report."""
    path = shutil.which("pandoc")
    if path is None:
        return None, f"pandoc not found: {HOW_TO_GET} for the ratio"
    first = subprocess.run([path, "--version"], capture_output=True, text=True,
                           check=False).stdout.splitlines()
    version = first[0] if first else "pandoc"
    return path, f"{version} at {path} ({HOW_TO_GET})"


def _markdown(course: Path, modules: list[object]) -> str:
    """Lesson Markdown of some modules as one pandoc document (slides and notes)."""
    parts = []
    for module in modules:
        parts.append(f"# {module.title}\n")  # type: ignore[attr-defined]
        for slide in module.lesson.slides:  # type: ignore[attr-defined]
            body = slide.body
            for image in slide.images:
                body = body.replace(f"]({image.src})", f"]({course / image.path})")
            parts.append(f"## {slide.title}\n\n{body}\n\n::: notes\n{slide.notes}\n:::\n")
    return "\n".join(parts)


def deck_commands(executable: str, course: Path, work: Path) -> list[list[str]]:
    """One pandoc command per deck courseforge makes: each module, then the whole course."""
    from courseforge.loading import load_checked

    modules = list(load_checked(course).course.modules)
    work.mkdir(parents=True, exist_ok=True)
    commands = []
    for name, chosen in [*((m.id, [m]) for m in modules), ("course", modules)]:
        source = work / f"{name}.md"
        source.write_text(_markdown(course, chosen), encoding="utf-8")
        commands.append([executable, str(source), "-o", str(work / f"{name}.pptx")])
    return commands


def alternated(ours: list[str], theirs: list[list[str]], runs: int) -> tuple[Sample, Sample]:
    """Medians of our build and of pandoc's decks, measured in turns so that both meet the
    same load on a shared machine."""
    mine, reference = [], []
    for _ in range(runs):
        mine.append(run_once(ours))
        total = Sample(0.0, 0.0, 0.0)
        for command in theirs:
            total = total + run_once(command)
        reference.append(total)
    return median(mine), median(reference)
