"""Each shipped catalogue's JSON is Babel's reading of it, and an edited catalogue is read by
Babel, never stale.

The reference in each test is the messages as Babel's catalogue gives them, each gettext
plural form given the CLDR category of the first sample number that picks it.
"""

from __future__ import annotations

import gettext
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from courseforge.locale import catalogues
from courseforge.locale.catalogues import (
    _SAMPLES,
    Catalogue,
    babel_locale,
    babel_reading,
    catalogue_path,
    messages_of,
    shipped_languages,
)
from courseforge.locale.cldr import cldr_path
from courseforge.locale.compiled import compiled_json, compiled_path, read_compiled

ROOT = Path(__file__).resolve().parent.parent


def babel_messages(path: Path, language: str) -> dict[str, object]:
    """The messages of a catalogue as Babel's catalogue gives them."""
    with path.open("rb") as stream:
        catalogue = read_po(stream, domain="courseforge")
    choose = gettext.c2py(catalogue.plural_expr)
    locale = babel_locale(language)
    categories: dict[int, str] = {}
    for n in _SAMPLES:
        categories.setdefault(choose(n), locale.plural_form(n))
    found: dict[str, object] = {}
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            pairs = {categories.get(i, "other"): text for i, text in enumerate(message.string)
                     if text}
            if pairs:
                found[message.id[0]] = tuple(sorted(pairs.items()))
        elif isinstance(message.string, str) and message.string and not message.fuzzy:
            found[message.id] = message.string
    return found


@pytest.mark.parametrize("language", shipped_languages())
def test_every_shipped_catalogue_has_babels_reading_beside_it(language: str) -> None:
    path = catalogue_path(language)
    kept = compiled_path(path)
    assert kept.is_file(), "run scripts/update_catalogues.py"
    compiled = read_compiled(path, path.read_bytes())
    assert compiled is not None, f"{kept.name} is older than its catalogue: " \
                                 "run scripts/update_catalogues.py"
    expression, entries = babel_reading(path)
    assert compiled == (expression, entries)
    # written as the script writes it, byte for byte
    assert kept.read_bytes() == compiled_json(path.read_bytes(), expression, entries)
    assert list(messages_of(language).items()) == list(babel_messages(path, language).items())


@pytest.fixture
def english_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The English catalogue and its JSON in a folder of their own, read from there."""
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for source in (catalogue_path("en"), compiled_path(catalogue_path("en"))):
        shutil.copy(source, folder / source.name)
    monkeypatch.setattr(catalogues, "catalogue_dir", lambda: tmp_path)
    catalogues.messages_of.cache_clear()
    yield folder / "courseforge.po"
    catalogues.messages_of.cache_clear()


@pytest.mark.parametrize("json_state", ["kept", "missing", "damaged", "not json"])
def test_an_edited_catalogue_is_read_by_babel_not_from_its_json(english_copy: Path,
                                                               json_state: str) -> None:
    text = english_copy.read_text(encoding="utf-8")
    changed = text.replace('msgid "lesson.next"\nmsgstr "Next"',
                           'msgctxt "button"\nmsgid "lesson.next"\nmsgstr "Onward"')
    assert changed != text
    english_copy.write_text(changed + '\n#~ msgid "gone"\n#~ msgstr "Gone"\n', encoding="utf-8")
    kept = compiled_path(english_copy)
    if json_state == "missing":
        kept.unlink()
    elif json_state == "damaged":
        kept.write_text('{"po_sha256": 1, "entries": 2}', encoding="utf-8")
    elif json_state == "not json":
        kept.write_bytes(b"\xff{")
    assert read_compiled(english_copy, english_copy.read_bytes()) is None
    read = catalogues.messages_of("en")
    assert read["lesson.next"] == "Onward"
    assert "gone" not in read
    assert dict(read) == babel_messages(english_copy, "en")


def test_an_unedited_catalogue_is_read_from_its_json(english_copy: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def no_babel(path: Path) -> None:
        raise AssertionError(f"{path} read with Babel")

    monkeypatch.setattr(catalogues, "read_catalogue", no_babel)
    assert catalogues.messages_of("en")["lesson.next"] == "Next"


def imported_after(code: str) -> list[str]:
    """The Babel and e-mail modules a fresh process has imported after running ``code``."""
    probe = (f"import sys; {code}; "
             "print(sorted(m for m in sys.modules if m.startswith(('babel', 'email'))))")
    return eval(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                               check=True).stdout)


def test_plain_labels_need_no_babel_and_plurals_no_babel_catalogue() -> None:
    assert imported_after("from courseforge.locale import labels_for_language; "
                          "labels_for_language('ar').text('lesson.next')") == []
    after_plural = imported_after("from courseforge.locale import labels_for_language; "
                                  "labels_for_language('ar').text('lesson.minutes', count=3)")
    assert "babel.core" in after_plural
    assert not [m for m in after_plural if m.startswith(("babel.messages", "email"))]


def test_plurals_are_named_when_read_and_alike_in_every_order() -> None:
    path = catalogue_path("en")
    expression, entries = babel_reading(path)
    first = Catalogue(entries, expression, "en")
    assert "quiz.attempts_left" in first and first._categories is None
    assert list(first) == list(messages_of("en"))
    assert dict(first["quiz.attempts_left"]) == {  # type: ignore[arg-type]
        "one": "You have {count} attempt left.", "other": "You have {count} attempts left."}
    assert list(first.items()) == list(messages_of("en").items())


def test_the_script_writes_the_json_of_every_catalogue(tmp_path: Path) -> None:
    copy = tmp_path / "locale"
    shutil.copytree(catalogue_path("en").parent.parent.parent, copy,
                    ignore=shutil.ignore_patterns("*.py", "__pycache__", "*.json"))
    probe = ("import sys; from pathlib import Path; from courseforge.locale import catalogues;"
             f" catalogues.catalogue_dir = lambda: Path({str(copy)!r});"
             f" sys.argv = ['update_catalogues.py']; sys.path.insert(0, {str(ROOT / 'scripts')!r});"
             " import update_catalogues; update_catalogues.main()")
    subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True)
    for language in shipped_languages():
        for shipped in (compiled_path(catalogue_path(language)), cldr_path(language)):
            written = copy / language / "LC_MESSAGES" / shipped.name
            assert written.read_bytes() == shipped.read_bytes(), (language, shipped.name)
