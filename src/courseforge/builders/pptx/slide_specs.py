"""The decks as a pure view model: which slides, in which layout role, with what text and notes.

Nothing here knows about python-pptx; :mod:`.pagination` splits long bodies to fit and
:mod:`.writer` turns the specs into a deck.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Course, Lesson, Module, Question, QuestionType, Quiz
from .markdown_runs import BULLET, LETTER, Block, Paragraph, Run, Table, parse_blocks, plain_text

TITLE, SECTION, CONTENT, COMPARISON, TITLE_ONLY = "title", "section", "content", "comparison", \
    "title-only"
ROLES = (TITLE, SECTION, CONTENT, COMPARISON, TITLE_ONLY)
QUESTION_SECONDS = 60  # time a group needs to read, think and answer one question


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    """One side of a comparison slide: a heading and its body."""

    heading: str
    body: tuple[Block, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SlideSpec:
    """One slide: its layout role, title, subtitle (title and section slides), body and notes.

    ``lesson_dir`` is the lesson's folder relative to the course, for the body's images.
    """

    role: str
    title: str
    subtitle: tuple[str, ...] = ()
    body: tuple[Block, ...] = ()
    columns: tuple[Column, ...] = ()
    notes: str
    lesson_dir: str = ""


def _bullets(texts: list[str] | tuple[str, ...]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(runs=(Run(text=t),), kind=BULLET) for t in texts)


def _plain(text: str, *, bold: bool = False) -> Paragraph:
    return Paragraph(runs=(Run(text=text, bold=bold),))


def _minutes(minutes: float) -> str:
    minutes = max(1, round(minutes))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _letter(index: int) -> str:
    return string.ascii_uppercase[index % 26]


def lesson_topics(lesson: Lesson) -> list[str]:
    """The distinct slide titles of a lesson, in order (the agenda)."""
    seen: list[str] = []
    for slide in lesson.slides:
        if slide.title not in seen:
            seen.append(slide.title)
    return seen


def module_slides(course: Course, module: Module, *, standalone: bool = True) -> list[SlideSpec]:
    """A module's slides; standalone decks open with a title slide, course decks with a section."""
    return [module_opening(course, module, standalone=standalone), *module_body(course, module)]


def module_opening(course: Course, module: Module, *, standalone: bool) -> SlideSpec:
    """A module's first slide: a title slide in its own deck, a section slide in the course's."""
    lesson = module.lesson
    quiz = module.quiz
    number = course.modules.index(module) + 1
    if standalone:
        return SlideSpec(
            role=TITLE, title=module.title,
            subtitle=(course.title, f"Estimated time: {_minutes(lesson.minutes)}"),
            notes=(f"Welcome the group to '{module.title}', module {number} of "
                   f"{len(course.modules)} of '{course.title}'. Introduce yourself and explain "
                   f"that this module takes about {_minutes(lesson.minutes)}"
                   f"{', including a knowledge check' if quiz else ''}."
                   + (f" It is written for: {course.audience}" if course.audience else "")
                   + f"\n\nAsk: \"What do you already know about {module.title.rstrip('?.!')}?\""
                   "\n\nTiming: about 1 minute."),
        )
    return SlideSpec(
        role=SECTION, title=module.title,
        subtitle=(f"Module {number} of {len(course.modules)}",
                  f"Estimated time: {_minutes(lesson.minutes)}"),
        notes=(f"Module {number} of {len(course.modules)}: '{module.title}', about "
               f"{_minutes(lesson.minutes)}. Give the group a moment to stand up or stretch "
               "before you start, then say what this module is about."
               "\n\nTiming: about 1 minute."),
    )


