"""New slides and notes slides cloned from one prototype each, byte for byte what python-pptx makes.

python-pptx builds every new slide placeholder by placeholder from its layout (and every
notes slide from the notes master), looks shapes up with XPath, and searches all of the
presentation's relationships and slide ids for each slide added, which is quadratic in the
number of slides. Here each layout's blank slide and the blank notes slide are made once by
python-pptx itself, then deep-copied; relationship and slide ids come from counters.
"""

from __future__ import annotations

import copy

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part, XmlPart, _Relationship
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.slide import NotesMasterPart, NotesSlidePart, SlidePart
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import NotesSlide, Slide, SlideLayout

from . import drawingml
from .drawingml import PH_PATH, P
from .notes_text import NotesText
from .slide_text import SlideFrame

_SP_TREE = f"{{{P}}}cSld/{{{P}}}spTree"
MIN_SLIDE_ID = 256  # python-pptx's first slide id
_SLD_ID = f"{{{P}}}sldId"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class Prototypes:
    """Blank slides by layout part name, and the blank notes slide with its notes position.

    Decks opened from the same reference deck share them.
    """

    def __init__(self) -> None:
        self.slides: dict[str, CT_Slide] = {}
        self.notes: tuple[CT_NotesSlide, int | None] | None = None
        self.notes_texts: dict[tuple[str, bool], NotesText | None] = {}
        self.frames: dict[str, SlideFrame] = {}  # the blank slides as text, by layout


class SlideParts:
    """Adds slides (with their layout's placeholders) and notes slides to one presentation."""

    def __init__(self, prs: PresentationObject, prototypes: Prototypes | None = None) -> None:
        self._prs = prs
        self._package = prs.part.package
        self._id_list = prs.slides._sldIdLst
        self._count = len(self._id_list)
        self._next_id = max([MIN_SLIDE_ID - 1, *(int(s.id) for s in self._id_list)]) + 1
        self._prototypes = Prototypes() if prototypes is None else prototypes
        self._notes_master: NotesMasterPart | None = None
        self._notes: dict[Part, _NotesPart] = {}  # written as trees, not yet finished

    @property
    def count(self) -> int:
        """How many slides the presentation has."""
        return self._count

    def add_slide(self, layout: SlideLayout, element: CT_Slide | None = None) -> Slide:
        """A new slide at the end, holding the layout's placeholders as python-pptx clones them
        (or ``element``, a new copy of a slide of that layout written before, taken as is)."""
        part = _SlidePart(self._next_partname(), CT.PML_SLIDE, self._package,
                          copy.deepcopy(self._prototype(layout)) if element is None else element)
        self._relate_slide(layout, part)
        return part.slide

    def new_slide(self, layout: SlideLayout, *, tree: bool) -> Part:
        """A new slide at the end whose content is still to come: its ``blob``, or (``tree``)
        its element, given with :meth:`set_element`."""
        if not tree:
            return self.add_written_slide(layout, b"")
        # the part comes first: its links are related while its text is written
        part = _SlidePart(self._next_partname(), CT.PML_SLIDE, self._package,
                          None)  # type: ignore[arg-type] # set_element gives it
        self._relate_slide(layout, part)
        return part

    @staticmethod
    def set_element(part: Part, element: CT_Slide) -> Slide:
        """The element of a slide part :meth:`new_slide` made as a tree; its slide."""
        assert isinstance(part, _SlidePart) and part._element is None
        part._element = element
        return part.slide

    def frame(self, layout: SlideLayout) -> SlideFrame:
        """The layout's blank slide as text."""
        key = str(layout.part.partname)
        frame = self._prototypes.frames.get(key)
        if frame is None:
            frame = self._prototypes.frames[key] = SlideFrame(self._prototype(layout))
        return frame

    def add_written_slide(self, layout: SlideLayout, blob: bytes) -> Part:
        """A new slide at the end whose XML is ``blob``, complete; its part."""
        part = Part(self._next_partname(), CT.PML_SLIDE, self._package, blob)
        self._relate_slide(layout, part)
        return part

    def slide_nsmap(self, layout: SlideLayout) -> dict[str | None, str]:
        """The namespaces a new slide of ``layout`` declares."""
        return dict(self._prototype(layout).nsmap)

    def _next_partname(self) -> PackURI:
        self._count += 1
        return PackURI(f"/ppt/slides/slide{self._count}.xml")

    def _relate_slide(self, layout: SlideLayout, part: Part) -> None:
        # a new part cannot be related yet: skip python-pptx's search of every relationship
        relate_new(part, RT.SLIDE_LAYOUT, layout.part)
        self._add_slide_id(relate_new(self._prs.part, RT.SLIDE, part))

    def _add_slide_id(self, r_id: str) -> None:
        """A ``p:sldId`` at the end of the slide list, as python-pptx's ``_add_sldId`` writes
        it, without its validating attribute descriptors."""
        sld_id = etree.SubElement(self._id_list, _SLD_ID)
        sld_id.set("id", str(self._next_id))
        sld_id.set(_R_ID, r_id)
        self._next_id += 1

    def set_notes(self, slide: Slide | Part, text: str, language: str,
                  right_to_left: bool = False) -> None:
        """The slide's (or slide part's) notes slide, holding ``text`` (in ``language``, right
        to left if asked) in its notes placeholder."""
        slide_part = slide if isinstance(slide, Part) else slide.part
        if self._notes_master is None:
            self._notes_master = self._prs.part.notes_master_part
        partname = self._package.next_partname("/ppt/notesSlides/notesSlide%d.xml")
        element, body = self._notes_prototype()
        written = self._notes_text(language, right_to_left)
        notes_part: Part
        if written is not None:
            notes_part = Part(partname, CT.PML_NOTES_SLIDE, self._package, written.xml(text))
        else:  # as python-pptx writes it, in a tree
            element = copy.deepcopy(element)
            if body is not None:
                tx_body = element.find(_SP_TREE)[body].find(f"{{{P}}}txBody")
                drawingml.set_text(tx_body, text, language)
            if right_to_left:
                drawingml.right_to_left(element)
            notes_part = _NotesPart(partname, CT.PML_NOTES_SLIDE, self._package, element)
            self._notes[slide_part] = notes_part
        # new parts, and a slide without notes: nothing to search for (see add_slide)
        relate_new(notes_part, RT.NOTES_MASTER, self._notes_master)
        relate_new(notes_part, RT.SLIDE, slide_part)
        relate_new(slide_part, RT.NOTES_SLIDE, notes_part)

    def _notes_text(self, language: str, right_to_left: bool) -> NotesText | None:
        """The notes slides' text writer for this language and direction (None: write trees)."""
        key = (language, right_to_left)
        texts = self._prototypes.notes_texts
        if key not in texts:
            element, body = self._notes_prototype()
            texts[key] = None if body is None else NotesText.of(element, body, language,
                                                                right_to_left)
        return texts[key]

    def finish(self, slide: Slide | Part) -> None:
        """The slide and its notes are complete: keep only their XML's bytes, not their trees
        (a thousand-slide deck's trees would hold far more memory than its bytes)."""
        part = slide if isinstance(slide, Part) else slide.part
        notes = self._notes.pop(part, None)
        for done in (part, notes):
            if isinstance(done, _Finished):
                done.finish()

    def _prototype(self, layout: SlideLayout) -> CT_Slide:
        key = str(layout.part.partname)
        prototype = self._prototypes.slides.get(key)
        if prototype is None:
            prototype = CT_Slide.new()
            Slide(prototype, layout.part).shapes.clone_layout_placeholders(layout)
            self._prototypes.slides[key] = prototype
        return prototype

    def _notes_prototype(self) -> tuple[CT_NotesSlide, int | None]:
        """The blank notes slide and the position of its notes placeholder in the shape tree."""
        if self._prototypes.notes is None:
            master_part = self._prs.part.notes_master_part
            element = CT_NotesSlide.new()
            notes = NotesSlide(element, master_part)
            notes.clone_master_placeholders(master_part.notes_master)
            body = notes.notes_placeholder
            if body is not None:
                # python-pptx gives the placeholder a text body when the notes are first set
                body.text_frame  # noqa: B018
            position = (list(element.cSld.spTree).index(body.element)
                        if body is not None else None)
            self._prototypes.notes = (element, position)
        return self._prototypes.notes


