"""The translatable texts of a course folder, each with a stable id and its place in its file.

A segment's id is its file and a key path (``questions/q-focus/choices/a/text``,
``slides/2/body/3``): ids and positions in lists, never line numbers. Its span is where
the text sits in the file (after line endings are normalised), so a translation can be
put back in place and the rest of the file stays exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import CourseforgeError, Diagnostic
from ..loading.callouts import CALLOUT_LINE, OPENING
from ..loading.course_loader import COURSE_FILE, LESSON_FILE, MODULES_DIR, QUIZ_FILE
from ..loading.fences import Fences, Line
from ..loading.files import read_text
from ..loading.labels_loader import LABELS_FILE
from ..loading.lesson_markdown import HEADING, NOTES_CLOSE, NOTES_OPEN, SLIDE_BREAK
from ..locale import SOURCE_LANGUAGE, messages_of

STR_TAG = "tag:yaml.org,2002:str"
# key paths of translatable YAML texts, by kind of file
COURSE_KEYS = re.compile(
    r"(title|description|audience|author|outcomes/[^/]+/(title|summary|guidance))")
QUIZ_KEYS = re.compile(
    r"(title|intro|questions/[^/]+/(prompt|explanation|feedback/(correct|incorrect|true|false))"
    r"|questions/[^/]+/(choices|items)/[^/]+/(text|feedback)|questions/[^/]+/targets/[^/]+/text)")
FRONT_KEYS = re.compile(r"(title|objectives/[^/]+/text)")
# labels.yml: the labels for every language (ids hold a dot; language sections do not)
LABEL_KEYS = re.compile(r"[^/]*\.[^/]*(/(zero|one|two|few|many|other))?")
LANGUAGE_KEY = "language"


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """One translatable text of a course file."""

    file: str  # relative to the course folder, POSIX
    key: str  # the key path inside the file
    text: str
    start: int  # character offsets in the file's normalised text
    end: int
    note: str  # context for the translator
    yaml_style: str | None = None  # None for Markdown; else the YAML scalar's style


def course_files(root: Path, diagnostics: list[Diagnostic]) -> Iterator[tuple[str, str]]:
    """(relative name, normalised text) of each file holding translatable text."""
    names = [COURSE_FILE]
    modules = root / MODULES_DIR
    for folder in sorted(p for p in modules.iterdir() if p.is_dir()) if modules.is_dir() else ():
        for name in (LESSON_FILE, QUIZ_FILE):
            if (folder / name).is_file():
                names.append(f"{MODULES_DIR}/{folder.name}/{name}")
    if (root / LABELS_FILE).is_file():
        names.append(LABELS_FILE)
    for name in names:
        text = read_text(root, root / name, diagnostics)
        if text is not None:
            yield name, text


def segments_of(name: str, text: str) -> list[Segment]:
    """The translatable texts of one course file."""
    if name.endswith(".md"):
        return markdown_segments(name, text)
    if name == LABELS_FILE:
        return yaml_segments(name, text, LABEL_KEYS, 0, _LabelNotes("Labels", {}))
    keys = COURSE_KEYS if name == COURSE_FILE else QUIZ_KEYS
    return yaml_segments(name, text, keys, 0, _yaml_note(name))


# -- YAML ---------------------------------------------------------------------------------

def yaml_scalars(name: str, text: str, offset: int = 0) -> Iterator[tuple[str, yaml.ScalarNode,
                                                                         dict[str, str]]]:
    """(key path, scalar node, the texts of its mapping) of every text scalar in YAML."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise CourseforgeError(f"{name}: cannot read the YAML: {exc}") from None
    if root is not None:
        yield from _walk(root, "")


def _walk(node: yaml.Node, path: str) -> Iterator[tuple[str, yaml.ScalarNode, dict[str, str]]]:
    if isinstance(node, yaml.MappingNode):
        siblings = {k.value: v.value for k, v in node.value
                    if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            child = f"{path}/{key.value}" if path else str(key.value)
            if isinstance(value, yaml.ScalarNode):
                if value.tag == STR_TAG and value.value.strip():
                    yield child, value, siblings
            else:
                yield from _walk(value, child)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value, start=1):
            yield from _walk(item, f"{path}/{_item_key(item, index)}")


def _item_key(item: yaml.Node, index: int) -> str:
    """A list item's key: its ``id`` when it has one, else its position."""
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return str(index)


def yaml_segments(name: str, text: str, keys: re.Pattern[str], offset: int,
                  note_of: _NoteMaker) -> list[Segment]:
    """The translatable scalars of a YAML text that starts at ``offset`` in its file."""
    found = []
    scalars = list(yaml_scalars(name, text))
    note_of.texts = {path: node.value for path, node, _ in scalars}
    for path, node, siblings in scalars:
        if keys.fullmatch(path):
            found.append(Segment(file=name, key=path, text=node.value.strip(),
                                 start=offset + node.start_mark.index,
                                 end=offset + node.end_mark.index, note=note_of(path, siblings),
                                 yaml_style=node.style or ""))
    return found


