"""The facilitator guide and the handout read back with python-docx and converted by
LibreOffice: agenda with times, per-slide notes, answer keys and the tally."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from conftest import require_executable
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.pptx.quiz_specs import answer_text
from courseforge.loading import load_checked
from courseforge.typography import typographic

HERE = Path(__file__).resolve().parent
COURSE = HERE.parent / "course"


@pytest.fixture(scope="module")
def guides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("guide")
    build(COURSE, out, ["guide"], BuildOptions(), lambda m: None)
    return out / "guide"


def _texts(document: object) -> list[str]:
    return [p.text for p in document.paragraphs]  # type: ignore[attr-defined]


def _table_rows(table: object) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]  # type: ignore[attr-defined]


def test_guide_and_handout_are_written(guides: Path) -> None:
    course = load_checked(COURSE).course
    assert sorted(p.name for p in guides.iterdir()) == [
        f"{course.id}-facilitator.docx", f"{course.id}-handout.docx"]


def test_facilitator_guide_has_the_agenda_notes_and_every_answer_key(guides: Path) -> None:
    course = load_checked(COURSE).course
    document = Document(str(guides / f"{course.id}-facilitator.docx"))
    texts = _texts(document)
    agenda = _table_rows(document.tables[0])
    assert agenda[0] == ["Start", "Module", "Minutes"]
    titles = [typographic(m.title, "en") for m in course.modules]  # typeset as on the slides
    assert [r[1] for r in agenda if r[1] in titles] == titles
    assert any(r[1] == "Break" for r in agenda)
    for number, module in enumerate(course.modules, start=1):
        assert f"Module {number}: {typographic(module.title, 'en')}" in texts
        for objective in module.lesson.objectives:
            assert typographic(objective.text, "en") in texts
        for slide in module.lesson.slides:
            assert typographic(slide.title, "en") in texts  # a heading per slide, its notes
    # an author's note, and the generated timing after it
    first = next(s for s in course.modules[0].lesson.slides if s.notes.strip())
    start = texts.index(typographic(first.title, "en"))
    assert texts[start + 1].split()[:4] == first.notes.split()[:4]
    assert any(t.startswith("Timing: about") for t in texts[start:start + 8])
    assert any(t.startswith("Ask: ") for t in texts)
    key_rows = [row for t in document.tables if _table_rows(t)[0] == ["Question", "Item",
                                                                     "Answer"]
                for row in _table_rows(t)[1:]]
    expected = [[str(n), typographic(q.prompt, "en"),
                 typographic(answer_text(course, m.quiz, q), "en")]
                for m in course.modules if m.quiz
                for n, q in enumerate(m.quiz.questions, start=1) if q.type.graded]
    assert key_rows == expected
    tally = next(_table_rows(t) for t in document.tables
                 if _table_rows(t)[0][0] == "Question" and len(_table_rows(t)[0]) == 4)
    assert tally[0][1:] == [typographic(o.title, "en") for o in course.outcomes]
    final = course.modules[-1].quiz
    assert final is not None and len(tally) - 1 == len(final.preference_questions)


def test_handout_has_key_points_room_for_notes_tables_and_the_tally(guides: Path) -> None:
    course = load_checked(COURSE).course
    document = Document(str(guides / f"{course.id}-handout.docx"))
    texts = _texts(document)
    slides = [s for m in course.modules for s in m.lesson.slides]
    assert all(typographic(s.title, "en") in texts for s in slides)
    assert texts.count("Your notes:") == len(slides)
    assert "Five aspects at a glance" in texts
    assert any(len(t.columns) >= 3 and len(t.rows) >= 5 for t in document.tables)
    final = course.modules[-1].quiz
    assert final is not None
    for question in final.preference_questions:
        assert any(t.endswith(typographic(question.prompt, "en")) for t in texts)
    assert "Self-assessment: your tally" in texts
    # no graded answer is given away in the handout
    assert not any(t.startswith("Answer: ") for t in texts)


def test_documents_are_byte_for_byte_reproducible(guides: Path, tmp_path: Path) -> None:
    build(COURSE, tmp_path / "again", ["guide"], BuildOptions(), lambda m: None)
    for path in sorted(guides.iterdir()):
        assert (tmp_path / "again" / "guide" / path.name).read_bytes() == path.read_bytes()
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode()
        assert "2000-01-01T00:00:00Z" in core and "<dc:language>en</dc:language>" in core


def test_libreoffice_converts_both_documents(guides: Path, tmp_path: Path) -> None:
    soffice = require_executable("soffice")
    pdftotext = require_executable("pdftotext")
    docs = sorted(guides.iterdir())
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *map(str, docs)], check=True, capture_output=True, timeout=300)
    for doc in docs:
        text = subprocess.run([pdftotext, str(tmp_path / f"{doc.stem}.pdf"), "-"],
                              check=True, capture_output=True, text=True).stdout
        assert "Project, PMO and Program Managers" in text
        assert "Self-assessment" in text
