"""Every text the bank exports write: README.txt lines and notes on what a target cannot keep.

Kept in one module so that they can move to the course's label catalogue in one step.
"""

from __future__ import annotations

import textwrap

WIDTH = 78

TITLES = {
    "gift": "GIFT question bank (Moodle: Question bank > Import > GIFT format)",
    "moodle-xml": "Moodle XML question bank (Moodle: Question bank > Import > Moodle XML format)",
    "qti21": "IMS QTI 2.1 content packages (items, assessment test, imsmanifest.xml)",
    "qti12": "IMS QTI 1.2 packages in the form Canvas imports (Settings > Import course content)",
}

FILES = "Files: one per module quiz ({example}), and {course} for the whole course."

KEPT = {
    "gift": "Kept: question names (the question ids), categories per module, single and multiple "
            "choice, true/false, matching, per-choice feedback, the explanation as general "
            "feedback, objectives as [tag:] comments. Texts are Markdown ([markdown] format).",
    "moodle-xml": "Kept: names, categories per module, single and multiple choice, true/false, "
                  "matching, per-choice feedback, the explanation as general feedback, matching "
                  "feedback as correct/incorrect feedback, points as default marks, shuffling "
                  "per question, objectives as tags. Texts are HTML in CDATA.",
    "qti21": "Kept: identifiers, single and multiple choice, true/false, matching, per-choice "
             "feedback and the explanation as modal feedback, points as item weights in the "
             "assessment test, shuffling, draws and pools as sections that select their count. "
             "Items without feedback "
             "use the standard match_correct response-processing template.",
    "qti12": "Kept: single and multiple choice (multiple_answers_question), true/false, matching, "
             "per-choice feedback, the explanation as general feedback, points.",
}

# what GIFT and Moodle XML lose alike (both go into Moodle's question bank)
MOODLE_DRAWS = ("Random draws are not kept as such: each pool's questions are in a category of "
                "their own, from which a Moodle quiz can add random questions.")
MOODLE_MULTIPLE = ("Multiple response is graded with partial credit: the right choices share "
                   "100% and a wrong choice costs 100% (the course grades all or nothing).")

# (format, what) -> what the target loses; only the lines that apply to a course are written
LOSSES = {
    ("gift", "points"): "GIFT has no points: every question gets Moodle's default mark of 1.",
    ("gift", "shuffle"): "GIFT has no shuffle setting: use the Moodle quiz's own setting.",
    ("gift", "matching-feedback"): "GIFT matching has no feedback per pair nor for right and "
                                   "wrong answers: only the explanation is kept.",
    ("moodle-xml", "matching-feedback"): "Moodle matching has no feedback per pair: it is "
                                         "dropped.",
    ("qti12", "matching-feedback"): "Canvas matching has no feedback per pair: it is dropped.",
    ("qti12", "shuffle"): "QTI 1.2 for Canvas has no shuffle per question: use the quiz's "
                          "'Shuffle answers' setting.",
    ("qti21", "tags"): "QTI 2.1 items have no tags: objectives are not kept.",
    ("qti21", "matching-feedback"): "Feedback per matching pair is dropped (the feedback for "
                                    "right and wrong answers is kept).",
    ("qti12", "tags"): "Canvas keeps no objectives or tags on questions.",
    ("gift", "draws"): MOODLE_DRAWS,
    ("moodle-xml", "draws"): MOODLE_DRAWS,
    ("qti12", "draws"): "Random draws are not kept: use a Canvas question group.",
    ("gift", "multiple"): MOODLE_MULTIPLE,
    ("moodle-xml", "multiple"): MOODLE_MULTIPLE,
    ("gift", "preference"): "GIFT has no survey item: a preference question is a choice "
                            "question where every answer is right, and its outcome weights "
                            "(the recommendation) live only in a comment Moodle ignores.",
    ("moodle-xml", "preference"): "Moodle's question bank has no survey item: a preference "
                                  "question is a choice question worth 0 where every answer is "
                                  "right; its outcome weights (the recommendation) live only in "
                                  "a comment Moodle ignores.",
    ("qti21", "preference"): "A preference question is a choice interaction with no correct "
                             "response (ungraded); QTI has no place for outcome weights, so the "
                             "recommendation lives only in a comment players ignore.",
    ("qti12", "preference"): "Canvas has no survey item in a graded bank (and New Quizzes none "
                             "at all): a preference question is a multiple choice question "
                             "worth 0 points with no right answer; outcome weights are lost.",
}
SETTINGS_NOTE = ("Quiz settings (passing score, attempts, what counts, the recommendation) belong "
                 "to the target's quiz and are not exported.")
ROUND_TRIP = ("Each question carries a 'courseforge:' comment (ids, points, outcome weights) so "
              "that 'courseforge import' restores the quiz exactly; targets ignore it.")
SHORT_NAMES = {"gift": "GIFT", "moodle-xml": "Moodle XML", "qti21": "QTI 2.1",
               "qti12": "Canvas QTI 1.2"}
LOSS_SUMMARY = "{folder}: {target} cannot keep {count} thing{s} of this course, listed in {readme}"


def loss_summary(format_name: str, folder: str, count: int) -> str:
    """The one build line saying how much a target loses and where the list is."""
    return LOSS_SUMMARY.format(folder=folder, target=SHORT_NAMES[format_name], count=count,
                               s="" if count == 1 else "s", readme=f"{folder}/README.txt")


def readme(format_name: str, example: str, course_file: str, losses: list[str]) -> str:
    """The README.txt of one export."""
    def wrap(text: str, indent: str = "") -> list[str]:
        return textwrap.wrap(text, WIDTH, initial_indent=indent,
                             subsequent_indent=" " * len(indent), break_on_hyphens=False)

    lines = [TITLES[format_name], ""]
    lines += [*wrap(FILES.format(example=example, course=course_file)), ""]
    lines += [*wrap(KEPT[format_name]), "", "Not kept:"]
    for loss in [*losses, SETTINGS_NOTE]:
        lines += wrap(loss, "- ")
    lines += ["", *wrap(ROUND_TRIP), ""]
    return "\n".join(lines)
