"""The outcomes as both guides set them: title, summary in bold, then the guidance, the
author's Markdown parsed into runs and typeset (code and links as written)."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from ...model import Course
from ...typography import typographic
from ..pptx.markdown_runs import parse_blocks
from ..pptx.typography import typeset_blocks, typeset_inline
from .docx_blocks import add_blocks, add_runs


def add_outcomes(document: DocumentObject, course: Course) -> None:
    """Each outcome's heading, bold summary and guidance."""
    language = course.language
    for outcome in course.outcomes:
        document.add_heading(typographic(outcome.title, language), level=3)
        add_runs(document.add_paragraph(), typeset_inline(outcome.summary, language), bold=True)
        add_blocks(document, typeset_blocks(parse_blocks(outcome.guidance), language))
