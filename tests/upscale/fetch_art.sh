#!/usr/bin/env bash
# Fetch the illustrations of Ren'Py's demo game "The Question" (Debian package renpy-thequestion,
# Expat licence) as real anime-style art for tests/upscale/test_quality.py:
#
#   tests/upscale/fetch_art.sh [TARGET_DIR]      (default: <repo>/.cache/renpy-art)
#
# Only the .deb is downloaded and unpacked (apt-get download + dpkg-deb -x): nothing is installed.
# Idempotent: if TARGET_DIR/images holds the files, nothing is fetched.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="${1:-$repo_root/.cache/renpy-art}"
images="$target/images"

if [[ -d "$images" ]] && [[ -n "$(ls -A "$images" 2>/dev/null)" ]]; then
    echo "renpy art already present: $images ($(ls "$images" | wc -l | tr -d ' ') files)"
    exit 0
fi
command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 || {
    echo "fetch_art: needs apt-get and dpkg-deb (Debian/Ubuntu)" >&2
    exit 1
}

mkdir -p "$target"
tmp="$(mktemp -d "$target/.fetch.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"  # apt's sandbox user must be able to write the download here
if ! (cd "$tmp" && apt-get download -qq renpy-thequestion 2>/dev/null); then
    # An old or empty package list: refresh it once (as root) and try again.
    if [[ "$(id -u)" -eq 0 ]]; then apt-get update -qq >/dev/null; else sudo apt-get update -qq >/dev/null; fi
    (cd "$tmp" && apt-get download -qq renpy-thequestion)
fi
dpkg-deb -x "$tmp"/renpy-thequestion_*.deb "$tmp/root"
src="$(find "$tmp/root" -type d -path '*the_question/game/images' | head -n 1)"
[[ -n "$src" ]] || { echo "fetch_art: no game/images folder in the package" >&2; exit 1; }
mkdir -p "$tmp/images"
cp "$src"/* "$tmp/images/"
mv "$tmp/images" "$images"  # atomically: a half-copied set never appears
echo "renpy art ready: $images ($(ls "$images" | wc -l | tr -d ' ') files)"