def module_body(course: Course, module: Module) -> list[SlideSpec]:
    """A module's slides after its opening one: the same in its own deck and the course's."""
    lesson = module.lesson
    quiz = module.quiz
    specs: list[SlideSpec] = []
    topics = lesson_topics(lesson)
    agenda = topics + ([quiz.title] if quiz else []) + ["Summary"]
    specs.append(SlideSpec(
        role=CONTENT, title="Agenda", body=_bullets(agenda),
        notes=(f"Walk through the agenda: {len(topics)} topic{'s' if len(topics) != 1 else ''}"
               + (f", then '{quiz.title}' with {len(quiz.questions)} question"
                  f"{'s' if len(quiz.questions) != 1 else ''}" if quiz else "")
               + ", then a summary. Tell the group when you plan a break and how questions "
               "are handled (any time, or at the end of each topic).\n\nTiming: about 1 minute."),
    ))
    if lesson.objectives:
        specs.append(SlideSpec(
            role=CONTENT, title="Objectives",
            body=(_plain("By the end of this module you will be able to:"),
                  *_bullets([o.text for o in lesson.objectives])),
            notes=("Read the objectives aloud."
                   + (" The knowledge check at the end of the module asks about them." if quiz
                      else "")
                   + "\n\nAsk: \"Which of these matters most for your own work?\" Note the "
                   "answers and come back to them in the summary.\n\nTiming: about 1 minute."),
        ))
    for slide in lesson.slides:
        lesson_dir = slide.source.path.rpartition("/")[0]
        notes = plain_text(slide.notes) if slide.notes.strip() else (
            f"Present '{slide.title}' in your own words and check for questions before moving on.")
        body = parse_blocks(slide.body)
        # a slide of only tables and pictures needs no text placeholder
        role = CONTENT if any(isinstance(b, Paragraph) for b in body) or not body else TITLE_ONLY
        specs.append(SlideSpec(role=role, title=slide.title, body=body, notes=notes,
                               lesson_dir=lesson_dir))
    if quiz:
        specs.extend(quiz_slides(quiz))
    specs.append(summary_slide(course, module))
    return specs


def quiz_slides(quiz: Quiz) -> list[SlideSpec]:
    """A section slide that opens the quiz, then question (and answer) slides."""
    graded = len(quiz.graded_questions)
    minutes = len(quiz.questions) * QUESTION_SECONDS / 60
    subtitle = [quiz.intro] if quiz.intro else []
    subtitle.append(f"{len(quiz.questions)} question{'s' if len(quiz.questions) != 1 else ''}")
    specs = [SlideSpec(
        role=SECTION, title=quiz.title, subtitle=tuple(subtitle),
        notes=("Run this check live: show each question, let everyone decide on an answer "
               "(show of hands, cards or a poll), then reveal the answer slide and discuss "
               "the explanation."
               + (f" {graded} question{'s are' if graded != 1 else ' is'} graded"
                  if graded else "")
               + (f"; {len(quiz.preference_questions)} ask about preferences and have no wrong "
                  "answer" if quiz.preference_questions else "")
               + ("." if graded or quiz.preference_questions else "")
               + (" In the e-learning version this quiz counts toward the score."
                  if quiz.settings.counts else "")
               + f"\n\nTiming: about {_minutes(minutes)}."),
    )]
    for number, question in enumerate(quiz.questions, start=1):
        specs.extend(question_slides(question, number, len(quiz.questions)))
    return specs


def question_slides(question: Question, number: int, total: int) -> list[SlideSpec]:
    """The question slide and, for graded questions, the answer slide."""
    title = f"Question {number} of {total}"
    prompt = _plain(question.prompt, bold=True)
    ask = ("Read the question aloud and give the group time to think. Ask for a show of hands "
           "for each option before revealing the answer.")
    if question.type is QuestionType.MATCHING:
        question_spec = SlideSpec(
            role=COMPARISON, title=title,
            columns=(Column(heading="Match each of these", body=(prompt, *_bullets(
                [i.text for i in question.items]))),
                     Column(heading="to one of these", body=_lettered(
                         [t.text for t in question.targets]))),
            notes=(f"{question.prompt}\n\nAsk volunteers to match one item each and explain "
                   "why; let the group correct them before you reveal the answer."
                   "\n\nTiming: about 2 minutes."),
        )
        targets = {t.id: t.text for t in question.targets}
        answer: tuple[Block, ...] = (Table(header=((Run(text="Item"),), (Run(text="Matches"),)),
                        rows=tuple(((Run(text=i.text),), (Run(text=targets[i.match], bold=True),))
                                   for i in question.items)),)
        feedback = [f"{i.text}: {i.feedback}" for i in question.items if i.feedback]
    elif question.type is QuestionType.PREFERENCE:
        return [SlideSpec(
            role=CONTENT, title=title,
            body=(prompt, *_lettered([c.text for c in question.choices]),
                  _plain("There is no wrong answer: choose what fits you best.")),
            notes=(f"{question.prompt}\n\nThis question is about preferences: there is no wrong "
                   "answer. Ask two or three people which option they picked and why."
                   + _choice_feedback(question)
                   + (f"\n\n{plain_text(question.explanation)}" if question.explanation else "")
                   + "\n\nTiming: about 1 minute."),
        )]
    else:
        question_spec = SlideSpec(
            role=CONTENT, title=title,
            body=(prompt, *_lettered([c.text for c in question.choices]),
                  *((_plain("Choose all that apply."),)
                    if question.type is QuestionType.MULTIPLE
                    and "all that apply" not in question.prompt.lower() else ())),
            notes=f"{question.prompt}\n\n{ask}\n\nTiming: about 1 minute.",
        )
        correct = [f"{_letter(i)}. {c.text}" for i, c in enumerate(question.choices) if c.correct]
        answer = (_plain("Correct answer" + ("s:" if len(correct) > 1 else ":")),
                  *(Paragraph(runs=(Run(text=c, bold=True),), kind=BULLET) for c in correct))
        feedback = [f"{_letter(i)}. {c.text}: {c.feedback}"
                    for i, c in enumerate(question.choices) if c.feedback and not c.correct]
    explanation = parse_blocks(question.explanation) if question.explanation else ()
    answer_spec = SlideSpec(
        role=CONTENT, title=f"Answer {number} of {total}", body=(*answer, *explanation),
        notes=("Reveal the answer and ask someone who chose it to explain their reasoning."
               + (f"\n\n{plain_text(question.explanation)}" if question.explanation else "")
               + ("\n\nIf someone chose otherwise:\n" + "\n".join(f"- {f}" for f in feedback)
                  if feedback else "")
               + "\n\nTiming: about 1 minute."),
    )
    return [question_spec, answer_spec]


