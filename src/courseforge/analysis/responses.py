"""Real learners' answers read back: xAPI statements (JSON) and a plain CSV (docs/analysis.md)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CourseforgeError, Diagnostic, warning
from ..model import Module, Question, QuestionType

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
CSV_COLUMNS = ("learner", "question", "response")  # required; 'module' is optional
LIST_SEPARATOR = re.compile(r"\[,\]|,")
PAIR_SEPARATOR = re.compile(r"\[\.\]|\.")
TRUE_FALSE = {"t": "true", "true": "true", "f": "false", "false": "false"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Answers:
    """Each learner's latest response to each question of one quiz, in grading's shape."""

    learners: tuple[str, ...]  # in the order first seen
    # learner -> (question id -> response)
    responses: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]
    warnings: tuple[Diagnostic, ...]

    def of(self, learner: str) -> dict[str, Any]:
        """One learner's responses by question id."""
        return dict(dict(self.responses)[learner])


@dataclass(frozen=True, slots=True, kw_only=True)
class _Row:
    learner: str
    key: str  # interaction id '<module>-<question>' or question id
    response: str
    source: str  # file name
    line: int


def read_answers(module: Module, files: Sequence[Path]) -> Answers:
    """The answers to a module's quiz in these files (.json: xAPI statements; else CSV)."""
    rows: list[_Row] = []
    for path in files:
        rows += _json_rows(path) if path.suffix.lower() == ".json" else _csv_rows(path)
    return _answers(module, rows)


def parse_response(question: Question, text: str) -> Any:
    """An LMS response (SCORM 1.2, SCORM 2004 or xAPI syntax) as grading expects it."""
    text = text.strip()
    if not text:
        return None
    if question.type is QuestionType.MULTIPLE:
        return [part.strip() for part in LIST_SEPARATOR.split(text) if part.strip()]
    if question.type is QuestionType.MATCHING:
        pairs = [PAIR_SEPARATOR.split(part, maxsplit=1) for part in LIST_SEPARATOR.split(text)]
        return {p[0].strip(): p[1].strip() for p in pairs if len(p) == 2}
    if question.type is QuestionType.TRUE_FALSE:
        return TRUE_FALSE.get(text.lower(), text)
    return text


def _answers(module: Module, rows: Iterable[_Row]) -> Answers:
    quiz = module.quiz
    assert quiz is not None
    by_key: dict[str, Question] = {}
    for item in quiz.questions:
        by_key[item.id] = by_key[f"{module.id}-{item.id}"] = item
    found: dict[str, dict[str, Any]] = {}
    warnings: list[Diagnostic] = []
    for row in rows:
        question = by_key.get(row.key)
        if question is None:
            warnings.append(warning(row.source, row.line, f"'{row.key}' is not a question of "
                                    f"module '{module.id}': left out", "report.unknown-question"))
            continue
        response = parse_response(question, row.response)
        unknown = _unknown_ids(question, response)
        if unknown:
            warnings.append(warning(row.source, row.line, f"the response to '{question.id}' names "
                                    f"{', '.join(sorted(unknown))}, not among its choices",
                                    "report.unknown-choice"))
        found.setdefault(row.learner, {})[question.id] = response  # the latest answer wins
    return Answers(learners=tuple(found),
                   responses=tuple((learner, tuple(answers.items()))
                                   for learner, answers in found.items()),
                   warnings=tuple(warnings))


def _unknown_ids(question: Question, response: Any) -> set[str]:
    if response is None:
        return set()
    if question.type is QuestionType.MATCHING:
        items, targets = {i.id for i in question.items}, {t.id for t in question.targets}
        return {k for k in response if k not in items} | {v for v in response.values()
                                                           if v not in targets}
    ids = response if isinstance(response, list) else [response]
    return set(ids) - {c.id for c in question.choices}


def _csv_rows(path: Path) -> list[_Row]:
    text = _read(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise CourseforgeError(f"{path}:1: error: the CSV has no column "
                               f"{', '.join(repr(c) for c in missing)}; its header must name "
                               f"{', '.join(CSV_COLUMNS)} [report.csv-columns]")
    rows = []
    for record in reader:
        key = (record.get("question") or "").strip()
        module = (record.get("module") or "").strip()
        rows.append(_Row(learner=(record.get("learner") or "").strip(),
                         key=f"{module}-{key}" if module else key,
                         response=record.get("response") or "", source=str(path),
                         line=reader.line_num))
    return rows


def _json_rows(path: Path) -> list[_Row]:
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise CourseforgeError(f"{path}:{exc.lineno}: error: not JSON: {exc.msg} "
                               "[report.json]") from None
    statements = data.get("statements") if isinstance(data, dict) else data
    if not isinstance(statements, list):
        raise CourseforgeError(f"{path}:1: error: expected a list of xAPI statements, or an "
                               "object with 'statements' [report.json]")
    answered = [s for s in statements if isinstance(s, dict)
                and (s.get("verb") or {}).get("id") == ANSWERED]
    # statements in the order they happened, so a learner's latest answer wins
    answered.sort(key=lambda s: str(s.get("timestamp") or ""))
    return [_Row(learner=_actor(s.get("actor") or {}), key=_interaction(s),
                 response=str((s.get("result") or {}).get("response") or ""),
                 source=str(path), line=0) for s in answered]


def _actor(actor: dict[str, Any]) -> str:
    account = actor.get("account") or {}
    if account.get("name"):
        return f"{account.get('homePage', '')}#{account['name']}"
    return str(actor.get("mbox") or actor.get("mbox_sha1sum") or actor.get("openid")
               or actor.get("name") or "")


def _interaction(statement: dict[str, Any]) -> str:
    """The interaction id: the last segment of the activity id (after '/' or '#')."""
    activity = str((statement.get("object") or {}).get("id") or "")
    return re.split(r"[/#]", activity.rstrip("/"))[-1]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CourseforgeError(f"cannot read '{path}': {exc}") from None
