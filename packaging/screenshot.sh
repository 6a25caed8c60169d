#!/usr/bin/env bash
# Start the real acgdesk window under a virtual X screen (Xvfb) on a prepared library and save a PNG.
#   packaging/screenshot.sh [OUT.png] [--theme dark] [--query "cat_ears"]
#     [--marks] [--select N] [--menu selection|context] [--history]   (marks, albums, batch menu, undo)
#     [--models]                                                      (the Models dialog)
#     (tests/gui/screenshot.py --help lists every option)
# Needs the Debian packages packaging/setup.sh installs (xvfb, xauth and the xcb libraries Qt uses).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench-results/screenshot.png}
[ $# -gt 0 ] && shift
command -v xvfb-run >/dev/null || { echo "screenshot: xvfb-run not found (apt-get install xvfb xauth)" >&2; exit 1; }
QT_QPA_PLATFORM=xcb exec xvfb-run -a -s "-screen 0 1600x1000x24" \
  "${ACGDESK_VENV:-.venv}/bin/python" tests/gui/screenshot.py --out "$out" "$@"
