"""Taking a quiz in the terminal: ask each question, then grade and explain with grading.py.

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
from .model import Course, Module, Question, QuestionType, Quiz

T = TypeVar("T")

KINDS = {
    QuestionType.SINGLE: "one answer",
    QuestionType.MULTIPLE: "one or more answers",
    QuestionType.TRUE_FALSE: "true or false",
    QuestionType.MATCHING: "matching",
    QuestionType.PREFERENCE: "about you: no wrong answer",
}
TRUE_FALSE = {"1": "true", "t": "true", "true": "true", "2": "false", "f": "false",
              "false": "false"}


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


SKIP_HINT = "  (an empty answer leaves the question unanswered)"

# -- reading answers ----------------------------------------------------------------------

def parse_number(text: str, count: int) -> int:
    """A 1-based option number, as a 0-based index."""
    text = text.strip()
    # ASCII digits only: str.isdigit() also takes '²', which int() refuses
    if not (text.isascii() and text.isdigit() and len(text) <= 6) or not 1 <= int(text) <= count:
        raise AnswerError(f"type a number from 1 to {count}")
    return int(text) - 1


def parse_numbers(text: str, count: int) -> list[int]:
    """Several option numbers separated by commas or spaces, as sorted 0-based indexes."""
    parts = text.replace(",", " ").split()
    if not parts:
        raise AnswerError(f"type one or more numbers from 1 to {count}, such as 1,3")
    try:
        return sorted({parse_number(part, count) for part in parts})
    except AnswerError:
        raise AnswerError(f"type one or more numbers from 1 to {count}, such as 1,3") from None


def parse_true_false(text: str) -> str:
    """'true' or 'false' from 1/2, t/f or the words."""
    answer = TRUE_FALSE.get(text.strip().lower())
    if answer is None:
        raise AnswerError("type 1 (true) or 2 (false), or t or f")
    return answer


class Terminal:
    """Line-based input and output; input that ends early is a clean error."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
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
                click.echo(f"  Please {problem}.")


def ask_question(terminal: Terminal, number: int, total: int, question: Question,
                 options: Sequence[str]) -> Any:
    """Show one question with numbered options and read the learner's response."""
    points = f", {_points(question.points)}" if question.type.graded else ""
    terminal.say()
    terminal.say(f"Question {number} of {total} ({KINDS[question.type]}{points})")
    terminal.say(question.prompt)
    terminal.say(SKIP_HINT)
    if question.type is QuestionType.MATCHING:
        texts = {t.id: t.text for t in question.targets}
        for index, target in enumerate(options, 1):
            terminal.say(f"  {index}. {texts[target]}")
        matched = {item.id: terminal.ask(f"  {item.text} -> number:",
                                         lambda text: parse_number(text, len(options)))
                   for item in question.items}
        return {item: options[i] for item, i in matched.items() if i is not None} or None
    texts = {c.id: c.text for c in question.choices}
    for index, choice in enumerate(options, 1):
        terminal.say(f"  {index}. {texts[choice]}")
    if question.type is QuestionType.TRUE_FALSE:
        return terminal.ask("Your answer (1/2 or t/f):", parse_true_false)
    if question.type is QuestionType.MULTIPLE:
        indexes = terminal.ask("Your answers (numbers such as 1,3):",
                               lambda text: parse_numbers(text, len(options)))
        return None if indexes is None else [options[i] for i in indexes]
    index = terminal.ask("Your answer (number):", lambda text: parse_number(text, len(options)))
    return None if index is None else options[index]


def _points(points: float) -> str:
    return f"{points:g} point{'' if points == 1 else 's'}"


# -- explaining the result ----------------------------------------------------------------

def correct_answer(question: Question) -> str:
    """The right response of a graded question, in words."""
    right = grading.correct_response(question)
    if question.type is QuestionType.MATCHING:
        items = {i.id: i.text for i in question.items}
        targets = {t.id: t.text for t in question.targets}
        return "; ".join(f"{items[item]} -> {targets[target]}" for item, target in right)
    ids = right if question.type is QuestionType.MULTIPLE else (right,)
    return "; ".join(c.text for c in question.choices if c.id in ids)


