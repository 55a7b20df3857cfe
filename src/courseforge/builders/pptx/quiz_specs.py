"""Quiz sections a room can do: question slides, answer slides, the self-assessment tally.

Options are shown in a fixed shuffle per course and question (when the quiz shuffles
choices), so every build is the same and the correct option moves around. The same
order feeds the answer key and the tally of the facilitator guide and the handout.
"""

from __future__ import annotations

import string

from ...grading import shuffled
from ...model import Choice, Course, MatchTarget, Pool, Question, QuestionType, Quiz
from .markdown_runs import (
    BULLET,
    LETTER,
    NUMBER,
    Block,
    Paragraph,
    Run,
    Table,
    parse_blocks,
)
from .plain_text import plain_text
from .slide_specs_base import COMPARISON, CONTENT, SECTION, Column, SlideSpec, bullets, plain
from .texts import say, say_count, say_percent

# nominal minutes (weights of the module's budget)
SECTION_WEIGHT, QUESTION_WEIGHT, MATCHING_WEIGHT, ANSWER_WEIGHT = 0.5, 1.0, 2.0, 0.5
PREFERENCE_WEIGHT, TALLY_WEIGHT, OUTCOME_WEIGHT = 0.5, 2.0, 1.0


def letter(index: int) -> str:
    """The letter of the option at ``index`` (A, B, ...)."""
    return string.ascii_uppercase[index % 26]


def shown_choices(course: Course, quiz: Quiz, question: Question) -> tuple[Choice, ...]:
    """A question's choices in the order the decks show them."""
    if not quiz.settings.shuffle_choices or question.type is QuestionType.TRUE_FALSE:
        return question.choices
    return tuple(shuffled(question.choices, f"{course.id}:{question.id}"))


def shown_targets(course: Course, quiz: Quiz, question: Question) -> tuple[MatchTarget, ...]:
    """A matching question's targets in the order the decks show them (lettered)."""
    if not quiz.settings.shuffle_choices:
        return question.targets
    return tuple(shuffled(question.targets, f"{course.id}:{question.id}"))


def answer_text(course: Course, quiz: Quiz, question: Question) -> str:
    """The answer as a room calls it out: 'B. Track dates', or '1-B, 2-A' for matching."""
    if question.type is QuestionType.MATCHING:
        letters = {t.id: letter(i) for i, t in enumerate(shown_targets(course, quiz, question))}
        return ", ".join(f"{n}-{letters[item.match]}"
                         for n, item in enumerate(question.items, start=1))
    return "; ".join(f"{letter(i)}. {c.text}"
                     for i, c in enumerate(shown_choices(course, quiz, question)) if c.correct)


def shows_answers(quiz: Quiz, forced: bool | None = None) -> bool:
    """Whether answer slides are shown: not for a quiz that counts or hides its answers,
    unless ``forced`` says otherwise."""
    if forced is not None:
        return forced
    return quiz.settings.reveal_answers and not quiz.settings.counts


def _points(weight: float) -> str:
    return f"{weight:g}"


def tally(course: Course, quiz: Quiz) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The self-assessment on paper: header (question, then each outcome) and one row per
    preference question: which letters count for each outcome (points when not 1)."""
    outcomes = list(course.outcomes)
    header = (say("tally.question"), *(o.title for o in outcomes))
    rows = []
    numbers = {q.id: n for n, q in enumerate(quiz.questions, start=1)}
    for question in quiz.preference_questions:
        cells = []
        choices = shown_choices(course, quiz, question)
        for outcome in outcomes:
            marks = []
            for index, choice in enumerate(choices):
                weight = dict(choice.weights).get(outcome.id, 0.0)
                if weight > 0:
                    marks.append(letter(index) if weight == 1 else
                                 say("tally.points", letter=letter(index),
                                     points=_points(weight)))
            cells.append(", ".join(marks) or "–")
        rows.append((str(numbers[question.id]), *cells))
    return header, rows


def tally_lead(course: Course) -> str:
    """How to count the tally, with the course's too-close-to-call rule (docs/grading.md)."""
    return say("tally.lead", share=say_percent(round(course.close_call_margin * 100, 1)))


