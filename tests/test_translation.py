"""The translation round trip: course → XLIFF 1.2 → translated course that checks and builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from courseforge.cli import main
from courseforge.loading import load_checked
from courseforge.translation.exporting import course_segments
from courseforge.translation.inline import to_rich
from courseforge.translation.xliff_store import NAMESPACE, Xliff12
from xliff_schema import assert_valid_xliff

ROOTS = Path(__file__).parent / "roots"
ENGLISH, GERMAN = ROOTS / "minimal", ROOTS / "lang-de"
NS = {"x": NAMESPACE}


def translate_file(path: Path, texts: dict[tuple[str, str], str],
                   skip: frozenset[tuple[str, str]] = frozenset()) -> None:
    """What a translator's tool does: fill each unit's target (codes kept), mark it translated."""
    store = Xliff12.parsestring(path.read_bytes())
    for unit in store.getunits():
        file = unit.xmlelement.getparent().getparent().get("original")
        key = unit.xmlelement.get("id")
        if (file, key) in skip:
            continue
        unit.rich_target = to_rich(texts[(file, key)])
        unit.xmlelement.find(f"{{{NAMESPACE}}}target").set("state", "translated")
    path.write_bytes(bytes(store))


def german_texts() -> dict[tuple[str, str], str]:
    return {(s.file, s.key): s.text for s in course_segments(GERMAN.resolve())}


def export(course: Path, xliff: Path, language: str = "de") -> str:
    result = CliRunner().invoke(main, ["translate", "export", str(course), "--to", language,
                                       "-o", str(xliff)])
    assert result.exit_code == 0, result.output
    return result.output


def test_export_is_valid_xliff_with_one_unit_per_text(tmp_path: Path) -> None:
    xliff = tmp_path / "course.de.xlf"
    output = export(ENGLISH, xliff)
    assert "77 units" in output
    data = xliff.read_bytes()
    assert_valid_xliff(data)
    root = etree.fromstring(data)
    assert root.get("version") == "1.2"
    files = root.findall("x:file", NS)
    assert [f.get("original") for f in files] == [
        "course.yml", "modules/roles/lesson.md", "modules/roles/quiz.yml",
        "modules/welcome/lesson.md"]
    assert {f.get("source-language") for f in files} == {"en"}
    assert {f.get("target-language") for f in files} == {"de"}
    units = {(u.getparent().getparent().get("original"), u.get("id")): u
             for u in root.iter(f"{{{NAMESPACE}}}trans-unit")}
    # ids are file + key path: ids of questions and choices, positions of slides, no lines
    for key in [("course.yml", "outcomes/maker/guidance"),
                ("modules/roles/quiz.yml", "questions/q-focus/choices/b/feedback"),
                ("modules/roles/quiz.yml", "questions/q-tf/feedback/false"),
                ("modules/roles/quiz.yml", "questions/q-match/items/plan/text"),
                ("modules/welcome/lesson.md", "objectives/name-roles/text"),
                ("modules/welcome/lesson.md", "slides/2/body/9"),
                ("modules/welcome/lesson.md", "slides/1/notes/1")]:
        assert key in units, key
    # Markdown inline markup is protected as inline codes, the words stay translatable
    bold = units[("modules/welcome/lesson.md", "slides/1/body/3")].find("x:source", NS)
    assert etree.tostring(bold, encoding="unicode").split(">", 1)[1].rsplit("<", 1)[0] == (
        f'<bpt xmlns="{NAMESPACE}" id="1">**</bpt>Everyone<ept xmlns="{NAMESPACE}" id="1">**'
        f'</ept> knows who <bpt xmlns="{NAMESPACE}" id="2">*</bpt>decides<ept xmlns="{NAMESPACE}"'
        f' id="2">*</ept>').replace(f' xmlns="{NAMESPACE}"', "")
    link = units[("modules/roles/lesson.md", "slides/1/body/3")].find("x:source", NS)
    assert [c.text for c in link] == ["[", "](https://example.org/demo)"]
    code = units[("modules/roles/lesson.md", "slides/1/body/2")].find("x:source/x:ph", NS)
    assert code.text == "`git`"
    # notes give the translator context
    note = units[("modules/roles/quiz.yml", "questions/q-focus/choices/a/text")]
    assert "What does a maker focus on?" in note.find("x:note", NS).text
    slide = units[("modules/welcome/lesson.md", "slides/1/notes/1")].find("x:note", NS).text
    assert "presenter notes" in slide and "Why roles matter" in slide


def test_round_trip_english_to_german_builds(tmp_path: Path) -> None:
    xliff = tmp_path / "course.de.xlf"
    export(ENGLISH, xliff)
    translate_file(xliff, german_texts())
    assert_valid_xliff(xliff.read_bytes())
    out = tmp_path / "course-de"
    result = CliRunner().invoke(main, ["translate", "import", str(xliff), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "77 of 77" in result.output
    imported, german = load_checked(out).course, load_checked(GERMAN).course
    assert imported == german  # the same course, text for text, language and ids
    assert (out / "modules" / "roles" / "quiz.yml").read_text("utf-8").count("- id:") == 6
    build = CliRunner().invoke(main, ["build", str(out), "-f", "json", "-f", "web",
                                      "-o", str(tmp_path / "built")])
    assert build.exit_code == 0, build.output
    page = (tmp_path / "built" / "web" / "index.html").read_text("utf-8")
    assert 'lang="de"' in page and "Ein Tag mit einer Macherin" in page


def test_untranslated_units_are_reported_and_kept_in_the_source(tmp_path: Path) -> None:
    xliff = tmp_path / "course.de.xlf"
    export(ENGLISH, xliff)
    skipped = frozenset({("modules/roles/quiz.yml", "questions/q-tf/prompt"),
                         ("modules/welcome/lesson.md", "slides/2/title")})
    translate_file(xliff, german_texts(), skip=skipped)
    out = tmp_path / "course-de"
    result = CliRunner().invoke(main, ["translate", "import", str(xliff), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "75 of 77" in result.output
    assert "untranslated: modules/roles/quiz.yml questions/q-tf/prompt" in result.output
    assert "untranslated: modules/welcome/lesson.md slides/2/title" in result.output
    course = load_checked(out).course
    assert course.module("welcome").lesson.slides[1].title == "Two roles"
    assert course.module("welcome").lesson.slides[0].title == "Warum Rollen wichtig sind"


def test_reexport_keeps_translations_and_marks_changed_units(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ENGLISH, course)
    xliff = tmp_path / "course.de.xlf"
    export(course, xliff)
    translate_file(xliff, german_texts())
    quiz = course / "modules" / "roles" / "quiz.yml"
    quiz.write_text(quiz.read_text("utf-8").replace("What does a maker focus on?",
                                                    "What does a maker spend the day on?"),
                    "utf-8")
    lesson = course / "modules" / "welcome" / "lesson.md"  # a new first slide moves the others
    text = lesson.read_text("utf-8").replace("# Why roles matter",
                                             "# A new start\n\nFresh text\n\n---\n\n"
                                             "# Why roles matter", 1)
    lesson.write_text(text, "utf-8")
    output = export(course, xliff)
    assert "1 changed" in output and "2 new" in output
    data = xliff.read_bytes()
    assert_valid_xliff(data)
    root = etree.fromstring(data)
    units = {(u.getparent().getparent().get("original"), u.get("id")): u
             for u in root.iter(f"{{{NAMESPACE}}}trans-unit")}
    changed = units[("modules/roles/quiz.yml", "questions/q-focus/prompt")]
    assert changed.find("x:target", NS).get("state") == "needs-translation"
    assert not (changed.find("x:target", NS).text or "").strip()
    previous = changed.find("x:alt-trans/x:target", NS).text
    assert previous == "Worauf konzentriert sich eine Macherin?"
    kept = units[("modules/roles/quiz.yml", "questions/q-focus/choices/a/text")]
    assert kept.find("x:target", NS).text == "Auf das Bauen des Produkts"
    moved = units[("modules/welcome/lesson.md", "slides/2/title")]  # was slide 1
    assert moved.find("x:target", NS).text == "Warum Rollen wichtig sind"
    assert units[("modules/welcome/lesson.md", "slides/1/title")].find("x:target", NS) is None
    out = tmp_path / "course-de"
    result = CliRunner().invoke(main, ["translate", "import", str(xliff), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "untranslated: modules/roles/quiz.yml questions/q-focus/prompt" in result.output


def test_a_translation_cannot_break_inline_markup(tmp_path: Path) -> None:
    xliff = tmp_path / "course.de.xlf"
    export(ENGLISH, xliff)
    texts = german_texts()
    translate_file(xliff, texts)
    data = xliff.read_text("utf-8")
    # a translator edits the protected link target inside the code: the source's code wins
    edited = 'Demo<ept id="1">](https://evil.example)</ept></target>'
    data = data.replace('Demo<ept id="1">](https://example.org/demo)</ept></target>', edited)
    assert edited in data
    xliff.write_text(data, "utf-8")
    out = tmp_path / "course-de"
    result = CliRunner().invoke(main, ["translate", "import", str(xliff), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lesson = (out / "modules" / "roles" / "lesson.md").read_text("utf-8")
    assert "[Demo](https://example.org/demo)" in lesson and "evil" not in lesson


@pytest.mark.parametrize("args, message", [
    (["export", "MISSING", "--to", "de", "-o", "x.xlf"], "does not exist"),
    (["export", str(ENGLISH), "--to", "en", "-o", "x.xlf"], "already in 'en'"),
    (["export", str(ENGLISH), "--to", "not a tag", "-o", "x.xlf"], "language tag"),
])
def test_export_errors_are_clear(args: list[str], message: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["translate", *args])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_import_refuses_a_file_that_is_not_xliff(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlf"
    bad.write_text("<html/>", "utf-8")
    result = CliRunner().invoke(main, ["translate", "import", str(bad), "-o",
                                       str(tmp_path / "out"), "--course", str(ENGLISH)])
    assert result.exit_code == 1 and "Error:" in result.output
    assert not (tmp_path / "out").exists()


def _shape(course):  # type: ignore[no-untyped-def]
    """What a translation must not change: ids, slide counts, callout kinds, images, answers."""
    return [(m.id, len(m.lesson.slides),
             [(b.callout, ) for s in m.lesson.slides for b in getattr(s, "blocks", ())],
             [i.path for s in m.lesson.slides for i in s.images],
             [(q.id, q.type, q.correct_ids) for q in (m.quiz.questions if m.quiz else ())])
            for m in course.modules]


@pytest.mark.parametrize("root", [ROOTS / "rich", ROOTS / "three-outcomes",
                                  ROOTS / "ok-unicode-rtl-emoji", ROOTS / "ok-bom-and-crlf",
                                  Path(__file__).parent.parent / "course"],
                         ids=lambda p: p.name)
def test_every_text_round_trips_without_changing_the_structure(root: Path,
                                                                tmp_path: Path) -> None:
    source = load_checked(root).course
    segments = course_segments(root.resolve())
    texts = {(s.file, s.key): f"ÜBERSETZT {s.text}" for s in segments}
    xliff = tmp_path / "course.de.xlf"
    export(root, xliff, "de" if source.language != "de" else "fr")
    translate_file(xliff, texts)
    assert_valid_xliff(xliff.read_bytes())
    out = tmp_path / "translated"
    result = CliRunner().invoke(main, ["translate", "import", str(xliff), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{len(segments)} of {len(segments)}" in result.output
    translated = load_checked(out).course
    assert _shape(translated) == _shape(source)
    again = {(s.file, s.key): s.text for s in course_segments(out.resolve())}
    assert again == texts  # every text replaced, in place, and read back the same


def test_course_labels_are_translated_too(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ENGLISH, course)
    (course / "labels.yml").write_text(
        "quiz.try_again: Have another go\n"
        "quiz.attempts_left:\n  one: One go left.\n  other: '{count} goes left.'\n"
        "fr:\n  quiz.try_again: Encore une fois\n", encoding="utf-8")
    xliff = tmp_path / "course.de.xlf"
    export(course, xliff)
    root = etree.fromstring(xliff.read_bytes())
    labels = [u for u in root.iter(f"{{{NAMESPACE}}}trans-unit")
              if u.getparent().getparent().get("original") == "labels.yml"]
    assert [u.get("id") for u in labels] == ["quiz.try_again", "quiz.attempts_left/one",
                                             "quiz.attempts_left/other"]
    assert "Try again" in labels[0].find("x:note", NS).text  # the tool's own English text
    texts = german_texts() | {("labels.yml", "quiz.try_again"): "Noch ein Anlauf",
                              ("labels.yml", "quiz.attempts_left/one"): "Ein Anlauf übrig.",
                              ("labels.yml", "quiz.attempts_left/other"): "{count} Anläufe übrig."}
    translate_file(xliff, texts)
    out = tmp_path / "course-de"
    result = CliRunner().invoke(main, ["translate", "import", str(xliff), "-o", str(out)])
    assert result.exit_code == 0, result.output
    from courseforge.locale import labels_for

    labels_de = labels_for(load_checked(out).course)
    assert labels_de.text("quiz.try_again") == "Noch ein Anlauf"
    assert labels_de.text("quiz.attempts_left", count=3) == "3 Anläufe übrig."
    assert "Encore une fois" in (out / "labels.yml").read_text("utf-8")  # French kept as is


def test_a_long_list_of_untranslated_texts_is_shortened(tmp_path: Path) -> None:
    xliff = tmp_path / "course.de.xlf"
    export(ENGLISH, xliff)  # nothing translated
    out = tmp_path / "course-de"
    result = CliRunner().invoke(main, ["translate", "import", str(xliff), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.count("warning: untranslated:") == 20
    assert "and 57 more untranslated texts (--all lists every one)" in result.output
    assert "0 of 77 texts translated" in result.output
    every = CliRunner().invoke(main, ["translate", "import", str(xliff), "-o", str(out), "--all"])
    assert every.output.count("warning: untranslated:") == 77
    assert load_checked(out).course.language == "de"
