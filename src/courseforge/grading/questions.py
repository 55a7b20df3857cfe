"""Grading one answer: normalising the response, all-or-nothing points, the feedback to show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Question, QuestionType

Response = str | frozenset[str] | set[str] | list[str] | tuple[str, ...] | Mapping[str, str] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionResult:
    """One graded (or, for preference items, recorded) answer.

    ``correct`` is None for preference questions, which have no right answer; their
    ``points`` and ``earned`` are 0. ``response`` is normalised: a choice id, a sorted
    tuple of choice ids, or (item id, target id) pairs in item order; None if unanswered.
    """

    id: str
    type: QuestionType
    correct: bool | None
    earned: float
    points: float
    response: str | tuple[str, ...] | tuple[tuple[str, str], ...] | None
    feedback: tuple[str, ...]
    explanation: str


def normalise(question: Question, response: Any) -> Any:
    """The response in canonical form for its question type, or None when unanswered."""
    if question.type is QuestionType.MULTIPLE:
        if isinstance(response, (set, frozenset, list, tuple)):
            ids = sorted({r for r in response if isinstance(r, str) and r})
            return tuple(ids) or None
        return None
    if question.type is QuestionType.MATCHING:
        if isinstance(response, Mapping):
            pairs = tuple((item.id, response[item.id]) for item in question.items
                          if isinstance(response.get(item.id), str) and response[item.id])
            return pairs or None
        return None
    return response if isinstance(response, str) and response else None


def grade_question(question: Question, response: Any) -> QuestionResult:
    """Grade one answer, all-or-nothing; preference answers are recorded, not graded."""
    answer = normalise(question, response)
    correct: bool | None
    feedback: list[str]
    if question.type is QuestionType.MATCHING:
        given = dict(answer or ())
        correct = all(given.get(item.id) == item.match for item in question.items)
        feedback = [question.feedback_correct if correct else question.feedback_incorrect]
        if not correct:
            feedback += [i.feedback for i in question.items if given.get(i.id) != i.match]
    else:
        chosen = set(answer) if question.type is QuestionType.MULTIPLE and answer else {answer}
        feedback = [c.feedback for c in question.choices if c.id in chosen]
        if question.type is QuestionType.PREFERENCE:
            correct = None
        elif question.type is QuestionType.MULTIPLE:
            correct = answer is not None and set(answer) == set(question.correct_ids)
        else:
            correct = answer is not None and answer in question.correct_ids
    points = question.points if question.type.graded else 0.0
    return QuestionResult(
        id=question.id, type=question.type, correct=correct,
        earned=points if correct else 0.0, points=points, response=answer,
        feedback=tuple(text for text in feedback if text), explanation=question.explanation,
    )


def correct_response(question: Question) -> Any:
    """The response that earns full points, in normalised form; None for preference items."""
    if question.type is QuestionType.PREFERENCE:
        return None
    if question.type is QuestionType.MATCHING:
        return tuple((item.id, item.match) for item in question.items)
    if question.type is QuestionType.MULTIPLE:
        return tuple(sorted(question.correct_ids))
    return question.correct_ids[0]
