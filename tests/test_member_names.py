"""A zip member name is checked by a quick test of its segments first: the same verdicts as
the full rule (relative, clean, portable) it falls back to."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courseforge.errors import CourseforgeError
from courseforge.packaging import check_member_name


def _full_rule(name: str) -> bool:
    """Whether the full rule (every condition, through PurePosixPath) admits ``name``."""
    pure = PurePosixPath(name)
    return not (not name or name.startswith("/") or "\\" in name or ".." in pure.parts
                or ":" in name or not name.isascii() or name != pure.as_posix())


_NAMES = st.lists(st.sampled_from(["a", "b.xml", ".", "..", "", "/", "\\", ":", "é", "_rels",
                                   "x y", "..a", "a.."]), max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(name=st.one_of(_NAMES, st.text(max_size=12)))
def test_the_quick_check_gives_the_full_rule_s_verdict(name: str) -> None:
    if _full_rule(name):
        assert check_member_name(name) == name
    else:
        with pytest.raises(CourseforgeError, match="refusing to package"):
            check_member_name(name)


@pytest.mark.parametrize("name", ["", "/abs.xml", "a//b", "a/./b", "a/../b", "a/", "./a",
                                  "c:/x", "a\\b", "é.xml", ".."])
def test_unclean_names_are_refused(name: str) -> None:
    with pytest.raises(CourseforgeError):
        check_member_name(name)