def quiz_slides(course: Course, quiz: Quiz, forced: bool | None = None) -> list[SlideSpec]:
    """A section slide that opens the quiz, its questions (and answers), then the tally."""
    answers = shows_answers(quiz, forced)
    subtitle = [quiz.intro] if quiz.intro else []
    subtitle.append(say_count("questions", len(quiz.questions)))
    if quiz.draw:  # the deck shows the whole bank; the lesson asks a draw of it
        subtitle.append(say("quiz.draws", draw=quiz.draw, total=len(quiz.questions)))
    elif quiz.pools:
        subtitle.append(say("quiz.pools"))
    notes = [say("notes.quiz.practice") if answers else
             say("notes.quiz.hidden") if quiz.settings.counts else say("notes.quiz.nokey")]
    if quiz.preference_questions:
        notes.append(say_count("notes.quiz.preferences", len(quiz.preference_questions)))
    specs = [SlideSpec(role=SECTION, title=quiz.title, subtitle=tuple(subtitle),
                       notes="\n\n".join(notes), weight=SECTION_WEIGHT)]
    total = len(quiz.questions)
    for number, question in enumerate(quiz.questions, start=1):
        specs.extend(question_slides(course, quiz, question, number, total, answers=answers))
    if quiz.preference_questions and course.outcomes:
        specs.extend(self_assessment_slides(course, quiz))
    return specs


def pool_of(quiz: Quiz, question: Question) -> Pool | None:
    """The pool a question is drawn from, or None when every attempt asks it."""
    return next((pool for pool in quiz.pools if question.id in pool.questions), None)


def question_label(quiz: Quiz, question: Question, number: int, total: int) -> str:
    """"Question 3 of 25", and the pool it is drawn from when it has one."""
    label = say("question.label", number=number, total=total)
    pool = pool_of(quiz, question)
    if pool is None:
        return label
    return say("question.pool", label=label, pool=pool.id, draw=pool.draw,
               size=len(pool.questions))


def question_slides(course: Course, quiz: Quiz, question: Question, number: int, total: int,
                    *, answers: bool = True) -> list[SlideSpec]:
    """The question slide (the question as its title) and, when shown, the answer slide."""
    label = Paragraph(runs=(Run(text=question_label(quiz, question, number, total),
                                italic=True),))
    explanation = plain_text(question.explanation) if question.explanation else ""
    if question.type is QuestionType.PREFERENCE:
        choices = shown_choices(course, quiz, question)
        titles = {o.id: o.title for o in course.outcomes}
        points = "; ".join(
            f"{letter(i)} → " + ", ".join(f"{titles.get(o, o)} ({_points(w)})"
                                          for o, w in c.weights if w > 0)
            for i, c in enumerate(choices))
        return [SlideSpec(
            role=CONTENT, title=question.prompt,
            body=(label, *_lettered([c.text for c in choices]), plain(say("no.wrong.answer"))),
            notes=_join(say("notes.preference.ask"), say("notes.preference.points",
                                                          points=points), explanation),
            weight=PREFERENCE_WEIGHT)]
    key = say("notes.question.answer", answer=answer_text(course, quiz, question))
    why = say("notes.question.why", explanation=explanation) if explanation else ""
    if question.type is QuestionType.MATCHING:
        targets = shown_targets(course, quiz, question)
        spec = SlideSpec(
            role=COMPARISON, title=question.prompt,
            columns=(Column(heading=say("match.items"), body=(label, *_numbered(
                [i.text for i in question.items]))),
                     Column(heading=say("match.targets"),
                            body=_lettered([t.text for t in targets]))),
            notes=_join(say("notes.matching.ask"), key, why), weight=MATCHING_WEIGHT)
    else:
        choices = shown_choices(course, quiz, question)
        spec = SlideSpec(
            role=CONTENT, title=question.prompt,
            body=(label, *_lettered([c.text for c in choices]),
                  *((plain(say("choose.all")),) if question.type is QuestionType.MULTIPLE
                    and "all that apply" not in question.prompt.lower() else ())),
            notes=_join(say("notes.question.ask"), key, why, _wrong_choices(choices)),
            weight=QUESTION_WEIGHT)
    if not answers:
        return [spec]
    return [spec, answer_slide(course, quiz, question, number, total)]


