"""Personas: imagined learners whose expected recommendation `check` verifies."""

from __future__ import annotations

from dataclasses import dataclass

from .. import grading
from ..errors import Diagnostic, did_you_mean, error
from ..model import Course, Persona, Quiz


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonaResult:
    """What a persona's answers recommend, against what its author expected."""

    persona: Persona
    recommendation: grading.Recommendation | None

    @property
    def passed(self) -> bool:
        """The persona gets its expected outcome, clearly (not too close to call)."""
        rec = self.recommendation
        return rec is not None and rec.outcome == self.persona.expect and not rec.close_call


def persona_results(course: Course, quiz: Quiz) -> tuple[PersonaResult, ...]:
    """Each persona of the quiz with the recommendation its answers get."""
    return tuple(PersonaResult(persona=p, recommendation=grading.recommend(
        quiz, dict(p.answers), course.outcomes, course.close_call_margin)) for p in quiz.personas)


def persona_errors(course: Course) -> list[Diagnostic]:
    """Personas that name unknown things or get another recommendation than expected."""
    found: list[Diagnostic] = []
    outcomes = {o.id for o in course.outcomes}
    for module in course.modules:
        quiz = module.quiz
        if quiz is None or not quiz.personas:
            continue
        shape = _shape_errors(quiz, outcomes)
        found += shape
        if shape:  # a persona that cannot be answered has no result worth comparing
            continue
        for result in persona_results(course, quiz):
            if not result.passed:
                found.append(_mismatch(course, result))
    return found


def _shape_errors(quiz: Quiz, outcomes: set[str]) -> list[Diagnostic]:
    """Personas answering questions or choices the quiz lacks, or expecting unknown outcomes."""
    found = []
    questions = {q.id: q for q in quiz.preference_questions}
    if not quiz.settings.recommend:
        found.append(error(quiz.source.path, quiz.personas[0].source.line,
                           "personas need a quiz with 'recommend: true'", "persona.no-recommend"))
    for persona in quiz.personas:
        where = persona.source
        if persona.expect and persona.expect not in outcomes:
            found.append(error(where.path, where.line,
                               f"persona '{persona.name}' expects unknown outcome "
                               f"'{persona.expect}'{did_you_mean(persona.expect, outcomes)}",
                               "persona.unknown-outcome"))
        for qid, cid in persona.answers:
            question = questions.get(qid)
            if question is None:
                hint = did_you_mean(qid, questions)
                found.append(error(where.path, where.line,
                                   f"persona '{persona.name}' answers '{qid}', which is not a "
                                   f"preference question of this quiz{hint}",
                                   "persona.unknown-question"))
            elif cid not in {c.id for c in question.choices}:
                found.append(error(where.path, where.line,
                                   f"persona '{persona.name}' answers '{qid}' with '{cid}', "
                                   "which is not one of its choices", "persona.unknown-choice"))
    return found


def _mismatch(course: Course, result: PersonaResult) -> Diagnostic:
    """The error for a persona that does not get its expected outcome."""
    persona, rec = result.persona, result.recommendation
    if rec is None:
        got = "no recommendation"
    elif rec.close_call:
        got = f"too close to call between '{rec.outcome}' and '{rec.runner_up}'"
    else:
        got = f"'{rec.outcome}'"
    return error(persona.source.path, persona.source.line,
                 f"persona '{persona.name}' expects '{persona.expect}' but its answers get {got}",
                 "persona.mismatch")
