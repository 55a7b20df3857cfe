"""Author Markdown to safe HTML: raw HTML is escaped, links and images are checked.

Python-Markdown passes raw HTML through by default. Lessons run inside an LMS, so an
author's ``<script>`` must show as text: the raw-HTML block preprocessor and inline
pattern are removed, which makes the serializer escape such markup like any text.

Text is typeset (``html_typeset``) and table captions attached (``html_captions``) in the
course's language, and lists nested (``html_lists``), by the rules the decks and guide use.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ...loading.lesson_markdown import is_safe_link
from ...typography import Typesetter
from .html_captions import CaptionLines, attach_captions, caption_name
from .html_fences import CodeParagraphs, FencedCode
from .html_lists import ListIndents
from .html_loose import EvenLists
from .html_typeset import Typeset


@dataclass(frozen=True, slots=True)
class MarkdownTexts:
    """The texts the renderer adds to author HTML, in the course's language."""

    table: str  # the name of a table's scroll region
    scroll_hint: str  # shown above a table wider than its page


# for callers without a course (the English catalogue's texts)
ENGLISH_TEXTS = MarkdownTexts(table="Table", scroll_hint="Scroll sideways to see the whole table →")


class _LessonTree(Treeprocessor):
    """Packaged images, web links opened outside the course, scrollable tables, lower headings."""

    def __init__(self, md: markdown.Markdown, images: Mapping[str, str]) -> None:
        super().__init__(md)
        self.images = images
        self.texts = ENGLISH_TEXTS
        self.language = ""  # the course's, for the name a caption gives its table

    def run(self, root: etree.Element) -> None:
        attach_captions(root)
        for parent in list(root.iter()):
            for index, element in enumerate(list(parent)):
                replacement = self._element(element)
                if replacement is not element:
                    parent.remove(element)
                    if replacement is not None:
                        parent.insert(index, replacement)

    def _element(self, element: etree.Element) -> etree.Element | None:
        tag = element.tag
        if tag == "a":
            href = element.get("href", "")
            if not is_safe_link(href):
                # keep the words, drop the dangerous target
                span = etree.Element("span")
                span.text, span.tail = element.text, element.tail
                span.extend(list(element))
                return span
            if urlsplit(href).scheme:
                element.set("target", "_blank")
                element.set("rel", "noopener noreferrer")
        elif tag == "img":
            packaged = self.images.get(element.get("src", ""))
            if packaged is None:
                # only course images are packaged: nothing may be fetched from elsewhere
                span = etree.Element("span")
                span.text, span.tail = element.get("alt", ""), element.tail
                return span
            element.set("src", packaged)
            element.set("loading", "lazy")
        elif tag == "p" and _lone_image(element):
            return self._figure(element)
        elif tag == "table":
            _mark_headers(element)
            caption = element.find("caption")
            # a wide table scrolls on a phone; its box must take keyboard focus to scroll
            name = self.texts.table if caption is None else caption_name(caption,
                                                                         self.language)
            box = etree.Element("div", {"class": "table-scroll", "tabindex": "0",
                                        "role": "region", "aria-label": name,
                                        "data-hint": self.texts.scroll_hint})
            box.tail, element.tail = element.tail, None
            box.append(element)
            return box
        elif isinstance(tag, str) and len(tag) == 2 and tag[0] == "h" and tag[1] in "12345":
            # the page title is the only h1; body headings sit below it
            element.tag = f"h{int(tag[1]) + 1}"
        return element


    def _figure(self, paragraph: etree.Element) -> etree.Element:
        """An image alone in its paragraph as a figure; its Markdown title is the caption."""
        original = paragraph[0]
        image = self._element(original)
        if image is None or image.tag != "img":
            return paragraph
        paragraph.remove(original)
        figure = etree.Element("figure", {"class": "figure"})
        figure.tail = paragraph.tail
        image.tail = None
        figure.append(image)
        caption = image.attrib.pop("title", "").strip()
        if caption:
            figcaption = etree.SubElement(figure, "figcaption")
            figcaption.text = caption
        return figure


def _lone_image(paragraph: etree.Element) -> bool:
    """Whether a paragraph holds one image and nothing else."""
    return (len(paragraph) == 1 and paragraph[0].tag == "img"
            and not (paragraph.text or "").strip() and not (paragraph[0].tail or "").strip())


def _mark_headers(table: etree.Element) -> None:
    """Column headers get scope="col"; the first cell of each body row is its row header."""
    for cell in table.iter("th"):
        cell.set("scope", "col")
    rows = [row for body in table.iter("tbody") for row in body.iter("tr")]
    if not rows or max(len(row) for row in rows) < 2:
        return  # a one-column table has no row labels
    for row in rows:
        if len(row) and row[0].tag == "td":
            row[0].tag = "th"
            row[0].set("scope", "row")


