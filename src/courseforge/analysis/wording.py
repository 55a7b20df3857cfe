"""The texts of the analysis and the learners' report, in one place.

These pages are for course authors and learning teams, so like `check`'s diagnostics they are
in English; numbers, percents and lists follow the course's locale through its labels, and the
learner-facing texts they quote (too close to call) come from the course's catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..locale import Labels, labels_for
from ..model import Course

WORDS: dict[str, str | tuple[str, str]] = {
    'analysis.title': 'Recommendation analysis: {course}',
    'analysis.quiz': '{quiz} ({module}): {questions} preference questions, '
                     '{sets} possible answer sets',
    'analysis.exact': 'Shares are exact: every answer set was counted.',
    'analysis.estimated': 'Shares are estimated from {draws} seeded random answer sets, '
                          'within ±{bound} (95 %).',
    'analysis.reach': 'Highest total each outcome can reach: {scores}',
    'analysis.random': 'Recommended under random answers: {shares}; no recommendation {none}',
    'analysis.ties': 'Tie for first: {tie}; too close to call: {close}',
    'analysis.straight_line': "Always the {position} choice (attempt 1's order): {result}",
    'analysis.position_first': 'first',
    'analysis.position_last': 'last',
    'analysis.influence': "How often each question's answer changes the recommendation:",
    'analysis.personas': 'Personas:',
    'analysis.persona_passed': 'passes',
    'analysis.persona_failed': 'FAILS',
    'analysis.persona': '{name}: {result} (expected {expected}) — {verdict}',
    'analysis.no_personas': "No personas: add some under 'personas:' in quiz.yml.",
    'analysis.findings': 'Findings:',
    'analysis.no_findings': 'Nothing to fix: the mapping is within every threshold.',
    'analysis.none': 'No quiz of this course recommends an outcome.',
    'analysis.chart_random': 'Recommended outcome under uniformly random answers',
    'analysis.chart_influence': 'Share of the other answers for which this question changes '
                                'the recommendation',
    'analysis.chart_personas': "Personas: each outcome's share of the weight their answers give",
    'analysis.column_share': 'Share',
    'analysis.fair_share': 'fair share',
    'analysis.no_recommendation': 'no recommendation',
    'analysis.close_call': 'too close to call',
    'report.title': 'What learners did: {quiz} ({module})',
    'report.learners': '{learners} learners',
    'report.items': 'Questions (difficulty: share correct; '
                    'discrimination: item–rest correlation):',
    'report.item': '{question}: difficulty {difficulty}, discrimination {discrimination}',
    'report.distractor': 'wrong choice {choice}: taken by {share}{problem}',
    'report.unused': 'unused: it does not distract',
    'report.attracts_strong': 'attracts strong learners: check it is really wrong',
    'report.mastery': 'Mastery per objective (mean score; share of learners at the passing score):',
    'report.mastery_line': '{objective}: {mean}; {mastered} mastered ({questions})',
    'report.question_count': ('{count} question', '{count} questions'),
    'report.outcomes': 'Recommended outcomes, against random answering:',
    'report.outcome_line': '{outcome}: {share} of learners (random answers: {baseline})',
    'report.chart_difficulty': 'Difficulty (share correct) and discrimination of each question',
    'report.chart_outcomes': 'Recommended outcomes: learners against random answering',
    'report.learners_series': 'learners',
    'report.random_series': 'random answers',
    'report.difficulty': 'Difficulty',
    'report.discrimination': 'Discrimination',
    'report.distractors': 'Wrong choices that do not do their job',
    'report.choice': 'Choice',
    'report.taken': 'Taken by',
    'report.problem': 'Problem',
    'report.mean': 'Mean score',
    'report.mastered': 'Mastered',
    'report.questions': 'Questions',
}


@dataclass(frozen=True, slots=True)
class Wording:
    """The analysis texts, with the course's labels for numbers, lists and learner texts."""

    labels: Labels

    def text(self, message_id: str, /, **params: Any) -> str:
        """A text with its ``{placeholders}`` filled (whole numbers as the locale writes them);
        an id that is not an analysis text is looked up in the course's labels."""
        message = WORDS.get(message_id)
        if message is None:
            return self.labels.text(message_id, **params)
        if isinstance(message, tuple):
            message = message[0] if params.get("count") == 1 else message[1]
        shown = {k: self.labels.number(v, 0) if isinstance(v, int) and not isinstance(v, bool)
                 else v for k, v in params.items()}
        return message.format_map(shown)

    def number(self, value: float, decimals: int = 2) -> str:
        """A number as the locale writes it."""
        return self.labels.number(value, decimals)

    def percent(self, value: float, decimals: int = 1) -> str:
        """A percentage on 0..100 as the locale writes it."""
        return self.labels.percent(value, decimals)

    def join(self, items: list[str]) -> str:
        """Items as a list in running text."""
        return self.labels.join(items)


def wording_for(course: Course) -> Wording:
    """The analysis texts for a course."""
    return Wording(labels_for(course))
