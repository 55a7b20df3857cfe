"""The default reference deck's text measures, read from the values it is built with.

:mod:`.reference_deck` builds the default deck with python-pptx from these numbers; ``check``
measures slide tables against the same body width and text style without importing
python-pptx (a third of its time). tests/test_pptx_tables.py holds them equal to what the
built deck's layouts and theme give.
"""

from __future__ import annotations

from .measuring import TextStyle, points

WIDTH, HEIGHT = 12192000, 6858000  # 13.333 x 7.5 inches
MARGIN = 609600
INNER = WIDTH - 2 * MARGIN  # the body placeholder's width
BODY_TOP, BODY_BOTTOM = 1554480, 6217920
FAMILY = "Calibri"  # the theme's heading and body fonts
TITLE_SIZE = 3600  # hundredths of a point, the master's title style
BODY_SIZES = (2400, 2000, 1800, 1800, 1800)  # the master's body style, levels 1-5 (and on)
HANGING = 342900  # the body levels' bullet indent, in EMU
LEVEL_STEP = 457200  # each body level's left margin beyond the previous one, in EMU


def level_margin(index: int) -> int:
    """The left margin of body level ``index`` (0 for the first), in EMU."""
    return HANGING + index * LEVEL_STEP


def default_text_style(language: str) -> TextStyle:
    """The text style :func:`.theme_measures.text_style` reads from the default deck."""
    return TextStyle(body_family=FAMILY, title_family=FAMILY,
                     body_size=min(BODY_SIZES[0] / 100, 28.0), title_size=TITLE_SIZE / 100,
                     indents=tuple(points(level_margin(n)) for n in range(5)), hanging=27.0,
                     language=language)


def default_body_width() -> float:
    """The width of the default deck's content body, in points."""
    return points(INNER)
