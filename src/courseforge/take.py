"""Taking a quiz in the terminal: ask each question, then grade and explain by the grading rules.

Reads plain lines from stdin, so answers can be piped in for scripting. The parsing and
the result text are pure functions; only :class:`Terminal` reads and writes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from . import grading
from .errors import CourseforgeError, did_you_mean
from .locale import Labels, labels_for, labels_for_language
from .model import Course, Module, Question, QuestionType, Quiz

T = TypeVar("T")

# what the learner reads is in the course's language; diagnostics (errors) stay English
KINDS = {
    QuestionType.SINGLE: "take.kind_single",
    QuestionType.MULTIPLE: "take.kind_multiple",
    QuestionType.TRUE_FALSE: "take.kind_true_false",
    QuestionType.MATCHING: "take.kind_matching",
    QuestionType.PREFERENCE: "take.kind_preference",
}
ENGLISH = labels_for_language("en")


class AnswerError(ValueError):
    """An answer that cannot be read; the learner is asked again."""


# -- choosing the quiz --------------------------------------------------------------------

def pick_module(course: Course, module_id: str | None) -> Module:
    """The module whose quiz to take: the one asked for, else the final assessment."""
    with_quiz = [m.id for m in course.modules if m.quiz is not None]
    if not with_quiz:
        raise CourseforgeError(f"the course '{course.id}' has no quiz")
    listing = f"modules with a quiz: {', '.join(with_quiz)}"
    if module_id is None:
        final = grading.final_module(course)
        assert final is not None  # some module has a quiz
        return final
    try:
        module = course.module(module_id)
    except KeyError:
        hint = did_you_mean(module_id, [m.id for m in course.modules])
        raise CourseforgeError(f"no module '{module_id}'{hint}; {listing}") from None
    if module.quiz is None:
        raise CourseforgeError(f"module '{module_id}' has no quiz; {listing}")
    return module


# -- reading answers ----------------------------------------------------------------------

def parse_number(text: str, count: int, labels: Labels = ENGLISH) -> int:
    """A 1-based option number, as a 0-based index."""
    text = text.strip()
    # ASCII digits only: str.isdigit() also takes '²', which int() refuses
    if not (text.isascii() and text.isdigit() and len(text) <= 6) or not 1 <= int(text) <= count:
        raise AnswerError(labels.text("take.need_number", max=count))
    return int(text) - 1


def parse_numbers(text: str, count: int, labels: Labels = ENGLISH) -> list[int]:
    """Several option numbers separated by commas or spaces, as sorted 0-based indexes."""
    parts = text.replace(",", " ").replace("،", " ").split()  # the Arabic comma too
    problem = labels.text("take.need_numbers", max=count)
    if not parts:
        raise AnswerError(problem)
    try:
        return sorted({parse_number(part, count) for part in parts})
    except AnswerError:
        raise AnswerError(problem) from None


def true_false_words(labels: Labels) -> dict[str, str]:
    """What a learner may type for true and false: 1/2, the words and their keys (t/f)."""
    words = {"1": "true", "2": "false"}
    for source in (labels, ENGLISH):  # the course's language first; English keys still work
        for answer in ("true", "false"):
            for key in (f"quiz.{answer}", f"take.{answer}_key"):
                words.setdefault(source.text(key).strip().casefold(), answer)
    return words


def parse_true_false(text: str, labels: Labels = ENGLISH) -> str:
    """'true' or 'false' from 1/2, the keys (t/f in English) or the words."""
    answer = true_false_words(labels).get(text.strip().casefold())
    if answer is None:
        raise AnswerError(labels.text("take.need_true_false", **_true_false_keys(labels)))
    return answer


def _true_false_keys(labels: Labels) -> dict[str, str]:
    return {"true_key": labels.text("take.true_key"), "false_key": labels.text("take.false_key")}


class Terminal:
    """Line-based input and output; input that ends early is a clean error."""

    def __init__(self, stream: TextIO, labels: Labels = ENGLISH) -> None:
        self.stream = stream
        self.labels = labels
        self.echo_answers = not stream.isatty()  # piped answers would be missing otherwise

    def say(self, text: str = "") -> None:
        """Print a line."""
        click.echo(text)

    def ask(self, prompt: str, parse: Callable[[str], T]) -> T | None:
        """Ask until the answer parses; an empty line leaves the question unanswered (None)."""
        while True:
            click.echo(f"{prompt} ", nl=False)
            line = self.stream.readline()
            if not line:
                click.echo()
                raise CourseforgeError("the input ended before the quiz was finished")
            if self.echo_answers:
                click.echo(line.rstrip("\n"))
            if not line.strip():
                return None
            try:
                return parse(line.strip())
            except AnswerError as problem:
                click.echo("  " + self.labels.text("take.again", problem=str(problem)))


def ask_question(terminal: Terminal, number: int, total: int, question: Question,
                 options: Sequence[str]) -> Any:
    """Show one question with numbered options and read the learner's response."""
    labels = terminal.labels
    kind = labels.text(KINDS[question.type])
    terminal.say()
    if question.type.graded:
        terminal.say(labels.text("take.question_points", number=number, total=total, kind=kind,
                                 points=_points(labels, question.points)))
    else:
        terminal.say(labels.text("take.question", number=number, total=total, kind=kind))
    terminal.say(question.prompt)
    terminal.say("  " + labels.text("take.skip_hint"))
    count = len(options)
    if question.type is QuestionType.MATCHING:
        texts = {t.id: t.text for t in question.targets}
        for index, target in enumerate(options, 1):
            terminal.say(f"  {index}. {texts[target]}")
        matched = {item.id: terminal.ask("  " + labels.text("take.ask_item", item=item.text),
                                         lambda text: parse_number(text, count, labels))
                   for item in question.items}
        return {item: options[i] for item, i in matched.items() if i is not None} or None
    texts = {c.id: c.text for c in question.choices}
    for index, choice in enumerate(options, 1):
        terminal.say(f"  {index}. {texts[choice]}")
    if question.type is QuestionType.TRUE_FALSE:
        return terminal.ask(labels.text("take.ask_true_false", **_true_false_keys(labels)),
                            lambda text: parse_true_false(text, labels))
    if question.type is QuestionType.MULTIPLE:
        indexes = terminal.ask(labels.text("take.ask_multiple"),
                               lambda text: parse_numbers(text, count, labels))
        return None if indexes is None else [options[i] for i in indexes]
    picked = terminal.ask(labels.text("take.ask_single"),
                          lambda text: parse_number(text, count, labels))
    return None if picked is None else options[picked]


