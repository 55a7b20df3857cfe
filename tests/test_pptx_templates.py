"""Templates the way PowerPoint reads them: one made by LibreOffice (placeholders without
idx, LibreOffice's layout names) and one with German layout names, built with no --layout
flags, read back with python-pptx and rendered by LibreOffice."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation

from conftest import require_executable
from courseforge.cli import main
from test_pptx_render import outside

HERE = Path(__file__).resolve().parent
IMPRESS_TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/presnt")


def _fixture(name: str) -> Any:
    path = HERE / "fixtures" / "pptx" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


german = _fixture("german_template")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A LibreOffice-made .pptx (one of Debian's Impress templates converted) and the
    German-named one."""
    soffice = require_executable("soffice")
    root = tmp_path_factory.mktemp("templates")
    source = IMPRESS_TEMPLATES / "Focus.otp"
    if not source.is_file():
        require(False, f"LibreOffice's Impress template {source}")
    subprocess.run([soffice, f"-env:UserInstallation=file://{root / 'profile'}", "--headless",
                    "--convert-to", "pptx", "--outdir", str(root), str(source)],
                   check=True, capture_output=True, timeout=300)
    return {"libreoffice": root / "Focus.pptx",
            "german": german.write_german_template(root / "german.pptx")}


def require(condition: bool, what: str) -> None:
    from conftest import require as need

    need(condition, what)


def _build(template: Path, out: Path, *extra: str) -> Path:
    result = CliRunner().invoke(main, ["build", str(HERE / "roots" / "minimal"), "-o", str(out),
                                       "-f", "pptx", "--pptx-template", str(template), "-q",
                                       *extra])
    assert result.exit_code == 0, result.output
    return out / "slides"


def _placed(slide: Any) -> dict[str, str]:
    """Placeholder type -> its text, for the slide's title, subtitle and body."""
    kinds = {}
    for shape in slide.placeholders:
        ph = shape.element.find(".//{*}ph")
        kinds.setdefault(ph.get("type", "obj"), shape.text_frame.text)
    return kinds


@pytest.mark.parametrize("name", ["libreoffice", "german"])
def test_template_builds_with_text_in_the_right_placeholders(
        templates: dict[str, Path], tmp_path: Path, name: str) -> None:
    slides = _build(templates[name], tmp_path / "out")
    prs = Presentation(str(slides / "welcome.pptx"))
    for slide in prs.slides:
        idx = [sh.placeholder_format.idx for sh in slide.placeholders]
        assert len(idx) == len(set(idx))  # no two placeholders share an index
    title = _placed(prs.slides[0])
    assert title.get("ctrTitle", title.get("title")) == "Welcome"
    assert title["subTitle"].startswith("Roles in a delivery team")
    agenda = _placed(prs.slides[1])
    assert agenda["title"] == "Agenda"
    assert agenda["obj"].splitlines()[0] == "Why roles matter"
    # and LibreOffice renders every word inside the shape that holds it
    soffice = require_executable("soffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(slides / "welcome.pptx")], check=True, capture_output=True, timeout=300)
    checked, stray = outside(slides / "welcome.pptx", tmp_path / "welcome.pdf")
    assert stray == [] and checked > 30


def test_german_template_keeps_its_footer_and_the_slide_numbers(
        templates: dict[str, Path], tmp_path: Path) -> None:
    slides = _build(templates["german"], tmp_path / "out")
    prs = Presentation(str(slides / "welcome.pptx"))
    assert prs.slides[1].slide_layout.name == "Titel und Inhalt"
    for number, slide in enumerate(prs.slides, start=1):
        feet = {sh.element.find(".//{*}ph").get("type"): sh.text_frame.text
                for sh in slide.placeholders}
        assert feet.get("ftr") == german.FOOTER and feet.get("sldNum") == str(number)
        assert "dt" not in feet  # the master's header/footer settings turn the date off


def test_footer_option_fills_the_footer(templates: dict[str, Path], tmp_path: Path) -> None:
    slides = _build(templates["libreoffice"], tmp_path / "out", "--footer", "ACME Academy")
    prs = Presentation(str(slides / "roles.pptx"))
    footers = [sh.text_frame.text for slide in prs.slides for sh in slide.placeholders
               if sh.element.find(".//{*}ph").get("type") == "ftr"]
    assert footers == ["ACME Academy"] * len(prs.slides)


def _without_app_properties(template: Path, target: Path) -> Path:
    """The template saved without ``docProps/app.xml`` (an optional part) or any mention of it."""
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            if item.filename == "docProps/app.xml":
                continue
            data = source.read(item)
            if item.filename == "_rels/.rels":
                data = re.sub(rb'<Relationship [^>]*extended-properties"[^>]*/>', b"", data)
            elif item.filename == "[Content_Types].xml":
                data = re.sub(rb'<Override PartName="/docProps/app.xml"[^>]*/>', b"", data)
            copy.writestr(item, data)
    with zipfile.ZipFile(target) as made:
        assert "docProps/app.xml" not in made.namelist()
        assert b"extended-properties" not in made.read("_rels/.rels")
    return target


def test_a_template_without_extended_properties_builds_decks_with_their_own(
        templates: dict[str, Path], tmp_path: Path) -> None:
    template = _without_app_properties(templates["german"], tmp_path / "bare.pptx")
    slides = _build(template, tmp_path / "out")
    for deck in sorted(slides.glob("*.pptx")):
        with zipfile.ZipFile(deck) as made:
            app = made.read("docProps/app.xml").decode()
        count = len(Presentation(str(deck)).slides)
        assert f"<Slides>{count}</Slides>" in app and count > 1
