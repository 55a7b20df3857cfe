"""The decks as a pure view model: which slides, in which layout role, with what text and notes.

Nothing here knows about python-pptx; :mod:`.pagination` splits long bodies to fit and
:mod:`.writer` turns the specs into a deck. Quiz slides come from :mod:`.quiz_specs`, the
slides' share of the time from :mod:`.timing`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...locale import Labels
from ...model import Course, Lesson, Module, Slide
from .markdown_runs import Block, Paragraph, Run, Table, parse_blocks
from .plain_text import plain_text
from .quiz_specs import quiz_slides
from .slide_specs_base import (
    COMPARISON,
    CONTENT,
    ROLES,
    SECTION,
    TITLE,
    TITLE_ONLY,
    Column,
    SlideSpec,
    bullets,
    plain,
)
from .texts import clock, minutes, say, say_count, spoken
from .timing import author_timing, budget

__all__ = ["COMPARISON", "CONTENT", "ROLES", "SECTION", "TITLE", "TITLE_ONLY", "Column",
           "PlanItem", "SlideSpec", "closing_slide", "course_deck", "course_minutes",
           "course_plan", "lesson_topics", "module_body", "module_opening", "module_slides",
           "timed_module"]

# the course deck's own slides and breaks, in minutes
WELCOME_MINUTES, AGENDA_MINUTES, CLOSING_MINUTES, BREAK_MINUTES = 3, 2, 5, 15
MAX_STRETCH = 90  # minutes of teaching, at most, between two breaks


def lesson_topics(lesson: Lesson) -> list[str]:
    """The distinct slide titles of a lesson, in order (the agenda)."""
    seen: list[str] = []
    for slide in lesson.slides:
        if slide.title not in seen:
            seen.append(slide.title)
    return seen


def module_slides(course: Course, module: Module, *, standalone: bool = True,
                  answers: bool | None = None) -> list[SlideSpec]:
    """A module's slides, timed; standalone decks open with a title slide, course decks
    with a section."""
    return timed_module(module, module_opening(course, module, standalone=standalone),
                        module_body(course, module, answers))


def timed_module(module: Module, opening: SlideSpec, body: Sequence[SlideSpec]
                 ) -> list[SlideSpec]:
    """The opening and body with the module's minutes split over them."""
    return budget([opening, *body], module.lesson.minutes)


def _number(course: Course, module: Module) -> int:
    return course.modules.index(module) + 1


def module_opening(course: Course, module: Module, *, standalone: bool) -> SlideSpec:
    """A module's first slide: a title slide in its own deck, a section slide in the course's."""
    lesson, quiz = module.lesson, module.quiz
    number, total = _number(course, module), len(course.modules)
    time = minutes(lesson.minutes)
    if standalone:
        assessment = quiz is not None and quiz.settings.counts
        return SlideSpec(
            role=TITLE, title=module.title, section=module.title,
            subtitle=(course.title, say("estimated", duration=time)),
            notes="\n\n".join(p for p in (
                say("notes.welcome.module", title=module.title, number=number, total=total,
                    course=course.title, time=time),
                say("notes.welcome.audience", audience=course.audience)
                if course.audience else "",
                say("notes.ask.assessment") if assessment else
                say("notes.ask.know")) if p))
    return SlideSpec(
        role=SECTION, title=module.title, section=module.title,
        subtitle=(say("module.of", number=number, total=total), say("estimated", duration=time)),
        notes=say("notes.section", number=number, total=total, title=module.title, time=time))


class _Bodies:
    """The module bodies of the course (and labels) last asked for, so that the decks and the
    guide of one build work each out once; another course or language starts afresh, so no
    more than one course's are kept."""

    def __init__(self) -> None:
        self.course: Course | None = None
        self.labels: Labels | None = None
        self.bodies: dict[tuple[Module, bool | None], tuple[SlideSpec, ...]] = {}

    def get(self, course: Course, module: Module, answers: bool | None) -> list[SlideSpec]:
        labels = spoken()
        if course is not self.course:
            self.course, self.labels, self.bodies = course, labels, {}
        elif labels is not self.labels:  # each builder speaks through labels of its own
            if labels != self.labels:  # compares every message: once per builder
                self.bodies = {}
            self.labels = labels
        found = self.bodies.get((module, answers))
        if found is None:
            found = self.bodies[module, answers] = tuple(_module_body(course, module, answers))
        return list(found)


