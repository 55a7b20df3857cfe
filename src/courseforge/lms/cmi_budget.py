"""How much CMI a session leaves in an LMS that re-sends all of it, as Moodle serialises it.

Moodle's SCORM player keeps the whole CMI of an attempt in the page and POSTs all of it,
every element the SCO may write that differs from its default, on each Commit and on
Terminate (then with ``cmi.total_time``), as ``&cmi__a__0__b=<encodeURIComponent(value)>``
after its own parameters. At unload the POST goes by ``navigator.sendBeacon``, and browsers
refuse beacon bodies above 64 KiB: Terminate then fails and the session's time is lost.

The estimate mirrors what the lesson runtime sends (templates/lesson's SCORM adapter): for
every quiz, an interaction per answer of each attempt (a practice quiz per the preset's
``practice`` setting), the description only with an attempt's first answer to a question,
the recommendation once per attempt; the outcomes and lesson objectives as LMS objectives.
The scenario is the issue's: a pass of the whole course with two retries of every quiz
(fewer when a quiz allows fewer attempts). It errs long: every response its longest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Diagnostic, warning
from ..grading import counting_quizzes
from ..model import Course, Module, Question, QuestionType
from .identifiers import short_identifier
from .presets import LmsPreset
from .suspend_data import suspend_data_budget

RETRIES = 2
MOODLE_PARAMETERS = 120  # "id=…&a=…&sesskey=…&attempt=…&scoid=…", generously
DESCRIPTION_LIMIT = 250
TIMESTAMP = "2026-12-31T23:59:59.99Z"
LATENCY = {"scorm12": "0000:59:59.99", "scorm2004": "PT99H59M59.99S"}
SESSION_TIME = {"scorm12": "9999:59:59.99", "scorm2004": "PT9999H59M59.99S"}
TYPES = {QuestionType.SINGLE: "choice", QuestionType.MULTIPLE: "choice",
         QuestionType.TRUE_FALSE: "true-false", QuestionType.MATCHING: "matching",
         QuestionType.PREFERENCE: "likert"}
_MARKUP = re.compile(r"[*_`#>\[\]]|\]\([^)]*\)")
# what encodeURIComponent leaves as it is; every other UTF-8 byte becomes %XX
_UNRESERVED = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()"
_SPACE = re.compile(r"\s+")

Element = tuple[str, str]


def encoded(text: str) -> int:
    """Length of ``encodeURIComponent(text)``: one character per unreserved byte of its
    UTF-8, three per other byte."""
    data = text.encode("utf-8")
    return len(data) + 2 * len(data.translate(None, _UNRESERVED))  # the bytes left are %XX


def moodle_body_length(elements: list[Element]) -> int:
    """Bytes of the POST body Moodle makes of these (element, value) pairs."""
    return MOODLE_PARAMETERS + sum(
        len("&=") + len(name.replace(".", "__")) + encoded(value) for name, value in elements)


def _plain(markdown_text: str) -> str:
    text = _SPACE.sub(" ", _MARKUP.sub("", markdown_text)).strip()
    return text[:DESCRIPTION_LIMIT]


def _ids(standard: str, ids: list[str]) -> list[str]:
    return [short_identifier(i) if standard == "scorm2004" else i for i in ids]


def longest_response(question: Question, standard: str) -> str:
    """The longest learner response (or correct pattern) an answer can carry."""
    v12 = standard == "scorm12"
    if question.type is QuestionType.TRUE_FALSE:
        return "f" if v12 else "false"
    if question.type is QuestionType.MATCHING:
        longest_target = max((t.id for t in question.targets), key=len)
        sources = _ids(standard, [i.id for i in question.items])
        targets = _ids(standard, [longest_target] * len(question.items))
        pairs = [f"{a}{'.' if v12 else '[.]'}{b}" for a, b in zip(sources, targets, strict=True)]
        return ("," if v12 else "[,]").join(pairs)
    ids = _ids(standard, [c.id for c in question.choices])
    if question.type is QuestionType.MULTIPLE:
        return ("," if v12 else "[,]").join(ids)
    return max(ids, key=len)


def interaction(standard: str, index: int, module: Module, question: Question,
                first: bool) -> list[Element]:
    """The elements of one answer as the runtime records it."""
    v12 = standard == "scorm12"
    p = f"cmi.interactions.{index}."
    response = longest_response(question, standard)
    out = [(p + "id", f"{module.id}-{question.id}"), (p + "type", TYPES[question.type]),
           (p + ("time" if v12 else "timestamp"), "23:59:59" if v12 else TIMESTAMP),
           (p + "weighting", f"{question.points:g}"),
           (p + ("student_response" if v12 else "learner_response"), response),
           (p + "result", "wrong" if v12 else "incorrect"),
           (p + "latency", LATENCY[standard])]
    if question.type.graded:
        out.append((p + "correct_responses.0.pattern", response))
    if first and not v12:
        out.append((p + "description", _plain(question.prompt)))
    out += [(f"{p}objectives.{k}.id", objective)
            for k, objective in enumerate(question.objectives[:10])]
    return out


def _attempts(module: Module) -> int:
    assert module.quiz is not None
    limit = module.quiz.settings.attempts
    return min(limit, 1 + RETRIES) if limit else 1 + RETRIES


def session_elements(course: Course, standard: str, practice: str) -> Iterator[Element]:
    """Every element a pass with retries leaves in the LMS's CMI."""
    v12 = standard == "scorm12"
    counted = {module_id for module_id, _ in counting_quizzes(course)}
    index = 0
    for module in course.modules:
        if module.quiz is None:
            continue
        journal = "full" if module.id in counted or module.quiz.settings.recommend else practice
        for attempt in range(_attempts(module)):
            if journal == "summary":
                p = f"cmi.interactions.{index}."
                yield from [(p + "id", module.id), (p + "type", "numeric"),
                            (p + ("student_response" if v12 else "learner_response"), "100"),
                            (p + "result", "incorrect"), (p + "weighting", "0"),
                            (p + ("time" if v12 else "timestamp"),
                             "23:59:59" if v12 else TIMESTAMP)]
                if not v12 and attempt == 0:
                    yield p + "description", "Practice: " + _plain(module.title)
                index += 1
            elif journal == "full":
                for question in module.quiz.questions:
                    yield from interaction(standard, index, module, question, attempt == 0)
                    index += 1
            if module.quiz.settings.recommend and course.outcomes:  # none: an error already
                p = f"cmi.interactions.{index}."
                longest = max(course.outcomes, key=lambda o: len(o.id) + len(o.title))
                yield from [(p + "id", "recommendation"), (p + "type", "likert"),
                            (p + ("student_response" if v12 else "learner_response"),
                             _ids(standard, [longest.id])[0]), (p + "result", "neutral")]
                if not v12 and attempt == 0:
                    yield p + "description", "Recommended: " + longest.title
                index += 1
    yield from objective_elements(course, standard)
    yield from scalar_elements(course, standard)


