"""The facilitator guide: the agenda with times, then per module its objectives, materials,
what to do and say on each slide, the questions to ask, and the quizzes' answer keys."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject

from ...model import Course, Module, Quiz
from ...typography import typographic
from ..pptx.markdown_runs import Run, parse_blocks
from ..pptx.quiz_specs import answer_text, pool_of, tally_lead
from ..pptx.slide_specs import course_plan, module_body, module_opening, timed_module
from ..pptx.texts import clock, say
from ..pptx.timing import page_timings
from ..pptx.typography import typeset_blocks, typeset_inline, typeset_plain
from .docx_blocks import add_blocks, add_table, new_document, save, tally_rows
from .docx_body import body_of
from .outcome_texts import add_outcomes


def questions_to_ask(notes: str) -> list[str]:
    """The notes' lines that tell the trainer what to ask."""
    return [line.strip() for line in notes.splitlines() if line.strip().startswith("Ask")]


def write_facilitator_guide(course: Course, path: Path, answers: bool | None = None) -> None:
    """Write ``guide/<course-id>-facilitator.docx``."""
    document = new_document(course)
    document.add_heading(typographic(course.title, course.language), level=0)
    document.add_paragraph(say("guide.title")).runs[0].bold = True
    if course.description:
        add_blocks(document, typeset_blocks(parse_blocks(course.description), course.language))
    document.add_heading(say("guide.agenda"), level=1)
    add_table(document, [(say("agenda.start"), say("agenda.item"), say("agenda.minutes")),
                         *((clock(i.start * 60), typographic(i.title, course.language),
                            str(i.minutes))
                           for i in course_plan(course))])
    for number, module in enumerate(course.modules, start=1):
        _module(document, course, module, number, answers)
    save(document, course, path, title=f"{course.title}: {say('guide.title')}")


def _module(document: DocumentObject, course: Course, module: Module, number: int,
            answers: bool | None) -> None:
    language = course.language
    document.add_heading(say("guide.module", number=number,
                             title=typographic(module.title, language)), level=1)
    if module.lesson.objectives:
        document.add_heading(say("guide.objectives"), level=2)
        for objective in module.lesson.objectives:
            document.add_paragraph(typographic(objective.text, language), style="List Bullet")
    document.add_heading(say("guide.materials"), level=2)
    materials = say("guide.materials.list", deck=f"slides/{module.id}.pptx",
                    handout=f"guide/{course.id}-handout.docx")
    if module.quiz is not None:
        materials += " " + say("guide.materials.quiz",
                               quiz=typeset_plain(module.quiz.title, language))
    document.add_paragraph(materials)
    specs = timed_module(module, module_opening(course, module, standalone=True),
                         module_body(course, module, answers))
    document.add_heading(say("guide.slides"), level=2)
    asked: list[str] = []
    for spec, timing in zip(specs, page_timings([s.seconds for s in specs]), strict=True):
        # the guide prints a slide's title and notes, typeset as the deck's (not its body)
        notes = typographic(spec.notes, language)
        document.add_heading(typeset_plain(spec.title, language), level=3)
        for paragraph in notes.split("\n\n"):
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())
        body_of(document).add_paragraph(timing, italic=True)
        asked += questions_to_ask(notes)
    if asked:
        document.add_heading(say("guide.questions"), level=2)
        for question in dict.fromkeys(asked):
            document.add_paragraph(question, style="List Bullet")
    if module.quiz is not None:
        _answer_key(document, course, module.quiz)


def _answer_key(document: DocumentObject, course: Course, quiz: Quiz) -> None:
    """Every question's answer as the slides letter it, and the self-assessment tally."""
    language = course.language
    document.add_heading(say("guide.key", title=typeset_plain(quiz.title, language)), level=2)
    rows: list[tuple[str | tuple[Run, ...], ...]] = [(say("tally.question"), say("answer.item"),
                                    say("notes.question.answer", answer="").rstrip(": "))]
    for number, question in enumerate(quiz.questions, start=1):
        if not question.type.graded:
            continue
        pool = pool_of(quiz, question)
        shown = say("guide.pool", number=number, pool=pool.id) if pool else str(number)
        rows.append((shown, typeset_inline(question.prompt, language),
                     typeset_inline(answer_text(course, quiz, question), language)))
    if len(rows) > 1:
        add_table(document, rows)
    if quiz.preference_questions and course.outcomes:
        _tally(document, course, quiz)


def _tally(document: DocumentObject, course: Course, quiz: Quiz) -> None:
    document.add_heading(say("guide.tally"), level=2)
    document.add_paragraph(tally_lead(course))
    add_table(document, tally_rows(course, quiz))
    add_outcomes(document, course)



