"""The lesson's stylesheet, written into its page rather than fetched after it.

The page cannot be drawn before its styles arrive; a ``<style>`` element in the head spares
the browser that wait (two requests on every launch, and on an LMS each one crosses the
network). The page's content security policy allows exactly this element by its hash.
"""

from __future__ import annotations

import base64
import hashlib

from markupsafe import Markup

from ...errors import ValidationFailed
from ...templating import stylesheet_diagnostics


def inline_stylesheet(parts: list[tuple[str, bytes]]) -> Markup:
    """The stylesheet's parts (file named as the author knows it, bytes) joined in order,
    as the text of a ``<style>`` element.

    Each part loses a leading byte order mark, and its line ends become LF: the browser
    reads CR LF and CR as LF before it checks the text against the policy's hash. A part
    the element cannot hold (a rendered template's) is refused here too.
    """
    problems = [d for name, data in parts for d in stylesheet_diagnostics(name, data)]
    if problems:
        raise ValidationFailed(problems)
    texts = [data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
             for _, data in parts]
    return Markup("".join(texts))


def style_source(stylesheet: str) -> str:
    """The policy's source that allows exactly this ``<style>`` element's text."""
    digest = hashlib.sha256(stylesheet.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
