"""The per-file work of indexing: read once, hash, decode, thumbnail, perceptual hashes, metadata.

Runs in worker threads. Never raises for a bad file: every problem becomes an ``Outcome`` with an
error kind and a message, and the run goes on. The original is only ever opened for reading.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from acgdesk.core.errors import FileErrorKind, ImageFileError
from acgdesk.core.settings import IndexSettings
from acgdesk.imaging.decode import decode_image, io_error
from acgdesk.imaging.hashing import hash_bytes, hash_stream
from acgdesk.imaging.metadata import ImageMetadata
from acgdesk.imaging.perceptual import PerceptualHashes, compute_hashes
from acgdesk.imaging.thumbnails import temporary_dir, thumbnail_path, write_thumbnail
from acgdesk.models.results import Prediction

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    """One file to (re)process. ``known_hash`` is set when only the mtime changed ("doubt")."""

    fs_path: str
    folder_id: int
    size: int
    mtime_ns: int
    file_id: int | None = None
    known_hash: str | None = None
    # Keys (id@version) of the models to run on this file; non-empty forces a decode even when
    # the content is unchanged (a model added since the file was indexed).
    models: frozenset[str] = frozenset()


@dataclass
class Outcome:
    """What happened to one file; the writer turns it into rows. ``image`` feeds model stages."""

    job: Job
    status: str  # "ok" | "error" | "unchanged"
    size: int | None = None
    mtime_ns: int | None = None
    content_hash: str | None = None
    width: int | None = None
    height: int | None = None
    format: str | None = None
    mode: str | None = None
    frames: int | None = None
    error_kind: FileErrorKind | None = None
    error: str | None = None
    metadata: ImageMetadata | None = None
    hashes: PerceptualHashes | None = None
    image: Image.Image | None = field(default=None, repr=False)
    thumbnail_written: bool = False
    predictions: list[Prediction] = field(default_factory=list)
    model_errors: dict[str, str] = field(default_factory=dict)
    # Models whose output comes from another row with the same bytes (not run; the writer copies).
    shared: set[str] = field(default_factory=set)


def process_file(job: Job, settings: IndexSettings, thumbs_dir: Path) -> Outcome:
    """Do all per-file work for ``job``; always returns, never raises for file problems."""
    try:
        data, size, mtime_ns, content_hash = _read_and_hash(job.fs_path, settings.read_whole_limit)
        if job.known_hash is not None and content_hash == job.known_hash and not job.models:
            return Outcome(job, "unchanged", size=size, mtime_ns=mtime_ns, content_hash=content_hash)
        decoded = decode_image(
            data if data is not None else job.fs_path,
            work_size=settings.work_size,
            max_pixels=settings.max_pixels,
            name_hint=job.fs_path,
        )
        written = write_thumbnail(
            decoded.image,
            thumbnail_path(thumbs_dir, content_hash),
            size=settings.thumb_size,
            quality=settings.thumb_quality,
            tmp_dir=temporary_dir(thumbs_dir),
        )
        return Outcome(
            job,
            "ok",
            size=size,
            mtime_ns=mtime_ns,
            content_hash=content_hash,
            width=decoded.width,
            height=decoded.height,
            format=decoded.format,
            mode=decoded.mode,
            frames=decoded.frames,
            metadata=decoded.metadata,
            hashes=compute_hashes(decoded.image),
            image=decoded.image,
            thumbnail_written=written,
        )
    except ImageFileError as exc:
        return Outcome(
            job, "error", size=job.size, mtime_ns=job.mtime_ns, error_kind=exc.kind, error=exc.message
        )
    except MemoryError:
        return Outcome(
            job,
            "error",
            size=job.size,
            mtime_ns=job.mtime_ns,
            error_kind=FileErrorKind.TOO_LARGE,
            error="ran out of memory while decoding",
        )
    except Exception as exc:  # a bug or an environment fault: record it against the file, keep going
        log.exception("unexpected failure while indexing %s", job.fs_path)
        return Outcome(
            job,
            "error",
            size=job.size,
            mtime_ns=job.mtime_ns,
            error_kind=FileErrorKind.INTERNAL,
            error=f"internal error ({type(exc).__name__}: {exc}); please report it",
        )


def _read_and_hash(fs_path: str, whole_limit: int) -> tuple[bytes | None, int, int, str]:
    """Read (once) and hash the file; detect a file that changes while it is being read.

    Returns the bytes when the file is small enough to keep for decoding, else None (the decoder
    then streams from the path and the hash was computed in chunks).
    """
    try:
        with open(fs_path, "rb") as fh:
            before = os.fstat(fh.fileno())
            if before.st_size == 0:
                raise ImageFileError(FileErrorKind.EMPTY, "the file is empty (0 bytes)")
            if before.st_size <= whole_limit:
                data: bytes | None = fh.read()
                content_hash = hash_bytes(data)
            else:
                data = None
                content_hash = hash_stream(fh, before.st_size)
        after = os.stat(fs_path)
    except ImageFileError:
        raise
    except OSError as exc:
        raise io_error(exc) from exc
    if (after.st_size, after.st_mtime_ns, after.st_ino) != (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    ) or (data is not None and len(data) != before.st_size):
        raise ImageFileError(
            FileErrorKind.CHANGED, "the file changed while it was being read (still being written?)"
        )
    return data, before.st_size, before.st_mtime_ns, content_hash
