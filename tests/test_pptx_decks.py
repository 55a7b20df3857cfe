"""Slide decks read back with python-pptx: structure, notes, formatting, templates, bytes.

Regenerate the golden deck structure with COURSEFORGE_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationObject
from pptx.util import Emu

from conftest import pptx_fixture, require_bundled_clean
from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.pptx.layouts import find_layouts
from courseforge.builders.pptx.markdown_runs import Paragraph, Run, Table, parse_blocks
from courseforge.builders.pptx.pagination import CELL_X, Boxes, TextStyle, column_widths, paginate
from courseforge.builders.pptx.quiz_specs import question_slides
from courseforge.builders.pptx.reference_deck import INNER, build_reference_deck
from courseforge.builders.pptx.slide_specs import Column, SlideSpec
from courseforge.builders.pptx.text_fit import Face
from courseforge.builders.pptx.typography import typeset, typographic
from courseforge.builders.pptx.writer import deck_boxes, text_style
from courseforge.cli import main
from courseforge.errors import CourseforgeError
from courseforge.loading import load_checked

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "pptx"
UPDATE_GOLDEN = os.environ.get("COURSEFORGE_UPDATE_GOLDEN") == "1"


corporate = pptx_fixture("corporate_template")


def build_slides(course: Path, output: Path, options: BuildOptions | None = None) -> Path:
    """Build only the decks of a course; the slides folder."""
    build(course, output, ["pptx"], options or BuildOptions(), lambda message: None)
    return output / "slides"


def titles(prs: PresentationObject) -> list[str]:
    """Each slide's title text."""
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else ""
            for s in prs.slides]


def notes_paragraphs(slide: Any) -> list[str]:
    """A slide's speaker notes, one string per non-empty paragraph."""
    if not slide.has_notes_slide:
        return []
    return [p.text.strip() for p in slide.notes_slide.notes_text_frame.paragraphs
            if p.text.strip()]


def notes_outline(slide: Any) -> list[str]:
    """The first words of each paragraph of a slide's notes (what the golden file records)."""
    return [" ".join(text.split()[:6]) for text in notes_paragraphs(slide)]


def structure(prs: PresentationObject) -> list[dict[str, object]]:
    """Per slide, the golden shape of a deck: layout, title, the notes' paragraphs and the
    body's as first words (body paragraphs with their level); tables as rows x columns;
    pictures."""
    slides = []
    for s in prs.slides:
        title = s.shapes.title
        body: list[str] = []
        for shape in s.shapes:
            if title is not None and shape.shape_id == title.shape_id:
                continue
            if shape.has_table:
                body.append(f"table {len(shape.table.rows)}x{len(shape.table.columns)}")
            elif shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                body.append("picture")
            elif shape.has_text_frame and not shape.text_frame.text.isdigit():  # slide number
                body += [f"{p.level}: {' '.join(p.text.split()[:6])}"
                         for p in shape.text_frame.paragraphs if p.text.strip()]
        slides.append({
            "layout": s.slide_layout.name,
            "title": title.text_frame.text if title is not None else "",
            "notes": notes_outline(s),
            "body": body})
    return slides


@pytest.fixture(scope="module")
def minimal_slides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_slides(HERE / "roots" / "minimal", tmp_path_factory.mktemp("minimal"))


@pytest.fixture(scope="module")
def bundled_slides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = HERE.parent / "course"
    require_bundled_clean()
    return build_slides(course, tmp_path_factory.mktemp("bundled"))


def run_sizes(shape: Any) -> list[float]:
    """The size every run of a text frame or table is shown at, in points: its own or, in a
    body placeholder, the master's body size, either scaled by the frame's autofit font
    scale (titles set none and are left out)."""
    frames = ([c.text_frame for c in shape.table.iter_cells()]
              if shape.has_table else [shape.text_frame])
    sizes = []
    for frame in frames:
        fit = frame._txBody.find(f"{{{A}}}bodyPr/{{{A}}}normAutofit")
        scale = int(fit.get("fontScale", "100000")) / 100000 if fit is not None else 1.0
        for run in (r for p in frame.paragraphs for r in p.runs if r.text.strip()):
            if run.font.size is not None:
                sizes.append(round(run.font.size.pt * scale, 1))
            elif fit is not None:
                sizes.append(round(inherited_body_size(shape) * scale, 1))
    return sizes


def inherited_body_size(shape: Any) -> float:
    """The size the master of a shape's slide gives top-level body text, in points."""
    master = shape.part.slide.slide_layout.slide_master.element
    rpr = master.find(f"{{{P}}}txStyles/{{{P}}}bodyStyle/{{{A}}}lvl1pPr/{{{A}}}defRPr")
    return int(rpr.get("sz")) / 100


def cell_fill(cell: object) -> tuple[str, str | None]:
    """(scheme colour, lumMod) of a table cell's fill."""
    colour = cell._tc.tcPr.find(  # type: ignore[attr-defined]
        "{*}solidFill/{*}schemeClr")
    mod = colour.find("{*}lumMod")
    return colour.get("val"), mod.get("val") if mod is not None else None


@pytest.fixture(scope="module")
def long_slides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_slides(HERE / "roots" / "pptx-long", tmp_path_factory.mktemp("long"))


def test_one_deck_per_module_and_one_for_the_course(minimal_slides: Path) -> None:
    assert sorted(p.name for p in minimal_slides.iterdir()) == [
        "roles.pptx", "team-roles.pptx", "welcome.pptx"]


def test_module_deck_order_and_layouts(minimal_slides: Path) -> None:
    prs = Presentation(str(minimal_slides / "welcome.pptx"))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert titles(prs) == ["Welcome", "Agenda", "Objectives", "Why roles matter", "Two roles",
                           "Summary"]
    assert [s.slide_layout.name for s in prs.slides] == [
        "Title Slide", "Title and Content", "Title and Content", "Title and Content",
        "Title Only", "Title and Content"]
    subtitle = next(sh for sh in prs.slides[0].placeholders if sh.placeholder_format.idx == 1)
    assert "Roles in a delivery team" in subtitle.text_frame.text
    assert "Estimated time: 5 minutes" in subtitle.text_frame.text


def test_every_slide_has_notes_and_no_empty_placeholder(minimal_slides: Path) -> None:
    for deck in minimal_slides.iterdir():
        prs = Presentation(str(deck))
        for number, slide in enumerate(prs.slides, start=1):
            assert slide.has_notes_slide, (deck.name, number)
            assert len(slide.notes_slide.notes_text_frame.text) > 20, (deck.name, number)
            for shape in slide.placeholders:
                assert shape.text_frame.text.strip(), (deck.name, number, shape.name)


