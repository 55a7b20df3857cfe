"""Which elements each code block of a lesson's HTML is written in."""

from __future__ import annotations

from html.parser import HTMLParser

from courseforge.builders.lesson.html_render import render_markdown


class _Nesting(HTMLParser):
    """Which elements a code block is written in, as the HTML says (a browser's parser
    would move it out of a paragraph, hiding the fault)."""

    VOID = frozenset({"br", "hr", "img", "input", "meta", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.around_code: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "pre":
            self.around_code.append(tuple(self.open))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (self.open, tag)
        self.open.pop()


def around_code(markdown: str) -> list[tuple[str, ...]]:
    """The open elements around each code block of a lesson's HTML, outermost first."""
    parser = _Nesting()
    parser.feed(str(render_markdown(markdown)))
    parser.close()
    assert parser.open == []
    return parser.around_code
