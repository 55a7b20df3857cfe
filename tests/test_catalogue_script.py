"""scripts/update_catalogues.py on the shipped catalogues changes nothing: each entry carries
the English text it was translated from, as the script writes it, so no translation is taken
for stale (marked fuzzy, hence unused) and a rerun leaves every byte in place."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT
from courseforge.locale import catalogues
from courseforge.locale.catalogues import SOURCE_LANGUAGE, shipped_languages

TRANSLATED = [lang for lang in shipped_languages() if lang != SOURCE_LANGUAGE]


def load_script() -> ModuleType:
    """The script as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "update_catalogues", ROOT / "scripts" / "update_catalogues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, Path]:
    """The script, working on a copy of the shipped catalogues."""
    shutil.copytree(catalogues.catalogue_dir(), tmp_path / "locale")
    script = load_script()
    monkeypatch.setattr(script, "catalogue_path", lambda language: tmp_path / "locale" /
                        language / "LC_MESSAGES" / f"{catalogues.DOMAIN}.po")
    return script, tmp_path / "locale"


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_entry_names_the_english_it_translates(language: str) -> None:
    script = load_script()
    english = catalogues.messages_of(SOURCE_LANGUAGE)
    entries = catalogues.read_catalogue(catalogues.catalogue_path(language))
    stale = [key for message in entries if message.id
             for key in [message.id[0] if isinstance(message.id, tuple) else message.id]
             if key in english and script._words(message.auto_comments)
             != script._words(script._english_comment(english[key]))]
    assert stale == []


def test_a_rerun_on_a_clean_tree_changes_nothing(copies: tuple[ModuleType, Path]) -> None:
    script, folder = copies
    before = {path: path.read_bytes() for path in sorted(folder.rglob("*.po"))}
    untranslated = {language: script.update(language, {}) for language in TRANSLATED}
    assert untranslated == {language: [] for language in TRANSLATED}
    changed = [str(path.relative_to(folder)) for path, text in before.items()
               if path.read_bytes() != text]
    assert changed == []


def test_a_changed_english_text_is_marked_fuzzy(copies: tuple[ModuleType, Path]) -> None:
    """The rule that made the reruns change things still holds where it should."""
    script, _ = copies
    path = script.catalogue_path("de")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("#. English: Exit\n", "#. English: Leave\n"), encoding="utf-8")
    assert script.update("de", {}) == ["lesson.exit"]
    assert "#. English: Exit\n#, fuzzy\nmsgid \"lesson.exit\"" in path.read_text(encoding="utf-8")
