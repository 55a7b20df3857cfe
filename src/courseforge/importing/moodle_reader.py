"""Reading a Moodle XML question bank into a draft quiz."""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..builders.banks.bank import read_metadata
from .draft import Draft, choice_ids, finish_question, match_question, preference_weights
from .html_text import to_markdown

SUPPORTED = {"multichoice", "truefalse", "matching"}


def text_of(element: etree._Element | None) -> str:
    """The Markdown of a Moodle text field (<x format="..."><text>...</text></x>)."""
    if element is None:
        return ""
    raw = element.findtext("text") or ""
    return to_markdown(raw) if element.get("format", "html") == "html" else raw.strip()


def _meta(element: etree._Element) -> dict[str, Any]:
    for child in element:
        if isinstance(child, etree._Comment) and (found := read_metadata(child.text or "")):
            return found
    return {}


def read_moodle_xml(data: bytes, path: str) -> Draft:
    """The questions of a Moodle XML file; unsupported ones are reported with their line."""
    draft = Draft(path=path)
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    root = etree.fromstring(data, parser)
    for element in root.iterfind("question"):
        kind = element.get("type", "")
        if kind == "category":
            name = (element.findtext("category/text") or "").strip()
            draft.title = draft.title or name.split("/")[-1]
            continue
        name = (element.findtext("name/text") or "").strip()
        if kind not in SUPPORTED:
            draft.report(element.sourceline or 0, f"question '{name}' is of Moodle type '{kind}'"
                         ", which the course format has no type for: not imported",
                         "unsupported")
            continue
        meta = _meta(element)
        prompt = text_of(element.find("questiontext"))
        question: dict[str, Any] = {"id": draft.question_id(meta, name, prompt), "prompt": prompt}
        line = element.sourceline or 0
        if kind == "truefalse":
            _true_false(question, element)
        elif kind == "matching":
            _matching(draft, line, question, element, meta)
        else:
            _choices(draft, line, question, element, meta)
        if kind != "truefalse":
            draft.shuffle.append(element.findtext("shuffleanswers", "true").strip().lower()
                                 in ("true", "1"))
        grade = float(element.findtext("defaultgrade") or 1)
        if "points" not in meta and question["type"] != "preference" and grade not in (0, 1):
            meta = {**meta, "points": grade}
        tags = [t.strip() for t in element.xpath("tags/tag/text/text()")]
        finish_question(draft, line, meta, question, text_of(element.find("generalfeedback")),
                        tags)
    return draft


def _true_false(question: dict[str, Any], element: etree._Element) -> None:
    feedback = {}
    answer = True
    for item in element.iterfind("answer"):
        value = (item.findtext("text") or "").strip().lower() == "true"
        if float(item.get("fraction", "0")) >= 100:
            answer = value
        if text := text_of(item.find("feedback")):
            feedback[str(value).lower()] = text
    question["type"] = "true-false"
    question["answer"] = answer
    if feedback:
        question["feedback"] = dict(sorted(feedback.items(), reverse=True))


def _matching(draft: Draft, line: int, question: dict[str, Any], element: etree._Element,
              meta: dict[str, Any]) -> None:
    pairs = [(text_of(sub), (sub.findtext("answer/text") or "").strip())
             for sub in element.iterfind("subquestion")]
    match_question(draft, line, question, pairs, meta)
    feedback = {"correct": text_of(element.find("correctfeedback")),
                "incorrect": text_of(element.find("incorrectfeedback"))}
    if any(feedback.values()):
        question["feedback"] = {k: v for k, v in feedback.items() if v}


def _choices(draft: Draft, line: int, question: dict[str, Any], element: etree._Element,
             meta: dict[str, Any]) -> None:
    answers = element.findall("answer")
    single = element.findtext("single", "true").strip().lower() in ("true", "1")
    ids = choice_ids(meta, len(answers))
    kind = "preference" if meta.get("weights") is not None else "single" if single else "multiple"
    if kind == "single" and any(0 < float(a.get("fraction", "0")) < 100 for a in answers):
        draft.report(line, f"question '{question['id']}' gives partial credit; the course grades "
                     "all or nothing, so only the 100% answers count", "partial-credit")
    choices = []
    for choice_id, answer in zip(ids, answers, strict=True):
        fraction = float(answer.get("fraction", "0"))
        text = answer.find("text")
        raw = text.text or "" if text is not None else ""
        choice: dict[str, Any] = {"id": choice_id,
                                  "text": to_markdown(raw) if answer.get("format", "html") ==
                                  "html" else raw.strip()}
        if kind == "preference":
            choice["weights"] = preference_weights(meta, choice_id)
        elif (fraction >= 100) if kind == "single" else fraction > 0:
            choice["correct"] = True
        if feedback := text_of(answer.find("feedback")):
            choice["feedback"] = feedback
        choices.append(choice)
    question["type"] = kind
    question["choices"] = choices
