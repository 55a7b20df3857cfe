"""Colours derived from the course's brand colour that keep text readable (WCAG contrast)."""

from __future__ import annotations

from dataclasses import dataclass

WHITE = "#FFFFFF"
INK = "#1B1B1F"
AA_TEXT = 4.5  # WCAG 2 AA contrast for body text


def _channels(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0, min(255, c))):02X}" for c in rgb)


def luminance(colour: str) -> float:
    """Relative luminance as WCAG 2 defines it."""
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def darken_until(colour: str, background: str, ratio: float = AA_TEXT) -> str:
    """The colour, mixed toward black just enough to reach ``ratio`` against ``background``."""
    rgb = _channels(colour)
    for step in range(0, 101):
        mixed = _hex(tuple(c * (1 - step / 100) for c in rgb))  # type: ignore[arg-type]
        if contrast(mixed, background) >= ratio:
            return mixed
    return "#000000"


def lighten_until(colour: str, background: str, ratio: float = AA_TEXT) -> str:
    """The colour, mixed toward white just enough to reach ``ratio`` against ``background``."""
    rgb = _channels(colour)
    for step in range(0, 101):
        mixed = _hex(tuple(c + (255 - c) * step / 100 for c in rgb))  # type: ignore[arg-type]
        if contrast(mixed, background) >= ratio:
            return mixed
    return WHITE


DARK_PAPER = "#1D1F24"  # the dark scheme's page (lesson.css --paper)


@dataclass(frozen=True, slots=True, kw_only=True)
class Palette:
    """The theme's brand colours: as given, readable on white, and the text to put on it."""

    brand: str
    brand_text: str  # links and accents on a white page
    on_brand: str  # text on a brand-coloured background
    button: str  # button background that white text reads on
    brand_text_dark: str  # links and accents on the dark scheme's page
    accent: str  # highlights (progress, current page, eyebrows), readable on white
    accent_dark: str  # the same on the dark scheme's page


def palette(brand: str, accent: str = "") -> Palette:
    """A palette from a ``#RRGGBB`` brand colour and an optional accent (else the brand's)."""
    brand = brand.upper()
    accent = (accent or brand).upper()
    on_brand = WHITE if contrast(brand, WHITE) >= contrast(brand, INK) else INK
    return Palette(brand=brand, brand_text=darken_until(brand, WHITE),
                   on_brand=on_brand, button=darken_until(brand, WHITE),
                   brand_text_dark=lighten_until(brand, DARK_PAPER),
                   accent=darken_until(accent, WHITE),
                   accent_dark=lighten_until(accent, DARK_PAPER))
