"""Loading a course folder into the model, collecting every problem on the way."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Diagnostic, did_you_mean, error, warning
from ..locale import SOURCE_LANGUAGE, Labels, labels_for_language, overrides_for
from ..model import (
    Block,
    CalloutKind,
    Course,
    Image,
    Lesson,
    Module,
    Objective,
    Outcome,
    Slide,
    Source,
)
from .callouts import plain_markdown, split_callouts
from .fields import ID_PATTERN, Fields
from .files import image_problem, read_text, relative_name, resolve_reference
from .labels_loader import load_labels
from .lesson_markdown import find_images, split_front_matter, split_slides, unsafe_links
from .located_yaml import LocatedDict, parse_yaml
from .quiz_loader import load_quiz

COURSE_FILE = "course.yml"
MODULES_DIR = "modules"
LESSON_FILE = "lesson.md"
QUIZ_FILE = "quiz.yml"


def read_mapping(root: Path, path: Path, diagnostics: list[Diagnostic]) -> LocatedDict | None:
    """A YAML file that must hold a mapping; None (after reporting) when it does not."""
    text = read_text(root, path, diagnostics)
    if text is None:
        return None
    name = relative_name(root, path)
    value, found = parse_yaml(text, name)
    diagnostics.extend(found)
    if found and value is None:
        return None
    if not isinstance(value, LocatedDict):
        diagnostics.append(
            error(
                name,
                getattr(value, "line", 1),
                "the file must hold a YAML mapping (key: value lines)"
                + (", but it is empty" if value is None else ""),
                "file.not-mapping",
            )
        )
        return None
    return value


def load_course(root: Path) -> tuple[Course | None, list[Diagnostic]]:
    """Read a course folder; the course is None when its course file cannot be read at all."""
    diagnostics: list[Diagnostic] = []
    course_path = root / COURSE_FILE
    if not course_path.is_file():
        return None, [
            error(COURSE_FILE, 0, f"the course folder has no {COURSE_FILE}", "course.missing")
        ]
    data = read_mapping(root, course_path, diagnostics)
    if data is None:
        return None, diagnostics
    fields = Fields(data, COURSE_FILE, "the course", diagnostics)
    outcomes = tuple(_outcome(item) for item, _ in fields.mappings("outcomes"))
    module_ids = _unique_modules(fields)
    language = fields.text("language", required=True)
    overrides = load_labels(root, diagnostics)
    # the texts the loader itself writes (True/False choices, a quiz's default title)
    labels = labels_for_language(language if LANGUAGE.match(language) else SOURCE_LANGUAGE,
                                 overrides_for(language, overrides))
    course = Course(
        id=fields.identifier("id"),
        title=fields.text("title", required=True),
        version=fields.text("version", required=True),
        language=language,
        description=fields.text("description"),
        audience=fields.text("audience"),
        author=fields.text("author"),
        brand_colour=fields.text("brand_colour", default="#1F5A96"),
        passing_score=fields.get("passing_score", float, 80.0),
        allow_raw_html=fields.get("allow_raw_html", bool, False),
        outcomes=outcomes,
        modules=tuple(
            module
            for module_id, line in module_ids
            if (module := _module(root, module_id, line, labels, diagnostics)) is not None
        ),
        labels=overrides,
        root=root,
        source=Source(path=COURSE_FILE, line=1),
    )
    _check_ranges(fields, course)
    if course.modules:  # with no usable list, every folder would be "unlisted": noise
        _unlisted_modules(root, {module_id for module_id, _ in module_ids}, diagnostics)
    fields.finish()
    return course, diagnostics


def _unlisted_modules(root: Path, listed: set[str], diagnostics: list[Diagnostic]) -> None:
    """A warning for each module folder the course's ``modules`` leaves out."""
    folder = root / MODULES_DIR
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.is_dir() and path.name not in listed and (path / LESSON_FILE).exists():
            diagnostics.append(warning(
                COURSE_FILE, 0, f"module folder '{MODULES_DIR}/{path.name}' is not listed in "
                "'modules', so no output holds it", "course.unlisted-module"))


COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def _check_ranges(fields: Fields, course: Course) -> None:
    if not 0 <= course.passing_score <= 100:
        fields.report(
            "passing_score",
            f"'passing_score' must be between 0 and 100, not {course.passing_score:g}",
            "course.passing-score",
        )
    if not COLOUR.match(course.brand_colour):
        fields.report(
            "brand_colour",
            f"'brand_colour' must look like #1F5A96, not '{course.brand_colour}'",
            "course.colour",
        )
    if course.language and not LANGUAGE.match(course.language):
        fields.report(
            "language",
            f"'language' must be a language tag such as en or fr-CA, not '{course.language}'",
            "course.language",
        )


def _unique_modules(fields: Fields) -> list[tuple[str, int]]:
    """The module order, each id once; repeats and an empty list are reported."""
    listed = fields.strings("modules")
    if "modules" not in fields.data:
        fields.report(None, "the course is missing the required field 'modules'", "field.missing")
    elif isinstance(fields.data["modules"], list) and not listed:
        fields.report("modules", "the course lists no modules", "course.no-modules")
    seen: dict[str, int] = {}
    for module_id, line in listed:
        if module_id in seen:
            fields.diagnostics.append(
                error(
                    COURSE_FILE,
                    line,
                    f"module '{module_id}' is listed twice (first at line {seen[module_id]})",
                    "course.duplicate-module",
                )
            )
        else:
            seen[module_id] = line
    return list(seen.items())


