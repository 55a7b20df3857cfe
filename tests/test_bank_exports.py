"""Question-bank exports of the bundled course: each format read back by its own rules.

QTI 2.1 against the official schema, the packages' manifests against IMS CP, GIFT through the
npm parser gift-pegjs, Moodle XML against the structure Moodle's importer reads.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import BUNDLED, ROOT, require, require_executable
from courseforge.build import build
from courseforge.builders.banks.bank import fraction_text, multiple_fractions, read_metadata
from courseforge.builders.banks.texts import SHORT_NAMES
from courseforge.builders.base import BuildOptions
from courseforge.cli import main
from courseforge.loading import load_checked
from courseforge.model import QuestionType
from qti_schemas import qti_errors
from scorm_schemas import manifest_errors

FORMATS = ["gift", "moodle-xml", "qti21", "qti12"]
COURSE = load_checked(BUNDLED).course
QUIZ_MODULES = [m for m in COURSE.modules if m.quiz is not None]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The bundled course built in the four bank formats, and the progress messages."""
    output = tmp_path_factory.mktemp("banks") / "out"
    messages: list[str] = []
    build(BUNDLED, output, FORMATS, BuildOptions(), messages.append)
    return output / "quizzes", messages


@pytest.mark.parametrize("fmt,ext", [("gift", ".gift.txt"), ("moodle-xml", ".xml"),
                                     ("qti21", ".zip"), ("qti12", ".zip")])
def test_one_file_per_quiz_one_for_the_course_and_a_readme(exported, fmt: str, ext: str) -> None:
    folder, messages = exported
    expected = {f"{m.id}{ext}" for m in QUIZ_MODULES} | {f"{COURSE.id}{ext}", "README.txt"}
    assert {p.name for p in (folder / fmt).iterdir()} == expected
    readme = " ".join((folder / fmt / "README.txt").read_text(encoding="utf-8").split())
    listed = readme.split("Not kept: ", 1)[1].split(" Each question carries", 1)[0]
    count = listed.count("- ")
    assert count >= 2, "every target loses something of the bundled course and lists it"
    summaries = [m for m in messages if m.startswith(f"quizzes/{fmt}: ")]
    assert summaries == [f"quizzes/{fmt}: {SHORT_NAMES[fmt]} cannot keep {count} things of "
                         f"this course, listed in quizzes/{fmt}/README.txt"]
    assert not [m for m in messages if m.startswith("note:")], "documented losses are no notes"
    assert "preference" in readme  # the bundled course has preference questions


def test_a_build_says_once_per_format_what_is_lost_and_quiet_says_nothing(tmp_path: Path) -> None:
    formats = [arg for fmt in FORMATS for arg in ("-f", fmt)]
    loud = CliRunner().invoke(main, ["build", str(BUNDLED), "-o", str(tmp_path / "a"), *formats])
    assert loud.exit_code == 0, loud.output
    lines = [line.strip() for line in loud.output.splitlines() if "cannot keep" in line]
    assert [line.split(":", 1)[0] for line in lines] == [f"quizzes/{f}" for f in FORMATS]
    assert "note:" not in loud.output
    quiet = CliRunner().invoke(main, ["build", str(BUNDLED), "-o", str(tmp_path / "b"), "-q",
                                      *formats])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.output == ""


def test_every_qti21_item_and_test_validates(exported) -> None:
    checked = 0
    for package in sorted((exported[0] / "qti21").glob("*.zip")):
        with zipfile.ZipFile(package) as archive:
            for name in archive.namelist():
                data = archive.read(name)
                if name == "imsmanifest.xml":
                    assert manifest_errors(data, "2004") == [], package.name
                    continue
                assert qti_errors(data) == [], f"{package.name}:{name}"
                checked += 1
    questions = sum(len(m.quiz.questions) for m in QUIZ_MODULES)  # type: ignore[union-attr]
    assert checked == 2 * questions + len(QUIZ_MODULES) + 1  # items twice, tests


def test_the_qti_schema_check_can_fail(exported) -> None:
    with zipfile.ZipFile(exported[0] / "qti21" / f"{COURSE.id}.zip") as archive:
        item = next(n for n in archive.namelist() if n.startswith("items/"))
        broken = archive.read(item).replace(b'adaptive="false"', b'adaptive="maybe"')
    assert qti_errors(broken)


