"""Driving a lesson in Chromium under the scorm-again test LMS (harness.html)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

from browser.strict_scorm import assert_strict

HERE = Path(__file__).resolve().parent
FOLDERS = {"1.2": "scorm12", "2004": "scorm2004"}


def serve_harness(served: Path, node_modules: Path) -> None:
    """Copy the harness page and the npm test libraries into the served folder."""
    (served / "lib").mkdir(exist_ok=True)
    for name in ("harness.html", "harness.js"):
        shutil.copyfile(HERE / name, served / name)
    shutil.copyfile(node_modules / "scorm-again" / "dist" / "scorm-again.js",
                    served / "lib" / "scorm-again.js")
    shutil.copyfile(node_modules / "axe-core" / "axe.min.js", served / "lib" / "axe.min.js")


def extract(package: Path, target: Path) -> Path:
    """Unzip a package into a served folder, as an LMS does on import."""
    shutil.rmtree(target, ignore_errors=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(target)
    return target


class LmsSession:
    """One launch of a SCO under the harness LMS in a Playwright page."""

    def __init__(self, page: Any, base: str, version: str, sco: str) -> None:
        self.page, self.base, self.version, self.sco = page, base, version, sco

    def launch(self, stored: dict[str, Any] | None = None) -> Any:
        """Open the harness, start the LMS (with earlier data) and wait for the lesson."""
        self.page.goto(f"{self.base}/harness.html")
        self.page.evaluate("([v, s, src]) => startLms(v, s, src)",
                           [self.version, stored, f"{self.base}/{self.sco}"])
        self.lesson.locator("[data-role=counter]").wait_for()
        self.page.wait_for_function("() => harness.calls.some(c => /Commit$/.test(c.method))")
        return self.lesson

    @property
    def lesson(self) -> Any:
        """The lesson frame's locator root."""
        return self.page.frame_locator("#sco")

    @property
    def frame(self) -> Any:
        """The lesson frame, for evaluating script in it."""
        return self.page.query_selector("#sco").content_frame()

    def state(self) -> dict[str, Any]:
        """The LMS's CMI data and the API calls made so far; fails the test when anything the
        SCO sent is refused by a strict LMS of its version (browser/strict_scorm.py)."""
        result: dict[str, Any] = self.page.evaluate("() => lmsState()")
        assert_strict(result["calls"], self.version)
        return result

    def cmi(self, element: str) -> Any:
        """A CMI value by dotted name, e.g. ``core.lesson_status``."""
        value: Any = self.state()["cmi"]
        for part in element.split("."):
            value = value[part]
        return value

    def close(self) -> dict[str, Any]:
        """Navigate the SCO away (pagehide) and wait for it to terminate; the final state."""
        finish = "LMSFinish" if self.version == "1.2" else "Terminate"
        self.page.evaluate("() => closeSco()")
        self.page.wait_for_function(f"() => harness.calls.some(c => c.method === '{finish}')")
        return self.state()

    def relaunch_data(self, state: dict[str, Any]) -> dict[str, Any]:
        """What an LMS hands a SCO on its next launch after a suspended session."""
        cmi = state["cmi"]
        if self.version == "1.2":
            core = cmi["core"]
            return {"core": {"lesson_location": core["lesson_location"],
                             "lesson_status": core["lesson_status"], "entry": "resume",
                             "score": {k: core["score"][k] for k in ("raw", "min", "max")}},
                    "suspend_data": cmi["suspend_data"]}
        return {"location": cmi["location"], "suspend_data": cmi["suspend_data"],
                "completion_status": cmi["completion_status"],
                "success_status": cmi["success_status"], "entry": "resume",
                "score": {k: cmi["score"][k] for k in ("scaled", "raw", "min", "max")}}
