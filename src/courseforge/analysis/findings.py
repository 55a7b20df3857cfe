"""What `check` says about a recommending quiz's mapping: warnings with file:line."""

from __future__ import annotations

from ..errors import Diagnostic, warning
from ..model import Course, Module, Thresholds
from .mapping import MappingAnalysis, analyse, recommending_modules

STRAIGHT_LINE_QUESTIONS = 3  # fewest preference questions for which straight-lining is a pattern


def mapping_warnings(course: Course) -> list[Diagnostic]:
    """Every mapping warning of every recommending quiz of the course."""
    found: list[Diagnostic] = []
    for module in recommending_modules(course):
        found += findings(module, analyse(course, module))
    return found


def findings(module: Module, analysis: MappingAnalysis) -> list[Diagnostic]:
    """The warnings one analysis calls for, against the quiz's thresholds."""
    quiz = module.quiz
    assert quiz is not None
    limits = quiz.thresholds
    path, line = quiz.source.path, quiz.source.line
    found = [warning(path, line, message, code)
             for code, message in _quiz_messages(analysis, limits)]
    for item in analysis.influence:
        if len(item.outcomes) <= 1:
            weighs = f"'{item.outcomes[0]}' alone" if item.outcomes else "no outcome"
            found.append(warning(item.source.path, item.source.line,
                                 f"every choice of question '{item.question}' weighs {weighs}: "
                                 "its answer cannot point to another outcome",
                                 "analysis.one-outcome"))
        elif item.influence == 0:
            found.append(warning(item.source.path, item.source.line,
                                 f"question '{item.question}' never changes the recommendation, "
                                 "whatever the other answers", "analysis.no-influence"))
    return found


def _quiz_messages(analysis: MappingAnalysis, limits: Thresholds) -> list[tuple[str, str]]:
    """(code, message) of the quiz-wide findings."""
    messages = []
    scores = dict(analysis.max_scores)
    top, low = max(scores.values()), min(scores.values())
    if top > 0 and (top - low) / top > limits.max_score_tolerance:
        listed = ", ".join(f"'{o}' {s:g}" for o, s in analysis.max_scores)
        messages.append(("analysis.max-score",
                         f"the outcomes can reach different totals ({listed}): more than "
                         f"{limits.max_score_tolerance:.0%} apart"))
    fair = 1 / len(analysis.outcomes)
    slack = analysis.error_bound  # a sampled share is only flagged beyond its error bound
    how = "" if analysis.exact else f" (estimated, ±{analysis.error_bound:.1%})"
    for outcome, share in analysis.shares:
        if share - slack > fair * limits.share_factor:
            messages.append(("analysis.favoured",
                             f"random answers recommend '{outcome}' {share:.0%} of the time"
                             f"{how}, more than {limits.share_factor:g} times its fair share "
                             f"of {fair:.0%}"))
        elif share + slack < fair / limits.share_factor:
            messages.append(("analysis.starved",
                             f"random answers recommend '{outcome}' {share:.0%} of the time"
                             f"{how}, less than its fair share of {fair:.0%} divided by "
                             f"{limits.share_factor:g}"))
    if analysis.tie_probability - slack > limits.tie_probability:
        messages.append(("analysis.ties",
                         f"{analysis.tie_probability:.0%} of random answer sets tie for first"
                         f"{how} (more than {limits.tie_probability:.0%}): the tie-break rules, "
                         "not the answers, decide those"))
    # with one or two questions a line of equal positions is as plausible as any answer set
    lines = analysis.straight_lines if len(analysis.influence) >= STRAIGHT_LINE_QUESTIONS else ()
    for line in lines:
        rec = line.recommendation
        if rec is not None and not rec.close_call \
                and dict(rec.shares)[rec.outcome] >= limits.straight_line_share:
            messages.append(("analysis.straight-line",
                             f"always answering the {line.position} choice (attempt 1's order) "
                             f"recommends '{rec.outcome}' with {dict(rec.shares)[rec.outcome]:.0%} "
                             f"of the weight (at least {limits.straight_line_share:.0%}): "
                             "the order of the choices favours it"))
    return messages