def _points(labels: Labels, points: float) -> str:
    return labels.text("quiz.points", count=points)


# -- explaining the result ----------------------------------------------------------------

def correct_answer(question: Question, labels: Labels = ENGLISH) -> str:
    """The right response of a graded question, in words."""
    right = grading.correct_response(question)
    if question.type is QuestionType.MATCHING:
        items = {i.id: i.text for i in question.items}
        targets = {t.id: t.text for t in question.targets}
        return labels.join([labels.text("take.match_pair", item=items[item],
                                        target=targets[target]) for item, target in right])
    ids = right if question.type is QuestionType.MULTIPLE else (right,)
    return labels.join([c.text for c in question.choices if c.id in ids])


def result_lines(course: Course, quiz: Quiz, order: Sequence[str], result: grading.QuizResult,
                 recommendation: grading.Recommendation | None) -> list[str]:
    """The result page: each answer explained, the score, and the recommendation."""
    labels = labels_for(course)
    questions = {q.id: q for q in quiz.questions}
    results = {r.id: r for r in result.questions}
    lines = ["", labels.text("take.results")]
    for number, qid in enumerate(order, 1):
        question, answer = questions[qid], results[qid]
        lines.append(f"{number}. {question.prompt}")
        if answer.correct is not None:
            verdict = "take.unanswered" if answer.response is None else \
                "take.correct" if answer.correct else "take.incorrect"
            lines.append("   " + labels.text(verdict, earned=answer.earned,
                                             points=_points(labels, answer.points)))
        lines += [f"   {text}" for text in answer.feedback]
        if answer.correct is False and quiz.settings.reveal_answers:
            lines.append("   " + labels.text("quiz.correct_answer",
                                             answer=correct_answer(question, labels)))
        # as in the lessons: unrevealed answers stay so, explanations included
        if answer.explanation and (answer.correct is not False or quiz.settings.reveal_answers):
            lines.append(f"   {answer.explanation}")
    score = labels.text("take.score_passed" if result.passed else "take.score_failed",
                        percent=labels.percent(result.percent), earned=result.earned,
                        points=_points(labels, result.total),
                        passing=labels.percent(course.passing_score))
    lines += ["", score]
    if quiz.settings.recommend:
        lines += ["", *recommendation_lines(course, quiz, recommendation)]
    return lines


