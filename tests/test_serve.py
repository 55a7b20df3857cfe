"""``courseforge serve`` end to end in Chromium: live reload in place, the error overlay, and
what the recording LMS holds after a learner answers a quiz (in SCORM's own element names)."""

from __future__ import annotations

import http.client
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from browser.quiz import MINIMAL_CORRECT, take
from conftest import ROOTS
from course_copies import course_with_a_figure
from courseforge.builders.base import BuildOptions
from courseforge.cli import main
from courseforge.serve import start, stop, watch

SERIOUS = ("serious", "critical")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A copy of the minimal course, previewed and watched: (URL, course folder)."""
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    preview, server, thread = start(course, BuildOptions(), 0)
    stopping, ready = threading.Event(), threading.Event()
    watcher = threading.Thread(target=watch, daemon=True,
                               args=(preview, [course.resolve()], "course", lambda _: None,
                                     stopping, ready))
    watcher.start()
    assert ready.wait(30), "the watcher did not start"
    try:
        yield server.url, course
    finally:
        stopping.set()
        watcher.join(timeout=5)
        stop(preview, server, thread)


def lesson_frame(page: Any) -> Any:
    """The lesson's frame in the preview page."""
    return next(f for f in page.frames if "/lesson/" in f.url)


def shown(page: Any, build: int) -> None:
    """Wait until the preview shows at least build number ``build``."""
    page.wait_for_function(
        "(n) => Number(document.documentElement.getAttribute('data-shown-build')) >= n", arg=build)


def lms(page: Any) -> dict[str, str]:
    """What the recording LMS holds."""
    return page.evaluate("() => Object.assign({}, courseforgePreview.recorder().data)")


def test_an_edit_reloads_in_place_and_errors_come_and_go(page, served) -> None:
    url, course = served
    page.goto(url)
    shown(page, 1)
    frame = lesson_frame(page)
    frame.wait_for_function("() => window.courseforge !== undefined")
    frame.evaluate("() => courseforge.go('welcome.2')")
    frame.wait_for_function("() => location.hash === '#welcome.2'")
    frame.evaluate("() => { window.sameDocument = true; }")
    lesson = course / "modules" / "welcome" / "lesson.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("# Two roles", "# Two roles, side by side"), encoding="utf-8")

    page.wait_for_function("""() => {
        const f = document.getElementById('lesson').contentWindow;
        return f.location.hash === '#welcome.2' && f.document.body &&
            f.document.body.innerText.includes('Two roles, side by side');
    }""")  # the same page of the lesson, after the rebuild
    assert page.locator("#overlay").is_hidden()
    assert lesson_frame(page).evaluate("() => window.sameDocument") is True  # swapped in place
    entry = lesson_frame(page).locator('[data-toc="welcome.2"]')
    assert entry.inner_text().strip() == "Two roles, side by side"
    assert entry.locator(".toc-tick").count() == 1  # the Contents tick survives the swap

    lesson.write_text(text.replace("title: Welcome\n", "title: [Welcome\n"), encoding="utf-8")
    overlay = page.locator("#overlay")
    overlay.wait_for(state="visible")
    assert "modules/welcome/lesson.md:3: error: YAML syntax" in overlay.inner_text()
    assert "yaml.syntax" in overlay.inner_text()
    body = lesson_frame(page).evaluate("() => document.body.innerText")
    assert "Two roles, side by side" in body  # the last good build is still shown

    lesson.write_text(text, encoding="utf-8")
    overlay.wait_for(state="hidden")
    page.wait_for_function("""() => !document.getElementById('lesson').contentWindow
        .document.body.innerText.includes('side by side')""")


def test_a_quiz_edit_reloads_the_lesson_on_the_same_page(page, served) -> None:
    url, course = served
    page.goto(url)
    shown(page, 1)
    frame = lesson_frame(page)
    frame.wait_for_function("() => window.courseforge !== undefined")
    frame.evaluate("() => { courseforge.go('roles.1'); window.sameDocument = true; }")
    quiz = course / "modules" / "roles" / "quiz.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace(
        "title: Check your understanding", "title: Check what you learned"), encoding="utf-8")
    shown(page, 2)
    frame = lesson_frame(page)
    frame.wait_for_function("() => document.body.textContent.includes('Check what you learned')")
    assert frame.evaluate("() => location.hash") == "#roles.1"
    assert frame.evaluate("() => window.sameDocument") is None  # a new document


