"""One timing model: a module's ``minutes`` are a budget split over its slides.

Every slide spec carries a weight (its share, in nominal minutes: an author's own
"Timing: about N minutes" line when the notes have one). :func:`budget` scales the weights
of a module's slides so their seconds add up to the module's minutes; the writer then
spreads each slide's seconds over its pages and states them in the notes, with the clock
time into the deck, rounded so the stated minutes add up to the whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .texts import clock, minutes, say

if TYPE_CHECKING:
    from .slide_specs_base import SlideSpec

# an author's own timing paragraph in the notes: its first number of minutes is the weight
AUTHOR_TIMING = re.compile(r"^Timing:\s*(?:about\s+)?(\d+(?:\.\d+)?)\s+minute", re.IGNORECASE)
DEFAULT_WEIGHT = 2.0  # a lesson slide without an author's timing


def author_timing(notes: str) -> tuple[str, float]:
    """The notes without the author's timing paragraph, and the minutes it gave (or the
    default weight): the generated timing replaces it, so the two never disagree."""
    kept, weight = [], DEFAULT_WEIGHT
    for line in notes.split("\n"):
        found = AUTHOR_TIMING.match(line.strip())
        if found:
            weight = float(found.group(1))
        else:
            kept.append(line)
    return "\n".join(kept).strip(), weight


def budget(specs: Sequence[SlideSpec], total_minutes: float) -> list[SlideSpec]:
    """The specs with seconds that add up to ``total_minutes``, in proportion to weight."""
    weights = sum(s.weight for s in specs)
    if weights <= 0:
        return list(specs)
    scale = total_minutes * 60 / weights
    return [replace(s, seconds=s.weight * scale) for s in specs]


def page_timings(seconds: Sequence[float], start: float = 0.0) -> list[str]:
    """The notes' timing line of each page, given each page's seconds: minutes rounded on
    the running clock so that they add up to the rounded total."""
    lines = []
    clock_at = start
    for length in seconds:
        end = clock_at + length
        shown = round(end / 60) - round(clock_at / 60)
        if shown <= 0:
            lines.append(say("notes.timing.short", start=clock(clock_at)))
        else:
            lines.append(say("notes.timing", time=minutes(shown), start=clock(clock_at),
                             end=clock(end)))
        clock_at = end
    return lines


def split_seconds(seconds: float, pages: int) -> list[float]:
    """A slide's seconds shared evenly by the pages it was split into."""
    return [seconds / pages] * pages
