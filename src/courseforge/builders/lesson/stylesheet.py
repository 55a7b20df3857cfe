"""The lesson's stylesheet, written into its page rather than fetched after it.

The page cannot be drawn before its styles arrive; a ``<style>`` element in the head spares
the browser that wait (two requests on every launch, and on an LMS each one crosses the
network). The page's content security policy allows exactly this element by its hash.
"""

from __future__ import annotations

import base64
import hashlib

from markupsafe import Markup


def inline_stylesheet(parts: list[bytes]) -> Markup:
    """The stylesheet's parts, each UTF-8 and checked (``templating.stylesheet_diagnostics``),
    joined in order as the text of a ``<style>`` element.

    Each part loses a leading byte order mark, and its line ends become LF: the browser
    reads CR LF and CR as LF before it checks the text against the policy's hash.
    """
    return Markup("".join(data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
                          for data in parts))


def style_source(stylesheet: str) -> str:
    """The policy's source that allows exactly this ``<style>`` element's text."""
    digest = hashlib.sha256(stylesheet.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
