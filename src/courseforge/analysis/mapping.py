"""Mapping analysis: what a recommending quiz's weights make likely before anyone answers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .. import grading
from ..model import Course, Module, Question, Quiz, Source
from .answer_space import State, add, distribution, sampled_states, steps_of, tally

Z95 = 1.96  # two-sided 95 % normal quantile, for the error bound of sampled shares
INFLUENCE_SAMPLES = 1_000  # sampled answer sets per question when influence is estimated


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionInfluence:
    """How much one preference question can change the recommendation."""

    question: str
    influence: float  # share of the other answers for which this answer changes the winner
    outcomes: tuple[str, ...]  # the outcomes its choices give weight to, declared order
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class StraightLine:
    """The result of answering every question with the same position, as the lesson shows it."""

    position: str  # "first" or "last"
    answers: tuple[tuple[str, str], ...]  # question id -> choice id
    recommendation: grading.Recommendation | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MappingAnalysis:
    """Everything the weights of one recommending quiz imply."""

    module: str
    outcomes: tuple[str, ...]
    max_scores: tuple[tuple[str, float], ...]
    shares: tuple[tuple[str, float], ...]  # P(recommended) under uniformly random answers
    no_recommendation: float  # P(no outcome gets weight)
    exact: bool
    error_bound: float  # 95 % half-width of the sampled shares; 0 when exact
    answer_sets: int  # how many different answer sets the preference questions allow
    draws: int  # answer sets sampled (0 when exact)
    tie_probability: float  # P(the top two totals are equal)
    close_call_probability: float  # P(too close to call)
    clear_shares: tuple[tuple[str, float], ...]  # P(recommended, and not too close to call)
    straight_lines: tuple[StraightLine, ...]
    influence: tuple[QuestionInfluence, ...]


def analyse(course: Course, module: Module) -> MappingAnalysis:
    """The mapping analysis of a module's quiz (one with preference questions)."""
    quiz = module.quiz
    assert quiz is not None
    outcomes = tuple(o.id for o in course.outcomes)
    index = {o: i for i, o in enumerate(outcomes)}
    questions = quiz.preference_questions
    limits = quiz.thresholds
    margin = course.close_call_margin
    seed = grading.fnv1a(module.id)
    states = distribution(questions, index, limits.exact_limit)
    if states is not None:
        weighted = list(states.items())
        draws = 0
    else:
        counted: dict[State, int] = {}
        for state in sampled_states(questions, index, limits.samples, seed):
            counted[state] = counted.get(state, 0) + 1
        weighted, draws = list(counted.items()), limits.samples
    whole = sum(count for _, count in weighted)
    wins = [0] * len(outcomes)
    clear = [0] * len(outcomes)
    none = ties = close = 0
    for state, count in weighted:
        result = tally(state, margin)
        if result.winner is None:
            none += count
            continue
        wins[result.winner] += count
        ties += count * result.tie
        close += count * result.close
        clear[result.winner] += count * (not result.close)
    shares = tuple((o, wins[i] / whole) for i, o in enumerate(outcomes))
    bound = 0.0 if not draws else max(
        Z95 * math.sqrt(max(p, 1 / draws) * (1 - p) / draws) for _, p in shares)
    return MappingAnalysis(
        module=module.id, outcomes=outcomes,
        max_scores=tuple((o, max_score(questions, o)) for o in outcomes),
        shares=shares, no_recommendation=none / whole, exact=not draws, error_bound=bound,
        answer_sets=math.prod(len(q.choices) for q in questions), draws=draws,
        tie_probability=ties / whole, close_call_probability=close / whole,
        clear_shares=tuple((o, clear[i] / whole) for i, o in enumerate(outcomes)),
        straight_lines=straight_lines(course, module),
        # without the whole space exact, each question's is sampled straight away
        influence=tuple(_influence(questions, q, index, margin,
                                   limits.exact_limit if not draws else 0, seed)
                        for q in questions),
    )


def max_score(questions: Sequence[Question], outcome: str) -> float:
    """The highest total an outcome can reach: each question's heaviest choice for it."""
    total = 0.0
    for question in questions:
        total += max((dict(c.weights).get(outcome, 0.0) for c in question.choices), default=0.0)
    return total


def weighed_outcomes(question: Question, outcomes: Sequence[str]) -> tuple[str, ...]:
    """The outcomes some choice of the question gives positive weight to, declared order."""
    weighed = {o for c in question.choices for o, w in c.weights if w > 0}
    return tuple(o for o in outcomes if o in weighed)


def straight_lines(course: Course, module: Module) -> tuple[StraightLine, ...]:
    """Always the first, always the last choice, in the order attempt 1 shows them."""
    quiz = module.quiz
    assert quiz is not None
    arrangement = grading.arrange(module.id, quiz, 1)
    lines = []
    for position, pick in (("first", 0), ("last", -1)):
        answers = tuple((q.id, arrangement.options_of(q.id)[pick])
                        for q in quiz.preference_questions)
        lines.append(StraightLine(position=position, answers=answers, recommendation=(
            grading.recommend(quiz, dict(answers), course.outcomes, course.close_call_margin))))
    return tuple(lines)


def _influence(questions: Sequence[Question], question: Question, index: dict[str, int],
               margin: float, limit: int, seed: int) -> QuestionInfluence:
    """The share of the other questions' answer sets for which this answer changes the winner."""
    others = [q for q in questions if q is not question]
    states = distribution(others, index, limit) if limit else None
    if states is not None:
        weighted = list(states.items())
    else:
        weighted = [(state, 1) for state in sampled_states(others, index, INFLUENCE_SAMPLES,
                                                           seed)]
    steps = steps_of(question, index)
    whole = changed = 0
    for state, count in weighted:
        winners = {tally(add(state, step), margin).winner for step in steps}
        whole += count
        changed += count * (len(winners) > 1)
    return QuestionInfluence(question=question.id, influence=changed / whole if whole else 0.0,
                             outcomes=weighed_outcomes(question, tuple(index)),
                             source=question.source)


def recommending_modules(course: Course) -> tuple[Module, ...]:
    """The modules whose quiz recommends an outcome and has preference questions."""
    return tuple(m for m in course.modules if _recommends(m.quiz))


def _recommends(quiz: Quiz | None) -> bool:
    return quiz is not None and quiz.settings.recommend and bool(quiz.preference_questions)
