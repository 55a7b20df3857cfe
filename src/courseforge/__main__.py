"""``python -m courseforge``."""

from .console import run

run()