def test_the_inspector_shows_what_the_lms_stores_after_a_quiz(page, served) -> None:
    url, _ = served
    page.goto(url)
    shown(page, 1)
    frame = lesson_frame(page)
    take(page.frame_locator("#lesson"), frame, "roles", MINIMAL_CORRECT)
    page.wait_for_function(
        "() => courseforgePreview.recorder().data['cmi.core.score.raw'] !== undefined")
    frame.evaluate("() => courseforge.go('roles.quiz')")  # a save point: the runtime commits
    data = lms(page)
    assert data["cmi.core.score.raw"] == "100"
    assert data["cmi.core.lesson_status"] in ("passed", "incomplete")
    ids = {v for k, v in data.items() if k.startswith("cmi.interactions.") and k.endswith(".id")}
    assert "recommendation" in ids, ids
    assert {f"roles-{q}" for q in ("q-focus", "q-both", "q-tf", "q-match")} <= ids, ids
    index = next(k.split(".")[2] for k, v in data.items()
                 if k.endswith(".id") and v == "recommendation")
    assert data[f"cmi.interactions.{index}.student_response"] == "maker"

    inspector = page.locator("#inspector")
    inspector.get_by_text("roles-q-focus", exact=True).wait_for()
    assert inspector.locator("dd[data-element='cmi.core.score.raw']").inner_text() == "100"
    size = int(inspector.locator(".suspend-size").get_attribute("data-length") or "0")
    assert size == len(data["cmi.suspend_data"]) > 0
    assert "of 4096 characters" in inspector.locator(".suspend-size").inner_text()

    page.get_by_role("button", name="Relaunch").click()  # a learner coming back
    page.wait_for_function("() => courseforgePreview.recorder().sessions === 2")
    lesson_frame(page).wait_for_function("() => window.courseforge !== undefined")
    assert page.evaluate("() => courseforgePreview.recorder().entry") == "resume"
    assert lms(page)["cmi.core.score.raw"] == "100"  # kept across the relaunch

    page.get_by_label("SCORM 2004").check()  # the other standard, a fresh record
    page.wait_for_function("() => courseforgePreview.recorder().standard === 'scorm2004'")
    page.wait_for_function("() => courseforgePreview.recorder().data['cmi.completion_status']")
    frame = lesson_frame(page)
    assert "/lesson/scorm2004/" in frame.url
    take(page.frame_locator("#lesson"), frame, "roles", MINIMAL_CORRECT)
    page.wait_for_function(
        "() => courseforgePreview.recorder().data['cmi.score.scaled'] === '1'")
    assert inspector.locator("dd[data-element='cmi.score.scaled']").inner_text() == "1"
    assert "cmi.core.score.raw" not in lms(page)


def test_the_deck_outline_lists_each_modules_slides(page, served) -> None:
    url, course = served
    page.goto(url)
    shown(page, 1)
    page.get_by_role("button", name="Deck outline").click()
    outline = page.locator("#outline-body")
    outline.locator(".deck").first.wait_for()
    assert outline.locator(".deck").count() == 2
    titles = outline.locator(".deck").first.locator(".slide-title strong").all_inner_texts()
    assert titles[0] == "Welcome" and "Why roles matter" in titles and "Two roles" in titles

    lesson = course / "modules" / "welcome" / "lesson.md"  # a slide edit, swapped in place
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("# Two roles", "# Both roles"),
                      encoding="utf-8")
    outline.locator(".slide-title strong", has_text="Both roles").wait_for()


def test_the_outline_shows_continued_shrunk_and_cut_slides(tmp_path: Path) -> None:
    """The outline is the decks' own pagination: the long-slides course shows each case."""
    from courseforge.serve.preview_build import Preview

    preview = Preview(ROOTS / "pptx-long", BuildOptions())
    assert not preview.rebuild().failed
    slides = [s for module in preview.outline() for s in module["slides"]]
    assert any(s["continued"] and s["title"] == "A very long list (cont.)" for s in slides)
    assert any(s["shrunk"] and s["body_size"] < s["theme_size"] for s in slides)
    cut = [s for s in slides if s["cut"]]
    assert cut and cut[0]["title"].endswith("…") and len(cut[0]["full_title"]) > len(
        cut[0]["title"])
    assert all(s["notes"] for s in slides)


