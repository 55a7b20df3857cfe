"""Typographic punctuation and table captions: one rule in lessons, decks and the handout.

The typography course writes straight quotes, apostrophes, " - ", "--", "---" and "..." in
prose, a heading, a table and its caption, a callout, the quiz and in code; what the
learner reads is typeset, code, attributes and ids keep their characters.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from docx import Document
from pptx import Presentation

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.lesson.html_render import render_markdown
from courseforge.builders.pptx.markdown_runs import (
    CAPTION_SIZE,
    Paragraph,
    Run,
    Table,
    parse_blocks,
)
from courseforge.loading import diagnose
from courseforge.typography import NARROW_NBSP, typographic

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
ROOT = Path(__file__).resolve().parent / "roots" / "typography"
PROSE = "Say “no” – it’s ‘kind’ – really… A well-timed no—said early—saves a week."
PROSE_DE = "Say „no“ – it’s ‚kind‘ – really… A well-timed no—said early—saves a week."
CODE = "print(\"it's -- fine...\")"
BLOCK = "say \"no\" -- it's fine..."


def _german(target: Path) -> Path:
    """The typography course in German: same texts, German quotes."""
    root = target / "course-de"
    shutil.copytree(ROOT, root)
    course = root / "course.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("language: en", "language: de"),
                      encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The English and German typography course as lesson, decks and guide."""
    target = tmp_path_factory.mktemp("typography")
    out = {}
    for language, course in (("en", ROOT), ("de", _german(target))):
        out[language] = target / f"out-{language}"
        build(course, out[language], ["web", "pptx", "guide"], BuildOptions(), lambda _: None)
    return out


def _lesson(out: Path) -> Any:
    return lxml.html.parse(str(out / "web" / "index.html")).getroot()


def _data(tree: Any) -> dict[str, Any]:
    return json.loads(tree.xpath("//script[@id='courseforge-data']")[0].text)


def _texts(tree: Any, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in tree.xpath(xpath)]


def test_lesson_prose_heading_table_and_callout_are_typeset(built: dict[str, Path]) -> None:
    tree = _lesson(built["en"])
    page = tree.get_element_by_id("saying-no.1")
    assert _texts(page, ".//h1") == ["The “polite” refusal"]
    assert PROSE in _texts(page, ".//div[@class='prose']/p")
    assert _texts(page, ".//h3") == ["When it’s “too late”"]
    table = tree.get_element_by_id("saying-no.2")
    assert _texts(table, ".//td") == ["“Not this week”", "“It’s done” – soon"]
    assert _texts(table, ".//aside//p") == ["Tip: A “quick” tip",
                                            "Don’t say “maybe”… say ‘no’ – and why."]
    assert _texts(tree, "//li[@class='module-card']//h3") == ["1 It’s a “no”"]
    assert _texts(tree, "//h1[@id='start-title']") == ["Saying “no” – kindly"]


def test_code_attributes_and_links_keep_their_characters(built: dict[str, Path]) -> None:
    tree = _lesson(built["en"])
    page = tree.get_element_by_id("saying-no.1")
    assert _texts(page, ".//p/code") == [CODE]
    assert page.xpath(".//pre/code")[0].text_content() == BLOCK + "\n"
    link = tree.get_element_by_id("saying-no.2").xpath(".//a[@target='_blank']")[0]
    assert link.get("href") == "https://example.org/don't--wait..."
    assert link.text_content() == "the “guide”"


def test_quiz_prompt_options_and_feedback_are_typeset_ids_are_not(
        built: dict[str, Path]) -> None:
    tree = _lesson(built["en"])
    form = tree.get_element_by_id("quiz:saying-no")
    assert "What’s the “kind” way to say no?" in _texts(form, ".//legend")[0]
    assert _texts(form, ".//label") == ["Say “no” – early", "Say “maybe”…"]
    assert [i.get("value") for i in form.xpath(".//input")] == ["a", "b"]
    question = _data(tree)["quiz"]["modules"][0]["quiz"]["questions"][0]
    assert [c["id"] for c in question["choices"]] == ["a", "b"]
    assert [c["feedback"] for c in question["choices"]] == [
        "<p>Yes – it’s early.</p>", "<p>That’s not a “no”.</p>"]
    assert question["explanation"] == "<p>Early is kind – late isn’t.</p>"
    assert _texts(tree, "//section[@id='saying-no.quiz']//div[@class='prose']/p") == [
        "A “short” check – no score."]


def test_a_german_course_gets_german_quotes(built: dict[str, Path]) -> None:
    tree = _lesson(built["de"])
    assert PROSE_DE in _texts(tree.get_element_by_id("saying-no.1"), ".//div[@class='prose']/p")
    assert _texts(tree.get_element_by_id("saying-no.2"), ".//caption") == ["Who says „no“?"]
    form = tree.get_element_by_id("quiz:saying-no")
    assert _texts(form, ".//label") == ["Say „no“ – early", "Say „maybe“…"]
    assert _texts(tree.get_element_by_id("saying-no.1"), ".//p/code") == [CODE]


