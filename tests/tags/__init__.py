"""Shared set-up for the tag sidecar tests: a real library over a few Pillow-made images, with model
tags, a user tag and a user rejection stored the way the ingest writer stores them."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PIL import Image

from acgdesk.db.connection import transaction
from acgdesk.db.predictions import TagIds, reject_tags, replace_model_tags, set_user_tags
from acgdesk.library import Library

MODEL = "wd-swinv2-tagger-v3@v3"

MIKU_TAGS = [
    ("1girl", "general", 0.98),
    ("hatsune_miku", "character", 0.95),
    ("hatsune_miku_(append)", "character", 0.9),
    ("kagamine_rin", "character", 0.6),  # under the character threshold (0.85)
    ("twintails", "general", 0.9),  # rejected by the user
    ("white_background", "general", 0.7),
    ("simple_background", "general", 0.6),
    ("star_(symbol)", "general", 0.5),
    ("^_^", "general", 0.4),
    ("smile", "general", 0.3),  # under the general threshold (0.35)
    ("general", "rating", 0.8),
    ("sensitive", "rating", 0.15),
]
RIN_TAGS = [
    ("1girl", "general", 0.97),
    ("kagamine_rin", "character", 0.92),
    ("short_hair", "general", 0.8),
    ("hair_bow", "general", 0.3),
    ("general", "rating", 0.6),
    ("sensitive", "rating", 0.35),
]
MIKU_CAPTION = (
    "hatsune miku, hatsune miku \\(append\\), aqua hair, 1girl, white background, simple background, "
    "star \\(symbol\\), ^_^"
)
RIN_CAPTION = "kagamine rin, 1girl, short hair"


def make_images(art: Path) -> None:
    (art / "sub").mkdir(parents=True)
    Image.new("RGB", (64, 48), (30, 160, 170)).save(art / "miku.png")
    Image.new("RGB", (40, 56), (240, 200, 20)).save(art / "sub" / "rin.jpg", quality=90)
    Image.new("RGB", (32, 32), (200, 90, 200)).save(art / "plain.webp")


def file_rows(lib: Library) -> dict[str, dict]:
    """Every file row of the library, keyed by file name."""
    rows = lib.db.query("SELECT id, path, path_bytes, folder_id, status FROM files ORDER BY path")
    return {os.path.basename(os.fsdecode(r["path_bytes"]) if r["path_bytes"] else r["path"]): r for r in rows}


def build_library(tmp_path: Path) -> tuple[Library, Path, dict[str, dict]]:
    """A library over ``tmp_path/art`` with miku.png and sub/rin.jpg tagged and plain.webp untagged."""
    art = tmp_path / "art"
    make_images(art)
    lib = Library.open(tmp_path / "lib")
    lib.index([art], sequential=True)
    rows = file_rows(lib)
    assert sorted(rows) == ["miku.png", "plain.webp", "rin.jpg"]
    assert all(r["status"] == "ok" for r in rows.values())
    with transaction(lib.db) as conn:
        ids = TagIds()
        replace_model_tags(conn, ids, rows["miku.png"]["id"], MODEL, MIKU_TAGS)
        replace_model_tags(conn, ids, rows["rin.jpg"]["id"], MODEL, RIN_TAGS)
        set_user_tags(conn, ids, rows["miku.png"]["id"], ["Aqua Hair"])
        reject_tags(conn, ids, rows["miku.png"]["id"], ["twintails"])
    return lib, art, rows


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Relative path -> (sha256, mtime_ns) of every file under ``folder`` (links not followed)."""
    out = {}
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(dirpath) / name
            if path.is_symlink():
                continue
            out[str(path.relative_to(folder))] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
    return out


def all_files(folder: Path) -> list[str]:
    """Every file and link under ``folder``, relative, sorted (temporary leftovers included)."""
    return sorted(
        str((Path(d) / n).relative_to(folder))
        for d, dirs, names in os.walk(folder)
        for n in (*names, *[x for x in dirs if (Path(d) / x).is_symlink()])
    )
