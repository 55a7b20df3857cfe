"""``check`` loads the decks' table measures only for a course that has a table."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOTS

PROBE = ("import sys\nfrom courseforge.cli import main\n"
         "try:\n    main(['check', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
         "print('courseforge.builders.pptx.table_check' in sys.modules)")


def checked(course: Path) -> list[str]:
    """The lines ``check`` prints, then whether it loaded the table check."""
    return subprocess.run([sys.executable, "-c", PROBE, str(course)], capture_output=True,
                          text=True, check=True).stdout.splitlines()


def test_a_course_without_tables_skips_the_table_measures(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOTS / "minimal", course)
    for lesson in course.glob("modules/*/lesson.md"):
        text = lesson.read_text(encoding="utf-8")
        lesson.write_text("\n".join(line for line in text.split("\n") if "|" not in line),
                          encoding="utf-8")
    *_, summary, loaded = checked(course)
    assert summary.startswith("0 errors") and loaded == "False"


def test_a_course_with_tables_is_measured() -> None:
    *lines, loaded = checked(ROOTS / "pptx-tables")
    assert loaded == "True"
    assert any("[deck.table-hyphenated]" in line for line in lines)
