"""Trainer slide decks: one .pptx per module and one for the whole course, in ``slides/``."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...model import Course
from ..base import Builder, BuildOptions, Progress
from .furniture import is_right_to_left
from .pagination import Boxes, Page, TextStyle, paginate
from .reference_deck import build_reference_deck
from .slide_reuse import SlideCopy
from .slide_specs import SlideSpec, course_deck, module_body, module_opening, timed_module
from .template_files import load_template
from .text_fit import unmeasured
from .texts import speaking
from .theme_measures import DeckTemplate
from .timing import page_timings, split_seconds
from .typography import typeset
from .writer import DeckWriter

# A module's slides appear in its own deck and in the course's: each is fitted once.
Fitted = dict[tuple[SlideSpec, Boxes, TextStyle], list[Page]]
# and typeset once: spec as timed -> spec with typographic punctuation
Typeset = dict[SlideSpec, SlideSpec]


def reference_template(course: Course, options: BuildOptions) -> bytes:
    """The reference deck's bytes: the trainer's template, or the default one for the course."""
    if options.pptx_template is not None:
        return load_template(options.pptx_template)
    buffer = io.BytesIO()
    build_reference_deck(course.brand_colour, is_right_to_left(course.language)).save(buffer)
    return buffer.getvalue()


def write_deck(course: Course, template: bytes, options: BuildOptions, specs: list[SlideSpec],
               path: Path, *, title: str, subject: str, fitted: Fitted | None = None,
               shared: DeckTemplate | None = None, typeset_specs: Typeset | None = None,
               more: Callable[[SlideSpec], bool] | None = None) -> list[Page]:
    """Fit the specs into the template's layouts and save the deck; the pages written.

    ``fitted`` keeps pages fitted for earlier decks, ``typeset_specs`` specs typeset for
    them, and ``shared`` what the template's earlier decks worked out, to reuse them.
    ``more`` adds what decks written elsewhere hand on when a spec is not found yet (False
    when nothing more that would hold it is coming). Each slide is written as soon as its spec is
    fitted: its notes' timing runs on the clock of the pages before it.
    """
    writer = DeckWriter(template, course, options.layout_names, shared, options.footer)
    fitted = {} if fitted is None else fitted
    typeset_specs = {} if typeset_specs is None else typeset_specs
    pages: list[Page] = []
    clock_at = 0.0
    for timed in specs:
        spec, spec_pages = _fitted(timed, writer, fitted, typeset_specs, course.language, more)
        lengths = split_seconds(spec.seconds, len(spec_pages))
        for page, timing in zip(spec_pages, page_timings(lengths, clock_at), strict=True):
            writer.add(page, timing)
        for length in lengths:  # the additions page_timings' running clock makes
            clock_at += length
        pages.extend(spec_pages)
    writer.save(path, title=title, subject=subject)
    return pages


def _fitted(timed: SlideSpec, writer: DeckWriter, fitted: Fitted, typeset_specs: Typeset,
            language: str, more: Callable[[SlideSpec], bool] | None
            ) -> tuple[SlideSpec, list[Page]]:
    """A timed spec typeset and its pages: found (a spec hashes all its text: each lookup
    once), handed on by ``more``, or made now."""
    while True:
        spec = typeset_specs.get(timed)
        spec_pages = None if spec is None else fitted.get((spec, writer.boxes, writer.style))
        if spec is not None and spec_pages is not None:
            return spec, spec_pages
        if more is None or not more(timed):
            break
    if spec is None:
        spec = typeset_specs[timed] = typeset(timed, language)
    spec_pages = fitted[spec, writer.boxes, writer.style] = paginate(spec, writer.boxes,
                                                                     writer.style)
    return spec, spec_pages


class PptxBuilder(Builder):
    """Writes ``slides/<module-id>.pptx`` for every module and ``slides/<course-id>.pptx``."""

    name = "pptx"
    folder = "slides"
    description = "trainer slide decks with speaker notes"
    splits_work = True

    def build(self, staging: Path, progress: Progress) -> None:
        """Write every module's deck, then the course deck (in parallel with ``jobs`` > 1).

        In parallel, workers write the module decks in runs and hand their pages and slides
        back; the course deck is written here meanwhile from them, as one process writing
        every deck would (it would otherwise lay out every slide again): see
        :mod:`.parallel_decks`.
        """
        course = self.course
        template = reference_template(course, self.options)
        folder = staging / self.folder
        modules = [m.id for m in course.modules]
        told: set[str] = set()

        def tell(messages: list[str]) -> None:
            for message in messages:
                if message not in told:  # every process notes the same missing fonts
                    told.add(message)
                    progress(message)

        if self.options.jobs <= 1 or len(modules) < 2:
            tell(write_decks(course, template, self.options, folder, [*modules, None]))
            return
        from .parallel_decks import write_in_parallel

        write_in_parallel(course, template, self.options, folder, tell)


@dataclass(frozen=True, slots=True)
class WrittenModules:
    """What module decks written in another process hand to the course deck: their pages,
    typeset specs and kept slides, pickled together so that each slide still refers to
    the very page it was kept for."""

    fitted: Fitted
    typeset_specs: Typeset
    slides: tuple[SlideCopy, ...]


def write_decks(course: Course, template: bytes, options: BuildOptions, folder: Path,
                decks: list[str | None]) -> list[str]:
    """Write the named module decks (None: the course deck); what to tell: the file names
    written, and a note when the theme's fonts cannot be measured here."""
    with speaking(course):
        return write_deck_set(course, template, options, folder, decks)[0]


