"""Pure grading, scoring, recommendation and shuffling rules (docs/grading.md).

``templates/lesson/grading.js`` implements the same rules for the browser, and a
property test runs both on the same random quizzes and compares the results exactly.

Responses (question id -> response):

- single, true-false, preference: one choice id (``str``);
- multiple: a collection of choice ids (``set``, ``frozenset``, ``list`` or ``tuple``);
- matching: a mapping of item id -> target id.

Anything else (``None``, ``""``, an empty collection, a response of the wrong shape)
is unanswered, and unanswered is wrong.

Grading is all-or-nothing per question: a question earns its ``points`` when the
response is exactly right (a multiple-response question needs exactly the set of
correct choices; a matching question needs every item matched to its target), else 0.

Scores use IEEE-754 doubles in a fixed order so that Python and JavaScript agree to the
bit: ``percent = floor(10000 * earned / total + 0.5) / 100`` (two decimals, halves up),
``passed = percent >= passing_score``. A quiz without graded questions scores 100.

The LMS score is the weighted mean of the percents of the quizzes with ``counts: true``
and a weight above 0; when none qualifies, the final assessment (the last quiz with
``recommend: true``, else the last quiz) counts alone: knowledge checks are practice.

The recommendation sums, per outcome, the weights of the chosen preference choices.
The highest total wins; ties go to the outcome backed by more answered questions, then
to the outcome declared first in course.yml. No recommendation without positive weight.
When the runner-up's total is within ``margin`` (the course's ``close_call_margin``) of
all the weight given, ``top - runner_up <= margin * grand``, the result is too close to call.

Shuffling uses mulberry32 seeded with the 32-bit FNV-1a hash of ``"<module>:<attempt>"``
(``"<module>:<attempt>:<question>"`` for a question's options) and a Fisher-Yates pass
drawing ``j = next() % (i + 1)``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .model import Choice, Course, Module, Outcome, Question, QuestionType, Quiz

T = TypeVar("T")
Response = str | frozenset[str] | set[str] | list[str] | tuple[str, ...] | Mapping[str, str] | None

_MASK = 0xFFFFFFFF
_REASONS = 3  # how many preference answers explain a recommendation


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


@dataclass(frozen=True, slots=True, kw_only=True)
class QuizResult:
    """The score of one attempt at a quiz."""

    percent: float
    passed: bool
    earned: float
    total: float
    questions: tuple[QuestionResult, ...]


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Arrangement:
    """The order an attempt shows: question ids, and each question's option ids."""

    questions: tuple[str, ...]
    options: tuple[tuple[str, tuple[str, ...]], ...]  # question id -> choice or target ids

    def options_of(self, question_id: str) -> tuple[str, ...]:
        """The option ids of a question, in the order shown."""
        return dict(self.options)[question_id]


# -- one question -------------------------------------------------------------------------

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


# -- one quiz -----------------------------------------------------------------------------

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


# -- the course ---------------------------------------------------------------------------

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


# -- recommendation -----------------------------------------------------------------------

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


# -- shuffling ----------------------------------------------------------------------------

def fnv1a(text: str) -> int:
    """32-bit FNV-1a hash of the UTF-8 bytes of ``text``."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & _MASK
    return value


def mulberry32(seed: int) -> Iterator[int]:
    """The mulberry32 generator: an endless stream of unsigned 32-bit integers."""
    state = seed & _MASK
    while True:
        state = (state + 0x6D2B79F5) & _MASK
        t = ((state ^ (state >> 15)) * (state | 1)) & _MASK
        t = ((t + (((t ^ (t >> 7)) * (t | 61)) & _MASK)) & _MASK) ^ t
        yield (t ^ (t >> 14)) & _MASK


def shuffled(items: Iterable[T], seed: str) -> list[T]:
    """A deterministic Fisher-Yates permutation of ``items`` for a seed text."""
    result = list(items)
    numbers = mulberry32(fnv1a(seed))
    for i in range(len(result) - 1, 0, -1):
        j = next(numbers) % (i + 1)
        result[i], result[j] = result[j], result[i]
    return result


def drawn(module_id: str, quiz: Quiz, attempt: int) -> tuple[str, ...]:
    """The ids of the questions an attempt asks, in quiz order.

    With ``draw: N`` the first N of the questions shuffled with the seed
    ``"<module>:<attempt>:draw:"``; with pools, each pool's first ``draw`` of its questions
    shuffled with ``"<module>:<attempt>:draw:<pool>"``, plus every question in no pool.
    (A question id has no ':', so these seeds never meet a question's own.)
    """
    ids = [q.id for q in quiz.questions]
    if quiz.pools:
        pooled = {qid for pool in quiz.pools for qid in pool.questions}
        chosen = {qid for qid in ids if qid not in pooled}
        for pool in quiz.pools:
            seed = f"{module_id}:{attempt}:draw:{pool.id}"
            chosen.update(shuffled(pool.questions, seed)[:max(pool.draw, 0)])
    elif quiz.draw > 0:
        chosen = set(shuffled(ids, f"{module_id}:{attempt}:draw:")[:quiz.draw])
    else:
        return tuple(ids)
    return tuple(qid for qid in ids if qid in chosen)


def arrange(module_id: str, quiz: Quiz, attempt: int) -> Arrangement:
    """Question and option order for an attempt: the drawn questions, shuffled as the quiz
    settings ask.

    Options are a question's choices, or a matching question's targets; true/false
    keeps True before False. Every question has its options, drawn or not.
    """
    questions = list(drawn(module_id, quiz, attempt))
    if quiz.settings.shuffle_questions:
        questions = shuffled(questions, f"{module_id}:{attempt}")
    options = []
    for question in quiz.questions:
        ids = [t.id for t in question.targets] or [c.id for c in question.choices]
        if quiz.settings.shuffle_choices and question.type is not QuestionType.TRUE_FALSE:
            ids = shuffled(ids, f"{module_id}:{attempt}:{question.id}")
        options.append((question.id, tuple(ids)))
    return Arrangement(questions=tuple(questions), options=tuple(options))