def test_author_notes_and_facilitation_notes(minimal_slides: Path) -> None:
    prs = Presentation(str(minimal_slides / "welcome.pptx"))
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides]
    assert notes_paragraphs(prs.slides[3])[0] == \
        "Ask the group for an example of a decision nobody owned."
    assert notes_paragraphs(prs.slides[3])[-1].startswith("Timing: ")
    assert "5 minutes" in notes[0]
    assert "Next" not in notes[-1] or "The roles at work" in notes[-1]


def test_levels_and_run_formatting(minimal_slides: Path) -> None:
    prs = Presentation(str(minimal_slides / "welcome.pptx"))
    body = next(sh for sh in prs.slides[3].placeholders if sh.placeholder_format.idx == 1)
    paragraphs = body.text_frame.paragraphs
    assert [(p.level, p.text) for p in paragraphs] == [
        (0, "Clear roles avoid duplicated work"), (1, "Nobody does the same task twice"),
        (0, "Everyone knows who decides")]
    runs = paragraphs[2].runs
    assert (runs[0].text, runs[0].font.bold) == ("Everyone", True)
    assert (runs[2].text, runs[2].font.italic) == ("decides", True)
    roles = Presentation(str(minimal_slides / "roles.pptx"))
    slide = next(s for s in roles.slides if s.shapes.title.text_frame.text == "A day with a maker")
    runs = [r for sh in slide.placeholders for p in sh.text_frame.paragraphs for r in p.runs]
    link = next(r for r in runs if r.text == "demo")
    assert link.hyperlink.address == "https://example.org/demo"
    code = next(r for r in runs if r.text == "git")
    assert code.font.name == "Courier New"


def test_markdown_table_is_a_real_table(minimal_slides: Path) -> None:
    prs = Presentation(str(minimal_slides / "welcome.pptx"))
    tables = [sh.table for sh in prs.slides[4].shapes if sh.has_table]
    assert len(tables) == 1
    cells = [[c.text for c in row.cells] for row in tables[0].rows]
    assert cells == [["Aspect", "Maker", "Planner"], ["Focus", "Building", "Scheduling"],
                     ["Measure", "Working results", "Dates kept"]]


def _slide_texts(slide: Any) -> list[str]:
    """Every paragraph of a slide's text frames and tables, title excluded."""
    texts = []
    for shape in slide.shapes:
        if slide.shapes.title is not None and shape.shape_id == slide.shapes.title.shape_id:
            continue
        if shape.has_table:
            texts += [c.text for c in shape.table.iter_cells()]
        elif shape.has_text_frame:
            texts += [p.text for p in shape.text_frame.paragraphs if p.text.strip()]
    return texts


def _labelled(prs: PresentationObject, label: str) -> list[Any]:
    """The slides whose body starts with a label such as 'Question 2 of 6'."""
    return [s for s in prs.slides if _slide_texts(s)[:1] == [label]]


def test_quiz_slides_of_a_counted_quiz_keep_the_answers_in_the_notes(
        minimal_slides: Path) -> None:
    prs = Presentation(str(minimal_slides / "roles.pptx"))
    names = titles(prs)
    start = names.index("Check your understanding")
    # the question is the title; no answer slides on screen for a quiz that counts
    assert names[start + 1:start + 7] == [
        "What does a maker focus on?", "Which are planner tasks?",
        "The planner builds the product.", "Match each task to its role.",
        "What gives you energy at work?", "Your ideal Monday?"]
    assert not any(_labelled(prs, f"Answer {n} of 6") for n in range(1, 7))
    question = _labelled(prs, "Question 2 of 6")[0]
    assert question.shapes.title.text_frame.text == "Which are planner tasks?"
    notes = notes_paragraphs(question)
    answer = next(n for n in notes if n.startswith("Answer: "))
    # options are lettered by the list's own numbering: A, B, C in the order shown
    letters = {t: "ABC"[i] for i, t in enumerate(_slide_texts(question)[1:4])}
    assert sorted(answer.removeprefix("Answer: ").split("; ")) == sorted(
        [f"{letters['Book milestones']}. Book milestones",
         f"{letters['Track dates']}. Track dates"])
    assert "Why: Planners own the dates." in notes
    assert "Choose all that apply." in _slide_texts(question)
    match = _labelled(prs, "Question 4 of 6")
    assert match == [] and prs.slides[names.index("Match each task to its role.")] \
        .slide_layout.name == "Comparison"
    assert "There is no wrong answer: choose what fits you best." in _slide_texts(
        prs.slides[names.index("What gives you energy at work?")])


def test_answer_slides_mark_every_option_and_say_why_the_wrong_ones_are_wrong(
        tmp_path: Path) -> None:
    slides = build_slides(HERE / "roots" / "minimal", tmp_path / "out",
                          BuildOptions(answer_slides=True))
    prs = Presentation(str(slides / "roles.pptx"))
    answer = _labelled(prs, "Answer 2 of 6")[0]
    assert answer.shapes.title.text_frame.text == "Which are planner tasks?"
    texts = _slide_texts(answer)
    assert sorted(t[:1] for t in texts[1:] if t[:1] in "✓✗") == ["✓", "✓", "✗"]
    wrong = next(i for i, t in enumerate(texts) if t.startswith("✗"))
    assert texts[wrong].endswith(". Write code") and texts[wrong + 1] == "That is a maker task."
    body = next(sh for sh in answer.placeholders if sh.placeholder_format.idx == 1)
    marked = [p for p in body.text_frame.paragraphs if p.text.startswith("✓")]
    assert all(r.font.bold for p in marked for r in p.runs)  # not by colour alone
    assert "B. False" in texts[1] + texts[2] or "✓ B. False" in _slide_texts(
        _labelled(prs, "Answer 3 of 6")[0])
    matching = _labelled(prs, "Answer 4 of 6")[0]
    table = next(sh.table for sh in matching.shapes if sh.has_table)
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Item", "Matches"]
    assert [r[0] for r in rows[1:]] == ["1. Writes the code", "2. Books the milestones"]
    assert [r[1].split(". ", 1)[1] for r in rows[1:]] == ["Maker", "Planner"]
    # the question slide's notes call the same letters the answer slide shows
    question = prs.slides[list(prs.slides).index(matching) - 1]
    call = next(n for n in notes_paragraphs(question) if n.startswith("Answer: "))
    assert call == "Answer: " + ", ".join(
        f"{n}-{r[1][0]}" for n, r in enumerate(rows[1:], start=1))


