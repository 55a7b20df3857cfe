"""The lesson page in headless Chromium: time to interactive, first paint, page change, and a
one-paragraph page's first paint as the host's floor, each in fresh browser contexts."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PAGE_CHANGE = """() => {
    const times = [];
    for (let i = 1; i < Math.min(courseforge.pages.length, 21); i++) {
        const t = performance.now();
        courseforge.go(i);
        document.body.getBoundingClientRect();  // the layout the change causes
        times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}"""
PAGE_RUNS = 15  # fresh browser contexts the page figures are the median of
BARE_PAGE = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>x</title>"
             "</head><body><p>One paragraph of text.</p></body></html>")
FIRST_PAINT = """() => {
    const p = performance.getEntriesByName('first-contentful-paint')[0]
        || performance.getEntriesByType('paint')[0];
    return p ? p.startTime : -1;
}"""


@contextmanager
def fresh_tab(browser: Any, page: Path, requests: list[str] | None = None) -> Iterator[Any]:
    """A tab of a new browser context that has opened ``page`` (its requests noted)."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        if requests is not None:
            tab.on("request", lambda r: requests.append(r.url))
        tab.goto(page.as_uri())
        yield tab
    finally:
        context.close()


def page_figures(page: Path) -> tuple[list[float], list[float], list[float], list[float],
                                      list[str]]:
    """In fresh Chromium contexts: the lesson page's time to interactive, first paint and
    page change, a one-paragraph page's first paint in turns with it, and every request."""
    from playwright.sync_api import sync_playwright

    timings, paints, changes, floor = [], [], [], []
    requests: list[str] = []
    with tempfile.TemporaryDirectory() as spare, sync_playwright() as p:
        bare = Path(spare) / "bare.html"
        bare.write_text(BARE_PAGE, encoding="utf-8")
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu"])
        for _ in range(PAGE_RUNS):
            with fresh_tab(browser, bare) as tab:
                tab.wait_for_timeout(100)
                floor.append(tab.evaluate(FIRST_PAINT))
            with fresh_tab(browser, page, requests) as tab:
                timings.append(tab.evaluate(
                    "() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return n.domInteractive - n.startTime; }"))
                tab.wait_for_function("() => window.courseforge !== undefined")
                tab.wait_for_timeout(100)
                paints.append(tab.evaluate(FIRST_PAINT))
                changes.append(tab.evaluate(PAGE_CHANGE))
        browser.close()
    return timings, paints, changes, floor, requests
