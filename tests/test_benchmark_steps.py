"""benchmarks/deck_steps.py still times the steps the deck writer takes (not how long they
take: no timed tests), so the benchmark's split of the decks' time cannot silently go stale."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, ROOTS

SCRIPT = ROOT / "benchmarks" / "deck_steps.py"


def test_every_step_is_one_the_writer_takes() -> None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        from deck_steps import STEPS
    finally:
        sys.path.remove(str(SCRIPT.parent))
    import importlib

    for step, (module_name, owner_name, name) in STEPS.items():
        module = importlib.import_module(f"courseforge.builders.pptx.{module_name}")
        owner = module if owner_name is None else getattr(module, owner_name)
        assert callable(getattr(owner, name, None)), step


def test_the_split_covers_the_decks_and_names_each_step() -> None:
    # a course with tables and pictures: every step but copying runs; the course deck copies
    done = subprocess.run([sys.executable, str(SCRIPT), str(ROOTS / "rich")],
                          capture_output=True, text=True, check=True)
    steps = json.loads(done.stdout)
    total, other = steps.pop("total"), steps.pop("other")
    assert list(steps.values()) == sorted(steps.values(), reverse=True)
    for step in ("fit the text (typeset, paginate, measure)", "lay a slide out (its XML tree)",
                 "deflate and zip", "notes slides", "open the reference deck"):
        assert steps[step] > 0, step
    assert other >= 0
    assert abs(total - other - sum(steps.values())) < 1e-3
