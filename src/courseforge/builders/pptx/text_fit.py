"""Measuring text with real font metrics, so every body is known to fit its box before writing.

A theme names fonts (Calibri, Arial, ...); the decks are rendered with those fonts or
metric-compatible ones (Carlito for Calibri, Liberation for Arial, Times New Roman and
Courier New), so measuring with those TTF files predicts the line breaks a renderer makes.
When no file is found, a conservative estimate (wide glyphs) is used instead.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")

# Metric-compatible stand-ins, by the family a theme names (lower case).
_STAND_INS: dict[str, tuple[str, ...]] = {
    "calibri": ("Calibri", "Carlito"),
    "calibri light": ("Calibri Light", "Carlito"),
    "cambria": ("Cambria", "Caladea"),
    "arial": ("Arial", "LiberationSans"),
    "helvetica": ("Helvetica", "LiberationSans"),
    "times new roman": ("Times New Roman", "TimesNewRoman", "LiberationSerif"),
    "courier new": ("Courier New", "CourierNew", "LiberationMono"),
}
_STYLE_SUFFIXES = {
    (False, False): ("-Regular", "", "-Book", "-Roman"),
    (True, False): ("-Bold", "bd", "b"),
    (False, True): ("-Italic", "-Oblique", "i"),
    (True, True): ("-BoldItalic", "-BoldOblique", "bi", "z"),
}
ESTIMATE_EM = 0.62  # average advance of a wide sans glyph, used when no font file is found
ESTIMATE_LINE = 1.25  # line height in em for the estimate
EMU_PER_PT = 12700
MIN_LINE = 1.2  # line height in em at single spacing, at least
# renderers kern and round differently from this measure: a line that fills its box to the
# last tenth of a point here may wrap there, so lines are broken a little early
LINE_SAFETY = 0.985
BREAK = "\v"  # a line break within a word: after a hyphen the line breaker was given


@functools.cache
def _font_files() -> dict[str, Path]:
    """Every TrueType/OpenType file under the usual font folders, by lower-case stem."""
    found: dict[str, Path] = {}
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix.lower() in (".ttf", ".otf"):
                    found.setdefault(path.stem.lower().replace(" ", ""), path)
    return found


@functools.cache
def font_file(family: str, bold: bool = False, italic: bool = False) -> Path | None:
    """The file of a family's face, or of a metric-compatible stand-in; None when absent."""
    files = _font_files()
    names = _STAND_INS.get(family.lower(), (family,))
    for name in names:
        stem = name.replace(" ", "").lower()
        for suffix in _STYLE_SUFFIXES[(bold, italic)]:
            path = files.get(stem + suffix.lower())
            if path is not None:
                return path
    if bold or italic:
        return font_file(family)
    return None


def unmeasured(families: Iterable[str]) -> list[str]:
    """The families with no font file here, nor a metric-compatible one: fitted by estimate."""
    return sorted({family for family in families if font_file(family) is None})


@dataclass(frozen=True, slots=True)
class Face:
    """One font face at one size, measuring advances and line height in points."""

    family: str
    size: float
    bold: bool = False
    italic: bool = False

    @property
    def _font(self) -> ImageFont.FreeTypeFont | None:
        return _truetype(self.family, self.bold, self.italic)

    def width(self, text: str) -> float:
        """The advance of ``text`` in points."""
        advance = _advance(self.family, self.bold, self.italic, text)
        if advance is None:
            return len(text) * self.size * ESTIMATE_EM
        return advance * self.size / _MEASURE_SIZE

    @property
    def line_height(self) -> float:
        """The distance between baselines at single spacing, in points."""
        font = self._font
        if font is None:
            return self.size * ESTIMATE_LINE
        ascent, descent = font.getmetrics()
        # renderers add the font's line gap; 1.2 em is what they use for Calibri-like faces
        return max((ascent + descent) / _MEASURE_SIZE, MIN_LINE) * self.size


_MEASURE_SIZE = 200  # measure large, then scale: hinting at small sizes distorts advances


@functools.cache
def _truetype(family: str, bold: bool, italic: bool) -> ImageFont.FreeTypeFont | None:
    path = font_file(family, bold, italic)
    if path is None:
        return None
    return ImageFont.truetype(str(path), _MEASURE_SIZE)


@functools.lru_cache(maxsize=1 << 17)  # decks measure the same words at many sizes and widths
def _advance(family: str, bold: bool, italic: bool, text: str) -> float | None:
    """The advance of ``text`` at the measuring size; None when the face has no font file."""
    font = _truetype(family, bold, italic)
    return None if font is None else float(font.getlength(text))


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text in one style, the unit the line breaker measures."""

    text: str
    bold: bool = False
    italic: bool = False
    mono: bool = False


def count_lines(pieces: Sequence[Piece], width: float, family: str, mono_family: str,
                size: float) -> int:
    """How many lines a paragraph of styled pieces wraps to in ``width`` points (greedy)."""
    words = list(_words(pieces))
    if not words:
        return 1
    width *= LINE_SAFETY
    space = Face(family, size).width(" ")
    lines, used = 1, 0.0
    faces = _Faces(family, mono_family, size)
    for whole, style in words:
        word, *after = whole.split(BREAK)  # a hyphenated word: each part after on a line of its own
        face = faces.of(style)
        advance = face.width(word)
        if used and used + space + advance > width:
            lines += 1
            used = 0.0
        if not used and advance > width:
            # a word longer than the line is broken across lines by the renderer
            extra = int(advance // width)
            lines += extra
            advance -= extra * width
        used += (space if used else 0.0) + advance
        for part in after:
            lines += 1
            used = face.width(part)
    return lines


def word_widths(pieces: Sequence[Piece], family: str, mono_family: str,
                size: float) -> list[float]:
    """The advance of every word of a paragraph, in points."""
    faces = _Faces(family, mono_family, size)
    return [max(faces.of(style).width(part) for part in word.split(BREAK))
            for word, style in _words(pieces)]


def line_width(pieces: Sequence[Piece], family: str, mono_family: str, size: float) -> float:
    """The advance of a paragraph set on one line, in points."""
    words = word_widths(pieces, family, mono_family, size)
    return sum(words) + Face(family, size).width(" ") * max(len(words) - 1, 0)


class _Faces:
    """The faces of one paragraph's pieces at one size, each made once."""

    def __init__(self, family: str, mono_family: str, size: float) -> None:
        self._family, self._mono_family, self._size = family, mono_family, size
        self._faces: dict[tuple[bool, bool, bool], Face] = {}

    def of(self, piece: Piece) -> Face:
        """The face a piece is set in."""
        key = (piece.mono, piece.bold, piece.italic)
        face = self._faces.get(key)
        if face is None:
            face = self._faces[key] = Face(self._mono_family if piece.mono else self._family,
                                           self._size, piece.bold, piece.italic)
        return face


def _words(pieces: Iterable[Piece]) -> Iterable[tuple[str, Piece]]:
    """Words with the style of the piece they start in (styles rarely change mid-word)."""
    current, style = "", None
    for piece in pieces:
        for index, part in enumerate(piece.text.split(" ")):
            if index > 0 and current:
                yield current, style or piece
                current, style = "", None
            if part:
                current += part
                style = style or piece
    if current:
        yield current, style or Piece("")