@pytest.mark.parametrize("width,height", [(1366, 768), (390, 844)])
def test_the_preview_page_has_no_serious_accessibility_violation(
        chromium, served, node_modules, width, height) -> None:
    url, _ = served
    context = chromium.new_context(viewport={"width": width, "height": height},
                                   bypass_csp=True)  # only to let axe in
    page = context.new_page()
    try:
        page.goto(url)
        shown(page, 1)
        page.add_script_tag(content=(node_modules / "axe-core" / "axe.min.js").read_text())
        for view in ("Lesson", "Deck outline"):
            page.get_by_role("button", name=view).click()
            if view == "Deck outline":
                page.locator("#outline-body .deck").first.wait_for()
            result = page.evaluate(
                "() => axe.run(document, {resultTypes: ['violations'], iframes: false})")
            serious = [(v["id"], [n["target"] for n in v["nodes"]])
                       for v in result["violations"] if v["impact"] in SERIOUS]
            assert serious == [], view
    finally:
        context.close()


def test_only_built_files_are_served_and_only_to_loopback(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    (tmp_path / "secret.txt").write_text("not for the browser", encoding="utf-8")
    preview, server, thread = start(course, BuildOptions(), 0)
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"

        def get(path: str, host_header: str = f"127.0.0.1:{port}") -> tuple[int, bytes]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.putrequest("GET", path, skip_host=True)
            connection.putheader("Host", host_header)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, response.read()

        assert get("/lesson/scorm12/index.html")[0] == 200
        for path in ("/lesson/scorm12/../../course.yml", "/lesson/scorm12/%2e%2e/course.yml",
                     "/lesson/scorm12/../../../secret.txt", "/course.yml",
                     "/modules/welcome/lesson.md", "/assets/../http_server.py",
                     "/lesson/web/index.html"):
            status, body = get(path)
            assert status == 404, path
            assert b"not for the browser" not in body
        assert get("/", host_header="attacker.example:80")[0] == 403  # DNS rebinding
    finally:
        stop(preview, server, thread)


def test_serve_help_explains_itself_with_an_example() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "courseforge serve" in result.output
    assert "--no-open" in result.output


def test_serve_refuses_a_missing_course(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "nope"), "--no-open"])
    assert result.exit_code == 1
    assert "does not exist" in result.output
    assert "Traceback" not in result.output


def test_ctrl_c_stops_the_preview_cleanly(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    process = subprocess.Popen([sys.executable, "-m", "courseforge", "serve", str(course),
                                "--no-open"], stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        lines = []
        for line in process.stderr:
            lines.append(line)
            if "previewing" in line:
                break
        assert "http://127.0.0.1:" in lines[-1], lines
        url = lines[-1].split(" at ")[1].split()[0]
        port = int(url.rsplit(":", 1)[1].strip("/"))
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/status.json")
        assert connection.getresponse().status == 200
        process.send_signal(signal.SIGINT)
        rest = process.communicate(timeout=20)[1]
    finally:
        process.kill()
    assert process.returncode == 0, rest
    assert "stopping the preview" in rest
    assert "Traceback" not in rest


def test_nothing_outside_the_course_is_served_through_a_symlink(tmp_path: Path) -> None:
    course = course_with_a_figure(tmp_path)
    secret = tmp_path / "secret.png"
    secret.write_bytes((course / "modules" / "welcome" / "images" / "chart.png").read_bytes()
                       + b"not for the browser")
    override = course / "templates" / "lesson" / "lesson.css"
    override.parent.mkdir(parents=True)
    override.symlink_to(tmp_path / "secret.png")
    preview, server, thread = start(course, BuildOptions(), 0)
    try:  # a theme file linked out of the course is refused, like any course file
        assert preview.good is None
        assert [(d.path, d.code) for d in preview.status.diagnostics] == [
            ("templates/lesson/lesson.css", "file.outside")]
        override.unlink()
        assert not preview.rebuild(["templates/lesson/lesson.css"]).failed
        # an image turned into a link out of the course after the build checked clean
        image = course / "modules" / "welcome" / "images" / "chart.png"
        image.unlink()
        image.symlink_to(secret)
        files = preview.lesson_files("scorm2004")  # rendered only now
        assert not any(b"not for the browser" in data for data in files.values())
        assert preview.rebuild(["modules/welcome/images/chart.png"]).failed
    finally:
        stop(preview, server, thread)
