"""How long the runtime's suspend_data can get, checked against SCORM 1.2's limit.

The runtime (templates/lesson/runtime.js) stores ``{"v":1,"n":PAGES,"p":"SEEN"}``, SEEN
holding 6 pages per character, and ``,"x":{"q1":"QUIZZES"}`` once a quiz was touched:
the answers and attempts of every quiz (the format is documented in
templates/lesson/quiz.js). Strict LMSs cut or refuse longer data, which breaks resume.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..errors import Diagnostic, warning
from ..model import Course, Module, Question, QuestionType, Quiz

SCORM12_SUSPEND_LIMIT = 4096
QUIZ_STATE_KEY = "q1"  # quiz.js's saveState name; the digit is the version of its format
MAX_ATTEMPTS = 9999  # quiz.js stops counting attempts there
BEST_DIGITS = 3  # the best percent x 100 in base64url


def page_count(modules: Sequence[Module]) -> int:
    """Pages of a lesson over these modules: the start page, each slide, each quiz."""
    return 1 + sum(len(m.lesson.slides) + (m.quiz is not None) for m in modules)


def suspend_data_length(pages: int, sections: int = 0) -> int:
    """The runtime's suspend_data length for a lesson of ``pages`` pages.

    ``sections`` is the length of the JSON object extensions save with the tracker's
    saveState (0 when none do).
    """
    record = f'{{"v":1,"n":{pages},"p":"{"A" * math.ceil(pages / 6)}"}}'
    return len(record) + (len(',"x":') + sections if sections else 0)


def _base64_digits(count: int) -> int:
    """base64url characters needed for the numbers 0..count."""
    digits = 1
    while count >= 64 ** digits:
        digits += 1
    return digits


def _response_code_length(question: Question) -> int:
    """The longest code quiz.js saves for an answer to this question."""
    if question.type is QuestionType.MULTIPLE:
        return math.ceil(len(question.choices) / 6)
    if question.type is QuestionType.MATCHING:
        return len(question.items) * _base64_digits(len(question.targets))
    return _base64_digits(len(question.choices) - 1)


def quiz_state_length(quiz: Quiz) -> int:
    """The longest state quiz.js saves for one quiz: count, phase, best, answers."""
    count = len(str(quiz.settings.attempts)) if quiz.settings.attempts else len(str(MAX_ATTEMPTS))
    answers = sum(_response_code_length(q) for q in quiz.questions)
    return count + 1 + BEST_DIGITS + answers + max(0, len(quiz.questions) - 1)


def quiz_sections_length(modules: Sequence[Module]) -> int:
    """The longest sections object quiz.js saves, ``{"q1":"..."}``; 0 without quizzes."""
    quizzes = [m.quiz for m in modules if m.quiz is not None]
    if not quizzes:
        return 0
    text = sum(quiz_state_length(q) for q in quizzes) + len(quizzes) - 1
    return len(f'{{"{QUIZ_STATE_KEY}":""}}') + text


def suspend_data_budget(course: Course) -> int:
    """The worst-case suspend_data length of any package built from this course."""
    return suspend_data_length(page_count(course.modules), quiz_sections_length(course.modules))


def suspend_data_warnings(course: Course) -> list[Diagnostic]:
    """A warning when the course could overflow SCORM 1.2's suspend_data."""
    budget = suspend_data_budget(course)
    if budget <= SCORM12_SUSPEND_LIMIT:
        return []
    return [warning(course.source.path, course.source.line,
                    f"the lesson state may need {budget} characters of suspend_data, more than "
                    f"the {SCORM12_SUSPEND_LIMIT} SCORM 1.2 allows; split the course",
                    "scorm.suspend-data")]
