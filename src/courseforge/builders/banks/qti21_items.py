"""QTI 2.1 assessment items: one per question, scored by the standard match_correct rule."""

from __future__ import annotations

from lxml import etree

from ...model import Question, QuestionType, Quiz
from .xml_text import append_html, block_html, inline_html, metadata_comment

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
EXPLANATION = "EXPLANATION"
RIGHT, WRONG = "CORRECT", "INCORRECT"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _sub(parent: etree._Element, tag: str, text: str | None = None,
         **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, _q(tag), attributes)
    if text is not None:
        element.text = text
    return element


def item_identifier(module_id: str, question: Question) -> str:
    """The item's identifier: the id the lesson reports to an LMS for this question."""
    return f"{module_id}-{question.id}"


def item_document(module_id: str, question: Question, quiz: Quiz) -> etree._Element:
    """An <assessmentItem> for one question of a quiz."""
    shuffle = quiz.settings.shuffle_choices
    root = etree.Element(_q("assessmentItem"), nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    root.set("identifier", item_identifier(module_id, question))
    root.set("title", question.id)
    root.set("adaptive", "false")
    root.set("timeDependent", "false")
    root.append(metadata_comment(question, quiz))
    matching = question.type is QuestionType.MATCHING
    multiple = question.type is QuestionType.MULTIPLE or matching
    declaration = _sub(root, "responseDeclaration", identifier="RESPONSE",
                       cardinality="multiple" if multiple else "single",
                       baseType="directedPair" if matching else "identifier")
    if question.type.graded:
        correct = _sub(declaration, "correctResponse")
        if matching:
            for item in question.items:
                _sub(correct, "value", f"{item.id} {item.match}")
        else:
            for choice_id in question.correct_ids:
                _sub(correct, "value", choice_id)
    score = _sub(root, "outcomeDeclaration", identifier="SCORE", cardinality="single",
                 baseType="float")
    _sub(_sub(score, "defaultValue"), "value", "0")
    feedback = _feedback_texts(question)
    if feedback:
        _sub(root, "outcomeDeclaration", identifier="FEEDBACK", cardinality="multiple",
             baseType="identifier")
    body = _sub(root, "itemBody")
    if matching:
        _match_interaction(body, question, shuffle)
    else:
        _choice_interaction(body, question, shuffle)
    _response_processing(root, question, bool(feedback))
    for identifier, html in feedback:
        modal = _sub(root, "modalFeedback", outcomeIdentifier="FEEDBACK",
                     identifier=identifier, showHide="show")
        append_html(modal, html, NS)
    return root


def _choice_interaction(body: etree._Element, question: Question, shuffle: bool) -> None:
    max_choices = "0" if question.type is QuestionType.MULTIPLE else "1"
    shuffled = shuffle and question.type is not QuestionType.TRUE_FALSE  # True before False
    interaction = _sub(body, "choiceInteraction", responseIdentifier="RESPONSE",
                       shuffle="true" if shuffled else "false", maxChoices=max_choices)
    append_html(_sub(interaction, "prompt"), inline_html(question.prompt), NS)
    for choice in question.choices:
        append_html(_sub(interaction, "simpleChoice", identifier=choice.id),
                    inline_html(choice.text), NS)


def _match_interaction(body: etree._Element, question: Question, shuffle: bool) -> None:
    interaction = _sub(body, "matchInteraction", responseIdentifier="RESPONSE",
                       shuffle="true" if shuffle else "false",
                       maxAssociations=str(len(question.items)))
    append_html(_sub(interaction, "prompt"), inline_html(question.prompt), NS)
    items = _sub(interaction, "simpleMatchSet")
    for item in question.items:
        append_html(_sub(items, "simpleAssociableChoice", identifier=item.id, matchMax="1"),
                    inline_html(item.text), NS)
    targets = _sub(interaction, "simpleMatchSet")
    for target in question.targets:
        append_html(_sub(targets, "simpleAssociableChoice", identifier=target.id,
                         matchMax=str(len(question.items))), inline_html(target.text), NS)


def _feedback_texts(question: Question) -> list[tuple[str, str]]:
    """(identifier, HTML) of each modal feedback: per choice or right/wrong, then the
    explanation."""
    texts = []
    if question.type is QuestionType.MATCHING:
        texts += [(RIGHT, block_html(question.feedback_correct)),
                  (WRONG, block_html(question.feedback_incorrect))]
    else:
        texts += [(c.id, block_html(c.feedback)) for c in question.choices]
    texts.append((EXPLANATION, block_html(question.explanation)))
    return [(identifier, html) for identifier, html in texts if html]


def _response_processing(root: etree._Element, question: Question, feedback: bool) -> None:
    """The match_correct template; spelt out, plus the FEEDBACK outcome, where there is
    feedback to show (a template sets the score only)."""
    if not feedback:
        _sub(root, "responseProcessing", template=MATCH_CORRECT)
        return
    processing = _sub(root, "responseProcessing")
    if question.type.graded:
        condition = _sub(processing, "responseCondition")
        right = _sub(condition, "responseIf")
        match = _sub(right, "match")
        _sub(match, "variable", identifier="RESPONSE")
        _sub(match, "correct", identifier="RESPONSE")
        _set(right, "SCORE", "float", "1")
        _set(_sub(condition, "responseElse"), "SCORE", "float", "0")
    shown = _sub(_sub(processing, "setOutcomeValue", identifier="FEEDBACK"), "multiple")
    if question.type is QuestionType.MATCHING:
        verdict = _sub(processing, "responseCondition")  # adds CORRECT or INCORRECT
        shown_ids = {identifier for identifier, _ in _feedback_texts(question)}
        for branch, identifier in (("responseIf", RIGHT), ("responseElse", WRONG)):
            part = _sub(verdict, branch)
            if branch == "responseIf":
                match = _sub(part, "match")
                _sub(match, "variable", identifier="RESPONSE")
                _sub(match, "correct", identifier="RESPONSE")
            if identifier in shown_ids:
                both = _sub(_sub(part, "setOutcomeValue", identifier="FEEDBACK"), "multiple")
                _sub(both, "variable", identifier="FEEDBACK")
                _sub(both, "baseValue", identifier, baseType="identifier")
    else:
        _sub(shown, "variable", identifier="RESPONSE")
    if question.explanation:
        _sub(shown, "baseValue", EXPLANATION, baseType="identifier")
    # the verdict block must come after FEEDBACK starts as the explanation
    if question.type is QuestionType.MATCHING:
        processing.append(verdict)


def _set(parent: etree._Element, outcome: str, base_type: str, value: str) -> None:
    _sub(_sub(parent, "setOutcomeValue", identifier=outcome), "baseValue", value,
         baseType=base_type)
