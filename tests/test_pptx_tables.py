"""Deck tables: shrunk before any word breaks, long compounds hyphenated in the course's
language, continued tables at full width with the same columns on every part."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Emu

from courseforge.builders.pptx.hyphenation import hyphenate_word
from courseforge.builders.pptx.layouts import find_layouts
from courseforge.builders.pptx.markdown_runs import Picture, Table, parse_blocks
from courseforge.builders.pptx.pagination import CELL_X, paginate, words_fit
from courseforge.builders.pptx.reference_deck import build_reference_deck
from courseforge.builders.pptx.slide_specs import SlideSpec
from courseforge.builders.pptx.text_fit import Face
from courseforge.builders.pptx.writer import deck_boxes, text_style
from courseforge.cli import main
from test_pptx_decks import build_slides, run_sizes

HERE = Path(__file__).resolve().parent
TABLES = HERE / "roots" / "pptx-tables"
COMPOUNDS = ("Kraftfahrzeughaftpflichtversicherung", "Versicherungsaufsichtsbehörde",
             "Pflichtversicherungsgesetz", "Schadensregulierungsabteilung",
             "Mindestversicherungssummen", "Verbraucherschutzzentrale")


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Any:
    slides = build_slides(TABLES, tmp_path_factory.mktemp("tables") / "out")
    return Presentation(str(slides / "tabellen.pptx"))


def _slides(prs: Any, title: str) -> list[Any]:
    return [s for s in prs.slides if s.shapes.title.text_frame.text.startswith(title)]


def _table(slide: Any) -> Any:
    return next(sh for sh in slide.shapes if sh.has_table)


def test_long_german_compounds_are_hyphenated_at_syllables_not_broken(deck: Any) -> None:
    (slide,) = _slides(deck, "Versicherungen im Vergleich")
    shape = _table(slide)
    cells = [cell for cell in shape.table.iter_cells()]
    texts = [cell.text for cell in cells]
    # every compound is still there, whole, once its hyphenation breaks are taken out
    joined = " ".join(t.replace("-\v", "") for t in texts)
    for word in COMPOUNDS:
        assert word in joined.split()
    broken = [t for t in texts if "\v" in t]
    assert broken, "no compound was hyphenated"
    for text in broken:
        for line in text.split("\v")[:-1]:
            assert line.endswith("-")  # a hyphen ends every broken line
    # each line of a hyphenated word fits its column at the size it is set in
    size = cells[0].text_frame.paragraphs[0].runs[0].font.size.pt
    assert size == 14
    for column, cell in zip(list(shape.table.columns) * len(shape.table.rows), cells,
                            strict=True):
        room = Emu(column.width).pt - 2 * CELL_X
        for line in cell.text.split("\v"):
            for word in line.split():
                assert Face("Calibri", size, bold=True).width(word) <= room, word


def test_hyphenation_follows_the_language() -> None:
    def width(text: str) -> float:
        return Face("Calibri", 14).width(text)

    german = hyphenate_word("Donaudampfschifffahrtsgesellschaft", 120, width, "de")
    lines = german.split("\v")
    assert len(lines) > 1 and all(width(line) <= 120 for line in lines)
    assert "".join(line.removesuffix("-") for line in lines) == \
        "Donaudampfschifffahrtsgesellschaft"
    assert lines[0] in ("Donaudampfschiff-", "Donaudampf-", "Donaudampfschifffahrts-")
    assert hyphenate_word("short", 120, width, "de") == "short"
    # no patterns for Arabic: the word stays whole rather than being cut anywhere
    assert hyphenate_word("ا" * 80, 120, width, "ar") == "ا" * 80


def _fitting() -> tuple[Any, Any]:
    prs = build_reference_deck("#123456")
    style = text_style(prs.slide_master)
    return deck_boxes(find_layouts(prs), style), style


def test_a_table_shrinks_before_any_word_breaks() -> None:
    boxes, style = _fitting()
    words = ["Verantwortlichkeiten", "Zuständigkeitsbereich", "Ansprechpartnerin",
             "Qualitätssicherung", "Weiterbildungsangebot"]
    markdown = "| " + " | ".join(words) + " |\n|" + " --- |" * len(words) + "\n| " + \
        " | ".join(words[::-1]) + " |"
    table = parse_blocks(markdown)[0]
    assert isinstance(table, Table)
    width = boxes.body[0]
    assert not words_fit(table, width, 20, style) and words_fit(table, width, 14, style)
    (page,) = paginate(SlideSpec(role="content", title="Rollen", notes="", body=(table,)),
                       boxes, style)
    assert page.table_size < 20
    assert words_fit(page.body[0], width, page.table_size, style)  # type: ignore[arg-type]
    assert page.body == (table,)  # shrinking sufficed: nothing hyphenated


def test_a_continued_table_keeps_its_columns_at_full_width(deck: Any) -> None:
    slides = _slides(deck, "Eine lange Tabelle")
    assert len(slides) >= 3
    first, *parts = slides
    pictures = [sh for s in slides for sh in s.shapes if sh.shape_type == 13]
    assert len(pictures) == 1 and pictures[0] in list(first.shapes)  # with the first part
    tables = [_table(s) for s in parts]
    widths = {tuple(c.width for c in t.table.columns) for t in tables}
    assert len(widths) == 1  # the same columns on every part
    body_width = max(t.width for t in tables)
    assert all(t.width == body_width for t in tables)
    layout_body = next(sh for sh in deck.slide_layouts[1].placeholders
                       if sh.placeholder_format.idx == 1)
    assert abs(body_width - layout_body.width) <= Emu(12700)  # the full width
    rows = [t.table.cell(r, 0).text for t in tables for r in range(1, len(t.table.rows))]
    assert rows == [f"Zeile {i}" for i in range(1, 31)]
    # the continuation speaks the course's language, and keeps the author's notes
    for part in parts:
        assert part.shapes.title.text_frame.text == "Eine lange Tabelle (Forts.)"
        notes = part.notes_slide.notes_text_frame.text
        assert notes.startswith("Fortsetzung von „Eine lange Tabelle“.")
        assert "Die Tabelle geht weiter." in notes


def test_continued_body_keeps_a_picture_off_the_table_parts() -> None:
    boxes, style = _fitting()
    rows = "\n".join(f"| Row {i} | Some text {i} |" for i in range(40))
    blocks = (*parse_blocks(f"| A | B |\n| --- | --- |\n{rows}"), Picture(src="x.png", alt="x"))
    pages = paginate(SlideSpec(role="content", title="T", notes="", body=blocks), boxes,
                     style)
    assert len(pages) > 1
    assert isinstance(pages[0].body[0], Picture)
    assert not any(isinstance(b, Picture) for p in pages[1:] for b in p.body)
    shares = {b.shares for p in pages for b in p.body if isinstance(b, Table)}
    assert len(shares) == 1 and shares != {()}
    assert replace(pages[1].body[0], rows=()).header == blocks[0].header  # type: ignore[union-attr]


def test_check_warns_when_a_table_fits_only_hyphenated() -> None:
    result = CliRunner().invoke(main, ["check", str(TABLES)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines()
             if "[deck.table-hyphenated]" in line]
    assert len(lines) == 1
    assert lines[0].startswith(f"{TABLES}/modules/tabellen/lesson.md:9: warning: ")
    assert "'Versicherungen im Vergleich'" in lines[0] and "hyphenated" in lines[0]
    quiet = CliRunner().invoke(main, ["check", str(HERE / "roots" / "pptx-long")])
    assert "[deck.table-hyphenated]" not in quiet.output


def test_code_lines_never_wrap_and_continue(deck: Any) -> None:
    slides = _slides(deck, "Ein Skript")
    assert len(slides) > 1
    lines, sizes = [], set()
    for slide in slides:
        body = next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 1)
        room = Emu(body.width).pt - 2 * 7.2
        for paragraph in body.text_frame.paragraphs:
            (run,) = paragraph.runs
            size = run.font.size.pt
            sizes.add(size)
            assert Face("Courier New", size).width(run.text) <= room, run.text  # one line
            lines.append(run.text)
    assert lines[0] == "def alle_summen(vertrag):" and lines[-1] == "    return ergebnis_01"
    assert len(lines) == 32 and len(sizes) == 1  # every line, in order, one size
    assert sizes.pop() < 18  # shrunk to the longest line


def run_sizes_of(paragraph: Any, slide: Any) -> float:
    """The size a paragraph's first run is shown at."""
    shape = next(sh for sh in slide.placeholders if paragraph._p in list(sh.text_frame._txBody))
    return run_sizes(shape)[0]


