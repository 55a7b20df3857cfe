"""The quiz view model: the forms a lesson shows and the data its quiz runtime grades with.

Pure: a course and the modules of a lesson in, frozen data and plain JSON data out. The
form is rendered on the server (templates/lesson/quiz.html.j2) so that every author text
goes through the same safe Markdown rendering as the lesson; ``templates/lesson/quiz.js``
orders it, grades it with ``grading.js`` and reports to the LMS.

Element ids start with ``quiz:``, a prefix no page id can have (page ids hold no colon).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from ... import grading
from ...model import Course, Module, Question, QuestionType, QuizSettings
from ...typography import typographic
from ..json_export import to_data
from .html_render import render_inline, render_markdown

DESCRIPTION_LIMIT = 250  # SCORM 2004 interaction and objective descriptions
RECOMMENDATION_ID = "recommendation"  # the interaction that holds the recommended outcome


@dataclass(frozen=True, slots=True, kw_only=True)
class OptionView:
    """A choice (a radio button or a check box), or a matching target."""

    id: str
    dom_id: str
    text: Markup


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemView:
    """A matching item: a labelled drop-down of the targets."""

    id: str
    dom_id: str
    text: Markup


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionView:
    """One question as a fieldset."""

    id: str
    dom_id: str
    type: str
    control: str  # "radio" | "checkbox" | "select"
    prompt: Markup
    options: tuple[OptionView, ...]
    items: tuple[ItemView, ...]
    targets: tuple[tuple[str, str], ...]  # (id, plain text): an <option> holds text only


@dataclass(frozen=True, slots=True, kw_only=True)
class QuizView:
    """A module's quiz form."""

    module_id: str
    dom_id: str
    settings: QuizSettings
    recommend: bool
    questions: tuple[QuestionView, ...]  # the graded list (every question of a self-assessment)
    about_you: tuple[QuestionView, ...]  # "About you": preference questions beside graded ones


def dom_id(*parts: str) -> str:
    """The element id of a quiz part: ``quiz:<module>[:<question>[:<option>]]``."""
    return ":".join(("quiz", *parts))


def _control(question: Question) -> str:
    if question.type is QuestionType.MULTIPLE:
        return "checkbox"
    return "select" if question.type is QuestionType.MATCHING else "radio"


def question_view(module: Module, question: Question, language: str = "") -> QuestionView:
    """The fieldset of one question, options in declared order (the runtime shuffles);
    its texts typeset in ``language``."""
    base = dom_id(module.id, question.id)
    inline = functools.partial(render_inline, language=language)
    return QuestionView(
        id=question.id, dom_id=base, type=question.type.value, control=_control(question),
        prompt=inline(question.prompt),
        options=tuple(OptionView(id=c.id, dom_id=f"{base}:{c.id}", text=inline(c.text))
                      for c in question.choices),
        items=tuple(ItemView(id=i.id, dom_id=f"{base}:{i.id}", text=inline(i.text))
                    for i in question.items),
        targets=tuple((t.id, inline(t.text).striptags()) for t in question.targets),
    )


def quiz_view(module: Module, language: str = "") -> QuizView | None:
    """The form of a module's quiz, or None for a module without one: the graded questions
    in one list, the questions about the learner in a part of their own."""
    if module.quiz is None:
        return None
    views = [(q.type is QuestionType.PREFERENCE, question_view(module, q, language))
             for q in module.quiz.questions]
    about_you = tuple(view for preference, view in views if preference)
    graded = tuple(view for preference, view in views if not preference)
    if not graded:  # a self-assessment: its questions are the quiz, not a part of it
        graded, about_you = about_you, ()
    return QuizView(module_id=module.id, dom_id=dom_id(module.id), settings=module.quiz.settings,
                    recommend=module.quiz.settings.recommend, questions=graded,
                    about_you=about_you)


# -- the data the browser grades with -------------------------------------------------------

_SPACE = re.compile(r"\s+")


