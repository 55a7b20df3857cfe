"""Source files to model: load a course folder, validate it, and fail with every problem at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..analysis import recommendation_diagnostics
from ..errors import CourseforgeError, Diagnostic, Severity, ValidationFailed
from ..lms.presets import LmsPreset
from ..model import Course
from ..validation import validate
from .course_loader import ModuleCache, load_course

# Codes after which part of the course is missing from the model.
INCOMPLETE = frozenset({
    "file.outside", "file.too-large", "file.unreadable", "file.encoding", "file.not-mapping",
    "yaml.syntax", "yaml.too-deep", "yaml.value", "lesson.no-front-matter",
    "course.unknown-module", "course.no-modules", "module.no-lesson", "id.invalid",
    "question.type", "field.structure",
})


@dataclass(frozen=True, slots=True)
class CheckedCourse:
    """A course with no errors, and the warnings found on the way."""

    course: Course
    warnings: tuple[Diagnostic, ...]


def diagnose(root: Path, lms: LmsPreset | None = None, cache: ModuleCache | None = None
             ) -> tuple[Course | None, list[Diagnostic]]:
    """Load and validate (for this LMS preset); every diagnostic, sorted.

    Raises only for a folder that is not there. ``cache`` keeps unchanged modules between
    loads (see :func:`load_course`).
    """
    if not root.exists():
        raise CourseforgeError(f"course folder '{root}' does not exist")
    if not root.is_dir():
        raise CourseforgeError(f"'{root}' is not a folder: give the folder holding course.yml")
    course, diagnostics = load_course(root.resolve(), cache)
    if course is not None:
        complete = not any(d.code in INCOMPLETE for d in diagnostics)
        diagnostics += validate(course, complete=complete, lms=lms)
    if (root / "templates").is_dir():  # Jinja is loaded only for a course with overrides
        from ..templating import override_diagnostics

        diagnostics += override_diagnostics(root.resolve())
    if course is not None and not any(d.severity is Severity.ERROR for d in diagnostics):
        # the mapping is analysed on a valid course only: errors first, advice after
        diagnostics += recommendation_diagnostics(course)
    return course, sorted(set(diagnostics), key=lambda d: d.sort_key)


def load_checked(root: Path, lms: LmsPreset | None = None) -> CheckedCourse:
    """The course in ``root``, or ValidationFailed listing every error and warning."""
    course, diagnostics = diagnose(root, lms)
    if course is None or any(d.severity is Severity.ERROR for d in diagnostics):
        raise ValidationFailed(diagnostics)
    return CheckedCourse(course=course, warnings=tuple(diagnostics))
