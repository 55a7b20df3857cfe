"""courseforge benchmark: start-up, every format on three courses, pandoc, where time goes.

Usage: python benchmarks/run.py [--runs 5] [--large-runs 3] [--skip-large] [--quick]

``--quick``: three runs, one of the 1000-slide course, no browser figures.

Every figure is the median of several runs of a whole process (cold start included): wall
time, CPU time (user + system) and peak resident memory. The ratio to pandoc compares CPU
time: our build of every format against pandoc making the same seven decks from the same
Markdown, measured in turns; without ``--quick`` or ``--skip-large``, one such pair on the
1000-slide course too (pandoc's 102 decks take about a minute). The targets table closes
the report, each with its figure and whether it holds. A per-phase profile of one build
shows where the time goes, and a split of the decks' time by writing step
(benchmarks/deck_steps.py) what a faster way of doing each step could save at most.
Where Chromium and Playwright are available it also measures the preview's edit-to-screen
time (``courseforge serve``; see benchmarks/preview.py).
Learner-side figures: the lesson runtime (JS + CSS) gzipped, the SCORM zip size and, in
Chromium, first paint, page change and network requests, each against its budget (runtime
<= 40 KB gzipped, first paint <= 200 ms, page change <= 50 ms, 0 requests).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import Sample, courseforge, machine, measure, run_once
from page_figures import page_figures
from pandoc_ratio import alternated, deck_commands, pandoc
from profiles import deck_steps, phases
from synthetic import generate

from courseforge.builders.lesson.weight import RUNTIME_BUDGET_KB, gzipped_kb

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "course"


def formats() -> list[str]:
    """Every format the build knows."""
    from courseforge.builders import REGISTRY

    return list(REGISTRY)


def folder_size(path: Path) -> int:
    """Bytes below a path."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def figure(sample: Sample) -> str:
    """A sample as the table shows it."""
    return (f"{sample.wall:.2f} s wall, {sample.cpu:.2f} s CPU, {sample.rss:.0f} MB peak "
            f"(load {sample.load:.1f})")


# the lessons' learner-side budgets: figures to read, never timed tests
BUDGETS = {"runtime_kb": RUNTIME_BUDGET_KB, "first_paint_ms": 200.0, "page_change_ms": 50.0,
           "requests": 0}


def against(value: float, budget: float, unit: str) -> str:
    """A figure with its budget, and whether it holds."""
    verdict = "within" if value <= budget else "OVER"
    return f"{value:.1f} {unit} (budget <= {budget:g} {unit}: {verdict})"


def runtime_weights(out: Path) -> list[tuple[str, str]]:
    """Each lesson format's runtime JS + CSS, gzipped, against the budget."""

    rows = []
    for fmt in ("web", "scorm12", "scorm2004", "cmi5"):
        built = [out / fmt] if fmt == "web" else sorted(out.glob(f"{fmt}/*.zip"))
        if built and built[0].exists():
            kb = gzipped_kb(built[0])
            rows.append((f"{fmt} runtime JS + CSS, gzipped",
                         f"{kb:.1f} KB (budget <= {BUDGETS['runtime_kb']:g} KB: "
                         f"{verdict(kb <= BUDGETS['runtime_kb'])})"))
    return rows


