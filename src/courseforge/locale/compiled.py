"""Each shipped catalogue as Babel reads it, kept beside it as JSON for a quick start.

Reading a ``.po`` file with Babel (its reader, and the e-mail parser it reads the header
with) costs a command that needs a few labels about 80 ms. So beside each
``courseforge.po`` lies ``courseforge.json``: the plural expression and the entries Babel
read, with the SHA-256 of the ``.po`` they were read from. A catalogue that no longer
matches its hash (edited since), or has no JSON, is read with Babel, so an edit is never
read stale. ``scripts/update_catalogues.py`` writes the JSON files; a test holds each to
Babel's reading of its catalogue.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

# (message id, the text, or one per plural form, fuzzy)
Entry = tuple[str, str | tuple[str, ...], bool]


def compiled_path(catalogue: Path) -> Path:
    """Where the JSON of a ``.po`` file lies."""
    return catalogue.with_suffix(".json")


def compiled_json(data: bytes, expression: str, entries: Iterable[Entry]) -> bytes:
    """The JSON of a catalogue's bytes ``data``, as Babel read them."""
    head = json.dumps({"po_sha256": hashlib.sha256(data).hexdigest(), "plural": expression})
    lines = [json.dumps(list(entry), ensure_ascii=False) for entry in entries]
    # one entry a line, so that a change to a catalogue shows as the lines it changed
    return (head[:-1] + ', "entries": [\n' + ",\n".join(lines) + "\n]}\n").encode("utf-8")


def read_compiled(catalogue: Path, data: bytes) -> tuple[str, list[Entry]] | None:
    """The plural expression and entries kept for the catalogue whose bytes are ``data``;
    None when there are none, or they were read from other bytes."""
    try:
        document = json.loads(compiled_path(catalogue).read_bytes())
        if document["po_sha256"] != hashlib.sha256(data).hexdigest():
            return None
        entries: list[Entry] = [
            (str(message_id), texts if isinstance(texts, str) else tuple(texts), bool(fuzzy))
            for message_id, texts, fuzzy in document["entries"]]
        return str(document["plural"]), entries
    except (OSError, ValueError, TypeError, KeyError):
        return None
