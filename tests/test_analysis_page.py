"""`courseforge analyze`: the printed analysis and its page (static, reproducible, accessible)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import BUNDLED, ROOTS
from courseforge.cli import main
from test_web_browser import serious_violations


def _analyze(course: Path, out: Path) -> str:
    result = CliRunner().invoke(main, ["analyze", str(course), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return result.output


def test_analyze_prints_the_figures_and_personas(tmp_path: Path) -> None:
    output = _analyze(BUNDLED, tmp_path / "out")
    assert "Shares are exact: every answer set was counted." in output
    assert "Highest total each outcome can reach: Project Manager 14, PMO Manager 14, and " \
        "Program Manager 14" in output
    assert "Recommended under random answers: Project Manager 38%, PMO Manager 33%, and " \
        "Program Manager 29%" in output
    assert output.count("— passes") == 4 and "FAILS" not in output
    assert "Nothing to fix" in output


def test_analyze_names_the_findings_of_a_biased_course(tmp_path: Path) -> None:
    output = _analyze(ROOTS / "reco-biased", tmp_path / "out")
    assert "[analysis.favoured]" in output and output.count("[analysis.starved]") == 2
    assert "No personas" in output


def test_the_page_is_static_and_the_same_bytes_each_time(tmp_path: Path) -> None:
    _analyze(BUNDLED, tmp_path / "a")
    _analyze(BUNDLED, tmp_path / "b")
    first = {p.name: p.read_bytes() for p in (tmp_path / "a" / "analysis").iterdir()}
    second = {p.name: p.read_bytes() for p in (tmp_path / "b" / "analysis").iterdir()}
    assert first == second
    assert set(first) == {"index.html", "final-assessment-random.svg",
                          "final-assessment-influence.svg", "final-assessment-personas.svg"}
    for name, data in first.items():
        text = data.decode("utf-8")
        assert "<script" not in text and "<link" not in text, name
        if name.endswith(".svg"):
            assert text.lstrip().startswith("<?xml") and "<svg" in text
            assert "<dc:date>" not in text
    page = first["index.html"].decode("utf-8")
    for svg in (n for n in first if n.endswith(".svg")):
        assert f'src="{svg}"' in page
    assert "Builder of standards, templates and training" in page


def test_the_page_has_no_serious_accessibility_violation(page, static_server, node_modules,
                                                         tmp_path: Path) -> None:
    base, folder = static_server
    _analyze(BUNDLED, tmp_path / "out")
    shutil.copytree(tmp_path / "out" / "analysis", folder / "analysis", dirs_exist_ok=True)
    (folder / "lib").mkdir(exist_ok=True)
    shutil.copyfile(node_modules / "axe-core" / "axe.min.js", folder / "lib" / "axe.min.js")
    page.goto(f"{base}/analysis/index.html")
    assert page.evaluate("() => [...document.images].every(i => i.complete && i.naturalWidth)")
    page.add_script_tag(url=f"{base}/lib/axe.min.js")
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("() => document.documentElement.scrollWidth <= 390")
