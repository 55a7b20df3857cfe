"""The slide view model: layout roles, slide specs and the paragraphs they are made of.

Nothing here knows about python-pptx; :mod:`.pagination` splits long bodies to fit and
:mod:`.writer` turns the specs into a deck.
"""

from __future__ import annotations

from dataclasses import dataclass

from .markdown_runs import BULLET, Block, Paragraph, Run

TITLE, SECTION, CONTENT, COMPARISON, TITLE_ONLY = "title", "section", "content", "comparison", \
    "title-only"
ROLES = (TITLE, SECTION, CONTENT, COMPARISON, TITLE_ONLY)


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    """One side of a comparison slide: a heading and its body."""

    heading: str
    body: tuple[Block, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SlideSpec:
    """One slide: its layout role, title, subtitle (title and section slides), body and notes.

    ``lesson_dir`` is the lesson's folder relative to the course, for the body's images.
    ``weight`` is its share of the module's time in nominal minutes, ``seconds`` the time
    the budget gives it (see :mod:`.timing`); ``section`` names the deck section it opens.
    """

    role: str
    title: str
    subtitle: tuple[str, ...] = ()
    body: tuple[Block, ...] = ()
    columns: tuple[Column, ...] = ()
    notes: str
    lesson_dir: str = ""
    weight: float = 1.0
    seconds: float = 0.0
    section: str = ""


def bullets(texts: list[str] | tuple[str, ...]) -> tuple[Paragraph, ...]:
    """Plain bullet items."""
    return tuple(Paragraph(runs=(Run(text=t),), kind=BULLET) for t in texts)


def plain(text: str, *, bold: bool = False) -> Paragraph:
    """A paragraph without bullet."""
    return Paragraph(runs=(Run(text=text, bold=bold),))
