"""CLIP models saved as Hugging Face ``CLIPModel`` folders (DanbooruCLIP: ViT-L/14 tuned on Danbooru).

Image preprocessing is what transformers' ``CLIPImageProcessor`` does for these checkpoints (and what
their ``preprocessor_config.json`` asks): RGB (transparency over white), the shortest side resized
to ``size`` with bicubic resampling, a centred ``size`` x ``size`` crop, values scaled to 0..1 and
normalised with CLIP's mean and std, NCHW. The towers run on torch
(:mod:`acgdesk.models.backends.hf_clip`); both give L2-normalised vectors in one space, so a text
query ranks the stored image vectors directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from acgdesk.models.devices import DeviceChoice
from acgdesk.models.preprocess import flatten_alpha
from acgdesk.models.results import Prediction, l2_normalise
from acgdesk.models.spec import ModelSpec, Preprocess

_RESAMPLE = {"bicubic": Image.Resampling.BICUBIC, "bilinear": Image.Resampling.BILINEAR}


def resize_and_crop(image: Image.Image, size: int, resample: str = "bicubic") -> Image.Image:
    """Shortest side to ``size`` (the other rounded as transformers rounds), then a centred square."""
    rgb = flatten_alpha(image, (255, 255, 255))
    w, h = rgb.size
    short, long = (w, h) if w <= h else (h, w)
    new_long = int(size * long / short)
    new_w, new_h = (size, new_long) if w <= h else (new_long, size)
    if (new_w, new_h) != (w, h):
        rgb = rgb.resize((new_w, new_h), _RESAMPLE[resample])
    left = (new_w - size) // 2
    top = (new_h - size) // 2
    return rgb.crop((left, top, left + size, top + size))


def clip_pixels(images: Sequence[Image.Image], pre: Preprocess) -> np.ndarray:
    """(N, 3, size, size) float32 after :func:`resize_and_crop`, scaling and CLIP normalisation."""
    if not images:
        return np.zeros((0, 3, pre.size, pre.size), np.float32)
    mean = np.asarray(pre.mean or (0.0, 0.0, 0.0), np.float32)
    std = np.asarray(pre.std or (1.0, 1.0, 1.0), np.float32)
    rows = []
    for image in images:
        arr = np.asarray(resize_and_crop(image, pre.size, pre.resample), np.float32) * np.float32(pre.scale)
        rows.append(((arr - mean) / std).transpose(2, 0, 1))
    return np.ascontiguousarray(np.stack(rows), dtype=np.float32)


class HfClipImageModel:
    """:class:`~acgdesk.models.results.ImageModel`: one unit ``Prediction.embedding`` per image."""

    def __init__(self, spec: ModelSpec, tower, batch_size: int = 16) -> None:
        if spec.preprocess is None:
            raise ValueError(f"{spec.key} has no preprocess contract")
        if spec.dim is not None and tower.dim != spec.dim:
            raise ValueError(f"{spec.key}: model gives {tower.dim}-d vectors, spec says {spec.dim}")
        self.spec = spec
        self.batch_size = max(1, int(batch_size))
        self._tower = tower

    def predict(self, images: Sequence[Image.Image]) -> list[Prediction]:
        out: list[Prediction] = []
        for start in range(0, len(images), self.batch_size):
            chunk = images[start : start + self.batch_size]
            emb = l2_normalise(self._tower.embed(clip_pixels(chunk, self.spec.preprocess)))
            out.extend(Prediction(model=self.spec.key, embedding=row.copy()) for row in emb)
        return out

    def close(self) -> None:
        self._tower.close()


class HfClipTextEncoder:
    """:class:`~acgdesk.models.results.TextEncoder` for the text tower: unit rows in the image space."""

    def __init__(self, spec: ModelSpec, tower, batch_size: int = 64) -> None:
        self.spec = spec
        self.batch_size = max(1, int(batch_size))
        self.device = tower.choice.device
        self._tower = tower

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.spec.dim or self._tower.dim), np.float32)
        parts = [
            l2_normalise(self._tower.embed(texts[start : start + self.batch_size]))
            for start in range(0, len(texts), self.batch_size)
        ]
        return np.concatenate(parts).astype(np.float32, copy=False)

    def close(self) -> None:
        self._tower.close()


def load_hf_clip_image(
    spec: ModelSpec, folder: Path, *, choice: DeviceChoice | None = None, batch_size: int = 16
) -> HfClipImageModel:
    from acgdesk.models.backends.hf_clip import ClipVisionTower

    return HfClipImageModel(spec, ClipVisionTower(folder, choice), batch_size)


def load_hf_clip_text(
    spec: ModelSpec, folder: Path, *, choice: DeviceChoice | None = None, batch_size: int = 64
) -> HfClipTextEncoder:
    from acgdesk.models.backends.hf_clip import ClipTextTower

    return HfClipTextEncoder(spec, ClipTextTower(folder, choice), batch_size)
