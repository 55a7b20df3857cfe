"""The mapping analysis of recommending quizzes, and personas checked by `check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from courseforge.analysis.findings import findings
from courseforge.analysis.mapping import analyse, recommending_modules
from courseforge.cli import main
from courseforge.loading import diagnose, load_checked

ROOTS = Path(__file__).resolve().parent / "roots"
BUNDLED = ROOTS.parent.parent / "course"


def _codes(folder: Path) -> list[tuple[str, int, str]]:
    """(file, line, code) of every analysis and persona diagnostic of a course."""
    _, diagnostics = diagnose(folder)
    return [(d.path, d.line, d.code) for d in diagnostics
            if d.code.startswith(("analysis.", "persona."))]


def test_the_bundled_course_is_sound_and_its_personas_pass() -> None:
    course = load_checked(BUNDLED).course
    (module,) = recommending_modules(course)
    analysis = analyse(course, module)
    assert analysis.exact and analysis.answer_sets == 3 ** 5 * 4 * 4
    assert dict(analysis.max_scores) == {"project-manager": 14, "pmo-manager": 14,
                                         "program-manager": 14}
    assert abs(sum(dict(analysis.shares).values()) - 1) < 1e-12
    assert len(module.quiz.personas) >= 3  # type: ignore[union-attr]
    expected = {p.expect for p in module.quiz.personas}  # type: ignore[union-attr]
    assert expected == {o.id for o in course.outcomes}  # a persona per role
    assert _codes(BUNDLED) == []


def test_a_biased_mapping_is_flagged_favoured_and_starved_only() -> None:
    quiz = "modules/survey/quiz.yml"
    assert _codes(ROOTS / "reco-biased") == [
        (quiz, 1, "analysis.favoured"), (quiz, 1, "analysis.starved"),
        (quiz, 1, "analysis.starved")]
    course = load_checked(ROOTS / "reco-biased").course
    shares = dict(analyse(course, course.modules[0]).shares)
    assert shares["alpha"] > 0.5 > 0.2 > shares["beta"]


def test_a_tie_prone_mapping_is_flagged_for_ties_only() -> None:
    assert _codes(ROOTS / "reco-tied") == [("modules/survey/quiz.yml", 1, "analysis.ties")]
    course = load_checked(ROOTS / "reco-tied").course
    analysis = analyse(course, course.modules[0])
    assert analysis.tie_probability == 20 / 64  # three answers each way: C(6,3) of 2^6


def test_undifferentiated_questions_are_flagged_at_their_lines() -> None:
    found = _codes(ROOTS / "reco-undifferentiated")
    course = load_checked(ROOTS / "reco-undifferentiated").course
    quiz = course.modules[0].quiz
    assert quiz is not None
    line = {q.id: q.source.line for q in quiz.questions}
    path = "modules/survey/quiz.yml"
    assert found == [(path, line["p-flat"], "analysis.no-influence"),
                     (path, line["p-only-alpha"], "analysis.one-outcome"),
                     (path, line["p-only-beta"], "analysis.one-outcome"),
                     (path, line["p-only-gamma"], "analysis.one-outcome")]


def test_unequal_reach_and_straight_lining_are_flagged(tmp_path: Path) -> None:
    course_dir = shutil.copytree(ROOTS / "reco-biased", tmp_path / "course")
    quiz = course_dir / "modules/survey/quiz.yml"
    data = yaml.safe_load(quiz.read_text(encoding="utf-8"))
    # the first choice of every question now weighs beta: beta reaches more, and a
    # learner who always clicks the first choice gets beta, 100 %
    for question in data["questions"][1:]:
        question["choices"][0]["weights"] = {"beta": 3}
    quiz.write_text(yaml.safe_dump(data), encoding="utf-8")
    codes = {code for _, _, code in _codes(course_dir)}
    assert {"analysis.max-score", "analysis.straight-line"} <= codes


def test_thresholds_are_set_per_quiz(tmp_path: Path) -> None:
    course_dir = shutil.copytree(ROOTS / "reco-tied", tmp_path / "course")
    quiz = course_dir / "modules/survey/quiz.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace(
        "recommend: true\n", "recommend: true\nanalysis:\n  tie_probability: 0.4\n"),
        encoding="utf-8")
    assert _codes(course_dir) == []


def test_a_sampled_estimate_agrees_with_the_exact_shares_within_its_bound() -> None:
    from dataclasses import replace

    course = load_checked(ROOTS / "reco-biased").course
    module = course.modules[0]
    exact = analyse(course, module)
    quiz = replace(module.quiz, thresholds=replace(module.quiz.thresholds,  # type: ignore[arg-type]
                                                   exact_limit=1, samples=5000))
    sampled = analyse(course, replace(module, quiz=quiz))
    assert not sampled.exact and sampled.draws == 5000 and 0 < sampled.error_bound < 0.03
    for (_, p), (_, q) in zip(exact.shares, sampled.shares, strict=True):
        assert abs(p - q) <= sampled.error_bound
    assert sampled == analyse(course, replace(module, quiz=quiz))  # seeded: the same again
    assert [d.code for d in findings(module, sampled)] == [d.code for d in findings(module, exact)]


def test_a_wrong_persona_fails_check_with_file_and_line(tmp_path: Path) -> None:
    course_dir = shutil.copytree(BUNDLED, tmp_path / "course")
    quiz = course_dir / "modules/final-assessment/quiz.yml"
    lines = quiz.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "expect: pmo-manager" in line)
    lines[at] = lines[at].replace("pmo-manager", "program-manager")
    quiz.write_text("".join(lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(course_dir)])
    assert result.exit_code == 1
    persona_line = at  # the '- name:' line just above 'expect' (1-based: index at - 1 + 1)
    assert (f"{course_dir.as_posix()}/modules/final-assessment/quiz.yml:{persona_line}: error: "
            "persona 'Builder of standards, templates and training' expects 'program-manager' "
            "but its answers get 'pmo-manager' [persona.mismatch]") in result.output


def test_a_persona_answering_an_unknown_question_is_an_error(tmp_path: Path) -> None:
    course_dir = shutil.copytree(BUNDLED, tmp_path / "course")
    quiz = course_dir / "modules/final-assessment/quiz.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("pref-lead: d}", "pref-leed: d}"),
                    encoding="utf-8")
    codes = [code for _, _, code in _codes(course_dir)]
    assert codes == ["persona.unknown-question"]