_BODIES = _Bodies()


def module_body(course: Course, module: Module, answers: bool | None = None
                ) -> list[SlideSpec]:
    """A module's slides after its opening one, not yet timed: the same in its own deck and
    the course's. ``answers`` forces answer slides on or off."""
    return _BODIES.get(course, module, answers)


def _module_body(course: Course, module: Module, answers: bool | None) -> list[SlideSpec]:
    lesson, quiz = module.lesson, module.quiz
    specs: list[SlideSpec] = []
    topics = lesson_topics(lesson)
    agenda = topics + ([quiz.title] if quiz else []) + [say("summary")]
    specs.append(SlideSpec(role=CONTENT, title=say("agenda"), body=bullets(agenda),
                           notes=say("notes.agenda.module")))
    if lesson.objectives:
        specs.append(SlideSpec(
            role=CONTENT, title=say("objectives"),
            body=(plain(say("objectives.lead")), *bullets([o.text for o in lesson.objectives])),
            notes="\n\n".join((say("notes.objectives"),
                               *((say("notes.objectives.check"),) if quiz else ()),
                               say("notes.objectives.ask")))))
    for slide in lesson.slides:
        lesson_dir = slide.source.path.rpartition("/")[0]
        notes, weight = author_timing(plain_text(slide.notes)) if slide.notes.strip() else \
            ("", 2.0)
        notes = notes or say("notes.slide.default", title=plain_text(slide.title))
        body = slide_body(slide)
        # a slide of only tables and pictures needs no text placeholder
        role = CONTENT if any(isinstance(b, Paragraph) for b in body) or not body else TITLE_ONLY
        specs.append(SlideSpec(role=role, title=slide.title, body=body, notes=notes,
                               lesson_dir=lesson_dir, weight=weight))
    if quiz:
        specs.extend(quiz_slides(course, quiz, answers))
    specs.append(summary_slide(course, module))
    return specs


def slide_body(slide: Slide) -> tuple[Block, ...]:
    """A lesson slide's blocks in order; a callout leads with its kind (and title) in bold."""
    if not slide.blocks:
        return parse_blocks(slide.body)
    blocks: list[Block] = []
    for part in slide.blocks:
        if part.callout is not None:
            kind = say(f"callout.{part.callout.value}")
            lead = say("callout.titled", kind=kind, title=part.title) if part.title else kind
            blocks.append(plain(lead, bold=True))
        blocks.extend(parse_blocks(part.markdown))
    return tuple(blocks)


def summary_slide(course: Course, module: Module) -> SlideSpec:
    """The module's closing slide: what was covered and what comes next."""
    index = course.modules.index(module)
    following = course.modules[index + 1] if index + 1 < len(course.modules) else None
    points = [o.text for o in module.lesson.objectives] or lesson_topics(module.lesson)
    lead = "summary.lead.objectives" if module.lesson.objectives else "summary.lead.topics"
    return SlideSpec(
        role=CONTENT, title=say("summary"), weight=2.0,
        body=(plain(say(lead)), *bullets(points),
              *((plain(say("summary.next", title=following.title)),) if following else ())),
        notes="\n\n".join((say("notes.summary"), say("notes.summary.ask"),
                           say("notes.summary.next", title=following.title) if following
                           else say("notes.summary.last"))))


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanItem:
    """A stretch of the course day: the welcome, a module, a break or the close."""

    title: str
    start: int  # minutes from the start
    minutes: int
    module: Module | None = None
    is_break: bool = False


