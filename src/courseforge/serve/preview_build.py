"""The preview's builds: the last good lesson files in memory, and the latest diagnostics."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..builders.base import BuildOptions
from ..builders.lesson.files import lesson_members
from ..errors import CourseforgeError, Diagnostic, Severity
from ..loading import ModuleCache, diagnose
from ..model import Course
from .page_patch import PagePatcher, only_lessons

if TYPE_CHECKING:
    from .outline import DeckOutline

STANDARDS = ("scorm12", "scorm2004")  # the lesson runs against the preview's recording API


@dataclass(slots=True)
class GoodBuild:
    """A course that checked clean, and its lesson files, rendered when first asked for."""

    course: Course
    files: dict[str, dict[str, bytes]] = field(default_factory=dict)  # standard -> name -> bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class Status:
    """What the preview page is told after each build."""

    version: int  # counts builds, good or not
    good: int  # the version of the build being served (0: none yet)
    diagnostics: tuple[Diagnostic, ...]
    milliseconds: float
    patch: tuple[dict[str, Any], ...] | None = None  # pages to swap in place of a reload
    patch_from: int = 0  # the good build the patch applies to

    @property
    def failed(self) -> bool:
        """Whether the latest build has errors (the previous good one is still served)."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def as_json(self, title: str) -> dict[str, Any]:
        """The status as the preview page reads it."""
        return {"version": self.version, "good": self.good, "failed": self.failed,
                "title": title, "milliseconds": round(self.milliseconds, 1),
                "patch": None if self.patch is None else list(self.patch),
                "patch_from": self.patch_from,
                "diagnostics": [{"path": d.path, "line": d.line, "severity": d.severity.value,
                                 "message": d.message, "code": d.code, "text": str(d)}
                                for d in self.diagnostics]}


class Preview:
    """Rebuilds the course on demand, keeping unchanged modules and the last good build."""

    def __init__(self, root: Path, options: BuildOptions) -> None:
        self.root = root
        self.options = options
        self.cache: ModuleCache = {}
        self.outliner: DeckOutline | None = None  # made when first shown: it loads pptx
        self.good: GoodBuild | None = None
        self.status = Status(version=0, good=0, diagnostics=(), milliseconds=0.0)
        self.changed = threading.Condition()
        self.lock = threading.Lock()  # one build or render at a time
        self.since_good: set[str] = set()  # paths changed since the last good build
        self.patcher = PagePatcher(options)

    def rebuild(self, changed: Sequence[str] = ()) -> Status:
        """Check the course again; a clean course becomes the build served.

        ``changed`` are the course-relative paths that changed: when they are lesson files
        only, the status carries the pages to swap in the open lesson.
        """
        start = time.perf_counter()
        with self.lock:
            try:
                course, diagnostics = diagnose(self.root, cache=self.cache)
            except CourseforgeError as exc:  # the folder itself went away
                course, diagnostics = None, [Diagnostic(
                    path="", line=0, severity=Severity.ERROR, message=exc.message,
                    code="course.missing")]
            clean = course is not None and not any(
                d.severity is Severity.ERROR for d in diagnostics)
            version = self.status.version + 1
            good, patch, patch_from = self.status.good, None, 0
            self.since_good.update(changed)
            if clean and course is not None:
                # a template fixed while the course had errors must reload too
                if self.good is not None and only_lessons(sorted(self.since_good)):
                    patch, patch_from = self.patcher.patch(self.good.course, course), good
                self.good, good = GoodBuild(course=course), version
                self.since_good.clear()
            status = Status(version=version, good=good, diagnostics=tuple(diagnostics),
                            milliseconds=(time.perf_counter() - start) * 1000,
                            patch=None if patch is None else tuple(patch),
                            patch_from=patch_from)
        with self.changed:
            self.status = status
            self.changed.notify_all()
        return status

    def lesson_files(self, standard: str) -> dict[str, bytes]:
        """The good build's lesson files for ``standard`` (empty before a first clean build)."""
        with self.lock:  # one render of a build, whichever request comes first
            good = self.good
            if good is None or standard not in STANDARDS:
                return {}
            if standard not in good.files:
                env = self.patcher.environment(good.course)  # compiled once, not per reload
                try:
                    good.files[standard] = dict(
                        lesson_members(good.course, self.options, standard, env=env))
                except CourseforgeError:  # a file changed under the build (the watcher tells)
                    return {}
            return good.files[standard]

    def outline(self) -> list[dict[str, Any]]:
        """The deck outline of the good build."""
        from .outline import DeckOutline

        with self.lock:
            if self.good is None:
                return []
            if self.outliner is None:
                self.outliner = DeckOutline(self.options)
            return self.outliner.outline(self.good.course)

    def title(self) -> str:
        """The served course's title."""
        return self.good.course.title if self.good else self.root.name

    def wait(self, version: int, timeout: float) -> Status:
        """The status once its version passes ``version``, or after ``timeout`` seconds."""
        with self.changed:
            self.changed.wait_for(lambda: self.status.version > version, timeout)
            return self.status
