"""Turning decoded images into exactly the tensor a model was trained on.

Every family's contract (pad colour, size, resampling, channel order, value range, normalisation,
layout) is data in its :class:`~acgdesk.models.spec.Preprocess`; this module is the one place that
applies it, so tests can check each step on real pixels.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image

from acgdesk.models.spec import Preprocess

_RESAMPLE = {
    "bicubic": Image.Resampling.BICUBIC,
    "bilinear": Image.Resampling.BILINEAR,
    "lanczos": Image.Resampling.LANCZOS,
    "nearest": Image.Resampling.NEAREST,
}
_PAD = {"white": (255, 255, 255), "black": (0, 0, 0)}


def flatten_alpha(image: Image.Image, background: tuple[int, int, int]) -> Image.Image:
    """RGB image with any transparency composited over ``background``."""
    if image.mode == "RGB":
        return image
    if image.mode != "RGBA":
        image = image.convert("RGBA")
    canvas = Image.new("RGB", image.size, background)
    canvas.paste(image, mask=image.getchannel("A"))
    return canvas


def square(image: Image.Image, pre: Preprocess) -> Image.Image:
    """Pad to a centred square (``pad`` colour) and resize to ``pre.size``; "none" stretches."""
    background = _PAD.get(pre.pad, (255, 255, 255))
    rgb = flatten_alpha(image, background)
    resample = _RESAMPLE[pre.resample]
    if pre.pad == "none":
        return rgb.resize((pre.size, pre.size), resample)
    w, h = rgb.size
    side = max(w, h)
    if (w, h) != (side, side):
        canvas = Image.new("RGB", (side, side), background)
        canvas.paste(rgb, ((side - w) // 2, (side - h) // 2))
        rgb = canvas
    if side != pre.size:
        rgb = rgb.resize((pre.size, pre.size), resample)
    return rgb


def to_array(image: Image.Image, pre: Preprocess) -> np.ndarray:
    """One image as an (H, W, C) float array in the model's channel order, range and normalisation."""
    arr = np.asarray(square(image, pre), dtype=np.float32)
    if pre.channels == "BGR":
        arr = arr[..., ::-1]
    arr = arr * np.float32(pre.scale)
    if pre.mean is not None and pre.std is not None:
        mean = np.asarray(pre.mean if pre.channels == "RGB" else pre.mean[::-1], dtype=np.float32)
        std = np.asarray(pre.std if pre.channels == "RGB" else pre.std[::-1], dtype=np.float32)
        arr = (arr - mean) / std
    return arr


def batch_tensor(images: Sequence[Image.Image], pre: Preprocess) -> np.ndarray:
    """A contiguous (N, C, H, W) or (N, H, W, C) batch in ``pre.dtype`` (N may be 0)."""
    if not images:
        shape = (0, 3, pre.size, pre.size) if pre.layout == "NCHW" else (0, pre.size, pre.size, 3)
        return np.empty(shape, dtype=np.dtype(pre.dtype))
    stacked = np.stack([to_array(im, pre) for im in images])
    if pre.layout == "NCHW":
        stacked = stacked.transpose(0, 3, 1, 2)
    return np.ascontiguousarray(stacked, dtype=np.dtype(pre.dtype))
