"""Reading a QTI 2.1 content package (or one item file) into a draft quiz."""

from __future__ import annotations

import html
import io
import posixpath
import zipfile
from typing import Any

from lxml import etree

from ..builders.banks.bank import read_metadata
from ..errors import CourseforgeError
from .draft import Draft, finish_question, match_question, preference_weights
from .html_text import to_markdown

NS = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1",
      "cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
_PARSER = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
MAX_MEMBER = 5 * 1024 * 1024


def _inner_html(element: etree._Element | None) -> str:
    """The XHTML content of an element as HTML text (namespaces dropped)."""
    if element is None:
        return ""
    copy = etree.fromstring(etree.tostring(element))
    for node in copy.iter():
        if isinstance(node.tag, str):
            node.tag = etree.QName(node).localname
    etree.cleanup_namespaces(copy)
    parts = [html.escape(copy.text or "", quote=False)]
    parts += [etree.tostring(child, encoding="unicode", with_tail=True) for child in copy]
    return "".join(parts)


def _markdown(element: etree._Element | None) -> str:
    return to_markdown(_inner_html(element))


def read_qti(data: bytes, path: str) -> Draft:
    """The items of a QTI 2.1 package, in the manifest's order, or of one item file."""
    draft = Draft(path=path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        _item(draft, etree.fromstring(data, _PARSER), {})
        return draft
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        def read(name: str) -> etree._Element:
            info = archive.getinfo(name)
            if info.file_size > MAX_MEMBER:
                raise CourseforgeError(f"{path}: {name} is larger than 5 MB")
            return etree.fromstring(archive.read(info), _PARSER)

        manifest = read("imsmanifest.xml")
        resources = manifest.findall(".//cp:resource", NS)
        tests = [r.get("href", "") for r in resources
                 if r.get("type", "").startswith("imsqti_test")]
        items = [r.get("href", "") for r in resources
                 if r.get("type", "").startswith("imsqti_item")]
        if not tests and not items and any(r.get("type", "").startswith("imsqti_xmlv1p2")
                                           for r in resources):
            raise CourseforgeError(f"{path}: this is a QTI 1.2 package (as Canvas exports it); "
                                   "'courseforge import qti' reads QTI 2.1, so export the bank "
                                   "as QTI 2.1 or Moodle XML")
        weights: dict[str, float] = {}
        if tests:
            test = read(tests[0])
            draft.title = test.get("title", "")
            base = posixpath.dirname(tests[0])
            order = []
            for ref in test.iterfind(".//q:assessmentItemRef", NS):
                href = posixpath.normpath(posixpath.join(base, ref.get("href", "")))
                order.append(href)
                weight = ref.find("q:weight", NS)
                if weight is not None and float(weight.get("value", "1")) > 0:
                    weights[href] = float(weight.get("value", "1"))
            # the manifest's order is the quiz's (a test groups a pool's items in a section)
            items = items + [i for i in order if i not in items]
        for href in items:
            _item(draft, read(href), {"points": weights[href]} if href in weights else {})
    return draft


def _item(draft: Draft, item: etree._Element, extra: dict[str, Any]) -> None:
    line = item.sourceline or 0
    meta = next((found for c in item if isinstance(c, etree._Comment)
                 if (found := read_metadata(c.text or ""))), {})
    meta = {**extra, **meta}
    title = item.get("title", "") or item.get("identifier", "")
    choice = item.find(".//q:choiceInteraction", NS)
    match = item.find(".//q:matchInteraction", NS)
    interaction = choice if choice is not None else match
    if interaction is None:
        draft.report(line, f"item '{title}' has no choice or match interaction: not imported",
                     "unsupported")
        return
    prompt = _markdown(interaction.find("q:prompt", NS))
    question: dict[str, Any] = {"id": draft.question_id(meta, title, prompt), "prompt": prompt}
    correct = [v.text or "" for v in item.iterfind("q:responseDeclaration/q:correctResponse/"
                                                    "q:value", NS)]
    feedback = {f.get("identifier"): _markdown(f) for f in item.iterfind("q:modalFeedback", NS)}
    if match is not None:
        _matching(draft, line, question, match, correct, feedback, meta)
    else:
        _choices(question, choice, correct, feedback, meta)
    if question["type"] != "true-false":  # true/false keeps its order whatever the quiz says
        draft.shuffle.append(interaction.get("shuffle") == "true")
    finish_question(draft, line, meta, question, feedback.get("EXPLANATION", ""), [])


def _matching(draft: Draft, line: int, question: dict[str, Any], match: etree._Element,
              correct: list[str],
              feedback: dict[str, str], meta: dict[str, Any]) -> None:
    sets = match.findall("q:simpleMatchSet", NS)
    texts = [{c.get("identifier"): _markdown(c)
              for c in s.iterfind("q:simpleAssociableChoice", NS)} for s in sets]
    answer = dict(v.split(" ", 1) for v in correct if " " in v)
    pairs = [(text, texts[1].get(answer.get(item_id, ""), ""))
             for item_id, text in texts[0].items()]
    used = {right for _, right in pairs}
    pairs += [("", text) for text in texts[1].values() if text not in used]
    meta = {"targets": list(texts[1]), "items": [[i, answer.get(i, "")] for i in texts[0]],
            **meta}
    match_question(draft, line, question, pairs, meta)
    kept = {"correct": feedback.get("CORRECT", ""), "incorrect": feedback.get("INCORRECT", "")}
    if any(kept.values()):
        question["feedback"] = {k: v for k, v in kept.items() if v}


def _choices(question: dict[str, Any], choice: etree._Element, correct: list[str],
             feedback: dict[str, str], meta: dict[str, Any]) -> None:
    options = [(c.get("identifier", ""), _markdown(c))
               for c in choice.iterfind("q:simpleChoice", NS)]
    ids = [i for i, _ in options]
    if sorted(ids) == ["false", "true"] and len(correct) == 1:
        question["type"] = "true-false"
        question["answer"] = correct[0] == "true"
        kept = {k: feedback[k] for k in ("true", "false") if feedback.get(k)}
        if kept:
            question["feedback"] = kept
        return
    kind = ("preference" if not correct else
            "single" if choice.get("maxChoices") == "1" else "multiple")
    choices = []
    for choice_id, text in options:
        entry: dict[str, Any] = {"id": choice_id, "text": text}
        if kind == "preference":
            entry["weights"] = preference_weights(meta, choice_id)
        elif choice_id in correct:
            entry["correct"] = True
        if feedback.get(choice_id):
            entry["feedback"] = feedback[choice_id]
        choices.append(entry)
    question["type"] = kind
    question["choices"] = choices
