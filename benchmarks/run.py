"""courseforge benchmark: prints a table of timings, peak memory and output sizes.

Usage: python benchmarks/run.py [--runs 5] [--large-runs 3] [--skip-large]

Each figure is the median of several runs of the whole `courseforge` process (cold start
included). Peak memory is the process's maximum resident set size. Where pandoc is on the
PATH, the bundled course's slides are also built by pandoc from the same Markdown, for the
ratio. Learner-side figures: the lesson runtime (JS + CSS) gzipped, the SCORM zip size, and,
where Chromium and Playwright are available, a lesson page's time to interactive, first
paint, page change and network requests, each against its budget (runtime <= 40 KB gzipped,
first paint <= 200 ms, page change <= 50 ms, 0 requests).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "course"


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process."""
    import time

    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"failed: {' '.join(command)}\n{error}")
    return elapsed, usage.ru_maxrss / 1024


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median seconds and the largest peak RSS over several runs."""
    results = [run_once(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def courseforge(*args: str) -> list[str]:
    """The command line of courseforge under this Python."""
    return [sys.executable, "-m", "courseforge", *args]


def formats() -> list[str]:
    """Every format the build knows."""
    from courseforge.builders import REGISTRY

    return list(REGISTRY)


def folder_size(path: Path) -> int:
    """Bytes below a path."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def pandoc_markdown(course: Path, target: Path) -> None:
    """The course's lessons as one pandoc Markdown document (slides and notes)."""
    from courseforge.loading import load_checked

    checked = load_checked(course)
    parts = []
    for module in checked.course.modules:
        parts.append(f"# {module.title}\n")
        for slide in module.lesson.slides:
            body = slide.body
            for image in slide.images:
                body = body.replace(f"]({image.src})", f"]({course / image.path})")
            parts.append(f"## {slide.title}\n\n{body}\n\n::: notes\n{slide.notes}\n:::\n")
    target.write_text("\n".join(parts), encoding="utf-8")


# issue 11's learner-side budgets: figures to read, never timed tests
BUDGETS = {"runtime_kb": 40.0, "first_paint_ms": 200.0, "page_change_ms": 50.0, "requests": 0}


def against(value: float, budget: float, unit: str) -> str:
    """A figure with its budget, and whether it holds."""
    verdict = "within" if value <= budget else "OVER"
    return f"{value:.1f} {unit} (budget <= {budget:g} {unit}: {verdict})"


PAGE_CHANGE = """() => {
    const times = [];
    for (let i = 1; i < Math.min(courseforge.pages.length, 21); i++) {
        const t = performance.now();
        courseforge.go(i);
        document.body.getBoundingClientRect();  // the layout the change causes
        times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}"""
FIRST_PAINT = """() => {
    const p = performance.getEntriesByName('first-contentful-paint')[0]
        || performance.getEntriesByType('paint')[0];
    return p ? p.startTime : -1;
}"""


