"""GIFT: Moodle's plain-text question format, escaped as Moodle's importer reads it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...model import Question, QuestionType, Quiz
from . import BankBuilder
from .bank import (
    ARROW_IN_ITEM,
    BankQuiz,
    category_runs,
    fraction_text,
    metadata_text,
    multiple_fractions,
)

_SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """Text with GIFT's control characters escaped: backslash first, then ``~ = # { } :``."""
    text = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def item_text(text: str) -> str:
    """A matching item escaped, its '->' written '-&gt;': GIFT cannot escape '->', Moodle's
    importer splits a pair at the first one, and the item is Markdown, which shows '&gt;' as '>'."""
    return escape(text).replace("->", ARROW_IN_ITEM)


def question_text(question: Question, quiz: Quiz) -> str:
    """One question: tag and metadata comments, then ``::name::[markdown]prompt{answers}``."""
    lines = []
    if question.objectives:
        lines.append("// " + " ".join(f"[tag:{escape(o)}]" for o in question.objectives))
    lines.append("// " + metadata_text(question, quiz))
    lines.append(f"::{escape(question.id)}::[markdown]{escape(question.prompt)}{{")
    lines += [f"\t{answer}" for answer in _answers(question)]
    if question.explanation:
        lines.append(f"\t####{escape(question.explanation)}")
    lines.append("}")
    return "\n".join(lines)


def _feedback(text: str) -> str:
    return f"#{escape(text)}" if text else ""


def _answers(question: Question) -> list[str]:
    if question.type is QuestionType.TRUE_FALSE:
        right = next(c for c in question.choices if c.correct)
        wrong = next(c for c in question.choices if not c.correct)
        value = "TRUE" if right.id == "true" else "FALSE"
        if right.feedback or wrong.feedback:
            value += f"#{escape(wrong.feedback)}#{escape(right.feedback)}"
        return [value]
    if question.type is QuestionType.MATCHING:
        targets = {t.id: t.text for t in question.targets}
        pairs = [f"={item_text(i.text)} -> {escape(targets.get(i.match, ''))}"
                 for i in question.items]
        used = {i.match for i in question.items}
        return pairs + [f"= -> {escape(t.text)}" for t in question.targets if t.id not in used]
    if question.type is QuestionType.MULTIPLE:
        fractions = multiple_fractions(question)
        return [f"~%{fraction_text(fractions[c.id])}%{escape(c.text)}{_feedback(c.feedback)}"
                for c in question.choices]
    if question.type is QuestionType.PREFERENCE:  # every answer right: '=' then '~%100%'
        return [("=" if index == 0 else "~%100%") + escape(c.text) + _feedback(c.feedback)
                for index, c in enumerate(question.choices)]
    return [("=" if c.correct else _wrong(c.text)) + escape(c.text) + _feedback(c.feedback)
            for c in question.choices]


def _wrong(text: str) -> str:
    """The mark of a wrong choice: '~', or '~%0%' before a text that starts like a weight
    (Moodle would read '~%50% done' as a choice worth 50%; GIFT cannot escape '%')."""
    return "~%0%" if text.startswith("%") else "~"


def bank_blocks(bank: BankQuiz) -> list[str]:
    """One quiz's GIFT blocks: a category line before each run of its questions."""
    blocks = []
    for category, questions in category_runs(bank):
        blocks.append(f"$CATEGORY: $course$/{category}")
        blocks += [question_text(q, bank.quiz) for q in questions]
    return blocks


def gift_document(banks: Sequence[BankQuiz],
                  blocks_of: Callable[[BankQuiz], list[str]] = bank_blocks) -> str:
    """The GIFT text of these quizzes: a category line each, one blank line between questions."""
    return "\n\n".join(block for bank in banks for block in blocks_of(bank)) + "\n"


class GiftBuilder(BankBuilder):
    """Writes GIFT files for Moodle's question bank."""

    name = "gift"
    extension = ".gift.txt"
    description = "quizzes as GIFT question banks"

    def render(self, banks: Sequence[BankQuiz], name: str) -> bytes:
        """The GIFT file, UTF-8."""
        return gift_document(banks, lambda bank: self.once(
            (bank.id,), lambda: bank_blocks(bank))).encode("utf-8")
