"""Checks on a loaded course: pure, returns every problem at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from .builders.lesson.suspend_data import suspend_data_warnings
from .draw_checks import draw_guarantees, draw_structure
from .errors import Diagnostic, Severity, did_you_mean, error, warning
from .lms.cmi_budget import cmi_budget_warnings
from .lms.presets import DEFAULT_PRESET, LmsPreset, preset
from .model import Course, Question, QuestionType, Quiz, Source

T = TypeVar("T")


def validate(course: Course, *, complete: bool = True,
             lms: LmsPreset | None = None) -> list[Diagnostic]:
    """Every problem of a loaded course, sorted by file and line.

    With ``complete`` false (some file could not be read), checks that need the
    whole course (references across files, coverage) are left out: they would
    only repeat the unreadable file's error in other words. ``lms`` (default: the generic
    preset) sets the tracking-data budget the course is checked against.
    """
    found: list[Diagnostic] = []
    found += _duplicates(course.outcomes, lambda o: o.id, lambda o: o.source, "outcome")
    for module in course.modules:
        if module.id == course.id:
            found.append(
                error(
                    course.source.path,
                    0,
                    f"module '{module.id}' has the course's id: "
                    "their slide decks and packages would share one file name",
                    "course.module-id-clash",
                )
            )
    objectives = [o for m in course.modules for o in m.lesson.objectives]
    found += _duplicates(objectives, lambda o: o.id, lambda o: o.source, "objective")
    objective_ids = {o.id for o in objectives}
    outcome_ids = {o.id for o in course.outcomes}
    if not complete:
        objective_ids, outcome_ids = _Everything(), _Everything()
    for module in course.modules:
        if module.quiz is not None:
            found += _quiz(module.quiz, objective_ids, outcome_ids)
    found += _interaction_clashes(course)
    if complete:
        found += _coverage(course)
        found += suspend_data_warnings(course)
        found += cmi_budget_warnings(course, lms or preset(DEFAULT_PRESET))
    return sorted(found, key=lambda d: d.sort_key)


def _interaction_clashes(course: Course) -> list[Diagnostic]:
    """Questions the LMS would record under one interaction id ('<module>-<question>')."""
    found: list[Diagnostic] = []
    first: dict[str, tuple[str, str]] = {}
    for module in course.modules:
        for question in module.quiz.questions if module.quiz else ():
            key = f"{module.id}-{question.id}"
            if key in first and first[key][0] != module.id:  # same module: a duplicate id
                other, other_id = first[key]
                found.append(error(
                    question.source.path, question.source.line,
                    f"question '{question.id}' of module '{module.id}' would be recorded in the "
                    f"LMS as '{key}', like question '{other_id}' of module '{other}': "
                    "rename one of them", "quiz.interaction-clash"))
            elif key not in first:
                first[key] = (module.id, question.id)
    return found


class _Everything(set[str]):
    """Stands for an unknown set of ids: contains everything."""

    def __contains__(self, item: object) -> bool:
        return True

    def __bool__(self) -> bool:
        return True


def _duplicates(
    items: Iterable[T], key: Callable[[T], str], source: Callable[[T], Source], what: str
) -> list[Diagnostic]:
    seen: dict[str, Source] = {}
    found = []
    for item in items:
        ident = key(item)
        if not ident:
            continue
        if ident in seen:
            first = seen[ident]
            where = source(item)
            found.append(
                error(
                    where.path,
                    where.line,
                    f"duplicate {what} id '{ident}' (first defined at {first})",
                    f"{what}.duplicate-id",
                )
            )
        else:
            seen[ident] = source(item)
    return found


def _quiz(quiz: Quiz, objective_ids: set[str], outcome_ids: set[str]) -> list[Diagnostic]:
    found = _duplicates(quiz.questions, lambda q: q.id, lambda q: q.source, "question")
    found += draw_structure(quiz)
    if not any(d.severity is Severity.ERROR for d in found):
        found += draw_guarantees(quiz, sorted(outcome_ids))
    for question in quiz.questions:
        found += _question(question, objective_ids, outcome_ids)
    if quiz.settings.recommend and not quiz.preference_questions:
        found.append(
            error(
                quiz.source.path,
                quiz.source.line,
                "the quiz recommends an outcome but has no preference questions",
                "quiz.no-preferences",
            )
        )
    if not quiz.settings.recommend:
        for question in quiz.preference_questions:
            found.append(warning(
                question.source.path, question.source.line,
                f"preference question '{question.id}' is never used: only a quiz with "
                "'recommend: true' turns answers about the learner into a recommendation",
                "quiz.unused-preference"))
    if quiz.settings.recommend and not outcome_ids:
        found.append(
            error(
                quiz.source.path,
                quiz.source.line,
                "the quiz recommends an outcome but the course declares no outcomes",
                "quiz.no-outcomes",
            )
        )
    return found


def _question(q: Question, objective_ids: set[str], outcome_ids: set[str]) -> list[Diagnostic]:
    path, line = q.source.path, q.source.line
    found = []
    for objective in q.objectives:
        if objective not in objective_ids:
            found.append(
                error(
                    path,
                    line,
                    f"question '{q.id}' names unknown objective "
                    f"'{objective}'{did_you_mean(objective, objective_ids)}",
                    "question.unknown-objective",
                )
            )
    found += _missing_feedback(q)
    if q.type is QuestionType.MATCHING:
        return found + _matching(q)
    found += _duplicates(q.choices, lambda c: c.id, lambda c: c.source, "choice")
    if q.type is not QuestionType.TRUE_FALSE and len(q.choices) < 2:
        found.append(
            error(
                path,
                line,
                f"question '{q.id}' needs at least two choices",
                "question.too-few-choices",
            )
        )
    correct = len(q.correct_ids)
    if q.type is QuestionType.SINGLE and correct != 1:
        found.append(
            error(
                path,
                line,
                f"single-choice question '{q.id}' must have exactly one "
                f"correct choice, not {correct}",
                "quiz.no-correct" if not correct else "quiz.many-correct",
            )
        )
    if q.type is QuestionType.MULTIPLE and not correct:
        found.append(
            error(
                path,
                line,
                f"multiple-response question '{q.id}' has no correct choice",
                "quiz.no-correct",
            )
        )
    if q.type is QuestionType.PREFERENCE:
        for choice in q.choices:
            for outcome, _ in choice.weights:
                if outcome not in outcome_ids:
                    found.append(
                        error(
                            choice.source.path,
                            choice.source.line,
                            f"choice '{choice.id}' of '{q.id}' weighs unknown outcome "
                            f"'{outcome}'{did_you_mean(outcome, outcome_ids)}",
                            "choice.unknown-outcome",
                        )
                    )
    return found


def _missing_feedback(q: Question) -> list[Diagnostic]:
    """A warning when some answer would be met by the explanation alone."""
    if q.type is QuestionType.MATCHING:
        missing = [name for name, text in (("correct", q.feedback_correct),
                                           ("incorrect", q.feedback_incorrect)) if not text]
        what = " and ".join(f"'{name}'" for name in missing) + " feedback"
    else:
        missing = [c.id for c in q.choices if not c.feedback]
        what = "feedback for choice" + ("s " if len(missing) > 1 else " ") + \
            ", ".join(f"'{m}'" for m in missing)
    if not missing:
        return []
    return [warning(q.source.path, q.source.line,
                    f"question '{q.id}' has no {what}: learners see only the explanation",
                    "question.no-feedback")]


def _matching(q: Question) -> list[Diagnostic]:
    path, line = q.source.path, q.source.line
    found = _duplicates(q.targets, lambda t: t.id, lambda t: t.source, "target")
    found += _duplicates(q.items, lambda i: i.id, lambda i: i.source, "item")
    target_ids = {t.id for t in q.targets}
    for item in q.items:
        if item.match and item.match not in target_ids:
            found.append(
                error(
                    item.source.path,
                    item.source.line,
                    f"item '{item.id}' of '{q.id}' "
                    f"matches unknown target '{item.match}'"
                    f"{did_you_mean(item.match, target_ids)}",
                    "matching.unknown-target",
                )
            )
    used = {i.match for i in q.items}
    for target in q.targets:
        if target.id and target.id not in used:
            found.append(
                error(
                    target.source.path,
                    target.source.line,
                    f"target '{target.id}' of '{q.id}' is matched by no item",
                    "matching.unused-target",
                )
            )
    if len(q.items) < 2:
        found.append(
            error(
                path,
                line,
                f"matching question '{q.id}' needs at least two items",
                "matching.too-few-items",
            )
        )
    return found


def _coverage(course: Course) -> list[Diagnostic]:
    found = []
    questions = [q for m in course.modules if m.quiz for q in m.quiz.questions]
    assessed = {o for q in questions for o in q.objectives}
    for module in course.modules:
        for objective in module.lesson.objectives:
            if objective.id and objective.id not in assessed:
                found.append(
                    warning(
                        objective.source.path,
                        objective.source.line,
                        f"objective '{objective.id}' is assessed by no question",
                        "objective.unassessed",
                    )
                )
    weighted = {
        o
        for q in questions
        if q.type is QuestionType.PREFERENCE
        for c in q.choices
        for o, w in c.weights
        if w > 0
    }
    for outcome in course.outcomes:
        if outcome.id and outcome.id not in weighted:
            found.append(
                error(
                    outcome.source.path,
                    outcome.source.line,
                    f"outcome '{outcome.id}' "
                    "can never be recommended: no preference choice weighs it",
                    "outcome.unreachable",
                )
            )
    return found