def test_self_assessment_tally_and_outcome_slides(minimal_slides: Path) -> None:
    course = load_checked(HERE / "roots" / "minimal").course
    prs = Presentation(str(minimal_slides / "roles.pptx"))
    names = titles(prs)
    tally = prs.slides[names.index("Self-assessment: your tally")]
    table = next(sh.table for sh in tally.shapes if sh.has_table)
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Question", *(o.title for o in course.outcomes)]
    quiz = course.module("roles").quiz
    assert quiz is not None
    # each preference question's letters, after the shuffle, under the outcome they count for
    for row, question in zip(rows[1:], quiz.preference_questions, strict=True):
        assert row[0] == str(quiz.questions.index(question) + 1)
        shown = _slide_texts(prs.slides[names.index(question.prompt)])[1:-1]
        for outcome, cell in zip(course.outcomes, row[1:], strict=True):
            expected = ["ABCD"[shown.index(typographic(c.text, "en"))] for c in question.choices
                        if dict(c.weights).get(outcome.id, 0) > 0]
            assert sorted(cell.replace(" (2)", "").split(", ")) == sorted(expected), row
    for outcome in course.outcomes:
        slide = prs.slides[names.index(outcome.title)]
        assert _slide_texts(slide)[:2] == [outcome.summary, outcome.guidance]
    # the tally states the course's too-close-to-call rule (close_call_margin, 10% by default)
    lead = " ".join(_slide_texts(tally))
    assert "within 10% of all your points, it is too close to call: read both" in lead


def test_course_deck_has_section_slides_between_modules(minimal_slides: Path) -> None:
    prs = Presentation(str(minimal_slides / "team-roles.pptx"))
    rows = structure(prs)
    assert rows[0]["layout"] == "Title Slide" and rows[0]["title"] == "Roles in a delivery team"
    # 15 minutes of modules, 5 of welcome and agenda, 5 of close
    assert rows[0]["body"] == ["0: 2 modules · Estimated time: 25", "0: Learning Team"]
    assert rows[0]["notes"][0].startswith("Welcome the group to")
    sections = [r["title"] for r in rows if r["layout"] == "Section Header"]
    assert sections == ["Welcome", "The roles at work", "Check your understanding"]
    assert all(r["notes"] for r in rows)


def test_core_properties(minimal_slides: Path) -> None:
    props = Presentation(str(minimal_slides / "welcome.pptx")).core_properties
    assert (props.title, props.subject, props.author, props.language) == (
        "Welcome", "Roles in a delivery team", "Learning Team", "en")
    assert props.revision == 1
    assert props.created == props.modified == props.last_printed
    assert props.created.year == 2000


def test_runs_speak_the_course_language_and_file_properties_count_the_slides(
        minimal_slides: Path) -> None:
    path = minimal_slides / "welcome.pptx"
    prs = Presentation(str(path))
    runs = [r for slide in prs.slides
            for part in (slide.part, slide.notes_slide.part)
            for r in part._element.iter(f"{{{A}}}r")]
    assert runs and {r.find(f"{{{A}}}rPr").get("lang") for r in runs} == {"en"}
    with zipfile.ZipFile(path) as deck:
        app = etree.fromstring(deck.read("docProps/app.xml"))
        assert not [n for n in deck.namelist() if "thumbnail" in n]
    fields = {child.tag.split("}")[1]: child.text for child in app}
    assert fields["Slides"] == fields["Notes"] == str(len(prs.slides))
    assert fields["PresentationFormat"] == "On-screen Show (16:9)"


def test_long_list_and_table_continue(long_slides: Path) -> None:
    prs = Presentation(str(long_slides / "long.pptx"))
    names = titles(prs)
    assert names.count("A very long list") == 1 and "A very long list (cont.)" in names
    items = []
    for slide in prs.slides:
        if slide.shapes.title.text_frame.text.startswith("A very long list"):
            body = next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 1)
            items += [p.text for p in body.text_frame.paragraphs if p.level == 0]
            assert "Continues" in slide.notes_slide.notes_text_frame.text or \
                slide.shapes.title.text_frame.text == "A very long list"
    assert items == [f"Point number {i} explains one more thing a trainer wants to say about "
                     "the topic" for i in range(1, 19)]
    rows = []
    for slide in prs.slides:
        if slide.shapes.title.text_frame.text.startswith("A long table"):
            table = next(sh.table for sh in slide.shapes if sh.has_table)
            assert table.cell(0, 0).text == "Name"
            rows += [table.cell(r, 0).text for r in range(1, len(table.rows))]
    assert rows == [f"Row {i}" for i in range(1, 26)]


def _body_paragraphs(prs: PresentationObject, title: str) -> list[list[Any]]:
    """The body paragraphs of every slide titled ``title`` or its continuation, per slide."""
    return [list(next(sh for sh in slide.placeholders
                      if sh.placeholder_format.idx == 1).text_frame.paragraphs)
            for slide in prs.slides
            if slide.shapes.title.text_frame.text in (title, title + " (cont.)")]


def test_paragraph_too_long_for_a_slide_continues_between_sentences(long_slides: Path) -> None:
    prs = Presentation(str(long_slides / "long.pptx"))
    pages = _body_paragraphs(prs, "A wall of text")
    assert len(pages) >= 2 and all(len(p) == 1 for p in pages)
    texts = [p[0].text for p in pages]
    assert all(t.endswith("points.") for t in texts)  # cut after a sentence
    source = " ".join(f"Sentence {i} of a wall of text, the kind an author pastes from a "
                      "report without breaking it into points." for i in range(1, 41))
    assert " ".join(texts) == source


def test_list_item_too_long_for_a_slide_continues_without_a_bullet(long_slides: Path) -> None:
    prs = Presentation(str(long_slides / "long.pptx"))
    pages = _body_paragraphs(prs, "One endless point")
    assert len(pages) >= 2
    items = [p for page in pages for p in page]
    assert items[0].text == "A short point first" and items[-1].text == "A short point last"
    first, *rest = items[1:-1]
    assert first.text.startswith("Sentence 1 ") and len(rest) == len(pages) - 1
    indent = first._p.pPr.get("marL")
    for part in rest:
        ppr = part._p.pPr
        assert ppr.find(f"{{{A}}}buNone") is not None and ppr.get("indent") == "0"
        assert ppr.get("marL") == indent  # aligned with the item's text
    assert first._p.pPr.find(f"{{{A}}}buNone") is None


def _pages_of(prs: PresentationObject, label: str) -> list[Any]:
    """The slide whose body starts with ``label`` and its '(cont.)' slides after it."""
    slides = list(prs.slides)
    first = slides.index(_labelled(prs, label)[0])
    pages = [slides[first]]
    for slide in slides[first + 1:]:
        if not slide.shapes.title.text_frame.text.endswith(" (cont.)"):
            break
        pages.append(slide)
    return pages


