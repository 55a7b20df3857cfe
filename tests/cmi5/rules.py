"""The cmi5 specification's rules for what an AU sends, checked over what the LRS stored.

Each check returns readable violations ("session 2: ...") so a failing test says which rule
broke. Order within a session is the order of ``timestamp`` (section 9.3), ties kept in
arrival order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from .session import (
    ABANDONED,
    CMI5_CATEGORY,
    COMPLETED,
    FAILED,
    INITIALIZED,
    LAUNCHED,
    MASTERY_EXT,
    MOVEON_CATEGORY,
    PASSED,
    SESSION_EXT,
    TERMINATED,
    Launch,
    same_agent,
)

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
UTC = re.compile(r"(Z|[+-]00:?00)$")
DURATION = re.compile(r"^P(?:\d+(?:\.\d+)?D)?(?:T(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?"
                      r"(?:\d+(?:\.\d+)?S)?)?$")
JUDGED = (PASSED, FAILED)


def timestamp(statement: dict[str, Any]) -> datetime:
    """The statement's timestamp as an aware datetime."""
    return datetime.fromisoformat(statement["timestamp"].replace("Z", "+00:00"))


def category_ids(statement: dict[str, Any]) -> list[str]:
    """Ids of the statement's contextActivities.category."""
    context = statement.get("context") or {}
    return [a.get("id") for a in (context.get("contextActivities") or {}).get("category", [])]


def is_cmi5_defined(statement: dict[str, Any]) -> bool:
    """A statement carrying the cmi5 category (section 7.1.3)."""
    return CMI5_CATEGORY in category_ids(statement)


def in_session(statements: Sequence[dict[str, Any]], launch: Launch) -> list[dict[str, Any]]:
    """The AU's statements of one session, by timestamp (the LMS's own left out)."""
    mine = [s for s in statements
            if ((s.get("context") or {}).get("extensions") or {}).get(SESSION_EXT)
            == launch.session_id and s["verb"]["id"] not in (LAUNCHED, ABANDONED)]
    return sorted(mine, key=timestamp)


def template_violations(context: dict[str, Any], launch: Launch) -> list[str]:
    """Values of the contextTemplate the statement overwrote or dropped (section 10.2.1)."""
    found = []
    template = launch.context_template()
    activities = context.get("contextActivities") or {}
    for kind, wanted in template.get("contextActivities", {}).items():
        kept = activities.get(kind) or []
        kept = kept if isinstance(kept, list) else [kept]
        if any(activity not in kept for activity in wanted):
            found.append(f"contextActivities.{kind} of the contextTemplate overwritten")
    extensions = context.get("extensions") or {}
    for key, value in template.get("extensions", {}).items():
        if extensions.get(key) != value:
            found.append(f"the contextTemplate's extension {key} overwritten")
    return found


def statement_violations(statement: dict[str, Any], launch: Launch) -> list[str]:
    """Rules every statement of the session must follow (sections 9.1-9.7)."""
    found = []
    verb = statement["verb"]["id"]
    name = verb.rsplit("/", 1)[-1]
    context = statement.get("context") or {}
    result = statement.get("result") or {}
    if not UUID.match(str(statement.get("id", ""))):
        found.append(f"{name}: id is not a UUID")
    if not UTC.search(str(statement.get("timestamp", ""))):
        found.append(f"{name}: timestamp is not UTC")
    if not same_agent(statement.get("actor"), launch.actor):
        found.append(f"{name}: actor is not the launch actor")
    if context.get("registration") != launch.registration:
        found.append(f"{name}: context.registration is not the launch's")
    grouping = [a.get("id") for a in (context.get("contextActivities") or {})
                .get("grouping", [])]
    if launch.publisher_id not in grouping:
        found.append(f"{name}: the contextTemplate's publisher id grouping is missing")
    found += [f"{name}: {v}" for v in template_violations(context, launch)]
    if not is_cmi5_defined(statement):
        return found
    if statement.get("object", {}).get("id") != launch.activity_id:
        found.append(f"{name}: object.id is not the launch activityId")
    if "score" in result and verb not in JUDGED:
        found.append(f"{name}: a score outside passed/failed")
    expected_success = {PASSED: True, FAILED: False}.get(verb)
    if result.get("success") != expected_success:
        found.append(f"{name}: result.success must be {expected_success}")
    expected_completion = True if verb == COMPLETED else None
    if result.get("completion") != expected_completion:
        found.append(f"{name}: result.completion must be {expected_completion}")
    moveon = MOVEON_CATEGORY in category_ids(statement)
    if moveon != ("success" in result or "completion" in result):
        found.append(f"{name}: the moveOn category must be there exactly when success or "
                     "completion is")
    duration = str(result.get("duration", ""))
    if verb in (TERMINATED, COMPLETED, PASSED, FAILED) and (
            not DURATION.match(duration) or duration in ("P", "PT")):
        found.append(f"{name}: result.duration missing or not ISO 8601")
    if verb in JUDGED and launch.mastery_score is not None:
        mastery = (context.get("extensions") or {}).get(MASTERY_EXT)
        if mastery != launch.mastery_score:
            found.append(f"{name}: the masteryScore extension is not the launch data's")
        scaled = (result.get("score") or {}).get("scaled")
        if scaled is not None and (scaled >= launch.mastery_score) != (verb == PASSED):
            found.append(f"{name}: scaled {scaled} contradicts masteryScore "
                         f"{launch.mastery_score}")
    return found


