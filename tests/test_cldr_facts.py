"""What courseforge reads of CLDR is kept for each shipped language as Babel reads it, and
read with Babel for any other tag or another Babel version, never stale."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from courseforge.locale import cldr, labels_for_language
from courseforge.locale.catalogues import babel_locale, shipped_languages
from courseforge.locale.cldr import cldr_json, cldr_path, facts_of, locale_facts
from courseforge.locale.number_format import number_format


def test_the_kept_facts_are_this_babels() -> None:
    from babel import __version__

    written = {json.loads(cldr_path(language).read_bytes())["babel"]
               for language in shipped_languages()}
    assert written == {__version__}, "run scripts/update_catalogues.py to keep them again"


@pytest.mark.parametrize("language", shipped_languages())
def test_every_shipped_language_keeps_babels_facts_beside_its_catalogue(language: str) -> None:
    read = facts_of(babel_locale(language))
    assert cldr_path(language).read_bytes() == cldr_json(read)
    assert cldr._kept(language) == read
    assert locale_facts(language) == read


def test_the_kept_facts_are_the_whole_of_what_the_labels_use() -> None:
    """Plurals, numbers, percentages, lists and direction of a shipped language load no
    CLDR data in a fresh process, and are what Babel's data gives."""
    counts = (0, 1, 2, 3, 11, 100, 1.5)
    probe = ("import json\nfrom courseforge.locale import labels_for_language\n"
             "labels = labels_for_language('ar')\n"
             f"shown = [labels.text('lesson.minutes', count=n) for n in {counts!r}]\n"
             "shown += [labels.number(-1234.5), labels.percent(66.67), labels.direction,\n"
             "          labels.join(['a', 'b', 'c']), labels.for_browser()['locale']]\n"
             "from babel import localedata\nprint(json.dumps([shown, sorted(localedata._cache)]))")
    shown, loaded = json.loads(subprocess.run([sys.executable, "-c", probe],
                                              capture_output=True, text=True,
                                              check=True).stdout)
    assert loaded == []
    locale = babel_locale("ar")
    forms = dict(labels_for_language("ar").messages["lesson.minutes"])  # type: ignore[arg-type]
    numbers = number_format(facts_of(locale))
    standard = locale.list_patterns["standard"]
    expected = [forms.get(locale.plural_form(n), forms["other"]).replace(
        "{count}", numbers.number(n)) for n in counts]
    expected += [numbers.number(-1234.5), numbers.percent(66.67), "rtl",
                 standard["start"].format("a", standard["end"].format("b", "c")), "ar"]
    assert shown == expected


@pytest.mark.parametrize("tag", ["de-CH", "en-GB", "he", "pl", "pt-BR", "bn", "mr"])
def test_any_other_tag_is_read_with_babel(tag: str) -> None:
    """Also a language whose numbering system's symbols CLDR gives as an alias (bn, mr):
    it writes the Latin ones."""
    assert cldr._kept(tag) is None
    facts = locale_facts(tag)
    assert facts == facts_of(babel_locale(tag))
    assert dict(facts.symbols).keys() == {"decimal", "group", "minusSign", "percentSign"}
    assert labels_for_language(tag).number(1234.5)


@pytest.mark.parametrize("kept", [
    b"", b"{not json", b"null", b'"x"', b"[]",
    lambda good: good.replace(b'"babel": "', b'"babel": "0.0-'),  # another Babel
    lambda good: good.replace(b'"plural_rules": {', b'"plural_rules": "oops", "x": {'),
    lambda good: good.replace(b'"numbering": "latn"', b'"numbering": 7'),
], ids=["empty", "not-json", "null", "string", "list", "babel", "shape", "type"])
def test_kept_facts_not_written_just_so_are_read_again(
        kept: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = cldr_json(facts_of(babel_locale("de")))
    path = tmp_path / "cldr.json"
    path.write_bytes(kept(good) if callable(kept) else kept)  # type: ignore[arg-type]
    assert path.read_bytes() != good
    monkeypatch.setattr(cldr, "cldr_path", lambda language: path)
    assert cldr._kept("de") is None
    path.write_bytes(good)
    assert cldr._kept("de") == facts_of(babel_locale("de"))
