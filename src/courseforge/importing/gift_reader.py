"""Reading a GIFT file (Moodle's plain-text format) into a draft quiz."""

from __future__ import annotations

import re
from typing import Any

from ..builders.banks.bank import ARROW_IN_ITEM, read_metadata
from .draft import Draft, choice_ids, finish_question, match_question, preference_weights

_ESCAPES = {"~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "\\": "\\", "n": "\n"}
_TAG = re.compile(r"\[tag:([^\]\x00-\x1f]+)\]")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


def unescape(text: str) -> str:
    """GIFT text with its backslash escapes resolved."""
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in _ESCAPES:
            out.append(_ESCAPES[text[index + 1]])
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def split_unescaped(text: str, separators: str) -> list[tuple[str, str]]:
    """(separator, part) pieces of ``text`` cut before each unescaped separator character."""
    pieces: list[tuple[str, str]] = []
    mark, start, index = "", 0, 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] in separators:
            pieces.append((mark, text[start:index]))
            mark, start = text[index], index + 1
        index += 1
    pieces.append((mark, text[start:]))
    return pieces


def _find(text: str, char: str, start: int = 0) -> int:
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == char:
            return index
        index += 1
    return -1


def _blocks(source: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) of each blank-line separated block."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for number, line in enumerate(source.splitlines(), start=1):
        if line.strip():
            if not current:
                first = number
            current.append(line)
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


def read_gift(source: str, path: str) -> Draft:
    """The questions of a GIFT file; unsupported ones are reported with their line."""
    draft = Draft(path=path)
    for line, lines in _blocks(source.lstrip("\ufeff")):
        comments = [x.strip()[2:] for x in lines if x.strip().startswith("//")]
        body = [x for x in lines if not x.strip().startswith("//")]
        text = "\n".join(body).strip()
        if text.startswith("$CATEGORY:"):
            draft.title = draft.title or text.split("/")[-1].strip()
            continue
        if not text:
            continue
        meta: dict[str, Any] = {}
        tags: list[str] = []
        for comment in comments:
            meta = read_metadata(comment) or meta
            tags += [unescape(t).strip() for t in _TAG.findall(comment)]
        _question(draft, line, text, meta, tags)
    return draft


def _question(draft: Draft, line: int, text: str, meta: dict[str, Any], tags: list[str]) -> None:
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        name, text = unescape(text[2:end]).strip(), text[end + 2:]
    text = _FORMAT.sub("", text, count=1)
    opening = _find(text, "{")
    closing = _find(text, "}", opening + 1) if opening >= 0 else -1
    if opening < 0 or closing < 0:
        draft.report(line, f"'{name or text[:30]}' is a description or has no answers: "
                     "not imported", "unsupported")
        return
    before, after = text[:opening].strip(), text[closing + 1:].strip()
    prompt = unescape(f"{before} _____ {after}" if after else before).strip()
    answers, _, general = _split_general(text[opening + 1:closing])
    question: dict[str, Any] = {"id": draft.question_id(meta, name, prompt), "prompt": prompt}
    kind = _kind(answers)
    if kind == "true-false":
        _true_false(question, answers)
    elif kind == "matching":
        _matching(draft, line, question, answers, meta)
    elif kind == "choice":
        _choices(draft, line, question, answers, meta)
    else:
        draft.ids.taken.discard(question["id"])
        draft.report(line, f"question '{name or prompt[:30]}' is of GIFT type '{kind}', which "
                     "the course format has no type for: not imported", "unsupported")
        return
    finish_question(draft, line, meta, question, unescape(general).strip(), tags)


def _split_general(answers: str) -> tuple[str, str, str]:
    index = 0
    while index < len(answers):
        if answers[index] == "\\":
            index += 2
            continue
        if answers.startswith("####", index):
            return answers[:index], "####", answers[index + 4:]
        index += 1
    return answers, "", ""


def _kind(answers: str) -> str:
    stripped = answers.strip()
    head = split_unescaped(stripped, "#")[0][1].strip()
    if not stripped:
        return "essay"
    if stripped.startswith("#"):
        return "numerical"
    if _find(stripped, "~") >= 0:
        return "choice"
    if _find(stripped, "=") >= 0 and "->" in stripped:
        return "matching"
    if head in _TRUE_FALSE:
        return "true-false"
    return "short answer"


def _answer_parts(piece: str) -> tuple[str, str]:
    parts = split_unescaped(piece, "#")
    text = parts[0][1]
    feedback = "#".join(p for _, p in parts[1:])
    return unescape(text).strip(), unescape(feedback).strip()


def _true_false(question: dict[str, Any], answers: str) -> None:
    parts = [p for _, p in split_unescaped(answers.strip(), "#")]
    value = _TRUE_FALSE[parts[0].strip()]
    wrong = unescape(parts[1]).strip() if len(parts) > 1 else ""
    right = unescape(parts[2]).strip() if len(parts) > 2 else ""
    question["type"] = "true-false"
    question["answer"] = value
    feedback = {str(value).lower(): right, str(not value).lower(): wrong}
    if right or wrong:
        question["feedback"] = {k: v for k, v in sorted(feedback.items(), reverse=True) if v}


def _matching(draft: Draft, line: int, question: dict[str, Any], answers: str,
              meta: dict[str, Any]) -> None:
    pairs = []
    for mark, piece in split_unescaped(answers.strip(), "="):
        if mark == "=" and "->" in piece:
            left, right = piece.split("->", 1)
            item = unescape(left).strip().replace(ARROW_IN_ITEM, "->")
            pairs.append((item, unescape(right).strip()))
    match_question(draft, line, question, pairs, meta)


def _choices(draft: Draft, line: int, question: dict[str, Any], answers: str,
             meta: dict[str, Any]) -> None:
    parsed = []
    for mark, piece in split_unescaped(answers.strip(), "~="):
        if not mark:
            continue
        weight_match = _WEIGHT.match(piece) if mark == "~" else None  # '=' is 100%, as Moodle
        weight = float(weight_match.group(1)) if weight_match else (100.0 if mark == "=" else 0)
        text, feedback = _answer_parts(piece[weight_match.end():] if weight_match else piece)
        parsed.append((mark, weight, text, feedback))
    ids = choice_ids(meta, len(parsed))
    single = any(mark == "=" for mark, *_ in parsed)
    if meta.get("weights") is not None:
        kind = "preference"
    elif single:
        kind = "single"
        partial = [w for _, w, *_ in parsed if 0 < w < 100]
        if partial:
            draft.report(line, f"question '{question['id']}' gives partial credit; the course "
                         "grades all or nothing, so only the 100% answers count",
                         "partial-credit")
    else:
        kind = "multiple"
    choices = []
    for choice_id, (_, weight, text, feedback) in zip(ids, parsed, strict=True):
        choice: dict[str, Any] = {"id": choice_id, "text": text}
        if kind == "preference":
            choice["weights"] = preference_weights(meta, choice_id)
        elif (weight >= 100) if kind == "single" else weight > 0:
            choice["correct"] = True
        if feedback:
            choice["feedback"] = feedback
        choices.append(choice)
    question["type"] = kind
    question["choices"] = choices
