"""Property: any quiz exported to GIFT, Moodle XML or QTI 2.1 imports back as the same quiz
(less what the format's README says it cannot keep)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bank_round_trip import questions_data, round_trip
from courseforge.builders.banks.bank import BankQuiz
from courseforge.model import (
    Choice,
    MatchItem,
    MatchTarget,
    Question,
    QuestionType,
    Quiz,
    QuizSettings,
    Source,
)
from quiz_strategies import pools_over

HERE = Source(path="quiz.yml", line=1)
# words that mean nothing to Markdown but everything to GIFT, XML and HTML
WORD = st.builds(lambda first, rest, arrow: first + rest + arrow, st.sampled_from("abXYé"),
                 st.text(alphabet="abcXYZ019~=#{}:&<\"'é", max_size=5),
                 st.sampled_from(["", "->"]))  # GIFT splits a matching pair at '->'
TEXT = st.lists(WORD, min_size=1, max_size=5).map(" ".join)
MAYBE = st.one_of(st.just(""), TEXT)
# a choice may start like a GIFT weight ('%50%'), which GIFT cannot escape
CHOICE_TEXT = st.one_of(TEXT, TEXT.map(lambda text: f"%5% {text}"))
IDS = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
OUTCOMES = ["maker", "planner"]


@st.composite
def questions(draw: st.DrawFn, qid: str) -> Question:
    kind = draw(st.sampled_from(list(QuestionType)))
    common = dict(id=qid, type=kind, prompt=draw(TEXT), explanation=draw(TEXT),
                  objectives=tuple(draw(st.lists(IDS, max_size=2, unique=True))),
                  points=1.0 if kind is QuestionType.PREFERENCE else draw(
                      st.sampled_from([1.0, 2.0, 0.5])), source=HERE)
    if kind is QuestionType.TRUE_FALSE:
        answer = draw(st.booleans())
        return Question(**common, choices=tuple(
            Choice(id=str(v).lower(), text="True" if v else "False", correct=v == answer,
                   feedback=draw(MAYBE), source=HERE) for v in (True, False)))
    if kind is QuestionType.MATCHING:
        target_ids = draw(st.lists(IDS, min_size=2, max_size=4, unique=True))
        texts = draw(st.lists(TEXT, min_size=len(target_ids), max_size=len(target_ids),
                              unique=True))
        item_ids = draw(st.lists(IDS, min_size=len(target_ids), max_size=len(target_ids) + 1,
                                 unique=True))
        matches = target_ids + [draw(st.sampled_from(target_ids))
                                for _ in item_ids[len(target_ids):]]
        return Question(**common, targets=tuple(
            MatchTarget(id=t, text=x, source=HERE) for t, x in zip(target_ids, texts, strict=True)),
            items=tuple(MatchItem(id=i, text=draw(TEXT), match=m, source=HERE)
                        for i, m in zip(item_ids, matches, strict=True)),
            feedback_correct=draw(MAYBE), feedback_incorrect=draw(MAYBE))
    ids = draw(st.lists(IDS, min_size=2, max_size=5, unique=True))
    if kind is QuestionType.SINGLE:
        right = {draw(st.sampled_from(ids))}
    elif kind is QuestionType.MULTIPLE:
        right = set(draw(st.lists(st.sampled_from(ids), min_size=1, unique=True)))
    else:
        right = set()
    choices = []
    for cid in ids:
        weights = ()
        if kind is QuestionType.PREFERENCE:
            weights = tuple((o, float(draw(st.integers(0, 5)))) for o in OUTCOMES)
        choices.append(Choice(id=cid, text=draw(CHOICE_TEXT), correct=cid in right,
                              feedback=draw(MAYBE), weights=weights, source=HERE))
    return Question(**common, choices=tuple(choices))


@st.composite
def quizzes(draw: st.DrawFn) -> Quiz:
    qids = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    how = draw(st.sampled_from(["all", "draw", "pools"]))
    pools = draw(pools_over(qids, HERE)) if how == "pools" else ()
    return Quiz(title="Quiz", intro="", settings=QuizSettings(
        shuffle_choices=draw(st.booleans())),
        questions=tuple(draw(questions(q)) for q in qids), source=HERE,
        draw=draw(st.integers(1, len(qids))) if how == "draw" else 0, pools=pools)


def _pools(quiz: Quiz) -> dict[str, tuple[int, list[str]]]:
    return {p.id: (p.draw, sorted(p.questions)) for p in quiz.pools}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quiz=quizzes(), fmt=st.sampled_from(["gift", "moodle-xml", "qti21"]))
def test_export_then_import_gives_back_the_same_quiz(quiz: Quiz, fmt: str) -> None:
    bank = BankQuiz(id="module", title="Quiz", section="Module", category="Course/Module",
                    quiz=quiz)
    imported, problems = round_trip(fmt, bank)
    assert problems == []
    assert questions_data(imported, fmt) == questions_data(quiz, fmt)
    assert imported.draw == quiz.draw
    assert _pools(imported) == _pools(quiz)  # a pool comes back with its questions in quiz order
