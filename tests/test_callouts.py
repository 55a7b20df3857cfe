"""Callouts (``::: tip`` … ``:::``) are read into the model, in order, with their lines."""

from __future__ import annotations

from pathlib import Path

from courseforge.loading import load_checked
from courseforge.loading.callouts import split_callouts
from courseforge.model import CalloutKind


def test_the_rich_course_has_its_callouts_in_order(roots: Path) -> None:
    course = load_checked(roots / "rich").course
    slides = course.module("basics").lesson.slides
    first = slides[0]
    assert [(b.callout, b.title) for b in first.blocks] == [(None, ""),
                                                            (CalloutKind.TIP, "Keep it small")]
    assert first.blocks[1].markdown == "A small release is easier to review and quicker to undo."
    assert str(first.blocks[1].source) == "modules/basics/lesson.md:18"
    # readers that know no callouts get the text without the fences
    assert ":::" not in first.body and "quicker to undo" in first.body
    third = slides[2]
    assert [(b.callout, b.title) for b in third.callouts] == [
        (CalloutKind.WARNING, ""), (CalloutKind.EXAMPLE, "A late fix")]
    assert third.blocks[-1].callout is None and third.blocks[-1].markdown.startswith("- Freeze")
    assert [b.callout for b in slides[1].callouts] == [CalloutKind.KEY]


def test_a_body_without_callouts_is_one_plain_block(roots: Path) -> None:
    course = load_checked(roots / "minimal").course
    for module in course.modules:
        for slide in module.lesson.slides:
            assert [b.callout for b in slide.blocks] == [None]
            assert slide.blocks[0].markdown == slide.body


def test_fences_in_code_are_text_and_notes_stay_notes() -> None:
    body = "Intro\n\n```\n::: tip\n```\n\n::: key\nOne owner.\n:::\n"
    blocks, problems = split_callouts(body, 10)
    assert problems == []
    assert [(b.kind, b.line) for b in blocks] == [("", 10), ("key", 16)]
    assert "::: tip" in blocks[0].markdown and blocks[1].markdown == "One owner."


def test_callout_mistakes_are_reported_with_their_lines() -> None:
    body = "::: Tip\nok\n:::\n::: tipp\nx\n:::\n:::\n::: key\n::: tip\n:::\n::: example\nopen"
    blocks, problems = split_callouts(body, 1)
    assert blocks[0].kind == "tip"  # the kind is not case-sensitive
    assert [(p.line, p.code) for p in problems] == [(4, "lesson.callout"), (7, "lesson.callout"),
                                                   (9, "lesson.callout"), (11, "lesson.callout")]
    assert "did you mean 'tip'" in problems[0].message
    assert "closes no callout" in problems[1].message
    assert "cannot be nested" in problems[2].message
    assert "not closed" in problems[3].message
