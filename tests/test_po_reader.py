"""The quick ``.po`` reader gives the messages Babel's reader gives, or leaves the file to Babel.

``messages_of`` reads a catalogue with ``read_plain_po`` and falls back to Babel when that
returns None. Each test compares with the messages as they were read before the quick reader:
Babel's catalogue, each gettext plural form given the CLDR category of the first of all the
sample numbers that picks it.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courseforge.locale import catalogues
from courseforge.locale.catalogues import (
    _SAMPLES,
    Catalogue,
    babel_locale,
    catalogue_path,
    messages_of,
    shipped_languages,
)
from courseforge.locale.po_reader import read_plain_po

LANGUAGES = ["en", "de", "fr", "ar", "pt", "ga", "ru"]


def babel_messages(data: bytes, language: str) -> dict[str, object] | None:
    """The messages as Babel's catalogue gives them (None when Babel fails or warns)."""
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            catalogue = read_po(io.BytesIO(data), domain="courseforge")
            choose = gettext.c2py(catalogue.plural_expr)
    except Exception:  # whatever Babel fails on, the quick reader must refuse
        return None
    if printed.getvalue():
        return None  # Babel warned: the quick reader must refuse
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


def quick_messages(data: bytes, language: str) -> dict[str, object] | None:
    """The messages as the quick reader gives them, None when it leaves the file to Babel."""
    plain = read_plain_po(data)
    if plain is None:
        return None
    return dict(Catalogue(plain[2], plain[1], language))


@pytest.mark.parametrize("language", shipped_languages())
def test_every_shipped_catalogue_is_read_quickly_and_alike(language: str) -> None:
    data = catalogue_path(language).read_bytes()
    assert read_plain_po(data) is not None, "the shipped catalogue needs Babel's reader"
    expected = babel_messages(data, language)
    assert expected and quick_messages(data, language) == expected
    assert list(messages_of(language).items()) == list(expected.items())


def test_a_catalogue_beyond_the_plain_syntax_is_read_by_babel(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    english = catalogue_path("en").read_text(encoding="utf-8")
    changed = english.replace('msgid "lesson.next"\nmsgstr "Next"',
                              'msgctxt "button"\nmsgid "lesson.next"\nmsgstr "Onward"')
    assert changed != english
    path = tmp_path / "en" / "LC_MESSAGES" / "courseforge.po"
    path.parent.mkdir(parents=True)
    path.write_text(changed + '\n#~ msgid "gone"\n#~ msgstr "Gone"\n', encoding="utf-8")
    assert read_plain_po(path.read_bytes()) is None
    monkeypatch.setattr(catalogues, "catalogue_dir", lambda: tmp_path)
    catalogues.messages_of.cache_clear()
    try:
        read = catalogues.messages_of("en")
    finally:
        catalogues.messages_of.cache_clear()
    assert read["lesson.next"] == "Onward"
    assert "gone" not in read
    assert read == babel_messages(path.read_bytes(), "en")


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
    english = catalogues.messages_of("en")
    first = catalogues.Catalogue(
        read_plain_po(catalogue_path("en").read_bytes())[2], "(n != 1)", "en")  # type: ignore[index]
    assert "quiz.attempts_left" in first and first._categories is None
    assert list(first) == list(english)
    assert dict(first["quiz.attempts_left"]) == {  # type: ignore[arg-type]
        "one": "You have {count} attempt left.", "other": "You have {count} attempts left."}
    assert list(first.items()) == list(english.items())


texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30) | \
    st.sampled_from(["", "a\nb", '"quoted"', "back\\slash", "\\n", "tab\there", "{count} x",
                     " lead", "trail ", "\x0b\x0c", "\u00a0", "\u2028", "é😀", "#~ x", "msgid"])
ids = st.text("abcdefghij._", min_size=1, max_size=12)


@st.composite
def written_catalogues(draw: st.DrawFn) -> tuple[bytes, str]:
    """A catalogue written by Babel: plain and plural messages, fuzzy flags, comments."""
    language = draw(st.sampled_from(LANGUAGES))
    catalogue = Catalog(locale=language, domain="courseforge", fuzzy=draw(st.booleans()))
    forms = get_plural(language).num_plurals
    for message_id in draw(st.lists(ids, unique=True, max_size=12)):
        flags = ["fuzzy"] if draw(st.booleans()) else []
        comments = draw(st.lists(texts.filter(lambda t: "\n" not in t), max_size=2))
        if draw(st.booleans()):
            catalogue.add((message_id, message_id), tuple(draw(st.lists(
                texts, min_size=forms, max_size=forms))), flags=flags, auto_comments=comments)
        else:
            catalogue.add(message_id, draw(texts), flags=flags, user_comments=comments)
    written = io.BytesIO()
    write_po(written, catalogue, width=draw(st.sampled_from([0, 20, 76])),
             omit_header=False, include_previous=False)
    return written.getvalue(), language


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(written_catalogues())
def test_what_babel_writes_is_read_quickly_and_alike(case: tuple[bytes, str]) -> None:
    data, language = case
    expected = babel_messages(data, language)
    assert expected is not None
    assert quick_messages(data, language) == expected