def learner_side(out: Path) -> list[tuple[str, str]]:
    """Runtime weight, package size and (when possible) time to interactive."""
    rows = runtime_weights(out)
    web = out / "web"
    for version in ("scorm12", "scorm2004"):
        zips = sorted((out / version).glob("*.zip")) if (out / version).is_dir() else []
        if zips:
            rows.append((f"{version} package ({zips[0].name})",
                         f"{zips[0].stat().st_size / 1024:.0f} KB"))
    page = next(iter(sorted(web.glob("*.html"))), None) if web.is_dir() else None
    if page is not None and shutil.which("chromium"):
        try:
            timings, paints, changes, floor, requests = page_figures(page)
        except ImportError:
            return rows
        network = [u for u in requests if not u.startswith(("file:", "data:", "about:"))]
        rows.append(("lesson page, time to interactive (Chromium)",
                     f"{statistics.median(timings):.0f} ms"))
        rows.append(("lesson page, first paint (Chromium)",
                     against(statistics.median(paints), BUDGETS["first_paint_ms"], "ms")))
        rows.append(("a one-paragraph page, first paint (this host's floor, for comparison)",
                     f"{statistics.median(floor):.0f} ms"))
        rows.append(("lesson page change, median (Chromium)",
                     against(statistics.median(changes), BUDGETS["page_change_ms"], "ms")))
        rows.append(("network requests from a lesson page",
                     f"{len(network)} (budget {BUDGETS['requests']}: "
                     f"{'within' if len(network) <= BUDGETS['requests'] else 'OVER'})"))
    return rows


def verdict(holds: bool) -> str:
    return "holds" if holds else "MISSES"


class Report:
    """The measurements and the targets, printed as two tables."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str]] = []
        self.targets: list[tuple[str, str]] = []

    def target(self, name: str, value: str, holds: bool) -> None:
        self.targets.append((name, f"{value}: {verdict(holds)}"))

    def print(self) -> None:
        for title, rows in (("measure", self.rows), ("target", self.targets)):
            width = max(len(r[0]) for r in rows)
            print(f"| {title.ljust(width)} | result |")
            print(f"| {'-' * width} | --- |")
            for name, value in rows:
                print(f"| {name.ljust(width)} | {value} |")
            print()


def start_up(report: Report, runs: int) -> None:
    """--help, --version and check: judged on CPU time (on a shared machine the wall time
    measures the other processes too)."""
    floor = measure([sys.executable, "-c", "import click"], runs)
    report.rows.append(("Python start-up with Click alone (the floor)", figure(floor)))
    for label, args in (("courseforge --help", ["--help"]),
                        ("courseforge --version", ["--version"]),
                        ("courseforge check (bundled course)", ["check", str(BUNDLED)])):
        sample = measure(courseforge(*args), runs)
        report.rows.append((label, figure(sample)))
        limit = 0.3 if "check" in args else 0.1
        report.target(f"{label} <= {limit} s (CPU)",
                      f"{sample.cpu:.3f} s (load {sample.load:.1f})", sample.cpu <= limit)
    with tempfile.TemporaryDirectory() as out:  # the mapping analysis with its charts
        sample = measure(courseforge("analyze", str(BUNDLED), "-o", out), runs)
        report.rows.append(("courseforge analyze (bundled course)", figure(sample)))


def courses(report: Report, work: Path, args: argparse.Namespace) -> dict[str, Sample]:
    """Every format, all formats and --jobs 2 on each course; the 'all' samples by course."""
    chosen = {"bundled": BUNDLED, "100 slides": generate(work / "s100", 100)}
    if not args.skip_large:
        chosen["1000 slides"] = generate(work / "s1000", 1000)
    totals: dict[str, Sample] = {}
    for label, course in chosen.items():
        runs = args.large_runs if label == "1000 slides" else args.runs
        for fmt in [*formats(), "all"]:
            out = work / f"out-{label.replace(' ', '')}-{fmt}"
            sample = measure(courseforge("build", str(course), "-o", str(out), "-q",
                                         *(["-f", fmt] if fmt != "all" else [])), runs)
            report.rows.append((f"{label}: {fmt}",
                                f"{figure(sample)}, {folder_size(out) / 1024:.0f} KB out"))
            if fmt == "all":
                totals[label] = sample
        out = work / f"out-{label.replace(' ', '')}-jobs"
        sample = measure(courseforge("build", str(course), "-o", str(out), "-q", "-j", "2"),
                         runs)
        report.rows.append((f"{label}: all, --jobs 2",
                            f"{figure(sample)} (main process), "
                            f"speed-up {totals[label].wall / sample.wall:.2f}"))
    return totals


def large_targets(report: Report, totals: dict[str, Sample]) -> None:
    """The 1000-slide course's time, memory and growth."""
    if "1000 slides" not in totals:
        return
    large, small = totals["1000 slides"], totals["100 slides"]
    report.target("1000 slides, every format, one process <= 4 s wall",
                  f"{large.wall:.2f} s ({large.cpu:.2f} s CPU, load {large.load:.1f})",
                  large.wall <= 4)
    report.target("1000 slides, every format <= 250 MB peak", f"{large.rss:.0f} MB",
                  large.rss <= 250)
    growth = large.cpu / small.cpu
    report.target("growth t(1000) / t(100), CPU, <= 11", f"{growth:.1f}", growth <= 11)


