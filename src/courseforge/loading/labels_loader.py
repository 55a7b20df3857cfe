"""``labels.yml``: a course's own texts for the labels the tool writes, checked against the
English catalogue (unknown ids, placeholders that do not match, plural forms).

Top-level keys with a dot are message ids for every language; other top-level keys are
language tags holding ids for that language only::

    quiz.try_again: Have another go
    de:
      quiz.try_again: Noch einmal
      quiz.attempts_left: {one: "Noch ein Versuch.", other: "Noch {count} Versuche."}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Diagnostic, did_you_mean, error, warning
from ..locale import SOURCE_LANGUAGE, Message, fallback_chain, messages_of, placeholders
from ..model import LabelOverride, Source
from .files import read_text
from .located_yaml import LocatedDict, parse_yaml

LABELS_FILE = "labels.yml"
CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def load_labels(root: Path, diagnostics: list[Diagnostic]) -> tuple[LabelOverride, ...]:
    """The overrides of ``labels.yml`` (none when the course has no such file)."""
    path = root / LABELS_FILE
    if not (path.exists() or path.is_symlink()):  # a broken link is an error
        return ()
    text = read_text(root, path, diagnostics)
    if text is None:
        return ()
    data, found = parse_yaml(text, LABELS_FILE)
    diagnostics.extend(found)
    if data is None:
        return ()
    if not isinstance(data, LocatedDict):
        diagnostics.append(error(LABELS_FILE, getattr(data, "line", 1), "labels.yml must map "
                                 "label ids (or language tags) to texts", "labels.structure"))
        return ()
    overrides: list[LabelOverride] = []
    for key, value in data.items():
        line = data.line_of(key)
        if "." in key:
            overrides += _override(key, "", value, line, diagnostics)
        elif isinstance(value, LocatedDict) and _is_language(key):
            language = fallback_chain(key)[0]
            for message_id, text in value.items():
                overrides += _override(message_id, language, text, value.line_of(message_id),
                                       diagnostics)
        else:
            diagnostics.append(error(LABELS_FILE, line, f"'{key}' is neither a label id (such as "
                                     "lesson.next) nor a language tag holding labels",
                                     "labels.unknown"))
    return tuple(overrides)


def _is_language(key: str) -> bool:
    from .course_loader import LANGUAGE

    return bool(LANGUAGE.match(key))


def _override(message_id: str, language: str, value: Any, line: int,
              diagnostics: list[Diagnostic]) -> list[LabelOverride]:
    english = messages_of(SOURCE_LANGUAGE)
    if message_id not in english:
        diagnostics.append(error(LABELS_FILE, line, f"unknown label id '{message_id}'"
                                 f"{did_you_mean(message_id, english)}", "labels.unknown"))
        return []
    text = _text(message_id, value, english[message_id], line, diagnostics)
    if text is None:
        return []
    _check_placeholders(message_id, text, english[message_id], line, diagnostics)
    return [LabelOverride(id=message_id, language=language, text=text,
                          source=Source(path=LABELS_FILE, line=line))]


def _text(message_id: str, value: Any, english: Message, line: int,
          diagnostics: list[Diagnostic]) -> Message | None:
    plural = not isinstance(english, str)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        if not text:
            diagnostics.append(error(LABELS_FILE, line, f"the label '{message_id}' is empty",
                                     "labels.value"))
            return None
        return (("other", text),) if plural else text
    if isinstance(value, LocatedDict) and plural:
        forms = []
        for category, form in value.items():
            if category not in CATEGORIES:
                diagnostics.append(error(LABELS_FILE, value.line_of(category), f"'{category}' "
                                         f"is not a plural category; use {', '.join(CATEGORIES)}",
                                         "labels.plural"))
            elif not isinstance(form, str) or not form.strip():
                diagnostics.append(error(LABELS_FILE, value.line_of(category), f"the '{category}'"
                                         f" form of '{message_id}' must be text", "labels.value"))
            else:
                forms.append((category, form.strip()))
        if forms and "other" not in dict(forms):
            diagnostics.append(error(LABELS_FILE, line, f"'{message_id}' needs an 'other' form, "
                                     "used for every count no other form covers", "labels.plural"))
            return None
        return tuple(sorted(forms)) if forms else None
    what = ("text, or a mapping of plural forms (one, other...)" if plural else "text")
    diagnostics.append(error(LABELS_FILE, line, f"the label '{message_id}' must be {what}",
                             "labels.value"))
    return None


def _check_placeholders(message_id: str, text: Message, english: Message, line: int,
                        diagnostics: list[Diagnostic]) -> None:
    expected, used = placeholders(english), placeholders(text)
    unknown = sorted(used - expected)
    if unknown:
        names = ", ".join(f"{{{name}}}" for name in unknown)
        have = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "no placeholders"
        diagnostics.append(error(LABELS_FILE, line, f"the label '{message_id}' uses {names}, "
                                 f"which it does not have (it has {have})", "labels.placeholder"))
    missing = sorted(expected - used - {"count"})
    if missing:
        names = ", ".join(f"{{{name}}}" for name in missing)
        diagnostics.append(warning(LABELS_FILE, line, f"the label '{message_id}' leaves out "
                                   f"{names}", "labels.placeholder"))
