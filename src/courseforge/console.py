"""The ``courseforge`` program: ``--version`` answered at once, all else by the Click group.

Importing Click and the command group costs more than the rest of ``courseforge --version``
(about 25 ms of its 0.1 s), so the bare ``--version`` is answered here with the very line
Click's version option prints; any other command line goes to the group in ``cli``.
"""

from __future__ import annotations

import sys

from . import __version__

VERSION_LINE = f"courseforge, version {__version__}\n"  # click.version_option's message


def run() -> None:
    """Run the command line in ``sys.argv``."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(VERSION_LINE)
        sys.stdout.flush()
        sys.exit(0)
    from .cli import main

    main()
