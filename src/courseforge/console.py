"""The ``courseforge`` program: ``--version`` answered at once, all else by the Click group.

Importing Click and the command group costs more than the rest of ``courseforge --version``
(about 25 ms of its 0.1 s), so the bare ``--version`` is answered here with the very line
Click's version option prints; any other command line goes to the group in ``cli``.

A build allocates many objects and frees few, so the collector of reference cycles runs
its youngest generation after 200,000 allocations rather than Python's 700: the bundled
course's build then runs none (it spent about 6 % less CPU at 50,000, and 3 % less again at
200,000), the 1000-slide course's one, its peak about 170 MB rather than 160 MB
(docs/performance.md, eighth and tenth rounds). And when the command is done the process ends
at once rather than tearing the interpreter down: freeing a build's objects one by one and
collecting them a last time took about 0.1 s of the bundled course's 0.8 s (tenth round).
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from typing import NoReturn

from . import __version__

VERSION_LINE = f"courseforge, version {__version__}\n"  # click.version_option's message
YOUNG_GENERATION = 200_000  # allocations between collections of the youngest generation


def run() -> NoReturn:
    """Run the command line in ``sys.argv``, then end the process with its exit status."""
    try:
        command()
    except SystemExit as done:
        finish(done.code)
    finish(0)


def finish(code: str | int | None) -> NoReturn:
    """End the process as ``sys.exit(code)`` would, without the interpreter's teardown:
    the exit handlers run and the standard streams are flushed, and the system frees the
    process's memory at once. Python's own exit is taken while another thread runs, and
    under a profiler, a tracer, a debugger or ``python -i``, so that they get control back."""
    if _watched():
        sys.exit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # as Python shows an exit message
        if sys.stderr is not None and not sys.stderr.closed:
            print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()  # what Python's exit runs first (private, but there since 2.x)
    if not _flushed():
        status = status or 120  # Python's exit says 120 (this keeps a failing command's own)
    os._exit(status)


def _watched() -> bool:
    """Whether anything but this thread still needs Python's own exit to run."""
    if threading.active_count() > 1 or sys.flags.inspect or os.environ.get("PYTHONINSPECT"):
        return True
    if "bdb" in sys.modules:  # pdb (it stops tracing on "continue" with no breakpoints)
        return True
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12+: cProfile, pdb, coverage
    return monitoring is not None and any(monitoring.get_tool(tool) for tool in range(6))


def _flushed() -> bool:
    """Flush the standard streams as Python's exit does (none, or closed: nothing to do)."""
    done = True
    for stream in {id(s): s for s in (sys.stdout, sys.stderr, sys.__stdout__,
                                      sys.__stderr__) if s is not None}.values():
        if getattr(stream, "closed", False):
            continue
        try:
            stream.flush()
        except Exception:  # as Python's exit: any failure is a failed flush
            done = False
    return done


def command() -> None:
    """Run the command line in ``sys.argv``; ``SystemExit`` ends it, as Click's commands do."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(VERSION_LINE)
        sys.stdout.flush()
        sys.exit(0)
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION, older, oldest)
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:  # a message quoting what no encoding writes (a lone surrogate)
        reconfigure(errors="backslashreplace")  # is shown escaped, as on stderr, not a crash
    from .cli import main

    main()
