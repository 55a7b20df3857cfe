"""Shared test fixtures: test courses, tools that CI must have, the SCORM schemas."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"
BUNDLED = ROOT / "course"
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def require(condition: bool, what: str) -> None:
    """Skip when a tool is missing locally; fail when CI is set, since CI must have it."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{what} is required in CI but missing")
    pytest.skip(f"{what} is not available")


def require_executable(name: str) -> str:
    """The path of an executable, under :func:`require`'s rule."""
    path = shutil.which(name)
    require(path is not None, f"the executable '{name}'")
    assert path is not None
    return path


@pytest.fixture
def roots() -> Path:
    """The folder of small test courses."""
    return ROOTS


@pytest.fixture
def bundled() -> Path:
    """The bundled course."""
    return BUNDLED
