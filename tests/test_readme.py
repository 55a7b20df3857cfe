"""The README's promises: its small complete example checks clean and builds."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from click.testing import CliRunner

from courseforge.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"
# a file name in backticks on a line of its own, then its fenced contents
EXAMPLE_FILE = re.compile(r"^`([\w./-]+)`\n```[a-z]*\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def test_the_readme_example_is_a_complete_course(tmp_path: Path) -> None:
    files = EXAMPLE_FILE.findall(README.read_text(encoding="utf-8"))
    assert {name for name, _ in files} >= {"course.yml", "modules/welcome/lesson.md",
                                            "modules/roles/quiz.yml"}
    course = tmp_path / "my-course"
    for name, text in files:
        (course / name).parent.mkdir(parents=True, exist_ok=True)
        (course / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(course)])
    assert checked.exit_code == 0 and "0 errors, 0 warnings" in checked.output, checked.output
    built = runner.invoke(main, ["build", str(course), "-o", str(tmp_path / "out"), "-f", "json",
                                 "-f", "pptx", "-q"])
    assert built.exit_code == 0, built.output
    assert (tmp_path / "out" / "slides" / "team-roles.pptx").is_file()


def test_the_quick_start_has_exactly_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", quick, re.DOTALL)
    assert commands == ["PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install . && courseforge build",
                        "bash scripts/test.sh"]


def test_the_readme_check_example_is_what_check_prints(tmp_path: Path) -> None:
    """The example of `check` output: the example course with a misspelt field and a
    single-choice question left without its correct choice."""
    text = README.read_text(encoding="utf-8")
    shown = re.search(r"```\n\$ courseforge check my-course\n(.*?)```", text, re.DOTALL)
    assert shown is not None
    course = tmp_path / "my-course"
    for name, body in EXAMPLE_FILE.findall(text):
        body = body.replace("passing_score: 75", "pasing_score: 75")
        body = body.replace("correct: true, feedback: Right.", "feedback: Right.", 1)
        (course / name).parent.mkdir(parents=True, exist_ok=True)
        (course / name).write_text(body, encoding="utf-8")
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(main, ["check", "my-course"])
    assert result.exit_code == 1
    assert result.output == shown.group(1)