def test_a_list_of_ten_or_more_holds_two_digits(deck: Any) -> None:
    (slide,) = _slides(deck, "Zwölf Schritte")
    paragraphs = [p for sh in slide.placeholders if sh.placeholder_format.idx != 0
                  for p in sh.text_frame.paragraphs if p.text.startswith("Schritt")]
    assert len(paragraphs) == 12
    for paragraph in paragraphs:
        ppr = paragraph._p.pPr
        size = run_sizes_of(paragraph, slide)
        hanging = -int(ppr.get("indent")) / 12700
        assert hanging >= Face("Calibri", size).width("10.") + 0.25 * size - 0.01  # EMU rounding


@pytest.mark.parametrize(("brand", "language", "right_to_left"),
                         [("#1F5C99", "en", False), ("#AA3300", "de", False),
                          ("#006644", "ar", True)])
def test_check_measures_tables_as_the_default_deck_sets_them(
        brand: str, language: str, right_to_left: bool) -> None:
    # check reads the default deck's body width and text style without building the deck
    from courseforge.builders.pptx.reference_measures import (
        default_body_width,
        default_text_style,
    )
    from courseforge.builders.pptx.theme_measures import measures

    found = measures(find_layouts(build_reference_deck(brand, right_to_left)), language)
    assert default_text_style(language) == found.style
    assert default_body_width() == found.boxes.body[0]
    assert found.boxes.body[0] > 600  # a 13.333 in slide less its margins


def test_check_imports_no_python_pptx(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = ("import sys\nfrom courseforge.cli import main\n"
              "try:\n    main(['check', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
              "print('pptx' in sys.modules, 'docx' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script, str(TABLES)], capture_output=True,
                          text=True, check=True)
    assert "deck.table-hyphenated" in done.stdout
    assert done.stdout.splitlines()[-1] == "False False"
