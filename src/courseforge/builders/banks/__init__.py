"""Question-bank exports: the course's quizzes for other quiz engines (GIFT, Moodle XML, QTI)."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar, TypeVar

from ...locale import labels_for
from ...model import Course, QuestionType
from ...packaging import write_bytes, write_zip
from ..base import Builder, Progress
from .bank import BankQuiz, bank_quizzes
from .texts import LOSSES, loss_summary, readme

T = TypeVar("T")


def losses_in(format_name: str, course: Course) -> list[str]:
    """The message ids of what this target cannot keep of this course, in a fixed order."""
    questions = [q for m in course.modules if m.quiz for q in m.quiz.questions]
    present = {
        "points": any(q.points != 1 for q in questions),
        "shuffle": any(m.quiz.settings.shuffle_choices for m in course.modules if m.quiz),
        "matching-feedback": any(i.feedback or q.feedback_correct or q.feedback_incorrect
                                 for q in questions for i in q.items),
        "tags": any(q.objectives for q in questions),
        "draws": any(m.quiz.draw or m.quiz.pools for m in course.modules if m.quiz),
        "multiple": any(q.type is QuestionType.MULTIPLE for q in questions),
        "preference": any(q.type is QuestionType.PREFERENCE for q in questions),
    }
    return [LOSSES[(format_name, key)] for key, found in present.items()
            if found and (format_name, key) in LOSSES]


class BankBuilder(Builder):
    """Writes ``quizzes/<format>/<module-id>.<ext>`` per quiz, one file for the course, and a
    README.txt saying what the target cannot keep."""

    extension: ClassVar[str]

    def __init_subclass__(cls, **kwargs: object) -> None:
        """Each format's export lives in ``quizzes/<format>``, a class attribute as for any
        builder."""
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:  # a format, not an intermediate base
            cls.folder = f"quizzes/{cls.name}"

    def build(self, staging: Path, progress: Progress) -> None:
        """Write every quiz, the whole course and the README; one line says what is lost."""
        folder = staging / self.folder
        banks = list(bank_quizzes(self.course))
        for bank in banks:
            progress(f"{self.folder}/{bank.id}{self.extension}")
            self.write(folder / f"{bank.id}{self.extension}", [bank], bank.id)
        course_file = f"{self.course.id}{self.extension}"
        if banks:
            self.write(folder / course_file, banks, self.course.id)
        losses = losses_in(self.name, self.course)
        # the README lists every loss (quiz settings always among them): one progress line
        # says so, quiet under -q, as losses the README documents are no warnings
        progress(loss_summary(self.name, self.folder, len(losses) + 1))
        example = f"{banks[0].id}{self.extension}" if banks else f"<module-id>{self.extension}"
        write_bytes(folder / "README.txt",
                    readme(self.name, example, course_file, losses,
                           labels_for(self.course)).encode("utf-8"))

    def write(self, path: Path, banks: Sequence[BankQuiz], name: str) -> None:
        """Write one export file holding these quizzes, each in its own category."""
        write_bytes(path, self.render(banks, name))

    def once(self, key: tuple[str, ...], make: Callable[[], T]) -> T:
        """``make()``, made once per build for ``key``: a quiz's questions are written the
        same in the quiz's own export and in the course's, so the course's reuses them."""
        made: dict[tuple[str, ...], object] = self.__dict__.setdefault("_made", {})
        if key not in made:
            made[key] = make()
        return made[key]  # type: ignore[return-value]

    @abstractmethod
    def render(self, banks: Sequence[BankQuiz], name: str) -> bytes:
        """The bytes of one export file (a zip's builder writes its members instead)."""


class PackageBuilder(BankBuilder):
    """A bank export whose files are zip packages (QTI content packages)."""

    extension = ".zip"

    def write(self, path: Path, banks: Sequence[BankQuiz], name: str) -> None:
        """The package as a deterministic zip."""
        write_zip(path, self.members(banks, name))

    def render(self, banks: Sequence[BankQuiz], name: str) -> bytes:
        """Not used: a package is written member by member."""
        raise NotImplementedError

    @abstractmethod
    def members(self, banks: Sequence[BankQuiz], name: str) -> list[tuple[str, bytes]]:
        """(member name, bytes) of the package."""
