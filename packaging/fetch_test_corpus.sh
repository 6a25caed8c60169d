#!/usr/bin/env bash
# Fetch Pillow's own test images (Tests/images/ of its source distribution) as a corpus of odd,
# damaged and exotic image files for tests/imaging/test_pillow_corpus.py.
#
#   packaging/fetch_test_corpus.sh [TARGET_DIR]      (default: <repo>/.cache/pillow-corpus)
#
# The Pillow version is the one installed in the virtualenv, so the corpus matches the decoder
# (TARGET_DIR/VERSION records it). Idempotent and quick: if TARGET_DIR/images exists, nothing is
# downloaded; after a Pillow upgrade the corpus this script made is replaced.
# Environment: PYTHON (default <repo>/.venv/bin/python, else python3).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:-$repo_root/.cache/pillow-corpus}"
images="$target/images"

count_files() {
    find "$1" -type f | wc -l | tr -d ' '
}

if [[ -n "${PYTHON:-}" ]]; then
    python="$PYTHON"
elif [[ -x "$repo_root/.venv/bin/python" ]]; then
    python="$repo_root/.venv/bin/python"
else
    python="python3"
fi

version="$("$python" -c 'import PIL; print(PIL.__version__)')"

if [[ -d "$images" ]]; then
    have="$(cat "$target/VERSION" 2>/dev/null || true)"
    if [[ -z "$have" || "$have" == "$version" ]]; then
        echo "pillow corpus already present: $images ($(count_files "$images") files)"
        exit 0
    fi
    echo "pillow corpus is from Pillow $have, the venv has $version: replacing it"
    rm -rf -- "$images"
fi

echo "fetching the Pillow $version source distribution for its test images..."

mkdir -p "$target"
tmp="$(mktemp -d "$target/.fetch.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# --no-binary pillow (not :all:): pip still prepares the sdist's metadata, and :all: would also build
# its build dependencies (setuptools...) from source — about 70 s instead of about 7 s.
"$python" -m pip download --quiet --no-deps --no-binary pillow --dest "$tmp/dl" "pillow==$version"

shopt -s nullglob
archives=("$tmp"/dl/*.tar.gz "$tmp"/dl/*.tgz "$tmp"/dl/*.zip)
shopt -u nullglob
if [[ ${#archives[@]} -ne 1 ]]; then
    echo "error: expected one source archive for pillow==$version, found ${#archives[@]}" >&2
    exit 1
fi

# Extract only */Tests/images/* (Python's tarfile/zipfile: no dependency on GNU tar wildcard flags),
# refusing absolute paths, '..' and links so the archive cannot write outside the staging folder.
"$python" - "${archives[0]}" "$tmp/images" <<'PY'
import os
import shutil
import sys
import tarfile
import zipfile

archive, dest = sys.argv[1], sys.argv[2]
os.makedirs(dest)
marker = "/Tests/images/"


def target_for(name):
    if marker not in name or name.endswith("/"):
        return None
    rel = name.split(marker, 1)[1]
    parts = rel.split("/")
    if not rel or rel.startswith("/") or ".." in parts:
        return None
    return os.path.join(dest, *parts)


count = 0
if zipfile.is_zipfile(archive):
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            out = target_for(info.filename)
            if out is None or info.is_dir():
                continue
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with zf.open(info) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst)
            count += 1
else:
    with tarfile.open(archive) as tf:
        for member in tf:
            out = target_for(member.name)
            if out is None or not member.isfile():
                continue
            os.makedirs(os.path.dirname(out), exist_ok=True)
            src = tf.extractfile(member)
            assert src is not None
            with src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst)
            count += 1
if count == 0:
    sys.exit(f"error: no Tests/images/ files in {archive}")
PY

# Publish atomically: a half-extracted corpus never appears under the final name.
mv "$tmp/images" "$images"
echo "$version" >"$target/VERSION"
echo "pillow corpus ready: $images ($(count_files "$images") files, Pillow $version)"
