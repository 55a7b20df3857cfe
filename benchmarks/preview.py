"""The preview's edit-to-screen time: a saved lesson edit until the lesson shows it again.

Usage: python benchmarks/preview.py [--runs 10] [--skip-large]

Measured in headless Chromium against ``courseforge serve``'s own server and watcher: the
clock starts just before the lesson file is written and stops when the preview page has
loaded the rebuilt lesson (the frame's load event, on the page the author was reading).
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "course"


def edit_to_screen(course: Path, runs: int, quiz: bool = False) -> list[float]:
    """Milliseconds from saving a slide edit (or, with ``quiz``, a quiz title edit, which
    reloads the lesson) to the rebuilt lesson on screen, per run."""
    from playwright.sync_api import sync_playwright

    from courseforge.builders.base import BuildOptions
    from courseforge.serve import start, stop, watch

    preview, server, thread = start(course, BuildOptions(), 0)
    stopping, ready = threading.Event(), threading.Event()
    watcher = threading.Thread(target=watch, daemon=True, args=(
        preview, [course.resolve()], course.name, lambda _: None, stopping, ready))
    watcher.start()
    ready.wait(30)
    assert preview.good is not None, "the course must check clean"
    module = next(m for m in preview.good.course.modules if m.quiz or not quiz)
    lesson = course / module.source.path
    if quiz:
        lesson = lesson.with_name("quiz.yml")
    original = lesson.read_text(encoding="utf-8")
    heading = re.compile(r"^#{1,2} .*$", re.M)  # a slide title gets the run's number
    timings = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                 args=["--no-sandbox", "--disable-gpu"])
            tab = browser.new_page(viewport={"width": 1366, "height": 768})
            tab.goto(server.url)
            tab.wait_for_function("() => document.documentElement.dataset.shownBuild === '1'")
            for run in range(1, runs + 1):
                build = int(tab.evaluate("() => document.documentElement.dataset.shownBuild"))
                # any change to a quiz file reloads the lesson: a comment is enough
                edited = f"{original}\n# edit {run}\n" if quiz else heading.sub(
                    rf"\g<0> ({run})", original, count=1)
                assert edited != original, "the edit must change the file"
                start_ms = time.time() * 1000
                lesson.write_text(edited, encoding="utf-8")
                tab.wait_for_function("(n) => Number(document.documentElement.dataset"
                                      ".shownBuild) > n", arg=build, timeout=30_000)
                shown_at = float(tab.evaluate("() => document.documentElement.dataset.shownAt"))
                timings.append(shown_at - start_ms)
                time.sleep(0.3)
            browser.close()
    finally:
        lesson.write_text(original, encoding="utf-8")
        stopping.set()
        stop(preview, server, thread)
    return timings


def rows(work: Path, runs: int, large: bool) -> list[tuple[str, str]]:
    """Table rows: the median and worst edit-to-screen time per course."""
    courses = {"bundled": BUNDLED}
    if large:
        courses["1000 slides"] = generate(work / "preview-s1000", 1000)
    found = []
    for label, source in courses.items():
        course = work / f"preview-{label.replace(' ', '')}"
        shutil.copytree(source, course, dirs_exist_ok=True)
        for what, quiz in (("slide edit, swapped in place", False),
                           ("quiz edit, lesson reloaded", True)):
            timings = edit_to_screen(course, runs, quiz)
            found.append((f"serve, {label}: {what}, save to screen (Chromium)",
                          f"{statistics.median(timings):.0f} ms median, "
                          f"{max(timings):.0f} ms worst of {len(timings)}"))
    return found


def main() -> None:
    """Print the preview's rows alone."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--skip-large", action="store_true", help="leave out 1000 slides")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="courseforge-preview-bench-"))
    try:
        for name, value in rows(work, args.runs, not args.skip_large):
            print(f"| {name} | {value} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
