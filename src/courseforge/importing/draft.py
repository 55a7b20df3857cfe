"""A quiz being imported: questions as quiz.yml data, stable ids, and what could not be kept."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..builders.banks.bank import letters
from ..errors import Diagnostic, warning

_NOT_ID = re.compile(r"[^a-z0-9]+")
MAX_ID = 40


def slug(text: str, fallback: str = "q") -> str:
    """An id from a name: lower-case ASCII words joined by '-', starting with a letter."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = _NOT_ID.sub("-", ascii_text.lower()).strip("-")[:MAX_ID].strip("-")
    if not words:
        return fallback
    return words if words[0].isalpha() else f"{fallback}-{words}"


class Ids:
    """Hands out unique ids: a taken one gets -2, -3, ... appended."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        """``wanted``, or the first free numbered variant of it."""
        candidate, number = wanted, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{wanted}-{number}"
        self.taken.add(candidate)
        return candidate


@dataclass
class Draft:
    """The quiz an importer builds, and the problems it reports with their place in the file."""

    path: str
    title: str = ""
    questions: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    shuffle: list[bool] = field(default_factory=list)
    ids: Ids = field(default_factory=Ids)
    draw: int = 0
    pools: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> draw, questions

    def report(self, line: int, message: str, code: str) -> None:
        """Note something the course format cannot represent."""
        self.problems.append(warning(self.path, line, message, f"import.{code}"))

    def question_id(self, meta: dict[str, Any], *names: str) -> str:
        """The id kept in the metadata, else one derived from the first non-empty name."""
        if isinstance(meta.get("id"), str):
            return self.ids.claim(meta["id"])
        name = next((n for n in names if n.strip()), "question")
        return self.ids.claim(slug(name))

    def quiz_data(self) -> dict[str, Any]:
        """The quiz.yml mapping, fields in the order the course format documents."""
        data: dict[str, Any] = {"title": self.title or "Imported questions"}
        if self.shuffle and all(self.shuffle):
            data["shuffle_choices"] = True
        if self.draw:
            data["draw"] = self.draw
        if self.pools:
            data["pools"] = [{"id": pid, **pool} for pid, pool in self.pools.items()]
        data["questions"] = self.questions
        return data


def choice_ids(meta: dict[str, Any], count: int) -> list[str]:
    """Choice ids from the metadata when it has the right number of them, else a, b, c..."""
    kept = meta.get("choices")
    if isinstance(kept, list) and len(kept) == count and all(isinstance(i, str) for i in kept):
        return kept
    return list(letters(count))


def finish_question(draft: Draft, line: int, meta: dict[str, Any], question: dict[str, Any],
                    explanation: str, tags: list[str]) -> None:
    """Add points, objectives and the explanation, check what is missing, and keep it."""
    points = meta.get("points")
    if isinstance(points, (int, float)) and not isinstance(points, bool) and points != 1:
        question["points"] = points
    objectives = meta.get("objectives") if isinstance(meta.get("objectives"), list) else tags
    if objectives:
        question["objectives"] = list(objectives)
    _keep_draw(draft, meta, question["id"])
    if not explanation:
        draft.report(line, f"question '{question['id']}' has no general feedback: its "
                     "'explanation' is empty; write one", "no-explanation")
    question["explanation"] = explanation
    order = ["id", "type", "prompt", "objectives", "points", "answer", "choices", "targets",
             "items", "feedback", "explanation"]
    draft.questions.append({key: question[key] for key in order if key in question})


def _keep_draw(draft: Draft, meta: dict[str, Any], question_id: str) -> None:
    """The quiz's draw, or the question's pool, from the metadata."""
    draw = meta.get("quiz_draw")
    if isinstance(draw, int) and not isinstance(draw, bool):
        draft.draw = draw
    pool = meta.get("pool")
    if isinstance(pool, dict) and isinstance(pool.get("id"), str) \
            and isinstance(pool.get("draw"), int):
        entry = draft.pools.setdefault(pool["id"], {"draw": pool["draw"], "questions": []})
        entry["questions"].append(question_id)


def preference_weights(meta: dict[str, Any], choice_id: str) -> dict[str, float]:
    """The outcome weights of a choice, from the metadata."""
    weights = meta.get("weights")
    found = weights.get(choice_id) if isinstance(weights, dict) else None
    return dict(found) if isinstance(found, dict) else {}


def match_question(draft: Draft, line: int, question: dict[str, Any],
                   pairs: list[tuple[str, str]], meta: dict[str, Any]) -> None:
    """Targets and items of a matching question from (item text, target text) pairs. Ids come
    from the metadata, else from the texts. A distractor (an answer no item matches) is left
    out and reported: every target of a course's matching question is some item's match."""
    asked = [(left, right) for left, right in pairs if left]
    target_texts = list(dict.fromkeys(right for _, right in asked))
    for _, extra in pairs:
        if extra not in target_texts:
            draft.report(line, f"matching question '{question['id']}': the distractor "
                         f"'{extra}' is left out (no item matches it)", "distractor")
    kept_targets, kept_items = meta.get("targets"), meta.get("items")
    targets, items = Ids(), Ids()
    if isinstance(kept_targets, list) and len(kept_targets) == len(target_texts):
        ids = [targets.claim(str(t)) for t in kept_targets]
    else:
        ids = [targets.claim(slug(t, "t")) for t in target_texts]
    by_text = dict(zip(target_texts, ids, strict=True))
    keep = isinstance(kept_items, list) and len(kept_items) == len(asked) and all(
        isinstance(i, list) and i for i in kept_items)
    question["type"] = "matching"
    question["targets"] = [{"id": by_text[t], "text": t} for t in target_texts]
    question["items"] = [
        {"id": items.claim(str(kept_items[i][0]) if keep  # type: ignore[index]
                           else slug(left, "i")),
         "text": left, "match": by_text[right]}
        for i, (left, right) in enumerate(asked)]
