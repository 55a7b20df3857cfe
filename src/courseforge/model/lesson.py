"""A module's teaching content: its lesson, slides, callouts, images and objectives."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .source import Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Objective:
    """A learning objective of a module."""

    id: str
    text: str
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Image:
    """An image referenced by lesson Markdown, resolved inside the course folder."""

    src: str  # as written, relative to the lesson file
    path: str  # relative to the course folder, POSIX separators
    alt: str
    source: Source


class CalloutKind(StrEnum):
    """The kinds of callout a slide body may hold (``::: tip`` … ``:::``)."""

    TIP = "tip"
    WARNING = "warning"
    EXAMPLE = "example"
    KEY = "key"


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """A run of a slide body in order: plain Markdown, or one callout (``callout`` set)."""

    markdown: str
    callout: CalloutKind | None = None
    title: str = ""  # a callout's own title, "" for the kind's name
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Slide:
    """One slide of a lesson: a Markdown body and the presenter's notes.

    ``blocks`` is the body in order, with its callouts; ``body`` is the same Markdown without
    the callout lines, for a reader that shows callouts as plain text.
    """

    title: str
    body: str  # Markdown, without the title heading, the notes and the callout lines
    notes: str  # Markdown
    images: tuple[Image, ...] = ()
    blocks: tuple[Block, ...] = ()
    source: Source

    @property
    def callouts(self) -> tuple[Block, ...]:
        """The slide's callouts, in order."""
        return tuple(block for block in self.blocks if block.callout is not None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Lesson:
    """The teaching content of a module."""

    title: str
    objectives: tuple[Objective, ...]
    minutes: int
    slides: tuple[Slide, ...]
    cover: Image | None = None  # the module card's picture (front matter ``cover:``)
    source: Source
