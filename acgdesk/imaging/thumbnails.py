"""Thumbnail cache: one WebP per content hash, written atomically, shared by identical files."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PIL import Image

THUMB_FORMAT = "webp"


def thumbnail_path(thumbs_dir: Path, content_hash: str) -> Path:
    """``thumbs/ab/abcdef....webp``: two-level fan-out keeps directories small at 1M files."""
    return thumbs_dir / content_hash[:2] / f"{content_hash}.{THUMB_FORMAT}"


def write_thumbnail(
    image: Image.Image, target: Path, *, size: int = 256, quality: int = 80, overwrite: bool = False
) -> bool:
    """Write a ``size`` px (longer side) thumbnail of ``image`` to ``target``; False if it existed.

    Atomic: written to a temporary name in the same folder, then renamed, so a crash leaves either
    no thumbnail or a whole one, never a truncated file the GUI would show as broken.
    """
    if target.exists() and not overwrite:
        return False
    thumb = image.copy()
    thumb.thumbnail((size, size), Image.Resampling.LANCZOS)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        thumb.save(tmp, "WEBP", quality=quality, method=4)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return True
