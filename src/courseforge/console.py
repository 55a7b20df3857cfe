"""The ``courseforge`` program: ``--version`` answered at once, all else by the Click group.

Importing Click and the command group costs more than the rest of ``courseforge --version``
(about 25 ms of its 0.1 s), so the bare ``--version`` is answered here with the very line
Click's version option prints; any other command line goes to the group in ``cli``.

A build allocates many objects and frees few, so the collector of reference cycles runs
its youngest generation after 50,000 allocations rather than Python's 700: a build of the
bundled course spends about 6 % less CPU, the 1000-slide course's peak grows by about
19 MB (docs/performance.md, eighth round). And when the command is done the process ends
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
YOUNG_GENERATION = 50_000  # allocations between collections of the youngest generation


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
    process's memory at once. While another thread runs, Python's own exit waits for it; under
    a profiler, a coverage tracer or a debugger, the tool gets control back to report."""
    if threading.active_count() > 1 or sys.getprofile() is not None \
            or sys.gettrace() is not None:
        sys.exit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # as Python shows an exit message
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: Python's own exit says 120
            status = status or 120
    os._exit(status)


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
