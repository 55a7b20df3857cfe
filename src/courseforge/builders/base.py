"""The builder contract: one builder per output format, each writing into its own folder."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..model import Course

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildOptions:
    """Options that reach the builders from the command line."""

    templates: Path | None = None  # extra template folder (--templates), searched first
    pptx_template: Path | None = None  # a corporate reference deck (--pptx-template)
    layout_names: tuple[tuple[str, str], ...] = ()  # role -> layout name (--layout)
    answer_slides: bool | None = None  # decks: force answer slides on or off (--answer-slides)
    footer: str = ""  # decks: text for an empty footer placeholder (--footer)
    package: str = "single"  # "single" or "per-module" SCORM packages
    lms: str = "generic"  # the LMS preset (--lms): tracking settings, see courseforge.lms
    jobs: int = 1


class Builder(ABC):
    """Renders a validated course into one output format. Never mutates the course."""

    name: ClassVar[str]  # the --format value
    folder: ClassVar[str]  # the entry it writes in the output folder (a folder or a file)
    description: ClassVar[str]
    # with --jobs, whether it splits its own work between processes (then it runs alone)
    splits_work: ClassVar[bool] = False

    def __init__(self, course: Course, options: BuildOptions) -> None:
        self.course = course
        self.options = options

    @abstractmethod
    def build(self, staging: Path, progress: Progress) -> None:
        """Write this format's files under ``staging / self.folder``."""
