"""Before the runtime runs, a lesson lays out only the page it will show first (headless
Chromium); without scripts every page stays readable."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from conftest import ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions

SHOWN = "() => [...document.querySelectorAll('main > .page')]" \
        ".filter(p => getComputedStyle(p).display !== 'none').map(p => p.id)"


@pytest.fixture(scope="module")
def site(static_server, tmp_path_factory) -> str:
    """The minimal course's web site, served."""
    base, folder = static_server
    out = tmp_path_factory.mktemp("first-paint")
    build(ROOTS / "minimal", out, ["web"], BuildOptions(), lambda _: None)
    shutil.copytree(out / "web", folder / "first-paint", dirs_exist_ok=True)
    return f"{base}/first-paint/index.html"


def without_runtime(chromium: Any, javascript: bool) -> Any:
    """A page whose lesson scripts never run: blocked, or scripts turned off."""
    context = chromium.new_context(java_script_enabled=javascript)
    tab = context.new_page()
    tab.route("**/*.js", lambda route: route.abort())
    return context, tab


def test_with_scripts_on_only_the_first_page_is_laid_out_until_the_runtime_runs(
        chromium, site) -> None:
    context, tab = without_runtime(chromium, javascript=True)
    try:
        tab.goto(site)
        assert tab.evaluate(SHOWN) == ["start"]
        # a link to a page shows that page alone (the contents keep working)
        tab.goto(site + "#roles.1")
        assert tab.evaluate(SHOWN) == ["roles.1"]
    finally:
        context.close()


def test_without_scripts_every_page_is_readable(chromium, site) -> None:
    context, tab = without_runtime(chromium, javascript=False)
    try:
        tab.goto(site)
        shown = tab.evaluate("() => [...document.querySelectorAll('main > .page')]"
                             ".filter(p => p.getClientRects().length).length")
        assert shown == tab.locator("main > .page").count() > 3
    finally:
        context.close()


def test_the_runtime_shows_the_page_asked_for(page, site) -> None:
    page.goto(site + "#roles.1")
    page.wait_for_function("() => window.courseforge !== undefined")
    assert page.evaluate(SHOWN) == ["roles.1"]
    page.evaluate("() => courseforge.go(0)")
    assert page.evaluate(SHOWN) == ["start"]



MUTATIONS = """async () => {
    const touched = new Set();  // the pages and Contents links whose attributes changed
    const observer = new MutationObserver((records) => records.forEach((r) => {
        if (r.target.matches('main > .page')) touched.add('page ' + r.target.id);
        if (r.target.matches('[data-toc]')) touched.add('link ' + r.target.dataset.toc);
    }));
    observer.observe(document.body, { attributes: true, subtree: true });
    courseforge.go(2);
    await new Promise((done) => setTimeout(done, 0));
    observer.disconnect();
    return [...touched].sort();
}"""


def test_once_running_a_page_change_touches_only_what_it_changes(page, site) -> None:
    page.goto(site)
    page.wait_for_function("() => window.courseforge !== undefined")
    # the rules for the page while the runtime loaded are gone, and their :has() checks
    assert page.locator("style[data-role=loading-styles]").count() == 0
    assert not page.evaluate("() => [...document.styleSheets].some(s => [...s.cssRules]"
                             ".some(r => r.cssText.includes(':target')))")
    page.evaluate("() => courseforge.go(1)")
    pages = page.evaluate("() => courseforge.pages")
    assert len(pages) > 4
    # from the second page to the third: those two pages and their Contents links alone,
    # however long the course
    assert page.evaluate(MUTATIONS) == sorted(
        f"{kind} {pages[i]}" for kind in ("page", "link") for i in (1, 2))


def composited(page: Any) -> list[str]:
    """The class of each element Chromium gives a compositing layer of its own."""
    cdp = page.context.new_cdp_session(page)
    trees: list[dict] = []
    cdp.on("LayerTree.layerTreeDidChange", lambda event: trees.append(event))
    cdp.send("DOM.getDocument", {"depth": 0})
    cdp.send("LayerTree.enable")
    page.evaluate("() => { document.body.style.outline = '1px solid transparent'; }")
    page.wait_for_function("() => new Promise((done) => requestAnimationFrame(() => "
                           "requestAnimationFrame(() => done(true))))")
    for _ in range(50):  # the layer tree arrives with the next frames, within seconds
        if any(tree.get("layers") for tree in trees):
            break
        page.wait_for_timeout(100)
    found = [tree for tree in trees if tree.get("layers")]
    assert found, "Chromium sent no layer tree after a repaint"
    layers = found[-1]["layers"]
    names = []
    for layer in layers:
        if layer.get("backendNodeId"):
            node = cdp.send("DOM.describeNode", {"backendNodeId": layer["backendNodeId"]})["node"]
            attributes = node.get("attributes", [])
            given = dict(zip(attributes[::2], attributes[1::2], strict=True))
            names.append(given.get("class", node["nodeName"]))
    cdp.detach()
    return names


@pytest.mark.parametrize("kind", ["start", "quiz"])
def test_only_the_bars_and_contents_are_layers_of_their_own(page, site, kind) -> None:
    page.set_viewport_size({"width": 1366, "height": 420})  # so the page and Contents scroll
    page.goto(site)
    page.wait_for_function("() => window.courseforge !== undefined")
    target = page.evaluate("(kind) => courseforge.pages.findIndex((id) => id === kind"
                           " || id.endsWith('.' + kind))", kind)
    page.evaluate("(index) => courseforge.go(index)", target)
    assert page.locator(".page:not([hidden]) :is(.module-card, .option)").count() >= 2
    names = composited(page)
    # the sticky Contents and bars are layers; cards and answer tiles are painted with their
    # page, not each rastered as a layer (which they became when the Contents stacked
    # beneath them)
    assert {"toc", "topbar"} <= set(names) <= {"#document", "toc", "topbar", "pager"}