def test_qti21_manifest_lists_the_test_and_every_item(exported) -> None:
    ns = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
    with zipfile.ZipFile(exported[0] / "qti21" / "final-assessment.zip") as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        names = set(archive.namelist())
    hrefs = {r.get("href"): r.get("type") for r in manifest.iterfind(".//cp:resource", ns)}
    assert hrefs.pop("final-assessment.xml") == "imsqti_test_xmlv2p1"
    quiz = COURSE.module("final-assessment").quiz
    assert quiz is not None
    assert set(hrefs) == {f"items/final-assessment-{q.id}.xml" for q in quiz.questions}
    assert set(hrefs.values()) == {"imsqti_item_xmlv2p1"}
    assert set(hrefs) | {"final-assessment.xml", "imsmanifest.xml"} == names


def test_qti21_items_score_with_the_standard_rule_and_keep_points(exported) -> None:
    ns = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
    with zipfile.ZipFile(exported[0] / "qti21" / "final-assessment.zip") as archive:
        test = etree.fromstring(archive.read("final-assessment.xml"))
        quiz = COURSE.module("final-assessment").quiz
        assert quiz is not None
        for question in quiz.questions:
            item = etree.fromstring(archive.read(f"items/final-assessment-{question.id}.xml"))
            correct = [v.text for v in item.iterfind("q:responseDeclaration/q:correctResponse/"
                                                     "q:value", ns)]
            if question.type is QuestionType.MATCHING:
                assert correct == [f"{i.id} {i.match}" for i in question.items]
            elif question.type is QuestionType.PREFERENCE:
                assert correct == []
            else:
                assert correct == list(question.correct_ids)
            weight = test.find(f".//q:assessmentItemRef[@identifier='final-assessment-"
                               f"{question.id}']/q:weight", ns)
            assert float(weight.get("value")) == (question.points if question.type.graded else 0)


def test_qti12_packages_are_canvas_assessments(exported) -> None:
    ns = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    with zipfile.ZipFile(exported[0] / "qti12" / f"{COURSE.id}.zip") as archive:
        assert manifest_errors(archive.read("imsmanifest.xml"), "2004") == []
        for module in QUIZ_MODULES:
            root = etree.fromstring(archive.read(f"{module.id}/{module.id}.xml"))
            items = root.findall(".//q:item", ns)
            assert [i.get("title") for i in items] == [q.id for q in module.quiz.questions]
            for item, question in zip(items, module.quiz.questions, strict=True):
                fields = {f.findtext("q:fieldlabel", namespaces=ns):
                          f.findtext("q:fieldentry", namespaces=ns)
                          for f in item.iterfind(".//q:qtimetadatafield", ns)}
                assert float(fields["points_possible"]) == (
                    question.points if question.type.graded else 0)
                if question.type is QuestionType.SINGLE:
                    assert fields["question_type"] == "multiple_choice_question"
                    score = item.find("q:resprocessing/q:respcondition[q:setvar]", ns)
                    assert score.findtext("q:conditionvar/q:varequal", namespaces=ns) == \
                        question.correct_ids[0]
                if question.type is QuestionType.MATCHING:  # each right pair adds its share
                    scores = item.findall("q:resprocessing/q:respcondition[q:setvar]", ns)
                    assert {(s.find("q:conditionvar/q:varequal", ns).get("respident"),
                             s.findtext("q:conditionvar/q:varequal", namespaces=ns))
                            for s in scores} == {(f"response_{i.id}", i.match)
                                                 for i in question.items}
                    total = sum(float(s.findtext("q:setvar", namespaces=ns)) for s in scores)
                    assert 99.999 <= total <= 100  # SCORE's maxvalue


