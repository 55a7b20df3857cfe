"""Shared test fixtures: test courses, tools that CI must have, the SCORM schemas."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from types import ModuleType

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


def bundled_errors() -> list[str]:
    """The bundled course's errors as ``check`` prints them (empty when it checks clean)."""
    from courseforge.loading import diagnose

    _, diagnostics = diagnose(BUNDLED)
    return [str(d) for d in diagnostics if d.severity.value == "error"]


def require_bundled_clean() -> None:
    """Fail (never skip) when the bundled course has errors: the tests that use it must run."""
    errors = bundled_errors()
    if errors:
        pytest.fail("the bundled course does not check clean:\n" + "\n".join(errors))


@pytest.fixture
def roots() -> Path:
    """The folder of small test courses."""
    return ROOTS


def forget_measures() -> None:
    """Empty every cache of font files and of what was measured with them (text advances,
    paragraph heights, table columns and rows), for a test that changes the fonts found."""
    from courseforge.builders.pptx import measuring, pagination, table_measures, text_fit

    for module in (text_fit, measuring, table_measures, pagination):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def pptx_fixture(name: str) -> ModuleType:
    """A module of tests/fixtures/pptx (template writers), loaded by its path."""
    path = Path(__file__).resolve().parent / "fixtures" / "pptx" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def bundled() -> Path:
    """The bundled course."""
    return BUNDLED


def pytest_addoption(parser: pytest.Parser) -> None:
    """--update-golden rewrites golden files instead of comparing (review the diff!)."""
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files")


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare text with a golden file under tests/golden/, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str) -> None:
        path = Path(__file__).resolve().parent / "golden" / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden and review it"
        assert actual == path.read_text(encoding="utf-8")

    return check


from browser_fixtures import *  # noqa: E402, F403 - chromium, node_modules, static_server
