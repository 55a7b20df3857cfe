"""What every question-bank export shares: the quizzes to write, grades, tags, kept metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Course, Question, QuestionType, Quiz

# A comment line carrying what a target cannot hold (ids, points, outcome weights), so that an
# export imports back into the same quiz; LMS importers skip comments.
META_PREFIX = "courseforge:"
# How a GIFT matching item writes '->', which GIFT cannot escape (Markdown shows '&gt;' as '>')
ARROW_IN_ITEM = "-&gt;"


@dataclass(frozen=True, slots=True, kw_only=True)
class BankQuiz:
    """One quiz to export, with the name of its category in the target's bank."""

    id: str  # the module id
    title: str  # the quiz's
    section: str  # the module's title
    category: str  # a Moodle category path: names joined by '/', a '/' inside one doubled
    quiz: Quiz


def bank_quizzes(course: Course) -> Iterator[BankQuiz]:
    """Each module quiz, in course order, as a category named after the course and module."""
    for module in course.modules:
        if module.quiz is not None:
            names = (course.title, module.title)
            yield BankQuiz(id=module.id, title=module.quiz.title, section=module.title,
                           category="/".join(n.replace("/", "//") for n in names),
                           quiz=module.quiz)


def category_runs(bank: BankQuiz) -> Iterator[tuple[str, tuple[Question, ...]]]:
    """The quiz's questions in runs sharing a category: the module's, or a subcategory per
    pool (a Moodle quiz draws random questions from a category)."""
    pools = {qid: pool.id for pool in bank.quiz.pools for qid in pool.questions}
    run: list[Question] = []
    current = bank.category
    for question in bank.quiz.questions:
        category = f"{bank.category}/{pools[question.id]}" if question.id in pools \
            else bank.category
        if category != current and run:
            yield current, tuple(run)
            run = []
        current = category
        run.append(question)
    if run:
        yield current, tuple(run)


def letters(count: int) -> tuple[str, ...]:
    """The choice ids an importer derives: a, b, ... z, then aa, ab, ..."""
    names = []
    for index in range(count):
        name = ""
        index += 1
        while index:
            index, rest = divmod(index - 1, 26)
            name = chr(ord("a") + rest) + name
        names.append(name)
    return tuple(names)


def fraction_text(value: float) -> str:
    """A grade percent as Moodle writes it: at most five decimals, no trailing zeros."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def multiple_fractions(question: Question) -> dict[str, float]:
    """Partial credit for a multiple-response question: the right choices share 100%, a wrong
    one costs 100% (the target floors the grade at 0), so only the full set earns full marks."""
    right = len(question.correct_ids)
    return {c.id: (100.0 / right if c.correct else -100.0) for c in question.choices}


def metadata(question: Question, quiz: Quiz | None = None) -> dict[str, object]:
    """What an import needs to restore the question exactly, beyond what targets keep: ids,
    points, weights, objectives, and the quiz's draw or the question's pool."""
    data: dict[str, object] = {"id": question.id}
    if quiz is not None and quiz.draw:
        data["quiz_draw"] = quiz.draw
    for pool in quiz.pools if quiz is not None else ():
        if question.id in pool.questions:
            data["pool"] = {"id": pool.id, "draw": pool.draw}
    if question.points != 1:
        data["points"] = question.points
    if question.type is not QuestionType.TRUE_FALSE and question.choices:
        ids = [c.id for c in question.choices]
        if tuple(ids) != letters(len(ids)):
            data["choices"] = ids
    if question.type is QuestionType.PREFERENCE:
        data["weights"] = {c.id: dict(c.weights) for c in question.choices}
    if question.type is QuestionType.MATCHING:
        data["targets"] = [t.id for t in question.targets]
        data["items"] = [[i.id, i.match] for i in question.items]
    if question.objectives:
        data["objectives"] = list(question.objectives)
    return data


def metadata_text(question: Question, quiz: Quiz | None = None) -> str:
    """The metadata as one line of compact JSON after the prefix."""
    return META_PREFIX + " " + json.dumps(metadata(question, quiz), ensure_ascii=False,
                                          separators=(",", ":"), sort_keys=True)


def read_metadata(text: str) -> dict[str, object] | None:
    """The metadata of a comment line written by :func:`metadata_text`; None for other text."""
    text = text.strip()
    if not text.startswith(META_PREFIX):
        return None
    try:
        value = json.loads(text[len(META_PREFIX):])
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None
