"""Moodle XML: the question bank format Moodle's importer reads, with HTML texts in CDATA."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence

from lxml import etree

from ...model import Question, QuestionType, Quiz
from . import BankBuilder
from .bank import BankQuiz, category_runs, fraction_text, multiple_fractions
from .xml_text import block_html, cdata_text, inline_html, metadata_comment, serialise

_TYPES = {
    QuestionType.SINGLE: "multichoice", QuestionType.MULTIPLE: "multichoice",
    QuestionType.PREFERENCE: "multichoice", QuestionType.TRUE_FALSE: "truefalse",
    QuestionType.MATCHING: "matching",
}


def _html_field(parent: etree._Element, tag: str, html: str) -> etree._Element:
    field = etree.SubElement(parent, tag, format="html")
    cdata_text(field, html)
    return field


def _plain(parent: etree._Element, tag: str, text: str) -> etree._Element:
    child = etree.SubElement(parent, tag)
    child.text = text
    return child


def _answer(parent: etree._Element, fraction: float, html: str, feedback: str,
            text_format: str = "html") -> None:
    answer = etree.SubElement(parent, "answer", fraction=fraction_text(fraction),
                              format=text_format)
    if text_format == "html":
        cdata_text(answer, html)
    else:
        _plain(answer, "text", html)
    _html_field(answer, "feedback", block_html(feedback))


def question_element(question: Question, quiz: Quiz) -> etree._Element:
    """One <question> as Moodle exports it."""
    element = etree.Element("question", type=_TYPES[question.type])
    element.append(metadata_comment(question, quiz))
    cdata_text(etree.SubElement(element, "name"), question.id)
    _html_field(element, "questiontext", inline_html(question.prompt))
    _html_field(element, "generalfeedback", block_html(question.explanation))
    graded = question.type.graded
    _plain(element, "defaultgrade", fraction_text(question.points if graded else 0))
    _plain(element, "penalty", "0")
    _plain(element, "hidden", "0")
    if question.type is QuestionType.TRUE_FALSE:
        for choice in question.choices:
            _answer(element, 100 if choice.correct else 0, choice.id, choice.feedback,
                    "moodle_auto_format")
    elif question.type is QuestionType.MATCHING:
        _plain(element, "shuffleanswers", _flag(quiz.settings.shuffle_choices))
        _combined_feedback(element, question.feedback_correct, question.feedback_incorrect)
        targets = {t.id: t.text for t in question.targets}
        for item in question.items:
            _subquestion(element, inline_html(item.text), targets.get(item.match, ""))
        used = {i.match for i in question.items}
        for target in question.targets:
            if target.id not in used:  # a distractor: an answer with no question
                _subquestion(element, "", target.text)
    else:
        single = question.type is not QuestionType.MULTIPLE
        _plain(element, "single", _flag(single))
        _plain(element, "shuffleanswers", _flag(quiz.settings.shuffle_choices))
        _plain(element, "answernumbering", "abc")
        _combined_feedback(element, "", "")
        fractions = multiple_fractions(question) if not single else {}
        for choice in question.choices:
            if question.type is QuestionType.PREFERENCE:
                fraction = 100.0
            elif single:
                fraction = 100.0 if choice.correct else 0.0
            else:
                fraction = fractions[choice.id]
            _answer(element, fraction, inline_html(choice.text), choice.feedback)
    if question.objectives:
        tags = etree.SubElement(element, "tags")
        for objective in question.objectives:
            _plain(etree.SubElement(tags, "tag"), "text", objective)
    return element


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _combined_feedback(element: etree._Element, correct: str, incorrect: str) -> None:
    _html_field(element, "correctfeedback", block_html(correct))
    _html_field(element, "partiallycorrectfeedback", "")
    _html_field(element, "incorrectfeedback", block_html(incorrect))


def _subquestion(element: etree._Element, html: str, answer: str) -> None:
    sub = etree.SubElement(element, "subquestion", format="html")
    cdata_text(sub, html)
    _plain(etree.SubElement(sub, "answer"), "text", answer)


def bank_question(bank: BankQuiz, question: Question) -> etree._Element:
    """A question of a quiz to export as its <question>."""
    return question_element(question, bank.quiz)


def moodle_document(banks: Sequence[BankQuiz],
                    element_of: Callable[[BankQuiz, Question], etree._Element] = bank_question
                    ) -> bytes:
    """A <quiz> document: a category question before each quiz's questions; ``element_of``
    makes each question's element (one the document may keep: it appends a copy)."""
    root = etree.Element("quiz")
    for bank in banks:
        for name, questions in category_runs(bank):
            category = etree.SubElement(root, "question", type="category")
            _plain(etree.SubElement(category, "category"), "text", f"$course$/{name}")
            for question in questions:
                root.append(copy.deepcopy(element_of(bank, question)))
    return serialise(root)


class MoodleXmlBuilder(BankBuilder):
    """Writes Moodle XML question banks."""

    name = "moodle-xml"
    extension = ".xml"
    description = "quizzes as Moodle XML question banks"

    def render(self, banks: Sequence[BankQuiz], name: str) -> bytes:
        """The Moodle XML file."""
        return moodle_document(banks, lambda bank, question: self.once(
            (bank.id, question.id), lambda: bank_question(bank, question)))
