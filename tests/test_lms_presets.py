"""LMS presets: each documented, each building its standard; the CMI budget check of `check`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BUNDLED, ROOT, ROOTS
from courseforge.cli import main
from courseforge.lms.cmi_budget import cmi_estimate, moodle_body_length
from courseforge.lms.identifiers import MOODLE_SHORT_IDENTIFIER, course_identifier, short_identifier
from courseforge.lms.presets import PRESETS
from courseforge.loading import load_checked
from courseforge.loading.fields import ID_PATTERN

DOC = (ROOT / "docs" / "lms.md").read_text(encoding="utf-8")


def _table_rows() -> dict[str, list[str]]:
    rows = {}
    for line in DOC.splitlines():
        match = re.match(r"^\| `([a-z-]+)` +\|(.*)\|$", line)
        if match and match.group(1) != "--lms":
            rows[match.group(1)] = [cell.strip() for cell in match.group(2).split("|")]
    return rows


def test_every_preset_is_documented_with_its_standard_and_reason() -> None:
    rows = _table_rows()
    assert set(rows) == set(PRESETS)
    for name, preset in PRESETS.items():
        builds, practice, budget, why = rows[name]
        assert builds == f"`{preset.standard}`"
        assert {"full": "every answer", "summary": "one summary per attempt",
                "none": "not at all"}[preset.practice] == practice
        assert budget == ("none" if preset.cmi_budget is None else "64 KiB")
        assert len(why) > 40  # a reason, not a label


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_a_preset_builds_its_standard_only(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(main, ["build", str(ROOTS / "minimal"), "-o", str(tmp_path),
                                       "--lms", name, "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [PRESETS[name].standard]


def test_formats_named_win_over_the_preset_standard(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(ROOTS / "minimal"), "-o", str(tmp_path),
                                       "--lms", "moodle", "-f", "cmi5", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cmi5"]


def test_an_unknown_lms_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["build", str(ROOTS / "minimal"), "--lms", "moodel"])
    assert result.exit_code == 2 and "moodle" in result.output


def test_response_identifiers_map_one_to_one_onto_moodles_alphabet() -> None:
    ids = ["project-manager", "a-b_c", "a_b-c", "q1", "x--y", "A_-_B"]
    shorts = [short_identifier(i) for i in ids]
    assert all(MOODLE_SHORT_IDENTIFIER.match(s) for s in shorts)
    assert len(set(shorts)) == len(ids)
    assert [course_identifier(s) for s in shorts] == ids
    assert short_identifier("project-manager") == "project.manager"


@settings(max_examples=300, deadline=None)
@given(st.from_regex(ID_PATTERN, fullmatch=True), st.from_regex(ID_PATTERN, fullmatch=True))
def test_every_valid_id_maps_reversibly_and_without_collision(a: str, b: str) -> None:
    # the mapping relies on the id grammar holding no dot: if it ever allowed one, this fails
    assert MOODLE_SHORT_IDENTIFIER.match(short_identifier(a))
    assert course_identifier(short_identifier(a)) == a
    assert (short_identifier(a) == short_identifier(b)) == (a == b)
    # a matching pair keeps its "[.]" delimiter readable: ids never hold "[" or "]"
    pair = f"{short_identifier(a)}[.]{short_identifier(b)}"
    assert [course_identifier(part) for part in pair.split("[.]")] == [a, b]


def test_moodle_serialisation_counts_names_and_encoded_values() -> None:
    # &cmi__location=a%20b plus Moodle's own parameters
    assert moodle_body_length([("cmi.location", "a b")]) - moodle_body_length([]) == \
        len("&cmi__location=a%20b")


def test_the_bundled_course_fits_every_preset_budget() -> None:
    course = load_checked(BUNDLED).course
    for preset in PRESETS.values():
        if preset.cmi_budget is not None:
            for standard in ("scorm12", "scorm2004"):
                assert cmi_estimate(course, standard, preset.practice) < preset.cmi_budget
    # every answer of every quiz journaled would not fit in SCORM 2004
    assert cmi_estimate(course, "scorm2004", "full") > 64 * 1024


def _big_course(tmp_path: Path, questions: int) -> Path:
    course = tmp_path / "big"
    shutil.copytree(ROOTS / "minimal", course)
    quiz_file = course / "modules" / "roles" / "quiz.yml"
    quiz = yaml.safe_load(quiz_file.read_text(encoding="utf-8"))
    template = quiz["questions"][0]
    quiz["questions"] += [{**template, "id": f"q-extra-{n}",
                           "prompt": "A long question that takes room in LMS reports " * 4}
                          for n in range(questions)]
    quiz_file.write_text(yaml.safe_dump(quiz, sort_keys=False), encoding="utf-8")
    return course


def test_check_warns_when_a_course_could_pass_the_budget(tmp_path: Path) -> None:
    course = _big_course(tmp_path, 120)
    result = CliRunner().invoke(main, ["check", str(course), "--lms", "moodle"])
    assert result.exit_code == 0, result.output  # a warning, not an error
    assert "[scorm.cmi-budget]" in result.output and "Moodle" in result.output
    assert re.search(r"big/course\.yml:\d+: warning: a pass with 2 retries", result.output)
    quiet = CliRunner().invoke(main, ["check", str(course), "--lms", "scorm-cloud"])
    assert "[scorm.cmi-budget]" not in quiet.output  # no limit there
    small = CliRunner().invoke(main, ["check", str(ROOTS / "minimal"), "--lms", "moodle"])
    assert "[scorm.cmi-budget]" not in small.output
