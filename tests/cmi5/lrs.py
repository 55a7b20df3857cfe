"""The test LMS's web side on 127.0.0.1: the AU's files, the fetch URL and an LRS.

Serves ``/content/`` (the unpacked package), ``/fetch/<key>`` (one auth token per launch),
and the xAPI resources the AU uses below ``/xapi/``: statements, activities/state and
agents/profile. Faults are switched on by the test: ``outage`` answers 503 to every xAPI
request, ``delay`` holds each xAPI answer, ``lose_answers`` stores statements but answers
500 (so a retry re-sends what was stored). ``content_cache`` is the Cache-Control of the
content and of the return page ("no-store" by default; anything else lets the browser keep
the AU's page in its back/forward cache, as many LMSs do).
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .session import TERMINATED, Launch, learner, same_agent

XAPI_VERSION_PREFIX = "1.0."
RETURN_PATH = "/lms/return"  # the page an exiting AU is sent back to (LMS.LaunchData returnURL)


class LoopbackLms:
    """An LMS + LRS serving one unpacked cmi5 package; see the module docstring."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.launches: list[Launch] = []
        self.statements: list[dict[str, Any]] = []  # stored, in arrival order
        self.rejected: list[tuple[str, Any]] = []  # (reason, request body)
        self.requests: list[tuple[str, str]] = []  # (method, path) of xAPI and fetch calls
        self.state: dict[tuple[str, str, str, str], bytes] = {}
        self.profiles: dict[tuple[str, str], bytes] = {}
        self.outage = False
        self.delay = 0.0
        self.lose_answers = False
        self.content_cache = "no-store"
        self.lock = threading.Lock()
        self.server: http.server.ThreadingHTTPServer | None = None

    # ----- life cycle -----

    def __enter__(self) -> LoopbackLms:
        handler = functools.partial(_Handler, self)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        """The server's origin."""
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    # ----- what an LMS does before a launch -----

    def launch(self, *, au_url: str = "index.html", publisher_id: str,
               registration: str, learner_name: str = "learner-1", launch_mode: str = "Normal",
               move_on: str = "CompletedAndPassed", mastery_score: float | None = 0.8,
               language: str | None = None,
               return_url: str | None = None) -> tuple[str, Launch]:
        """Open a session: abandon an open one of the registration, write LMS.LaunchData,
        record "launched", then give the launch URL (section 8.1)."""
        actor = learner(learner_name)
        for earlier in self.launches:
            if earlier.registration == registration and not (earlier.terminated
                                                             or earlier.abandoned):
                earlier.abandoned = True
        url = f"{self.base}/content/{au_url}"
        session = Launch(registration=registration, activity_id=f"{publisher_id}/lms-activity",
                         publisher_id=publisher_id, actor=actor, launch_mode=launch_mode,
                         move_on=move_on, mastery_score=mastery_score, launch_url=url,
                         return_url=return_url)
        self.launches.append(session)
        key = (session.activity_id, json.dumps(actor["account"], sort_keys=True), registration,
               "LMS.LaunchData")
        self.state[key] = json.dumps(session.launch_data()).encode()
        if language is not None:
            self.profiles[(json.dumps(actor["account"], sort_keys=True),
                           "cmi5LearnerPreferences")] = json.dumps(
                {"languagePreference": language, "audioPreference": "off"}).encode()
        self.statements.append(session.launched_statement(_now()))
        query = session.query(f"{self.base}/xapi/", f"{self.base}/fetch/{session.fetch_key}")
        return url + "?" + urllib.parse.urlencode(query), session

    def au_statements(self, session: Launch) -> list[dict[str, Any]]:
        """What the AU stored in a session, in arrival order."""
        from .session import SESSION_EXT

        return [s for s in self.statements if s is not None and s["actor"] == session.actor
                and s.get("context", {}).get("extensions", {}).get(SESSION_EXT)
                == session.session_id and s["verb"]["id"].rsplit("/", 1)[-1] != "launched"]

    def state_document(self, session: Launch, state_id: str) -> Any:
        """A State API document the AU wrote, parsed (None when absent)."""
        key = (session.activity_id, json.dumps(session.actor["account"], sort_keys=True),
               session.registration, state_id)
        data = self.state.get(key)
        return None if data is None else json.loads(data)

    # ----- the resources -----

    def session_for(self, authorization: str) -> Launch | None:
        """The session whose token the request carries."""
        for session in self.launches:
            if authorization == f"Basic {session.token}":
                return session
        return None

    def fetch(self, key: str) -> dict[str, str]:
        """The fetch URL: a token the first time, error 1 after (section 8.2)."""
        for session in self.launches:
            if session.fetch_key == key:
                session.fetched += 1
                if session.fetched == 1:
                    return {"auth-token": session.token}
                return {"error-code": "1",
                        "error-text": "The authorization token has already been returned."}
        return {"error-code": "2", "error-text": "Unknown fetch URL."}

    def store(self, session: Launch, body: Any, statement_id: str | None) -> tuple[int, Any]:
        """Store statements (an object or a list); 409 on an id reused for another one."""
        items = body if isinstance(body, list) else [body]
        if statement_id is not None:
            if len(items) != 1:
                return 400, "PUT takes one statement"
            items[0] = {**items[0], "id": statement_id}
        ids = []
        with self.lock:
            known = {s["id"]: s for s in self.statements}
            for item in items:
                if not isinstance(item, dict) or "id" not in item:
                    self.rejected.append(("no statement id", item))
                    return 400, "every statement needs an id"
                if session.terminated or session.abandoned:
                    self.rejected.append(("after the session ended", item))
                    return 403, "the session has ended"
                if not same_agent(item.get("actor"), session.actor):
                    self.rejected.append(("actor of another learner", item))
                    return 403, "actor does not match the launch"
                if item["id"] in known:
                    stored = {k: v for k, v in known[item["id"]].items() if k != "stored"}
                    if stored != item:
                        self.rejected.append(("id reused", item))
                        return 409, "statement id already used"
                else:
                    stamped = {**item, "stored": _now()}
                    self.statements.append(stamped)
                    known[item["id"]] = stamped
                ids.append(item["id"])
            for item in items:
                if item.get("verb", {}).get("id") == TERMINATED:
                    session.terminated = True
        return (204, None) if statement_id is not None else (200, ids)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _agent_key(query: dict[str, str]) -> str:
    try:
        return json.dumps(json.loads(query.get("agent", "{}")).get("account"), sort_keys=True)
    except (ValueError, AttributeError):
        return ""


