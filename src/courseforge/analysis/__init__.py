"""Analysis of recommending quizzes: their outcome mapping, personas, and real results."""

from __future__ import annotations

from ..errors import Diagnostic
from ..model import Course
from .findings import mapping_warnings
from .personas import persona_errors


def recommendation_diagnostics(course: Course) -> list[Diagnostic]:
    """What `check` reports about recommendations: persona errors and mapping warnings."""
    return persona_errors(course) + mapping_warnings(course)
