"""Hypothesis strategies for quiz parts that several property tests draw alike."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from courseforge.model import Pool, Source


@st.composite
def pools_over(draw: st.DrawFn, ids: Sequence[str], source: Source) -> tuple[Pool, ...]:
    """Disjoint pools over some of ``ids`` (maybe none), each asking 1 to all its questions."""
    pools: list[Pool] = []
    free = list(draw(st.permutations(ids)))
    while free and draw(st.booleans()):
        size = draw(st.integers(1, len(free)))
        members, free = tuple(free[:size]), free[size:]
        pools.append(Pool(id=f"pool{len(pools)}", draw=draw(st.integers(1, size)),
                          questions=members, source=source))
    return tuple(pools)
