"""The course model: frozen, typed data that every builder reads and none mutates.

Every node records where it came from (``path`` relative to the course folder and
``line``, 1-based) so that any later check can point at the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A position in a course file."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """Something the final assessment can recommend (for example a role)."""

    id: str
    title: str
    summary: str
    guidance: str
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Objective:
    """A learning objective of a module."""

    id: str
    text: str
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Image:
    """An image referenced by lesson Markdown, resolved inside the course folder."""

    src: str  # as written, relative to the lesson file
    path: str  # relative to the course folder, POSIX separators
    alt: str
    source: Source


class CalloutKind(StrEnum):
    """The kinds of callout a slide body may hold (``::: tip`` … ``:::``)."""

    TIP = "tip"
    WARNING = "warning"
    EXAMPLE = "example"
    KEY = "key"


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """A run of a slide body in order: plain Markdown, or one callout (``callout`` set)."""

    markdown: str
    callout: CalloutKind | None = None
    title: str = ""  # a callout's own title, "" for the kind's name
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Slide:
    """One slide of a lesson: a Markdown body and the presenter's notes.

    ``blocks`` is the body in order, with its callouts; ``body`` is the same Markdown without
    the callout lines, for a reader that shows callouts as plain text.
    """

    title: str
    body: str  # Markdown, without the title heading, the notes and the callout lines
    notes: str  # Markdown
    images: tuple[Image, ...] = ()
    blocks: tuple[Block, ...] = ()
    source: Source

    @property
    def callouts(self) -> tuple[Block, ...]:
        """The slide's callouts, in order."""
        return tuple(block for block in self.blocks if block.callout is not None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Lesson:
    """The teaching content of a module."""

    title: str
    objectives: tuple[Objective, ...]
    minutes: int
    slides: tuple[Slide, ...]
    cover: Image | None = None  # the module card's picture (front matter ``cover:``)
    source: Source


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Module:
    """A unit of the course: a lesson and, optionally, a quiz."""

    id: str
    lesson: Lesson
    quiz: Quiz | None
    source: Source

    @property
    def title(self) -> str:
        """The module's title (the lesson's)."""
        return self.lesson.title


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelOverride:
    """A course's own text for a label (``labels.yml``), for every language or for one."""

    id: str  # a message id such as ``lesson.next``
    language: str  # "" for every language, else a catalogue name such as ``de`` or ``de_CH``
    text: str | tuple[tuple[str, str], ...]  # plural labels: (CLDR category, text) pairs
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Course:
    """A whole course, as loaded and validated from the course folder."""

    id: str
    title: str
    version: str
    language: str
    description: str
    audience: str
    author: str
    brand_colour: str
    accent_colour: str = ""  # "" derives it from the brand colour
    passing_score: float
    close_call_margin: float = 0.10  # top two within this share of the weight: too close to call
    allow_raw_html: bool = False  # author HTML in Markdown is kept (sanitised) only when true
    cover: Image | None = None  # the overview's title picture (``cover:``)
    outcomes: tuple[Outcome, ...]
    modules: tuple[Module, ...]
    labels: tuple[LabelOverride, ...] = ()  # labels.yml
    root: Path = field(compare=False)
    source: Source

    def module(self, module_id: str) -> Module:
        """The module with this id (KeyError if none)."""
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(module_id)

    def outcome(self, outcome_id: str) -> Outcome:
        """The outcome with this id (KeyError if none)."""
        for outcome in self.outcomes:
            if outcome.id == outcome_id:
                return outcome
        raise KeyError(outcome_id)

    @property
    def minutes(self) -> int:
        """Estimated time for the whole course."""
        return sum(m.lesson.minutes for m in self.modules)
