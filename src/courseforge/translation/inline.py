"""Markdown inline markup as XLIFF inline codes, so a translator moves it but cannot break it.

``**bold**`` becomes ``<bpt>**</bpt>bold<ept>**</ept>``, a link's target and a code span
become native codes the translator's tool shows as tags; the words inside stay translatable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from translate.storage.placeables import StringElem
from translate.storage.placeables import xliff as codes

# (pattern, kind): "pair" keeps group 'inner' translatable between an opening and closing
# code; "ph" protects the whole match
INLINE = [
    (re.compile(r"(?P<open>`+)(?P<code>.+?)(?P=open)"), "ph"),
    (re.compile(r"<(?:https?://|mailto:)[^>\s]+>"), "ph"),
    (re.compile(r"</?[A-Za-z][^>]*>"), "ph"),
    (re.compile(r"(?P<open>!?\[)(?P<inner>[^\]]*)(?P<close>\]\((?:<[^>]*>|(?:[^()\s]|\([^()\s]*\))+)"
                r"(?:\s+\"[^\"]*\")?\))"), "pair"),
    (re.compile(r"(?P<open>\*\*|__)(?P<inner>\S(?:.*?\S)?)(?P<close>(?P=open))"), "pair"),
    (re.compile(r"(?P<open>\*|(?<!\w)_)(?P<inner>\S(?:.*?\S)?)(?P<close>\*|_(?!\w))"), "pair"),
]
Piece = str | tuple[str, str, str]  # text, or (element kind bpt/ept/ph, id, native code)


@dataclass(slots=True)
class _Counter:
    """Numbers the inline codes of one unit: 1, 2, ..."""

    value: int = 0

    def next(self) -> str:
        """The next code id."""
        self.value += 1
        return str(self.value)


def to_pieces(text: str, counter: _Counter | None = None) -> list[Piece]:
    """Markdown inline text as text pieces and protected codes."""
    counter = counter or _Counter()
    pieces: list[Piece] = []
    position = 0
    while position < len(text):
        found = [(m.start(), i, m) for i, (pattern, _) in enumerate(INLINE)
                 if (m := pattern.search(text, position))]
        if not found:
            break
        start, index, match = min(found, key=lambda f: (f[0], f[1]))
        if start > position:
            pieces.append(text[position:start])
        if INLINE[index][1] == "ph":
            pieces.append(("ph", counter.next(), match.group(0)))
        else:
            code = counter.next()
            pieces.append(("bpt", code, match.group("open")))
            pieces += to_pieces(match.group("inner"), counter)
            pieces.append(("ept", code, match.group("close")))
        position = match.end()
    if position < len(text):
        pieces.append(text[position:])
    return pieces


def to_rich(text: str) -> list[StringElem]:
    """Markdown inline text as translate-toolkit's rich text with XLIFF placeables."""
    parts: list[object] = []
    for piece in to_pieces(text):
        if isinstance(piece, str):
            parts.append(piece)
        else:
            kind, code, native = piece
            element = {"bpt": codes.Bpt, "ept": codes.Ept, "ph": codes.Ph}[kind]
            parts.append(element(id=code, sub=[native]))
    return [StringElem(parts)]


def native_codes(element: etree._Element) -> dict[tuple[str, str], str]:
    """The native code of each inline code of a <source>, by (kind, id)."""
    found = {}
    for child in element.iter():
        kind = etree.QName(child).localname
        if kind in ("bpt", "ept", "ph", "it") and child.get("id") is not None:
            found[(kind, child.get("id"))] = "".join(child.itertext())
    return found


def from_element(element: etree._Element,
                 codes_of: dict[tuple[str, str], str]) -> tuple[str, list[str]]:
    """The Markdown of a <source> or <target>, codes restored from the source's; and the
    ids of codes the element lacks or invents."""
    used: list[tuple[str, str]] = []
    text = _flatten(element, codes_of, used)
    problems = sorted({f"{k} {i}" for k, i in codes_of if (k, i) not in used} |
                      {f"{k} {i}" for k, i in used if (k, i) not in codes_of})
    return text, problems


def _flatten(element: etree._Element, codes_of: dict[tuple[str, str], str],
             used: list[tuple[str, str]]) -> str:
    out = [element.text or ""]
    for child in element:
        kind, code = etree.QName(child).localname, child.get("id") or child.get("rid") or ""
        if kind in ("bpt", "ept", "ph", "it"):
            used.append((kind, code))
            out.append(codes_of.get((kind, code), "".join(child.itertext())))
        elif kind in ("g", "mrk"):  # a tool that pairs codes as <g>: the same opening/closing
            if kind == "g":
                used += [("bpt", code), ("ept", code)]
            out.append(codes_of.get(("bpt", code), ""))
            out.append(_flatten(child, codes_of, used))
            out.append(codes_of.get(("ept", code), ""))
        elif kind in ("x", "bx", "ex"):
            wanted = {"x": "ph", "bx": "bpt", "ex": "ept"}[kind]
            used.append((wanted, code))
            out.append(codes_of.get((wanted, code), ""))
        out.append(child.tail or "")
    return "".join(out)
