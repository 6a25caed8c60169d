"""Tunable settings of the indexing engine, with defaults chosen for a 2-core laptop."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

# Decoding more pixels than this is refused before any pixel is read (a decompression bomb or an
# absurd scan). 200 MP is a 14,000 x 14,000 canvas: far above real art, far below memory trouble.
DEFAULT_MAX_PIXELS = 200_000_000

# Extensions that are tried without sniffing. Others are sniffed by their first bytes, so a PNG
# saved as ``.dat`` or with no extension is still found; a ``.txt`` is never opened.
IMAGE_EXTENSIONS = frozenset(
    {
        ".jpg",
        ".jpeg",
        ".jpe",
        ".jfif",
        ".png",
        ".apng",
        ".gif",
        ".webp",
        ".bmp",
        ".dib",
        ".tif",
        ".tiff",
        ".avif",
        ".avifs",
        ".heic",
        ".heif",
        ".hif",
        ".jxl",
        ".psd",
        ".tga",
        ".ico",
        ".ppm",
        ".pgm",
        ".pbm",
        ".pnm",
        ".pcx",
        ".dds",
        ".jp2",
        ".j2k",
        ".qoi",
        ".sgi",
        ".svg",
        ".kra",
        ".clip",
        ".xcf",
    }
)
SKIP_EXTENSIONS = frozenset(
    {
        ".txt",
        ".json",
        ".xmp",
        ".xml",
        ".csv",
        ".md",
        ".html",
        ".htm",
        ".db",
        ".sqlite",
        ".zip",
        ".7z",
        ".rar",
        ".gz",
        ".tar",
        ".mp4",
        ".mkv",
        ".webm",
        ".mov",
        ".avi",
        ".mp3",
        ".flac",
        ".wav",
        ".ogg",
        ".pdf",
        ".exe",
        ".dll",
        ".so",
        ".py",
        ".js",
        ".css",
        ".ini",
        ".log",
        ".part",
        ".crdownload",
        ".tmp",
        ".lnk",
        ".url",
        ".torrent",
        ".ds_store",
        ".safetensors",
        ".onnx",
        ".ckpt",
        ".pt",
        ".bin",
    }
)


def default_workers() -> int:
    """Decode workers: one per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class IndexSettings:
    """How an indexing run behaves; the defaults are what the CLI and GUI use."""

    workers: int = field(default_factory=default_workers)
    thumb_size: int = 256
    thumb_quality: int = 80
    # Decoded images handed to later (model) stages are at most this large on their longer side.
    work_size: int = 512
    max_pixels: int = DEFAULT_MAX_PIXELS
    # Files up to this size are read once into memory: one read serves hashing and decoding.
    read_whole_limit: int = 64 * 1024 * 1024
    queue_size: int = 64
    commit_every: int = 256
    commit_seconds: float = 1.0
    follow_symlinks: bool = True
