"""Pure grading, scoring, recommendation and shuffling rules (docs/grading.md).

``templates/lesson/grading.js`` implements the same rules for the browser, and a
property test runs both on the same random quizzes and compares the results exactly.

Responses (question id -> response):

- single, true-false, preference: one choice id (``str``);
- multiple: a collection of choice ids (``set``, ``frozenset``, ``list`` or ``tuple``);
- matching: a mapping of item id -> target id.

Anything else (``None``, ``""``, an empty collection, a response of the wrong shape)
is unanswered, and unanswered is wrong.

Grading is all-or-nothing per question: a question earns its ``points`` when the
response is exactly right (a multiple-response question needs exactly the set of
correct choices; a matching question needs every item matched to its target), else 0.

Scores use IEEE-754 doubles in a fixed order so that Python and JavaScript agree to the
bit: ``percent = floor(10000 * earned / total + 0.5) / 100`` (two decimals, halves up),
``passed = percent >= passing_score``. A quiz without graded questions scores 100.

The LMS score is the weighted mean of the percents of the quizzes with ``counts: true``
and a weight above 0; when none qualifies, the final assessment (the last quiz with
``recommend: true``, else the last quiz) counts alone: knowledge checks are practice.

The recommendation sums, per outcome, the weights of the chosen preference choices.
The highest total wins; ties go to the outcome backed by more answered questions, then
to the outcome declared first in course.yml. No recommendation without positive weight.
When the runner-up's total is within ``margin`` (the course's ``close_call_margin``) of
all the weight given, ``top - runner_up <= margin * grand``, the result is too close to call.

Shuffling uses mulberry32 seeded with the 32-bit FNV-1a hash of ``"<module>:<attempt>"``
(``"<module>:<attempt>:<question>"`` for a question's options) and a Fisher-Yates pass
drawing ``j = next() % (i + 1)``.

The rules live by concern: ``questions`` (one answer), ``scores`` (a quiz, the course),
``recommendation`` and ``shuffling`` (order and draws); this package re-exports them all.
"""

from __future__ import annotations

from .questions import QuestionResult, Response, correct_response, grade_question, normalise
from .recommendation import Reason, Recommendation, close_call, ranking, recommend, whole_percents
from .scores import QuizResult, counting_quizzes, course_score, final_module, percent_of, score_quiz
from .shuffling import Arrangement, arrange, drawn, fnv1a, mulberry32, shuffled

__all__ = [
    "Arrangement", "QuestionResult", "QuizResult", "Reason", "Recommendation", "Response",
    "arrange", "close_call", "correct_response", "counting_quizzes", "course_score", "drawn",
    "final_module", "fnv1a", "grade_question", "mulberry32", "normalise", "percent_of",
    "ranking", "recommend", "score_quiz", "shuffled", "whole_percents",
]