def test_questions_too_long_for_a_slide_continue_with_every_choice(long_slides: Path) -> None:
    prs = Presentation(str(long_slides / "long.pptx"))
    question_pages = _pages_of(prs, "Question 1 of 2")
    answer_pages = _pages_of(prs, "Answer 2 of 2")
    assert len(question_pages) > 1 and len(answer_pages) > 1
    question = [p.text for page in question_pages
                for p in next(sh for sh in page.placeholders
                              if sh.placeholder_format.idx == 1).text_frame.paragraphs]
    choices = [t for t in question if t.startswith("Choice ")]
    assert [c.split(":")[0] for c in choices] == [f"Choice {i}" for i in range(10)]
    pairs = []
    for slide in answer_pages:
        table = next(sh.table for sh in slide.shapes if sh.has_table)
        assert table.cell(0, 0).text == "Item"  # the header repeats
        pairs += [table.cell(r, 0).text.split(" thing")[0] for r in range(1, len(table.rows))]
    assert pairs == [f"{i + 1}. Item {i}" for i in range(14)]


def test_title_too_long_for_its_box_is_shortened_and_given_in_full_in_the_notes(
        long_slides: Path) -> None:
    prs = Presentation(str(long_slides / "long.pptx"))
    slide = next(s for s in prs.slides
                 if s.shapes.title.text_frame.text.startswith("A heading that an author"))
    shown = slide.shapes.title.text_frame.text
    assert shown.endswith("…") and len(shown) < 250
    notes = slide.notes_slide.notes_text_frame.text
    full = notes.split("\n")[0].removeprefix("Title in full: ")
    assert full.startswith(shown[:-1]) and full.endswith("runs out of patience with it")
    assert "The title is shortened on the slide." in notes


def test_subtitle_too_long_for_its_box_is_smaller_then_cut_and_given_in_full(
        long_slides: Path) -> None:
    prs = Presentation(str(long_slides / "long.pptx"))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Long questions")
    body = next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 1)
    intro, count = [p.text for p in body.text_frame.paragraphs]
    assert intro.endswith("…") and count == "2 questions"
    assert set(run_sizes(body)) == {14.0}  # the smallest subtitle size before cutting
    notes = slide.notes_slide.notes_text_frame.text
    assert notes.startswith("Subtitle in full: An introduction far longer")
    assert notes.split("\n")[0].endswith("how long to take. / 2 questions")


def test_a_table_row_taller_than_a_slide_continues_in_the_rows_below(
        long_slides: Path) -> None:
    prs = Presentation(str(long_slides / "long.pptx"))
    rows = []
    for slide in prs.slides:
        if slide.shapes.title.text_frame.text.startswith("A table cell longer than a slide"):
            table = next(sh.table for sh in slide.shapes if sh.has_table)
            assert table.cell(0, 0).text == "Term"  # the header on every slide
            rows += [(table.cell(r, 0).text, table.cell(r, 1).text)
                     for r in range(1, len(table.rows))]
    assert len(rows) >= 3 and rows[0][0] == "Scope" and rows[-1] == ("Price", "Fixed")
    whole = " ".join(text for _, text in rows[:-1])
    assert whole == " ".join(f"Clause {i} of a contract summary pasted into a single table "
                             "cell." for i in range(1, 46))
    assert {term for term, _ in rows[1:-1]} == {""}  # the term is not repeated


def test_pictures_scaled_with_alt_text(long_slides: Path) -> None:
    prs = Presentation(str(long_slides / "long.pptx"))
    pictures = [(slide, sh) for slide in prs.slides for sh in slide.shapes
                if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 2
    for _, picture in pictures:
        descr = picture._element.nvPicPr.cNvPr.get("descr")
        assert descr in ("A white square and a yellow circle on purple", "Shapes on their own")
        assert picture.left >= 0 and picture.top + picture.height <= prs.slide_height
        assert abs(picture.width / picture.height - 2.0) < 0.01  # the aspect ratio is kept
    text_slide = pictures[0][0]
    body = next(sh for sh in text_slide.placeholders if sh.placeholder_format.idx == 1)
    assert body.left + body.width <= pictures[0][1].left  # text beside, not under, the picture


def test_same_input_same_bytes(tmp_path: Path, minimal_slides: Path) -> None:
    again = build_slides(HERE / "roots" / "minimal", tmp_path / "again")
    for deck in minimal_slides.iterdir():
        assert (again / deck.name).read_bytes() == deck.read_bytes(), deck.name


def test_corporate_template_with_layout_mapping(tmp_path: Path) -> None:
    template = corporate.write_corporate_template(tmp_path / "corporate.pptx")
    slides = build_slides(HERE / "roots" / "minimal", tmp_path / "out", BuildOptions(
        pptx_template=template, layout_names=corporate.MAPPING))
    prs = Presentation(str(slides / "welcome.pptx"))
    assert "Confidential: old slide" not in titles(prs)
    assert titles(prs)[0] == "Welcome"
    assert [s.slide_layout.name for s in prs.slides][:2] == ["Cover", "Text Page"]
    assert prs.slide_width == Presentation(str(template)).slide_width  # its master is kept
    theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    fonts = {latin.get("typeface")
             for latin in theme.iterfind(f".//{{{A}}}fontScheme/*/{{{A}}}latin")}
    assert fonts == {corporate.FONT}  # its fonts and colours too
    assert theme.find(f".//{{{A}}}accent1/{{{A}}}srgbClr").get("val") == corporate.ACCENT
    for slide in prs.slides:
        assert slide.notes_slide.notes_text_frame.text.strip()
        for shape in slide.placeholders:
            assert shape.text_frame.text.strip()


def test_fonts_this_machine_lacks_are_noted(tmp_path: Path) -> None:
    template = corporate.write_corporate_template(tmp_path / "corporate.pptx",
                                                  corporate.MISSING_FONT)
    mapping = [f"--layout={role}={name}" for role, name in corporate.MAPPING]
    result = CliRunner().invoke(main, ["build", str(HERE / "roots" / "minimal"), "-o",
                                       str(tmp_path / "out"), "-f", "pptx", "--pptx-template",
                                       str(template), *mapping])
    assert result.exit_code == 0, result.output
    assert result.output.count(f"note: no font file for '{corporate.MISSING_FONT}'") == 1
    plain = CliRunner().invoke(main, ["build", str(HERE / "roots" / "minimal"), "-o",
                                      str(tmp_path / "plain"), "-f", "pptx"])
    assert "note: no font file" not in plain.output  # Carlito measures the default Calibri


def test_corporate_template_without_mapping_finds_its_layouts_by_type(tmp_path: Path) -> None:
    template = corporate.write_corporate_template(tmp_path / "corporate.pptx")
    slides = build_slides(HERE / "roots" / "minimal", tmp_path / "out",
                          BuildOptions(pptx_template=template))
    layouts = {s.slide_layout.name for s in Presentation(str(slides / "team-roles.pptx")).slides}
    # names first ('Two Content' is still called so), then types (the renamed ones)
    assert layouts == {"Cover", "Divider", "Text Page", "Two Content", "Heading Only"}


def test_template_without_layouts_of_known_name_or_type_lists_its_layouts(
        tmp_path: Path) -> None:
    template = corporate.write_corporate_template(tmp_path / "corporate.pptx")
    prs = Presentation(str(template))
    for layout in prs.slide_layouts:
        layout.element.attrib.pop("type", None)  # custom layouts: no type to go by
    prs.save(str(template))
    with pytest.raises(CourseforgeError) as caught:
        build_slides(HERE / "roots" / "minimal", tmp_path / "out",
                     BuildOptions(pptx_template=template))
    message = caught.value.message
    assert "title (looked for 'Title Slide', or a layout of type title)" in message
    assert "'Cover'" in message and "'Divider'" in message and "--layout" in message
    assert "\n" not in message  # one line
    assert not (tmp_path / "out" / "slides").exists()


def test_a_mapped_layout_the_template_lacks_is_an_error(tmp_path: Path) -> None:
    template = corporate.write_corporate_template(tmp_path / "corporate.pptx")
    with pytest.raises(CourseforgeError, match="--layout content='Nope'"):
        build_slides(HERE / "roots" / "minimal", tmp_path / "out",
                     BuildOptions(pptx_template=template, layout_names=(("content", "Nope"),)))


def test_unknown_layout_role_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CourseforgeError, match="unknown layout role"):
        build_slides(HERE / "roots" / "minimal", tmp_path / "out",
                     BuildOptions(layout_names=(("cover", "Title Slide"),)))


