"""Loading a course folder into the model, collecting every problem on the way."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Diagnostic, did_you_mean, error, warning
from ..locale import SOURCE_LANGUAGE, Labels, labels_for_language, overrides_for
from ..model import Course, Module, Outcome, Source
from .fields import ID_PATTERN, Fields
from .files import read_text, relative_name
from .images import load_cover
from .labels_loader import load_labels
from .lesson_loader import load_lesson
from .located_yaml import LocatedDict, parse_yaml
from .quiz_loader import load_quiz

COURSE_FILE = "course.yml"
MODULES_DIR = "modules"
LESSON_FILE = "lesson.md"
QUIZ_FILE = "quiz.yml"

Fingerprint = tuple[tuple[str, int, int], ...]
# (module id, line in course.yml, files' fingerprint) ->
#     (module, its diagnostics, its images' fingerprints, the labels it was read with)
ModuleCache = dict[tuple[str, int, Fingerprint],
                   tuple[Module | None, tuple[Diagnostic, ...], tuple[Fingerprint, ...], Labels]]


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


def load_course(root: Path, cache: ModuleCache | None = None
                ) -> tuple[Course | None, list[Diagnostic]]:
    """Read a course folder; the course is None when its course file cannot be read at all.

    With a ``cache`` (the preview keeps one), a module whose files did not change since the
    last load is reused with its diagnostics instead of being read again.
    """
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
        accent_colour=fields.text("accent_colour"),
        passing_score=fields.get("passing_score", float, 80.0),
        close_call_margin=fields.get("close_call_margin", float, 0.10),
        allow_raw_html=fields.get("allow_raw_html", bool, False),
        cover=load_cover(root, COURSE_FILE, fields.text("cover"), fields.line_of("cover"),
                         diagnostics),
        outcomes=outcomes,
        modules=tuple(
            module
            for module_id, line in module_ids
            if (module := _cached_module(root, module_id, line, labels, diagnostics, cache))
            is not None
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
    if not 0 <= course.close_call_margin < 1:
        fields.report(
            "close_call_margin",
            f"'close_call_margin' must be from 0 to less than 1, not {course.close_call_margin:g}",
            "course.close-call-margin",
        )
    if not COLOUR.match(course.brand_colour):
        fields.report(
            "brand_colour",
            f"'brand_colour' must look like #1F5A96, not '{course.brand_colour}'",
            "course.colour",
        )
    if course.accent_colour and not COLOUR.match(course.accent_colour):
        fields.report(
            "accent_colour",
            f"'accent_colour' must look like #C0392B, not '{course.accent_colour}'",
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


def _cached_module(root: Path, module_id: str, line: int, labels: Labels,
                   diagnostics: list[Diagnostic], cache: ModuleCache | None) -> Module | None:
    """A module from ``cache`` when none of its files changed, else read (and remembered)."""
    if cache is None:
        return _module(root, module_id, line, labels, diagnostics)
    key = (module_id, line, _fingerprint(root / MODULES_DIR / module_id))
    entry = cache.get(key)
    if entry is not None and (entry[3] != labels or entry[2] != _image_prints(root, entry[0])):
        entry = None  # other labels, or an image elsewhere in the course changed
    if entry is None:
        for stale in [k for k in cache if k[0] == module_id]:  # keep one version per module
            del cache[stale]
        found: list[Diagnostic] = []
        module = _module(root, module_id, line, labels, found)
        entry = cache[key] = (module, tuple(found), _image_prints(root, module), labels)
    diagnostics.extend(entry[1])
    return entry[0]


def _image_prints(root: Path, module: Module | None) -> tuple[Fingerprint, ...]:
    """The fingerprints of the images a module shows."""
    return tuple(_fingerprint(root / image.path) for slide in
                 (module.lesson.slides if module else ()) for image in slide.images)


def _fingerprint(path: Path) -> Fingerprint:
    """Name, modification time and size of a file, or of every file below a folder."""
    try:
        files = [path] if not path.is_dir() else sorted(path.rglob("*"))
        return tuple((p.as_posix(), (s := p.stat()).st_mtime_ns, s.st_size) for p in files)
    except OSError:
        return ((path.as_posix(), -1, -1),)


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
    lesson = load_lesson(root, lesson_path, diagnostics)
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

