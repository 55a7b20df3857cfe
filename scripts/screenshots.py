"""Make the README's lesson screenshots from a real build of the bundled course.

Usage: python scripts/screenshots.py [--course course] [--out docs/images]

Builds the web site into a temporary folder, serves it on the loopback, and takes PNGs in
headless Chromium (/usr/bin/chromium): the overview, a lesson page with a diagram, a practice
check with one answer checked, the final assessment half answered, and its result, on a desktop
(1366x768) and on a phone (390x844).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import tempfile
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from courseforge.build import build
from courseforge.builders.base import BuildOptions

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _answer_everything(page: Any, module: str) -> None:
    """Choose the first option of every question of a quiz (a learner's quick run)."""
    page.evaluate("""(module) => {
        const form = document.getElementById('quiz:' + module);
        for (const q of form.querySelectorAll('[data-question]')) {
            const first = q.querySelector('input');
            if (first) first.click();
            for (const s of q.querySelectorAll('select')) {
                s.selectedIndex = 1;
                s.dispatchEvent(new Event('change', {bubbles: true}));
            }
        }
    }""", module)


def _check_a_wrong_answer(page: Any, module: str) -> None:
    """In a practice check, choose a wrong answer to the first question and check it."""
    page.evaluate("(id) => courseforge.go(id + '.quiz')", module)
    first = page.locator(f'[id="quiz:{module}"] [data-question]').first
    wrong = page.evaluate("""(id) => {
        const quiz = courseforgeLesson.data.quiz.modules.find(m => m.id === id).quiz;
        const li = document.querySelector('[id="quiz:' + id + '"] [data-question]');
        const question = quiz.questions.find(q => q.id === li.dataset.question);
        return (question.choices.find(c => !c.correct) || question.choices[0]).id;
    }""", module)
    first.locator(f"input[value='{wrong}']").check()
    first.get_by_role("button", name="Check").click()
    first.evaluate("li => li.scrollIntoView()")


def shoot(site: str, out: Path) -> list[Path]:
    """Every screenshot, written into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page = browser.new_page(viewport=viewport)
            page.goto(site + "#start")
            page.wait_for_function("() => window.courseforgeQuiz !== undefined")
            made.append(out / f"overview-{name}.png")
            page.screenshot(path=made[-1])
            page.goto(site + "#intro.3")
            page.wait_for_function("() => window.courseforgeQuiz !== undefined")
            made.append(out / f"lesson-{name}.png")
            page.screenshot(path=made[-1])
            _check_a_wrong_answer(page, "project-manager")
            made.append(out / f"check-{name}.png")
            page.screenshot(path=made[-1])
            page.evaluate("() => courseforge.go('final-assessment.quiz')")
            made.append(out / f"quiz-{name}.png")
            page.screenshot(path=made[-1])
            _answer_everything(page, "final-assessment")
            page.get_by_role("button", name="Submit", exact=True).click()
            page.locator('[id="quiz:final-assessment"] [data-role=result]').wait_for()
            page.evaluate("() => document.querySelector("
                          "'[id=\"quiz:final-assessment\"] [data-role=result]').scrollIntoView()")
            made.append(out / f"result-{name}.png")
            page.screenshot(path=made[-1])
            page.close()
        browser.close()
    return made


def main() -> None:
    """Build, serve, shoot."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--course", type=Path, default=ROOT / "course")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        build(args.course, Path(temp), ["web"], BuildOptions(), lambda _: None)
        handler = functools.partial(_Quiet, directory=temp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            for path in shoot(f"http://127.0.0.1:{server.server_address[1]}/web/index.html",
                              args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