def write_module_decks(course: Course, template: bytes, options: BuildOptions, folder: Path,
                       decks: list[str]) -> tuple[list[str], WrittenModules]:
    """Write the named module decks; what to tell, and what the course deck reuses."""
    with speaking(course):
        told, handed = write_deck_set(course, template, options, folder, decks, hand_on=True)
    assert handed is not None
    return told, handed


def write_deck_set(course: Course, template: bytes, options: BuildOptions, folder: Path,
                   decks: Sequence[str | None],
                   handed: Callable[[SlideSpec], WrittenModules | None] | None = None,
                   hand_on: bool = False, bodies: dict[str, list[SlideSpec]] | None = None
                   ) -> tuple[list[str], WrittenModules | None]:
    """The decks written; ``handed`` gives what module decks written elsewhere hand on that
    may hold a spec not found yet (None when none would); ``hand_on``: what these hand on;
    ``bodies``: the modules' bodies, when the caller made them already."""
    fitted: Fitted = {}
    typeset_specs: Typeset = {}
    shared = DeckTemplate()

    def more(timed: SlideSpec) -> bool:
        earlier = None if handed is None else handed(timed)
        if earlier is None:
            return False
        fitted.update(earlier.fitted)
        typeset_specs.update(earlier.typeset_specs)
        for kept in earlier.slides:
            shared.written.add(kept)
        return True

    wanted = set(decks) if None not in decks else {m.id for m in course.modules}
    if bodies is None:
        bodies = {module.id: module_body(course, module, options.answer_slides)
                  for module in course.modules if module.id in wanted}
    written = []
    for number, deck in enumerate(decks):
        # the course deck repeats the module decks' slides: keep them when it comes later
        shared.keep_slides = hand_on or None in decks[number + 1:]
        if deck is None:
            written.append(f"slides/{course.id}.pptx")
            write_deck(course, template, options, course_deck(course, list(bodies.values())),
                       folder / f"{course.id}.pptx", title=course.title,
                       subject=course.description or course.title, fitted=fitted,
                       shared=shared, typeset_specs=typeset_specs, more=more)
            continue
        module = next(m for m in course.modules if m.id == deck)
        written.append(f"slides/{module.id}.pptx")
        specs = timed_module(module, module_opening(course, module, standalone=True),
                             bodies[module.id])
        write_deck(course, template, options, specs, folder / f"{module.id}.pptx",
                   title=module.title, subject=course.title, fitted=fitted, shared=shared,
                   typeset_specs=typeset_specs)
    if shared.measures is not None:
        style = shared.measures.style
        missing = unmeasured((style.body_family, style.title_family))
        if missing:
            written.append(
                "note: no font file for " + " or ".join(f"'{f}'" for f in missing) +
                " (nor a metric-compatible one) here: slide text is fitted by estimate; "
                "install the theme's fonts (for Calibri, Debian's fonts-crosextra-carlito) "
                "for exact fitting")
    if not hand_on:
        return written, None
    return written, WrittenModules(fitted, typeset_specs, shared.written.copies())
