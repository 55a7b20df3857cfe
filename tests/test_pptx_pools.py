"""A drawn quiz's deck and facilitator guide show the whole bank, each question marked by the
pool it is drawn from (the lesson asks a draw of it; the room and the trainer see them all)."""

from __future__ import annotations

from pathlib import Path

import docx
from pptx import Presentation

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.loading import load_checked

DRAWS = Path(__file__).parent / "roots" / "draws"


def test_every_question_of_a_pooled_quiz_is_in_the_deck_and_guide_marked_by_its_pool(
        tmp_path: Path) -> None:
    course = load_checked(DRAWS).course
    build(DRAWS, tmp_path, ["pptx", "guide"], BuildOptions(), lambda _: None)
    quiz = course.module("roles").quiz
    assert quiz is not None and quiz.pools
    pooled = {q: pool for pool in quiz.pools for q in pool.questions}
    deck = Presentation(str(tmp_path / "slides" / "roles.pptx"))
    texts = {slide.shapes.title.text if slide.shapes.title is not None else "":
             " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
             for slide in deck.slides}
    total = len(quiz.questions)
    for number, question in enumerate(quiz.questions, start=1):
        slide = texts[question.prompt]  # the whole bank: every question has its slide
        label = f"Question {number} of {total}"
        pool = pooled.get(question.id)
        if pool is None:
            assert label in slide and " · pool " not in slide
        else:
            assert (f"{label} · pool {pool.id}: {pool.draw} of its {len(pool.questions)} "
                    "drawn per attempt") in slide
    assert any("Each attempt draws from the pools marked on the questions" in text
               for text in texts.values())
    guide = docx.Document(str(next((tmp_path / "guide").glob("*-facilitator.docx"))))
    cells = [cell.text for table in guide.tables for row in table.rows for cell in row.cells]
    graded = [(n, q) for n, q in enumerate(quiz.questions, start=1) if q.type.graded]
    for number, question in graded:
        pool = pooled.get(question.id)
        assert (f"{number} (pool {pool.id})" if pool else str(number)) in cells
