"""LMS presets (``--lms``): the tracking standard and the settings each LMS needs.

Every choice, with what breaks without it and the public source it rests on, is in
docs/lms.md; keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import CourseforgeError

BEACON_LIMIT = 64 * 1024  # browsers refuse navigator.sendBeacon bodies above this


@dataclass(frozen=True, slots=True, kw_only=True)
class LmsPreset:
    """How packages for one LMS are built."""

    name: str
    title: str
    standard: str  # the format built when no -f is given: scorm12 | scorm2004 | cmi5
    practice: str  # how practice quizzes are journaled as interactions: full | summary | none
    cmi_budget: int | None  # bytes a session may leave in the LMS's re-sent CMI; None: no limit
    reason: str  # one line: why this standard and these settings


PRESETS: dict[str, LmsPreset] = {p.name: p for p in (
    LmsPreset(name="generic", title="Any SCORM LMS", standard="scorm12", practice="summary",
              cmi_budget=BEACON_LIMIT,
              reason="SCORM 1.2 is the version every LMS implements; answers of practice "
                     "quizzes are summed up in one interaction per attempt"),
    LmsPreset(name="moodle", title="Moodle", standard="scorm12", practice="none",
              cmi_budget=BEACON_LIMIT,
              reason="Moodle's interactions report reads SCORM 1.2 names only, and it re-sends "
                     "the whole CMI on every commit, by beacon at unload"),
    LmsPreset(name="totara", title="Totara", standard="scorm12", practice="none",
              cmi_budget=BEACON_LIMIT,
              reason="Totara runs Moodle's SCORM player: the same limits as Moodle"),
    LmsPreset(name="canvas", title="Canvas (SCORM via its SCORM app)", standard="scorm12",
              practice="summary", cmi_budget=BEACON_LIMIT,
              reason="Canvas plays SCORM through the SCORM tool of its course navigation; "
                     "SCORM 1.2 is the version every player implements alike"),
    LmsPreset(name="blackboard", title="Blackboard Learn", standard="scorm2004",
              practice="summary", cmi_budget=BEACON_LIMIT,
              reason="Blackboard Learn plays SCORM with Rustici's SCORM Engine, a full SCORM "
                     "2004 player that keeps success and completion apart"),
    LmsPreset(name="cornerstone", title="Cornerstone OnDemand", standard="scorm12",
              practice="summary", cmi_budget=BEACON_LIMIT,
              reason="Cornerstone refuses a Commit while the page unloads and reports a score "
                     "only when it comes before the status; SCORM 1.2, the widest-supported "
                     "version, is enough for what it reports"),
    LmsPreset(name="scorm-cloud", title="SCORM Cloud (Rustici)", standard="scorm2004",
              practice="full", cmi_budget=None,
              reason="the reference player: full SCORM 2004 4th edition, every answer kept"),
)}
DEFAULT_PRESET = "generic"


def preset(name: str) -> LmsPreset:
    """The preset of this name; a clear error listing the known ones otherwise."""
    try:
        return PRESETS[name]
    except KeyError:
        raise CourseforgeError(f"unknown LMS '{name}'; use one of "
                               f"{', '.join(sorted(PRESETS))}") from None
