"""What courseforge reads of CLDR is kept for each shipped language as Babel reads it, and
read with Babel for any other tag or another Babel version, never stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from courseforge.locale import cldr, labels_for_language
from courseforge.locale.catalogues import babel_locale, shipped_languages
from courseforge.locale.cldr import cldr_json, cldr_path, facts_of, locale_facts


@pytest.mark.parametrize("language", shipped_languages())
def test_every_shipped_language_keeps_babels_facts_beside_its_catalogue(language: str) -> None:
    read = facts_of(babel_locale(language))
    assert cldr._kept(language) == read
    assert cldr_path(language).read_bytes() == cldr_json(read)
    assert locale_facts(language) == read


def test_the_kept_facts_are_the_whole_of_what_the_labels_use() -> None:
    """Plurals, numbers, percentages, lists and direction of a shipped language load no
    CLDR data in a fresh process, and give what Babel's data gives."""
    probe = ("import sys\nfrom courseforge.locale import labels_for_language\n"
             "labels = labels_for_language('ar')\n"
             "shown = [labels.text('lesson.minutes', count=n) for n in (0, 1, 2, 3, 11, 100)]\n"
             "shown += [labels.number(-1234.5), labels.percent(66.67), labels.direction,\n"
             "          labels.join(['a', 'b', 'c']), labels.for_browser()['locale']]\n"
             "from babel import localedata\nprint(repr(shown)); print(sorted(localedata._cache))")
    shown, loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True,
                                   text=True, check=True).stdout.splitlines()
    assert loaded == "[]"
    labels = labels_for_language("ar")
    plural = labels.messages["lesson.minutes"]
    locale = babel_locale("ar")
    expected = [dict(plural).get(locale.plural_form(n), dict(plural)["other"])  # type: ignore
                .replace("{count}", labels.number(n)) for n in (0, 1, 2, 3, 11, 100)]
    assert eval(shown)[:6] == expected


@pytest.mark.parametrize("tag", ["de-CH", "en-GB", "he", "pl", "pt-BR"])
def test_any_other_tag_is_read_with_babel(tag: str) -> None:
    assert cldr._kept(tag) is None
    assert locale_facts(tag) == facts_of(babel_locale(tag))


def test_facts_kept_by_another_babel_are_read_again(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    kept = tmp_path / "cldr.json"
    kept.write_bytes(cldr_json(facts_of(babel_locale("de"))).replace(
        b'"babel": "', b'"babel": "0.0-'))
    monkeypatch.setattr(cldr, "cldr_path", lambda language: kept)
    assert cldr._kept("de") is None
    kept.write_bytes(b"{not json")
    assert cldr._kept("de") is None