def plain_description(markdown_text: str) -> str:
    """A prompt as one line of plain text for an LMS report (SCORM 2004: 250 characters).

    A leading ``{`` would read as a language tag in SCORM 2004, so it is dropped.
    """
    text = _SPACE.sub(" ", render_inline(markdown_text).striptags()).strip().lstrip("{").strip()
    if len(text) > DESCRIPTION_LIMIT:
        text = text[:DESCRIPTION_LIMIT - 1].rstrip() + "…"
    return text


def _question_data(question: Question, language: str) -> dict[str, Any]:
    """A question as grading.js reads it, with author texts rendered to safe HTML and typeset
    in ``language`` (the runtime compares ids, never these texts)."""
    inline = functools.partial(render_inline, language=language)
    block = functools.partial(render_markdown, language=language)
    return {
        "id": question.id, "type": question.type.value, "points": question.points,
        "objectives": list(question.objectives),
        "description": plain_description(question.prompt),
        "explanation": str(block(question.explanation)),
        "feedback_correct": str(block(question.feedback_correct)),
        "feedback_incorrect": str(block(question.feedback_incorrect)),
        "choices": [{"id": c.id, "text": str(inline(c.text)), "correct": c.correct,
                     "feedback": str(block(c.feedback)), "weights": dict(c.weights)}
                    for c in question.choices],
        "targets": [{"id": t.id, "text": str(inline(t.text))} for t in question.targets],
        "items": [{"id": i.id, "text": str(inline(i.text)), "match": i.match,
                   "feedback": str(block(i.feedback))} for i in question.items],
    }


def package_course(course: Course, modules: Sequence[Module]) -> Course:
    """The course as one package teaches it: only these modules (a new value, not a change)."""
    return replace(course, modules=tuple(modules))


def counting_gates(course: Course, modules: Sequence[Module]) -> list[str]:
    """Module ids of the quizzes a package needs submitted before it is complete."""
    return [module_id for module_id, _ in grading.counting_quizzes(package_course(course, modules))]


def quiz_data(course: Course, modules: Sequence[Module]) -> dict[str, Any] | None:
    """What quiz.js needs: the quizzes of these modules, the outcomes and the passing score.

    ``record`` names the quiz whose recommendation goes to the LMS: the final assessment
    of the package, when it recommends. The data is the same for every lesson format, so
    the web site, both SCORM packages and cmi5 share one (read it, do not change it).
    """
    return _quiz_data(course, tuple(modules))


@functools.lru_cache(maxsize=8)
def _quiz_data(course: Course, modules: tuple[Module, ...]) -> dict[str, Any] | None:
    with_quiz = [m for m in modules if m.quiz is not None]
    if not with_quiz:
        return None
    final = grading.final_module(package_course(course, modules))
    language = course.language
    objectives = {o.id: str(render_inline(o.text, language)) for m in course.modules
                  for o in m.lesson.objectives}
    return {
        "passing_score": course.passing_score,
        "close_call_margin": course.close_call_margin,
        "record": final.id if final is not None and final.quiz is not None
        and final.quiz.settings.recommend else None,
        "objectives": objectives,
        # where a missed objective is taught: its module's first page, when the package has it
        "objective_pages": {o.id: f"{m.id}.1" for m in modules for o in m.lesson.objectives
                            if m.lesson.slides},
        "outcomes": [{"id": o.id, "title": typographic(o.title, language),
                      "summary": str(render_inline(o.summary, language)),
                      "guidance": str(render_markdown(o.guidance, language=language))}
                     for o in course.outcomes],
        "modules": [{"id": m.id, "title": m.title, "quiz": {
            "settings": to_data(m.quiz.settings),
            "draw": m.quiz.draw,
            "pools": to_data(m.quiz.pools),
            "questions": [_question_data(q, language) for q in m.quiz.questions],
        }} for m in with_quiz if m.quiz is not None],
    }