def paired(executable: str, course: Path, work: Path, runs: int) -> tuple[Sample, Sample, int]:
    """Our build of every format of ``course`` and pandoc's decks of it, in turns: the two
    medians and how many decks pandoc made."""
    ours = courseforge("build", str(course), "-o", str(work / "out"), "-q")
    commands = deck_commands(executable, course, work / "pandoc")
    mine, theirs = alternated(ours, commands, runs)
    return mine, theirs, len(commands)


def pandoc_target(report: Report, work: Path, runs: int) -> None:
    """Our bundled build of every format against pandoc's seven decks, in turns."""
    executable, origin = pandoc()
    report.rows.append(("pandoc", origin))
    if executable is None:
        report.target("bundled, every format / pandoc's seven decks (CPU) <= 1.0",
                      "not measured", False)
        return
    mine, theirs, decks = paired(executable, BUNDLED, work / "pair-bundled", runs)
    report.rows.append(("bundled, every format (paired run)", figure(mine)))
    report.rows.append((f"pandoc, the same {decks} decks (paired run)", figure(theirs)))
    ratio = mine.cpu / theirs.cpu
    report.target("bundled, every format / pandoc's seven decks (CPU) <= 1.0",
                  f"{ratio:.2f} (stretch 0.5; load {mine.load:.1f})", ratio <= 1.0)


def pandoc_large(report: Report, work: Path) -> None:
    """For scale, not a target: the 1000-slide course, every format, against pandoc making
    its decks (one per module and the whole course), one paired run."""
    executable, _ = pandoc()
    course = work / "s1000"
    if executable is None or not course.is_dir():
        return
    mine, theirs, decks = paired(executable, course, work / "pair-1000", 1)
    report.rows.append(("1000 slides, every format (paired run)", figure(mine)))
    report.rows.append((f"1000 slides, pandoc's {decks} decks (paired run)", figure(theirs)))
    report.rows.append(("1000 slides, every format / pandoc's decks (CPU)",
                        f"{mine.cpu / theirs.cpu:.2f}"))


def main() -> None:
    """Run every measurement and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large-runs", type=int, default=3)
    parser.add_argument("--skip-large", action="store_true", help="leave out 1000 slides")
    parser.add_argument("--quick", action="store_true",
                        help="3 runs, 1 of the 1000-slide course, no browser figures")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.large_runs = min(args.runs, 3), 1
    report = Report()
    report.rows.append(("machine", machine()))
    work = Path(tempfile.mkdtemp(prefix="courseforge-bench-"))
    try:
        # one build of every format first: Python compiles and caches every module it needs
        run_once(courseforge("build", str(BUNDLED), "-o", str(work / "warm-up"), "-q"))
        start_up(report, args.runs)
        totals = courses(report, work, args)
        pandoc_target(report, work, args.runs)
        large_targets(report, totals)
        if not args.quick:
            pandoc_large(report, work)
            report.rows += learner_side(work / "out-bundled-all")
        report.rows += phases(BUNDLED)
        report.rows += deck_steps("bundled", BUNDLED)
        if not args.skip_large:
            report.rows += deck_steps("1000 slides", work / "s1000")
        if shutil.which("chromium") and not args.quick:
            import preview

            report.rows += preview.rows(work, args.runs, not args.skip_large)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report.print()


if __name__ == "__main__":
    main()
