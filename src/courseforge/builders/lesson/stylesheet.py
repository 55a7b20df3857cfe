"""The lesson's stylesheet, written into its page rather than fetched after it.

The page cannot be drawn before its styles arrive; a ``<style>`` element in the head spares
the browser that wait (two requests on every launch, and on an LMS each one crosses the
network). The page's content security policy allows exactly this element by its hash.
"""

from __future__ import annotations

import base64
import hashlib
import re

from markupsafe import Markup

from ...errors import CourseforgeError

# what would end the <style> element early: its end tag, in any case
STYLE_END = re.compile(rb"</style", re.IGNORECASE)


def inline_stylesheet(parts: list[tuple[str, bytes]]) -> Markup:
    """The stylesheet's parts (file named as the author knows it, bytes) joined in order,
    as the text of a ``<style>`` element."""
    texts = []
    for name, data in parts:
        if STYLE_END.search(data):
            raise CourseforgeError(f"{name}: the stylesheet contains '</style', which "
                                   "would end the lesson page's style element")
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise CourseforgeError(f"{name}: the stylesheet is not UTF-8 text (byte "
                                   f"{exc.start})") from None
    return Markup("".join(texts))


def style_source(stylesheet: str) -> str:
    """The policy's source that allows exactly this ``<style>`` element's text."""
    digest = hashlib.sha256(stylesheet.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
