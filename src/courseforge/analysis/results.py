"""What real learners did: difficulty, discrimination, distractors, mastery, outcomes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .. import grading
from ..model import Course, Module, Question, QuestionType
from .responses import Answers

NON_FUNCTIONAL = 0.05  # a wrong choice fewer learners take than this does not distract
ATTRACTS_STRONG = 0.10  # a wrong choice whose takers score higher on the rest than this


@dataclass(frozen=True, slots=True, kw_only=True)
class ChoiceUse:
    """How often a wrong choice was taken, and by whom."""

    choice: str
    share: float  # of the learners who answered the question
    correlation: float | None  # taking it against the rest score (positive: the strong take it)

    @property
    def problem(self) -> str | None:
        """'unused' or 'attracts strong learners' when the distractor does not do its job."""
        if self.share < NON_FUNCTIONAL:
            return "unused"
        if self.correlation is not None and self.correlation > ATTRACTS_STRONG:
            return "attracts strong learners"
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemStats:
    """One graded question across the learners."""

    question: str
    learners: int
    difficulty: float  # share correct (unanswered counts as wrong)
    discrimination: float | None  # item-rest correlation; None without variance
    distractors: tuple[ChoiceUse, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Mastery:
    """One objective: mean share correct and the share of learners at the passing score."""

    objective: str
    questions: int
    mean: float
    mastered: float


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultsReport:
    """Everything `courseforge report` shows for one quiz."""

    module: str
    learners: int
    items: tuple[ItemStats, ...]
    mastery: tuple[Mastery, ...]
    outcomes: tuple[tuple[str, int], ...]  # recommended outcome -> learners (clear results)
    close_calls: int
    no_recommendation: int


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when either side does not vary."""
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else None


def results_report(course: Course, module: Module, answers: Answers) -> ResultsReport:
    """The statistics of the learners' latest answers to a module's quiz."""
    quiz = module.quiz
    assert quiz is not None
    learners = answers.learners
    graded = quiz.graded_questions
    scored = {learner: grading.score_quiz(quiz, answers.of(learner), course.passing_score)
              for learner in learners}
    earned = {learner: {r.id: r.earned for r in scored[learner].questions} for learner in learners}
    totals = {learner: sum(earned[learner].values()) for learner in learners}
    items = []
    for question in graded:
        right = [float(earned[who][question.id] > 0) for who in learners]
        rest = [totals[who] - earned[who][question.id] for who in learners]
        items.append(ItemStats(
            question=question.id, learners=len(learners),
            difficulty=sum(right) / len(right) if right else 0.0,
            discrimination=correlation(right, rest),
            distractors=_distractors(question, answers, learners, rest)))
    mastery = []
    objectives = [o for m in course.modules for o in m.lesson.objectives]
    for objective in objectives:
        related = [q for q in graded if objective.id in q.objectives]
        if not related or not learners:
            continue
        points = sum(q.points for q in related)
        shares = [sum(earned[who][q.id] for q in related) / points for who in learners]
        mastery.append(Mastery(objective=objective.id, questions=len(related),
                               mean=sum(shares) / len(shares),
                               mastered=sum(s * 100 >= course.passing_score for s in shares)
                               / len(shares)))
    counts = dict.fromkeys((o.id for o in course.outcomes), 0)
    close = none = 0
    for learner in learners if quiz.settings.recommend else ():
        rec = grading.recommend(quiz, answers.of(learner), course.outcomes,
                                course.close_call_margin)
        if rec is None:
            none += 1
        elif rec.close_call:
            close += 1
        else:
            counts[rec.outcome] += 1
    return ResultsReport(module=module.id, learners=len(learners), items=tuple(items),
                         mastery=tuple(mastery), outcomes=tuple(counts.items()),
                         close_calls=close, no_recommendation=none)


def _distractors(question: Question, answers: Answers, learners: Sequence[str],
                 rest: Sequence[float]) -> tuple[ChoiceUse, ...]:
    """Each wrong choice of a choice question: share taken and its correlation with the rest."""
    if question.type is QuestionType.MATCHING:
        return ()
    responses = [answers.of(who).get(question.id) for who in learners]
    answered = [i for i, r in enumerate(responses) if r]
    uses = []
    for choice in question.choices:
        if choice.correct:
            continue
        took = [float(_takes(responses[i], choice.id)) for i in range(len(learners))]
        share = sum(took[i] for i in answered) / len(answered) if answered else 0.0
        uses.append(ChoiceUse(choice=choice.id, share=share, correlation=correlation(took, rest)))
    return tuple(uses)


def _takes(response: object, choice: str) -> bool:
    if isinstance(response, list):
        return choice in response
    return response == choice
