"""Each format's runtime.js holds its own LMS adapter only: SCORM code in the SCORM packages,
cmi5 code in the cmi5 package, neither on the web site (nor what every LMS adapter shares)."""

from __future__ import annotations

import zipfile

import pytest

from conftest import ROOT
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson.scripts import ADAPTER_PARTS, LMS_PARTS, shipped_part

RUNTIME = ROOT / "templates" / "lesson" / "runtime"
SHARED = ("core.js", "saved-state.js", "local-store.js", "lms-time.js", "tracker.js",
          "navigation.js")
STORES = {"scorm": ("scorm12", "scorm2004"), "cmi5": ("cmi5",)}  # what each registers
WANTED = {"web": (), "scorm12": ("scorm",), "scorm2004": ("scorm",), "cmi5": ("cmi5",)}


def _part(name: str) -> bytes:
    """A runtime part as the packages ship it."""
    return shipped_part(RUNTIME / name)


@pytest.fixture(scope="module")
def runtimes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """runtime.js of the minimal course in each lesson format."""
    out = tmp_path_factory.mktemp("adapters")
    build(ROOT / "tests" / "roots" / "minimal", out, list(WANTED), BuildOptions(),
          lambda _: None)
    found = {"web": (out / "web" / "runtime.js").read_bytes()}
    for standard in ("scorm12", "scorm2004", "cmi5"):
        with zipfile.ZipFile(next((out / standard).glob("*.zip"))) as archive:
            found[standard] = archive.read("runtime.js")
    return found


@pytest.mark.parametrize("standard", list(WANTED))
def test_a_runtime_holds_its_own_adapter_only(runtimes: dict[str, bytes], standard: str) -> None:
    runtime = runtimes[standard]
    for name in SHARED:
        assert _part(name) in runtime, name
    for adapter, parts in ADAPTER_PARTS.items():
        for name in parts:
            assert (_part(name) in runtime) == (adapter in WANTED[standard]), (standard, name)
    for name in LMS_PARTS:
        assert (_part(name) in runtime) == bool(WANTED[standard]), (standard, name)
    stores = [store for names in STORES.values() for store in names]
    registered = {store for store in stores if f"lmsStores.{store} = ".encode() in runtime}
    assert registered == {store for adapter in WANTED[standard] for store in STORES[adapter]}


def test_the_adapters_come_before_the_tracker_that_picks_one(runtimes: dict[str, bytes]) -> None:
    for standard, adapters in WANTED.items():
        runtime = runtimes[standard]
        starts = [runtime.index(_part(name)) for adapter in adapters
                for name in ADAPTER_PARTS[adapter]]
        assert all(start < runtime.index(_part("tracker.js")) for start in starts)
        assert all(runtime.index(_part("lms-time.js")) < start for start in starts)


def test_the_packages_differ_by_their_adapter_only(runtimes: dict[str, bytes]) -> None:
    assert runtimes["scorm12"] == runtimes["scorm2004"]
    for standard, adapters in WANTED.items():
        extra = sum(len(_part(name)) for adapter in adapters for name in ADAPTER_PARTS[adapter])
        extra += sum(len(_part(name)) for name in LMS_PARTS) if adapters else 0
        assert len(runtimes[standard]) == len(runtimes["web"]) + extra  # parts end in newlines
