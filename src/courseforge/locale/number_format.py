"""Numbers and percentages as a locale writes them, the same in Python and in the browser.

CLDR gives the symbols (``cldr.LocaleFacts``: kept for the shipped languages, else read with
Babel); the browser receives them (:meth:`NumberFormat.for_browser`) and ``labels.js``
applies them with the same rounding, so both write the same characters.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cldr import LocaleFacts

_DIGITS = "0123456789"  # what Python and JavaScript write
_EXACT = 2**52  # below it a float holds every whole number, as the rounding below needs


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberFormat:
    """How one locale writes numbers: symbols, digits and the percent pattern's affixes."""

    decimal: str
    group: str
    minus: str
    digits: str  # the ten digits, zero first
    percent_prefix: str
    percent_suffix: str

    def number(self, value: float, decimals: int = 2) -> str:
        """``value`` rounded half up to at most ``decimals`` places, grouped by thousands."""
        if isinstance(value, int) and abs(value) < _EXACT // 10**decimals:  # nothing to round
            whole, fraction, negative = str(abs(value)), "", value < 0
        else:
            scale = 10**decimals
            rounded = math.floor(abs(value) * scale + 0.5) / scale
            whole, _, fraction = f"{rounded:.{decimals}f}".partition(".")
            fraction = fraction.rstrip("0")
            negative = value < 0 and rounded != 0
        groups: list[str] = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        text = self.group.join([whole, *groups]) + (self.decimal + fraction if fraction else "")
        if self.digits != _DIGITS:
            text = text.translate(self.digit_table)
        return (self.minus if negative else "") + text

    @property
    def digit_table(self) -> dict[int, int]:
        """A str.translate table from ASCII digits to the locale's."""
        return str.maketrans(_DIGITS, self.digits)

    def percent(self, value: float, decimals: int = 1) -> str:
        """A percentage (``value`` on 0..100) in the locale's pattern: 67 %, 66,7 %, ٪67."""
        return self.percent_prefix + self.number(value, decimals) + self.percent_suffix

    def for_browser(self) -> dict[str, str]:
        """The symbols ``labels.js`` formats with."""
        return {"decimal": self.decimal, "group": self.group, "minus": self.minus,
                "digits": self.digits, "percentPrefix": self.percent_prefix,
                "percentSuffix": self.percent_suffix}


def number_format(facts: LocaleFacts) -> NumberFormat:
    """The number format of a locale, in its default numbering system (CLDR)."""
    system = facts.numbering
    symbols = dict(facts.symbols)
    zero = ord(_ZEROS.get(system, "0"))
    pattern = facts.percent_pattern.split(";")[0]
    body = _PATTERN_BODY.search(pattern)
    prefix, suffix = (pattern[:body.start()], pattern[body.end():]) if body else ("", "%")
    return NumberFormat(
        decimal=symbols["decimal"], group=symbols["group"], minus=symbols["minusSign"],
        digits="".join(chr(zero + d) for d in range(10)),
        percent_prefix=prefix.replace("%", symbols["percentSign"]),
        percent_suffix=suffix.replace("%", symbols["percentSign"]))


_PATTERN_BODY = re.compile(r"[#0,.]+")
# the digit zero of numbering systems CLDR locales use by default
_ZEROS = {"latn": "0", "arab": "\u0660", "arabext": "\u06f0", "deva": "\u0966",
          "beng": "\u09e6", "mymr": "\u1040", "tibt": "\u0f20", "olck": "\u1c50"}
