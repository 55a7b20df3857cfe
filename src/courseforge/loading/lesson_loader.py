"""Loading one lesson file: front matter, slides, images and the slips authors make in them."""

from __future__ import annotations

from pathlib import Path

from ..errors import Diagnostic, error, warning
from ..model import Block, CalloutKind, Lesson, Objective, Slide, Source
from .callouts import plain_markdown, split_callouts
from .fields import Fields
from .files import read_text, relative_name, resolve_reference
from .images import load_cover, load_image
from .lesson_markdown import (
    FRONT_MATTER,
    RawSlide,
    closing_lines,
    continues_yaml,
    find_images,
    first_content,
    slide_candidates,
    split_front_matter,
    split_slides,
    unsafe_links,
)
from .located_yaml import LocatedDict, parse_yaml
from .table_captions import stray_captions


def _empty(line: int) -> LocatedDict:
    data = LocatedDict()
    data.line, data.key_lines = line, {}
    return data


def _slides_start(text: str, name: str) -> tuple[int, LocatedDict] | None:
    """In a lesson whose front matter runs on: where the slides start and the front matter
    before them, or None when nothing shows a '---' is missing (a real YAML slip then).

    The slides start at a '# ' heading after a blank line when the YAML before it reads
    cleanly and what follows it cannot be more front matter (a heading read as a YAML
    comment is followed by slide text, a real comment by keys or indented values).
    """
    lines = text.split("\n")
    closers = closing_lines(text)
    end = closers[0] if closers else len(lines)
    for start in slide_candidates(text):
        if start >= end:
            break
        after = first_content(lines, start)
        if after is not None and after < end and continues_yaml(lines[after]):
            continue
        trial, found = parse_yaml("\n".join(lines[1:start]), name, 2)
        if isinstance(trial, LocatedDict) and not found:
            return start, trial
    return None


def _front_matter(text: str, name: str, diagnostics: list[Diagnostic]
                  ) -> tuple[LocatedDict, bool, str, int]:
    """(front matter mapping, whether it was read, the body, the body's first line)."""
    front, front_line, body, body_line = split_front_matter(text)
    value, found = parse_yaml(front, name, front_line) if front is not None else (None, [])
    opened = bool(FRONT_MATTER.match(text.split("\n", 1)[0]))
    if opened and (front is None or any(d.code == "yaml.syntax" for d in found)):
        # the closing '---' may be missing: the YAML runs into the slides, or to the end
        located = _slides_start(text, name)
        if located is not None:
            start, trial = located
            diagnostics.append(error(
                name, 1, f"the front matter is never closed: add a '---' line after it "
                f"(before line {start + 1})", "lesson.front-matter-unclosed"))
            lines = text.split("\n")
            return trial, True, "\n".join(lines[start:]), start + 1
        if front is None:  # no line closes it at all
            diagnostics.append(error(
                name, 1, "the front matter is never closed: add a '---' line after it",
                "lesson.front-matter-unclosed"))
            return _empty(1), False, "", len(text.split("\n")) + 1
    if front is None:
        diagnostics.append(error(
            name, 1, "the lesson must start with front matter between '---' lines "
            "(title, minutes, objectives)", "lesson.no-front-matter"))
        return _empty(1), False, body, body_line
    diagnostics.extend(found)
    if isinstance(value, LocatedDict):
        return value, True, body, body_line
    if not found:
        diagnostics.append(error(name, front_line, "the front matter must be a mapping",
                                 "lesson.front-matter"))
    return _empty(front_line), False, body, body_line


def load_lesson(root: Path, path: Path, diagnostics: list[Diagnostic]) -> Lesson | None:
    """A lesson file as the model's Lesson; None when the file cannot be read."""
    text = read_text(root, path, diagnostics)
    if text is None:
        return None
    name = relative_name(root, path)
    data, parsed, body, body_line = _front_matter(text, name, diagnostics)
    fields = Fields(data, name, "the lesson", diagnostics)
    title = fields.text("title", required=parsed)
    minutes = fields.get("minutes", int, 0, required=parsed)
    if minutes < 0 or minutes > 10_000:
        fields.report(
            "minutes", f"'minutes' must be between 0 and 10000, not {minutes}", "lesson.minutes"
        )
        minutes = 0
    objectives = []
    for item, _ in fields.mappings("objectives"):
        objectives.append(
            Objective(
                id=item.identifier("id"),
                text=item.text("text", required=True),
                source=Source(path=name, line=item.line),
            )
        )
        item.finish()
    cover = load_cover(root, name, fields.text("cover"), fields.line_of("cover"), diagnostics)
    fields.finish()
    slides = [_slide(root, name, raw, diagnostics) for raw in split_slides(body, body_line)]
    if not slides:
        diagnostics.append(error(name, body_line, "the lesson has no slides", "lesson.empty"))
    return Lesson(
        title=title or path.parent.name,
        objectives=tuple(objectives),
        minutes=minutes,
        slides=tuple(slides),
        cover=cover,
        source=Source(path=name, line=1),
    )


def _slide(root: Path, name: str, raw: RawSlide, diagnostics: list[Diagnostic]) -> Slide:
    """One slide, its problems reported."""
    if raw.title is None:
        diagnostics.append(error(name, raw.line, "the slide has no title: start it with a "
                                 "'# Heading' line", "slide.no-title"))
    if raw.unclosed_notes:
        diagnostics.append(error(
            name, raw.unclosed_notes, "'::: notes' is never closed: end the notes with a "
            "':::' line, or the rest of the slide is hidden in them", "slide.notes-unclosed"))
    if raw.unclosed_fence:
        diagnostics.append(warning(
            name, raw.unclosed_fence, "a code fence is never closed: everything after it in "
            "the lesson is shown as code; close it with a line of the same ``` or ~~~",
            "slide.fence-unclosed"))
    for line in raw.stray_headings:
        diagnostics.append(warning(
            name, line, "a '# ' heading in the middle of a slide: start a new slide with a "
            "'---' line before it, or use '## ' for a heading inside the slide",
            "slide.heading-inside"))
    for line, target in unsafe_links(raw.body, raw.body_line):
        diagnostics.append(warning(
            name, line, f"link to '{target}' is not a web or mail address (http, https, "
            "mailto): lessons show its text without the link", "lesson.link"))
    for offset in stray_captions(raw.body):
        diagnostics.append(warning(
            name, raw.body_line + offset, "a table caption with no table next to it shows as "
            "text: put it directly before or after its table", "lesson.caption"))
    images = []
    for image in find_images(raw.body, raw.body_line):
        if image.in_table and resolve_reference(root, name, image.src) is not None:
            diagnostics.append(error(
                name, image.line, f"image '{image.src}' is inside a table cell, which slides "
                "cannot show: put the image on a line of its own", "image.in-table"))
            continue
        loaded = load_image(root, name, image.src, image.alt, image.line, diagnostics)
        if loaded is not None:
            images.append(loaded)
    raw_blocks, problems = split_callouts(raw.body, raw.body_line)
    diagnostics.extend(error(name, p.line, p.message, p.code) for p in problems)
    blocks = tuple(
        Block(markdown=b.markdown, callout=CalloutKind(b.kind) if b.kind else None,
              title=b.title, source=Source(path=name, line=b.line))
        for b in raw_blocks
    )
    return Slide(
        title=raw.title or "",
        body=raw.body if all(b.callout is None for b in blocks) else plain_markdown(raw_blocks),
        notes=raw.notes, images=tuple(images), blocks=blocks,
        source=Source(path=name, line=raw.line))
