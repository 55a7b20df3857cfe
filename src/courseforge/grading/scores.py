"""Scoring an attempt at a quiz, and the course's score from the quizzes that count."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Course, Module, Quiz
from .questions import QuestionResult, grade_question


@dataclass(frozen=True, slots=True, kw_only=True)
class QuizResult:
    """The score of one attempt at a quiz."""

    percent: float
    passed: bool
    earned: float
    total: float
    questions: tuple[QuestionResult, ...]


def percent_of(earned: float, total: float) -> float:
    """Two-decimal percent, halves up, computed identically in the browser."""
    if total <= 0:
        return 100.0
    return math.floor(10000 * earned / total + 0.5) / 100


def score_quiz(quiz: Quiz, responses: Mapping[str, Any], passing_score: float,
               asked: Iterable[str] | None = None) -> QuizResult:
    """Grade the questions an attempt asked (all by default; in quiz order) and score it."""
    wanted = None if asked is None else set(asked)
    results = tuple(grade_question(q, responses.get(q.id)) for q in quiz.questions
                    if wanted is None or q.id in wanted)
    earned = total = 0.0
    for result in results:  # summed in quiz order so both implementations round alike
        earned += result.earned
        total += result.points
    percent = percent_of(earned, total)
    return QuizResult(percent=percent, passed=percent >= passing_score, earned=earned,
                      total=total, questions=results)


def final_module(course: Course) -> Module | None:
    """The final assessment: the last quiz with recommend, else the last quiz; None if none."""
    with_quiz = [m for m in course.modules if m.quiz is not None]
    recommending = [m for m in with_quiz if m.quiz is not None and m.quiz.settings.recommend]
    candidates = recommending or with_quiz
    return candidates[-1] if candidates else None


def counting_quizzes(course: Course) -> tuple[tuple[str, float], ...]:
    """(module id, weight) of the quizzes that make up the LMS score."""
    counted = tuple((m.id, m.quiz.settings.weight) for m in course.modules
                    if m.quiz is not None and m.quiz.settings.counts and m.quiz.settings.weight > 0)
    if counted:
        return counted
    final = final_module(course)
    return ((final.id, 1.0),) if final is not None else ()


def course_score(course: Course, percents: Mapping[str, float]) -> float | None:
    """Weighted mean of the counting quizzes' percents (untaken: 0); None without quizzes."""
    counted = counting_quizzes(course)
    if not counted:
        return None
    weighted = weights = 0.0
    for module_id, weight in counted:
        weighted += weight * percents.get(module_id, 0.0)
        weights += weight
    return math.floor(100 * weighted / weights + 0.5) / 100
