"""Measuring whole processes: wall time, CPU time (user + system) and peak memory."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Sample:
    """One process, or the sum of several run one after another."""

    wall: float  # seconds
    cpu: float  # seconds of user + system time of the process
    rss: float  # peak resident memory, MB (the largest of the processes summed)
    load: float = 0.0  # the machine's load average (1 minute) when it was taken

    def __add__(self, other: Sample) -> Sample:
        return Sample(self.wall + other.wall, self.cpu + other.cpu, max(self.rss, other.rss),
                      max(self.load, other.load))


def load_average() -> float:
    """The machine's load average over the last minute (0 where the system has none)."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0


def environment() -> dict[str, str]:
    """The measured processes' environment: Python keeps compiled modules, as an installed
    package does (a PYTHONDONTWRITEBYTECODE in this shell would have every run compile every
    module again); they go to a folder of the benchmark's own, not into the source tree."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "courseforge-bench-pycache")
    return env


ENVIRONMENT = environment()


def run_once(command: list[str]) -> Sample:
    """Run a command to its end; fail the benchmark when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=ENVIRONMENT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"failed: {' '.join(command)}\n{error}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, load_average())


def median(samples: list[Sample]) -> Sample:
    """Median wall and CPU time; the largest peak memory; the median load."""
    return Sample(statistics.median(s.wall for s in samples),
                  statistics.median(s.cpu for s in samples), max(s.rss for s in samples),
                  statistics.median(s.load for s in samples))


def measure(command: list[str], runs: int) -> Sample:
    """The median of several runs of one command."""
    return median([run_once(command) for _ in range(runs)])


def courseforge(*args: str) -> list[str]:
    """The command a user runs: the ``courseforge`` script installed beside this Python (it
    skips ``-m``'s module search), else ``python -m courseforge``."""
    script = Path(sys.executable).with_name("courseforge")
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-m", "courseforge", *args]


def machine() -> str:
    """What the figures were measured on, and how busy it was."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        model = next((line.split(":", 1)[1].strip() for line in
                      cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines()
                      if line.startswith("model name")), "")
    load = f", load {load_average():.1f}"
    return (f"{os.cpu_count()} cores{' of ' + model if model else ''}, "
            f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
            f"{load}")
