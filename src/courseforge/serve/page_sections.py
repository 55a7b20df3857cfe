"""Cutting a slide page's title and body out of the rendered lesson page, markup unchanged.

The preview page swaps ``#ID-title`` and the first ``.prose`` inside ``section#ID``, and the
Contents link ``[data-toc=ID]`` (the elements ``preview.js`` replaces); this finds the same
elements with an HTML parser, so a theme override may order attributes, nest elements or
add markup around them freely.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

# elements that never have an end tag
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


@dataclass(slots=True)
class _Open:
    """An element whose end is not reached yet, and what it is for the cut."""

    tag: str
    content_start: int
    role: tuple[str, str] | None  # (page id, "title", "body" or "link")


@dataclass(slots=True)
class _Found:
    """The inner markup found per page id."""

    titles: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # the Contents entries


class _Cutter(HTMLParser):
    """Records the inner markup of each wanted section's title and first prose block."""

    def __init__(self, page: str, ids: Iterable[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.ids = frozenset(ids)
        self.line_starts = [0]
        for index, char in enumerate(page):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.stack: list[_Open] = []
        self.section: str | None = None  # the wanted section being read
        self.section_depth = 0
        self.found = _Found()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element, noting whether it is a wanted title or body."""
        values = {name: value or "" for name, value in attrs}
        start = self._offset() + len(self.get_starttag_text() or "")
        role = None
        link = values.get("data-toc")
        if link in self.ids and link not in self.found.links:
            role = (link, "link")
        elif self.section is None and tag == "section" and values.get("id") in self.ids:
            self.section, self.section_depth = values["id"], len(self.stack)
        elif self.section is not None:
            if (values.get("id") == f"{self.section}-title"
                    and self.section not in self.found.titles):
                role = (self.section, "title")
            elif ("prose" in values.get("class", "").split()
                  and self.section not in self.found.bodies
                  and not any(o.role and o.role[1] == "body" for o in self.stack)):
                role = (self.section, "body")
        if tag not in VOID:
            self.stack.append(_Open(tag, start, role))

    def handle_endtag(self, tag: str) -> None:
        """Close the element (and any left open inside it), recording a wanted one."""
        if not any(o.tag == tag for o in self.stack):
            return  # a stray end tag
        end = self._offset()
        while self.stack:
            element = self.stack.pop()
            if element.role is not None:
                page_id, part = element.role
                target = {"title": self.found.titles, "body": self.found.bodies,
                          "link": self.found.links}[part]
                target.setdefault(page_id, self.page[element.content_start:end])
            if element.tag == tag:
                break
        if self.section is not None and len(self.stack) <= self.section_depth:
            self.section = None


def slide_parts(page: str, ids: Iterable[str]) -> dict[str, tuple[str, str, str]]:
    """Page id -> (title, body, Contents link) inner markup for each id whose section has a
    title and a body; the link is empty when the page has no Contents entry."""
    wanted = list(ids)
    cutter = _Cutter(page, wanted)
    cutter.feed(page)
    cutter.close()
    found = cutter.found
    return {key: (found.titles[key], found.bodies[key], found.links.get(key, ""))
            for key in wanted
            if key in found.titles and key in found.bodies}
