"""Slide decks read back with python-pptx: structure, notes, formatting, templates, bytes, speed.

Regenerate the golden deck structure with COURSEFORGE_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import importlib.util
import json
import os
import time
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.presentation import Presentation as PresentationObject

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.errors import CourseforgeError
from courseforge.loading import diagnose

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "pptx"
UPDATE_GOLDEN = os.environ.get("COURSEFORGE_UPDATE_GOLDEN") == "1"


def _corporate_module():  # type: ignore[no-untyped-def]
    path = HERE / "fixtures" / "pptx" / "corporate_template.py"
    spec = importlib.util.spec_from_file_location("corporate_template", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


corporate = _corporate_module()


def build_slides(course: Path, output: Path, options: BuildOptions | None = None) -> Path:
    """Build only the decks of a course; the slides folder."""
    build(course, output, ["pptx"], options or BuildOptions(), lambda message: None)
    return output / "slides"


def titles(prs: PresentationObject) -> list[str]:
    """Each slide's title text."""
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else ""
            for s in prs.slides]


def structure(prs: PresentationObject) -> list[dict[str, object]]:
    """Layout name, title and whether there are notes, per slide: the golden shape of a deck."""
    return [{"layout": s.slide_layout.name,
             "title": s.shapes.title.text_frame.text if s.shapes.title is not None else "",
             "notes": bool(s.has_notes_slide and s.notes_slide.notes_text_frame.text.strip())}
            for s in prs.slides]


@pytest.fixture(scope="module")
def minimal_slides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_slides(HERE / "roots" / "minimal", tmp_path_factory.mktemp("minimal"))


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
    assert notes[3] == "Ask the group for an example of a decision nobody owned."
    assert "Timing: about 1 minute." in notes[0] and "5 minutes" in notes[0]
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


def test_quiz_slides(minimal_slides: Path) -> None:
    prs = Presentation(str(minimal_slides / "roles.pptx"))
    names = titles(prs)
    start = names.index("Check your understanding")
    assert names[start + 1:start + 12] == [
        "Question 1 of 6", "Answer 1 of 6", "Question 2 of 6", "Answer 2 of 6",
        "Question 3 of 6", "Answer 3 of 6", "Question 4 of 6", "Answer 4 of 6",
        "Question 5 of 6", "Question 6 of 6", "Summary"]
    text = {n: "\n".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame)
            for n, s in zip(names, prs.slides, strict=True)}
    assert "B. Book milestones" not in text["Answer 2 of 6"]
    assert "A. Book milestones" in text["Answer 2 of 6"]
    assert "B. Track dates" in text["Answer 2 of 6"]
    assert "Planners own the dates." in text["Answer 2 of 6"]
    assert "B. False" in text["Answer 3 of 6"]
    assert "no wrong answer" in text["Question 5 of 6"]
    match = prs.slides[names.index("Question 4 of 6")]
    assert match.slide_layout.name == "Comparison"
    answer = prs.slides[names.index("Answer 4 of 6")]
    table = next(sh.table for sh in answer.shapes if sh.has_table)
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Item", "Matches"], ["Writes the code", "Maker"], ["Books the milestones", "Planner"]]


def test_course_deck_has_section_slides_between_modules(minimal_slides: Path) -> None:
    prs = Presentation(str(minimal_slides / "team-roles.pptx"))
    rows = structure(prs)
    assert rows[0] == {"layout": "Title Slide", "title": "Roles in a delivery team", "notes": True}
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
    for slide in prs.slides:
        assert slide.notes_slide.notes_text_frame.text.strip()
        for shape in slide.placeholders:
            assert shape.text_frame.text.strip()


def test_corporate_template_without_mapping_lists_its_layouts(tmp_path: Path) -> None:
    template = corporate.write_corporate_template(tmp_path / "corporate.pptx")
    with pytest.raises(CourseforgeError) as caught:
        build_slides(HERE / "roots" / "minimal", tmp_path / "out",
                     BuildOptions(pptx_template=template))
    message = caught.value.message
    assert "title (looked for 'Title Slide')" in message
    assert "'Cover'" in message and "'Divider'" in message and "--layout" in message
    assert not (tmp_path / "out" / "slides").exists()


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


def test_large_course_builds_quickly(tmp_path: Path) -> None:
    course = _big_course(tmp_path / "course", 500)
    started = time.perf_counter()
    slides = build_slides(course, tmp_path / "out")
    elapsed = time.perf_counter() - started
    prs = Presentation(str(slides / "big.pptx"))
    assert [t for t in titles(prs) if t.startswith("Slide ")] == [
        f"Slide {i}" for i in range(500)]
    names = [p.partname for p in prs.part.package.iter_parts()
             if p.partname.startswith("/ppt/notesSlides/")]
    assert len(set(names)) == len(prs.slides)
    assert "Agenda (cont.)" in titles(prs)  # 500 topics do not fit one agenda slide
    # two decks of ~500 slides; python-pptx's own part naming alone would take far longer
    assert elapsed < 60, elapsed


def test_bundled_course_structure_matches_golden(tmp_path: Path) -> None:
    course = HERE.parent / "course"
    _, diagnostics = diagnose(course)
    if any(d.severity.value == "error" for d in diagnostics):
        pytest.skip("the bundled course does not validate yet")
    slides = build_slides(course, tmp_path / "out")
    actual = {p.name: structure(Presentation(str(p))) for p in sorted(slides.iterdir())}
    golden = GOLDEN / "bundled-structure.json"
    text = json.dumps(actual, indent=1, ensure_ascii=False) + "\n"
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert json.loads(golden.read_text(encoding="utf-8")) == actual
    comparison = Presentation(str(slides / "comparison.pptx"))
    assert any(sh.has_table for s in comparison.slides for sh in s.shapes)