def _big_course(folder: Path, slides: int) -> Path:
    (folder / "modules" / "big").mkdir(parents=True)
    (folder / "course.yml").write_text(
        "id: big-course\ntitle: Big\nversion: 1.0.0\nlanguage: en\nauthor: A\n"
        "brand_colour: '#123456'\npassing_score: 50\nmodules: [big]\noutcomes: []\n")
    body = "\n---\n\n".join(
        f"# Slide {i}\n\n- Point {i} with **bold**\n  - detail\n\n::: notes\nSay {i}.\n:::\n"
        for i in range(slides))
    (folder / "modules" / "big" / "lesson.md").write_text(
        "---\ntitle: Big\nminutes: 60\nobjectives: []\n---\n\n" + body)
    return folder


def test_large_course_has_unique_part_names(tmp_path: Path) -> None:
    """Part names come from a counter, not python-pptx's search (benchmarks/ times it)."""
    course = _big_course(tmp_path / "course", 500)
    slides = build_slides(course, tmp_path / "out")
    prs = Presentation(str(slides / "big.pptx"))
    assert [t for t in titles(prs) if t.startswith("Slide ")] == [
        f"Slide {i}" for i in range(500)]
    names = [p.partname for p in prs.part.package.iter_parts()
             if p.partname.startswith("/ppt/notesSlides/")]
    assert len(set(names)) == len(prs.slides)
    assert "Agenda (cont.)" in titles(prs)  # 500 topics do not fit one agenda slide


def test_bundled_course_structure_matches_golden(bundled_slides: Path) -> None:
    slides = bundled_slides
    actual = {p.name: structure(Presentation(str(p))) for p in sorted(slides.iterdir())}
    golden = GOLDEN / "bundled-structure.json"
    text = json.dumps(actual, indent=1, ensure_ascii=False) + "\n"
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert json.loads(golden.read_text(encoding="utf-8")) == actual
    comparison = Presentation(str(slides / "comparison.pptx"))
    assert any(sh.has_table for s in comparison.slides for sh in s.shapes)


def test_table_fills_the_body_width_with_brand_header_and_bands(minimal_slides: Path) -> None:
    prs = Presentation(str(minimal_slides / "welcome.pptx"))
    frame = next(sh for sh in prs.slides[4].shapes if sh.has_table)
    assert abs(frame.width - INNER) <= 12700  # the body's width, within a point
    assert sum(c.width for c in frame.table.columns) == pytest.approx(INNER, abs=12700)
    assert set(run_sizes(frame)) == {20.0}  # a short table gets the largest table size
    rows = frame.table.rows
    assert [cell_fill(rows[r].cells[0]) for r in range(3)] == [
        ("accent1", None), ("accent1", "15000"), ("bg1", None)]
    header = rows[0].cells[0].text_frame.paragraphs[0].runs[0].font
    assert header.bold and header.color.theme_color is not None
    assert rows[0].cells[0].margin_left > 91440  # cells have more air than the 0.1 in default


def test_text_after_a_table_takes_the_theme_body_style(tmp_path: Path) -> None:
    slides = build_slides(HERE / "roots" / "minimal", tmp_path / "out",
                          BuildOptions(answer_slides=True))
    prs = Presentation(str(slides / "roles.pptx"))
    slide = _labelled(prs, "Answer 4 of 6")[0]  # the matches' table, then the explanation
    assert any(sh.has_table for sh in slide.shapes)
    box = next(sh for sh in slide.shapes if sh.has_text_frame and not sh.is_placeholder
               and sh.text_frame.text.strip() and sh.name.startswith("TextBox"))
    level = box.text_frame._txBody.find("{*}lstStyle/{*}lvl1pPr")
    assert level is not None
    colour = level.find("{*}defRPr/{*}solidFill/{*}schemeClr")
    assert colour is not None and colour.get("val") == "tx1"  # the theme's body colour
    assert level.find("{*}defRPr").get("sz") == "2400"
    assert min(run_sizes(box)) >= 18


def test_column_widths_follow_the_content() -> None:
    style = TextStyle(body_family="Calibri", title_family="Calibri", body_size=24, title_size=36,
                      indents=(27.0, 63.0, 99.0, 135.0, 171.0), hanging=27.0)
    table = parse_blocks("| Id | Description |\n| --- | --- |\n"
                         "| A1 | a cell with many more words than the short one beside it |")[0]
    assert isinstance(table, Table)
    wide = column_widths(table, 800, 20, style)
    assert sum(wide) == pytest.approx(800)
    assert wide[1] > 4 * wide[0]  # in proportion to the text, not equal
    narrow = column_widths(table, 300, 20, style)
    assert sum(narrow) == pytest.approx(300)
    # the long column shrinks first; no column gets narrower than its longest word
    assert narrow[0] >= Face("Calibri", 20).width("A1") + 2 * CELL_X
    assert narrow[1] < wide[1]
    assert narrow[1] >= Face("Calibri", 20, bold=True).width("Description") + 2 * CELL_X


def test_prompt_that_says_select_all_is_not_repeated() -> None:
    course = load_checked(HERE / "roots" / "minimal").course
    questions = [q for m in course.modules if m.quiz for q in m.quiz.questions
                 if q.type.value == "multiple"]
    assert questions
    quiz = next(m.quiz for m in course.modules if m.quiz)
    question = replace(questions[0], prompt="Which apply? Select all that apply.")
    texts = [p.text for p in question_slides(course, quiz, question, 1, 1)[0].body
             if hasattr(p, "text")]
    assert not any("all that apply" in t.lower() for t in texts)
    plain = question_slides(course, quiz, questions[0], 1, 1)[0].body
    assert [p.text for p in plain if hasattr(p, "text")][-1] == "Choose all that apply."


