"""QTI 1.2 in the form Canvas imports: one assessment per quiz, in an IMS content package."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial

from lxml import etree

from ...model import Question, QuestionType, Quiz
from . import PackageBuilder
from .bank import BankQuiz, fraction_text
from .xml_text import block_html, inline_html, metadata_comment, serialise

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
LOCATION = f"{NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CANVAS_TYPES = {
    QuestionType.SINGLE: "multiple_choice_question",
    QuestionType.PREFERENCE: "multiple_choice_question",
    QuestionType.MULTIPLE: "multiple_answers_question",
    QuestionType.TRUE_FALSE: "true_false_question",
    QuestionType.MATCHING: "matching_question",
}
RESPONSE = "response1"


def _sub(parent: etree._Element, tag: str, text: str | None = None,
         **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _material(parent: etree._Element, html: str) -> None:
    _sub(_sub(parent, "material"), "mattext", html, texttype="text/html")


def _field(metadata: etree._Element, label: str, entry: str) -> None:
    field = _sub(metadata, "qtimetadatafield")
    _sub(field, "fieldlabel", label)
    _sub(field, "fieldentry", entry)


def item_element(module_id: str, question: Question, quiz: Quiz) -> etree._Element:
    """One <item> with Canvas's question_type and points_possible."""
    item = etree.Element("item", ident=f"{module_id}-{question.id}", title=question.id)
    item.append(metadata_comment(question, quiz))
    metadata = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    _field(metadata, "question_type", CANVAS_TYPES[question.type])
    _field(metadata, "points_possible", f"{question.points if question.type.graded else 0:g}")
    presentation = _sub(item, "presentation")
    _material(presentation, inline_html(question.prompt))
    processing = _sub(item, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0",
         varname="SCORE", vartype="Decimal")
    feedback: list[tuple[str, str]] = []
    if question.explanation:
        always = etree.Element("conditionvar")
        _sub(always, "other")
        _show(processing, always, "general_fb")
        feedback.append(("general_fb", block_html(question.explanation)))
    if question.type is QuestionType.MATCHING:
        _matching(presentation, processing, question)
    else:
        feedback += _choices(presentation, processing, question)
    for ident, html in feedback:
        _material(_sub(_sub(item, "itemfeedback", ident=ident), "flow_mat"), html)
    return item


def _show(processing: etree._Element, condition: etree._Element, ident: str) -> None:
    respcondition = _sub(processing, "respcondition", **{"continue": "Yes"})
    respcondition.append(condition)
    _sub(respcondition, "displayfeedback", feedbacktype="Response", linkrefid=ident)


def _equal(choice_id: str, respident: str = RESPONSE) -> etree._Element:
    element = etree.Element("varequal", respident=respident)
    element.text = choice_id
    return element


def _choices(presentation: etree._Element, processing: etree._Element,
             question: Question) -> list[tuple[str, str]]:
    multiple = question.type is QuestionType.MULTIPLE
    lid = _sub(presentation, "response_lid", ident=RESPONSE,
               rcardinality="Multiple" if multiple else "Single")
    render = _sub(lid, "render_choice")
    feedback = []
    for choice in question.choices:
        _material(_sub(render, "response_label", ident=choice.id), inline_html(choice.text))
        if choice.feedback:
            ident = f"{choice.id}_fb"
            condition = etree.Element("conditionvar")
            condition.append(_equal(choice.id))
            _show(processing, condition, ident)
            feedback.append((ident, block_html(choice.feedback)))
    if question.type.graded:
        scoring = _sub(processing, "respcondition", **{"continue": "No"})
        condition = _sub(scoring, "conditionvar")
        if multiple:  # exactly the right set: each right one chosen, no wrong one
            both = _sub(condition, "and")
            for choice in question.choices:
                target = both if choice.correct else _sub(both, "not")
                target.append(_equal(choice.id))
        else:
            condition.append(_equal(question.correct_ids[0]))
        _sub(scoring, "setvar", "100", action="Set", varname="SCORE")
    return feedback


def _matching(presentation: etree._Element, processing: etree._Element,
              question: Question) -> None:
    # each right pair adds its share, rounded down so that all of them never pass SCORE's 100
    share = math.floor(100 / len(question.items) * 10**5) / 10**5 if question.items else 0
    for item in question.items:
        lid = _sub(presentation, "response_lid", ident=f"response_{item.id}")
        _material(lid, inline_html(item.text))
        render = _sub(lid, "render_choice")
        for target in question.targets:
            _material(_sub(render, "response_label", ident=target.id), inline_html(target.text))
        scoring = _sub(processing, "respcondition")
        _sub(scoring, "conditionvar").append(_equal(item.match, f"response_{item.id}"))
        _sub(scoring, "setvar", fraction_text(share), action="Add", varname="SCORE")


def assessment_document(bank: BankQuiz) -> etree._Element:
    """A <questestinterop> holding one quiz as an assessment."""
    root = etree.Element("questestinterop", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", LOCATION)
    assessment = _sub(root, "assessment", ident=bank.id, title=bank.title)
    section = _sub(assessment, "section", ident="root_section")
    for question in bank.quiz.questions:
        section.append(item_element(bank.id, question, bank.quiz))
    for element in root.iter():  # everything in QTI's namespace
        if isinstance(element.tag, str) and not element.tag.startswith("{"):
            element.tag = f"{{{NS}}}{element.tag}"
    return root


def assessment_bytes(bank: BankQuiz) -> bytes:
    """The assessment file of one quiz."""
    return serialise(assessment_document(bank))


def manifest_document(name: str, banks: Sequence[BankQuiz]) -> etree._Element:
    """The content-packaging manifest: one imsqti_xmlv1p2 resource per quiz."""
    def cp(tag: str) -> str:
        return f"{{{CP}}}{tag}"

    root = etree.Element(cp("manifest"), nsmap={None: CP}, identifier=f"MANIFEST-{name}")
    metadata = etree.SubElement(root, cp("metadata"))
    etree.SubElement(metadata, cp("schema")).text = "IMS Content"
    etree.SubElement(metadata, cp("schemaversion")).text = "1.1.3"
    etree.SubElement(root, cp("organizations"))
    resources = etree.SubElement(root, cp("resources"))
    for bank in banks:
        resource = etree.SubElement(resources, cp("resource"), identifier=f"res-{bank.id}",
                                    type="imsqti_xmlv1p2", href=f"{bank.id}/{bank.id}.xml")
        etree.SubElement(resource, cp("file"), href=f"{bank.id}/{bank.id}.xml")
    return root


class Qti12Builder(PackageBuilder):
    """Writes QTI 1.2 packages that Canvas imports as quizzes with their question banks."""

    name = "qti12"
    description = "quizzes as QTI 1.2 packages for Canvas"

    def members(self, banks: Sequence[BankQuiz], name: str) -> list[tuple[str, bytes]]:
        """The manifest and one assessment file per quiz."""
        members = [("imsmanifest.xml", serialise(manifest_document(name, banks)))]
        members += [(f"{b.id}/{b.id}.xml", self.once((b.id,), partial(assessment_bytes, b)))
                    for b in banks]
        return members
