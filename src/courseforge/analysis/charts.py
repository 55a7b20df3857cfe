"""Static SVG bar charts drawn with matplotlib: same data, same bytes (no dates, fixed ids)."""

from __future__ import annotations

import io
from collections.abc import Sequence

COLOURS = ("#1F5A96", "#C8702A", "#2E7D4F", "#7A4E9C", "#A23B3B", "#4F6D7A")
INK = "#222222"


def _pyplot():  # type: ignore[no-untyped-def]
    """pyplot with a non-interactive backend and the settings that make SVG reproducible."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update({
        "svg.hashsalt": "courseforge",  # element ids from the content, not random
        "svg.fonttype": "none",  # text stays text: readable, searchable, small
        "font.family": "DejaVu Sans", "font.size": 10,
        "axes.edgecolor": INK, "axes.labelcolor": INK, "text.color": INK,
        "xtick.color": INK, "ytick.color": INK,
        "axes.spines.top": False, "axes.spines.right": False,
    })
    import matplotlib.pyplot as plt

    return plt


def _svg(fig) -> bytes:  # type: ignore[no-untyped-def]
    plt = _pyplot()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue()


def horizontal_bars(names: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
                    axis_label: str, reference: tuple[str, float] | None = None,
                    maximum: float = 1.0, plain: Sequence[str] = ()) -> bytes:
    """One bar per name for each series (shares 0..1, labelled as percents except the series
    named in ``plain``, labelled as numbers), with an optional reference line."""
    plt = _pyplot()
    rows = len(names)
    fig, ax = plt.subplots(figsize=(7.5, 0.9 + 0.42 * rows * max(1, len(series))))
    height = 0.8 / max(1, len(series))
    for s, (label, values) in enumerate(series):
        positions = [r + (s - (len(series) - 1) / 2) * height for r in range(rows)]
        bars = ax.barh(positions, values, height=height * 0.92, color=COLOURS[s % len(COLOURS)],
                       label=label)
        percent = maximum == 1.0 and label not in plain
        ax.bar_label(bars, labels=[f"{v:.0%}" if percent else f"{v:.2f}" for v in values],
                     padding=3, fontsize=9)
    if reference is not None:
        ax.axvline(reference[1], color=INK, linestyle="--", linewidth=1, label=reference[0])
    ax.set_yticks(range(rows), labels=list(names))
    ax.invert_yaxis()
    ax.set_xlim(0, maximum * 1.12)
    ax.set_xlabel(axis_label)
    if maximum == 1.0:
        ax.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    if len(series) > 1 or reference is not None:
        ax.legend(loc="lower right", frameon=False, fontsize=9)
    return _svg(fig)


def stacked_bars(names: Sequence[str], parts: Sequence[tuple[str, Sequence[float]]],
                 axis_label: str) -> bytes:
    """One bar per name, split into parts (shares that add up to at most 1)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 1.0 + 0.5 * len(names)))
    left = [0.0] * len(names)
    for p, (label, values) in enumerate(parts):
        ax.barh(range(len(names)), values, left=left, color=COLOURS[p % len(COLOURS)],
                label=label, height=0.6)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(range(len(names)), labels=list(names))
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    ax.set_xlabel(axis_label)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=min(4, len(parts)),
              frameon=False, fontsize=9)
    return _svg(fig)