def objective_elements(course: Course, standard: str) -> Iterator[Element]:
    """The outcomes, then the lesson objectives, as LMS objectives."""
    v12 = standard == "scorm12"
    items = [(o.id, o.title) for o in course.outcomes] + [
        (o.id, _plain(o.text)) for m in course.modules for o in m.lesson.objectives]
    for n, (item_id, text) in enumerate(items[:100]):
        p = f"cmi.objectives.{n}."
        yield from [(p + "id", item_id), (p + "score.raw", "66.67"), (p + "score.min", "0"),
                    (p + "score.max", "100")]
        if v12:
            yield p + "status", "incomplete"
        else:
            yield from [(p + "score.scaled", "0.6667"), (p + "success_status", "unknown"),
                        (p + "completion_status", "incomplete"), (p + "description", text)]


def scalar_elements(course: Course, standard: str) -> Iterator[Element]:
    """Score, status, comment, location, suspend data, exit and time."""
    longest_title = max((o.title for o in course.outcomes), default="")
    suspend = "{" * suspend_data_budget(course)  # punctuation: encoded at its longest
    if standard == "scorm12":
        yield from [("cmi.core.score.raw", "66.67"), ("cmi.core.score.min", "0"),
                    ("cmi.core.score.max", "100"), ("cmi.core.lesson_status", "incomplete"),
                    ("cmi.comments", "Recommended: " + longest_title),
                    ("cmi.core.lesson_location", "m" * 70), ("cmi.suspend_data", suspend),
                    ("cmi.core.exit", "suspend"),
                    ("cmi.core.session_time", SESSION_TIME[standard]),
                    ("cmi.core.total_time", SESSION_TIME[standard])]
        return
    yield from [("cmi.score.scaled", "0.6667"), ("cmi.score.raw", "66.67"),
                ("cmi.score.min", "0"), ("cmi.score.max", "100"),
                ("cmi.progress_measure", "0.6667"), ("cmi.completion_status", "incomplete"),
                ("cmi.success_status", "unknown"),
                ("cmi.comments_from_learner.0.comment", "Recommended: " + longest_title),
                ("cmi.location", "m" * 70), ("cmi.suspend_data", suspend),
                ("cmi.exit", "suspend"), ("cmi.session_time", SESSION_TIME[standard]),
                ("cmi.total_time", SESSION_TIME[standard])]


def cmi_estimate(course: Course, standard: str, practice: str) -> int:
    """Bytes of Moodle's Terminate body after a pass with retries."""
    return moodle_body_length(list(session_elements(course, standard, practice)))


def cmi_budget_warnings(course: Course, lms: LmsPreset) -> list[Diagnostic]:
    """A warning per SCORM version whose estimate passes the preset's budget."""
    if lms.cmi_budget is None:
        return []
    found = []
    for standard in ("scorm12", "scorm2004"):
        size = cmi_estimate(course, standard, lms.practice)
        if size > lms.cmi_budget:
            found.append(warning(
                course.source.path, course.source.line,
                f"a pass with {RETRIES} retries of every quiz may leave {size} bytes of "
                f"{standard} tracking data, more than the {lms.cmi_budget} an LMS that "
                f"re-sends it at unload ({lms.title}) can send; split the course, limit "
                "quiz attempts or journal practice quizzes less (--lms presets)",
                "scorm.cmi-budget"))
    return found
