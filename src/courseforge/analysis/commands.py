"""The work of `courseforge analyze` and `courseforge report`: text to print, a page written."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import CourseforgeError
from ..loading import load_checked
from ..model import Module
from .findings import findings
from .mapping import analyse, recommending_modules
from .page import analysis_section, report_section, write_page
from .personas import persona_results
from .responses import read_answers
from .results import results_report
from .wording import wording_for

Say = Callable[[str], None]


def run_analyze(course_dir: Path, output: Path, say: Say) -> Path | None:
    """Print the analysis of every recommending quiz and write ``output/analysis/``."""
    course = load_checked(course_dir).course
    labels = wording_for(course)
    modules = recommending_modules(course)
    if not modules:
        say(labels.text("analysis.none"))
        return None
    sections = []
    for module in modules:
        analysis = analyse(course, module)
        assert module.quiz is not None
        personas = persona_results(course, module.quiz)
        found = findings(module, analysis)
        section = analysis_section(course, module, analysis, personas, found)
        sections.append(section)
        say(section.heading)
        for line in section.lines:
            say(line)
        say(labels.text("analysis.findings") if found else labels.text("analysis.no_findings"))
        for diagnostic in found:
            say(f"  {diagnostic}")
        say("")
    return write_page(course, output, "analysis", labels.text("analysis.title",
                                                              course=course.title), sections)


def run_report(course_dir: Path, files: Sequence[Path], module_id: str | None, output: Path,
               say: Say) -> Path:
    """Print what the learners in ``files`` did and write ``output/report/``."""
    from ..take import pick_module

    course = load_checked(course_dir).course
    labels = wording_for(course)
    module: Module = pick_module(course, module_id)
    answers = read_answers(module, files)
    for warning in answers.warnings:
        say(str(warning))
    if not answers.learners:
        raise CourseforgeError(f"no answers to module '{module.id}' in "
                               f"{', '.join(str(f) for f in files)}")
    report = results_report(course, module, answers)
    baseline = analyse(course, module) if module in recommending_modules(course) else None
    section = report_section(course, report, baseline)
    for line in section.lines:
        say(line)
    section = replace(section, lines=())  # the page shows the figures as charts and tables
    assert module.quiz is not None
    return write_page(course, output, "report",
                      labels.text("report.title", quiz=module.quiz.title, module=module.id),
                      [section])
