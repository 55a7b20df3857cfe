"""What a quiz's random draw guarantees, proved for every possible draw (pure, no builder).

A draw is a set of always-asked questions plus groups of which ``k`` of ``n`` are asked. Every
draw asks some question with a property exactly when an always-asked question has it, or when
some group has fewer than ``k`` questions without it (then no choice of ``k`` avoids it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .errors import Diagnostic, error, warning
from .model import Question, Quiz, Source


@dataclass(frozen=True, slots=True)
class Group:
    """Questions of which each attempt asks ``draw``; ``name`` says which in messages."""

    name: str
    draw: int
    questions: tuple[Question, ...]


def draw_groups(quiz: Quiz) -> tuple[tuple[Question, ...], tuple[Group, ...]]:
    """The always-asked questions and the drawn groups of a quiz."""
    if quiz.pools:
        by_id = {q.id: q for q in quiz.questions}
        pooled = {qid for pool in quiz.pools for qid in pool.questions}
        groups = tuple(Group(f"pool '{p.id}'", p.draw,
                             tuple(by_id[q] for q in p.questions if q in by_id))
                       for p in quiz.pools)
        return tuple(q for q in quiz.questions if q.id not in pooled), groups
    if quiz.draw > 0:
        return (), (Group("the quiz", quiz.draw, quiz.questions),)
    return quiz.questions, ()


def missed_by(quiz: Quiz, wanted: Callable[[Question], bool]) -> list[str]:
    """Why some draw can ask no question that is ``wanted``; empty when every draw asks one."""
    if not any(wanted(q) for q in quiz.questions):
        return ["no question of the quiz does"]
    always, groups = draw_groups(quiz)
    if any(wanted(q) for q in always):
        return []
    reasons = []
    for group in groups:
        having = sum(1 for q in group.questions if wanted(q))
        if len(group.questions) - having < group.draw:
            return []
        if having:
            reasons.append(f"a draw of {group.draw} from {group.name} can leave out all "
                           f"{having} of its {len(group.questions)} questions that do")
    return reasons


def draw_structure(quiz: Quiz) -> list[Diagnostic]:
    """Draw counts in range, pools naming each existing question at most once."""
    found: list[Diagnostic] = []
    where = quiz.draw_where
    if quiz.draw and quiz.pools:
        found.append(_error(where, "a quiz draws either with 'draw' or with 'pools', not both",
                            "quiz.draw"))
    if quiz.draw and not 0 < quiz.draw <= len(quiz.questions):
        found.append(_error(where, f"'draw' must be from 1 to the {len(quiz.questions)} "
                            f"questions of the quiz, not {quiz.draw}", "quiz.draw"))
    ids = {q.id for q in quiz.questions}
    seen: dict[str, str] = {}
    pool_ids: set[str] = set()
    for pool in quiz.pools:
        if pool.id in pool_ids:
            found.append(_error(pool.source, f"duplicate pool id '{pool.id}'", "pool.duplicate-id"))
        pool_ids.add(pool.id)
        for qid in pool.questions:
            if qid not in ids:
                found.append(_error(pool.source, f"pool '{pool.id}' names question '{qid}', "
                                    "which the quiz does not have", "pool.unknown-question"))
            elif qid in seen:
                found.append(_error(pool.source, f"question '{qid}' is in pool '{seen[qid]}' "
                                    f"and in pool '{pool.id}'", "pool.twice"))
            seen.setdefault(qid, pool.id)
        if pool.questions and not 0 < pool.draw <= len(set(pool.questions)):
            found.append(_error(pool.source, f"pool '{pool.id}' must draw from 1 to its "
                                f"{len(set(pool.questions))} questions, not {pool.draw}",
                                "pool.draw"))
    return found


def draw_guarantees(quiz: Quiz, outcomes: Sequence[str]) -> list[Diagnostic]:
    """Every objective the quiz assesses, every outcome it can recommend and a graded question
    are in every draw; each gap is reported with the draws that leave it out."""
    if not quiz.draw and not quiz.pools:
        return []
    found: list[Diagnostic] = []
    where = quiz.draw_where
    objectives = list(dict.fromkeys(o for q in quiz.questions for o in q.objectives))
    for objective in objectives:
        reasons = missed_by(quiz, _assesses(objective))
        if reasons:
            found.append(warning(where.path, where.line,
                                 f"some draws do not assess objective '{objective}': "
                                 + "; ".join(reasons), "draw.objective"))
    if quiz.settings.recommend:
        for outcome in outcomes:
            reasons = missed_by(quiz, _weighs(outcome))
            weighed = any(_weighs(outcome)(q) for q in quiz.questions)
            if reasons and weighed:
                found.append(_error(where, f"some draws can never recommend outcome "
                                    f"'{outcome}': " + "; ".join(reasons), "draw.outcome"))
    if quiz.graded_questions:
        reasons = missed_by(quiz, lambda q: q.type.graded)
        if reasons:
            found.append(_error(where, "some draws ask no graded question, so the "
                                "passing score means nothing (such an attempt scores 100): "
                                + "; ".join(reasons), "draw.ungraded"))
    return found


def _assesses(objective: str) -> Callable[[Question], bool]:
    """Whether a question assesses this objective."""
    return lambda question: objective in question.objectives


def _weighs(outcome: str) -> Callable[[Question], bool]:
    """Whether some answer of a question counts towards this outcome."""
    return lambda question: any(weight > 0 and name == outcome for choice in question.choices
                                for name, weight in choice.weights)


def _error(source: Source, message: str, code: str) -> Diagnostic:
    return error(source.path, source.line, message, code)
