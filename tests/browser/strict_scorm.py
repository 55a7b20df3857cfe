"""A strict LMS's view of what a SCO sends: every SetValue checked against its SCORM version.

scorm-again quietly repairs some wrong values (a 2004 ``incorrect`` in 1.2 becomes ``wrong``,
``00:00:00.70`` is kept as ``00:00:00.7``), so tests that read back what it stored cannot see
them. This checker reads the calls the harness recorded (tests/browser/harness.js) instead, and
knows each version's own elements, vocabularies and formats:

- SCORM 1.2 (RTE 1.2, section 3.4): CMIDecimal, CMITimespan ``HHHH:MM:SS.SS``, CMITime,
  CMIIdentifier, ``wrong`` (never ``incorrect``), scores on 0..100, suspend data <= 4096.
- SCORM 2004 4th edition (RTE 4.2): real(10,7) numbers (plain decimals, never exponents; an LMS
  keeps at least seven digits after the point, so more are allowed but meaningless),
  ``cmi.score.scaled`` in -1..1, ISO 8601 durations and times, ``incorrect``, and the order the
  data model requires (an interaction's id before its other fields, its type before responses).

``violations`` lists every problem; ``assert_strict`` fails a test on any.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

Check = Callable[[str, Mapping[str, str]], str | None]
SET_VALUE = {"1.2": "LMSSetValue", "2004": "SetValue"}

DECIMAL = re.compile(r"-?\d+(\.\d+)?")
TIMESPAN_12 = re.compile(r"\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?")
TIME_12 = re.compile(r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?")
IDENTIFIER_12 = re.compile(r"[A-Za-z0-9_-]{1,255}")
DURATION_2004 = re.compile(
    r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?")
TIME_2004 = re.compile(r"(?P<year>\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])"
                       r"(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d(\.\d{1,2})?)?)?"
                       r"(Z|[+-]([01]\d|2[0-3])(:[0-5]\d)?)?)?)?)?")
LONG_IDENTIFIER_2004 = re.compile(r"\S{1,4000}")


def _pattern(regex: re.Pattern[str], what: str) -> Check:
    """A check that the whole value matches ``regex``."""
    def check(value: str, _: Mapping[str, str]) -> str | None:
        return None if regex.fullmatch(value) else f"not {what}"
    return check


def _vocabulary(*words: str, number: bool = False) -> Check:
    """A check that the value is one of ``words`` (or, with ``number``, a decimal)."""
    def check(value: str, _: Mapping[str, str]) -> str | None:
        if value in words or (number and DECIMAL.fullmatch(value)):
            return None
        return "not one of " + ", ".join(repr(w) for w in words) + (" or a number" * number)
    return check


def _decimal(low: float | None = None, high: float | None = None, blank: bool = False,
             what: str = "a decimal (CMIDecimal)") -> Check:
    """A check for a plain decimal numeral within [low, high]."""
    def check(value: str, _: Mapping[str, str]) -> str | None:
        if blank and value == "":
            return None
        if not DECIMAL.fullmatch(value):
            return f"not {what}"
        number = float(value)
        if (low is not None and number < low) or (high is not None and number > high):
            return f"out of range {low}..{high}"
        return None
    return check


def _text(limit: int) -> Check:
    """A check on the length of a character string."""
    def check(value: str, _: Mapping[str, str]) -> str | None:
        return None if len(value) <= limit else f"longer than {limit} characters ({len(value)})"
    return check


def _time_2004(value: str, _: Mapping[str, str]) -> str | None:
    """time(second,10,0): an ISO 8601 date-time, years 1970 to 2038."""
    match = TIME_2004.fullmatch(value)
    if not match:
        return "not a time(second,10,0)"
    return None if 1970 <= int(match.group("year")) <= 2038 else "year outside 1970..2038"


REAL = _decimal(what="a real(10,7)")
RESPONSES_12 = {  # the SCO's response formats by interaction type (CMIFeedback, <= 255)
    "true-false": re.compile(r"[01tf]"),
    "choice": re.compile(r"[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*"),
    "matching": re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)*"),
    "likert": re.compile(r"[A-Za-z0-9_-]*"),
}
_ID_2004 = r"[^\s\[\]]{1,250}"
RESPONSES_2004 = {
    "true-false": re.compile(r"true|false"),
    "choice": re.compile(rf"({_ID_2004}(\[,\]{_ID_2004})*)?"),
    "matching": re.compile(rf"{_ID_2004}\[\.\]{_ID_2004}(\[,\]{_ID_2004}\[\.\]{_ID_2004})*"),
    "likert": re.compile(rf"({_ID_2004})?"),
}


def _response(formats: Mapping[str, re.Pattern[str]], limit: int | None) -> Check:
    """A response or pattern in the format of its interaction's type (set before it)."""
    def check(value: str, context: Mapping[str, str]) -> str | None:
        if limit is not None and len(value) > limit:
            return f"longer than {limit} characters"
        kind = context.get("type", "")
        if kind in formats and not formats[kind].fullmatch(value):
            return f"not a {kind} response"
        if kind in formats and kind == "choice" and "[,]" in value:
            items = value.split("[,]")
            if len(set(items)) != len(items):
                return "a choice listed twice"
        return None
    return check


