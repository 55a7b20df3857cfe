"""What both SCORM builders share: which packages to make, the manifest view, the writer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..model import Course, Module
from ..packaging import write_zip
from ..templating import environment, render
from .base import Builder, Progress
from .lesson.files import LAUNCH_PAGE, lesson_members


@dataclass(frozen=True, slots=True, kw_only=True)
class PackagePlan:
    """One SCORM package: its file name and the modules it teaches."""

    filename: str
    identifier: str  # the manifest identifier, in the SCORM identifier grammar
    title: str
    modules: tuple[Module, ...]
    whole_course: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ManifestView:
    """Everything a manifest template needs."""

    identifier: str
    version: str
    title: str
    organization: str
    item: str
    resource: str
    launch: str
    files: tuple[str, ...]
    mastery_score: str  # percent, "75" or "72.5"
    scaled_passing_score: str  # 0..1


def package_plans(course: Course, package: str) -> list[PackagePlan]:
    """The whole course, then one package per module when ``package`` is "per-module"."""
    plans = [PackagePlan(filename=f"{course.id}.zip", identifier=course.id, title=course.title,
                         modules=course.modules, whole_course=True)]
    if package == "per-module":
        plans += [PackagePlan(filename=f"{course.id}-{m.id}.zip",
                              identifier=f"{course.id}-{m.id}",
                              title=f"{course.title}: {m.title}", modules=(m,),
                              whole_course=False)
                  for m in course.modules]
    return plans


def decimal_text(value: float) -> str:
    """A number as a manifest writes it: at most 4 decimals, no trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text or "0"


def manifest_view(course: Course, plan: PackagePlan, files: list[str]) -> ManifestView:
    """The manifest of one package; ``files`` are every file in it but the manifest."""
    return ManifestView(
        identifier=plan.identifier, version=course.version, title=plan.title,
        organization=f"ORG-{plan.identifier}", item=f"ITEM-{plan.identifier}",
        resource=f"RES-{plan.identifier}", launch=LAUNCH_PAGE, files=tuple(sorted(files)),
        mastery_score=decimal_text(course.passing_score),
        scaled_passing_score=decimal_text(course.passing_score / 100),
    )


class ScormBuilder(Builder):
    """Renders the lessons and zips them with a manifest, one SCO per package."""

    standard: ClassVar[str]
    manifest_template: ClassVar[str]

    def build(self, staging: Path, progress: Progress) -> None:
        """Write each planned package."""
        env = environment(self.course, self.options.templates)
        for plan in package_plans(self.course, self.options.package):
            progress(f"{self.folder}/{plan.filename}")
            modules = None if plan.whole_course else plan.modules
            members = lesson_members(self.course, self.options, self.standard, modules)
            view = manifest_view(self.course, plan, [name for name, _ in members])
            manifest = render(env, self.manifest_template, m=view)
            members.append(("imsmanifest.xml", manifest.encode("utf-8")))
            write_zip(staging / self.folder / plan.filename, members)
