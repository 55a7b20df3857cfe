"""Decks rendered by LibreOffice: one page per slide, and no word outside the box that holds it."""

from __future__ import annotations

import html
import itertools
import re
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Pt

from conftest import bundled_errors, require_bundled_clean, require_executable
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from test_pptx_decks import corporate

HERE = Path(__file__).resolve().parent
EMU_PER_PT = 12700
TOLERANCE = 4.0  # points: pdftotext boxes span the font's whole ascent and descent
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                  r"(.*?)</word>")
PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.DOTALL)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Decks of the test courses and their PDFs, converted in one LibreOffice run."""
    soffice = require_executable("soffice")
    root = tmp_path_factory.mktemp("render")
    decks: list[Path] = []
    for name in ("minimal", "pptx-long", "pptx-tables"):
        build(HERE / "roots" / name, root / name, ["pptx"], BuildOptions(), lambda m: None)
        decks += sorted((root / name / "slides").iterdir())
    course = HERE.parent / "course"
    if not bundled_errors():
        # the bundled decks with wide tables, two-column agendas and matching questions
        build(course, root / "bundled", ["pptx"], BuildOptions(), lambda m: None)
        decks += [root / "bundled" / "slides" / f"{name}.pptx"
                  for name in ("comparison", "final-assessment")]
    # a trainer's template: other layouts, 4:3, a font this machine lacks (fitted by estimate)
    template = corporate.write_corporate_template(root / "corporate.pptx")
    build(HERE / "roots" / "pptx-long", root / "corporate", ["pptx"],
          BuildOptions(pptx_template=template, layout_names=corporate.MAPPING), lambda m: None)
    decks.append((root / "corporate" / "slides" / "long.pptx").rename(
        root / "corporate" / "slides" / "corporate-long.pptx"))
    # a control: a deck whose body box is made too small must be caught by the check
    broken = Presentation(str(root / "minimal" / "slides" / "welcome.pptx"))
    body = next(sh for sh in broken.slides[3].placeholders if sh.placeholder_format.idx == 1)
    body.height = body.height // 10
    body.text_frame.auto_size = MSO_AUTO_SIZE.NONE  # no autofit to shrink it back into the box
    # and a title that runs off the top of the slide
    title = broken.slides[4].shapes.title
    title.text_frame.text = "Overflowing title " * 12
    title.height = title.height // 4
    # and a text box that runs down into the body: inside a box, but not its own
    slide = broken.slides[5]
    body = next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 1)
    box = slide.shapes.add_textbox(body.left, body.top - Pt(30), body.width, Pt(24))
    box.text_frame.word_wrap = True
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    box.text_frame.text = "Runaway words " * 30
    broken.save(str(root / "broken.pptx"))
    decks.append(root / "broken.pptx")
    pdfs = root / "pdf"
    subprocess.run([soffice, f"-env:UserInstallation=file://{root / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(pdfs), *map(str, decks)],
                   check=True, capture_output=True, timeout=300)
    return {deck.name: (deck, pdfs / f"{deck.stem}.pdf") for deck in decks}


def _words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    pdftotext = require_executable("pdftotext")
    out = subprocess.run([pdftotext, "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    return [[(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD.findall(page)]
            for page in PAGE.findall(out)]


def _boxes(slide: object) -> list[tuple[float, float, float, float, str]]:
    """Every shape's box in points, with its text (a table's cells joined)."""
    boxes = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        left, top, width, height = (shape.left, shape.top, shape.width, shape.height)
        if shape.has_table:
            text = " ".join(cell.text for cell in shape.table.iter_cells())
        else:
            text = shape.text_frame.text if shape.has_text_frame else ""
        boxes.append((left / EMU_PER_PT, top / EMU_PER_PT, (left + width) / EMU_PER_PT,
                      (top + height) / EMU_PER_PT, text))
    return boxes


def outside(path: Path, pdf: Path) -> tuple[int, list[str]]:
    """(words checked, words missing from the page or lying outside the shape that holds them).

    A word belongs to the shapes whose text has it; a word no shape's text has (a bullet,
    a slide number field) may lie in any shape. A word of a shape that the page lacks
    went off the page, where the renderer clips it.
    """
    prs = Presentation(str(path))
    pages = _words(pdf)
    assert len(pages) == len(prs.slides)  # one page per slide
    width, height = prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT
    checked, stray = 0, []
    for number, (slide, words) in enumerate(zip(prs.slides, pages, strict=True), start=1):
        boxes = _boxes(slide)
        for x0, y0, x1, y1, word in words:
            text = html.unescape(word)
            # a layout may set text in capitals: the rendered word is matched in any case,
            # as a whole word (a list's "B." is no word of a title ending in "job.")
            holders = [b for b in boxes if text.casefold() in b[4].casefold().split()] or boxes
            on_page = x0 >= 0 and x1 <= width and y0 >= 0 and y1 <= height
            inside = any(bx0 - TOLERANCE <= x0 and x1 <= bx1 + TOLERANCE
                         and by0 - TOLERANCE <= y0 and y1 <= by1 + TOLERANCE
                         for bx0, by0, bx1, by1, _ in holders)
            if not (on_page and inside):
                stray.append(f"slide {number}: '{text}' at {x0:.0f},{y0:.0f}-{x1:.0f},{y1:.0f}")
            checked += 1
        rendered = {html.unescape(word).casefold() for *_, word in words}
        expected = {word.casefold() for *_, text in boxes for word in text.split()}
        stray += [f"slide {number}: '{word}' missing" for word in sorted(expected - rendered)]
    return checked, stray


@pytest.mark.parametrize("deck", ["welcome.pptx", "roles.pptx", "team-roles.pptx", "long.pptx",
                                  "comparison.pptx", "final-assessment.pptx",
                                  "corporate-long.pptx", "tabellen.pptx"])
def test_every_word_lies_inside_its_box(rendered: dict[str, tuple[Path, Path]], deck: str) -> None:
    if deck in ("comparison.pptx", "final-assessment.pptx"):
        require_bundled_clean()  # the bundled decks are built only from a clean course
    checked, stray = outside(*rendered[deck])
    assert stray == []
    assert checked > 50


def test_code_lines_are_rendered_on_one_line(rendered: dict[str, tuple[Path, Path]]) -> None:
    """Every line of a long code block: its first and last words on the same baseline."""
    pages = _words(rendered["tabellen.pptx"][1])
    found = 0
    for words in pages:
        where = {html.unescape(w): (y0, y1) for _, y0, _, y1, w in words}
        texts = [html.unescape(w) for *_, w in words]
        for first, after in itertools.pairwise(texts):
            if first.startswith("ergebnis_") and after == "=":  # an assignment line
                assert where[f"rabatt=0.{first[-2:]})"] == where[first], first
                found += 1
    assert found == 30


def test_the_check_catches_overflowing_text(rendered: dict[str, tuple[Path, Path]]) -> None:
    _, stray = outside(*rendered["broken.pptx"])
    assert any(s.startswith("slide 4: ") for s in stray)
    assert "slide 5: 'overflowing' missing" in stray
    assert any(s.startswith("slide 6: 'Runaway' at ") for s in stray)
