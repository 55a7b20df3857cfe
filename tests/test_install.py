"""The default theme ships inside the wheel and is found from a wheel and an editable install."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def theme_files() -> list[str]:
    """Theme files tracked in the source tree, relative to templates/."""
    listed = subprocess.run(
        ["git", "ls-files", "templates"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return sorted(p.removeprefix("templates/") for p in listed if (ROOT / p).is_file())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the tracked files, as from a fresh clone: building in the
    working tree would leave build/ behind, whose stale files the next wheel would ship."""
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=True).stdout.decode().split("\0")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("courseforge-*.whl")
    return found


def test_wheel_contains_the_whole_theme(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = theme_files()
    assert expected, "the theme folder is empty"
    missing = [f for f in expected if f"courseforge/theme/{f}" not in names]
    assert not missing
    shipped = {n.removeprefix("courseforge/theme/") for n in names
               if n.startswith("courseforge/theme/")}
    assert shipped <= {*expected, "__init__.py"}  # nothing stale or untracked


def test_wheel_contains_every_catalogue_and_the_translation_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    locale = ROOT / "src" / "courseforge" / "locale"
    catalogues = sorted(p.relative_to(ROOT / "src").as_posix()
                        for p in locale.glob("*/LC_MESSAGES/*.po"))
    assert len(catalogues) >= 7
    assert [c for c in catalogues if c not in names] == []
    kept = sorted(p.relative_to(ROOT / "src").as_posix()  # each read at once, not by Babel
                  for p in locale.glob("*/LC_MESSAGES/*.json"))
    assert len(kept) == 2 * len(catalogues) and [k for k in kept if k not in names] == []
    assert "courseforge/translation/exporting.py" in names


def test_wheel_contains_the_theme_compiled(wheel: Path) -> None:
    """The default theme's templates as Jinja's code (courseforge/theme_code.py)."""
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("courseforge/theme_code.json")
    assert shipped == (ROOT / "src" / "courseforge" / "theme_code.json").read_bytes()


def test_installed_wheel_finds_its_theme_and_builds(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "from courseforge.templating import theme_dir; import sys; d = theme_dir(); "
        "print(d); sys.exit(0 if (d / '__init__.py').is_file() else 3)"
    )
    result = subprocess.run(
        [str(python), "-c", probe], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    theme = Path(result.stdout.strip())
    assert theme.is_relative_to(env_dir)
    build = subprocess.run(
        [
            str(python),
            "-m",
            "courseforge",
            "build",
            str(ROOT / "tests" / "roots" / "minimal"),
            "-o",
            str(tmp_path / "out"),
            "-f",
            "json",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "out" / "course.json").is_file()


def test_source_tree_install_uses_the_templates_folder() -> None:
    import courseforge
    from courseforge.templating import theme_dir

    if not Path(courseforge.__file__).resolve().is_relative_to(ROOT / "src"):
        pytest.skip("courseforge is not installed from this source tree")
    assert theme_dir().resolve() == (ROOT / "templates").resolve()
