"""The course model: frozen, typed data that every builder reads and none mutates.

Every node records where it came from (``path`` relative to the course folder and
``line``, 1-based) so that any later check can point at the source.

Split by what the nodes describe: ``source`` (positions), ``lesson``, ``quiz`` and ``course``;
every class is importable from ``courseforge.model``.
"""

from __future__ import annotations

from .course import Course, LabelOverride, Module, Outcome
from .lesson import Block, CalloutKind, Image, Lesson, Objective, Slide
from .quiz import (
    Choice,
    MatchItem,
    MatchTarget,
    Persona,
    Pool,
    Question,
    QuestionType,
    Quiz,
    QuizSettings,
    Thresholds,
)
from .source import Source

__all__ = [
    "Block",
    "CalloutKind",
    "Choice",
    "Course",
    "Image",
    "LabelOverride",
    "Lesson",
    "MatchItem",
    "MatchTarget",
    "Module",
    "Objective",
    "Outcome",
    "Persona",
    "Pool",
    "Question",
    "QuestionType",
    "Quiz",
    "QuizSettings",
    "Slide",
    "Source",
    "Thresholds",
]
