"""Loading a module's quiz.yml into the model."""

from __future__ import annotations

from typing import Any

from ..errors import Diagnostic, did_you_mean, error
from ..locale import SOURCE_LANGUAGE, Labels, labels_for_language
from ..model import (
    Choice,
    MatchItem,
    MatchTarget,
    Persona,
    Pool,
    Question,
    QuestionType,
    Quiz,
    QuizSettings,
    Source,
    Thresholds,
)
from .fields import Fields
from .located_yaml import LocatedDict

TYPES = {t.value: t for t in QuestionType}
MAX_NUMBER = 1000  # points and weights: larger ones are typos, and sums must stay exact


def load_quiz(fields: Fields, labels: Labels | None = None) -> Quiz:
    """A quiz from its mapping; problems go to the Fields' diagnostics. ``labels`` give the
    texts the quiz gets from the tool (the default title, True and False)."""
    labels = labels or labels_for_language(SOURCE_LANGUAGE)
    settings = QuizSettings(
        counts=fields.get("counts", bool, False),
        weight=fields.get("weight", float, 1.0),
        attempts=fields.get("attempts", int, 0),
        shuffle_questions=fields.get("shuffle_questions", bool, False),
        shuffle_choices=fields.get("shuffle_choices", bool, False),
        reveal_answers=fields.get("reveal_answers", bool, True),
        recommend=fields.get("recommend", bool, False),
    )
    if not 0 <= settings.weight <= MAX_NUMBER:
        fields.report("weight", f"'weight' must be from 0 to {MAX_NUMBER}", "quiz.weight")
    if settings.attempts < 0:
        fields.report("attempts", "'attempts' must be 0 (unlimited) or more", "quiz.attempts")
    quiz = Quiz(
        title=fields.text("title", default=labels.text("quiz.default_title")),
        intro=fields.text("intro"),
        settings=settings,
        questions=tuple(
            q
            for item, _ in fields.mappings("questions", required=True)
            if (q := _question(item, labels)) is not None
        ),
        thresholds=_thresholds(fields),
        personas=tuple(_persona(item) for item, _ in fields.mappings("personas")),
        draw=fields.get("draw", int, 0),
        pools=tuple(_pool(item) for item, _ in fields.mappings("pools")),
        source=Source(path=fields.path, line=fields.line),
        draw_source=Source(path=fields.path, line=fields.line_of(
            "draw" if "draw" in fields.data else "pools")),
    )
    if not fields.data.get("questions") and "questions" in fields.data:
        fields.report("questions", "the quiz has no questions", "quiz.empty")
    fields.finish()
    return quiz


def _thresholds(fields: Fields) -> Thresholds:
    """The quiz's ``analysis:`` thresholds, each defaulting to the documented value."""
    raw = fields.get("analysis", LocatedDict, LocatedDict())
    inner = Fields(raw, fields.path, "the quiz's 'analysis'", fields.diagnostics)
    default = Thresholds()
    shares = ("max_score_tolerance", "tie_probability", "straight_line_share")
    values: dict[str, Any] = {}
    for name in shares:
        values[name] = inner.get(name, float, getattr(default, name))
        if not 0 <= values[name] <= 1:
            inner.report(name, f"'{name}' must be from 0 to 1", "quiz.analysis")
            values[name] = getattr(default, name)
    values["share_factor"] = inner.get("share_factor", float, default.share_factor)
    if values["share_factor"] < 1:
        inner.report("share_factor", "'share_factor' must be 1 or more", "quiz.analysis")
        values["share_factor"] = default.share_factor
    for name in ("exact_limit", "samples"):
        values[name] = inner.get(name, int, getattr(default, name))
        if not 1 <= values[name] <= 10_000_000:
            inner.report(name, f"'{name}' must be from 1 to 10000000", "quiz.analysis")
            values[name] = getattr(default, name)
    inner.finish()
    return Thresholds(**values)


def _persona(fields: Fields) -> Persona:
    """A persona: a name, an answer per preference question, the outcome expected."""
    name = fields.text("name", required=True)
    fields.what = f"persona '{name}'" if name else fields.what
    raw = fields.get("answers", LocatedDict, LocatedDict(), required=True)
    answers = []
    for question, choice in raw.items():
        if isinstance(choice, (str, int)) and not isinstance(choice, bool):
            answers.append((str(question), str(choice)))
        else:
            fields.diagnostics.append(error(
                fields.path, raw.line_of(str(question)),
                f"the answer to '{question}' in {fields.what} must be a choice id",
                "persona.answer"))
    persona = Persona(name=name, answers=tuple(answers),
                      expect=fields.text("expect", required=True),
                      source=Source(path=fields.path, line=fields.line))
    fields.finish()
    return persona


def _pool(fields: Fields) -> Pool:
    """A pool: an id, how many to draw, and the ids of its questions."""
    pid = fields.identifier("id")
    fields.what = f"pool '{pid}'" if pid else "a pool"
    pool = Pool(id=pid, draw=fields.get("draw", int, 0, required=True),
                questions=tuple(text for text, _ in fields.strings("questions")),
                source=Source(path=fields.path, line=fields.line))
    if not pool.questions:
        fields.report("questions", f"{fields.what} lists no questions", "pool.empty")
    fields.finish()
    return pool


