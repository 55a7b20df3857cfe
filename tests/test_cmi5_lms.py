"""The test cmi5 LMS itself: launch data, one-time fetch, State, and rules that can fail."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest

from cmi5.lrs import LoopbackLms
from cmi5.rules import violations
from cmi5.session import (
    CMI5_CATEGORY,
    COMPLETED,
    INITIALIZED,
    MASTERY_EXT,
    MOVEON_CATEGORY,
    PASSED,
    SESSION_EXT,
    TERMINATED,
    Launch,
)
from cmi5.validator import xapi_problems

PUBLISHER = "urn:courseforge:test:au:course"


def _call(url: str, method: str = "GET", body: Any = None,
          token: str | None = None) -> tuple[int, Any]:
    headers = {"X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Basic {token}"
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            text = answer.read()
            return answer.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, None


def _params(url: str) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def _statement(session: Launch, verb: str, stamp: str, result: dict[str, Any] | None = None,
               moveon: bool = False, extensions: dict[str, Any] | None = None) -> dict[str, Any]:
    template = session.context_template()
    categories = [{"id": CMI5_CATEGORY}] + ([{"id": MOVEON_CATEGORY}] if moveon else [])
    statement: dict[str, Any] = {
        "id": str(uuid.uuid4()), "actor": session.actor, "timestamp": stamp,
        "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[-1]}},
        "object": {"id": session.activity_id, "objectType": "Activity"},
        "context": {"registration": session.registration,
                    "contextActivities": {**template["contextActivities"],
                                          "category": categories},
                    "extensions": {**template["extensions"], **(extensions or {})}}}
    if result is not None:
        statement["result"] = result
    return statement


def _good_session(lms: LoopbackLms, session: Launch, token: str) -> None:
    post = f"{lms.base}/xapi/statements"
    sent = [
        _statement(session, INITIALIZED, "2026-01-01T10:00:00.000Z"),
        _statement(session, COMPLETED, "2026-01-01T10:05:00.000Z",
                   {"completion": True, "duration": "PT5M"}, moveon=True),
        _statement(session, PASSED, "2026-01-01T10:06:00.000Z",
                   {"success": True, "duration": "PT6M", "score": {"scaled": 0.9}}, moveon=True,
                   extensions={MASTERY_EXT: 0.8}),
        _statement(session, TERMINATED, "2026-01-01T10:07:00.000Z", {"duration": "PT7M"}),
    ]
    for statement in sent:
        assert _call(post, "POST", statement, token)[0] == 200


@pytest.fixture
def lms(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "index.html").write_text("<!doctype html><title>AU</title>")
    with LoopbackLms(tmp_path) as server:
        yield server


def test_a_launch_follows_the_launch_section(lms: LoopbackLms) -> None:
    url, session = lms.launch(publisher_id=PUBLISHER, registration=str(uuid.uuid4()))
    params = _params(url)
    assert set(params) == {"endpoint", "fetch", "actor", "registration", "activityId"}
    assert json.loads(params["actor"]) == session.actor
    assert params["activityId"] != PUBLISHER  # the LMS's own id, never the publisher's
    assert _call(params["fetch"])[0] == 405  # GET is refused: the token is POSTed for
    status, first = _call(params["fetch"], "POST", {})
    assert status == 200 and first == {"auth-token": session.token}
    status, second = _call(params["fetch"], "POST", {})
    assert status == 200 and second["error-code"] == "1"  # one token per launch
    state = (f"{lms.base}/xapi/activities/state?" + urllib.parse.urlencode({
        "activityId": params["activityId"], "agent": params["actor"],
        "registration": params["registration"], "stateId": "LMS.LaunchData"}))
    assert _call(state)[0] == 401  # no token, no data
    status, launch_data = _call(state, token=session.token)
    assert status == 200 and launch_data["launchMode"] == "Normal"
    assert launch_data["masteryScore"] == 0.8 and launch_data["moveOn"] == "CompletedAndPassed"
    assert _call(state, "PUT", {}, session.token)[0] == 403  # the AU must not change it


def test_a_session_by_the_rules_passes_every_check(lms: LoopbackLms) -> None:
    _, session = lms.launch(publisher_id=PUBLISHER, registration=str(uuid.uuid4()))
    _good_session(lms, session, session.token)
    stored = lms.au_statements(session)
    assert [s["verb"]["id"] for s in stored] == [INITIALIZED, COMPLETED, PASSED, TERMINATED]
    assert violations(lms.statements, lms.launches) == []
    assert xapi_problems(lms.statements) == []
    late = _statement(session, "http://adlnet.gov/expapi/verbs/answered",
                      "2026-01-01T10:08:00.000Z")
    assert _call(f"{lms.base}/xapi/statements", "POST", late, session.token)[0] == 403


def test_the_rules_catch_what_the_spec_forbids(lms: LoopbackLms) -> None:
    registration = str(uuid.uuid4())
    _, first = lms.launch(publisher_id=PUBLISHER, registration=registration)
    _good_session(lms, first, first.token)
    _, second = lms.launch(publisher_id=PUBLISHER, registration=registration)
    post = f"{lms.base}/xapi/statements"
    bad = [
        _statement(second, COMPLETED, "2026-01-02T10:00:00.000Z",
                   {"completion": True, "score": {"scaled": 1}}, moveon=False),
        _statement(second, INITIALIZED, "2026-01-02T12:01:00.000+02:00"),
        _statement(second, PASSED, "2026-01-02T10:02:00.000Z",
                   {"success": True, "duration": "PT1M", "score": {"scaled": 0.5}}, moveon=True,
                   extensions={MASTERY_EXT: 0.8}),
    ]
    overwritten = _statement(second, "http://adlnet.gov/expapi/verbs/answered",
                             "2026-01-02T10:01:30.000Z")
    overwritten["context"]["contextActivities"]["parent"] = [{"id": second.activity_id}]
    bad.append(overwritten)
    sessionless = _statement(second, "http://adlnet.gov/expapi/verbs/answered",
                             "2026-01-02T10:01:40.000Z")
    del sessionless["context"]["extensions"][SESSION_EXT]
    bad.append(sessionless)
    for statement in bad:
        assert _call(post, "POST", statement, second.token)[0] == 200
    found = "\n".join(violations(lms.statements, lms.launches))
    for expected in ("the first statement is not initialized", "a score outside passed",
                     "moveOn category", "result.duration missing", "timestamp is not UTC",
                     "contradicts masteryScore", "completed sent 2 times in the registration",
                     "passed sent 2 times in the registration",
                     "answered: contextActivities.parent of the contextTemplate overwritten",
                     "answered: no session id of the launch"):
        assert expected in found
    assert xapi_problems([{**bad[0], "id": "not-a-uuid"}]) != []


def test_an_outage_and_lost_answers_are_what_the_lrs_says(lms: LoopbackLms) -> None:
    _, session = lms.launch(publisher_id=PUBLISHER, registration=str(uuid.uuid4()))
    post = f"{lms.base}/xapi/statements"
    statement = _statement(session, INITIALIZED, "2026-01-01T10:00:00.000Z")
    lms.outage = True
    assert _call(post, "POST", statement, session.token)[0] == 503
    assert lms.au_statements(session) == []
    lms.outage, lms.lose_answers = False, True
    assert _call(post, "POST", statement, session.token)[0] == 500
    lms.lose_answers = False
    assert _call(post, "POST", statement, session.token)[0] == 200  # the same id again: kept once
    assert len(lms.au_statements(session)) == 1
    changed = {**statement, "timestamp": "2026-01-01T10:00:01.000Z"}
    assert _call(post, "POST", changed, session.token)[0] == 409
