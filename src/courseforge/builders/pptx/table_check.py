"""What ``check`` says about the decks: tables whose words fit the default deck only hyphenated."""

from __future__ import annotations

from ...errors import Diagnostic, warning
from ...model import Course
from .markdown_runs import Table, parse_blocks
from .measuring import text_width
from .reference_measures import default_body_width, default_text_style
from .table_measures import TABLE_SIZES, hyphenated, words_fit

CODE = "deck.table-hyphenated"


def table_warnings(course: Course) -> list[Diagnostic]:
    """A warning for every slide table whose longest words fit no column of the default
    deck's body at the smallest table size: the decks hyphenate them."""
    style, width = default_text_style(course.language), default_body_width()
    out = []
    for module in course.modules:
        for slide in module.lesson.slides:
            blocks = parse_blocks(slide.body)
            room = text_width(blocks, width)
            for table in (b for b in blocks if isinstance(b, Table)):
                if words_fit(table, room, TABLE_SIZES[-1], style):
                    continue
                fixed = hyphenated(table, room, style)
                how = ("is hyphenated in the decks" if words_fit(fixed, room, TABLE_SIZES[-1],
                                                                 style)
                       else "breaks inside words in the decks even hyphenated")
                out.append(warning(
                    slide.source.path, slide.source.line,
                    f"a table on slide '{slide.title}' is too wide for its longest words at "
                    f"{TABLE_SIZES[-1]:g} pt and {how}; shorten a word or use fewer columns",
                    CODE))
    return out
