"""The ``courseforge`` program answers a bare ``--version`` without Click, as Click would."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from click.testing import CliRunner

from conftest import ROOT, ROOTS
from courseforge import console
from courseforge.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m courseforge ARGS`` (the same entry point as the installed script)."""
    return subprocess.run([sys.executable, "-m", "courseforge", *args], capture_output=True,
                          text=True)


def test_the_installed_script_is_the_console_entry_point() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["courseforge"] == "courseforge.console:run"


def test_version_is_clicks_line_without_loading_click() -> None:
    clicks = CliRunner().invoke(main, ["--version"])
    ours = run("--version")
    assert (ours.returncode, ours.stdout, ours.stderr) == (0, clicks.output, "")
    probe = ("import sys\nsys.argv = ['courseforge', '--version']\n"
             "from courseforge.console import run\ntry:\n    run()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith(('click', 'courseforge.'))))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.splitlines()[-1]
    assert loaded == "['courseforge.console']"


def test_every_other_command_line_goes_to_the_group() -> None:
    for args in (["--version", "check"], ["--versio"], ["check", "--version"]):
        ours, clicks = run(*args), CliRunner().invoke(main, args)
        assert ours.returncode == clicks.exit_code, args
    checked = run("check", str(ROOTS / "minimal"))
    assert checked.returncode == 0 and "0 errors" in checked.stdout
    assert run("--help").stdout.startswith("Usage: ")


def test_a_command_collects_young_cycles_less_often_and_older_ones_as_python_does() -> None:
    probe = ("import gc, sys\nbefore = gc.get_threshold()\n"
             "sys.argv = ['courseforge', '--help']\n"
             "from courseforge.console import run\ntry:\n    run()\nexcept SystemExit:\n    pass\n"
             "print(*before, *gc.get_threshold())")
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True).stdout.splitlines()[-1].split()
    young, older, oldest = shown[:3]
    ours = str(console.YOUNG_GENERATION)
    assert young != ours and shown[3:] == [ours, older, oldest]
