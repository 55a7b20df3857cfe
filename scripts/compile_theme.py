"""Write src/courseforge/theme_code.json: the default theme's templates as Jinja compiles them.

Usage: python scripts/compile_theme.py

Run it after changing a template of the default theme (``templates/**/*.j2``) or upgrading
Jinja; until then those templates are compiled by Jinja in every process, as before, and
tests/test_theme_code.py fails. See courseforge/theme_code.py.
"""

from __future__ import annotations

import json

from courseforge.templating import _shared_environment, theme_dir
from courseforge.theme_code import CODE_FILE, theme_code


def main() -> None:
    """Compile every template of the default theme and write the file."""
    code = theme_code(_shared_environment((theme_dir(),)), theme_dir())
    CODE_FILE.write_text(json.dumps(code, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                         encoding="utf-8")
    print(f"wrote {CODE_FILE} ({len(code['templates'])} templates)")


if __name__ == "__main__":
    main()
