"""The command line: help with examples, version, check, build errors as one-line messages."""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import forget_measures
from courseforge import __version__
from courseforge.cli import COMMANDS, main

ROOTS = Path(__file__).resolve().parent / "roots"
MINIMAL = ROOTS / "minimal"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    """Run the CLI in-process."""
    return CliRunner().invoke(main, list(args))


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = invoke(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"courseforge {name}" in result.output


def test_group_help_lists_commands() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


def test_the_listing_shows_each_commands_own_help() -> None:
    """The group lists commands without importing them, from paragraphs kept in step."""
    listed = main.list_commands(click.Context(main))
    eager = click.Group(commands=[main.get_command(click.Context(main), n) for n in listed])
    assert sorted(eager.commands) == sorted(COMMANDS)
    for name, command in eager.commands.items():
        assert command.help is not None
        assert command.help.split("\n\n")[0] == COMMANDS[name][2]
    for width in (40, 80, 100, 200):
        formatter = click.HelpFormatter(width=width)
        fresh = type(main)(commands=[])
        fresh.format_commands(click.Context(fresh), formatter)
        expected = click.HelpFormatter(width=width)
        eager.format_commands(click.Context(eager), expected)
        assert formatter.getvalue() == expected.getvalue()


def test_an_unknown_command_suggests_one_not_yet_imported() -> None:
    result = CliRunner().invoke(type(main)(commands=[]), ["chek"])
    assert result.exit_code == 2
    assert "Did you mean 'check'?" in result.output


def test_check_clean_course() -> None:
    result = invoke("check", str(ROOTS.parent.parent / "course"))
    assert result.exit_code == 0
    assert "0 errors, 0 warnings" in result.output


def test_check_missing_folder() -> None:
    result = invoke("check", "no/such/course")
    assert result.exit_code == 1
    assert "Error: course folder 'no/such/course' does not exist" in result.output
    assert "Traceback" not in result.output


def test_check_a_file_instead_of_a_folder() -> None:
    result = invoke("check", str(MINIMAL / "course.yml"))
    assert result.exit_code == 1
    assert "is not a folder" in result.output


def test_check_folder_without_course_file(tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 1
    expected = "course.yml: error: the course folder has no course.yml [course.missing]"
    assert f"{tmp_path.as_posix()}/{expected}" in result.output  # as the user named the folder


def test_build_json(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("build", str(MINIMAL), "-o", str(out), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads((out / "course.json").read_text(encoding="utf-8"))
    assert data["schema"] == "courseforge/course@1"
    assert data["id"] == "team-roles"
    assert [m["id"] for m in data["modules"]] == ["welcome", "roles"]
    quiz = data["modules"][1]["quiz"]
    assert quiz["settings"]["recommend"] is True
    tf = next(q for q in quiz["questions"] if q["type"] == "true-false")
    assert [(c["id"], c["correct"]) for c in tf["choices"]] == [("true", False), ("false", True)]
    pref = next(q for q in quiz["questions"] if q["type"] == "preference")
    assert pref["choices"][0]["weights"] == {"maker": 2.0}
    assert "building json" in result.output


def test_build_keeps_other_entries(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    (out / "course.json").write_text("old")
    assert invoke("build", str(MINIMAL), "-o", str(out), "-f", "json").exit_code == 0
    assert (out / "keep.txt").read_text() == "mine"
    assert (out / "course.json").read_text() != "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging left behind


def test_build_output_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    result = invoke("build", str(MINIMAL), "-o", str(target), "-f", "json")
    assert result.exit_code == 1
    assert "exists and is not a folder" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_build_refuses_output_inside_the_course(tmp_path: Path) -> None:
    result = invoke("build", str(MINIMAL), "-o", str(MINIMAL / "out"), "-f", "json")
    assert result.exit_code == 1
    assert "must be outside the course folder" in result.output
    assert not (MINIMAL / "out").exists()


def test_build_refuses_output_that_holds_the_course(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(MINIMAL, course)
    result = invoke("build", str(course), "-o", str(tmp_path), "-f", "json")
    assert result.exit_code == 1
    assert f"output '{tmp_path}' holds the course folder" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course"]


def test_build_unwritable_parent_is_a_clean_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    result = invoke("build", str(MINIMAL), "-o", str(blocker / "out"), "-f", "json")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot write in")
    assert "Traceback" not in result.output


def test_build_unknown_format() -> None:
    result = invoke("build", str(MINIMAL), "-f", "docx")
    assert result.exit_code == 2
    assert "docx" in result.output


def test_layout_option_needs_role_and_name(tmp_path: Path) -> None:
    result = invoke("build", str(MINIMAL), "-o", str(tmp_path / "o"), "--layout", "title")
    assert result.exit_code == 2
    assert "ROLE=NAME" in result.output


def test_errors_are_click_exceptions() -> None:
    from courseforge.errors import CourseforgeError, ValidationFailed

    assert issubclass(CourseforgeError, click.ClickException)
    assert issubclass(ValidationFailed, CourseforgeError)


def test_diagnostics_name_paths_as_the_user_named_the_course(tmp_path: Path) -> None:
    """check, build and take all point at files from where the command ran."""
    course = tmp_path / "my course"
    shutil.copytree(ROOTS / "broken-points-zero", course)
    with contextlib.chdir(tmp_path):
        for args in (["check", "my course"], ["build", "my course", "-o", "out"],
                     ["take", "my course"]):
            result = invoke(*args)
            assert result.exit_code == 1, args
            assert "my course/modules/roles/quiz.yml:8: error: " in result.output, args


@pytest.mark.parametrize(("template", "message"), [
    ("{{ nope.x }}", "index.html.j2:2: template error: 'nope' is undefined"),
    ('{% extends "!default/nope.j2" %}',
     "index.html.j2:1: template error: no template named '!default/nope.j2'"),
])
def test_a_broken_theme_override_is_a_one_line_error(tmp_path: Path, template: str,
                                                     message: str) -> None:
    overrides = tmp_path / "theme" / "lesson"
    overrides.mkdir(parents=True)
    body = ('{% extends "!default/lesson/index.html.j2" %}\n{% block head %}' + template +
            "{% endblock %}\n") if "extends" not in template else template + "\n"
    (overrides / "index.html.j2").write_text(body)
    result = invoke("build", str(MINIMAL), "-o", str(tmp_path / "out"), "-f", "web",
                    "--templates", str(tmp_path / "theme"))
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_an_unknown_layout_role_is_refused_before_building(tmp_path: Path) -> None:
    result = invoke("build", str(MINIMAL), "-o", str(tmp_path / "out"), "--layout", "body=Foo")
    assert result.exit_code == 2
    assert "'body' is not a slide role; use one of title, section, content" in result.output
    assert "building" not in result.output and not (tmp_path / "out").exists()


def test_quiet_still_says_what_the_decks_could_not_measure(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    from courseforge.builders.pptx import text_fit

    monkeypatch.setattr(text_fit, "FONT_DIRS", ())  # a machine without any font files
    forget_measures()
    try:
        result = invoke("build", str(MINIMAL), "-o", str(tmp_path / "out"), "-f", "pptx", "-q")
    finally:
        monkeypatch.undo()
        forget_measures()
    assert result.exit_code == 0, result.output
    assert "note: no font file for 'Calibri'" in result.output
    assert "slides/welcome.pptx" not in result.output  # the progress itself stays quiet


def test_ctrl_c_ends_with_status_130_and_keeps_the_previous_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert invoke("build", str(MINIMAL), "-o", str(out), "-f", "json").exit_code == 0
    before = (out / "course.json").read_bytes()
    from courseforge.builders import json_export

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(json_export.JsonBuilder, "build", interrupted)
    result = invoke("build", str(MINIMAL), "-o", str(out), "-f", "json")
    assert result.exit_code == 130 and "Interrupted." in result.output
    assert (out / "course.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder left