def answer_slide(course: Course, quiz: Quiz, question: Question, number: int,
                 total: int) -> SlideSpec:
    """The question again with every option: ✓ and bold for the correct ones, and why
    each wrong one is wrong, in a line below it."""
    label = Paragraph(runs=(Run(text=say("answer.label", number=number, total=total),
                                italic=True),))
    body: list[Block] = [label]
    if question.type is QuestionType.MATCHING:
        targets = shown_targets(course, quiz, question)
        letters = {t.id: (letter(i), t.text) for i, t in enumerate(targets)}
        body.append(Table(
            header=((Run(text=say("answer.item")),), (Run(text=say("answer.matches")),)),
            rows=tuple(((Run(text=f"{n}. {item.text}"),),
                        (Run(text=f"{letters[item.match][0]}. {letters[item.match][1]}",
                             bold=True),))
                       for n, item in enumerate(question.items, start=1))))
        feedback = [f"{n}. {i.text}: {i.feedback}"
                    for n, i in enumerate(question.items, start=1) if i.feedback]
    else:
        feedback = []
        for index, choice in enumerate(shown_choices(course, quiz, question)):
            if choice.correct:
                body.append(Paragraph(runs=(Run(text=say(
                    "answer.correct", letter=letter(index), text=choice.text), bold=True),)))
            else:
                body.append(Paragraph(runs=(Run(text=say(
                    "answer.wrong", letter=letter(index), text=choice.text)),)))
                if choice.feedback:
                    body.append(Paragraph(runs=(Run(text=choice.feedback, italic=True),),
                                          level=1, kind=BULLET))
    explanation = plain_text(question.explanation) if question.explanation else ""
    body.extend(parse_blocks(question.explanation) if question.explanation else ())
    return SlideSpec(
        role=CONTENT, title=question.prompt, body=tuple(body),
        notes=_join(say("notes.answer"), explanation, "\n".join(f"- {f}" for f in feedback)),
        weight=ANSWER_WEIGHT)


def self_assessment_slides(course: Course, quiz: Quiz) -> list[SlideSpec]:
    """The tally slide, then one slide per outcome: title, summary and guidance."""
    header, rows = tally(course, quiz)
    specs = [SlideSpec(
        role=CONTENT, title=say("tally.title"),
        body=(plain(tally_lead(course)),
              Table(header=tuple((Run(text=h),) for h in header),
                    rows=tuple(tuple((Run(text=c),) for c in row) for row in rows))),
        notes=say("notes.tally"), weight=TALLY_WEIGHT)]
    for outcome in course.outcomes:
        specs.append(SlideSpec(
            role=CONTENT, title=outcome.title,
            body=(plain(outcome.summary, bold=True), *bullets([outcome.guidance])),
            notes=say("notes.outcome"), weight=OUTCOME_WEIGHT))
    return specs


def _wrong_choices(choices: tuple[Choice, ...]) -> str:
    return "\n".join(f"- {letter(i)}. {c.text}: {c.feedback}"
                     for i, c in enumerate(choices) if c.feedback and not c.correct)


def _join(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)


def _lettered(texts: list[str]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(runs=(Run(text=t),), kind=LETTER, number=i + 1)
                 for i, t in enumerate(texts))


def _numbered(texts: list[str]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(runs=(Run(text=t),), kind=NUMBER, number=i + 1)
                 for i, t in enumerate(texts))