def learner_side(out: Path) -> list[tuple[str, str]]:
    """Runtime weight, package size and (when possible) time to interactive."""
    rows = []
    web = out / "web"
    if web.is_dir():
        runtime = [p for p in web.rglob("*") if p.suffix in (".js", ".css")
                   and "data" not in p.stem]
        gz = sum(len(gzip.compress(p.read_bytes(), 9)) for p in runtime)
        rows.append(("lesson runtime JS + CSS, gzipped",
                     against(gz / 1024, BUDGETS["runtime_kb"], "KB")))
    for version in ("scorm12", "scorm2004"):
        zips = sorted((out / version).glob("*.zip")) if (out / version).is_dir() else []
        if zips:
            rows.append((f"{version} package ({zips[0].name})",
                         f"{zips[0].stat().st_size / 1024:.0f} KB"))
    page = next(iter(sorted(web.glob("*.html"))), None) if web.is_dir() else None
    if page is not None and shutil.which("chromium"):
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            return rows
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                        args=["--no-sandbox", "--disable-gpu"])
            timings, paints, changes = [], [], []
            requests: list[str] = []
            for _ in range(5):
                context = browser.new_context()
                tab = context.new_page()
                tab.on("request", lambda r: requests.append(r.url))
                tab.goto(page.as_uri())
                timings.append(tab.evaluate(
                    "() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return n.domInteractive - n.startTime; }"))
                tab.wait_for_function("() => window.courseforge !== undefined")
                tab.wait_for_timeout(100)
                paints.append(tab.evaluate(FIRST_PAINT))
                changes.append(tab.evaluate(PAGE_CHANGE))
                context.close()
            browser.close()
        network = [u for u in requests if not u.startswith(("file:", "data:", "about:"))]
        rows.append(("lesson page, time to interactive (Chromium)",
                     f"{statistics.median(timings):.0f} ms"))
        rows.append(("lesson page, first paint (Chromium)",
                     against(statistics.median(paints), BUDGETS["first_paint_ms"], "ms")))
        rows.append(("lesson page change, median (Chromium)",
                     against(statistics.median(changes), BUDGETS["page_change_ms"], "ms")))
        rows.append(("network requests from a lesson page",
                     f"{len(network)} (budget {BUDGETS['requests']}: "
                     f"{'within' if len(network) <= BUDGETS['requests'] else 'OVER'})"))
    return rows


def main() -> None:
    """Run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large-runs", type=int, default=3)
    parser.add_argument("--skip-large", action="store_true", help="leave out 1000 slides")
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="courseforge-bench-"))
    try:
        for flag in ("--help", "--version"):
            seconds, rss = measure(courseforge(flag), args.runs)
            rows.append((f"courseforge {flag}", f"{seconds:.3f} s, {rss:.0f} MB"))
        courses = {"bundled": BUNDLED, "100 slides": generate(work / "s100", 100)}
        if not args.skip_large:
            courses["1000 slides"] = generate(work / "s1000", 1000)
        totals: dict[str, float] = {}
        for label, course in courses.items():
            runs = args.large_runs if label == "1000 slides" else args.runs
            for fmt in [*formats(), "all"]:
                out = work / f"out-{label.replace(' ', '')}-{fmt}"
                command = courseforge("build", str(course), "-o", str(out), "-q",
                                      *(["-f", fmt] if fmt != "all" else []))
                seconds, rss = measure(command, runs)
                size = folder_size(out)
                rows.append((f"{label}: {fmt}",
                             f"{seconds:.2f} s, {rss:.0f} MB peak, {size / 1024:.0f} KB out"))
                if fmt == "all":
                    totals[label] = seconds
            out = work / f"out-{label.replace(' ', '')}-jobs"
            seconds, rss = measure(courseforge("build", str(course), "-o", str(out), "-q",
                                               "-j", "2"), runs)
            rows.append((f"{label}: all, --jobs 2",
                         f"{seconds:.2f} s, {rss:.0f} MB peak (main process), "
                         f"speed-up {totals[label] / seconds:.2f}"))
        if "1000 slides" in totals:
            rows.append(("growth t(1000) / t(100), all formats",
                         f"{totals['1000 slides'] / totals['100 slides']:.1f}"))
        pandoc = shutil.which("pandoc")
        if pandoc:
            markdown = work / "bundled.md"
            pandoc_markdown(BUNDLED, markdown)
            seconds, _ = measure([pandoc, str(markdown), "-o", str(work / "pandoc.pptx")],
                                 args.runs)
            rows.append(("pandoc, bundled course slides only", f"{seconds:.2f} s"))
            rows.append(("courseforge all formats / pandoc slides only",
                         f"{totals['bundled'] / seconds:.2f}"))
        else:
            rows.append(("pandoc", "not installed: no ratio"))
        rows += learner_side(work / "out-bundled-all")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure'.ljust(width)} | result |")
    print(f"| {'-' * width} | --- |")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
