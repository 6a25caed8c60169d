"""Where an upscale goes and how it gets there: a fresh name, never an existing file, never half-written.

Default name: ``<stem>@<scale>x<suffix>`` next to the source (``miku.jpg`` -> ``miku@2x.png``); if
that exists, ``miku@2x-2.png``, ``-3``... The image is encoded into a hidden temporary file in the
target folder, flushed to disk, then hard-linked to its final name: ``link`` fails if the name was
taken in the meantime (another job, another program), so even a race cannot overwrite anything;
then we retry with the next free name. A cancelled or failed job removes its temporary file, so no
partial output is ever visible under a real name.

An output file named by the user (``UpscaleOptions.out_file``: ``--out result.png``) is the one
candidate: it gets no numbered alternative, since a ``result-2.png`` nobody asked for would go
unnoticed; if that name exists, or appears while the upscale runs, the upscale fails with
:class:`OutputExists` and the existing file is untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from PIL import Image

from acgdesk.models.download import fsync_dir
from acgdesk.upscale.options import UpscaleOptions

TMP_PREFIX = ".acgdesk-upscale-"
_MAX_TRIES = 10_000


class OutputExists(FileExistsError):
    """The output file the request named exists already (never overwritten)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} exists, and an upscale never overwrites a file")
        self.path = path


def output_folder(source: Path, options: UpscaleOptions) -> Path:
    """Where the output goes: the named file's folder, the output folder, or the source's."""
    if options.out_file is not None:
        return options.out_file.parent
    return options.out_dir or source.parent


def candidate_names(source: Path, options: UpscaleOptions) -> list[Path]:
    """The default target and its numbered alternatives, first choice first (lazy enough: 10k);
    just the named file when the request names one."""
    if options.out_file is not None:
        return [options.out_file]
    folder = output_folder(source, options)
    base = f"{source.stem}@{options.scale}x"
    return [folder / f"{base}{options.suffix}"] + [
        folder / f"{base}-{n}{options.suffix}" for n in range(2, _MAX_TRIES)
    ]


def planned_output(source: Path, options: UpscaleOptions) -> Path:
    """The name the output would get now (the first candidate that does not exist)."""
    for path in candidate_names(source, options):
        if not os.path.lexists(path):
            return path
    raise _taken(source, options)


def _taken(source: Path, options: UpscaleOptions) -> FileExistsError:
    if options.out_file is not None:
        return OutputExists(options.out_file)
    return FileExistsError(f"no free output name for {source} in {output_folder(source, options)}")


def encode(image: Image.Image, fh: IO[bytes], options: UpscaleOptions) -> None:
    """Write ``image`` in the chosen format; ICC carried over, PNG/WebP lossless, JPEG at quality."""
    icc = image.info.get("icc_profile")
    extra: dict = {"icc_profile": icc} if icc else {}
    if options.fmt == "png":
        image.save(fh, "PNG", compress_level=6, **extra)
    elif options.fmt == "webp":
        image.save(fh, "WEBP", lossless=True, quality=100, method=4, exact=True, **extra)
    else:
        if image.mode in ("RGBA", "LA"):  # JPEG has no alpha: flatten on white, as viewers show it
            background = Image.new("RGB" if image.mode == "RGBA" else "L", image.size, "white")
            background.paste(image, mask=image.getchannel("A"))
            image = background
        image.save(
            fh, "JPEG", quality=options.quality, subsampling=0 if options.quality >= 90 else 2, **extra
        )


def write_new_file(
    source: Path,
    options: UpscaleOptions,
    write: Callable[[IO[bytes]], None],
    *,
    should_stop: Callable[[], bool] = lambda: False,
) -> Path | None:
    """Write through ``write`` into a temporary file and publish it under the first free name.

    Returns the path, or None when ``should_stop()`` became true before publishing (nothing is
    left behind). Existing files are never replaced.
    """
    folder = output_folder(source, options)
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=options.suffix + ".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with contextlib.suppress(OSError):  # mkstemp makes 0600; give it the source's permissions
            os.fchmod(fd, (os.stat(source).st_mode & 0o666) | 0o600)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if should_stop():
            return None
        final = _publish(tmp, source, options)
        fsync_dir(folder)
        return final
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _publish(tmp: Path, source: Path, options: UpscaleOptions) -> Path:
    for path in candidate_names(source, options):
        if os.path.lexists(path):
            continue
        try:
            os.link(tmp, path)  # atomic, and fails instead of replacing an existing name
            return path
        except FileExistsError:
            continue  # taken since we looked: try the next name
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV):
                raise
            # No hard links here (FAT, some network shares): rename is still atomic, and the
            # check just above leaves only a tiny window for a file appearing under this name.
            os.rename(tmp, path)
            return path
    raise _taken(source, options)


def sweep_temporary(folder: Path, *, older_than: float = 86_400.0) -> int:
    """Remove temporary files a killed process left in ``folder`` (only old ones: a running job
    elsewhere may be writing a new one); returns how many."""
    removed = 0
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if (
                entry.name.startswith(TMP_PREFIX)
                and entry.name.endswith(".part")
                and now - entry.stat(follow_symlinks=False).st_mtime > older_than
            ):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed
