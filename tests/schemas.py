"""The one lookup of the official schema folders and the one way to report a document's errors.

Each standard's schemas live in ``<repo>/../shared/<name>`` unless an environment variable names
another folder; they are never copied into the project. A folder that is missing (or lacks the
files a test needs) skips the test locally and fails it under ``CI=true``, naming the variable.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import ROOT, require


def schema_folder(variable: str, name: str, *needed: str, what: str) -> Path:
    """The folder ``$variable`` names (default ``../shared/<name>``) holding every ``needed``."""
    folder = Path(os.environ.get(variable, ROOT.parent / "shared" / name))
    require(all((folder / path).exists() for path in needed),
            f"{what} in {folder} (${variable})")
    return folder


def schema_errors(schema: Any, document: bytes) -> list[str]:
    """The ``line: message`` errors of an XML document against an lxml schema; empty when valid."""
    from lxml import etree

    root = etree.fromstring(document, etree.XMLParser(no_network=True))
    if schema.validate(root):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]


def offline_parser(locate: Callable[[str], Path | tuple[Path, bytes] | None]) -> Any:
    """An lxml parser that fetches nothing: an imported URL is read from the file (or the
    patched text of the file) ``locate`` returns for it, and fails when it returns None."""
    from lxml import etree

    class Resolver(etree.Resolver):
        def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
            found = locate(url)
            if isinstance(found, Path):
                return self.resolve_filename(str(found), context)
            if found is not None:
                path, text = found
                return self.resolve_string(text, context, base_url=path.as_uri())
            return None

    parser = etree.XMLParser(no_network=True, load_dtd=False)
    parser.resolvers.add(Resolver())
    return parser
