"""Seeded shuffling and drawing: the order and the questions each attempt shows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from ..model import QuestionType, Quiz

T = TypeVar("T")

_MASK = 0xFFFFFFFF


@dataclass(frozen=True, slots=True, kw_only=True)
class Arrangement:
    """The order an attempt shows: question ids, and each question's option ids."""

    questions: tuple[str, ...]
    options: tuple[tuple[str, tuple[str, ...]], ...]  # question id -> choice or target ids

    def options_of(self, question_id: str) -> tuple[str, ...]:
        """The option ids of a question, in the order shown."""
        return dict(self.options)[question_id]


def fnv1a(text: str) -> int:
    """32-bit FNV-1a hash of the UTF-8 bytes of ``text``."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & _MASK
    return value


def mulberry32(seed: int) -> Iterator[int]:
    """The mulberry32 generator: an endless stream of unsigned 32-bit integers."""
    state = seed & _MASK
    while True:
        state = (state + 0x6D2B79F5) & _MASK
        t = ((state ^ (state >> 15)) * (state | 1)) & _MASK
        t = ((t + (((t ^ (t >> 7)) * (t | 61)) & _MASK)) & _MASK) ^ t
        yield (t ^ (t >> 14)) & _MASK


def shuffled(items: Iterable[T], seed: str) -> list[T]:
    """A deterministic Fisher-Yates permutation of ``items`` for a seed text."""
    result = list(items)
    numbers = mulberry32(fnv1a(seed))
    for i in range(len(result) - 1, 0, -1):
        j = next(numbers) % (i + 1)
        result[i], result[j] = result[j], result[i]
    return result


def drawn(module_id: str, quiz: Quiz, attempt: int) -> tuple[str, ...]:
    """The ids of the questions an attempt asks, in quiz order.

    With ``draw: N`` the first N of the questions shuffled with the seed
    ``"<module>:<attempt>:draw:"``; with pools, each pool's first ``draw`` of its questions
    shuffled with ``"<module>:<attempt>:draw:<pool>"``, plus every question in no pool.
    (A question id has no ':', so these seeds never meet a question's own.)
    """
    ids = [q.id for q in quiz.questions]
    if quiz.pools:
        pooled = {qid for pool in quiz.pools for qid in pool.questions}
        chosen = {qid for qid in ids if qid not in pooled}
        for pool in quiz.pools:
            seed = f"{module_id}:{attempt}:draw:{pool.id}"
            chosen.update(shuffled(pool.questions, seed)[:max(pool.draw, 0)])
    elif quiz.draw > 0:
        chosen = set(shuffled(ids, f"{module_id}:{attempt}:draw:")[:quiz.draw])
    else:
        return tuple(ids)
    return tuple(qid for qid in ids if qid in chosen)


def arrange(module_id: str, quiz: Quiz, attempt: int) -> Arrangement:
    """Question and option order for an attempt: the drawn questions, shuffled as the quiz
    settings ask.

    Options are a question's choices, or a matching question's targets; true/false
    keeps True before False. Every question has its options, drawn or not.
    """
    questions = list(drawn(module_id, quiz, attempt))
    if quiz.settings.shuffle_questions:
        questions = shuffled(questions, f"{module_id}:{attempt}")
    options = []
    for question in quiz.questions:
        ids = [t.id for t in question.targets] or [c.id for c in question.choices]
        if quiz.settings.shuffle_choices and question.type is not QuestionType.TRUE_FALSE:
            ids = shuffled(ids, f"{module_id}:{attempt}:{question.id}")
        options.append((question.id, tuple(ids)))
    return Arrangement(questions=tuple(questions), options=tuple(options))
