"""Splitting a lesson's Markdown into front matter, slides, notes and image references."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .fences import Fences, Line

FRONT_MATTER = re.compile(r"^---\s*$")
SLIDE_BREAK = re.compile(r"^-{3,}\s*$")  # '-----' is a slip for '---', not a merge
HEADING = re.compile(r"^(#{1,2})\s+(.+?)\s*#*\s*$")
TABLE_ROW = re.compile(r"^\s*\|")
NOTES_OPEN = re.compile(r"^:::+\s*\{?\s*\.?notes\s*\}?\s*$")
NOTES_CLOSE = re.compile(r"^:::+\s*$")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src><[^>]*>|[^)\s]+)(?:\s+\"[^\"]*\")?\)")


@dataclass(frozen=True, slots=True)
class RawSlide:
    """A slide as written: title, body and notes Markdown, and the line it starts on."""

    line: int
    title: str | None
    body: str
    notes: str
    body_line: int
    unclosed_notes: int = 0  # the line of a '::: notes' never closed by ':::'
    unclosed_fence: int = 0  # the line of a code fence never closed (the rest is code)
    stray_headings: tuple[int, ...] = ()  # lines of '# ' headings after the title


@dataclass(frozen=True, slots=True)
class RawImage:
    """An image reference in a slide body."""

    line: int
    src: str
    alt: str
    in_table: bool = False  # in a table row: slides cannot place a picture in a cell


def split_front_matter(text: str) -> tuple[str | None, int, str, int]:
    """(front matter YAML or None, its first line, the rest, the rest's first line)."""
    lines = text.split("\n")
    if not lines or not FRONT_MATTER.match(lines[0]):
        return None, 0, text, 1
    for index in range(1, len(lines)):
        if FRONT_MATTER.match(lines[index]) or lines[index].strip() == "...":
            return "\n".join(lines[1:index]), 2, "\n".join(lines[index + 1 :]), index + 2
    return None, 0, text, 1


# what a front matter's YAML continues with: a key, or a list entry holding a key
YAML_KEY = re.compile(r"^(?:-\s+)?[A-Za-z_][\w-]*\s*:(?:\s|$)")


def closing_lines(text: str) -> list[int]:
    """The 0-based lines after the opening one that could close a front matter."""
    lines = text.split("\n")
    return [i for i in range(1, len(lines))
            if FRONT_MATTER.match(lines[i]) or lines[i].strip() == "..."]


def slide_candidates(text: str) -> list[int]:
    """For front matter opened but maybe not closed: the 0-based lines where the slides could
    start (a '# ' heading after a blank line, which YAML reads as a comment)."""
    lines = text.split("\n")
    if not lines or not FRONT_MATTER.match(lines[0]):
        return []
    return [index for index in range(1, len(lines))
            if HEADING.match(lines[index]) and not lines[index - 1].strip()]


def first_content(lines: list[str], start: int) -> int | None:
    """The first line after ``start`` that is neither blank nor a '#' comment (0-based)."""
    return next((i for i in range(start + 1, len(lines))
                 if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)


def continues_yaml(line: str) -> bool:
    """Whether a line reads as more front matter: indented, a key, or a list entry's key."""
    return line[:1].isspace() or bool(YAML_KEY.match(line))


def split_slides(text: str, first_line: int) -> list[RawSlide]:
    """Cut the lesson body at ``---`` lines (outside code fences) into slides."""
    chunks: list[tuple[int, list[str]]] = [(first_line, [])]
    fences = Fences()
    for offset, line in enumerate(text.split("\n")):
        in_fence = fences.read(line) is not Line.TEXT
        if not in_fence and line.startswith("---") and SLIDE_BREAK.match(line):
            chunks.append((first_line + offset + 1, []))
        else:
            chunks[-1][1].append(line)
    return [_slide(start, lines) for start, lines in chunks if any(s.strip() for s in lines)]


def _slide(start: int, lines: list[str]) -> RawSlide:
    title: str | None = None
    body: list[tuple[int, str]] = []
    notes: list[str] = []
    stray: list[int] = []
    in_notes = False
    fences = Fences()
    notes_line = 0
    line_no = start
    for offset, line in enumerate(lines):
        marked = line.lstrip()[:1]  # each pattern below starts with one of these marks
        in_fence = fences.read(line) is not Line.TEXT
        if marked == ":" and not in_fence and not in_notes and NOTES_OPEN.match(line):
            in_notes, notes_line = True, start + offset
            continue
        if marked == ":" and in_notes and not in_fence and NOTES_CLOSE.match(line):
            in_notes = False
            continue
        if in_notes:
            notes.append(line)
            continue
        heading = None if in_fence or not line.startswith("#") else HEADING.match(line)
        if title is None and heading and not any(text.strip() for _, text in body):
            title, line_no = heading.group(2), start + offset
            body = []
            continue
        if heading and heading.group(1) == "#":
            stray.append(start + offset)
        body.append((start + offset, line))
    if title is None:
        line_no = start + next((i for i, s in enumerate(lines) if s.strip()), 0)
    while body and not body[0][1].strip():
        body.pop(0)
    while body and not body[-1][1].strip():
        body.pop()
    return RawSlide(line=line_no, title=title, body="\n".join(text for _, text in body),
                    notes="\n".join(notes).strip(), body_line=body[0][0] if body else line_no,
                    unclosed_notes=notes_line if in_notes else 0,
                    unclosed_fence=start + fences.opened - 1 if fences.fence else 0,
                    stray_headings=tuple(stray))


SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# a target may hold one level of balanced parentheses, as Markdown allows
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<href><[^>]*>|(?:[^()\s]|\([^()\s]*\))+)"
                  r"(?:\s+\"[^\"]*\")?\)")


def is_safe_link(href: str) -> bool:
    """Whether a link target may appear in a lesson: web, mail or in-page, never script.

    Relative paths are refused too: the lesson is one document, they would lead nowhere.
    """
    target = href.strip()
    if not target or target.startswith("#"):
        return True
    return urlsplit(target).scheme.lower() in SAFE_SCHEMES


def unsafe_links(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line, target) of the links in Markdown that lessons show as text only."""
    if "](" not in body:
        return []
    return [(first_line + offset, match.group("href").strip("<>"))
            for offset, line in enumerate(body.split("\n")) for match in LINK.finditer(line)
            if not is_safe_link(match.group("href").strip("<>"))]


def find_images(body: str, first_line: int) -> list[RawImage]:
    """Image references in Markdown, with their lines."""
    found: list[RawImage] = []
    if "![" not in body:
        return found
    for offset, line in enumerate(body.split("\n")):
        for match in IMAGE.finditer(line):
            found.append(RawImage(line=first_line + offset, src=match.group("src").strip("<>"),
                                  alt=match.group("alt").strip(),
                                  in_table=bool(TABLE_ROW.match(line))))
    return found
