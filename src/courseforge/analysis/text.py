"""The analysis and the learners' report as lines of text, in the course's language."""

from __future__ import annotations

from ..model import Course, Module
from .mapping import MappingAnalysis
from .personas import PersonaResult
from .results import ResultsReport
from .wording import Wording


def share(labels: Wording, value: float) -> str:
    """A 0..1 share as a whole percent."""
    return labels.percent(value * 100, 0)


def title_of(course: Course, outcome: str | None) -> str:
    """An outcome's title (the id when the course has no such outcome)."""
    return next((o.title for o in course.outcomes if o.id == outcome), str(outcome))


def persona_outcome(labels: Wording, course: Course, result: PersonaResult) -> str:
    """What a persona's answers get, in words."""
    rec = result.recommendation
    if rec is None:
        return labels.text("analysis.no_recommendation")
    if rec.close_call:
        return labels.text("quiz.close_call", first=title_of(course, rec.outcome),
                           second=title_of(course, rec.runner_up))
    return title_of(course, rec.outcome)


def analysis_lines(labels: Wording, course: Course, module: Module, analysis: MappingAnalysis,
                   personas: tuple[PersonaResult, ...]) -> list[str]:
    """One recommending quiz's analysis (without its findings, which check prints)."""
    quiz = module.quiz
    assert quiz is not None
    title = lambda o: title_of(course, o)  # noqa: E731
    lines = [labels.text("analysis.quiz", quiz=quiz.title, module=module.id,
                         questions=len(analysis.influence), sets=analysis.answer_sets),
             labels.text("analysis.exact") if analysis.exact else labels.text(
                 "analysis.estimated", draws=analysis.draws,
                 bound=share(labels, analysis.error_bound)),
             labels.text("analysis.reach", scores=labels.join(
                 [f"{title(o)} {labels.number(s, 2)}" for o, s in analysis.max_scores])),
             labels.text("analysis.random", shares=labels.join(
                 [f"{title(o)} {share(labels, p)}" for o, p in analysis.shares]),
                 none=share(labels, analysis.no_recommendation)),
             labels.text("analysis.ties", tie=share(labels, analysis.tie_probability),
                         close=share(labels, analysis.close_call_probability))]
    for line in analysis.straight_lines:
        rec = line.recommendation
        if rec is None:
            result = labels.text("analysis.no_recommendation")
        elif rec.close_call:
            result = labels.text("quiz.close_call", first=title(rec.outcome),
                                 second=title(rec.runner_up))
        else:
            result = f"{title(rec.outcome)} ({share(labels, dict(rec.shares)[rec.outcome])})"
        lines.append(labels.text("analysis.straight_line",
                                 position=labels.text(f"analysis.position_{line.position}"),
                                 result=result))
    lines.append(labels.text("analysis.influence"))
    lines += [f"  {item.question}: {share(labels, item.influence)}" for item in analysis.influence]
    lines.append(labels.text("analysis.personas") if personas
                 else labels.text("analysis.no_personas"))
    for outcome in personas:
        verdict = "analysis.persona_passed" if outcome.passed else "analysis.persona_failed"
        lines.append("  " + labels.text("analysis.persona", name=outcome.persona.name,
                                        result=persona_outcome(labels, course, outcome),
                                        expected=title(outcome.persona.expect),
                                        verdict=labels.text(verdict)))
    return lines


def report_lines(labels: Wording, course: Course, report: ResultsReport,
                 baseline: MappingAnalysis | None) -> list[str]:
    """The learners' report as text."""
    module = course.module(report.module)
    assert module.quiz is not None
    lines = [labels.text("report.title", quiz=module.quiz.title, module=module.id),
             labels.text("report.learners", learners=report.learners), "",
             labels.text("report.items")]
    for item in report.items:
        discrimination = "—" if item.discrimination is None else labels.number(
            item.discrimination, 2)
        lines.append("  " + labels.text("report.item", question=item.question,
                                        difficulty=labels.number(item.difficulty, 2),
                                        discrimination=discrimination))
        for use in item.distractors:
            problem = {"unused": "report.unused",
                       "attracts strong learners": "report.attracts_strong"}.get(use.problem or "")
            lines.append("    " + labels.text("report.distractor", choice=use.choice,
                                              share=share(labels, use.share),
                                              problem=f" — {labels.text(problem)}" if problem
                                              else ""))
    lines += ["", labels.text("report.mastery")]
    lines += ["  " + labels.text("report.mastery_line", objective=m.objective,
                                 mean=share(labels, m.mean), mastered=share(labels, m.mastered),
                                 questions=labels.text("report.question_count", count=m.questions))
              for m in report.mastery]
    if module.quiz.settings.recommend and report.learners:
        lines += ["", labels.text("report.outcomes")]
        random = dict(baseline.clear_shares) if baseline else {}
        for outcome, count in report.outcomes:
            lines.append("  " + labels.text("report.outcome_line",
                                            outcome=title_of(course, outcome),
                                            share=share(labels, count / report.learners),
                                            baseline=share(labels, random.get(outcome, 0.0))))
        lines.append("  " + labels.text("report.outcome_line",
                                        outcome=labels.text("analysis.close_call"),
                                        share=share(labels, report.close_calls / report.learners),
                                        baseline=share(labels, baseline.close_call_probability
                                                       if baseline else 0.0)))
    return lines