def _outcome(fields: Fields) -> Outcome:
    outcome = Outcome(
        id=fields.identifier("id"),
        title=fields.text("title", required=True),
        summary=fields.text("summary"),
        guidance=fields.text("guidance", required=True),
        source=Source(path=fields.path, line=fields.line),
    )
    fields.finish()
    return outcome


def _module(root: Path, module_id: str, line: int, labels: Labels,
            diagnostics: list[Diagnostic]) -> Module | None:
    if not ID_PATTERN.match(module_id):
        diagnostics.append(
            error(
                COURSE_FILE,
                line,
                f"module '{module_id}' is not a valid id: "
                "use letters, digits, '-' and '_', starting with a letter",
                "id.invalid",
            )
        )
        return None
    folder = root / MODULES_DIR / module_id
    if not folder.is_dir():
        existing = sorted(p.name for p in (root / MODULES_DIR).glob("*") if p.is_dir())
        diagnostics.append(
            error(
                COURSE_FILE,
                line,
                f"module '{module_id}' has no folder "
                f"{MODULES_DIR}/{module_id}{did_you_mean(module_id, existing)}",
                "course.unknown-module",
            )
        )
        return None
    lesson_path = folder / LESSON_FILE
    if not lesson_path.is_file():
        diagnostics.append(
            error(
                f"{MODULES_DIR}/{module_id}",
                0,
                f"module '{module_id}' has no {LESSON_FILE}",
                "module.no-lesson",
            )
        )
        return None
    lesson = _lesson(root, lesson_path, diagnostics)
    if lesson is None:
        return None
    quiz_path = folder / QUIZ_FILE
    quiz = None
    if quiz_path.exists() or quiz_path.is_symlink():  # a broken link is an error, not no quiz
        data = read_mapping(root, quiz_path, diagnostics)
        if data is not None:
            quiz = load_quiz(Fields(data, relative_name(root, quiz_path), "the quiz", diagnostics),
                             labels)
    return Module(
        id=module_id,
        lesson=lesson,
        quiz=quiz,
        source=Source(path=relative_name(root, lesson_path), line=1),
    )


def _lesson(root: Path, path: Path, diagnostics: list[Diagnostic]) -> Lesson | None:
    text = read_text(root, path, diagnostics)
    if text is None:
        return None
    name = relative_name(root, path)
    front, front_line, body, body_line = split_front_matter(text)
    parsed = False  # the front matter was read as a mapping
    if front is None:
        diagnostics.append(
            error(
                name,
                1,
                "the lesson must start with front matter between "
                "'---' lines (title, minutes, objectives)",
                "lesson.no-front-matter",
            )
        )
        data = LocatedDict()
        data.line, data.key_lines = 1, {}
    else:
        value, found = parse_yaml(front, name, front_line)
        diagnostics.extend(found)
        if isinstance(value, LocatedDict):
            data, parsed = value, True
        else:
            if not found:
                diagnostics.append(
                    error(
                        name,
                        front_line,
                        "the front matter must be a mapping",
                        "lesson.front-matter",
                    )
                )
            data = LocatedDict()
            data.line, data.key_lines = front_line, {}
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
    fields.finish()
    slides = []
    for raw in split_slides(body, body_line):
        if raw.title is None:
            diagnostics.append(
                error(
                    name,
                    raw.line,
                    "the slide has no title: start it with a '# Heading' line",
                    "slide.no-title",
                )
            )
        for line, target in unsafe_links(raw.body, raw.body_line):
            diagnostics.append(
                warning(name, line, f"link to '{target}' is not a web or mail address "
                        "(http, https, mailto): lessons show its text without the link",
                        "lesson.link")
            )
        images = []
        for image in find_images(raw.body, raw.body_line):
            resolved = resolve_reference(root, name, image.src)
            if resolved is None:
                diagnostics.append(
                    error(
                        name,
                        image.line,
                        f"image '{image.src}' must be a relative path inside the course folder",
                        "image.outside",
                    )
                )
                continue
            if not (root / resolved).is_file():
                diagnostics.append(
                    error(name, image.line, f"image '{image.src}' does not exist", "image.missing")
                )
                continue
            if not image.alt:
                diagnostics.append(
                    error(name, image.line, f"image '{image.src}' has no alt text", "image.no-alt")
                )
            problem = image_problem(root / resolved)
            if problem:
                diagnostics.append(
                    error(name, image.line, f"image '{image.src}' {problem}", "image.format")
                )
            images.append(
                Image(
                    src=image.src,
                    path=resolved,
                    alt=image.alt,
                    source=Source(path=name, line=image.line),
                )
            )
        raw_blocks, problems = split_callouts(raw.body, raw.body_line)
        diagnostics.extend(error(name, p.line, p.message, p.code) for p in problems)
        blocks = tuple(
            Block(markdown=b.markdown, callout=CalloutKind(b.kind) if b.kind else None,
                  title=b.title, source=Source(path=name, line=b.line))
            for b in raw_blocks
        )
        slides.append(
            Slide(
                title=raw.title or "",
                body=raw.body if all(b.callout is None for b in blocks)
                else plain_markdown(raw_blocks),
                notes=raw.notes,
                images=tuple(images),
                blocks=blocks,
                source=Source(path=name, line=raw.line),
            )
        )
    if not slides:
        diagnostics.append(error(name, body_line, "the lesson has no slides", "lesson.empty"))
    return Lesson(
        title=title or path.parent.name,
        objectives=tuple(objectives),
        minutes=minutes,
        slides=tuple(slides),
        source=Source(path=name, line=1),
    )
