"""Trainer slide decks: one .pptx per module and one for the whole course, in ``slides/``."""

from __future__ import annotations

import io
from pathlib import Path

from ...model import Course
from ..base import Builder, BuildOptions, Progress
from .pagination import Page, paginate
from .reference_deck import build_reference_deck
from .slide_specs import SlideSpec, course_deck, module_deck
from .writer import DeckWriter, load_template


def reference_template(course: Course, options: BuildOptions) -> bytes:
    """The reference deck's bytes: the trainer's template, or the default one for the course."""
    if options.pptx_template is not None:
        return load_template(options.pptx_template)
    buffer = io.BytesIO()
    build_reference_deck(course.brand_colour).save(buffer)
    return buffer.getvalue()


def write_deck(course: Course, template: bytes, options: BuildOptions, specs: list[SlideSpec],
               path: Path, *, title: str, subject: str) -> list[Page]:
    """Fit the specs into the template's layouts and save the deck; the pages written."""
    writer = DeckWriter(template, course, options.layout_names)
    pages = [page for spec in specs for page in paginate(spec, writer.boxes, writer.style)]
    for page in pages:
        writer.add(page)
    writer.save(path, title=title, subject=subject)
    return pages


class PptxBuilder(Builder):
    """Writes ``slides/<module-id>.pptx`` for every module and ``slides/<course-id>.pptx``."""

    name = "pptx"
    folder = "slides"
    description = "trainer slide decks with speaker notes"

    def build(self, staging: Path, progress: Progress) -> None:
        """Write every module's deck, then the course deck."""
        course = self.course
        template = reference_template(course, self.options)
        folder = staging / self.folder
        for module in course.modules:
            progress(f"slides/{module.id}.pptx")
            write_deck(course, template, self.options, module_deck(course, module),
                       folder / f"{module.id}.pptx", title=module.title, subject=course.title)
        progress(f"slides/{course.id}.pptx")
        write_deck(course, template, self.options, course_deck(course),
                   folder / f"{course.id}.pptx", title=course.title,
                   subject=course.description or course.title)