def test_bundled_comparison_table_is_large_and_full_width(bundled_slides: Path) -> None:
    prs = Presentation(str(bundled_slides / "comparison.pptx"))
    slide = prs.slides[titles(prs).index("Five aspects at a glance")]
    frame = next(sh for sh in slide.shapes if sh.has_table)
    assert min(run_sizes(frame)) >= 14
    assert frame.width == pytest.approx(INNER, abs=12700)
    widths = [c.width for c in frame.table.columns]
    assert max(widths) - min(widths) > 12700 * 20  # sized by content, not equal
    bottom = frame.top + sum(r.height for r in frame.table.rows)
    assert bottom <= 6217920  # inside the body area


def test_bundled_decks_have_no_small_text(bundled_slides: Path) -> None:
    for deck in sorted(bundled_slides.iterdir()):
        prs = Presentation(str(deck))
        for number, slide in enumerate(prs.slides, start=1):
            for shape in slide.shapes:
                if shape.has_table:
                    assert min(run_sizes(shape)) >= 14, (deck.name, number)
                elif shape.has_text_frame and shape.text_frame.text.strip():
                    sizes = run_sizes(shape)
                    assert not sizes or min(sizes) >= 18, (deck.name, number, shape.name)


def test_long_agenda_goes_into_two_columns(bundled_slides: Path) -> None:
    prs = Presentation(str(bundled_slides / "comparison.pptx"))
    agenda = prs.slides[titles(prs).index("Agenda")]
    assert agenda.slide_layout.name == "Comparison"
    bodies = [sh for sh in agenda.placeholders if sh.placeholder_format.idx in (2, 4)]
    assert len(bodies) == 2
    left, right = sorted(bodies, key=lambda sh: sh.left)
    items = [p.text for sh in (left, right) for p in sh.text_frame.paragraphs]
    assert items[0] == "Five aspects at a glance" and items[-1] == "Summary"
    assert len(items) == 12 and len(left.text_frame.paragraphs) == 6
    assert left.top == right.top and left.left + left.width < right.left
    assert min(run_sizes(left) + run_sizes(right)) >= 22


def _default_deck_fitting() -> tuple[Boxes, TextStyle]:
    prs = build_reference_deck("#123456")
    style = text_style(prs.slide_master)
    return deck_boxes(find_layouts(prs), style), style


def _matching(items: int, words: int) -> SlideSpec:
    item = " ".join(["responsibility"] * words)
    return SlideSpec(role="comparison", title="Question 1 of 1", notes="Ask.", columns=(
        Column(heading="Match each of these", body=tuple(
            Paragraph(runs=(Run(text=f"{n}. {item}"),), kind="bullet") for n in range(items))),
        Column(heading="to one of these", body=tuple(
            Paragraph(runs=(Run(text=t),), kind="letter", number=i + 1)
            for i, t in enumerate(("Project Manager", "PMO Manager", "Program Manager"))))))


def test_fuller_comparison_column_is_widened_before_text_shrinks() -> None:
    boxes, style = _default_deck_fitting()
    pages = paginate(_matching(5, 7), boxes, style)
    assert len(pages) == 1
    assert pages[0].share > 0.5  # the items get more room than the three short targets
    assert pages[0].body_size == 20  # at equal widths it would be 18


def test_long_comparison_continues_with_the_short_column_repeated() -> None:
    boxes, style = _default_deck_fitting()
    spec = _matching(30, 6)
    pages = paginate(spec, boxes, style)
    assert len(pages) > 1
    assert [p.title for p in pages[1:]] == ["Question 1 of 1 (cont.)"] * (len(pages) - 1)
    assert all(p.columns[1].body == spec.columns[1].body for p in pages)
    items = [b for p in pages for b in p.columns[0].body]
    assert items == list(spec.columns[0].body)
    assert all(p.body_size >= 18 for p in pages)


def test_package_ids_and_relationships_are_consistent(tmp_path: Path) -> None:
    """Slides, notes and their ids come from counters: check them as PowerPoint would."""
    slides = build_slides(HERE / "roots" / "pptx-long", tmp_path / "out")
    for deck in sorted(slides.iterdir()):
        with zipfile.ZipFile(deck) as archive:
            names = set(archive.namelist())
            presentation = archive.read("ppt/presentation.xml").decode()
            ids = [int(i) for i in re.findall(r'<p:sldId id="(\d+)"', presentation)]
            assert ids == list(range(256, 256 + len(ids))), deck.name
            content_types = archive.read("[Content_Types].xml").decode()
            for name in sorted(n for n in names if n.endswith(".rels")):
                rels = archive.read(name).decode()
                r_ids = re.findall(r'Id="(rId\d+)"', rels)
                assert len(r_ids) == len(set(r_ids)), (deck.name, name)
                folder = name.replace("_rels/", "").removesuffix(".rels").rpartition("/")[0]
                for target in re.findall(r'Target="([^"]+)"(?! TargetMode)', rels):
                    resolved = os.path.normpath(f"{folder}/{target}").lstrip("/")
                    assert resolved in names, (deck.name, name, target)
            for number in range(1, len(ids) + 1):
                slide_rels = archive.read(f"ppt/slides/_rels/slide{number}.xml.rels").decode()
                notes = re.findall(r'notesSlides/(notesSlide\d+\.xml)', slide_rels)
                assert len(notes) == 1, (deck.name, number)
                back = archive.read(f"ppt/notesSlides/_rels/{notes[0]}.rels").decode()
                assert f"slides/slide{number}.xml" in back, (deck.name, number)
                assert f'PartName="/ppt/slides/slide{number}.xml"' in content_types
                assert f'PartName="/ppt/notesSlides/{notes[0]}"' in content_types
        prs = Presentation(str(deck))
        notes_texts = [s.notes_slide.notes_text_frame.text for s in prs.slides]
        assert all(notes_texts), deck.name
        continued = [t for s, t in zip(prs.slides, notes_texts, strict=True)
                     if s.shapes.title is not None and s.shapes.title.text.endswith("(cont.)")]
        assert continued and all(t.startswith("Continues '") for t in continued), deck.name
        assert_continued_slides_keep_the_notes(prs)


