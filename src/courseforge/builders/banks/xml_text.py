"""XML pieces the XML bank formats share: HTML text in CDATA, comments that stay well-formed."""

from __future__ import annotations

import re

from lxml import etree

from ...model import Question, Quiz
from ..lesson.html_render import render_inline, render_markdown
from .bank import metadata_text


def inline_html(markdown_text: str) -> str:
    """A one-line text (prompt, choice) as HTML."""
    return str(render_inline(markdown_text))


def block_html(markdown_text: str) -> str:
    """A feedback or explanation as HTML paragraphs ('' stays '')."""
    return str(render_markdown(markdown_text)) if markdown_text else ""


def cdata_text(parent: etree._Element, html: str, tag: str = "text") -> etree._Element:
    """A child holding HTML as CDATA (as Moodle writes it), or escaped where CDATA cannot."""
    child = etree.SubElement(parent, tag)
    child.text = etree.CDATA(html) if html and "]]>" not in html else html
    return child


def metadata_comment(question: Question, quiz: Quiz) -> etree._Comment:
    """The question's metadata as an XML comment ('--' is not allowed inside one)."""
    return etree.Comment(" " + metadata_text(question, quiz).replace("--", "-\\u002d") + " ")


def serialise(root: etree._Element) -> bytes:
    """The document as indented UTF-8 with an XML declaration."""
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def append_html(parent: etree._Element, html: str, namespace: str = "") -> None:
    """Append an HTML fragment to ``parent`` as elements in ``namespace`` (QTI's XHTML)."""
    from lxml import html as lxml_html

    if not html.strip():
        return
    if _PLAIN.match(html):
        _add_text(parent, html)
        return
    wrapper = lxml_html.fragment_fromstring(html, create_parent="div")
    prefix = f"{{{namespace}}}" if namespace else ""

    def copy(source: etree._Element, target: etree._Element) -> None:
        if source.text:
            _add_text(target, source.text)
        for child in source:
            if not isinstance(child.tag, str):  # comments, processing instructions
                continue
            made = etree.SubElement(target, prefix + child.tag,
                                    {k: v for k, v in child.attrib.items() if k in _KEPT})
            copy(child, made)
            if child.tail:
                _add_text(target, child.tail)

    copy(wrapper, parent)


_KEPT = {"href", "src", "alt"}
# text the HTML parser keeps as it is: no tag or entity, no carriage return or other control
# character, no lone surrogate or noncharacter (which parsers drop or cut the text at)
_PLAIN = re.compile(r"[^<&\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]*\Z")


def _add_text(element: etree._Element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text