STRAY = [
    "", "#", "# note", "#, fuzzy", "#,fuzzy, python-format", "#: a.py:1", "#: \u2068a b\u2069:2",
    "#. auto", "#| msgid \"old\"", "#~ msgid \"old\"", "#~ msgstr \"Old\"", "#-#-#-#-#",
    'msgid ""', 'msgid "a"', "msgid", 'msgid  "a"', 'msgid\t"a"', 'msgid "a', 'msgid_plural "as"',
    'msgstr ""', 'msgstr "A"', 'msgstr[0] "one"', 'msgstr[2] "three"', 'msgstr[01] "x"',
    'msgstr[x] "x"', 'msgstr[1]"x"', 'msgctxt "c"', '"more"', '"\\x"', '"unclosed',
    '  "indented"  ', "\ufeff", "\x0c", 'msgid "\u00a0a"\u00a0',
]
GOOD = ['""', '"a"', '"b"', '"A\\n"', '"\\t\\"q\\\\"', '"\\x"', '"{count} x"', '"\u00e9"', '" "']
QUOTED = st.sampled_from(GOOD * 4 + ['"a"\u00a0', '"c', "'d'"])
HEADERS = [
    "Plural-Forms: nplurals=2; plural=(n != 1);", "Plural-Forms: nplurals=3; plural=n%3;",
    "Plural-Forms: nplurals=x;", "Plural-Forms: nplurals; plural=(n>1)", "Plural-Forms: plural=0;",
    "plural-forms:nplurals=1; plural=0;", "Plural-Forms:  nplurals = 2 ;plural = n>1",
    "Content-Type: text/plain; charset=utf-8", "Content-Type: text/plain; charset=latin-1",
    "Content-Type: text/plain; charset=CHARSET", "Language: fr", "X-Bad line", "",
    "Folded:\\n value", "X-Tab:\\tvalue", "X-Return: a\\rb",
]


@st.composite
def header(draw: st.DrawFn) -> list[str]:
    """A header entry: its lines drawn from plausible and odd ones."""
    if draw(st.integers(0, 3)):  # mostly the usual header, now and then a field added
        fields = [HEADERS[0], HEADERS[7], *draw(st.lists(st.sampled_from(HEADERS), max_size=1))]
    else:
        fields = draw(st.lists(st.sampled_from(HEADERS), max_size=3))
    return ['msgid ""', 'msgstr ""', *(f'"{field}\\n"' for field in fields)]


@st.composite
def entry(draw: st.DrawFn) -> list[str]:
    """An entry: comments, msgid, maybe msgid_plural, its msgstr lines, continuations."""
    lines = draw(st.lists(st.sampled_from(["#, fuzzy", "# note", "#: a.py:1", "#. auto"]),
                          max_size=2))
    lines.append("msgid " + draw(ids.map('"{}"'.format) | QUOTED))
    plural = draw(st.booleans())
    if plural:
        lines.append(f"msgid_plural {draw(QUOTED)}")
        indices = (draw(st.permutations(range(draw(st.integers(1, 2))))) if draw(st.integers(0, 5))
                   else draw(st.lists(st.integers(0, 3), min_size=1, max_size=4)))
        for index in indices:
            lines.append(f"msgstr[{index}] {draw(QUOTED)}")
    else:
        lines.append(f"msgstr {draw(QUOTED)}")
    lines += [draw(QUOTED) for _ in range(draw(st.integers(0, 2)))]
    return lines


@st.composite
def hand_written(draw: st.DrawFn) -> bytes:
    """A catalogue as a person might edit one: entries, now and then an odd line."""
    lines = draw(header()) if draw(st.integers(0, 9)) else []
    for _ in range(draw(st.integers(0, 6))):
        if not draw(st.integers(0, 9)):
            lines.append(draw(st.sampled_from(STRAY)))
        lines += draw(entry())
        lines.append("")
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return newline.join(lines).encode("utf-8")


@FUZZ
@given(hand_written(), st.sampled_from(LANGUAGES))
def test_any_other_catalogue_is_read_alike_or_left_to_babel(data: bytes, language: str) -> None:
    quick = quick_messages(data, language)
    if quick is not None:
        assert quick == babel_messages(data, language)


HEADER = ['msgid ""', 'msgstr ""', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
          '"Content-Type: text/plain; charset=utf-8\\n"']


def test_bytes_that_are_not_utf8_are_left_to_babel() -> None:
    data = "\n".join([*HEADER, 'msgid "a"', 'msgstr "\u00e9"']).encode("latin-1")
    assert read_plain_po(data) is None
    assert read_plain_po(data.decode("latin-1").encode("utf-8")) is not None