def result_lines(course: Course, quiz: Quiz, order: Sequence[str], result: grading.QuizResult,
                 recommendation: grading.Recommendation | None) -> list[str]:
    """The result page: each answer explained, the score, and the recommendation."""
    questions = {q.id: q for q in quiz.questions}
    results = {r.id: r for r in result.questions}
    lines = ["", "Results"]
    for number, qid in enumerate(order, 1):
        question, answer = questions[qid], results[qid]
        lines.append(f"{number}. {question.prompt}")
        if answer.correct is not None:
            verdict = "Unanswered" if answer.response is None else \
                "Correct" if answer.correct else "Incorrect"
            lines.append(f"   {verdict}: "
                         f"{answer.earned:g} of {_points(answer.points)}")
        lines += [f"   {text}" for text in answer.feedback]
        if answer.correct is False and quiz.settings.reveal_answers:
            lines.append(f"   Correct answer: {correct_answer(question)}")
        # as in the lessons: unrevealed answers stay so, explanations included
        if answer.explanation and (answer.correct is not False or quiz.settings.reveal_answers):
            lines.append(f"   {answer.explanation}")
    verdict = "passed" if result.passed else "failed"
    score = f"{result.percent:g}% ({result.earned:g} of {_points(result.total)})"
    lines += ["", f"Score: {score}, {verdict} (passing score {course.passing_score:g}%)"]
    if quiz.settings.recommend:
        lines += ["", *recommendation_lines(course, quiz, recommendation)]
    return lines


def recommendation_lines(course: Course, quiz: Quiz,
                         recommendation: grading.Recommendation | None) -> list[str]:
    """The recommended outcome, why, the runner-up and the guidance."""
    if recommendation is None:
        return ["No recommendation: no answer about you pointed to an outcome."]
    outcome = course.outcome(recommendation.outcome)
    prompts = {q.id: q.prompt for q in quiz.questions}
    lines = [f"Recommended: {outcome.title}" + (f": {outcome.summary}" if outcome.summary else ""),
             "Why:"]
    lines += [f"  - {prompts[r.question]} {r.text}" for r in recommendation.reasons]
    if recommendation.runner_up is not None:
        share_of = dict(recommendation.shares)
        level = [course.outcome(o).title for o, share in recommendation.shares
                 if o != recommendation.runner_up and share == share_of[recommendation.runner_up]]
        lines.append(f"Runner-up: {course.outcome(recommendation.runner_up).title}" +
                     (f" (level with {' and '.join(level)})" if level else ""))
    shares = ", ".join(f"{course.outcome(o).title} {percent}%"
                       for o, percent in grading.whole_percents(recommendation.shares))
    lines.append(f"Shares: {shares}")
    if outcome.guidance:
        lines.append(f"Guidance: {outcome.guidance}")
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
    terminal = Terminal(stream or sys.stdin)
    arrangement = grading.arrange(module.id, quiz, seed)
    questions = {q.id: q for q in quiz.questions}
    terminal.say(quiz.title if quiz.title == module.title else f"{quiz.title} ({module.title})")
    if quiz.intro:
        terminal.say(quiz.intro)
    terminal.say(f"Passing score: {course.passing_score:g}%")
    responses = {}
    for number, qid in enumerate(arrangement.questions, 1):
        response = ask_question(terminal, number, len(arrangement.questions), questions[qid],
                                arrangement.options_of(qid))
        if response is not None:  # unanswered, as a lesson may submit it
            responses[qid] = response
    result = grading.score_quiz(quiz, responses, course.passing_score)
    recommendation = grading.recommend(quiz, responses, course.outcomes)
    for line in result_lines(course, quiz, arrangement.questions, result, recommendation):
        terminal.say(line)
    return result
