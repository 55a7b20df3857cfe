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
Step = tuple[tuple[int, float], ...]  # what one choice adds: (outcome index, weight > 0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Tally:
    """How one answer set ranks the outcomes."""

    winner: int | None  # index of the recommended outcome; None: no recommendation
    tie: bool  # the top two totals are equal (the tie-break rules decided)
    close: bool  # too close to call under the course's margin


def step_of(choice: Choice, index: dict[str, int]) -> Step:
    """What choosing ``choice`` adds, in the order grading.recommend adds it."""
    return tuple((index[o], w) for o, w in choice.weights if o in index and w > 0)


def steps_of(question: Question, index: dict[str, int]) -> tuple[Step, ...]:
    """The step of each choice of a question."""
    return tuple(step_of(c, index) for c in question.choices)


def add(state: State, step: Step) -> State:
    """The state after one more answer."""
    if not step:
        return state
    totals, backers = list(state[0]), list(state[1])
    for i, weight in step:
        totals[i] += weight
        backers[i] += 1
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
        steps = steps_of(question, index)
        following: dict[State, int] = {}
        for state, count in states.items():
            for step in steps:
                after = add(state, step)
                following[after] = following.get(after, 0) + count
        if len(following) > limit:
            return None
        states = following
    return states


def sampled_states(questions: Sequence[Question], index: dict[str, int], count: int,
                   seed: int) -> Iterator[State]:
    """The states of ``count`` uniformly random answer sets, the same for the same seed."""
    rng = random.Random(seed)
    steps = [steps_of(q, index) for q in questions]
    start = empty_state(len(index))
    for _ in range(count):
        state = start
        for options in steps:
            state = add(state, options[rng.randrange(len(options))])
        yield state