def recommendation_lines(course: Course, quiz: Quiz,
                         recommendation: grading.Recommendation | None) -> list[str]:
    """The recommended outcome, why, the runner-up and the guidance."""
    labels = labels_for(course)
    if recommendation is None:
        return [labels.text("quiz.no_recommendation")]
    outcome = course.outcome(recommendation.outcome)
    prompts = {q.id: q.prompt for q in quiz.questions}
    if recommendation.close_call and recommendation.runner_up is not None:
        return close_call_lines(course, recommendation)
    lines = [labels.text("take.recommended_summary", outcome=outcome.title,
                         summary=outcome.summary) if outcome.summary
             else labels.text("take.recommended", outcome=outcome.title), labels.text("take.why")]
    lines += [f"  - {prompts[r.question]} {r.text}" for r in recommendation.reasons]
    if recommendation.runner_up is not None:
        share_of = dict(recommendation.shares)
        level = [course.outcome(o).title for o, share in recommendation.shares
                 if o != recommendation.runner_up and share == share_of[recommendation.runner_up]]
        runner_up = course.outcome(recommendation.runner_up).title
        lines.append(labels.text("quiz.runner_up_level", outcome=runner_up,
                                 others=labels.join(level)) if level
                     else labels.text("quiz.runner_up", outcome=runner_up))
    shares = [labels.text("take.share", outcome=course.outcome(o).title,
                          percent=labels.percent(percent))
              for o, percent in grading.whole_percents(recommendation.shares)]
    lines.append(labels.text("take.shares", shares=labels.join(shares)))
    if outcome.guidance:
        lines.append(labels.text("take.guidance", guidance=outcome.guidance))
    return lines


def close_call_lines(course: Course, recommendation: grading.Recommendation) -> list[str]:
    """Two outcomes the answers do not separate: both named, with both outcomes' guidance."""
    assert recommendation.runner_up is not None
    labels = labels_for(course)
    pair = [course.outcome(recommendation.outcome), course.outcome(recommendation.runner_up)]
    lines = [labels.text("quiz.close_call", first=pair[0].title, second=pair[1].title),
             labels.text("quiz.close_call_note")]
    shares = [labels.text("take.share", outcome=course.outcome(o).title,
                          percent=labels.percent(percent))
              for o, percent in grading.whole_percents(recommendation.shares)]
    lines.append(labels.text("take.split", shares=labels.join(shares)))
    lines += [labels.text("take.guidance_for", outcome=o.title, guidance=o.guidance)
              for o in pair if o.guidance]
    return lines


# -- the whole attempt --------------------------------------------------------------------

def take_quiz(course_dir: Path, module_id: str | None, seed: int,
              stream: TextIO | None = None) -> grading.QuizResult:
    """Load the course, ask every question of the chosen quiz, then show the result."""
    from .loading import load_checked

    course = load_checked(course_dir).course
    module = pick_module(course, module_id)
    quiz = module.quiz
    assert quiz is not None  # pick_module returns modules with a quiz
    labels = labels_for(course)
    terminal = Terminal(stream or sys.stdin, labels)
    arrangement = grading.arrange(module.id, quiz, seed)
    questions = {q.id: q for q in quiz.questions}
    terminal.say(quiz.title if quiz.title == module.title
                 else labels.text("take.heading", quiz=quiz.title, module=module.title))
    if quiz.intro:
        terminal.say(quiz.intro)
    terminal.say(labels.text("take.passing_score", percent=labels.percent(course.passing_score)))
    responses = {}
    for number, qid in enumerate(arrangement.questions, 1):
        response = ask_question(terminal, number, len(arrangement.questions), questions[qid],
                                arrangement.options_of(qid))
        if response is not None:  # unanswered, as a lesson may submit it
            responses[qid] = response
    result = grading.score_quiz(quiz, responses, course.passing_score, arrangement.questions)
    recommendation = grading.recommend(quiz, responses, course.outcomes,
                                       course.close_call_margin)
    for line in result_lines(course, quiz, arrangement.questions, result, recommendation):
        terminal.say(line)
    return result