def session_violations(statements: Sequence[dict[str, Any]], launch: Launch) -> list[str]:
    """Ordering rules within one AU session (section 9.3) and the launch mode's limits."""
    found: list[str] = []
    mine = in_session(statements, launch)
    if not mine:
        return ["no statement at all"]
    verbs = [s["verb"]["id"] for s in mine]
    if verbs[0] != INITIALIZED:
        found.append("the first statement is not initialized")
    if launch.terminated and verbs[-1] != TERMINATED:
        found.append("the last statement is not terminated")
    defined = [s["verb"]["id"] for s in mine if is_cmi5_defined(s)]
    for verb in set(defined):
        if defined.count(verb) > 1:
            found.append(f"{verb.rsplit('/', 1)[-1]} sent {defined.count(verb)} times")
    if sum(v in JUDGED for v in defined) > 1:
        found.append("both passed and failed, or one twice, in a session")
    if launch.launch_mode != "Normal":
        extra = [v for v in defined if v not in (INITIALIZED, TERMINATED)]
        if extra:
            found.append(f"{launch.launch_mode} mode sent {extra}")
    for statement in mine:
        found += statement_violations(statement, launch)
    return found


def registration_violations(statements: Sequence[dict[str, Any]],
                            launches: Sequence[Launch]) -> list[str]:
    """Rules across the sessions of one registration: one completed, one passed, no failed
    after passed."""
    found: list[str] = []
    defined = sorted((s for launch in launches for s in in_session(statements, launch)
                      if is_cmi5_defined(s)), key=timestamp)
    verbs = [s["verb"]["id"] for s in defined]
    for verb in (COMPLETED, PASSED):
        if verbs.count(verb) > 1:
            found.append(f"{verb.rsplit('/', 1)[-1]} sent {verbs.count(verb)} times in the "
                         "registration")
    if PASSED in verbs and FAILED in verbs[verbs.index(PASSED):]:
        found.append("failed after passed in the registration")
    return found


def violations(statements: Sequence[dict[str, Any]], launches: Sequence[Launch]) -> list[str]:
    """Every rule broken by the AU over these launches (one registration or several)."""
    found: list[str] = []
    sessions = {launch.session_id for launch in launches}
    ours = {launch.registration for launch in launches}
    for statement in statements:
        context = statement.get("context") or {}
        if context.get("registration") in ours and \
                (context.get("extensions") or {}).get(SESSION_EXT) not in sessions:
            found.append(f"{statement['verb']['id'].rsplit('/', 1)[-1]}: no session id of "
                         "the launch (the contextTemplate's sessionid extension)")
    registrations: dict[str, list[Launch]] = {}
    for number, launch in enumerate(launches, 1):
        registrations.setdefault(launch.registration, []).append(launch)
        found += [f"session {number}: {v}" for v in session_violations(statements, launch)]
    for registration, group in registrations.items():
        found += [f"registration {registration}: {v}"
                  for v in registration_violations(statements, group)]
    return found
