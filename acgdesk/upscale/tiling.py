"""Overlapping tiles and their seamless reassembly, with memory bounded by one strip of tiles.

Why tile at all: Real-CUGAN's ncnn build needs about 14 KB of RAM per input pixel of a tile (a
400x400 tile peaks near 2.4 GB on the CPU), and a whole 4096x4096 image in one call would run for
minutes with no progress and no way to stop. Tiles overlap by ``overlap`` input pixels: in that
zone each tile first loses a ``margin`` (pixels that lacked context at the tile's edge), then the
two tiles are cross-faded with a linear ramp, so per-tile differences (Real-CUGAN's squeeze-excite
blocks see each tile's own statistics) never show as a seam. The weights of overlapping tiles sum to
one and are separable, so a row of tiles is assembled into one float strip and only the overlap
with the next row is carried over: the full-size result is only ever held as 8-bit pixels.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Span:
    """One tile's extent along an axis, in input pixels: ``[start, end)``."""

    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Tile:
    """One tile: its row and column in the grid and its input rectangle."""

    row: int
    col: int
    x: Span
    y: Span

    @property
    def box(self) -> tuple[int, int, int, int]:
        """Pillow crop box ``(left, top, right, bottom)``."""
        return (self.x.start, self.y.start, self.x.end, self.y.end)


def plan_axis(length: int, tile: int, overlap: int) -> list[Span]:
    """Cover ``[0, length)`` with as few equal spans of at most ``tile`` pixels as keep at least
    ``overlap`` between neighbours. The spans shrink to share the length evenly, and only
    neighbours overlap (needs ``tile > 4 * overlap``), so each pixel is blended from at most two."""
    if length <= 0:
        raise ValueError(f"empty axis: {length}")
    if length <= tile:
        return [Span(0, length)]
    if tile <= 4 * overlap:
        raise ValueError(f"tile {tile} must be more than four times the overlap {overlap}")
    count = math.ceil((length - overlap) / (tile - overlap))
    size = min(tile, math.ceil((length + (count - 1) * overlap) / count))
    starts = [round(i * (length - size) / (count - 1)) for i in range(count)]
    return [Span(s, s + size) for s in starts]


@dataclass(frozen=True)
class TileGrid:
    """Every tile of one image, in row-major order, plus the blend settings."""

    width: int
    height: int
    xs: tuple[Span, ...]
    ys: tuple[Span, ...]
    margin: int

    @classmethod
    def plan(cls, width: int, height: int, *, tile: int, overlap: int, margin: int) -> TileGrid:
        if not 0 <= 2 * margin < overlap:
            raise ValueError(f"overlap {overlap} must exceed twice the margin {margin}")
        return cls(
            width,
            height,
            tuple(plan_axis(width, tile, overlap)),
            tuple(plan_axis(height, tile, overlap)),
            margin,
        )

    def __len__(self) -> int:
        return len(self.xs) * len(self.ys)

    def __iter__(self) -> Iterator[Tile]:
        for r, y in enumerate(self.ys):
            for c, x in enumerate(self.xs):
                yield Tile(r, c, x, y)

    @property
    def input_pixels(self) -> int:
        """Pixels the model processes, overlaps included (the cost of tiling is this over w*h)."""
        return sum(s.size for s in self.xs) * sum(s.size for s in self.ys)


def axis_weights(spans: tuple[Span, ...], index: int, scale: int, margin: int) -> np.ndarray:
    """Blend weights (float32, output pixels) of span ``index`` along its axis.

    Inside an overlap with a neighbour, each side drops ``margin`` input pixels and the rest is a
    linear ramp; the weights of all spans add up to exactly one at every output pixel.
    """
    span = spans[index]
    n = span.size * scale
    w = np.ones(n, dtype=np.float32)
    if index > 0:  # ramp up over the overlap with the previous span
        lo = (spans[index - 1].end - span.start) * scale
        w[:lo] = _ramp(lo, margin * scale)
    if index < len(spans) - 1:  # ramp down over the overlap with the next span
        hi = (span.end - spans[index + 1].start) * scale
        w[n - hi :] *= 1.0 - _ramp(hi, margin * scale)
    return w


def _ramp(length: int, margin: int) -> np.ndarray:
    """0 for ``margin`` pixels, a linear rise, then 1 for ``margin`` pixels; length ``length``."""
    r = np.zeros(length, dtype=np.float32)
    inner = length - 2 * margin
    r[margin : margin + inner] = (np.arange(inner, dtype=np.float32) + 0.5) / inner
    r[length - margin :] = 1.0
    return r


class StripAssembler:
    """Receives upscaled tiles in row-major order and hands out finished rows of 8-bit pixels.

    ``emit(y, rows)`` is called with output row ``y`` and a ``uint8`` array of whole-width rows; rows
    come out top to bottom exactly once. Only the current strip (float32) and the overlap carried
    into the next row of tiles are held.
    """

    def __init__(
        self, grid: TileGrid, scale: int, channels: int, emit: Callable[[int, np.ndarray], None]
    ) -> None:
        self.grid = grid
        self.scale = scale
        self.channels = channels
        self.emit = emit
        self._wx = [axis_weights(grid.xs, i, scale, grid.margin) for i in range(len(grid.xs))]
        self._strip: np.ndarray | None = None
        self._carry: np.ndarray | None = None  # weighted rows shared with the next strip
        self._row = -1

    def add(self, tile: Tile, pixels: np.ndarray) -> None:
        """Add one upscaled tile (``h*scale x w*scale x channels``, any numeric dtype)."""
        s = self.scale
        expected = (tile.y.size * s, tile.x.size * s, self.channels)
        if pixels.shape != expected:
            raise ValueError(f"tile {tile.row},{tile.col}: got {pixels.shape}, expected {expected}")
        if tile.row != self._row:
            if tile.col != 0 or tile.row != self._row + 1:
                raise ValueError("tiles must arrive in row-major order")
            self._row = tile.row
            self._strip = np.zeros((tile.y.size * s, self.grid.width * s, self.channels), np.float32)
        assert self._strip is not None
        x0 = tile.x.start * s
        region = self._strip[:, x0 : x0 + pixels.shape[1]]
        region += pixels.astype(np.float32) * self._wx[tile.col][None, :, None]
        if tile.col == len(self.grid.xs) - 1:
            self._finish_strip()

    def _finish_strip(self) -> None:
        assert self._strip is not None
        s, ys, r = self.scale, self.grid.ys, self._row
        strip = self._strip
        strip *= axis_weights(ys, r, s, self.grid.margin)[:, None, None]
        y0 = ys[r].start * s
        if self._carry is not None:
            strip[: self._carry.shape[0]] += self._carry
        keep_from = (ys[r + 1].start - ys[r].start) * s if r + 1 < len(ys) else strip.shape[0]
        self._carry = strip[keep_from:].copy() if r + 1 < len(ys) else None
        done = strip[:keep_from]
        np.rint(done, out=done)
        self.emit(y0, np.clip(done, 0, 255).astype(np.uint8))
        self._strip = None
