"""cmi5 packages: cmi5.xml valid against the official schema, AUs, moveOn, masteryScore, files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from cmi5_schema import CMI5_NS, course_structure_errors
from conftest import BUNDLED, ROOTS
from courseforge.build import build
from courseforge.builders.base import BuildOptions

NS = {"c": CMI5_NS}


def _package(tmp_path: Path, course: Path, package: str = "single") -> zipfile.ZipFile:
    build(course, tmp_path, ["cmi5"], BuildOptions(package=package), lambda _: None)
    zips = sorted((tmp_path / "cmi5").iterdir())
    assert [z.name for z in zips] == [f"{_course_id(course)}.zip"]
    return zipfile.ZipFile(zips[0])


def _course_id(course: Path) -> str:
    return {"course": "project-roles", "minimal": "team-roles"}[course.name]


@pytest.mark.parametrize("package", ["single", "per-module"])
@pytest.mark.parametrize("course", [BUNDLED, ROOTS / "minimal"], ids=["bundled", "minimal"])
def test_cmi5_xml_validates_against_the_official_schema(tmp_path: Path, course: Path,
                                                        package: str) -> None:
    archive = _package(tmp_path, course, package)
    assert course_structure_errors(archive.read("cmi5.xml")) == []


def test_a_broken_course_structure_is_reported(tmp_path: Path) -> None:
    xml = _package(tmp_path, BUNDLED).read("cmi5.xml")
    assert course_structure_errors(xml.replace(b'moveOn="CompletedAndPassed"',
                                               b'moveOn="Finished"')) != []
    assert course_structure_errors(xml.replace(b"<url>index.html</url>", b"")) != []


def test_one_au_for_the_course_judged_by_its_passing_score(tmp_path: Path) -> None:
    archive = _package(tmp_path, BUNDLED)
    root = etree.fromstring(archive.read("cmi5.xml"))
    aus = root.findall("c:au", NS)
    assert len(aus) == 1
    au = aus[0]
    assert au.get("id") == "urn:courseforge:project-roles:au:course"
    assert au.get("moveOn") == "CompletedAndPassed"  # explicit, never the NotApplicable default
    assert au.get("masteryScore") == "0.8"  # passing_score 80
    assert au.findtext("c:url", namespaces=NS) == "index.html"
    assert "index.html" in archive.namelist() and "runtime.js" in archive.namelist()
    refs = [o.get("idref") for o in au.findall("c:objectives/c:objective", NS)]
    declared = [o.get("id") for o in root.findall("c:objectives/c:objective", NS)]
    assert refs == declared and "urn:courseforge:project-roles:objective:pm-skills" in refs
    assert root.find("c:course/c:title/c:langstring", NS).get("lang") == "en"


def test_per_module_makes_one_au_per_module_each_in_its_folder(tmp_path: Path) -> None:
    archive = _package(tmp_path, BUNDLED, "per-module")
    root = etree.fromstring(archive.read("cmi5.xml"))
    aus = root.findall("c:au", NS)
    modules = ["intro", "project-manager", "pmo-manager", "program-manager", "comparison",
               "final-assessment"]
    assert [au.findtext("c:url", namespaces=NS) for au in aus] == \
        [f"{m}/index.html" for m in modules]
    for module, au in zip(modules, aus, strict=True):
        assert f"{module}/index.html" in archive.namelist()
        assert au.get("moveOn") in ("Completed", "CompletedAndPassed")
        # a mastery score only where something is judged
        assert (au.get("masteryScore") is not None) == (au.get("moveOn") == "CompletedAndPassed")
    assert aus[-1].get("moveOn") == "CompletedAndPassed"
    assert aus[0].get("moveOn") == "Completed" and aus[0].get("masteryScore") is None


def test_the_package_is_byte_identical_across_builds(tmp_path: Path) -> None:
    build(BUNDLED, tmp_path / "a", ["cmi5"], BuildOptions(), lambda _: None)
    build(BUNDLED, tmp_path / "b", ["cmi5"], BuildOptions(), lambda _: None)
    name = "cmi5/project-roles.zip"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_course_text_is_escaped_in_cmi5_xml(tmp_path: Path) -> None:
    root = etree.fromstring(_package(tmp_path, BUNDLED).read("cmi5.xml"))
    titles = [t.text for t in root.iter(f"{{{CMI5_NS}}}langstring")]
    assert "Explain how a Project Manager's success is judged." in titles
