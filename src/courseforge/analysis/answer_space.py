"""The answers a recommending quiz can receive, tallied as outcome totals.

Two answer sets that give every outcome the same total and the same number of backing
answers get the same recommendation, so the answer space is walked as a distribution of
(totals, backers) states: exact while the states stay few, else sampled with a fixed seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .. import grading
from ..model import Choice, Question

State = tuple[tuple[float, ...], tuple[int, ...]]  # totals and backers, in declared order


@dataclass(frozen=True, slots=True, kw_only=True)
class Tally:
    """How one answer set ranks the outcomes."""

    winner: int | None  # index of the recommended outcome; None: no recommendation
    tie: bool  # the top two totals are equal (the tie-break rules decided)
    close: bool  # too close to call under the course's margin


def add_choice(state: State, choice: Choice, index: dict[str, int]) -> State:
    """The state after one more answer, summed as grading.recommend sums."""
    totals, backers = list(state[0]), list(state[1])
    for outcome, weight in choice.weights:
        if outcome in index and weight > 0:
            totals[index[outcome]] += weight
            backers[index[outcome]] += 1
    return tuple(totals), tuple(backers)


def empty_state(count: int) -> State:
    """No answer yet."""
    return (0.0,) * count, (0,) * count


def tally(state: State, margin: float) -> Tally:
    """The recommendation rules applied to a state."""
    totals, backers = state
    grand = 0.0
    for total in totals:
        grand += total
    if grand <= 0:
        return Tally(winner=None, tie=False, close=False)
    order = grading.ranking(totals, backers)
    tie = len(order) > 1 and totals[order[0]] == totals[order[1]]
    return Tally(winner=order[0], tie=tie,
                 close=grading.close_call(totals, order, grand, margin))


def distribution(questions: Sequence[Question], index: dict[str, int],
                 limit: int) -> dict[State, int] | None:
    """Every reachable state with its number of answer sets; None past ``limit`` states."""
    states = {empty_state(len(index)): 1}
    for question in questions:
        following: dict[State, int] = {}
        for state, count in states.items():
            for choice in question.choices:
                after = add_choice(state, choice, index)
                following[after] = following.get(after, 0) + count
        if len(following) > limit:
            return None
        states = following
    return states


def samples(questions: Sequence[Question], count: int,
            seed: int) -> Iterator[tuple[Choice, ...]]:
    """``count`` uniformly random answer sets, the same ones for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        yield tuple(rng.choice(q.choices) for q in questions)


def state_of(answers: Sequence[Choice], index: dict[str, int]) -> State:
    """The state an answer set reaches."""
    state = empty_state(len(index))
    for choice in answers:
        state = add_choice(state, choice, index)
    return state
