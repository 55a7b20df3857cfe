"""The paper side of a course, as Word documents trainers edit: a facilitator guide and a
participant handout, in ``guide/``."""

from __future__ import annotations

from pathlib import Path

from ..base import Builder, Progress
from ..pptx.texts import speaking
from .facilitator import write_facilitator_guide
from .handout import write_handout


class GuideBuilder(Builder):
    """Writes ``guide/<course-id>-facilitator.docx`` and ``guide/<course-id>-handout.docx``."""

    name = "guide"
    folder = "guide"
    description = "facilitator guide and participant handout (Word)"

    def build(self, staging: Path, progress: Progress) -> None:
        """Write the guide, then the handout."""
        folder = staging / self.folder
        with speaking(self.course):
            guide = folder / f"{self.course.id}-facilitator.docx"
            progress(f"{self.folder}/{guide.name}")
            write_facilitator_guide(self.course, guide, self.options.answer_slides)
            handout = folder / f"{self.course.id}-handout.docx"
            progress(f"{self.folder}/{handout.name}")
            write_handout(self.course, handout)
