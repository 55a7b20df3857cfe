"""The ``courseforge`` program answers a bare ``--version`` without Click, as Click would."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT, ROOTS
from courseforge import console
from courseforge.cli import main

# a child as a user runs it: buffered output (so a missing flush shows), no inspection, no
# coverage tracer left on by the test run
ENV = {key: value for key, value in os.environ.items()
       if key not in ("PYTHONUNBUFFERED", "PYTHONINSPECT", "COVERAGE_PROCESS_START")}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m courseforge ARGS`` (the same entry point as the installed script)."""
    return subprocess.run([sys.executable, "-m", "courseforge", *args], capture_output=True,
                          text=True, env=ENV)


def test_the_installed_script_is_the_console_entry_point() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["courseforge"] == "courseforge.console:run"


def test_version_is_clicks_line_without_loading_click() -> None:
    clicks = CliRunner().invoke(main, ["--version"])
    ours = run("--version")
    assert (ours.returncode, ours.stdout, ours.stderr) == (0, clicks.output, "")
    probe = ("import sys\nsys.argv = ['courseforge', '--version']\n"
             "from courseforge.console import command\n"
             "try:\n    command()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith(('click', 'courseforge.'))))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, env=ENV).stdout.splitlines()[-1]
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
             "from courseforge.console import command\n"
             "try:\n    command()\nexcept SystemExit:\n    pass\n"
             "print(*before, *gc.get_threshold())")
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True, env=ENV).stdout.splitlines()[-1].split()
    young, older, oldest = shown[:3]
    ours = str(console.YOUNG_GENERATION)
    assert young != ours and shown[3:] == [ours, older, oldest]


def _ended(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``script`` then the program's own ``run()`` on ``args``, in a fresh interpreter."""
    probe = (f"import sys\n{script}\nsys.argv = ['courseforge', *{list(args)!r}]\n"
             "from courseforge.console import run\nrun()\nprint('never here')")
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=ENV)


def test_the_program_ends_with_the_command_s_status_its_output_complete() -> None:
    """The process ends at once when the command is done (no teardown): with its exit
    status, all it printed, and what exit handlers were registered to do."""
    farewell = "import atexit\natexit.register(lambda: print('handlers ran'))"
    checked = _ended(farewell, "check", str(ROOTS / "minimal"))
    assert checked.returncode == 0 and "0 errors" in checked.stdout
    assert checked.stdout.endswith("handlers ran\n") and "never here" not in checked.stdout
    broken = _ended(farewell, "check", str(ROOTS / "broken-yaml-syntax"))
    assert broken.returncode == 1 and "error" in broken.stdout + broken.stderr
    assert broken.stdout.endswith("handlers ran\n")
    unknown = _ended("", "no-such-command")
    assert unknown.returncode == 2 and "No such command" in unknown.stderr
    assert _ended("", "--version").stdout == console.VERSION_LINE
    helped = _ended("", "--help")
    assert helped.returncode == 0 and helped.stdout.startswith("Usage: courseforge ")
    assert helped.stdout.splitlines()[-1].split()[0] == sorted(main.list_commands(None))[-1]


def test_the_program_waits_for_a_thread_still_running_as_python_does() -> None:
    """Python's exit marks the main thread done before it joins the others: this thread
    prints only then, so it prints under Python's exit and never under a quick one."""
    waiting = ("import threading, time\n"
               "def wait():\n    while threading.main_thread().is_alive():\n"
               "        time.sleep(0.01)\n    print('thread done')\n"
               "threading.Thread(target=wait).start()")
    ended = _ended(waiting, "check", str(ROOTS / "minimal"))
    assert ended.returncode == 0 and ended.stdout.rstrip().endswith("thread done")


def test_the_quick_end_skips_the_teardown() -> None:
    """What only Python's teardown would run (an object's finalizer at exit) does not run;
    a finalizer the exit handlers run does."""
    hooks = ("import weakref\nclass Kept:\n    def __del__(self):\n        print('torn down')\n"
             "kept = Kept()\nclass Other:\n    pass\nother = Other()\n"
             "weakref.finalize(other, print, 'finalized at exit')")
    ended = _ended(hooks, "check", str(ROOTS / "minimal"))
    assert ended.returncode == 0 and "finalized at exit" in ended.stdout
    assert "torn down" not in ended.stdout


def test_cprofile_writes_its_profile(tmp_path: Path) -> None:
    profile = tmp_path / "build.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "courseforge",
                    "check", str(ROOTS / "minimal")], check=True, capture_output=True, env=ENV)
    assert profile.stat().st_size > 0


def test_pdb_gets_control_back_after_the_command() -> None:
    """``python -m pdb -m courseforge ...``, continued without breakpoints, says how the
    program exited and prompts again."""
    ended = subprocess.run([sys.executable, "-m", "pdb", "-m", "courseforge", "--version"],
                           input="c\nq\n", capture_output=True, text=True, env=ENV)
    assert "The program exited via sys.exit()" in ended.stdout


def test_python_i_gets_its_prompt_after_the_command() -> None:
    probe = ("import sys\nsys.argv = ['courseforge', '--help']\n"
             "from courseforge.console import run\nrun()")
    ended = subprocess.run([sys.executable, "-i", "-c", probe], input="print('prompt given')\n",
                           capture_output=True, text=True, env=ENV)
    assert "prompt given" in ended.stdout


def test_closed_or_missing_standard_streams_keep_the_status() -> None:
    for close in ("sys.stdout.close()", "sys.stdout = None"):
        probe = (f"import sys\n{close}\nfrom courseforge.console import finish\nfinish(3)")
        ended = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                               env=ENV)
        assert (ended.returncode, ended.stderr) == (3, ""), close


def test_under_a_profiler_or_a_tracer_the_tool_gets_control_back() -> None:
    """cProfile, pyinstrument, coverage and debuggers report once the program returns."""
    after = ("import sys\nsys.argv = ['courseforge', 'check', {root!r}]\n{hook}\n"
             "from courseforge.console import run\n"
             "try:\n    run()\nfinally:\n    sys.setprofile(None); sys.settrace(None)\n"
             "    print('the tool reports')")
    root = str(ROOTS / "minimal")
    for hook, reports in (("", False), ("sys.setprofile(lambda *a: None)", True),
                          ("sys.settrace(lambda *a: None)", True)):
        ended = subprocess.run([sys.executable, "-c", after.format(root=root, hook=hook)],
                               capture_output=True, text=True, env=ENV)
        assert ended.returncode == 0 and "0 errors" in ended.stdout, hook
        assert ("the tool reports" in ended.stdout) == reports, hook


def test_an_exit_message_is_shown_and_ends_with_status_1() -> None:
    probe = ("from courseforge.console import finish\nfinish('no course here')")
    ended = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           env=ENV)
    assert (ended.returncode, ended.stderr) == (1, "no course here\n")
