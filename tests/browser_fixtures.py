"""Browser fixtures: one headless Chromium for the session, and a loopback file server."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import require, require_executable

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"  # as conftest.ROOT


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    """A headless Debian Chromium driven by Playwright (fails in CI when missing)."""
    executable = require_executable("chromium")
    try:
        from playwright import sync_api
    except ImportError:
        require(False, "the Python package playwright")  # skips locally, fails in CI
        raise
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS,
                                             headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """The npm test packages (scorm-again, axe-core), installed by ``npm ci``."""
    require((NODE_MODULES / "scorm-again").is_dir() and (NODE_MODULES / "axe-core").is_dir(),
            "node_modules with scorm-again and axe-core (run npm ci)")
    return NODE_MODULES


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    cache = "no-store"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", self.cache)
        super().end_headers()


class _CacheableHandler(_QuietHandler):
    cache = "no-cache"  # revalidated on load, yet kept in the back/forward cache


def _serve(tmp_path_factory: pytest.TempPathFactory,
           handler_class: type[_QuietHandler]) -> Iterator[tuple[str, Path]]:
    """An HTTP server on 127.0.0.1 serving a temporary folder: (base URL, folder)."""
    folder = tmp_path_factory.mktemp("served")
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", folder
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def static_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An HTTP server on 127.0.0.1 serving a temporary folder uncached: (base URL, folder)."""
    yield from _serve(tmp_path_factory, _QuietHandler)


@pytest.fixture(scope="session")
def cacheable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The same, serving pages a browser may keep in its back/forward cache."""
    yield from _serve(tmp_path_factory, _CacheableHandler)


@pytest.fixture(scope="session")
def caching_browser(chromium: Any) -> Iterator[Any]:
    """A second headless Chromium, from the session's Playwright, with its back/forward cache
    on (Playwright turns it off by default)."""
    browser = chromium.browser_type.launch(
        executable_path=require_executable("chromium"), args=CHROMIUM_ARGS, headless=True,
        ignore_default_args=["--disable-back-forward-cache"])
    yield browser
    browser.close()


def watched_tab(browser: Any, viewport: dict[str, int]) -> Iterator[Any]:
    """A page in a fresh context of ``browser``; an uncaught script error in it fails the test."""
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


@pytest.fixture
def page(chromium) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """A fresh context (empty storage) and page at desktop size; an uncaught script error
    in the page fails the test."""
    yield from watched_tab(chromium, {"width": 1100, "height": 800})


@pytest.fixture
def caching_tab(caching_browser: Any) -> Iterator[Any]:
    """A page of the caching browser at 1366x768; an uncaught script error fails the test."""
    yield from watched_tab(caching_browser, {"width": 1366, "height": 768})
