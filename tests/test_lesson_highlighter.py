"""Lessons render fenced code without loading Pygments, and exactly as with it loaded."""

from __future__ import annotations

import subprocess
import sys

CODE = "```python\nx = 1 < 2  # \\u201cq\\u201d\n```\n\nText `inline` and\n\n    indented\n"
RENDER = (
    "import sys\n{before}"
    "from courseforge.builders.lesson.html_render import _engine\n"
    "md, _ = _engine(False)\n"
    f"print(repr(md.convert({CODE!r})))\n"
    "print('pygments' in sys.modules)\n"
)


def rendered(before: str) -> tuple[str, str]:
    """The HTML of CODE, and whether Pygments was loaded, in a fresh process."""
    out = subprocess.run([sys.executable, "-c", RENDER.format(before=before)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return out[0], out[1]


def test_fenced_code_is_rendered_alike_without_pygments() -> None:
    html, loaded = rendered("")
    assert loaded == "False"
    assert '<pre><code class="language-python">' in html
    with_pygments, loaded = rendered("import pygments, markdown.extensions.codehilite\n")
    assert loaded == "True"
    assert html == with_pygments


def test_pygments_stays_importable_after_the_lesson_engine() -> None:
    probe = ("from courseforge.builders.lesson.html_render import _engine\n_engine(False)\n"
             "import pygments.lexers\nprint(pygments.lexers.get_lexer_by_name('python').name)")
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True).stdout.strip() == "Python"
