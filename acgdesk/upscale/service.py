"""One upscale, start to finish: read, check, prepare, run the tiles, rebuild, write a new file.

Per-file problems (unreadable, animated, too large, disk full) come back as a failed
:class:`UpscaleResult` so a batch goes on; a missing runtime (:class:`UpscalerUnavailable`) is
raised, since no other file would fare better. The source file is only ever opened for reading.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, UnidentifiedImageError

from acgdesk.core.errors import FileErrorKind, ImageFileError
from acgdesk.imaging.formats import register_plugins
from acgdesk.pipeline.engine import CancelToken
from acgdesk.upscale.engine import RealcuganEngine
from acgdesk.upscale.options import UpscaleOptions
from acgdesk.upscale.output import encode, write_new_file
from acgdesk.upscale.pixels import check_still, finish, prepare, upscale_alpha
from acgdesk.upscale.tiling import StripAssembler, TileGrid

# Input pixels accepted: 40 MP (e.g. 7300x5500). At 2x the result is 160 MP, 640 MB as RGBA pixels;
# anything bigger is refused before decoding rather than risk running the machine out of memory.
MAX_INPUT_PIXELS = 40_000_000


@dataclass(frozen=True)
class UpscaleProgress:
    """A snapshot of one upscale; ``tile``/``tiles`` count finished tiles."""

    source: str
    phase: str  # "reading" | "upscaling" | "saving" | "done" | "cancelled" | "failed"
    tile: int
    tiles: int
    elapsed: float
    eta: float | None  # seconds, once a tile has finished

    @property
    def fraction(self) -> float:
        return self.tile / self.tiles if self.tiles else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "fraction": round(self.fraction, 4)}


ProgressFn = Callable[[UpscaleProgress], None]


@dataclass
class UpscaleResult:
    """What happened to one source. ``status``: "done", "cancelled" or "failed"."""

    source: Path
    status: str
    output: Path | None = None
    error: str | None = None
    error_kind: str | None = None
    size: tuple[int, int] | None = None  # input, upright
    output_size: tuple[int, int] | None = None
    tiles: int = 0
    device: str | None = None
    elapsed: float = 0.0
    options: dict[str, Any] = field(default_factory=dict)
    library: dict[str, Any] | None = None  # what the library recorded (file ids, inherited tags)

    @property
    def ok(self) -> bool:
        return self.status == "done"

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["source"] = str(self.source)
        out["output"] = str(self.output) if self.output else None
        return out


def upscale_file(
    source: str | os.PathLike[str],
    options: UpscaleOptions,
    *,
    engine: RealcuganEngine | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    max_pixels: int = MAX_INPUT_PIXELS,
) -> UpscaleResult:
    """Upscale ``source`` into a new file (see :mod:`acgdesk.upscale.output` for the name)."""
    path = Path(source)
    cancel = cancel or CancelToken()
    started = time.monotonic()
    result = UpscaleResult(path, "failed", options=options.describe())

    def report(phase: str, tile: int = 0, tiles: int = 0) -> None:
        if progress is None:
            return
        elapsed = time.monotonic() - started
        eta = elapsed / tile * (tiles - tile) if tile and tiles else None
        progress(UpscaleProgress(str(path), phase, tile, tiles, elapsed, eta))

    try:
        report("reading")
        prepared = _load(path, max_pixels)
        if engine is None:
            engine = RealcuganEngine(options)
        result.device = engine.device.label
        result.size = prepared.size
        rgb, grid = _run_tiles(prepared.rgb, engine, cancel, report)
        result.tiles = len(grid)
        if cancel.cancelled:
            result.status = "cancelled"
        else:
            alpha = upscale_alpha(prepared.alpha, options.scale) if prepared.alpha is not None else None
            image = finish(rgb, alpha, prepared)
            del rgb, alpha
            result.output_size = image.size
            report("saving", len(grid), len(grid))
            out = write_new_file(
                path, options, lambda fh: encode(image, fh, options), should_stop=lambda: cancel.cancelled
            )
            result.output, result.status = (out, "done") if out else (None, "cancelled")
    except ImageFileError as exc:
        result.error, result.error_kind = exc.message, str(exc.kind)
    except MemoryError:
        result.error, result.error_kind = "not enough memory to upscale this image", "out_of_memory"
    except OSError as exc:  # writing: disk full, read-only folder, permissions
        result.error, result.error_kind = f"cannot write the output: {exc.strerror or exc}", "write_error"
    result.elapsed = time.monotonic() - started
    report(result.status if result.status != "done" else "done", result.tiles, result.tiles)
    return result


def _load(path: Path, max_pixels: int):
    """Open read-only, refuse what cannot or should not be upscaled, and prepare the pixels."""
    register_plugins()
    try:
        with Image.open(path) as im:
            w, h = im.size
            if w * h > max_pixels:
                raise ImageFileError(
                    FileErrorKind.TOO_LARGE,
                    f"{w}x{h} is {w * h:,} pixels; upscaling is limited to {max_pixels:,} input pixels",
                )
            check_still(im)
            im.load()
            return prepare(im)
    except ImageFileError:
        raise
    except FileNotFoundError as exc:
        raise ImageFileError(FileErrorKind.VANISHED, f"file not found: {path}") from exc
    except PermissionError as exc:
        raise ImageFileError(FileErrorKind.PERMISSION, f"permission denied: {path}") from exc
    except IsADirectoryError as exc:
        raise ImageFileError(FileErrorKind.NOT_A_FILE, f"not a file: {path}") from exc
    except UnidentifiedImageError as exc:
        raise ImageFileError(FileErrorKind.UNSUPPORTED, f"not an image Pillow can read: {path}") from exc
    except Image.DecompressionBombError as exc:
        raise ImageFileError(FileErrorKind.TOO_LARGE, str(exc)) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageFileError(FileErrorKind.CORRUPT, f"cannot decode {path.name}: {exc}") from exc


def _run_tiles(
    rgb: Image.Image, engine: RealcuganEngine, cancel: CancelToken, report: Callable[..., None]
) -> tuple[Image.Image, TileGrid]:
    """Upscale ``rgb`` tile by tile into a new 8-bit RGB image; stops between tiles on cancel."""
    s = engine.scale
    tile = engine.tile_for(rgb.width, rgb.height) or max(rgb.size)
    opts = engine.options
    grid = TileGrid.plan(rgb.width, rgb.height, tile=tile, overlap=opts.overlap, margin=opts.margin)
    canvas = Image.new("RGB", (rgb.width * s, rgb.height * s))

    def emit(y: int, rows: np.ndarray) -> None:
        canvas.paste(Image.fromarray(rows, "RGB"), (0, y))

    assembler = StripAssembler(grid, s, 3, emit)
    report("upscaling", 0, len(grid))
    for n, t in enumerate(grid, start=1):
        if cancel.cancelled:
            break
        piece = rgb if len(grid) == 1 else rgb.crop(t.box)
        assembler.add(t, engine.upscale(piece))
        report("upscaling", n, len(grid))
    return canvas, grid