def _deck_texts(path: Path) -> list[str]:
    prs = Presentation(str(path))
    texts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts += [p.text for p in shape.text_frame.paragraphs]
            if shape.has_table:
                texts += [c.text for row in shape.table.rows for c in row.cells]
    return texts


def _handout(out: Path) -> Any:
    return Document(str(out / "guide" / "typography-handout.docx"))


@pytest.mark.parametrize("language", ["en", "de"])
def test_decks_handout_and_lesson_agree(built: dict[str, Path], language: str) -> None:
    out = built[language]
    tree = _lesson(out)
    lesson = [*_texts(tree, "//section//div[@class='prose']//p"),
              *_texts(tree, "//section//h1"), *_texts(tree, "//section//h3"),
              *_texts(tree, "//table//td"), *_texts(tree, "//table//caption")]
    deck = _deck_texts(out / "slides" / "saying-no.pptx")
    document = _handout(out)
    handout = [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for row in t.rows for c in row.cells]
    shared = [PROSE if language == "en" else PROSE_DE, typographic("The \"polite\" refusal",
              language), typographic("\"It's done\" - soon", language),
              typographic("Who says \"no\"?", language),
              typographic("Don't say \"maybe\"... say 'no' -- and why.", language)]
    for text in shared:
        assert text in lesson and text in deck and text in handout, text
    module = typographic("It's a \"no\"", language)
    assert module in deck and any(t.endswith(f" 1: {module}") for t in handout)  # and titles
    assert module in _texts(tree, "//li[@class='module-card']//h3")[0]