def _gift_parse(path: Path) -> list[dict]:
    node = require_executable("node")
    parser = ROOT / "node_modules" / "gift-pegjs"
    require(parser.is_dir(), "the npm package gift-pegjs (run npm ci)")
    script = ("const g=require(process.argv[1]);const fs=require('fs');"
              "process.stdout.write(JSON.stringify(g.parse(fs.readFileSync(process.argv[2],"
              "'utf8'))))")
    done = subprocess.run([node, "-e", script, str(parser), str(path)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def _text(value: dict | None) -> str:
    return value["text"] if value else ""


def test_gift_parses_into_the_same_questions(exported) -> None:
    parsed = _gift_parse(exported[0] / "gift" / f"{COURSE.id}.gift.txt")
    categories = [p["title"] for p in parsed if p["type"] == "Category"]
    assert categories == [f"$course$/{COURSE.title}/{m.title}" for m in QUIZ_MODULES]
    questions = [p for p in parsed if p["type"] != "Category"]
    source = [q for m in QUIZ_MODULES for q in m.quiz.questions]  # type: ignore[union-attr]
    assert [p["title"] for p in questions] == [q.id for q in source]
    for got, question in zip(questions, source, strict=True):
        assert got["stem"] == {"format": "markdown", "text": question.prompt}
        assert _text(got["globalFeedback"]) == question.explanation
        assert (got["tags"] or []) == list(question.objectives)
        if question.type is QuestionType.TRUE_FALSE:
            right = next(c for c in question.choices if c.correct)
            wrong = next(c for c in question.choices if not c.correct)
            assert got["type"] == "TF" and got["isTrue"] == (right.id == "true")
            # Moodle reads the first feedback as the wrong answer's, the second as the right's
            assert _text(got["trueFeedback"]) == wrong.feedback
            assert _text(got["falseFeedback"]) == right.feedback
        elif question.type is QuestionType.MATCHING:
            targets = {t.id: t.text for t in question.targets}
            pairs = [(_text(p["subquestion"]), p["subanswer"]) for p in got["matchPairs"]]
            assert pairs[:len(question.items)] == [(i.text, targets[i.match])
                                                   for i in question.items]
        else:
            assert got["type"] == "MC"
            texts = [(_text(c["text"]), _text(c["feedback"])) for c in got["choices"]]
            assert texts == [(c.text, c.feedback) for c in question.choices]
            if question.type is QuestionType.MULTIPLE:
                fractions = multiple_fractions(question)
                assert [c["weight"] for c in got["choices"]] == pytest.approx(
                    [fractions[c.id] for c in question.choices], abs=1e-4)
            elif question.type is QuestionType.SINGLE:
                assert [c["isCorrect"] for c in got["choices"]] == [c.correct
                                                                    for c in question.choices]
            else:  # preference: every answer right, and the weights in the comment
                assert all(c["isCorrect"] or c["weight"] == 100 for c in got["choices"])


def test_gift_escapes_what_moodle_unescapes(tmp_path: Path) -> None:
    from courseforge.builders.banks.gift import escape

    tricky = r"a~b=c#d{e}f:g\h"
    path = tmp_path / "q.gift"
    path.write_text(f"::t::{escape(tricky)}{{=x#{escape(tricky)} ~y}}\n", encoding="utf-8")
    [question] = _gift_parse(path)
    assert question["stem"]["text"] == tricky
    assert question["choices"][0]["feedback"]["text"] == tricky


def test_moodle_xml_has_the_structure_moodle_imports(exported) -> None:
    raw = (exported[0] / "moodle-xml" / f"{COURSE.id}.xml").read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>") and b"<![CDATA[" in raw
    root = etree.fromstring(raw)
    assert root.tag == "quiz"
    source = {q.id: q for m in QUIZ_MODULES for q in m.quiz.questions}  # type: ignore[union-attr]
    seen = []
    for element in root:
        if not isinstance(element.tag, str):
            continue
        kind = element.get("type")
        if kind == "category":
            assert element.findtext("category/text").startswith("$course$/")
            continue
        question = source[element.findtext("name/text")]
        seen.append(question.id)
        assert element.find("questiontext").get("format") == "html"
        assert element.findtext("questiontext/text")
        meta = read_metadata(next(c for c in element if not isinstance(c.tag, str)).text)
        assert meta is not None and meta["id"] == question.id
        fractions = [float(a.get("fraction")) for a in element.findall("answer")]
        if kind == "multichoice":
            assert element.findtext("single") in ("true", "false")
            assert element.findtext("shuffleanswers") in ("true", "false")
            if element.findtext("single") == "true":
                assert max(fractions) == 100
            else:
                assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=1e-3)
            assert len(fractions) == len(question.choices)
        elif kind == "truefalse":
            assert sorted(a.findtext("text") for a in element.findall("answer")) == \
                ["false", "true"]
            assert sorted(fractions) == [0, 100]
        else:
            assert kind == "matching"
            subs = element.findall("subquestion")
            assert len([s for s in subs if s.findtext("text")]) >= 2
            assert len({s.findtext("answer/text") for s in subs}) >= 2
        assert float(element.findtext("defaultgrade")) == (
            question.points if question.type.graded else 0)
        assert [t.text for t in element.iterfind("tags/tag/text")] == list(question.objectives)
    assert seen == list(source)


def test_pools_become_qti_sections_and_moodle_categories(tmp_path: Path) -> None:
    build(ROOT / "tests" / "roots" / "draws", tmp_path, FORMATS, BuildOptions(), lambda m: None)
    ns = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
    with zipfile.ZipFile(tmp_path / "quizzes" / "qti21" / "roles.zip") as archive:
        data = archive.read("roles.xml")
    assert qti_errors(data) == []
    test = etree.fromstring(data)
    pools = {s.get("identifier"): (s.find("q:selection", ns).get("select"),
                                   [r.get("identifier") for r in s.iterfind("q:assessmentItemRef",
                                                                            ns)])
             for s in test.iterfind(".//q:assessmentSection/q:assessmentSection", ns)}
    assert pools == {"pool-roles-tell": ("2", ["roles-q-both", "roles-q-tf", "roles-q-match"]),
                     "pool-roles-about-you": ("1", ["roles-p-energy", "roles-p-day"])}
    root = etree.parse(str(tmp_path / "quizzes" / "moodle-xml" / "roles.xml")).getroot()
    categories = [q.findtext("category/text") for q in root.iterfind("question[@type='category']")]
    assert categories == ["$course$/Roles in a delivery team/The roles at work",
                          "$course$/Roles in a delivery team/The roles at work/tell",
                          "$course$/Roles in a delivery team/The roles at work/about-you"]
    readme = (tmp_path / "quizzes" / "gift" / "README.txt").read_text(encoding="utf-8")
    assert "category of their own" in " ".join(readme.split())


@pytest.mark.parametrize("right", range(1, 21))
def test_partial_credit_adds_up_as_moodle_checks_it(right: int) -> None:
    # Moodle refuses a multiple-response question unless round(sum of positive fractions, 2)
    # is 1, and GIFT reads a weight only if it matches its importer's pattern
    fractions = [fraction_text(100 / right)] * right + [fraction_text(-100.0)]
    assert round(sum(float(f) for f in fractions if float(f) > 0) / 100, 2) == 1
    assert all(re.fullmatch(r"-*[0-9]{1,2}\.?[0-9]*", f) for f in fractions), fractions


def test_the_same_course_exports_the_same_bytes(exported, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build(BUNDLED, again, FORMATS, BuildOptions(), lambda message: None)
    first = {p.relative_to(exported[0]): p.read_bytes()
             for p in sorted(exported[0].rglob("*")) if p.is_file()}
    second = {p.relative_to(again / "quizzes"): p.read_bytes()
              for p in sorted((again / "quizzes").rglob("*")) if p.is_file()}
    assert len(first) > len(FORMATS) and first == second


def test_every_readme_text_is_a_label_of_the_catalogue() -> None:
    """Each README line a format may write is a message of the English catalogue (and so,
    through the completeness test, of every language), whatever course is exported."""
    from courseforge.builders.banks.texts import LOSSES, kept_id, title_id
    from courseforge.locale import messages_of

    english = messages_of("en")
    ids = {*LOSSES.values(), "bank.files", "bank.not_kept", "bank.settings", "bank.round_trip"}
    ids |= {make(fmt) for fmt in SHORT_NAMES for make in (title_id, kept_id)}
    assert sorted(ids - set(english)) == []
    assert {fmt for fmt, _ in LOSSES} == set(SHORT_NAMES)
