"""Images a course refers to (in a slide, or as a cover): resolved inside the course, checked."""

from __future__ import annotations

from pathlib import Path

from ..errors import Diagnostic, error
from ..model import Image, Source
from .files import image_problem, resolve_reference


def load_image(root: Path, name: str, src: str, alt: str, line: int,
               diagnostics: list[Diagnostic], *, decorative: bool = False) -> Image | None:
    """The image ``src`` written in file ``name`` at ``line``; None after reporting.

    A decorative image (a cover) needs no alt text; any other does.
    """
    resolved = resolve_reference(root, name, src)
    if resolved is None:
        diagnostics.append(error(name, line, f"image '{src}' must be a relative path inside "
                                 "the course folder", "image.outside"))
        return None
    if not (root / resolved).is_file():
        diagnostics.append(error(name, line, f"image '{src}' does not exist", "image.missing"))
        return None
    if not alt and not decorative:
        diagnostics.append(error(name, line, f"image '{src}' has no alt text", "image.no-alt"))
    problem = image_problem(root / resolved)
    if problem:
        diagnostics.append(error(name, line, f"image '{src}' {problem}", "image.format"))
    return Image(src=src, path=resolved, alt=alt, source=Source(path=name, line=line))


def load_cover(root: Path, name: str, src: str, line: int,
               diagnostics: list[Diagnostic]) -> Image | None:
    """A ``cover:`` image (decorative: the title beside it says what it is), or None."""
    if not src:
        return None
    return load_image(root, name, src, "", line, diagnostics, decorative=True)