def course_plan(course: Course) -> list[PlanItem]:
    """The course day: welcome, modules with a break at least every 90 minutes, the close."""
    welcome = WELCOME_MINUTES + AGENDA_MINUTES
    items = [PlanItem(title=say("agenda.welcome"), start=0, minutes=welcome)]
    clock_at, stretch = welcome, welcome
    for module in course.modules:
        length = module.lesson.minutes
        if stretch and stretch + length > MAX_STRETCH:
            items.append(PlanItem(title=say("break"), start=clock_at, minutes=BREAK_MINUTES,
                                  is_break=True))
            clock_at, stretch = clock_at + BREAK_MINUTES, 0
        items.append(PlanItem(title=module.title, start=clock_at, minutes=length, module=module))
        clock_at, stretch = clock_at + length, stretch + length
    items.append(PlanItem(title=say("agenda.close"), start=clock_at, minutes=CLOSING_MINUTES))
    return items


def course_minutes(course: Course) -> int:
    """The course day's length: modules, breaks, welcome and close."""
    last = course_plan(course)[-1]
    return last.start + last.minutes


def course_deck(course: Course, bodies: Sequence[list[SlideSpec]] | None = None,
                answers: bool | None = None) -> list[SlideSpec]:
    """The whole course: a title slide, the timed agenda, each module after a section slide,
    breaks where the agenda has them, and a closing slide.

    ``bodies`` are the modules' :func:`module_body` when the caller has them already.
    """
    plan = course_plan(course)
    modules = say_count("course.modules", len(course.modules))
    total = minutes(course_minutes(course))
    specs = [SlideSpec(
        role=TITLE, title=course.title, seconds=WELCOME_MINUTES * 60,
        section=say("agenda.welcome"),
        subtitle=(f"{modules} · {say('estimated', duration=total)}",
                  *((course.author,) if course.author else ())),
        notes="\n\n".join(p for p in (
            say("notes.course.welcome", title=course.title, modules=modules, time=total),
            course.description, course.audience and say("notes.welcome.audience",
                                                         audience=course.audience),
            say("notes.course.ask")) if p),
    ), SlideSpec(
        role=CONTENT, title=say("agenda"), seconds=AGENDA_MINUTES * 60,
        body=(Table(header=((Run(text=say("agenda.start")),), (Run(text=say("agenda.item")),),
                            (Run(text=say("agenda.minutes")),)),
                    rows=tuple(((Run(text=clock(item.start * 60)),),
                                (Run(text=item.title, bold=item.is_break),),
                                (Run(text=str(item.minutes)),)) for item in plan)),),
        notes=say("notes.course.agenda"))]
    if bodies is None:
        bodies = [module_body(course, module, answers) for module in course.modules]
    body_of = dict(zip((m.id for m in course.modules), bodies, strict=True))
    for item in plan[1:-1]:
        if item.module is not None:
            specs.extend(course_deck_module(course, item.module, body_of[item.module.id]))
        else:
            back = clock((item.start + item.minutes) * 60)
            specs.append(SlideSpec(
                role=SECTION, title=say("break"), seconds=item.minutes * 60,
                subtitle=(say("break.back", minutes=item.minutes, clock=back),),
                notes=say("notes.break")))
    specs.append(closing_slide(course))
    return specs


def course_deck_module(course: Course, module: Module, body: list[SlideSpec]
                       ) -> list[SlideSpec]:
    """A module's slides as the course deck shows them (``body``: its :func:`module_body`),
    timed."""
    return timed_module(module, module_opening(course, module, standalone=False), body)


def closing_slide(course: Course) -> SlideSpec:
    """The course's last slide: what it covered, questions, and the evaluation."""
    return SlideSpec(
        role=CONTENT, title=say("closing"), seconds=CLOSING_MINUTES * 60,
        section=say("agenda.close"),
        body=(plain(say("closing.summary")), *bullets([m.title for m in course.modules]),
              plain(say("closing.questions"), bold=True), plain(say("closing.evaluation"))),
        notes=say("notes.closing"))

