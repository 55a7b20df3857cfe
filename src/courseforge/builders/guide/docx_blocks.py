"""Word documents from the slide view model's blocks: paragraphs with runs, lists, tables.

One deterministic save: fixed core properties, then the package's parts zipped once by
:func:`courseforge.packaging.write_zip`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from ...model import Course, Quiz
from ...packaging import MemberCollector, write_zip
from ...typography import typographic
from ..pptx.markdown_runs import BULLET, LETTER, NUMBER, Block, Paragraph, Picture, Run, Table
from ..pptx.quiz_specs import tally
from .docx_body import AppendingBody, append_run, body_of

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
BODY_FONT = "Calibri"  # rendered with its metric twin Carlito where Calibri is absent
NOTE_LABEL_COLOUR = "595959"


def new_document(course: Course) -> DocumentObject:
    """An empty document in the course's language, set in a readable size."""
    document = Document()
    _remember_style_ids(document)
    document._Document__body = AppendingBody(  # type: ignore[attr-defined]
        document, document.part.get_style_id)
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.font.name = BODY_FONT
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), course.language)
    if course.language.split("-")[0] in ("ar", "he", "fa"):
        for style in ("Normal", "List Bullet", "List Number"):
            ppr = document.styles[style].element.get_or_add_pPr()
            ppr.append(ppr.makeelement(qn("w:bidi"), {}))
    return document


# (style name, style type) -> style id in python-docx's default template, which every document
# here starts from (new_document changes no style's id)
_STYLE_IDS: dict[tuple[str, object], str | None] = {}


def _remember_style_ids(document: DocumentObject) -> None:
    """Each style name looked up once per process: python-docx scans every style for every
    paragraph given a style by name (the guide's largest cost)."""
    part = document.part
    lookup = part.get_style_id
    found = _STYLE_IDS

    def get_style_id(style_or_name: object, style_type: object) -> str | None:
        if not isinstance(style_or_name, str):
            return lookup(style_or_name, style_type)  # type: ignore[arg-type]
        key = (style_or_name, style_type)
        if key not in found:
            found[key] = lookup(style_or_name, style_type)  # type: ignore[arg-type]
        return found[key]

    part.get_style_id = get_style_id  # type: ignore[method-assign]


def add_runs(paragraph: DocxParagraph, runs: Iterable[Run], *, bold: bool = False) -> None:
    """Styled runs into a Word paragraph (links as their text)."""
    append_runs(paragraph._p, runs, bold=bold)


def append_runs(paragraph: etree._Element, runs: Iterable[Run], *, bold: bool = False) -> None:
    """Styled runs at the end of a ``w:p`` element."""
    for run in runs:
        append_run(paragraph, run.text, bold=run.bold or bold, italic=run.italic,
                   mono=run.code)


def add_blocks(document: DocumentObject, blocks: Sequence[Block]) -> None:
    """Paragraphs as body text or list items, tables as Word tables under their captions;
    pictures by alt text."""
    for block in blocks:
        if isinstance(block, Paragraph) and block.caption:
            # Word's own caption style, kept on the page of the table below it
            paragraph = document.add_paragraph(style="Caption")
            paragraph.paragraph_format.keep_with_next = True
            add_runs(paragraph, block.runs)
        elif isinstance(block, Paragraph):
            style = {BULLET: "List Bullet", NUMBER: "List Number", LETTER: "List Bullet"}.get(
                block.kind)
            if style and block.level:
                style += f" {min(block.level + 1, 3)}"
            paragraph = document.add_paragraph(style=style)
            add_runs(paragraph, block.runs)
        elif isinstance(block, Table):
            add_table(document, [block.header, *block.rows])
        elif isinstance(block, Picture):
            body_of(document).add_paragraph(f"[{block.alt}]", italic=True)


def add_table(document: DocumentObject,
              rows: Sequence[Sequence[Sequence[Run] | str]]) -> None:
    """A table with a bold header row that repeats on every page."""
    columns = max(len(r) for r in rows)
    grid = body_of(document).add_grid(len(rows), columns, "Table Grid")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            append_runs(grid[r][c], (Run(text=cell),) if isinstance(cell, str) else cell,
                        bold=r == 0)


def tally_rows(course: Course, quiz: Quiz) -> list[tuple[str, ...]]:
    """The self-assessment tally's header and rows, typeset as on its slide."""
    header, rows = tally(course, quiz)
    return [tuple(typographic(cell, course.language) for cell in row) for row in (header, *rows)]


def note_lines(document: DocumentObject, label: str, lines: int = 3) -> None:
    """Room for the reader's own notes: a label and ruled empty lines."""
    body = body_of(document)
    body.add_paragraph(label, italic=True, colour=NOTE_LABEL_COLOUR)
    for _ in range(lines):
        body.add_ruled_line()


def save(document: DocumentObject, course: Course, path: Path, *, title: str) -> None:
    """Core properties from the course and fixed times, then a deterministic zip."""
    props = document.core_properties
    props.title = title
    props.subject = course.title
    props.author = props.last_modified_by = course.author
    props.language = course.language
    props.keywords = course.id
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    write_zip(path, package_members(document))


def package_members(document: DocumentObject) -> list[tuple[str, bytes]]:
    """The files python-docx's ``save`` would zip, as (member name, bytes), without zipping
    them (the deterministic zip is written once, from these)."""
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    members = MemberCollector()
    PackageWriter._write_content_types_stream(members, package.parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    PackageWriter._write_parts(members, package.parts)  # type: ignore[arg-type]
    return members.members
