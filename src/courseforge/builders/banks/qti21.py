"""QTI 2.1: a content package of items, an assessment test and imsmanifest.xml per export."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree

from ...model import Question
from . import PackageBuilder
from .bank import BankQuiz
from .qti21_items import NS, SCHEMA_LOCATION, XSI, _q, _sub, item_document, item_identifier
from .xml_text import serialise

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_LOCATION = f"{CP} http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd"


def test_document(name: str, banks: Sequence[BankQuiz], course_title: str) -> etree._Element:
    """The <assessmentTest>: a section per quiz, points as item weights summed into SCORE."""
    root = etree.Element(_q("assessmentTest"), nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    root.set("identifier", name)
    root.set("title", banks[0].title if len(banks) == 1 else course_title)
    score = _sub(root, "outcomeDeclaration", identifier="SCORE", cardinality="single",
                 baseType="float")
    _sub(_sub(score, "defaultValue"), "value", "0")
    part = _sub(root, "testPart", identifier="part", navigationMode="nonlinear",
                submissionMode="simultaneous")
    for bank in banks:
        section = _sub(part, "assessmentSection", identifier=f"section-{bank.id}",
                       title=bank.section, visible="true")
        if bank.quiz.draw > 0:  # the quiz's draw is the section's selection
            _sub(section, "selection", select=str(bank.quiz.draw))
        if bank.quiz.settings.shuffle_questions:
            _sub(section, "ordering", shuffle="true")
        pools = {qid: pool for pool in bank.quiz.pools for qid in pool.questions}
        by_id = {q.id: q for q in bank.quiz.questions}
        placed: set[str] = set()
        for question in bank.quiz.questions:
            pool = pools.get(question.id)
            if pool is None:
                _item_ref(section, bank.id, question)
            elif pool.id not in placed:  # a pool is a section drawing its count
                placed.add(pool.id)
                inner = _sub(section, "assessmentSection", identifier=f"pool-{bank.id}-{pool.id}",
                             title=pool.id, visible="false")
                _sub(inner, "selection", select=str(pool.draw))
                for qid in pool.questions:
                    if qid in by_id:
                        _item_ref(inner, bank.id, by_id[qid])
    total = _sub(_sub(root, "outcomeProcessing"), "setOutcomeValue", identifier="SCORE")
    _sub(_sub(total, "sum"), "testVariables", variableIdentifier="SCORE", weightIdentifier="W")
    return root


def _item_ref(section: etree._Element, module_id: str, question: Question) -> None:
    identifier = item_identifier(module_id, question)
    ref = _sub(section, "assessmentItemRef", identifier=identifier, href=f"items/{identifier}.xml")
    _sub(ref, "weight", identifier="W",
         value=_number(question.points if question.type.graded else 0))


def _number(value: float) -> str:
    return f"{value:g}"


def manifest_document(name: str, banks: Sequence[BankQuiz]) -> etree._Element:
    """The IMS content-packaging manifest listing the test and every item."""
    def cp(tag: str) -> str:
        return f"{{{CP}}}{tag}"

    root = etree.Element(cp("manifest"), nsmap={None: CP, "xsi": XSI})
    root.set("identifier", f"MANIFEST-{name}")
    root.set(f"{{{XSI}}}schemaLocation", CP_LOCATION)
    metadata = etree.SubElement(root, cp("metadata"))
    etree.SubElement(metadata, cp("schema")).text = "QTIv2.1 Package"
    etree.SubElement(metadata, cp("schemaversion")).text = "1.0.0"
    etree.SubElement(root, cp("organizations"))
    resources = etree.SubElement(root, cp("resources"))
    test = etree.SubElement(resources, cp("resource"), identifier=f"test-{name}",
                            type="imsqti_test_xmlv2p1", href=f"{name}.xml")
    etree.SubElement(test, cp("file"), href=f"{name}.xml")
    items = []
    for bank in banks:
        for question in bank.quiz.questions:
            identifier = item_identifier(bank.id, question)
            etree.SubElement(test, cp("dependency"), identifierref=f"item-{identifier}")
            item = etree.Element(cp("resource"), identifier=f"item-{identifier}",
                                 type="imsqti_item_xmlv2p1", href=f"items/{identifier}.xml")
            etree.SubElement(item, cp("file"), href=f"items/{identifier}.xml")
            items.append(item)
    resources.extend(items)
    return root


def item_bytes(bank: BankQuiz, question: Question) -> bytes:
    """A question of a quiz to export as its item file."""
    return serialise(item_document(bank.id, question, bank.quiz))


def package_members(name: str, banks: Sequence[BankQuiz], course_title: str,
                    item_of: Callable[[BankQuiz, Question], bytes] = item_bytes
                    ) -> list[tuple[str, bytes]]:
    """(zip member name, bytes) of the package; ``item_of`` makes each item file."""
    members = [("imsmanifest.xml", serialise(manifest_document(name, banks))),
               (f"{name}.xml", serialise(test_document(name, banks, course_title)))]
    for bank in banks:
        for question in bank.quiz.questions:
            members.append((f"items/{item_identifier(bank.id, question)}.xml",
                            item_of(bank, question)))
    return members


class Qti21Builder(PackageBuilder):
    """Writes QTI 2.1 content packages (TAO, Inspera, OpenOLAT, ONYX)."""

    name = "qti21"
    description = "quizzes as IMS QTI 2.1 packages"

    def members(self, banks: Sequence[BankQuiz], name: str) -> list[tuple[str, bytes]]:
        """Manifest, assessment test and items."""
        return package_members(name, banks, self.course.title, lambda bank, question: self.once(
            (bank.id, question.id), lambda: item_bytes(bank, question)))
