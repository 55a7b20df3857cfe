"""SCORM packages: manifests valid against the official schemas, contents, determinism."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from courseforge.build import build
from courseforge.builders.base import BuildOptions
from courseforge.builders.scorm_common import package_plans
from courseforge.loading import load_checked
from scorm_schemas import manifest_errors

VERSIONS = {"scorm12": "1.2", "scorm2004": "2004"}
IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,127}$")
NS = {
    "scorm12": {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
                "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"},
    "scorm2004": {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1",
                  "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
                  "imsss": "http://www.imsglobal.org/xsd/imsss"},
}


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal course built as SCORM packages, one per module too."""
    out = tmp_path_factory.mktemp("out")
    build(Path(__file__).parent / "roots" / "minimal", out, list(VERSIONS),
          BuildOptions(package="per-module"), lambda _: None)
    return out


def packages(output: Path) -> list[tuple[str, Path]]:
    return [(fmt, path) for fmt in VERSIONS for path in sorted((output / fmt).glob("*.zip"))]


def test_one_package_for_the_course_and_one_per_module(output: Path) -> None:
    for fmt in VERSIONS:
        names = sorted(p.name for p in (output / fmt).iterdir())
        assert names == ["team-roles-roles.zip", "team-roles-welcome.zip", "team-roles.zip"]


def test_single_is_the_default(tmp_path: Path) -> None:
    build(Path(__file__).parent / "roots" / "minimal", tmp_path, ["scorm12"], BuildOptions(),
          lambda _: None)
    assert [p.name for p in (tmp_path / "scorm12").iterdir()] == ["team-roles.zip"]


@pytest.mark.parametrize("fmt", list(VERSIONS))
def test_manifests_validate_against_the_official_schemas(output: Path, fmt: str) -> None:
    for path in sorted((output / fmt).glob("*.zip")):
        manifest = zipfile.ZipFile(path).read("imsmanifest.xml")
        assert manifest_errors(manifest, VERSIONS[fmt]) == [], path.name


@pytest.mark.parametrize(("fmt", "good", "bad"), [
    ("scorm2004", b'completionSetByContent="true"', b'completionSetByContent="yes"'),
    ("scorm12", b'adlcp:scormtype="sco"', b'adlcp:scormtype="lesson"'),
    ("scorm12", b"<resources>", b"<resources><resource/>"),
])
def test_a_broken_manifest_is_reported(output: Path, fmt: str, good: bytes, bad: bytes) -> None:
    manifest = zipfile.ZipFile(output / fmt / "team-roles.zip").read("imsmanifest.xml")
    assert good in manifest
    assert manifest_errors(manifest.replace(good, bad), VERSIONS[fmt])


def test_a_passing_score_with_decimals_reaches_both_manifests(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(Path(__file__).parent / "roots" / "minimal", course)
    course_file = course / "course.yml"
    course_file.write_text(course_file.read_text().replace("passing_score: 75",
                                                           "passing_score: 62.5"))
    build(course, tmp_path / "out", ["scorm12", "scorm2004"], BuildOptions(), lambda _: None)
    manifests = {fmt: zipfile.ZipFile(tmp_path / "out" / fmt / "team-roles.zip")
                 .read("imsmanifest.xml") for fmt in VERSIONS}
    root12 = etree.fromstring(manifests["scorm12"])
    assert root12.findtext(".//adlcp:masteryscore", namespaces=NS["scorm12"]) == "62.5"
    root04 = etree.fromstring(manifests["scorm2004"])
    measure = root04.find(".//imsss:minNormalizedMeasure", NS["scorm2004"])
    assert measure is not None and measure.text == "0.625"
    for fmt, manifest in manifests.items():
        assert manifest_errors(manifest, VERSIONS[fmt]) == []


def test_every_file_is_listed_and_every_listed_file_is_there(output: Path) -> None:
    for fmt, path in packages(output):
        archive = zipfile.ZipFile(path)
        names = archive.namelist()
        assert "imsmanifest.xml" in names  # at the root, no wrapper folder
        root = etree.fromstring(archive.read("imsmanifest.xml"))
        resources = root.findall(".//cp:resource", NS[fmt])
        assert len(resources) == 1
        listed = {f.get("href") for f in resources[0].findall("cp:file", NS[fmt])}
        assert listed == set(names) - {"imsmanifest.xml"}, path.name
        assert resources[0].get("href") == "index.html" and "index.html" in listed
        for name in names:
            assert name.isascii() and not name.startswith("/") and ".." not in name.split("/")
            assert re.fullmatch(r"[A-Za-z0-9._/-]+", name), name


def test_identifiers_follow_the_scorm_grammar_and_are_unique(output: Path) -> None:
    for _, path in packages(output):
        root = etree.fromstring(zipfile.ZipFile(path).read("imsmanifest.xml"))
        ids = [e.get("identifier") for e in root.iter() if e.get("identifier")]
        assert len(ids) == len(set(ids)) == 4
        assert all(IDENTIFIER.match(i) for i in ids), ids


def test_one_sco_with_the_passing_score(output: Path) -> None:
    root12 = etree.fromstring(zipfile.ZipFile(output / "scorm12" / "team-roles.zip")
                              .read("imsmanifest.xml"))
    ns = NS["scorm12"]
    assert root12.findtext(".//cp:schemaversion", namespaces=ns) == "1.2"
    assert root12.find(".//cp:resource", ns).get(f"{{{ns['adlcp']}}}scormtype") == "sco"
    assert root12.findtext(".//adlcp:masteryscore", namespaces=ns) == "75"

    root04 = etree.fromstring(zipfile.ZipFile(output / "scorm2004" / "team-roles.zip")
                              .read("imsmanifest.xml"))
    ns = NS["scorm2004"]
    assert root04.findtext(".//cp:schemaversion", namespaces=ns) == "2004 4th Edition"
    assert root04.find(".//cp:resource", ns).get(f"{{{ns['adlcp']}}}scormType") == "sco"
    primary = root04.find(".//imsss:primaryObjective", ns)
    assert primary.get("satisfiedByMeasure") == "true"
    assert primary.findtext("imsss:minNormalizedMeasure", namespaces=ns) == "0.75"
    delivery = root04.find(".//imsss:deliveryControls", ns)
    assert delivery.get("completionSetByContent") == "true"
    assert delivery.get("objectiveSetByContent") == "true"


def test_a_module_package_holds_that_module_only(output: Path) -> None:
    for fmt in VERSIONS:
        html = zipfile.ZipFile(output / fmt / "team-roles-welcome.zip").read("index.html").decode()
        assert 'id="welcome.1"' in html and 'id="welcome.2"' in html
        assert 'id="roles.1"' not in html
        assert f'"standard":"{fmt}"' in html


def test_packages_are_byte_identical_across_builds(output: Path, tmp_path: Path) -> None:
    build(Path(__file__).parent / "roots" / "minimal", tmp_path, list(VERSIONS),
          BuildOptions(package="per-module"), lambda _: None)
    for fmt, path in packages(output):
        assert (tmp_path / fmt / path.name).read_bytes() == path.read_bytes()


def test_package_plans(roots: Path) -> None:
    course = load_checked(roots / "minimal").course
    assert [p.filename for p in package_plans(course, "single")] == ["team-roles.zip"]
    plans = package_plans(course, "per-module")
    assert [p.identifier for p in plans] == ["team-roles", "team-roles-welcome",
                                             "team-roles-roles"]
    assert [len(p.modules) for p in plans] == [2, 1, 1]
