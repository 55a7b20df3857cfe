"""A module's quiz: its questions and choices, settings, draws, personas and thresholds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .source import Source


class QuestionType(StrEnum):
    """The kinds of question a quiz may hold."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true-false"
    MATCHING = "matching"
    PREFERENCE = "preference"

    @property
    def graded(self) -> bool:
        """Whether answers to this type are right or wrong (preference items are not)."""
        return self is not QuestionType.PREFERENCE


@dataclass(frozen=True, slots=True, kw_only=True)
class Choice:
    """An answer option. ``weights`` maps outcome ids to points (preference items)."""

    id: str
    text: str
    correct: bool = False
    feedback: str = ""
    weights: tuple[tuple[str, float], ...] = ()
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchTarget:
    """Something a matching item can be matched to."""

    id: str
    text: str
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchItem:
    """A prompt of a matching question and the id of the target it belongs to."""

    id: str
    text: str
    match: str
    feedback: str = ""
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """A quiz question. Which fields are used depends on ``type``.

    True/false questions are held as two choices with ids ``true`` and ``false``,
    so every choice-like type is graded the same way.
    """

    id: str
    type: QuestionType
    prompt: str
    explanation: str
    objectives: tuple[str, ...] = ()
    points: float = 1.0
    choices: tuple[Choice, ...] = ()
    targets: tuple[MatchTarget, ...] = ()
    items: tuple[MatchItem, ...] = ()
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    source: Source

    @property
    def correct_ids(self) -> tuple[str, ...]:
        """Ids of the correct choices, in declared order."""
        return tuple(c.id for c in self.choices if c.correct)


@dataclass(frozen=True, slots=True, kw_only=True)
class QuizSettings:
    """How a quiz is taken and whether it counts toward the LMS score."""

    counts: bool = False
    weight: float = 1.0
    attempts: int = 0  # 0: unlimited
    shuffle_questions: bool = False
    shuffle_choices: bool = False
    reveal_answers: bool = True
    recommend: bool = False  # the result page ends in an outcome recommendation


@dataclass(frozen=True, slots=True, kw_only=True)
class Thresholds:
    """When the mapping analysis of a recommending quiz warns (docs/analysis.md)."""

    max_score_tolerance: float = 0.10  # outcomes' best totals may differ by this share
    share_factor: float = 1.5  # random-answer share allowed above/below a fair share
    tie_probability: float = 0.20  # chance of a tie for first under random answers
    straight_line_share: float = 0.60  # share a position-only answer line may win with
    exact_limit: int = 20_000  # answer totals enumerated exactly up to this many states
    samples: int = 10_000  # random answer sets drawn beyond that (seeded)


@dataclass(frozen=True, slots=True, kw_only=True)
class Persona:
    """An imagined learner: an answer per preference question and the outcome expected."""

    name: str
    answers: tuple[tuple[str, str], ...]  # question id -> choice id
    expect: str
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Pool:
    """Questions of a quiz of which each attempt asks ``draw``, drawn with the attempt seed."""

    id: str
    draw: int
    questions: tuple[str, ...]  # question ids
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Quiz:
    """A module's quiz: a knowledge check or the final assessment.

    ``draw`` (more than 0) asks that many of the questions per attempt; ``pools`` draw from
    groups of questions instead, and questions in no pool are always asked.
    """

    title: str
    intro: str
    settings: QuizSettings
    questions: tuple[Question, ...]
    thresholds: Thresholds = Thresholds()
    personas: tuple[Persona, ...] = ()
    draw: int = 0
    pools: tuple[Pool, ...] = ()
    source: Source
    draw_source: Source | None = None  # the line of 'draw' (or of 'pools') in quiz.yml

    @property
    def draw_where(self) -> Source:
        """Where the quiz says how it draws: its 'draw' or 'pools' line, else the quiz."""
        return self.draw_source or self.source

    @property
    def graded_questions(self) -> tuple[Question, ...]:
        """Questions with right and wrong answers."""
        return tuple(q for q in self.questions if q.type.graded)

    @property
    def preference_questions(self) -> tuple[Question, ...]:
        """Self-assessment items that point toward outcomes."""
        return tuple(q for q in self.questions if not q.type.graded)
