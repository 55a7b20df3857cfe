"""benchmarks/deck_steps.py still times the steps the deck writer takes (not how long they
take: no timed tests), so the benchmark's split of the decks' time cannot silently go stale."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from pptx import Presentation

from conftest import ROOT, ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions

SCRIPT = ROOT / "benchmarks" / "deck_steps.py"
COURSE = ROOTS / "rich"  # tables and pictures; its course deck copies the module decks' slides


def steps(*args: str) -> dict[str, float]:
    """What the script prints for the course."""
    done = subprocess.run([sys.executable, str(SCRIPT), str(COURSE), *args],
                          capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout))


@pytest.fixture(scope="module")
def deck_slides(tmp_path_factory: pytest.TempPathFactory) -> list[int]:
    """How many slides each deck of the course has, as built."""
    out = tmp_path_factory.mktemp("decks")
    build(COURSE, out, ["pptx"], BuildOptions(), lambda message: None)
    return [len(Presentation(str(deck)).slides) for deck in sorted((out / "slides").glob("*.pptx"))]


def test_every_step_is_taken_as_often_as_the_decks_say(deck_slides: list[int]) -> None:
    calls = steps("--calls")
    slides, decks = sum(deck_slides), len(deck_slides)
    assert decks > 1 and slides > decks
    # each slide gets its notes and is serialized once; it is laid out, or copied (left to
    # right, a copy never falls back to laying the slide out)
    assert calls["notes slides"] == calls["serialize slides"] == slides
    laid_out, copied = (calls["lay a slide out (its XML)"],
                        calls["copy a slide kept from a module deck"])
    assert laid_out > 0 and copied > 0
    assert laid_out + copied == slides
    for step in ("open the reference deck", "the package's parts and relationships",
                 "deflate and zip"):
        assert calls[step] == decks, step
    # each spec's text is fitted once a deck: once a slide where none runs over two pages
    assert calls["fit the text (typeset, paginate, measure)"] == slides


def test_the_split_is_largest_first_and_within_the_total() -> None:
    seconds = steps()
    total, other = seconds.pop("total"), seconds.pop("other")
    assert list(seconds.values()) == sorted(seconds.values(), reverse=True)
    # each step is timed at its outermost call only, so the steps never add up past the total
    assert other >= 0 and total > 0
    assert seconds["lay a slide out (its XML)"] > 0
