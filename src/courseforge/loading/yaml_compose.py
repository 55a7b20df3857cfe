"""Composing YAML into nodes: libyaml when a document cannot tell it from PyYAML's own parser.

PyYAML's pure-Python parser is the reference: a course must read the same everywhere,
with or without libyaml. libyaml reads some documents differently (an empty tag, tabs,
a BOM inside the text, NEL and Unicode line breaks, a key of about 1024 characters, a
block scalar's indicators run against text, a '?' inside a flow collection) and recurses
in C without a limit. ``libyaml_reads_alike`` is a cheap scan that admits a document only
when it holds none of those constructs; the rest, and any document libyaml fails on, are
read by the pure parser. tests/test_yaml_compose.py holds the two to the same located
values and diagnostics on generated documents and on every test course.
"""

from __future__ import annotations

import re

import yaml

try:
    from yaml import CSafeLoader as _FastLoader
except ImportError:  # PyYAML built without libyaml
    _FastLoader = None

# ranges of the scan, each a construct where the two parsers part ways:
_DIFFERENT = re.compile(
    # a tag or tag directive: an empty tag '!' reads differently; tags are rare in a course
    r"(?:^|[\s\[\]{},:])!|^%"
    # a tab: PyYAML's parser lets no tab stand before a token, libyaml lets some
    # BOM, NEL, line and paragraph separators, and what PyYAML refuses as unprintable (the
    # characters outside its printable set, named directly: a class of everything else
    # takes longer to compile than the scan takes to run)
    "|[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
    # a line long enough for the two parsers' limits on a key's length to differ
    "|[^\n]{1000}"
    # a block scalar's indicators run against text: PyYAML's parser wants a space first
    r"|(?:^|[\s:?,\[{-])[|>][-+0-9]*[^\s+0-9-]",
    re.MULTILINE,
)
# more nesting than this could exhaust the C stack; the loader refuses 50 levels anyway
_MAX_NESTING = 1000
_LINE_START = re.compile(r"^[ \t?:-]*", re.MULTILINE)
# where a flow collection ([...] or {...}) may start
_FLOW_START = re.compile(r"(?:^|(?<=[\s\[{,:]))[\[{]", re.MULTILINE)
# inside one: a '?' (PyYAML's parser ends a plain scalar there, libyaml does not), a
# double quote, a single-quoted scalar or a comment (a bracket in them would not count)
_FLOW_DIFFERENT = re.compile(r"[?\"#]|(?:^|[\s\[{,:])'")


def _flow_alike(text: str) -> bool:
    """Whether every flow collection closes and holds nothing that the two parsers read
    differently in flow context (with no quote or comment inside, each bracket counts)."""
    end = 0
    for start in _FLOW_START.finditer(text):
        if start.start() < end:
            continue
        depth, end = 0, start.start()
        while True:  # line by line, until the brackets balance
            stop = text.find("\n", end)
            stop = len(text) if stop < 0 else stop + 1
            segment = text[end:stop]
            if _FLOW_DIFFERENT.search(segment):
                return False
            depth += (segment.count("[") + segment.count("{")
                      - segment.count("]") - segment.count("}"))
            end = stop
            if depth <= 0 or stop >= len(text):
                break
        if depth:
            return False
    return True


def libyaml_reads_alike(text: str) -> bool:
    """True when libyaml composes ``text`` into the same nodes as PyYAML's parser, or fails."""
    if _DIFFERENT.search(text) or not _flow_alike(text):
        return False
    # a block collection starts within its line's indentation and indicators, one level
    # deeper per column at most (two where a sequence sits at its key's column)
    widest = max(map(len, _LINE_START.findall(text)), default=0)
    nesting = text.count("[") + text.count("{") + 2 * (widest + 2)
    return nesting <= _MAX_NESTING


def compose_fast(text: str) -> yaml.Node | None:
    """The document's node through libyaml, or None when it is empty.

    Raises what libyaml raises; call only for a text ``libyaml_reads_alike`` admits.
    A plain scalar's style is '' here where PyYAML's parser gives None.
    """
    return yaml.compose(text, Loader=_FastLoader)


def fast_path_available() -> bool:
    """Whether this PyYAML has libyaml."""
    return _FastLoader is not None