class _LessonMarkdown(Extension):
    def __init__(self, raw_html: bool) -> None:
        super().__init__()
        self.raw_html = raw_html
        self.tree: _LessonTree | None = None
        self.typeset: Typeset | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        if not self.raw_html:
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
        # after fenced code has set its blocks aside, before the blocks are parsed
        md.preprocessors.register(CaptionLines(md), "courseforge-captions", 15)
        # fenced code by the decks' rule, in Python-Markdown's fenced-code step's place
        fences = FencedCode(md, md.preprocessors["fenced_code_block"])
        md.preprocessors.deregister("fenced_code_block")
        md.preprocessors.register(fences, "courseforge-fences", 25)
        md.preprocessors.register(ListIndents(md, fences.fenced), "courseforge-lists", 14)
        # after the blocks are parsed: a fenced block indented as deep as code, out of it
        md.treeprocessors.register(CodeParagraphs(md, fences.placeholders),
                                   "courseforge-code-blocks", 2)
        md.treeprocessors.register(EvenLists(md), "courseforge-even-lists", 1.5)
        self.tree = _LessonTree(md, {})
        md.treeprocessors.register(self.tree, "courseforge-lesson", 1)
        # after the lesson tree has made figure captions, before escapes are restored
        self.typeset = Typeset(md)
        md.treeprocessors.register(self.typeset, "courseforge-typeset", 0.5)


def _extensions() -> list[Extension]:
    """Markdown's tables, fenced code and sane lists. Given by name, each would make Markdown
    search every installed package's entry points for one of that name (importing
    ``importlib.metadata`` and reading 130 packages' metadata, about 5 ms a name)."""
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    return [TableExtension(), FencedCodeExtension(), SaneListExtension()]


@functools.cache
def _engine(raw_html: bool) -> tuple[markdown.Markdown, _LessonMarkdown]:
    # Building a Markdown parser costs far more than converting a slide: build one per
    # mode and reset it between documents.
    extension = _LessonMarkdown(raw_html)
    md = markdown.Markdown(extensions=[*_extensions(), extension], output_format="html")
    return md, extension


# What Markdown could read as syntax: a character of its inline or block syntax, a line
# break, a block marker at the start, space at either end. Text without any is one paragraph
# of itself (most titles and choices), which the parser would take ~0.2 ms to find.
_SYNTAX = re.compile(r"[\\`*_\[\]!<>&#|~\x00-\x1f\x7f]|^(?:[-+*>=:]|\d+[.)])|^\s|\s$")


def plain_paragraph(text: str, language: str) -> str | None:
    """The HTML Markdown makes of text with no syntax in it (typeset in ``language``), or
    None when the text needs the parser."""
    if not text or _SYNTAX.search(text):
        return None
    if language:  # a paragraph starts afresh, as a new setter does
        text = Typesetter(language).text(text)
    return f"<p>{text}</p>"


@functools.lru_cache(maxsize=4096)
def _convert(text: str, images: tuple[tuple[str, str], ...], raw_html: bool,
             texts: MarkdownTexts, language: str) -> str:
    plain = None if raw_html else plain_paragraph(text, language)
    return plain if plain is not None else parsed_html(text, images, raw_html, texts, language)


def parsed_html(text: str, images: tuple[tuple[str, str], ...], raw_html: bool,
                texts: MarkdownTexts, language: str) -> str:
    """The Markdown parser's HTML for ``text``."""
    md, extension = _engine(raw_html)
    mapping = dict(images)
    assert extension.tree is not None and extension.typeset is not None
    extension.tree.images = mapping
    extension.tree.texts = texts
    extension.tree.language = extension.typeset.language = language
    html = md.reset().convert(text)
    return _sanitise(html, mapping) if raw_html else html


# What author HTML may keep when a course opts in (allow_raw_html): formatting and
# structure only. No script, style, form, frame or event handler survives.
RAW_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
RAW_ATTRIBUTES = {
    "*": {"lang", "dir", "title"},
    "a": {"href", "target"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}


def _sanitise(html: str, images: Mapping[str, str]) -> str:
    import nh3

    packaged = set(images.values())

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            return value if is_safe_link(value) else None
        if tag == "img" and attribute == "src":
            # only files of the package load: never a request to elsewhere
            return value if value in packaged else images.get(value)
        return value

    return nh3.clean(html, tags=set(RAW_TAGS), attributes=RAW_ATTRIBUTES,
                     attribute_filter=keep, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer")


def render_markdown(text: str, images: Mapping[str, str] | None = None, *,
                    raw_html: bool = False, texts: MarkdownTexts = ENGLISH_TEXTS,
                    language: str = "") -> Markup:
    """Lesson Markdown as HTML; ``images`` maps a source as written to its packaged path.

    Author HTML is escaped, unless ``raw_html`` (the course's allow_raw_html), where it is
    kept but sanitised to an allow-list. With a ``language`` the text is typeset in it.
    """
    return Markup(_convert(text, tuple(sorted((images or {}).items())), raw_html, texts,
                           language))


def render_inline(text: str, language: str = "") -> Markup:
    """One line of Markdown (a title or a choice) as inline HTML, without the paragraph."""
    html = str(render_markdown(text, language=language))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
