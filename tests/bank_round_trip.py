"""Export a quiz to a bank format, import it back, and load it as the course loader would."""

from __future__ import annotations

import io
import zipfile

from courseforge.builders.banks.bank import BankQuiz
from courseforge.builders.banks.gift import gift_document
from courseforge.builders.banks.moodle_xml import moodle_document
from courseforge.builders.banks.qti21 import package_members
from courseforge.builders.json_export import to_data
from courseforge.importing import quiz_yaml
from courseforge.importing.gift_reader import read_gift
from courseforge.importing.moodle_reader import read_moodle_xml
from courseforge.importing.qti_reader import read_qti
from courseforge.loading.fields import Fields
from courseforge.loading.located_yaml import parse_yaml
from courseforge.loading.quiz_loader import load_quiz
from courseforge.model import Quiz


def exported(fmt: str, bank: BankQuiz) -> bytes:
    """The bytes of one export file of this quiz."""
    if fmt == "gift":
        return gift_document([bank]).encode("utf-8")
    if fmt == "moodle-xml":
        return moodle_document([bank])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in package_members(bank.id, [bank], "Course"):
            archive.writestr(name, data)
    return buffer.getvalue()


def round_trip(fmt: str, bank: BankQuiz) -> tuple[Quiz, list[str]]:
    """The quiz imported back from its export, and the importer's problems as text."""
    data = exported(fmt, bank)
    if fmt == "gift":
        draft = read_gift(data.decode("utf-8"), "bank")
    elif fmt == "moodle-xml":
        draft = read_moodle_xml(data, "bank")
    else:
        draft = read_qti(data, "bank")
    parsed, problems = parse_yaml(quiz_yaml(draft), "quiz.yml")
    assert problems == []
    diagnostics: list = []
    quiz = load_quiz(Fields(parsed, "quiz.yml", "the quiz", diagnostics))
    assert diagnostics == [], diagnostics
    return quiz, [str(p) for p in draft.problems]


def questions_data(quiz: Quiz, fmt: str | None = None) -> list:
    """The questions as JSON data, without source positions; with ``fmt``, without what that
    format's README says it cannot keep (feedback per matching pair; in GIFT, a matching
    question's right and wrong feedback too)."""
    data = to_data(quiz.questions)
    if fmt is not None:
        for question in data:
            for item in question["items"]:
                item["feedback"] = ""
            if fmt == "gift":
                question["feedback_correct"] = question["feedback_incorrect"] = ""
    return data