N = r"\d+"
RULES: dict[str, list[tuple[str, Check]]] = {
    "1.2": [
        ("cmi.core.lesson_location", _text(255)),
        ("cmi.core.lesson_status", _vocabulary("passed", "completed", "failed", "incomplete",
                                               "browsed")),
        ("cmi.core.exit", _vocabulary("time-out", "suspend", "logout", "")),
        ("cmi.core.session_time", _pattern(TIMESPAN_12, "a CMITimespan (HHHH:MM:SS.SS)")),
        (r"cmi.core.score.(raw|min|max)", _decimal(0, 100, blank=True)),
        ("cmi.suspend_data", _text(4096)),
        ("cmi.comments", _text(4096)),
        ("cmi.student_preference.audio", _decimal(-1, 100)),
        ("cmi.student_preference.language", _text(255)),
        ("cmi.student_preference.speed", _decimal(-100, 100)),
        ("cmi.student_preference.text", _vocabulary("-1", "0", "1")),
        (rf"cmi.objectives.{N}.id", _pattern(IDENTIFIER_12, "a CMIIdentifier")),
        (rf"cmi.objectives.{N}.score.(raw|min|max)", _decimal(0, 100, blank=True)),
        (rf"cmi.objectives.{N}.status", _vocabulary("passed", "completed", "failed",
                                                     "incomplete", "browsed", "not attempted")),
        (rf"cmi.interactions.{N}.id", _pattern(IDENTIFIER_12, "a CMIIdentifier")),
        (rf"cmi.interactions.{N}.objectives.{N}.id", _pattern(IDENTIFIER_12, "a CMIIdentifier")),
        (rf"cmi.interactions.{N}.time", _pattern(TIME_12, "a CMITime (HH:MM:SS)")),
        (rf"cmi.interactions.{N}.type", _vocabulary(
            "true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert",
            "numeric")),
        (rf"cmi.interactions.{N}.correct_responses.{N}.pattern", _response(RESPONSES_12, 255)),
        (rf"cmi.interactions.{N}.weighting", _decimal()),
        (rf"cmi.interactions.{N}.student_response", _response(RESPONSES_12, 255)),
        (rf"cmi.interactions.{N}.result", _vocabulary("correct", "wrong", "unanticipated",
                                                      "neutral", number=True)),
        (rf"cmi.interactions.{N}.latency", _pattern(TIMESPAN_12, "a CMITimespan")),
    ],
    "2004": [
        ("cmi.completion_status", _vocabulary("completed", "incomplete", "not attempted",
                                              "unknown")),
        ("cmi.success_status", _vocabulary("passed", "failed", "unknown")),
        ("cmi.exit", _vocabulary("time-out", "suspend", "logout", "normal", "")),
        ("cmi.location", _text(1000)),
        ("cmi.suspend_data", _text(64000)),
        ("cmi.session_time", _pattern(DURATION_2004, "a timeinterval (ISO 8601 duration)")),
        ("cmi.progress_measure", _decimal(0, 1, what="a real(10,7)")),
        ("cmi.score.scaled", _decimal(-1, 1, what="a real(10,7)")),
        ("cmi.score.(raw|min|max)", REAL),
        (rf"cmi.comments_from_learner.{N}.comment", _text(4000)),
        (rf"cmi.comments_from_learner.{N}.location", _text(250)),
        (rf"cmi.comments_from_learner.{N}.timestamp", _time_2004),
        ("cmi.learner_preference.audio_level", _decimal(0, what="a real(10,7)")),
        ("cmi.learner_preference.language", _text(250)),
        ("cmi.learner_preference.delivery_speed", _decimal(0, what="a real(10,7)")),
        ("cmi.learner_preference.audio_captioning", _vocabulary("-1", "0", "1")),
        (rf"cmi.objectives.{N}.id", _pattern(LONG_IDENTIFIER_2004, "a long_identifier_type")),
        (rf"cmi.objectives.{N}.score.scaled", _decimal(-1, 1, what="a real(10,7)")),
        (rf"cmi.objectives.{N}.score.(raw|min|max)", REAL),
        (rf"cmi.objectives.{N}.success_status", _vocabulary("passed", "failed", "unknown")),
        (rf"cmi.objectives.{N}.completion_status", _vocabulary(
            "completed", "incomplete", "not attempted", "unknown")),
        (rf"cmi.objectives.{N}.progress_measure", _decimal(0, 1, what="a real(10,7)")),
        (rf"cmi.objectives.{N}.description", _text(250)),
        (rf"cmi.interactions.{N}.id", _pattern(LONG_IDENTIFIER_2004, "a long_identifier_type")),
        (rf"cmi.interactions.{N}.type", _vocabulary(
            "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance",
            "sequencing", "likert", "numeric", "other")),
        (rf"cmi.interactions.{N}.objectives.{N}.id",
         _pattern(LONG_IDENTIFIER_2004, "a long_identifier_type")),
        (rf"cmi.interactions.{N}.timestamp", _time_2004),
        (rf"cmi.interactions.{N}.correct_responses.{N}.pattern", _response(RESPONSES_2004, None)),
        (rf"cmi.interactions.{N}.weighting", REAL),
        (rf"cmi.interactions.{N}.learner_response", _response(RESPONSES_2004, None)),
        (rf"cmi.interactions.{N}.result", _vocabulary("correct", "incorrect", "unanticipated",
                                                      "neutral", number=True)),
        (rf"cmi.interactions.{N}.latency", _pattern(DURATION_2004, "a timeinterval")),
        (rf"cmi.interactions.{N}.description", _text(250)),
    ],
}
COMPILED = {version: [(re.compile(name.replace(".", r"\.")), check) for name, check in rules]
            for version, rules in RULES.items()}