def test_the_same_course_builds_the_same_bytes(built: dict[str, Path], tmp_path: Path) -> None:
    """Rebuilt in fresh processes (no cache shared, another hash seed): the same bytes."""
    for name, seed in (("again", "1"), ("third", "2")):
        script = ("import sys; from pathlib import Path; from courseforge.build import build; "
                  "from courseforge.builders.base import BuildOptions; "
                  "build(Path(sys.argv[1]), Path(sys.argv[2]), ['web', 'scorm2004'], "
                  "BuildOptions(), lambda _: None)")
        subprocess.run([sys.executable, "-c", script, str(ROOT), str(tmp_path / name)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
    again = (tmp_path / "again" / "web" / "index.html").read_bytes()
    assert again == (built["en"] / "web" / "index.html").read_bytes()
    assert again == (tmp_path / "third" / "web" / "index.html").read_bytes()
    first, second = (sorted((tmp_path / name / "scorm2004").glob("*.zip"))
                     for name in ("again", "third"))
    assert first and [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    with zipfile.ZipFile(first[0]) as package:
        assert "“polite”" in package.read("index.html").decode("utf-8")


# -- table captions --------------------------------------------------------------------------

def test_the_lesson_table_has_its_caption_and_is_named_by_it(built: dict[str, Path]) -> None:
    tree = _lesson(built["en"])
    table = tree.get_element_by_id("saying-no.2").xpath(".//table")[0]
    assert table[0].tag == "caption" and table[0].text_content() == "Who says “no”?"
    region = table.getparent()
    assert region.get("role") == "region" and region.get("aria-label") == "Who says “no”?"
    # the caption line is gone from the text, and no row was made of it
    assert "Table:" not in tree.text_content()
    assert len(table.xpath(".//tbody/tr")) == 2


def test_the_deck_shows_the_caption_as_a_label_above_its_table(built: dict[str, Path]) -> None:
    prs = Presentation(str(built["en"] / "slides" / "saying-no.pptx"))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Who says it")
    table = next(sh for sh in slide.shapes if sh.has_table)
    frame = next(sh for sh in slide.shapes if sh.has_text_frame
                 and "Who says “no”?" in [p.text for p in sh.text_frame.paragraphs])
    assert frame.top + frame.height <= table.top  # above the table, not over it
    caption = next(p for p in frame.text_frame.paragraphs if p.text == "Who says “no”?")
    assert all(r.font.bold for r in caption.runs)
    # the size shown is the run's scaled by the frame's autofit
    fit = frame.text_frame._txBody.find(f"{A}bodyPr/{A}normAutofit")
    scale = int(fit.get("fontScale", "100000")) / 100000 if fit is not None else 1.0
    assert all(r.font.size is not None and r.font.size.pt * scale <= CAPTION_SIZE + 0.01
               for r in caption.runs)
    assert [c.text for c in table.table.rows[0].cells] == ["Role", "Says"]


def test_the_handout_captions_the_table_in_words_caption_style(built: dict[str, Path]) -> None:
    document = _handout(built["en"])
    body = list(document.element.body.iterchildren())
    table = next(i for i, e in enumerate(body) if e.tag.endswith("}tbl"))
    caption = next(p for p in document.paragraphs if p._p is body[table - 1])
    assert caption.text == "Who says “no”?" and caption.style.name == "Caption"
    assert caption.paragraph_format.keep_with_next


CAPTIONED = """Table: Before
| a | b |
|---|---|
| 1 | 2 |

: After it

| c | d |
|---|---|
| 3 | 4 |

Table: Second one

| e | f |
|---|---|
| 5 | 6 |

Table: nothing to caption

```
Table: in code
| x |
|---|
```
"""


def test_lessons_and_decks_read_captions_alike() -> None:
    """Before the table first, else after; one each; a lone one or one in code is text."""
    html = lxml.html.fragment_fromstring(str(render_markdown(CAPTIONED)), create_parent="div")
    assert _texts(html, ".//caption") == ["Before", "After it", "Second one"]
    assert _texts(html, "./p") == ["Table: nothing to caption"]
    assert "Table: in code" in html.xpath(".//pre")[0].text_content()
    blocks = parse_blocks(CAPTIONED)
    captions = [b.text for b in blocks if isinstance(b, Paragraph) and b.caption]
    assert captions == ["Before", "After it", "Second one"]
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            assert isinstance(blocks[index - 1], Paragraph) and blocks[index - 1].caption
    assert "Table: nothing to caption" in [b.text for b in blocks if isinstance(b, Paragraph)]


def test_french_spanish_and_arabic_quotes() -> None:
    nb = NARROW_NBSP
    assert typographic('Il dit "oui" ? « Non » : l\'homme', "fr") == \
        f"Il dit «{nb}oui{nb}»{nb}? «{nb}Non{nb}»\u00a0: l’homme"
    assert typographic('Dijo "sí" y \'no\'', "es") == "Dijo «sí» y “no”"
    assert typographic('قال "نعم"', "ar") == "قال «نعم»"
    assert typographic('Sag "ja"', "de-CH") == "Sag „ja“"


def test_check_warns_of_a_caption_no_table_takes(tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(ROOT, root)
    lesson = root / "modules" / "saying-no" / "lesson.md"
    text = lesson.read_text(encoding="utf-8")
    # a second caption after the table (the table has its own) and one beside no table
    text = text.replace('| Maker | "It\'s done" - soon |\n',
                        '| Maker | "It\'s done" - soon |\n\n: Second caption\n\n'
                        'Table: Lonely caption\n\n```\n| in | code |\n```\n')
    lesson.write_text(text, encoding="utf-8")
    _, diagnostics = diagnose(root)
    lines = text.split("\n")
    found = [(d.line, d.severity.value) for d in diagnostics if d.code == "lesson.caption"]
    assert found == [(lines.index(": Second caption") + 1, "warning"),
                     (lines.index("Table: Lonely caption") + 1, "warning")]
    _, clean = diagnose(ROOT)
    assert [d for d in clean if d.code == "lesson.caption"] == []


def test_a_caption_never_stays_at_the_foot_of_a_page_without_its_table() -> None:
    """When the table after a caption starts a new slide, the caption goes with it."""
    from courseforge.builders.pptx.measuring import fits, points
    from courseforge.builders.pptx.reference_measures import (
        BODY_BOTTOM,
        BODY_TOP,
        default_body_width,
        default_text_style,
    )
    from courseforge.builders.pptx.splitting import split_blocks

    style = default_text_style("en")
    width, height, size = default_body_width(), points(BODY_BOTTOM - BODY_TOP), 24.0
    caption = Paragraph(runs=(Run(text="Who says no?"),), caption=True, largest=CAPTION_SIZE)
    table = Table(header=((Run(text="Role"),), (Run(text="Answer"),)),
                  rows=tuple(((Run(text=f"Person {n}"),), (Run(text="No, thanks."),))
                             for n in range(3)))

    def filler(count: int) -> list[Paragraph]:
        return [Paragraph(runs=(Run(text=f"Point {n} of what comes before the table."),))
                for n in range(count)]

    # as many lines as leave room for the caption but not for the table under it
    count = next(n for n in range(1, 40)
                 if fits([*filler(n), caption], width, height, size, 20.0, style)
                 and not fits([*filler(n), caption, table], width, height, size, 20.0, style)
                 and not fits([*filler(n + 1), caption], width, height, size, 20.0, style))
    pages = split_blocks([*filler(count), caption, table], width, height, size, 20.0, style)
    assert len(pages) == 2
    assert pages[0] == tuple(filler(count))
    assert pages[1][0] == caption and isinstance(pages[1][1], Table)
    assert sum(len(p.rows) for p in pages[1][1:] if isinstance(p, Table)) == 3
    # a caption alone on its page stays: moving it would leave an empty slide
    assert split_blocks([caption, table], width, 30.0, size, 20.0, style)[0] == (caption,)
