#!/usr/bin/env bash
# Installs everything the test suite needs, then runs it.
# Debian packages (Chromium, LibreOffice Impress and Writer, metric-compatible fonts) via apt-get,
# the browser-side test packages via npm ci, the Python test extras via pip.
# What is already installed is skipped. Extra arguments go to pytest.
set -euo pipefail
# Debian marks its Python as externally managed; these installs are meant for it (or a venv).
export PIP_BREAK_SYSTEM_PACKAGES=1
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-impress)
# Writer converts the facilitator guide and handout (.docx) in their tests
[ -e /usr/lib/libreoffice/program/libswlo.so ] || need_apt+=(libreoffice-writer)
[ -e /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] || need_apt+=(fonts-crosextra-carlito)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
# Liberation: the metric twins of Arial, Times New Roman and Courier New that decks are
# measured with (and LibreOffice renders with) when a template names those fonts
[ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || need_apt+=(fonts-liberation)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

# npm and pip run again only when what they install from has changed: a stamp holds the
# checksum of the lock file (npm) or of pyproject.toml and the Python in use (pip)
mkdir -p .cache
stamp() { cat "$@" | sha256sum | cut -d' ' -f1; }
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ "$(cat .cache/npm.stamp 2>/dev/null)" != "$(stamp package-lock.json)" ]; then
    npm ci --no-audit --no-fund --loglevel=error
    stamp package-lock.json > .cache/npm.stamp
  fi
fi

pip_stamp="$(command -v python3 | cat - pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ "$(cat .cache/pip.stamp 2>/dev/null)" != "$pip_stamp" ] \
    || ! python3 -c "import courseforge, pytest, hypothesis, playwright, pathlib, sys
sys.exit(not pathlib.Path(courseforge.__file__).resolve().is_relative_to(pathlib.Path('src').resolve()))" \
      2>/dev/null; then
  python3 -m pip install -q --disable-pip-version-check -e '.[test]'
  echo "$pip_stamp" > .cache/pip.stamp
fi
exec python3 -m pytest "$@"
