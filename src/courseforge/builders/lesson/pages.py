"""The lesson view model: the pages a learner steps through, the contents and the media.

Pure: a course (or some of its modules) in, frozen data out. The writer in
``files`` turns it into HTML; the SCORM builders package it.

All pages live in one HTML document that the runtime shows one at a time. A SCO must
call Initialize once per launch, so navigating between separate documents is no option.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from ...locale import labels_for
from ...model import Course, Module
from ...typography import typographic
from .html_render import MarkdownTexts, render_inline, render_markdown
from .quiz_pages import QuizView, quiz_view

START_PAGE = "start"
# page ids are "<module>.<n>" or "<module>.quiz": the dot never occurs in a module id
QUIZ_PAGE = "quiz"
EMPTY = Markup("")


@dataclass(frozen=True, slots=True, kw_only=True)
class MediaFile:
    """A course file copied into the package: where it goes, where it comes from."""

    target: str  # package path, plain ASCII
    source: str  # path relative to the course folder


@dataclass(frozen=True, slots=True, kw_only=True)
class PageBlock:
    """A run of a slide page's body as HTML: plain, or a callout (``callout`` its kind)."""

    callout: str  # "" | "tip" | "warning" | "example" | "key"
    title: Markup
    html: Markup


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One screen of the lesson."""

    id: str
    kind: str  # "start" | "slide" | "quiz"
    number: int  # 1-based position
    title: Markup
    plain_title: str
    module_id: str  # "" on the start page
    module_title: str
    module_number: int  # 0 on the start page
    body: Markup  # the start page's text; a slide's is in ``blocks``
    blocks: tuple[PageBlock, ...] = ()
    quiz_intro: Markup = EMPTY
    quiz: QuizView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TocModule:
    """A module in the table of contents and the pages it holds."""

    id: str
    number: int
    title: str
    pages: tuple[Page, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleSummary:
    """What the overview's card says about a module."""

    id: str
    number: int
    title: str
    minutes: int
    objectives: tuple[str, ...]
    first_page: str  # the id of its first page
    pages: int  # how many pages it has
    cover: str  # the package path of its cover, "" without one


@dataclass(frozen=True, slots=True, kw_only=True)
class LessonSite:
    """Everything the lesson templates need."""

    course_id: str
    scope: str  # the course id, or "<course>-<module>" for a one-module package
    title: str
    description: str
    language: str
    minutes: int
    cover: str  # the package path of the course's cover, "" without one
    summaries: tuple[ModuleSummary, ...]
    pages: tuple[Page, ...]
    toc: tuple[TocModule, ...]
    media: tuple[MediaFile, ...]


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def media_target(module: Module, index: int, course_path: str) -> str:
    """The package path of a module's image: ASCII, unique, stable."""
    name = _UNSAFE_NAME.sub("-", course_path.rsplit("/", 1)[-1]).strip("-.") or "image"
    return f"media/{module.id}/{index}-{name}"


def module_media(module: Module) -> tuple[MediaFile, ...]:
    """Each distinct image of a module's lesson, in order of first use, then its cover."""
    seen: dict[str, MediaFile] = {}
    images = [image for slide in module.lesson.slides for image in slide.images]
    if module.lesson.cover is not None:
        images.append(module.lesson.cover)
    for image in images:
        if image.path not in seen:
            target = media_target(module, len(seen) + 1, image.path)
            seen[image.path] = MediaFile(target=target, source=image.path)
    return tuple(seen.values())


def course_cover(course: Course) -> MediaFile | None:
    """The course's cover picture as a package file, or None."""
    if course.cover is None:
        return None
    name = _UNSAFE_NAME.sub("-", course.cover.path.rsplit("/", 1)[-1]).strip("-.") or "image"
    return MediaFile(target=f"media/cover-{name}", source=course.cover.path)


def module_cover(module: Module) -> str:
    """The package path of a module's cover, "" without one."""
    cover = module.lesson.cover
    if cover is None:
        return ""
    return next(m.target for m in module_media(module) if m.source == cover.path)


