"""Keep every message catalogue in step with the English one.

Usage: python scripts/update_catalogues.py [LANG ...] [--translations FILE.json]

For each catalogue (every shipped one, or the languages given): adds the message ids
English has (empty, so the completeness test fails until someone translates them), drops
the ids English no longer has, marks fuzzy the entries whose English text changed (a fuzzy
entry is not used, and the test fails until it is translated again), and writes the English
text above each entry as a comment for the translator. A JSON file of
{lang: {id: text or {category: text}}} fills in translations. A new language gets a
catalogue with its CLDR plural forms. Last, every catalogue's JSON is written beside it
(what Babel reads in it, for a quick start; see courseforge/locale/compiled.py), and so is
what courseforge reads of its language's CLDR data (courseforge/locale/cldr.py).
"""

from __future__ import annotations

import argparse
import gettext
import json
from pathlib import Path
from typing import Any

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import write_po

from courseforge.locale.catalogues import (
    SOURCE_LANGUAGE,
    catalogue_path,
    compile_catalogue,
    messages_of,
    read_catalogue,
    shipped_languages,
)
from courseforge.locale.cldr import compile_cldr

HEADER = """# courseforge's own texts in {name}, translated from the English catalogue.
# msgid is a message id; msgstr the text. Keep every {{placeholder}}; a plural message
# has one form per plural form of the language (CLDR rules)."""


def _english_comment(text: str | tuple[tuple[str, str], ...]) -> list[str]:
    if isinstance(text, str):
        return [f"English: {text}"]
    return [f"English ({category}): {form}" for category, form in text]


def _words(comments: list[str]) -> list[str]:
    """Comment text as words, however a .po writer wrapped its lines."""
    return " ".join(comments).split()


def _form_categories(language: str) -> list[str]:
    """The CLDR category of each gettext plural form of a language."""
    plural = get_plural(language)
    choose = gettext.c2py(plural.plural_expr)
    locale = Locale.parse(language)
    categories: dict[int, str] = {}
    for n in (*range(0, 1001), 10**6, 10**6 + 1):
        categories.setdefault(choose(n), locale.plural_form(n))
    return [categories.get(i, "other") for i in range(plural.num_plurals)]


def update(language: str, translations: dict[str, Any]) -> list[str]:
    """Rewrite one catalogue; the ids still untranslated."""
    english = read_catalogue(catalogue_path(SOURCE_LANGUAGE))
    path = catalogue_path(language)
    old = read_catalogue(path) if path.is_file() else None
    plural = get_plural(language)
    categories = _form_categories(language)
    catalogue = Catalog(locale=language, domain="courseforge", project="courseforge",
                        fuzzy=False)
    missing = []
    for message in english:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        given = translations.get(key)
        kept = old.get(key) if old is not None else None
        comments = _english_comment(messages_of(SOURCE_LANGUAGE)[key])
        if isinstance(message.id, tuple):
            if isinstance(given, dict):
                forms = tuple(given.get(c) or given.get("other", "") for c in categories)
            elif isinstance(given, str):
                forms = (given,) * plural.num_plurals
            elif kept is not None and isinstance(kept.string, tuple):
                forms = tuple(kept.string) + ("",) * (plural.num_plurals - len(kept.string))
            else:
                forms = ("",) * plural.num_plurals
            catalogue.add(message.id, forms[:plural.num_plurals], auto_comments=comments)
            done = all(forms)
        else:
            text = given if isinstance(given, str) else (kept.string if kept else "")
            catalogue.add(key, text, auto_comments=comments)
            done = bool(text)
        if kept is not None and given is None and _words(kept.auto_comments) != _words(comments):
            catalogue[key].flags.add("fuzzy")  # the English changed: translate again
            done = False
        if not done:
            missing.append(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        write_po(stream, catalogue, width=100, no_location=True, omit_header=False)
    _tidy_header(path, Locale.parse(language).english_name or language, language,
                 catalogue.plural_forms)
    return missing


def _tidy_header(path: Path, name: str, language: str, plural_forms: str) -> None:
    """A short header: no dates or placeholder names, so a rerun changes nothing."""
    text = path.read_text(encoding="utf-8")
    entries = text.split('\n\n', 1)[1]
    header = "\n".join([
        HEADER.format(name=name), 'msgid ""', 'msgstr ""',
        '"Project-Id-Version: courseforge\\n"', f'"Language: {language}\\n"',
        f'"Plural-Forms: {plural_forms}\\n"', '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=utf-8\\n"', '"Content-Transfer-Encoding: 8bit\\n"'])
    path.write_text(header + "\n\n" + entries, encoding="utf-8")


def main() -> None:
    """Update the catalogues named on the command line, or all of them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("languages", nargs="*")
    parser.add_argument("--translations", type=Path)
    args = parser.parse_args()
    given = json.loads(args.translations.read_text("utf-8")) if args.translations else {}
    languages = args.languages or [lang for lang in shipped_languages()
                                   if lang != SOURCE_LANGUAGE]
    for language in languages:
        missing = update(language, given.get(language, {}))
        print(f"{language}: {len(missing)} untranslated" + (f" ({', '.join(missing)})"
                                                             if missing else ""))
    for language in shipped_languages():  # English too: each as Babel now reads it
        compile_catalogue(language)
        compile_cldr(language)


if __name__ == "__main__":
    main()
