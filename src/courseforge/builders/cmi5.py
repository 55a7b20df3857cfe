"""cmi5 course packages: the lessons as assignable units (AUs) that report to an LRS via xAPI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Course, Module
from ..packaging import write_zip
from ..templating import environment, render
from .base import Builder, Progress
from .lesson.files import LAUNCH_PAGE, lesson_members
from .lesson.quiz_pages import counting_gates, plain_description
from .scorm_common import decimal_text

IRI_PREFIX = "urn:courseforge:"  # publisher ids: stable across versions, unique per course


@dataclass(frozen=True, slots=True, kw_only=True)
class ObjectiveView:
    """A lesson objective as a course-structure objective."""

    id: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AuView:
    """One AU: where it launches, how the LMS decides it is satisfied, what it assesses."""

    id: str
    title: str
    description: str
    url: str
    move_on: str
    mastery_score: str  # "" when the AU is not judged
    objectives: tuple[str, ...]  # ids of ObjectiveView


@dataclass(frozen=True, slots=True, kw_only=True)
class CourseStructureView:
    """Everything cmi5.xml needs."""

    id: str
    language: str
    title: str
    description: str
    objectives: tuple[ObjectiveView, ...]
    aus: tuple[AuView, ...]


def objective_iri(course: Course, objective_id: str) -> str:
    """The IRI of a lesson objective, in cmi5.xml and in the statements."""
    return f"{IRI_PREFIX}{course.id}:objective:{objective_id}"


def au_iri(course: Course, module: Module | None) -> str:
    """The publisher id of the AU teaching the whole course (None) or one module."""
    return f"{IRI_PREFIX}{course.id}:au:" + (module.id if module is not None else "course")


def move_on(course: Course, modules: tuple[Module, ...]) -> tuple[str, str]:
    """(moveOn, masteryScore) from the course's rule for an AU teaching these modules.

    The lesson is completed once every page is seen and every counting quiz submitted, and
    passed or failed from the counting quizzes: with quizzes both count; without, only
    completion. cmi5's default, NotApplicable, would satisfy the AU on enrolment.
    """
    if counting_gates(course, modules):
        return "CompletedAndPassed", decimal_text(course.passing_score / 100)
    return "Completed", ""


def au_view(course: Course, module: Module | None, url: str) -> AuView:
    """The AU teaching one module, or the whole course when ``module`` is None."""
    modules = course.modules if module is None else (module,)
    rule, mastery = move_on(course, modules)
    return AuView(
        id=au_iri(course, module), url=url, move_on=rule, mastery_score=mastery,
        title=course.title if module is None else module.title,
        description=course.description if module is None
        else "; ".join(plain_description(o.text) for o in module.lesson.objectives)
        or module.title,
        objectives=tuple(objective_iri(course, o.id) for m in modules
                         for o in m.lesson.objectives))


def course_structure(course: Course, per_module: bool) -> CourseStructureView:
    """One AU for the course, or one per module (each launching from its own folder)."""
    if per_module:
        aus = tuple(au_view(course, m, f"{m.id}/{LAUNCH_PAGE}") for m in course.modules)
    else:
        aus = (au_view(course, None, LAUNCH_PAGE),)
    return CourseStructureView(
        id=f"{IRI_PREFIX}{course.id}", language=course.language, title=course.title,
        description=course.description or course.title,
        objectives=tuple(ObjectiveView(id=objective_iri(course, o.id),
                                       text=plain_description(o.text))
                         for m in course.modules for o in m.lesson.objectives),
        aus=aus)


class Cmi5Builder(Builder):
    """Writes ``cmi5/<course>.zip``: ``cmi5.xml`` at its root beside the lesson files."""

    name = "cmi5"
    folder = "cmi5"
    description = "cmi5 course package (xAPI)"

    def build(self, staging: Path, progress: Progress) -> None:
        """Write the package."""
        progress(f"{self.folder}/{self.course.id}.zip")
        per_module = self.options.package == "per-module"
        members: list[tuple[str, bytes]] = []
        if per_module:
            for module in self.course.modules:
                members += [(f"{module.id}/{name}", data) for name, data in
                            lesson_members(self.course, self.options, "cmi5", (module,))]
        else:
            members = lesson_members(self.course, self.options, "cmi5")
        view = course_structure(self.course, per_module)
        xml = render(environment(self.course, self.options.templates), "cmi5/cmi5.xml.j2",
                     s=view)
        members.append(("cmi5.xml", xml.encode("utf-8")))
        write_zip(staging / self.folder / f"{self.course.id}.zip", members)