def assert_continued_slides_keep_the_notes(prs: PresentationObject) -> None:
    """Every "(cont.)" slide says what it continues and keeps every paragraph of the notes
    of the slide it continues (the author's notes, not just a pointer back)."""
    first: dict[str, list[str]] = {}
    checked = 0
    for slide in prs.slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        # each page states its own share of the slide's time in the last paragraph
        notes = [n for n in notes_paragraphs(slide) if not n.startswith("Timing: ")]
        if not title.endswith(" (cont.)"):
            # the first part may open with the title or subtitle in full: not part of the notes
            first[title] = [n for n in notes if not n.startswith(("Title in full:",
                                                                  "Subtitle in full:"))]
            continue
        base = title.removesuffix(" (cont.)")
        kept = first.get(base)
        if kept is None:  # a shortened title: its first part's notes name it in full
            kept = next(v for k, v in reversed(first.items()) if k.endswith("…"))
        assert notes[0].startswith("Continues '"), title
        assert kept and notes[1:] == kept, (title, notes, kept)
        checked += 1
    assert checked


def test_titles_fit_the_box_of_their_own_layout() -> None:
    """A title slide's tall box keeps a two-line title large; a content slide's shrinks it."""
    boxes, style = _default_deck_fitting()
    title = "Roles in a delivery team: who builds, who plans and who decides there"
    sizes = {role: paginate(SlideSpec(role=role, title=title, notes="Say hello."), boxes,
                            style)[0].title_size for role in ("title", "section", "content")}
    assert sizes["title"] is None and sizes["section"] is None  # their layouts' 44 and 40 pt
    assert sizes["content"] is not None and sizes["content"] < 36
    assert boxes.title("title")[2] == 44 and boxes.title("content")[2] == 36


def test_subheadings_quotes_code_and_rules_are_not_shown_as_markdown() -> None:
    blocks = parse_blocks("Intro\n## A subheading\n> A quote that\n> goes on\n```python\n"
                          "def f():\n    return 1\n```\n***\n- item")
    assert [(b.text, b.kind) for b in blocks if isinstance(b, Paragraph)] == [
        ("Intro", "plain"), ("A subheading", "plain"), ("A quote that goes on", "plain"),
        ("def f():", "plain"), ("    return 1", "plain"), ("item", "bullet")]
    heading, quote, code = blocks[1], blocks[2], blocks[3]
    assert isinstance(heading, Paragraph) and heading.runs[0].bold
    assert isinstance(quote, Paragraph) and quote.runs[0].italic
    assert isinstance(code, Paragraph) and code.runs[0].code


def test_a_potx_template_works_like_a_deck(tmp_path: Path) -> None:
    """A corporate template saved as .potx: the same parts, another main content type."""
    deck = corporate.write_corporate_template(tmp_path / "corporate.pptx")
    potx = tmp_path / "corporate.potx"
    with zipfile.ZipFile(deck) as source, zipfile.ZipFile(potx, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"presentationml.presentation.main+xml",
                                    b"presentationml.template.main+xml")
            target.writestr(info, blob)
    slides = build_slides(HERE / "roots" / "minimal", tmp_path / "out", BuildOptions(
        pptx_template=potx, layout_names=corporate.MAPPING))
    prs = Presentation(str(slides / "welcome.pptx"))
    assert [s.slide_layout.name for s in prs.slides][:2] == ["Cover", "Text Page"]


def _zip_of_a_text(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "a zip, but no deck")


@pytest.mark.parametrize("make", [lambda path: path.write_bytes(b"not a zip at all"),
                                  _zip_of_a_text], ids=["not-a-zip", "a-zip-of-text"])
def test_a_template_that_is_not_a_deck_is_a_one_line_error(tmp_path: Path, make: Any) -> None:
    template = tmp_path / "template.pptx"
    make(template)
    message = "is not a PowerPoint deck or template (.pptx, .potx)"
    result = CliRunner().invoke(main, ["build", str(HERE / "roots" / "minimal"), "-o",
                                       str(tmp_path / "out"), "-f", "pptx", "--pptx-template",
                                       str(template)])
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


TIMING = re.compile(r"^Timing: (?:about (?:(\d+) h (\d+) min|(\d+) minutes?)|under a minute)")


def _stated_minutes(prs: PresentationObject) -> int:
    """The minutes the notes' timing lines add up to (every slide has exactly one)."""
    total = 0
    for number, slide in enumerate(prs.slides, start=1):
        lines = [n for n in notes_paragraphs(slide) if TIMING.match(n)]
        assert len(lines) == 1, number
        hours, mins, plain_minutes = TIMING.match(lines[0]).groups()  # type: ignore[union-attr]
        total += int(hours) * 60 + int(mins) if hours else int(plain_minutes or 0)
    return total


def test_bundled_timings_add_up_to_the_announced_minutes(bundled_slides: Path) -> None:
    course = load_checked(HERE.parent / "course").course
    for module in course.modules:
        prs = Presentation(str(bundled_slides / f"{module.id}.pptx"))
        assert _stated_minutes(prs) == module.lesson.minutes, module.id
        assert f"Estimated time: {module.lesson.minutes} minutes" in _slide_texts(prs.slides[0])
    prs = Presentation(str(bundled_slides / f"{course.id}.pptx"))
    announced = re.search(r"Estimated time: (\d+) h (\d+) min", _slide_texts(prs.slides[0])[0])
    assert announced is not None
    assert _stated_minutes(prs) == int(announced[1]) * 60 + int(announced[2])


def test_bundled_course_agenda_has_start_times_breaks_and_a_closing_slide(
        bundled_slides: Path) -> None:
    course = load_checked(HERE.parent / "course").course
    prs = Presentation(str(bundled_slides / f"{course.id}.pptx"))
    agenda = prs.slides[titles(prs).index("Agenda")]
    table = next(sh.table for sh in agenda.shapes if sh.has_table)
    rows = [[c.text for c in r.cells] for r in table.rows][1:]
    starts = [int(h) * 60 + int(m) for h, m in (r[0].split(":") for r in rows)]
    assert starts == sorted(starts) and starts[0] == 0
    assert all(a + int(r[2]) == b for a, r, b in zip(starts, rows, starts[1:], strict=False))
    listed = [r[1] for r in rows]
    assert [t for t in listed if t in {m.title for m in course.modules}] == [
        m.title for m in course.modules]
    since = 0  # no stretch of more than 90 minutes without a break
    for row in rows:
        since = 0 if row[1] == "Break" else since + int(row[2])
        assert since <= 90, rows
    assert "Break" in listed and titles(prs).count("Break") == listed.count("Break")
    closing = _slide_texts(prs.slides[-1])
    assert titles(prs)[-1] == "Summary and questions"
    assert "Questions?" in closing and any("evaluation" in t for t in closing)


