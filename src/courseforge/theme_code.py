"""The default theme's templates as Jinja compiles them, shipped so that a build need not.

Jinja turns a template into Python source before Python compiles it, and that (parsing and
generating code) is most of a template's cost: about 45 ms for the lesson's three, in every
process that renders them. ``theme_code.json`` holds the Python source Jinja writes for each
template of the default theme, with the SHA-1 of the template it was made from (the checksum
Jinja's bytecode cache compares) and the Jinja version that wrote it. :class:`ShippedCode` is
a bytecode cache that only reads: a default template whose file still has that checksum,
under that Jinja, is compiled from the shipped source by Python alone; an override, an edited
theme file or another Jinja is compiled by Jinja as before. ``scripts/compile_theme.py``
writes the file; ``tests/test_theme_code.py`` fails when it is not what Jinja makes now.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2

CODE_FILE = Path(__file__).with_name("theme_code.json")
_KEY_SEPARATOR = "\0"


class ShippedCode(jinja2.BytecodeCache):
    """Jinja's code for the default theme's templates (``theme``), read from the shipped file."""

    def __init__(self, theme: Path) -> None:
        self._theme = theme
        self._entries: dict[str, Any] | None = None  # read when a template is first loaded

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """The template's name and file when it is the default theme's, else no key."""
        if filename is None or Path(filename) != self._theme / name:
            return ""
        return name + _KEY_SEPARATOR + filename

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """The shipped code of an unchanged default template, compiled for its file."""
        name, _, filename = bucket.key.partition(_KEY_SEPARATOR)
        entry = self.entries().get(name) if name else None
        if entry is not None and entry["sha1"] == bucket.checksum:
            bucket.code = compile(entry["code"], filename, "exec")

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Nothing is written: only what ships is read."""

    def entries(self) -> dict[str, Any]:
        """Template name -> ``{"sha1", "code"}``; none when another Jinja wrote the file."""
        if self._entries is None:
            try:
                shipped = json.loads(CODE_FILE.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                shipped = {}
            fits = shipped.get("jinja") == jinja2.__version__
            self._entries = shipped.get("templates", {}) if fits else {}
        return self._entries


def theme_code(env: jinja2.Environment, theme: Path) -> dict[str, Any]:
    """What ``theme_code.json`` holds for the ``.j2`` templates under ``theme``, read by
    ``env``'s loader and compiled by ``env`` as a build would."""
    assert env.loader is not None and env.bytecode_cache is not None
    templates = {}
    for path in sorted(theme.rglob("*.j2")):
        name = path.relative_to(theme).as_posix()
        source, filename, _ = env.loader.get_source(env, name)
        templates[name] = {"sha1": env.bytecode_cache.get_source_checksum(source),
                           "code": env.compile(source, name, filename, raw=True)}
    return {"jinja": jinja2.__version__, "templates": templates}