def _question(fields: Fields, labels: Labels) -> Question | None:
    """A question; None when its type is unknown (its other checks would only add noise)."""
    qid = fields.identifier("id")
    fields.what = f"question '{qid}'" if qid else fields.what
    type_name = fields.text("type")
    if not type_name:
        fields.report(None, f"{fields.what} is missing the required field 'type'", "question.type")
        return None
    qtype = TYPES.get(type_name)
    if qtype is None:
        if type_name:
            fields.report(
                "type",
                f"unknown question type '{type_name}'"
                f"{did_you_mean(type_name, TYPES)}; use one of {', '.join(TYPES)}",
                "question.type",
            )
        return None
    points = fields.get("points", float, 1.0)
    if not 0 < points <= MAX_NUMBER:
        fields.report("points", f"'points' must be more than 0 and at most {MAX_NUMBER}",
                      "question.points")
    common: dict[str, Any] = {
        "id": qid,
        "type": qtype,
        "prompt": fields.text("prompt", required=True),
        "explanation": fields.text("explanation", required=True),
        "objectives": tuple(text for text, _ in fields.strings("objectives")),
        "points": points,
        "source": Source(path=fields.path, line=fields.line),
    }
    if qtype is QuestionType.TRUE_FALSE:
        question = _true_false(fields, common, labels)
    elif qtype is QuestionType.MATCHING:
        question = _matching(fields, common)
    else:
        question = Question(
            **common,
            choices=tuple(
                _choice(item, qtype) for item, _ in fields.mappings("choices", required=True)
            ),
        )
    fields.finish()
    return question


def _choice(fields: Fields, qtype: QuestionType) -> Choice:
    cid = fields.identifier("id")
    fields.what = f"choice '{cid}'" if cid else fields.what
    weights: list[tuple[str, float]] = []
    if qtype is QuestionType.PREFERENCE:
        raw = fields.get("weights", LocatedDict, LocatedDict(), required=True)
        for outcome, value in raw.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool) \
                    and 0 <= value <= MAX_NUMBER:
                weights.append((str(outcome), float(value)))
            else:
                fields.diagnostics.append(_weight_error(fields, raw, str(outcome)))
        correct = False
    else:
        correct = fields.get("correct", bool, False)
    choice = Choice(
        id=cid,
        text=fields.text("text", required=True),
        correct=correct,
        feedback=fields.text("feedback"),
        weights=tuple(weights),
        source=Source(path=fields.path, line=fields.line),
    )
    fields.finish()
    return choice


def _weight_error(fields: Fields, raw: LocatedDict, outcome: str) -> Diagnostic:
    return error(
        fields.path,
        raw.line_of(outcome),
        f"the weight for '{outcome}' in {fields.what} must be a number from 0 to {MAX_NUMBER}",
        "choice.weight",
    )


def _true_false(fields: Fields, common: dict[str, Any], labels: Labels) -> Question:
    answer = fields.get("answer", bool, True, required=True)
    feedback = fields.get("feedback", LocatedDict, LocatedDict())
    texts: dict[bool, str] = {}
    for key, value in feedback.items():
        if key in ("true", "false"):
            texts[key == "true"] = str(value).strip() if value is not None else ""
        else:
            fields.diagnostics.append(
                _feedback_key_error(fields, feedback, str(key), "true, false")
            )
    line = fields.line
    choices = tuple(
        Choice(
            id=str(value).lower(),
            text=labels.text("quiz.true" if value else "quiz.false"),
            correct=value == answer,
            feedback=texts.get(value, ""),
            source=Source(path=fields.path, line=line),
        )
        for value in (True, False)
    )
    return Question(**common, choices=choices)


def _matching(fields: Fields, common: dict[str, Any]) -> Question:
    targets = []
    for item, _ in fields.mappings("targets", required=True):
        targets.append(
            MatchTarget(
                id=item.identifier("id"),
                text=item.text("text", required=True),
                source=Source(path=fields.path, line=item.line),
            )
        )
        item.finish()
    items = []
    for item, _ in fields.mappings("items", required=True):
        items.append(
            MatchItem(
                id=item.identifier("id"),
                text=item.text("text", required=True),
                match=item.text("match", required=True),
                feedback=item.text("feedback"),
                source=Source(path=fields.path, line=item.line),
            )
        )
        item.finish()
    feedback = fields.get("feedback", LocatedDict, LocatedDict())
    for key in feedback:
        if key not in ("correct", "incorrect"):
            fields.diagnostics.append(
                _feedback_key_error(fields, feedback, str(key), "correct, incorrect")
            )
    return Question(
        **common,
        targets=tuple(targets),
        items=tuple(items),
        feedback_correct=str(feedback.get("correct") or "").strip(),
        feedback_incorrect=str(feedback.get("incorrect") or "").strip(),
    )


def _feedback_key_error(
    fields: Fields, feedback: LocatedDict, key: str, allowed: str
) -> Diagnostic:
    return error(
        fields.path,
        feedback.line_of(key),
        f"unknown feedback key '{key}' in {fields.what}; use {allowed}",
        "field.unknown",
    )
