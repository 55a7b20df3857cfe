"""The participant handout: each slide's key points with room for notes, the tables, and
the self-assessment with its tally."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject

from ...model import Course, Quiz
from ...typography import typographic
from ..pptx.markdown_runs import parse_blocks
from ..pptx.quiz_specs import letter, shown_choices, tally_lead
from ..pptx.texts import say
from ..pptx.typography import typeset_blocks, typeset_inline, typeset_plain
from .docx_blocks import add_blocks, add_runs, add_table, new_document, note_lines, save, tally_rows
from .outcome_texts import add_outcomes


def write_handout(course: Course, path: Path) -> None:
    """Write ``guide/<course-id>-handout.docx``."""
    document = new_document(course)
    language = course.language
    document.add_heading(typographic(course.title, language), level=0)
    document.add_paragraph(say("guide.handout")).runs[0].bold = True
    for number, module in enumerate(course.modules, start=1):
        document.add_heading(say("guide.module", number=number,
                                 title=typographic(module.title, language)), level=1)
        if module.lesson.objectives:
            document.add_paragraph(say("objectives.lead"))
            for objective in module.lesson.objectives:
                document.add_paragraph(typographic(objective.text, language), style="List Bullet")
        for slide in module.lesson.slides:
            document.add_heading(typeset_plain(slide.title, course.language), level=2)
            add_blocks(document, typeset_blocks(parse_blocks(slide.body), course.language))
            note_lines(document, say("guide.notes.space"))
        if module.quiz is not None and module.quiz.preference_questions and course.outcomes:
            _self_assessment(document, course, module.quiz)
    save(document, course, path, title=f"{course.title}: {say('guide.handout')}")


def _self_assessment(document: DocumentObject, course: Course, quiz: Quiz) -> None:
    """The preference questions with their lettered options, then the tally to fill in."""
    document.add_heading(say("tally.title"), level=2)
    for question in quiz.preference_questions:
        number = quiz.questions.index(question) + 1
        add_runs(document.add_paragraph(),
                 typeset_inline(f"{number}. {question.prompt}", course.language), bold=True)
        for index, choice in enumerate(shown_choices(course, quiz, question)):
            add_runs(document.add_paragraph(),
                     typeset_inline(f"{letter(index)}. {choice.text}", course.language))
    document.add_paragraph(tally_lead(course))
    add_table(document, tally_rows(course, quiz))
    add_outcomes(document, course)