@lru_cache(maxsize=2048)  # a rebuild (the preview, another format) renders changed modules only
def _module_pages(module: Module, number: int, first: int, raw_html: bool,
                  texts: MarkdownTexts, language: str) -> tuple[Page, ...]:
    """A module's slide pages and quiz page, their Markdown rendered and typeset."""
    module_title = typographic(module.title, language)
    targets = {m.source: m.target for m in module_media(module)}
    pages: list[Page] = []
    for index, slide in enumerate(module.lesson.slides, start=1):
        images = {image.src: targets[image.path] for image in slide.images}
        title = render_inline(slide.title, language)
        pages.append(Page(
            id=f"{module.id}.{index}", kind="slide", number=first + len(pages),
            title=title, plain_title=title.striptags(), module_id=module.id,
            module_title=module_title, module_number=number,
            body=EMPTY,
            blocks=tuple(
                PageBlock(callout=str(block.callout or ""),
                          title=render_inline(block.title, language),
                          html=render_markdown(block.markdown, images, raw_html=raw_html,
                                               texts=texts, language=language))
                for block in slide.blocks),
        ))
    if module.quiz is not None:
        # the quiz form; quiz.js orders, grades and records it
        title = render_inline(module.quiz.title, language)
        pages.append(Page(
            id=f"{module.id}.{QUIZ_PAGE}", kind="quiz", number=first + len(pages),
            title=title, plain_title=title.striptags(),
            module_id=module.id, module_title=module_title, module_number=number,
            body=EMPTY, quiz_intro=render_markdown(module.quiz.intro, language=language),
            quiz=quiz_view(module, language),
        ))
    return tuple(pages)


def lesson_site(course: Course, modules: Sequence[Module] | None = None) -> LessonSite:
    """The lesson of the whole course, or of the given modules only."""
    chosen = tuple(course.modules if modules is None else modules)
    labels = labels_for(course)
    texts = MarkdownTexts(table=labels.text("lesson.table"),
                          scroll_hint=labels.text("lesson.table_scroll_hint"))
    numbers = {m.id: n for n, m in enumerate(course.modules, start=1)}
    whole = modules is None or len(chosen) == len(course.modules)
    language = course.language
    title = typographic(f"{course.title}: {chosen[0].title}" if not whole and len(chosen) == 1
                        else course.title, language)
    start = Page(id=START_PAGE, kind="start", number=1, title=Markup.escape(title),
                 plain_title=title, module_id="", module_title="", module_number=0,
                 body=render_markdown(course.description, language=language))
    pages: list[Page] = [start]
    toc: list[TocModule] = []
    for module in chosen:
        module_pages = _module_pages(module, numbers[module.id], len(pages) + 1,
                                     course.allow_raw_html, texts, language)
        pages.extend(module_pages)
        toc.append(TocModule(id=module.id, number=numbers[module.id],
                             title=typographic(module.title, language),
                             pages=module_pages))
    summaries = tuple(
        ModuleSummary(id=m.id, number=numbers[m.id], title=typographic(m.title, language),
                      minutes=m.lesson.minutes,
                      objectives=tuple(typographic(o.text, language)
                                       for o in m.lesson.objectives),
                      first_page=entry.pages[0].id, pages=len(entry.pages),
                      cover=module_cover(m))
        for m, entry in zip(chosen, toc, strict=True))
    cover = course_cover(course)
    scope = course.id if whole else "-".join([course.id, *(m.id for m in chosen)])
    return LessonSite(
        course_id=course.id, scope=scope, title=title, description=course.description,
        language=course.language, minutes=sum(m.lesson.minutes for m in chosen),
        cover=cover.target if cover else "", summaries=summaries, pages=tuple(pages),
        toc=tuple(toc),
        media=(() if cover is None else (cover,))
        + tuple(f for m in chosen for f in module_media(m)),
    )
