"""Writing fitted pages into a copy of the reference deck, and saving it byte for byte the same."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part
from pptx.oxml.slide import CT_Slide
from pptx.slide import Slide, SlideLayout

from ...model import Course
from ...packaging import write_zip
from .deck_properties import set_properties
from .drawingml import right_to_left
from .furniture import (
    Numbers,
    NumberShapes,
    add_sections,
    add_slide_number,
    footer_placeholders,
    is_right_to_left,
)
from .layouts import find_layouts
from .markdown_runs import Paragraph, Picture, Run
from .package_members import package_members
from .pagination import Page
from .partnames import PartNames
from .slide_content import PlacedPicture, SlideContent
from .slide_parts import SlideParts, placeholder_shapes
from .slide_reuse import SlideCopy, last_shape_id, numbered, parsed_slide, relink, spliced_copy
from .slide_shapes import add_picture, remove_empty_placeholders
from .slide_specs_base import COMPARISON, CONTENT, SECTION, TITLE, TITLE_ONLY
from .slide_text import SlideText
from .template_files import open_deck
from .texts import say
from .theme_measures import DeckTemplate, deck_boxes, master_body_style, measures, text_style

# what tests and callers have always found here
__all__ = ["DeckTemplate", "DeckWriter", "deck_boxes", "measures", "text_style"]


class DeckWriter:
    """Adds pages to one deck and saves it.

    ``shared`` is given to the writers of decks from the same template and mapping.
    """

    def __init__(self, template: bytes, course: Course,
                 mapping: Sequence[tuple[str, str]] = (), shared: DeckTemplate | None = None,
                 footer: str = "") -> None:
        self.prs = open_deck(template)
        self.course = course
        self.footer = footer
        self.sections: list[tuple[str, int]] = []  # (name, id of the slide it starts at)
        self.right_to_left = is_right_to_left(course.language)
        self.layouts = find_layouts(self.prs, mapping)
        self.shared = DeckTemplate() if shared is None else shared
        if self.shared.measures is None:
            self.shared.measures = measures(self.layouts, course.language)
        self.style, self.boxes = self.shared.measures.style, self.shared.measures.boxes
        self.content = SlideContent(self.shared.measures,
                                    master_body_style(self.layouts[CONTENT].slide_master),
                                    course.root)
        PartNames(self.prs.part.package)
        self.parts = SlideParts(self.prs, self.shared.prototypes)

    def add(self, page: Page, timing: str = "") -> None:
        """One slide for one page, with its notes (ending in ``timing``), written."""
        spec = page.spec
        layout = self.layouts[page.role]
        key = str(layout.part.partname)
        if key not in self.shared.numbers:
            self.shared.numbers[key] = footer_placeholders(layout, self.footer,
                                                           self.course.language)
        kept = self.shared.written.get(page)
        part = None if kept is None else self._copied(kept, layout)
        if part is None:
            part = self._laid_out(page, layout, kept, self.shared.numbers[key])
        if spec.section and not page.continued:
            self.sections.append((spec.section, int(self.prs.slides._sldIdLst[-1].id)))
        notes = [spec.notes]
        if page.continued:
            notes.insert(0, say("notes.continues", title=spec.title))
        elif page.title != spec.title:
            notes.insert(0, say("notes.title.full", title=spec.title))
        if page.subtitle != spec.subtitle:
            notes.insert(0, say("notes.subtitle.full", subtitle=" / ".join(spec.subtitle)))
        self.parts.set_notes(part, "\n\n".join(n for n in (*notes, timing) if n),
                             self.course.language, self.right_to_left)
        self.parts.finish(part)

    def _copied(self, kept: SlideCopy, layout: SlideLayout) -> Part | None:
        """A slide written before, as bytes with its number spliced in (not right to left)."""
        if self.right_to_left:
            return None
        return spliced_copy(self.parts, kept, layout, self._number_shapes(layout),
                            self.shared.spliced)

    def _laid_out(self, page: Page, layout: SlideLayout, kept: SlideCopy | None,
                  numbers: Numbers) -> Part:
        """A slide laid out anew as text, or as a tree: a copy of the one ``kept`` (right to
        left, or its number not spliced), or one with pictures, which python-pptx adds."""
        element = None if kept is None else kept.element()
        if kept is not None and element is not None:
            slide = self.parts.add_slide(layout, element)
            relink(slide.part, kept)
            return self._numbered(slide, numbers)
        with_pictures = page.role in (CONTENT, TITLE_ONLY) and any(
            isinstance(block, Picture) for block in page.body)
        tree = with_pictures or self.right_to_left
        part = self.parts.new_slide(layout, tree=tree)
        text = SlideText(self.parts.frame(layout), part, self.course.language,
                         self.style.mono_family)
        pictures = self._fill(text, page)
        xml, tail, last_id = text.xml(keep_empty=with_pictures)
        if not tree:
            content = SlideCopy(page, xml + tail, last_id, ())
            if self.shared.keep_slides:
                self.shared.written.keep(page, part, content.xml, last_id)
            part.blob = numbered(content, str(layout.part.partname), self.parts.count,
                                 self._number_shapes(layout), self.shared.spliced) \
                or serialize_part_xml(self._numbered_tree(parsed_slide(content.xml), numbers))
            return part
        slide = self.parts.set_element(part, parsed_slide(xml + tail))
        if pictures:
            for path, alt, box in pictures:
                add_picture(slide, path, alt, box)
            remove_empty_placeholders(slide.shapes._spTree,
                                      placeholder_shapes(slide.shapes._spTree))
        if self.shared.keep_slides:
            self.shared.written.keep(page, part, serialize_part_xml(slide.element),
                                     last_shape_id(slide.element))
        return self._numbered(slide, numbers)

    def _number_shapes(self, layout: SlideLayout) -> NumberShapes:
        """The layout's slide-number shapes as text, made once for every deck."""
        key = str(layout.part.partname)
        shapes = self.shared.number_shapes.get(key)
        if shapes is None:
            shapes = self.shared.number_shapes[key] = NumberShapes(
                self.shared.numbers[key], self.parts.slide_nsmap(layout))
        return shapes

    def _numbered_tree(self, element: CT_Slide, numbers: Numbers) -> CT_Slide:
        """A slide's tree with its number (footer, date) and, right to left, its direction."""
        add_slide_number(element.cSld.spTree, numbers, self.parts.count)
        if self.right_to_left:
            right_to_left(element)
        return element

    def _numbered(self, slide: Slide, numbers: Numbers) -> Part:
        """A slide's part, its tree numbered (and turned right to left when the course is)."""
        self._numbered_tree(slide.element, numbers)
        return slide.part

    def _fill(self, text: SlideText, page: Page) -> list[PlacedPicture]:
        """The page's title and content written into a slide's text; the pictures it holds,
        placed, for python-pptx to add."""
        title = text.frame.by_idx.get(0)
        if title is not None:
            body = text.body()
            body.lines(page.title, page.title_size)
            text.fill(title, body)
        if page.role in (TITLE, SECTION):
            self._subtitle(text, page)
        elif page.role in (CONTENT, TITLE_ONLY):
            return self.content.write(text, page)
        elif page.role == COMPARISON:
            self.content.columns(text, page)
        return []

    def _subtitle(self, text: SlideText, page: Page) -> None:
        """The subtitle's lines, set as pagination fitted them."""
        frame = text.frame
        position = next((position for position in frame.by_idx.values()
                         if frame.types[position] not in ("title", "ctrTitle")), None)
        if position is None or not page.subtitle:
            return
        paragraphs = [Paragraph(runs=(Run(text=line),)) for line in page.subtitle]
        body = text.body()
        text.fill(position, body, self.content.paragraphs(body, paragraphs, page.subtitle_size,
                                                          True))

    def save(self, path: Path, *, title: str, subject: str) -> None:
        """Core properties from the course, fixed times, then a deterministic zip."""
        set_properties(self.prs, self.course, title=title, subject=subject)
        if len(self.sections) > 1:
            add_sections(self.prs, self.sections, self.course.id)
        write_zip(path, package_members(self.prs))
