"""The analysis and report pages: HTML with static SVG charts, written atomically."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic
from ..model import Course, Module
from ..packaging import check_output_folder, publish, staging_folder, write_bytes
from ..templating import environment, render
from . import charts
from .mapping import MappingAnalysis
from .personas import PersonaResult
from .results import ResultsReport
from .text import analysis_lines, report_lines, share, title_of
from .wording import wording_for


@dataclass(frozen=True, slots=True, kw_only=True)
class Chart:
    """A chart file with its caption, a one-line summary for its alt text, and its data."""

    file: str
    caption: str
    summary: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    svg: bytes = field(repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A table of figures without a chart."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A heading, lines of text, charts, tables and findings."""

    heading: str
    lines: tuple[str, ...]
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    findings: tuple[dict[str, str], ...] = ()


def analysis_section(course: Course, module: Module, analysis: MappingAnalysis,
                     personas: tuple[PersonaResult, ...],
                     findings: Sequence[Diagnostic]) -> Section:
    """One recommending quiz's part of the analysis page."""
    labels = wording_for(course)
    quiz = module.quiz
    assert quiz is not None
    titles = [title_of(course, o) for o in analysis.outcomes]
    random = [p for _, p in analysis.shares]
    fair = 1 / len(titles)
    made = [Chart(
        file=f"{module.id}-random.svg", caption=labels.text("analysis.chart_random"),
        summary=labels.join([f"{t} {share(labels, p)}" for t, p in zip(titles, random,
                                                                      strict=True)]),
        header=("", labels.text("analysis.column_share")),
        rows=tuple((t, share(labels, p)) for t, p in zip(titles, random, strict=True)),
        svg=charts.horizontal_bars(titles, [("", random)], labels.text("analysis.chart_random"),
                                   reference=(labels.text("analysis.fair_share"), fair)))]
    influence = [i.influence for i in analysis.influence]
    names = [i.question for i in analysis.influence]
    made.append(Chart(
        file=f"{module.id}-influence.svg", caption=labels.text("analysis.chart_influence"),
        summary=labels.join([f"{n} {share(labels, v)}" for n, v in zip(names, influence,
                                                                      strict=True)]),
        header=("", labels.text("analysis.column_share")),
        rows=tuple((n, share(labels, v)) for n, v in zip(names, influence, strict=True)),
        svg=charts.horizontal_bars(names, [("", influence)],
                                   labels.text("analysis.chart_influence"))))
    if personas:
        parts = [(t, [_share_of(r, o) for r in personas])
                 for t, o in zip(titles, analysis.outcomes, strict=True)]
        made.append(Chart(
            file=f"{module.id}-personas.svg", caption=labels.text("analysis.chart_personas"),
            summary=labels.join([r.persona.name for r in personas]),
            header=("", *titles),
            rows=tuple((r.persona.name, *(share(labels, _share_of(r, o))
                                          for o in analysis.outcomes)) for r in personas),
            svg=charts.stacked_bars([r.persona.name for r in personas], parts,
                                    labels.text("analysis.chart_personas"))))
    return Section(heading=f"{quiz.title} ({module.id})",
                   lines=tuple(analysis_lines(labels, course, module, analysis, personas)),
                   charts=tuple(made),
                   findings=tuple({"kind": d.severity.value, "text": f"{d}"} for d in findings))


def report_section(course: Course, report: ResultsReport,
                   baseline: MappingAnalysis | None) -> Section:
    """The learners' report as a page section."""
    labels = wording_for(course)
    names = [i.question for i in report.items]
    difficulty = [i.difficulty for i in report.items]
    discrimination = [max(0.0, i.discrimination or 0.0) for i in report.items]
    made = [Chart(
        file=f"{report.module}-items.svg", caption=labels.text("report.chart_difficulty"),
        summary=labels.join([f"{n} {labels.number(d, 2)}" for n, d in zip(names, difficulty,
                                                                         strict=True)]),
        header=("", labels.text("report.difficulty"), labels.text("report.discrimination")),
        rows=tuple((i.question, labels.number(i.difficulty, 2),
                    "—" if i.discrimination is None else labels.number(i.discrimination, 2))
                   for i in report.items),
        svg=charts.horizontal_bars(names, [(labels.text("report.difficulty"), difficulty),
                                           (labels.text("report.discrimination"),
                                            discrimination)],
                                   labels.text("report.chart_difficulty"),
                                   plain=(labels.text("report.discrimination"),)))]
    if baseline is not None and report.learners:
        titles = [title_of(course, o) for o, _ in report.outcomes]
        titles.append(labels.text("analysis.close_call"))
        learners = [c / report.learners for _, c in report.outcomes]
        learners.append(report.close_calls / report.learners)
        random = [p for _, p in baseline.clear_shares] + [baseline.close_call_probability]
        made.append(Chart(
            file=f"{report.module}-outcomes.svg", caption=labels.text("report.chart_outcomes"),
            summary=labels.join([f"{t} {share(labels, v)}" for t, v in zip(titles, learners,
                                                                          strict=True)]),
            header=("", labels.text("report.learners_series"), labels.text("report.random_series")),
            rows=tuple((t, share(labels, a), share(labels, b))
                       for t, a, b in zip(titles, learners, random, strict=True)),
            svg=charts.horizontal_bars(titles, [(labels.text("report.learners_series"), learners),
                                                (labels.text("report.random_series"), random)],
                                       labels.text("report.chart_outcomes"))))
    problems = tuple(
        (item.question, use.choice, share(labels, use.share),
         labels.text("report.unused" if use.problem == "unused" else "report.attracts_strong"))
        for item in report.items for use in item.distractors if use.problem)
    tables = [Table(caption=labels.text("report.distractors"),
                    header=("", labels.text("report.choice"), labels.text("report.taken"),
                            labels.text("report.problem")), rows=problems)] if problems else []
    tables.append(Table(
        caption=labels.text("report.mastery"),
        header=("", labels.text("report.mean"), labels.text("report.mastered"),
                labels.text("report.questions")),
        rows=tuple((m.objective, share(labels, m.mean), share(labels, m.mastered),
                    str(m.questions)) for m in report.mastery)))
    return Section(heading=labels.text("report.learners", learners=report.learners),
                   lines=tuple(report_lines(labels, course, report, baseline)),
                   charts=tuple(made), tables=tuple(tables))


def write_page(course: Course, output: Path, folder: str, title: str,
               sections: Sequence[Section]) -> Path:
    """``output/<folder>/index.html`` and its charts, replacing the old folder when done."""
    output = check_output_folder(output, course.root)
    html = render(environment(course), "analysis/page.html.j2", title=title,
                  language=course.language, sections=sections,
                  findings_heading=wording_for(course).text("analysis.findings"))
    with staging_folder(output) as staging:
        write_bytes(staging / folder / "index.html", html.encode("utf-8"))
        for section in sections:
            for chart in section.charts:
                write_bytes(staging / folder / chart.file, chart.svg)
        publish(staging, output, [folder])
    return output / folder / "index.html"


def _share_of(result: PersonaResult, outcome: str) -> float:
    rec = result.recommendation
    return dict(rec.shares).get(outcome, 0.0) if rec else 0.0
