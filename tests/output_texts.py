"""The texts a reader meets in each built output: what a language scan has to look at.

HTML: text and the attributes read aloud or shown (aria-label, title, alt, placeholder,
value); decks: every shape and the notes; Word files: paragraphs and tables; JSON: every
string meant for people; XML: element text and titles, without the values that only programs
read (QTI's declarations and response processing); GIFT and text files: all of their text.
Packages are opened and their members read the same way.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree, html

SHOWN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "value", "aria-description")


def html_texts(data: bytes) -> str:
    """The text and shown attributes of an HTML page (scripts and styles left out)."""
    document = html.fromstring(data)
    for element in document.iter("script", "style"):
        element.text = ""  # the page data is checked through what the runtime shows
    parts = [document.text_content()]
    parts += [v for element in document.iter() for name in SHOWN_ATTRIBUTES
              if isinstance(element.tag, str) and (v := element.get(name))]
    return "\n".join(parts)


def pptx_texts(data: bytes) -> str:
    """Every text of a deck: shapes, tables and notes."""
    from pptx import Presentation

    deck = Presentation(io.BytesIO(data))
    parts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def docx_texts(data: bytes) -> str:
    """Every paragraph and table cell of a Word file, headers and footers included."""
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


# JSON values that are vocabulary or references for programs, not text for people
JSON_DATA_KEYS = frozenset({"id", "type", "match", "language", "schema", "version",
                            "brand_colour", "objectives", "src", "path", "standard"})


def json_texts(data: bytes) -> str:
    """Every string value of a JSON document meant for people (not ids or vocabulary)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in JSON_DATA_KEYS:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(data))
    return "\n".join(found)


# XML elements whose content is data for a program, never shown to a learner or a teacher:
# QTI 2.1 declarations and processing (identifiers such as a feedback's CORRECT, baseValues,
# correct responses) and QTI 1.2 response processing, outcomes and Canvas's metadata fields
XML_DATA_ELEMENTS = frozenset({
    "responseDeclaration", "outcomeDeclaration", "templateDeclaration", "responseProcessing",
    "outcomeProcessing", "templateProcessing",
    "resprocessing", "outcomes", "qtimetadata", "itemmetadata",
})


def xml_texts(data: bytes) -> str:
    """The text of an XML document a person sees: element text and ``title`` attributes,
    leaving out the elements that hold data for programs (XML_DATA_ELEMENTS)."""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        if not isinstance(element.tag, str):  # comments and processing instructions
            if element.tail:
                parts.append(element.tail)
            return
        if etree.QName(element).localname not in XML_DATA_ELEMENTS:
            if title := element.get("title"):
                parts.append(title)
            if element.text:
                parts.append(element.text)
            for child in element:
                walk(child)
        if element.tail:
            parts.append(element.tail)

    walk(etree.fromstring(data))
    return "\n".join(parts)


def plain_texts(data: bytes) -> str:
    """A text file (README.txt, a GIFT file) as it is: every line is read."""
    return data.decode("utf-8")


READERS = {".html": html_texts, ".pptx": pptx_texts, ".docx": docx_texts, ".json": json_texts,
           ".xml": xml_texts, ".txt": plain_texts, ".gift": plain_texts}


def member_texts(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """(name, text) of a file, or of each readable member of a zip package."""
    suffix = Path(name).suffix.lower()
    if suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in sorted(archive.namelist()):
                yield from member_texts(f"{name}/{member}", archive.read(member))
    elif suffix in READERS:
        yield name, READERS[suffix](data)


def output_texts(folder: Path) -> dict[str, str]:
    """The texts of every readable file below a build's output folder, by relative name."""
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        found.update(member_texts(path.relative_to(folder).as_posix(), path.read_bytes()))
    return found
