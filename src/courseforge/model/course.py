"""The whole course: its modules, outcomes and label overrides."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .lesson import Image, Lesson
from .quiz import Quiz
from .source import Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """Something the final assessment can recommend (for example a role)."""

    id: str
    title: str
    summary: str
    guidance: str
    source: Source


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
