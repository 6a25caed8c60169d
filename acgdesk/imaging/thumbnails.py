"""Thumbnail cache: one WebP per content hash, written atomically, shared by identical files."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PIL import Image

from acgdesk.core import faults

THUMB_FORMAT = "webp"
# Thumbnails are written here first and renamed into place; a killed run can leave files here only.
TMP_DIR = ".incoming"


def temporary_dir(thumbs_dir: Path) -> Path:
    return thumbs_dir / TMP_DIR


def thumbnail_path(thumbs_dir: Path, content_hash: str) -> Path:
    """``thumbs/ab/abcdef....webp``: two-level fan-out keeps directories small at 1M files."""
    return thumbs_dir / content_hash[:2] / f"{content_hash}.{THUMB_FORMAT}"


def write_thumbnail(
    image: Image.Image,
    target: Path,
    *,
    size: int = 256,
    quality: int = 80,
    overwrite: bool = False,
    tmp_dir: Path | None = None,
) -> bool:
    """Write a ``size`` px (longer side) thumbnail of ``image`` to ``target``; False if it existed.

    Atomic: written to a temporary name (in ``tmp_dir``, on the same file system, or beside the
    target), then renamed, so a crash leaves either no thumbnail or a whole one, never a truncated
    file the GUI would show as broken.
    """
    if target.exists() and not overwrite:
        return False
    thumb = image.copy()
    thumb.thumbnail((size, size), Image.Resampling.LANCZOS)
    target.parent.mkdir(parents=True, exist_ok=True)
    if tmp_dir is None:
        tmp = target.with_name(f".{target.stem}.{os.getpid()}.{threading.get_ident()}.tmp")
    else:
        tmp_dir.mkdir(parents=True, exist_ok=True)
        tmp = tmp_dir / f"{target.stem}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        # method 2 (of 0-6): half the CPU of the default 4 for files within 2 % of its size.
        thumb.save(tmp, "WEBP", quality=quality, method=2)
        faults.point("thumbnail.tmp_written")  # crash tests: a kill here leaves only the temporary
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return True


def sweep_temporary_files(thumbs_dir: Path) -> int:
    """Remove half-written thumbnails left by processes that no longer run; returns how many.

    A file's name carries the pid that wrote it; files of a live process (another acgdesk indexing
    the same library right now) are left alone.
    """
    tmp_dir = temporary_dir(thumbs_dir)
    removed = 0
    try:
        entries = list(os.scandir(tmp_dir))
    except FileNotFoundError:
        return 0
    for entry in entries:
        parts = entry.name.split(".")
        pid = int(parts[1]) if len(parts) >= 4 and parts[1].isdigit() else None
        if pid is not None and (pid == os.getpid() or _alive(pid)):
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True
