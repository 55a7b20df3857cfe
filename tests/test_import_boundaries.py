"""What each layer loads: the core loads no builder, and ``--help`` loads no builder either."""

from __future__ import annotations

import subprocess
import sys

import pytest

MARK = "--modules--"
HEAVY = ("courseforge.builders", "courseforge.build", "pptx", "jinja2", "lxml", "markdown")


def _loaded_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    shown = subprocess.run(  # the modules follow a mark, after whatever ``code`` printed
        [sys.executable, "-c", f"{code}\nimport sys; print({MARK!r}, *sys.modules)"],
        capture_output=True, text=True, check=True)
    return set(shown.stdout.rpartition(MARK)[2].split())


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_the_core_loads_no_builder() -> None:
    loaded = _loaded_after("import courseforge.model, courseforge.grading, courseforge.validation")
    assert {"courseforge.grading.recommendation", "courseforge.model.quiz"} <= loaded
    assert not [m for m in loaded if m.startswith("courseforge.builders")]


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_help_and_version_load_no_command(option: str) -> None:
    loaded = _loaded_after(
        f"import sys\nfrom courseforge.cli import main\nsys.argv = ['courseforge', '{option}']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass")
    assert "courseforge.cli" in loaded
    assert not [m for m in loaded if m.startswith("courseforge.") and m != "courseforge.cli"]
    assert _heavy(loaded) == []


def test_a_commands_help_loads_nothing_heavy() -> None:
    loaded = _loaded_after(
        "import sys\nfrom courseforge.cli import main\nsys.argv = ['courseforge', 'build', "
        "'--help']\ntry:\n    main()\nexcept SystemExit:\n    pass")
    assert "courseforge.cli.build" in loaded
    assert [m for m in _heavy(loaded) if not m.startswith("courseforge.")] == []