def test_bundled_quizzes_move_the_correct_option_and_counted_ones_hide_it(
        bundled_slides: Path) -> None:
    course = load_checked(HERE.parent / "course").course
    for module in course.modules:
        quiz = module.quiz
        if quiz is None:
            continue
        prs = Presentation(str(bundled_slides / f"{module.id}.pptx"))
        positions = set()
        for number, question in enumerate(quiz.questions, start=1):
            if question.type.value not in ("single", "multiple"):
                continue
            slide = _labelled(prs, f"Question {number} of {len(quiz.questions)}")[0]
            shown = _slide_texts(slide)[1:1 + len(question.choices)]
            texts = [typographic(c.text, course.language) for c in question.choices]
            assert sorted(shown) == sorted(texts)
            positions.add(tuple(i for i, t in enumerate(shown)
                                for c, text in zip(question.choices, texts, strict=True)
                                if c.correct and text == t))
        assert len(positions) > 1, module.id  # not always the same position
        answers = [s for n in range(1, len(quiz.questions) + 1)
                   for s in _labelled(prs, f"Answer {n} of {len(quiz.questions)}")]
        on_screen = " ".join(t for s in prs.slides for t in _slide_texts(s))
        if quiz.settings.counts or not quiz.settings.reveal_answers:
            assert answers == [] and "✓" not in on_screen, module.id
        else:
            assert len(answers) == len(quiz.graded_questions), module.id


def test_right_to_left_courses_get_right_to_left_paragraphs(tmp_path: Path) -> None:
    slides = build_slides(HERE / "roots" / "lang-ar", tmp_path / "out")
    prs = Presentation(str(slides / "welcome.pptx"))
    for slide in prs.slides:
        for part in (slide, slide.notes_slide):
            paragraphs = list(part.element.iter(f"{{{A}}}p"))
            assert paragraphs
            for p in paragraphs:
                ppr = p.find(f"{{{A}}}pPr")
                assert ppr is not None and ppr.get("rtl") == "1" and ppr.get("algn") == "r"
    # the accent under the title sits on the right, where the title starts
    english = Presentation(str(build_slides(HERE / "roots" / "minimal", tmp_path / "en")
                               / "welcome.pptx"))
    for deck, right in ((prs, True), (english, False)):
        title = next(sh for sh in deck.slide_layouts[1].placeholders
                     if sh.placeholder_format.idx == 0)
        (accent,) = [sh for sh in deck.slide_master.shapes
                     if sh.name.startswith("Accent") and sh.width < deck.slide_width]
        if right:
            assert abs(accent.left + accent.width - (title.left + title.width)) < Emu(12700 * 10)
        else:
            assert abs(accent.left - title.left) < Emu(12700 * 10)


def test_deck_labels_speak_the_course_language(tmp_path: Path) -> None:
    slides = build_slides(HERE / "roots" / "lang-de", tmp_path / "out")
    prs = Presentation(str(slides / "roles.pptx"))
    names = titles(prs)
    assert "Agenda" in names and "Lernziele" in names and "Zusammenfassung" in names
    assert _labelled(prs, "Frage 1 von 6")
    assert "Geschätzte Dauer: 10 Minuten" in _slide_texts(prs.slides[0])


def test_course_deck_has_a_powerpoint_section_per_module(bundled_slides: Path) -> None:
    course = load_checked(HERE.parent / "course").course
    path = bundled_slides / f"{course.id}.pptx"
    with zipfile.ZipFile(path) as deck:
        root = etree.fromstring(deck.read("ppt/presentation.xml"))
    p14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
    sections = list(root.iter(f"{p14}section"))
    names = [s.get("name") for s in sections]
    assert names == ["Welcome and agenda", *(m.title for m in course.modules),
                     "Summary, questions and evaluation"]
    in_sections = [int(i.get("id")) for s in sections for i in s.iter(f"{p14}sldId")]
    prs = Presentation(str(path))
    assert in_sections == [int(s.slide_id) for s in prs.slides]  # every slide, in order
    first = {s.slide_id: s for s in prs.slides}
    for section, module in zip(sections[1:-1], course.modules, strict=True):
        opening = first[int(next(section.iter(f"{p14}sldId")).get("id"))]
        assert opening.shapes.title.text_frame.text == module.title


def test_default_deck_offers_layouts_for_editing() -> None:
    names = [layout.name for layout in build_reference_deck("#123456").slide_layouts]
    assert {"Blank", "Two Content", "Picture with Caption"} <= set(names)


def test_typographic_quotes_apostrophes_and_dashes() -> None:
    assert typographic('Ask: "Isn\'t it \'ours\'?" -- yes...', "en") == \
        "Ask: “Isn’t it ‘ours’?” – yes…"
    assert typographic('Sagen Sie "Hallo" - bitte', "de") == "Sagen Sie „Hallo“ – bitte"
    spec = SlideSpec(role="content", title='The "PM"', notes="It's", body=(
        Paragraph(runs=(Run(text='say "x" with '), Run(text='print("x")', code=True))),))
    done = typeset(spec, "en")
    assert done.title == "The “PM”" and done.notes == "It’s"
    assert [r.text for r in done.body[0].runs] == ["say “x” with ", 'print("x")']


def test_bundled_decks_use_typographic_quotes(bundled_slides: Path) -> None:
    prs = Presentation(str(bundled_slides / "final-assessment.pptx"))
    texts = [t for s in prs.slides for t in _slide_texts(s)]
    assert "Includes “who handles this?” workplace scenarios" in texts
    assert not any('"' in t for t in texts)


def test_callouts_lead_with_their_kind_in_bold(tmp_path: Path) -> None:
    slides = build_slides(HERE / "roots" / "rich", tmp_path / "out")
    prs = Presentation(str(slides / "basics.pptx"))
    names = titles(prs)
    texts = _slide_texts(prs.slides[names.index("Late changes")])
    assert texts[:2] == ["Warning", "A change made after the review has not been reviewed."]
    assert "Example: A late fix" in texts
    body = next(sh for sh in prs.slides[names.index("Three steps")].shapes
                if sh.has_text_frame and "Tip: Keep it small" in sh.text_frame.text)
    lead = next(p for p in body.text_frame.paragraphs if p.text == "Tip: Keep it small")
    assert all(r.font.bold for r in lead.runs)


def test_body_text_takes_the_layout_size_with_powerpoints_autofit(long_slides: Path) -> None:
    """An added bullet or a theme change reflows: no explicit size on top-level body text."""
    prs = Presentation(str(long_slides / "long.pptx"))
    checked = 0
    for slide in prs.slides:
        if slide.slide_layout.name != "Title and Content":
            continue  # subtitles and column headings are set as fitted
        for shape in slide.placeholders:
            if shape.placeholder_format.type not in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT):
                continue
            fit = shape.text_frame._txBody.find(f"{{{A}}}bodyPr/{{{A}}}normAutofit")
            assert fit is not None, shape.text_frame.text
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    if paragraph.level == 0 and not run.font.name:
                        assert run.font.size is None, run.text
                        checked += 1
            assert min(run_sizes(shape)) >= 16
    assert checked > 20
