"""The recommendation: which outcome the preference answers weigh most toward, and why."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Choice, Outcome, Quiz

_REASONS = 3  # how many preference answers explain a recommendation


@dataclass(frozen=True, slots=True, kw_only=True)
class Reason:
    """A preference answer that pointed toward the recommended outcome."""

    question: str
    choice: str
    text: str
    weight: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Recommendation:
    """The outcome the preference answers point to, with the runner-up and why."""

    outcome: str
    runner_up: str | None
    shares: tuple[tuple[str, float], ...]  # (outcome id, 0..1) in declared order
    reasons: tuple[Reason, ...]
    close_call: bool = False  # the runner-up is within the course's close_call_margin


def recommend(quiz: Quiz, responses: Mapping[str, Any], outcomes: Sequence[Outcome],
              margin: float = 0.0) -> Recommendation | None:
    """The outcome the preference answers weigh most toward; None when nothing weighs.

    ``margin`` is the course's ``close_call_margin``: when the runner-up's total is within
    that share of all the weight given, the result is too close to call.
    """
    declared = [o.id for o in outcomes]
    totals = dict.fromkeys(declared, 0.0)
    backers = dict.fromkeys(declared, 0)
    chosen = _chosen_preferences(quiz, responses)
    for _, choice in chosen:  # summed in quiz order so both implementations round alike
        for outcome, weight in choice.weights:
            if outcome in totals and weight > 0:
                totals[outcome] += weight
                backers[outcome] += 1
    grand = 0.0
    for outcome in declared:
        grand += totals[outcome]
    if grand <= 0:
        return None
    order = ranking([totals[o] for o in declared], [backers[o] for o in declared])
    best = declared[order[0]]
    return Recommendation(
        outcome=best,
        runner_up=declared[order[1]] if len(order) > 1 else None,
        shares=tuple((o, totals[o] / grand) for o in declared),
        reasons=_reasons(chosen, best),
        close_call=close_call([totals[o] for o in declared], order, grand, margin),
    )


def ranking(totals: Sequence[float], backers: Sequence[int]) -> list[int]:
    """Outcome indices, best first: highest total, then more backing answers, then declared."""
    return sorted(range(len(totals)), key=lambda i: (-totals[i], -backers[i], i))


def close_call(totals: Sequence[float], order: Sequence[int], grand: float,
               margin: float) -> bool:
    """Whether the runner-up is within ``margin`` of all the weight given (a tie always is)."""
    return len(order) > 1 and totals[order[0]] - totals[order[1]] <= margin * grand


def whole_percents(shares: Sequence[tuple[str, float]]) -> tuple[tuple[str, int], ...]:
    """Shares as whole percents that add up to 100: each rounded down, then the points left
    go to the largest remainders (ties: declared order)."""
    raw = [share * 100 for _, share in shares]
    whole = [math.floor(value) for value in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - whole[i]), i))
    for i in order[:max(0, 100 - sum(whole))]:
        whole[i] += 1
    return tuple((outcome, w) for (outcome, _), w in zip(shares, whole, strict=True))


def _chosen_preferences(quiz: Quiz, responses: Mapping[str, Any]) -> list[tuple[str, Choice]]:
    """(question id, chosen choice) of each answered preference question, in quiz order."""
    chosen = []
    for question in quiz.preference_questions:
        response = responses.get(question.id)
        chosen += [(question.id, c) for c in question.choices if c.id == response][:1]
    return chosen


def _reasons(chosen: list[tuple[str, Choice]], outcome: str) -> tuple[Reason, ...]:
    """The answers that gave ``outcome`` the most weight: heaviest first, ties in quiz order."""
    found = [Reason(question=qid, choice=c.id, text=c.text, weight=weight)
             for qid, c in chosen if (weight := dict(c.weights).get(outcome, 0.0)) > 0]
    return tuple(sorted(found, key=lambda r: -r.weight)[:_REASONS])
