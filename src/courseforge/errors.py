"""Errors users see: diagnostics with file and line; exceptions Click prints without a traceback."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

import click


class Severity(StrEnum):
    """How bad a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """One problem in a course, located at ``path:line``."""

    path: str
    line: int
    severity: Severity
    message: str
    code: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity.value}: {self.message} [{self.code}]"

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        """Order by file, then line, then code and message."""
        return (self.path, self.line, self.code, self.message)


def error(path: str, line: int, message: str, code: str) -> Diagnostic:
    """An error diagnostic."""
    return Diagnostic(path=path, line=line, severity=Severity.ERROR, message=message, code=code)


def warning(path: str, line: int, message: str, code: str) -> Diagnostic:
    """A warning diagnostic."""
    return Diagnostic(path=path, line=line, severity=Severity.WARNING, message=message, code=code)


def from_folder(folder: str, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics with paths from where the user is, as the course folder was named."""
    return [replace(d, path=posixpath.join(folder, d.path) if d.path else folder)
            for d in diagnostics]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' hint, or '' when nothing is close."""
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    """'2 errors, 1 warning' style count."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    parts = [f"{errors} error{'s' if errors != 1 else ''}"]
    parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return ", ".join(parts)


class CourseforgeError(click.ClickException):
    """A user-facing error: Click prints 'Error: message' and exits 1, no traceback."""


class ValidationFailed(CourseforgeError):
    """The course has errors; the message lists every diagnostic and the count."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(sorted(diagnostics, key=lambda d: d.sort_key))
        lines = [str(d) for d in self.diagnostics]
        lines.append(summary(self.diagnostics))
        super().__init__("the course has errors:\n" + "\n".join(lines))

    def __reduce__(self) -> tuple[type[ValidationFailed], tuple[tuple[Diagnostic, ...]]]:
        # made again from its diagnostics when a --jobs worker hands it back
        return (ValidationFailed, (self.diagnostics,))