class _Handler(http.server.BaseHTTPRequestHandler):
    """Routes requests to the LoopbackLms; CORS allowed so an AU served elsewhere works too."""

    def __init__(self, lms: LoopbackLms, *args: Any, **kwargs: Any) -> None:
        self.lms = lms
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: Any = None, content_type: str = "application/json",
              raw: bytes | None = None, cache: str = "no-store") -> None:
        data = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers",
                         "Authorization, Content-Type, X-Experience-API-Version")
        self.send_header("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE, OPTIONS")
        self.send_header("Cache-Control", cache)
        if status != 204:
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if status != 204:
            self.wfile.write(data)

    def _route(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if method == "OPTIONS":
            return self._send(204)
        if url.path.startswith("/content/"):
            return self._content(url.path[len("/content/"):], method)
        self.lms.requests.append((method, url.path))
        if url.path == RETURN_PATH:
            return self._send(200, raw=b"<!DOCTYPE html><title>LMS</title><h1>Back in the LMS</h1>",
                              content_type="text/html; charset=utf-8",
                              cache=self.lms.content_cache)
        if url.path.startswith("/fetch/"):
            if method != "POST":
                return self._send(405, {"error": "the fetch URL takes POST only"})
            return self._send(200, self.lms.fetch(url.path[len("/fetch/"):]))
        if not url.path.startswith("/xapi/"):
            return self._send(404, {"error": "not found"})
        if self.lms.delay:
            time.sleep(self.lms.delay)
        if self.lms.outage:
            return self._send(503, {"error": "the LRS is down"})
        if not (self.headers.get("X-Experience-API-Version") or "").startswith(
                XAPI_VERSION_PREFIX):
            return self._send(400, {"error": "X-Experience-API-Version missing"})
        session = self.lms.session_for(self.headers.get("Authorization") or "")
        if session is None:
            return self._send(401, {"error": "no valid auth-token"})
        resource = url.path[len("/xapi/"):]
        if resource == "statements" and method in ("POST", "PUT"):
            status, answer = self.lms.store(session, json.loads(body or b"null"),
                                            query.get("statementId"))
            if self.lms.lose_answers and status < 300:
                return self._send(500, {"error": "stored, but the answer is lost"})
            return self._send(status, answer)
        if resource == "activities/state":
            return self._state(method, query, body)
        if resource == "agents/profile" and method == "GET":
            data = self.lms.profiles.get((_agent_key(query), query.get("profileId", "")))
            return self._send(404, {"error": "no profile"}) if data is None \
                else self._send(200, raw=data)
        return self._send(405, {"error": f"{method} {resource} is not served"})

    def _state(self, method: str, query: dict[str, str], body: bytes) -> None:
        key = (query.get("activityId", ""), _agent_key(query), query.get("registration", ""),
               query.get("stateId", ""))
        if method == "GET":
            data = self.lms.state.get(key)
            return self._send(404, {"error": "no document"}) if data is None \
                else self._send(200, raw=data)
        if key[3] == "LMS.LaunchData":  # the AU must never change it (section 10.2.1)
            self.lms.rejected.append(("LMS.LaunchData written", body))
            return self._send(403, {"error": "LMS.LaunchData is the LMS's"})
        if method == "PUT":
            self.lms.state[key] = body
        elif method == "POST":
            merged = json.loads(self.lms.state.get(key, b"{}"))
            merged.update(json.loads(body or b"{}"))
            self.lms.state[key] = json.dumps(merged).encode()
        elif method == "DELETE":
            self.lms.state.pop(key, None)
        return self._send(204)

    def _content(self, relative: str, method: str) -> None:
        if method != "GET":
            return self._send(405, {"error": "content is read-only"})
        path = (self.lms.content / urllib.parse.unquote(relative)).resolve()
        if self.lms.content.resolve() not in path.parents or not path.is_file():
            return self._send(404, {"error": "not found"})
        types = {".html": "text/html; charset=utf-8", ".js": "text/javascript",
                 ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml"}
        self._send(200, raw=path.read_bytes(),
                   content_type=types.get(path.suffix, "application/octet-stream"),
                   cache=self.lms.content_cache)

    def do_GET(self) -> None:
        self._route("GET")

    def do_POST(self) -> None:
        self._route("POST")

    def do_PUT(self) -> None:
        self._route("PUT")

    def do_DELETE(self) -> None:
        self._route("DELETE")

    def do_OPTIONS(self) -> None:
        self._route("OPTIONS")