class _Finished(XmlPart):
    """An XML part that can be finished: its bytes kept, its tree (and python-pptx's objects
    cached on it) let go. Nothing changes a part once finished; its ``blob`` is what
    python-pptx would serialize at that moment."""

    _finished: bytes | None = None

    def finish(self) -> None:
        """Serialize the part now and drop its tree."""
        self._finished = serialize_part_xml(self._element)
        self._element = None  # type: ignore[assignment]
        for cached in ("slide", "notes_slide"):  # python-pptx's lazy proxies of the tree
            self.__dict__.pop(cached, None)

    @property  # type: ignore[misc]
    def blob(self) -> bytes:  # type: ignore[override]
        """The part's XML as python-pptx writes it."""
        return self._finished if self._finished is not None else serialize_part_xml(
            self._element)


class _SlidePart(_Finished, SlidePart):
    """A slide part that is finished once written."""


class _NotesPart(_Finished, NotesSlidePart):
    """A notes slide part that is finished once written."""


def relate_new(source: Part, reltype: str, target: Part) -> str:
    """A relationship of ``source`` to a part it is not yet related to this way; its rId.

    The rId python-pptx's ``relate_to`` would give (the first free one counting down from
    one more than the count), without its search for an existing relationship.
    """
    rels = source._rels
    found = rels._rels
    r_id = f"rId{len(found) + 1}"  # free unless an rId was dropped: nearly always
    if r_id in found:
        r_id = next(candidate for n in range(len(found), 0, -1)
                    if (candidate := f"rId{n}") not in found)
    found[r_id] = _Relationship(rels._base_uri, r_id, reltype, RTM.INTERNAL, target)
    return r_id


def placeholder_shapes(tree: etree._Element) -> list[etree._Element]:
    """A shape tree's placeholder shapes, in shape-tree order."""
    return [shape for shape in tree if shape.find(PH_PATH) is not None]