INTERACTION = re.compile(r"cmi\.interactions\.(\d+)\.(.+)")


def set_values(calls: Iterable[Mapping[str, Any]], version: str) -> list[tuple[str, str]]:
    """(element, value) of every SetValue call the SCO made, in order."""
    return [(str(c["args"][0]), str(c["args"][1])) for c in calls
            if c["method"] == SET_VALUE[version] and len(c["args"]) >= 2]


def sent(calls: Iterable[Mapping[str, Any]], version: str, element: str) -> list[str]:
    """Every value the SCO sent for one element, in order."""
    return [value for name, value in set_values(calls, version) if name == element]


def _order(version: str, index: str, field: str, seen: dict[str, set[str]]) -> str | None:
    """2004's dependencies: an interaction's id first, its type before any response."""
    fields = seen.setdefault(index, set())
    fields.add(field)
    if version != "2004" or field == "id":
        return None
    if "id" not in fields:
        return "sent before the interaction's id"
    if ("correct_responses" in field or field == "learner_response") and "type" not in fields:
        return "sent before the interaction's type"
    return None


def violations(calls: Iterable[Mapping[str, Any]], version: str) -> list[str]:
    """Every SetValue a strict LMS of this version refuses, as ``element = 'value': why``."""
    problems: list[str] = []
    types: dict[str, str] = {}
    seen: dict[str, set[str]] = {}
    for element, value in set_values(calls, version):
        context: dict[str, str] = {}
        interaction = INTERACTION.fullmatch(element)
        if interaction:
            index, field = interaction.groups()
            if field == "type":
                types[index] = value
            if index in types:
                context["type"] = types[index]
            order = _order(version, index, field, seen)
            if order:
                problems.append(f"{element} = {value!r}: {order}")
        checks = [check for pattern, check in COMPILED[version] if pattern.fullmatch(element)]
        if not checks:
            problems.append(f"{element} = {value!r}: not an element a SCORM {version} SCO sets")
            continue
        reason = checks[0](value, context)
        if reason:
            problems.append(f"{element} = {value!r}: {reason}")
    return problems


