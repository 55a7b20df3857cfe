"""Generate a synthetic course of a given number of content slides, in the course format.

Each module holds ten content slides (bullets, a table every fifth slide, notes) and a
five-question knowledge check; a last module holds an assessment with preference items.
"""

from __future__ import annotations

import argparse
from pathlib import Path

SLIDES_PER_MODULE = 10
OUTCOMES = ("alpha", "beta", "gamma")


def lesson(module: int, slides: int) -> str:
    """The Markdown of one synthetic lesson."""
    parts = [f"---\ntitle: Module {module}\nminutes: 10\nobjectives:\n"
             f"  - id: m{module}-o1\n    text: Explain topic {module}.\n---\n"]
    for slide in range(1, slides + 1):
        if slide % 5 == 0:
            body = ("| Aspect | Option A | Option B |\n| --- | --- | --- |\n"
                    + "".join(f"| Row {r} | value {r}a | value {r}b |\n" for r in range(1, 5)))
        else:
            body = "".join(f"- Point {p} of slide {slide} with **bold** and *italic* words\n"
                           f"  - A detail that supports point {p}\n" for p in range(1, 4))
        parts.append(f"# Module {module}, slide {slide}\n\n{body}\n::: notes\n"
                     f"Explain slide {slide} in two minutes, then ask one question.\n:::\n")
    return "\n---\n\n".join(parts)


def knowledge_check(module: int) -> str:
    """A five-question quiz of mixed types."""
    return f"""title: Knowledge check {module}
questions:
  - id: q1
    type: single
    prompt: Which statement about topic {module} is right?
    objectives: [m{module}-o1]
    choices:
      - {{id: a, text: The right one, correct: true, feedback: Yes.}}
      - {{id: b, text: A wrong one, feedback: No.}}
      - {{id: c, text: Another wrong one, feedback: No.}}
    explanation: Only the first is right.
  - id: q2
    type: multiple
    prompt: Which two are right?
    choices:
      - {{id: a, text: First, correct: true, feedback: Yes.}}
      - {{id: b, text: Second, correct: true, feedback: Yes.}}
      - {{id: c, text: Third, feedback: No.}}
    explanation: First and second.
  - id: q3
    type: true-false
    prompt: Topic {module} matters.
    answer: true
    feedback: {{true: Right., false: It does.}}
    explanation: It matters.
  - id: q4
    type: matching
    prompt: Match the pairs.
    targets: [{{id: x, text: X}}, {{id: y, text: Y}}]
    items:
      - {{id: one, text: One, match: x, feedback: One is X.}}
      - {{id: two, text: Two, match: y, feedback: Two is Y.}}
    feedback: {{correct: All right., incorrect: Look again.}}
    explanation: One X, two Y.
  - id: q5
    type: single
    prompt: A last question on topic {module}?
    choices:
      - {{id: a, text: Right, correct: true, feedback: Yes.}}
      - {{id: b, text: Wrong, feedback: No.}}
    explanation: The first.
"""


def assessment() -> str:
    """A final quiz with graded and preference items pointing to three outcomes."""
    prefs = "".join(f"""  - id: p{i}
    type: preference
    prompt: Preference {i}?
    choices:
""" + "".join(f"      - {{id: {o}, text: I like {o}, weights: {{{o}: 2}}, feedback: Noted.}}\n"
              for o in OUTCOMES) + "    explanation: No wrong answer.\n" for i in range(1, 7))
    return f"""title: Final assessment
counts: true
recommend: true
questions:
  - id: g1
    type: single
    prompt: A graded question?
    choices:
      - {{id: a, text: Right, correct: true, feedback: Yes.}}
      - {{id: b, text: Wrong, feedback: No.}}
    explanation: The first.
{prefs}"""


def generate(root: Path, slides: int) -> Path:
    """Write a course of about ``slides`` content slides into ``root``."""
    modules = max(1, slides // SLIDES_PER_MODULE)
    names = [f"m{i:04d}" for i in range(1, modules + 1)] + ["final"]
    outcomes = "".join(f"  - id: {o}\n    title: {o.title()}\n    summary: The {o} path.\n"
                       f"    guidance: Practise {o} work.\n" for o in OUTCOMES)
    (root / "modules").mkdir(parents=True, exist_ok=True)
    (root / "course.yml").write_text(
        f"id: synthetic-{slides}\ntitle: Synthetic course of {slides} slides\nversion: 1.0.0\n"
        f"language: en\nauthor: Benchmark\npassing_score: 70\nmodules:\n"
        + "".join(f"  - {n}\n" for n in names) + f"outcomes:\n{outcomes}", encoding="utf-8")
    for index, name in enumerate(names[:-1], start=1):
        folder = root / "modules" / name
        folder.mkdir(exist_ok=True)
        count = min(SLIDES_PER_MODULE, slides - (index - 1) * SLIDES_PER_MODULE) or 1
        (folder / "lesson.md").write_text(lesson(index, count), encoding="utf-8")
        (folder / "quiz.yml").write_text(knowledge_check(index), encoding="utf-8")
    final = root / "modules" / "final"
    final.mkdir(exist_ok=True)
    (final / "lesson.md").write_text("---\ntitle: Final\nminutes: 10\n---\n\n# The assessment\n\n"
                                     "- Answer every question\n", encoding="utf-8")
    (final / "quiz.yml").write_text(assessment(), encoding="utf-8")
    return root


def main() -> None:
    """Command line: synthetic.py SLIDES FOLDER."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("slides", type=int)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    generate(args.folder, args.slides)


if __name__ == "__main__":
    main()
