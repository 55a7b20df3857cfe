"""HTML texts of imported banks back to the course's Markdown."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

_MARKS = {"em": "*", "i": "*", "strong": "**", "b": "**", "code": "`"}
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}


def to_markdown(html: str) -> str:
    """Paragraphs, emphasis, code, links and line breaks as Markdown; other tags as text."""
    if "<" not in html and "&" not in html:
        return html.strip()
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = "".join(current).strip()
        if text:
            blocks.append(text)
        current.clear()

    def walk(element: etree._Element) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                current.append(child.tail or "")
                continue
            tag = child.tag.split("}")[-1].lower()
            if tag in _BLOCKS:
                flush()
                current.append(child.text or "")
                walk(child)
                flush()
            elif tag == "br":
                current.append("\n")
            elif tag in _MARKS:
                mark = _MARKS[tag]
                current.append(mark + child.text_content() + mark)
            elif tag == "a":
                current.append(f"[{child.text_content()}]({child.get('href', '')})")
            else:
                current.append(child.text or "")
                walk(child)
            current.append(child.tail or "")

    current.append(root.text or "")
    walk(root)
    flush()
    return "\n\n".join(blocks)