def _lettered(texts: list[str]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(runs=(Run(text=t),), kind=LETTER, number=i + 1)
                 for i, t in enumerate(texts))


def _choice_feedback(question: Question) -> str:
    lines = [f"- {_letter(i)}. {c.text}: {c.feedback}"
             for i, c in enumerate(question.choices) if c.feedback]
    return "\n\nWhat each choice says:\n" + "\n".join(lines) if lines else ""


def summary_slide(course: Course, module: Module) -> SlideSpec:
    """The module's closing slide: what was covered and what comes next."""
    index = course.modules.index(module)
    following = course.modules[index + 1] if index + 1 < len(course.modules) else None
    points = [o.text for o in module.lesson.objectives] or lesson_topics(module.lesson)
    return SlideSpec(
        role=CONTENT, title="Summary",
        body=(_plain("In this module you learned to:" if module.lesson.objectives
                     else "In this module we covered:"), *_bullets(points),
              *((_plain(f"Next: {following.title}"),) if following else ())),
        notes=("Recap each point in one sentence. Go back to the answers the group gave on the "
               "objectives slide and check they are covered.\n\nAsk: \"What is one thing "
               "you will use in your work this week?\""
               + (f"\n\nThen introduce the next module, '{following.title}'." if following
                  else "\n\nThank the group and close the session.")
               + "\n\nTiming: about 2 minutes."),
    )


def course_deck(course: Course,
                bodies: Sequence[list[SlideSpec]] | None = None) -> list[SlideSpec]:
    """The whole course: a title slide, the module agenda, each module after a section slide.

    ``bodies`` are the modules' :func:`module_body` when the caller has them already.
    """
    specs = [SlideSpec(
        role=TITLE, title=course.title,
        subtitle=(f"{len(course.modules)} modules · Estimated time: {_minutes(course.minutes)}",
                  *((course.author,) if course.author else ())),
        notes=(f"Welcome the group to '{course.title}'. Introduce yourself, then explain the "
               f"plan: {len(course.modules)} modules in about {_minutes(course.minutes)}."
               + (f"\n\n{course.description}" if course.description else "")
               + (f"\n\nAudience: {course.audience}" if course.audience else "")
               + "\n\nAsk each participant for their name and what they hope to take away."
               "\n\nTiming: about 5 minutes."),
    ), SlideSpec(
        role=CONTENT, title="Agenda",
        body=_bullets([f"{m.title} ({_minutes(m.lesson.minutes)})" for m in course.modules]),
        notes=("Walk through the modules and the timing. Agree on breaks, and point out "
               "that each module ends with a short check.\n\nTiming: about 2 minutes."),
    )]
    if bodies is None:
        bodies = [module_body(course, module) for module in course.modules]
    for module, body in zip(course.modules, bodies, strict=True):
        specs.append(module_opening(course, module, standalone=False))
        specs.extend(body)
    return specs