def assert_strict(calls: Iterable[Mapping[str, Any]], version: str) -> None:
    """Fail when anything the SCO sent would be refused by a strict LMS of its version."""
    problems = violations(list(calls), version)
    assert not problems, f"SCORM {version} values a strict LMS refuses:\n" + "\n".join(problems)


# ---------- Moodle (mod/scorm/datamodels/scorm_13.js, scorm_12.js, request.js) ----------
# Moodle's 2004 player checks every node of a choice, matching, likert, sequencing or
# performance response or pattern against CMIShortIdentifier and answers 406 otherwise.
MOODLE_SHORT_IDENTIFIER = re.compile(r"[\w.]{1,250}", re.ASCII)
MOODLE_CHECKED_TYPES = ("choice", "matching", "likert", "sequencing", "performance")
MOODLE_BEACON_LIMIT = 64 * 1024
RESPONSE_FIELD = re.compile(r"learner_response|correct_responses\.\d+\.pattern")


def moodle_violations(calls: Iterable[Mapping[str, Any]], version: str) -> list[str]:
    """Every response or pattern Moodle's SCORM 2004 run-time refuses with error 406."""
    if version != "2004":
        return []
    problems: list[str] = []
    types: dict[str, str] = {}
    for element, value in set_values(calls, version):
        interaction = INTERACTION.fullmatch(element)
        if not interaction:
            continue
        index, field = interaction.groups()
        if field == "type":
            types[index] = value
            continue
        kind = types.get(index, "")
        if not RESPONSE_FIELD.fullmatch(field) or kind not in MOODLE_CHECKED_TYPES or not value:
            continue
        nodes = [part for node in value.split("[,]") for part in node.split("[.]")]
        bad = [node for node in nodes if not MOODLE_SHORT_IDENTIFIER.fullmatch(node)]
        if bad:
            problems.append(f"{element} = {value!r}: Moodle refuses {bad} (error 406)")
    return problems


def moodle_cmi(calls: Iterable[Mapping[str, Any]], version: str,
               held: Mapping[str, str] | None = None) -> dict[str, str]:
    """The CMI Moodle keeps for the attempt: what earlier sessions left, then every value set."""
    cmi = dict(held or {})
    cmi.update(set_values(calls, version))
    return cmi


def moodle_body(cmi: Mapping[str, str]) -> int:
    """Bytes of the POST Moodle makes of this CMI at Commit or Terminate (its own parameters,
    then ``&cmi__a__0__b=encodeURIComponent(value)`` per element)."""
    from courseforge.lms.cmi_budget import moodle_body_length

    return moodle_body_length(list(cmi.items()))


def assert_moodle_safe(calls: Iterable[Mapping[str, Any]], version: str,
                       held: Mapping[str, str] | None = None) -> dict[str, str]:
    """Fail when Moodle would refuse a response, or when its Terminate beacon would be over
    the browsers' 64 KiB; the CMI Moodle holds after the session."""
    calls = list(calls)
    problems = moodle_violations(calls, version)
    assert not problems, "values Moodle refuses:\n" + "\n".join(problems)
    cmi = moodle_cmi(calls, version, held)
    total = "cmi.core.total_time" if version == "1.2" else "cmi.total_time"
    size = moodle_body({**cmi, total: "PT9999H59M59.99S"})
    assert size < MOODLE_BEACON_LIMIT, f"Moodle's Terminate would send {size} bytes"
    return cmi
