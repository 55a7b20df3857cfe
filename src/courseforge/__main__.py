"""``python -m courseforge``."""

from .cli import main

main()