class _NoteMaker:
    """Context notes for the translator, from the key path and the texts beside it."""

    def __init__(self, what: str, texts: dict[str, str]) -> None:
        self.what = what
        self.texts = texts

    def __call__(self, path: str, siblings: dict[str, str]) -> str:
        parts = path.split("/")
        field = parts[-1].replace("_", " ")
        if parts[0] == "questions" and len(parts) > 2:
            prompt = self.texts.get(f"questions/{parts[1]}/prompt", "")
            where = f"question '{parts[1]}'" + (f" ({prompt})" if prompt else "")
            if len(parts) > 4:
                return f"{self.what}: {field} of {parts[2][:-1]} '{parts[3]}' of {where}"
            return f"{self.what}: {' '.join(parts[2:])} of {where}"
        if len(parts) == 3:
            return f"{self.what}: {field} of {parts[0][:-1]} '{parts[1]}'"
        return f"{self.what}: {field}"


class _LabelNotes(_NoteMaker):
    """The context of a course's own label: what the tool shows there in English."""

    def __call__(self, path: str, siblings: dict[str, str]) -> str:
        message_id, _, category = path.partition("/")
        english = messages_of(SOURCE_LANGUAGE).get(message_id)
        if isinstance(english, tuple):
            english = dict(english).get(category or "other", "")
        where = f"Course label '{message_id}'" + (f" ({category} form)" if category else "")
        return where + (f"; the tool's English text: {english}" if english else "") + \
            "; keep every {placeholder}"


def _yaml_note(name: str) -> _NoteMaker:
    return _NoteMaker("Course" if name == COURSE_FILE else f"Quiz of module "
                      f"'{name.split('/')[1]}'", {})


# -- Markdown -----------------------------------------------------------------------------

TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
LIST_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)(.*?)\s*$")
BLOCK_HEADING = re.compile(r"^(\s*#{1,6}\s+)(.*?)(\s*#*\s*)$")
QUOTE = re.compile(r"^(\s*(?:>\s?)+)(.*?)\s*$")
HTML_LINE = re.compile(r"^\s*<")


def markdown_segments(name: str, text: str) -> list[Segment]:
    """A lesson's translatable texts: front matter fields, slide titles, body and notes."""
    module = name.split("/")[1] if name.count("/") >= 2 else name
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    found: list[Segment] = []
    first = 0
    if lines and SLIDE_BREAK.match(lines[0]):
        end = next((i for i in range(1, len(lines))
                    if SLIDE_BREAK.match(lines[i]) or lines[i].strip() == "..."), None)
        if end is not None:
            front = "\n".join(lines[1:end])
            found += yaml_segments(name, front, FRONT_KEYS, starts[1],
                                   _NoteMaker(f"Lesson of module '{module}'", {}))
            first = end + 1
    slide, title, in_notes, kind, counts = 1, "", False, "body", {"body": 0, "notes": 0}
    has_title = has_body = False
    fences = Fences()
    for index in range(first, len(lines)):
        line = lines[index]
        if fences.read(line) is not Line.TEXT:
            continue
        if SLIDE_BREAK.match(line) and not in_notes:
            if has_title or has_body:
                slide += 1
            title, has_title, has_body, counts = "", False, False, {"body": 0, "notes": 0}
            continue
        if not in_notes and NOTES_OPEN.match(line):
            in_notes, kind = True, "notes"
            continue
        if in_notes and NOTES_CLOSE.match(line):
            in_notes, kind = False, "body"
            continue
        heading = HEADING.match(line)
        if not in_notes and not has_title and not has_body and heading:
            title, has_title = heading.group(2), True
            start = starts[index] + heading.start(2)
            found.append(Segment(file=name, key=f"slides/{slide}/title", text=title, start=start,
                                 end=start + len(title),
                                 note=f"Lesson of module '{module}': title of slide {slide}"))
            continue
        span = _line_text(line)
        if span is None:
            continue
        has_body = has_body or not in_notes
        for begin, stop in span:
            counts[kind] += 1
            where = "presenter notes" if kind == "notes" else "text"
            found.append(Segment(
                file=name, key=f"slides/{slide}/{kind}/{counts[kind]}", text=line[begin:stop],
                start=starts[index] + begin, end=starts[index] + stop,
                note=f"Lesson of module '{module}': {where} of slide {slide}"
                     + (f" ({title})" if title else "")))
    return found


def _line_text(line: str) -> list[tuple[int, int]] | None:
    """Where the translatable text of one Markdown line is (several cells in a table row)."""
    if not line.strip() or TABLE_RULE.match(line) or HTML_LINE.match(line):
        return None
    callout = CALLOUT_LINE.match(line)
    if callout:  # "::: tip Its title": the title is text, the fence and kind are not
        opening = OPENING.match(callout.group("rest"))
        if opening and opening.group("title"):
            begin = callout.start("rest") + opening.start("title")
            return [(begin, begin + len(opening.group("title")))]
        return None
    if line.lstrip().startswith("|"):
        spans = []
        position = line.index("|") + 1
        for cell in re.split(r"(?<!\\)\|", line[position:]):
            stripped = cell.strip()
            if stripped:
                begin = position + cell.index(stripped)
                spans.append((begin, begin + len(stripped)))
            position += len(cell) + 1
        return spans or None
    for pattern in (LIST_ITEM, BLOCK_HEADING, QUOTE):
        match = pattern.match(line)
        if match and match.group(2):
            return [(match.start(2), match.end(2))]
        if match:
            return None
    begin = len(line) - len(line.lstrip())
    return [(begin, len(line.rstrip()))]
