"""Labels: complete catalogues, fallback, CLDR plurals and numbers, the same in the browser."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, ROOTS, require_executable
from courseforge.loading import load_checked
from courseforge.locale import (
    SOURCE_LANGUAGE,
    fallback_chain,
    labels_for,
    labels_for_language,
    messages_of,
    placeholders,
    shipped_languages,
)
from courseforge.locale.catalogues import catalogue_path, read_catalogue
from courseforge.templating import environment

LABELS_JS = ROOT / "templates" / "lesson" / "labels.js"
RUNNER_JS = Path(__file__).resolve().parent / "js" / "labels_runner.js"
ENGLISH = messages_of(SOURCE_LANGUAGE)


def test_english_catalogue_is_the_source() -> None:
    assert len(ENGLISH) > 50
    assert ENGLISH["lesson.next"] == "Next"
    assert dict(ENGLISH["quiz.attempts_left"]) == {
        "one": "You have {count} attempt left.", "other": "You have {count} attempts left."}


@pytest.mark.parametrize("language", shipped_languages())
def test_every_catalogue_has_every_message_with_its_placeholders(language: str) -> None:
    catalogue = read_catalogue(catalogue_path(language))
    messages = messages_of(language)
    assert sorted(set(ENGLISH) - set(messages)) == [], f"{language} misses these ids"
    assert sorted(set(messages) - set(ENGLISH)) == [], f"{language} has ids English lacks"
    for message_id, english in ENGLISH.items():
        text = messages[message_id]
        assert isinstance(text, str) == isinstance(english, str), message_id
        assert placeholders(text) == placeholders(english), (language, message_id)
    for message in catalogue:
        if message.id and isinstance(message.id, tuple):
            assert len(message.string) == catalogue.num_plurals, (language, message.id[0])
            assert all(message.string), (language, message.id[0], "an empty plural form")
        assert not message.fuzzy, (language, message.id)


def test_fallback_goes_from_region_to_language_to_english() -> None:
    assert fallback_chain("de-CH") == ("de_CH", "de", "en")
    assert fallback_chain("pt-br") == ("pt_BR", "pt", "en")
    assert fallback_chain("en") == ("en",)
    assert labels_for_language("xx-YY").text("lesson.next") == "Next"
    swiss = labels_for_language("de-CH", {"lesson.next": "Witer"})
    assert swiss.text("lesson.next") == "Witer"
    assert swiss.text("lesson.previous") == labels_for_language("de").text("lesson.previous")


def test_placeholders_numbers_and_cldr_plurals() -> None:
    english = labels_for_language("en")
    assert english.text("lesson.page_counter", number=3, total=12) == "Page 3 of 12"
    assert english.text("quiz.attempts_left", count=1) == "You have 1 attempt left."
    assert english.text("quiz.attempts_left", count=2) == "You have 2 attempts left."
    assert english.text("quiz.points", count=1.5) == "1.5 points"
    braces = labels_for_language("en", {"odd": "{a} {not a placeholder} {a}{b}", "plain": "{x"})
    assert braces.text("odd", a=1, b="two") == "1 {not a placeholder} 1two"
    assert "odd" in braces._found and "plain" not in braces._found  # each id looked up once
    assert braces.text("odd", a=2, b="") == "2 {not a placeholder} 2"
    assert braces.text("plain") == "{x"
    assert braces.knows("odd") and braces.knows("lesson.next")  # looked up, and not yet
    assert braces._found["lesson.next"] == "Next"
    assert not braces.knows("no.such.label") and not braces.knows(None)
    clock = labels_for_language("fa", {"clock": "{hours}:{minutes:02d}"})
    assert clock.text("clock", hours=1, minutes=5) == "۱:۰۵"
    with pytest.raises(TypeError):
        english.text("quiz.attempts_left")
    with pytest.raises(KeyError):
        english.text("lesson.page_counter", number=1)
    with pytest.raises(KeyError):
        english.text("no.such.label")
    forms = (("zero", "z {count}"), ("one", "o {count}"), ("two", "t {count}"),
             ("few", "f {count}"), ("many", "m {count}"), ("other", "x {count}"))
    arabic = labels_for_language("ar", {"quiz.points": forms})
    assert [arabic.text("quiz.points", count=n).split()[0] for n in (0, 1, 2, 3, 11, 100)] == \
        ["z", "o", "t", "f", "m", "x"]


def test_locale_numbers_percentages_and_lists() -> None:
    german, french, english = (labels_for_language(tag) for tag in ("de", "fr", "en"))
    assert german.percent(66.666) == "66,7\u00a0%"
    assert german.percent(67) == "67\u00a0%"
    assert english.percent(66.666) == "66.7%"
    assert german.number(1234.5) == "1.234,5"
    assert french.number(1234.5) == "1\u202f234,5"
    assert english.number(-0.004) == "0"
    assert labels_for_language("fa").number(12) == "۱۲"
    # whole numbers as numbers with a fraction are written: grouped, signed, in the digits
    assert [german.number(n) for n in (1234567, -1234, 0)] == ["1.234.567", "-1.234", "0"]
    assert german.number(1234567) == german.number(1234567.0)
    assert labels_for_language("fa").number(-1234) == labels_for_language("fa").number(-1234.0)
    # past the whole numbers a float holds, an int goes through the float rounding as before
    assert english.number(10**16 + 1) == "10,000,000,000,000,002"
    assert english.join(["A", "B", "C"]) == "A, B, and C"
    assert german.join(["A", "B", "C"]) == "A, B und C"
    assert german.join(["A"]) == "A"


def test_text_direction() -> None:
    assert [labels_for_language(t).direction for t in ("ar", "he", "fa", "ar-EG")] == ["rtl"] * 4
    assert [labels_for_language(t).direction for t in ("en", "de", "fr-CA")] == ["ltr"] * 3


def test_jinja_global_speaks_the_course_language() -> None:
    course = load_checked(ROOTS / "minimal").course
    env = environment(course)
    template = env.from_string('{{ label("lesson.page_counter", number=1, total=n) }} '
                               '{{ labels.direction }} {{ label("quiz.you_chose", choice="<b>") }}')
    assert template.render(n=4) == "Page 1 of 4 ltr You chose “&lt;b&gt;”:"
    assert labels_for(course).text("lesson.next") == "Next"


CALLS = [
    ["text", "lesson.page_counter", {"number": 3, "total": 1200}],
    ["text", "quiz.points", {"count": 1}],
    ["text", "quiz.points", {"count": 2}],
    ["text", "quiz.points", {"count": 0}],
    ["text", "quiz.points", {"count": 11}],
    ["text", "quiz.points", {"count": 1.5}],
    ["text", "quiz.you_chose", {"choice": "$& {count}"}],
    ["number", 1234567.891],
    ["number", -2.5],
    ["number", 0.125],
    ["percent", 66.666],
    ["percent", 100],
    ["percent", 0.05],
    ["join", ["A"]],
    ["join", ["A", "B"]],
    ["join", ["A", "B", "C", "D"]],
    ["text", "clock", {"hours": 1, "minutes": 5}],
]


def _python_call(labels, call):  # type: ignore[no-untyped-def]
    method, *args = call
    if method == "text":
        return labels.text(args[0], **args[1])
    return getattr(labels, method)(*args)


@pytest.mark.parametrize("tag", ["en", "de", "de-CH", "fr", "es", "pt", "nl", "ar", "he", "fa"])
def test_browser_labels_match_python(tag: str) -> None:
    node = require_executable("node")
    labels = labels_for_language(tag, {"clock": "{hours}:{minutes:02d}"})
    batch = [{"labels": labels.for_browser(), "calls": CALLS}]
    run = subprocess.run([node, str(RUNNER_JS), str(LABELS_JS)], input=json.dumps(batch),
                         capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(run.stdout)[0] == [_python_call(labels, call) for call in CALLS]


def test_browser_plurals_follow_the_same_cldr_rules() -> None:
    node = require_executable("node")
    forms = {category: category for category in ("zero", "one", "two", "few", "many", "other")}
    tags = ["en", "de", "fr", "es", "pt", "nl", "ar", "he", "fa", "pl", "ru"]
    counts = [*range(0, 120), 1000000, 1.5, 0.5]
    batch = [{"labels": {**labels_for_language(tag).for_browser(), "messages": {"n": forms}},
              "calls": [["text", "n", {"count": n}] for n in counts]} for tag in tags]
    run = subprocess.run([node, str(RUNNER_JS), str(LABELS_JS)], input=json.dumps(batch),
                         capture_output=True, text=True, check=True, timeout=60)
    for tag, browser in zip(tags, json.loads(run.stdout), strict=True):
        python = [labels_for_language(tag).facts.plural_form(n) for n in counts]
        assert browser == python, tag


def test_deck_and_guide_texts_are_the_english_catalogue() -> None:
    from courseforge.builders.pptx.texts import CATALOGUE
    from courseforge.builders.pptx.texts import ENGLISH as DECK

    for key, message_id in CATALOGUE.items():
        english = ENGLISH[message_id]
        if isinstance(english, str):
            assert DECK[key] == english, key
        else:
            assert (DECK[f"{key}:one"], DECK[f"{key}:other"]) == \
                (dict(english)["one"], dict(english)["other"]), key
    assert set(CATALOGUE) == {key.partition(":")[0] for key in DECK}
