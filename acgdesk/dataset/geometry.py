"""Output sizes: the longest-side limit, and aspect-ratio buckets the way kohya-ss sd-scripts makes them.

Bucket rule (sd-scripts' ``make_bucket_resolutions``, restated): for a resolution R and a step s,
the buckets are the square ``floor(R / s) * s`` and, for every width w from ``min_bucket`` to
``max_bucket`` in steps of s, ``(w, h)`` and ``(h, w)`` with ``h = min(max_bucket, floor(R² / w / s)
* s)`` when ``h >= min_bucket``: every bucket holds at most R² pixels. An image goes to the bucket
whose aspect ratio is closest to its own. A trainer given the same rule puts the exported image
into the same bucket without cropping it again.

Pure arithmetic: the preview counts buckets from the sizes the library stores, the export from the
decoded image, with the same function.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from acgdesk.dataset.options import ImageOptions


@dataclass(frozen=True)
class Geometry:
    """How one image becomes its output: scaled to ``scaled`` (w, h), then cut to ``final`` by a
    centred crop (``scaled`` larger) or placed centred on a canvas of ``final`` (``pad``)."""

    scaled: tuple[int, int]
    final: tuple[int, int]
    pad: bool = False

    @property
    def crop_box(self) -> tuple[int, int, int, int]:
        (sw, sh), (fw, fh) = self.scaled, self.final
        left, top = (sw - fw) // 2, (sh - fh) // 2
        return left, top, left + fw, top + fh

    @property
    def offset(self) -> tuple[int, int]:
        (sw, sh), (fw, fh) = self.scaled, self.final
        return (fw - sw) // 2, (fh - sh) // 2


@lru_cache(maxsize=64)
def bucket_sizes(resolution: int, step: int, low: int, high: int) -> tuple[tuple[int, int], ...]:
    """Every bucket (w, h) for a resolution, sorted by aspect ratio (w / h)."""
    area = resolution * resolution
    side = max(step, (resolution // step) * step)
    found = {(side, side)}
    w = low
    while w <= high:
        h = min(high, (area // w // step) * step)
        if h >= low:
            found.add((w, h))
            found.add((h, w))
        w += step
    return tuple(sorted(found, key=lambda b: (b[0] / b[1], b[0] * b[1])))


def nearest_bucket(width: int, height: int, buckets: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    """The bucket closest in aspect ratio (compared as logarithms, so 2:1 and 1:2 are equally far
    from square); on a tie the larger bucket."""
    ratio = math.log(width / height)
    return min(buckets, key=lambda b: (abs(math.log(b[0] / b[1]) - ratio), -b[0] * b[1]))


def _own_bucket(width: int, height: int, o: ImageOptions) -> tuple[int, int]:
    """kohya's ``bucket_no_upscale``: the image's own size (shrunk to R² pixels if larger), each side
    rounded down to the step."""
    scale = min(1.0, math.sqrt(o.resolution * o.resolution / (width * height)))
    step = o.bucket_step
    w = max(step, int(width * scale) // step * step)
    h = max(step, int(height * scale) // step * step)
    return w, h


def geometry_for(width: int, height: int, o: ImageOptions) -> Geometry:
    """The output size of a ``width`` x ``height`` (upright) image under ``o``."""
    if width <= 0 or height <= 0:
        raise ValueError(f"an image needs a size, not {width}x{height}")
    if o.resize == "keep":
        return Geometry((width, height), (width, height))
    if o.resize == "max_side":
        scale = o.max_side / max(width, height)
        if scale >= 1.0 and not o.enlarge:
            return Geometry((width, height), (width, height))
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        return Geometry(size, size)
    bucket = nearest_bucket(
        width, height, bucket_sizes(o.resolution, o.bucket_step, o.min_bucket, o.max_bucket)
    )
    bw, bh = bucket
    if o.fit == "pad":
        scale = min(bw / width, bh / height)
        if scale > 1.0 and not o.enlarge:
            if width * height < bw * bh:  # small: a bucket of its own rather than a sea of padding
                bw, bh = _own_bucket(width, height, o)
                scale = min(1.0, bw / width, bh / height)
            else:
                scale = 1.0
        size = (min(bw, max(1, round(width * scale))), min(bh, max(1, round(height * scale))))
        return Geometry(size, (bw, bh), pad=True)
    scale = max(bw / width, bh / height)
    if scale > 1.0 and not o.enlarge:
        bw, bh = _own_bucket(width, height, o)
        scale = max(bw / width, bh / height)
    size = (max(bw, math.ceil(width * scale - 1e-9)), max(bh, math.ceil(height * scale - 1e-9)))
    return Geometry(size, (bw, bh))
