"""Every text the bank exports write: README.txt lines and notes on what a target cannot keep.

The README texts are message ids of the course's language catalogue (``bank.*``); only the
build's progress line, a command-line message, stays in English.
"""

from __future__ import annotations

import textwrap

from ...locale import Labels

WIDTH = 78


def _id(format_name: str) -> str:
    """A format's name as it appears in message ids (``moodle-xml`` as ``moodle_xml``)."""
    return format_name.replace("-", "_")


def title_id(format_name: str) -> str:
    """The README's first line: what the export is and where a target imports it."""
    return f"bank.title_{_id(format_name)}"


def kept_id(format_name: str) -> str:
    """What the target keeps of a course."""
    return f"bank.kept_{_id(format_name)}"


# what GIFT and Moodle XML lose alike (both go into Moodle's question bank) is written once
SHARED_LOSSES = {("gift", "draws"): "bank.loss_moodle_draws",
                 ("moodle-xml", "draws"): "bank.loss_moodle_draws",
                 ("gift", "multiple"): "bank.loss_moodle_multiple",
                 ("moodle-xml", "multiple"): "bank.loss_moodle_multiple"}

# (format, what) for every loss a target has; only the lines that apply to a course are written
LOSS_KINDS = (
    *SHARED_LOSSES,
    ("gift", "points"), ("gift", "shuffle"), ("gift", "matching-feedback"),
    ("gift", "preference"),
    ("moodle-xml", "matching-feedback"), ("moodle-xml", "preference"),
    ("qti21", "tags"), ("qti21", "matching-feedback"), ("qti21", "preference"),
    ("qti12", "matching-feedback"), ("qti12", "shuffle"), ("qti12", "tags"),
    ("qti12", "draws"), ("qti12", "preference"),
)
# (format, what) -> the message id of what the target loses
LOSSES = {kind: SHARED_LOSSES.get(kind, f"bank.loss_{_id(kind[0])}_{_id(kind[1])}")
          for kind in LOSS_KINDS}

SHORT_NAMES = {"gift": "GIFT", "moodle-xml": "Moodle XML", "qti21": "QTI 2.1",
               "qti12": "Canvas QTI 1.2"}
LOSS_SUMMARY = "{folder}: {target} cannot keep {count} thing{s} of this course, listed in {readme}"


def loss_summary(format_name: str, folder: str, count: int) -> str:
    """The one build line saying how much a target loses and where the list is."""
    return LOSS_SUMMARY.format(folder=folder, target=SHORT_NAMES[format_name], count=count,
                               s="" if count == 1 else "s", readme=f"{folder}/README.txt")


def readme(format_name: str, example: str, course_file: str, losses: list[str],
           labels: Labels) -> str:
    """The README.txt of one export in the course's language; ``losses`` are message ids."""
    def wrap(text: str, indent: str = "") -> list[str]:
        return textwrap.wrap(text, WIDTH, initial_indent=indent,
                             subsequent_indent=" " * len(indent), break_on_hyphens=False)

    lines = [labels.text(title_id(format_name)), ""]
    lines += [*wrap(labels.text("bank.files", example=example, course=course_file)), ""]
    lines += [*wrap(labels.text(kept_id(format_name))), "", labels.text("bank.not_kept")]
    for loss in [*losses, "bank.settings"]:
        lines += wrap(labels.text(loss), "- ")
    lines += ["", *wrap(labels.text("bank.round_trip")), ""]
    return "\n".join(lines)
