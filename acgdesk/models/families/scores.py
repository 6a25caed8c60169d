"""Per-image scores: technical quality (no model) and the anime aesthetic model (skytnt, ONNX).

Technical quality (``technical-quality``):

- ``megapixels``: width x height of the ORIGINAL file / 1e6. The image handed to ``predict`` is usually a
  reduced working copy, so the original size is passed in (``sizes``); without it the copy's own size is used.
- ``laplacian_variance``: variance of the 4-neighbour Laplacian of a grey copy (alpha flattened on white)
  resized so that its longer side is exactly :data:`SHARPNESS_SIDE` (512) — down or up — so values compare
  across sizes (a small image blown up to 512 looks, and scores, soft).
- ``sharpness`` = v / (v + :data:`SHARPNESS_HALF`) with v the variance: 0 for a flat image, 0.5 at
  v = 100 (the usual "blurry below 100" rule of thumb on 0..255 grey), approaching 1 for crisp line art.
  Monotonic in v, so a blurred copy always scores lower than its original.

Anime aesthetic (``anime-aesthetic``): input ``img`` [1, 3, 768, 768], RGB 0..1, letterboxed centred on
black (``spec.preprocess`` via ``batch_tensor``); one scalar out (0..1 by design of the model; stored as the
model gives it) in ``scores['aesthetic']``. A graph with a fixed batch dimension is run one image at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from acgdesk.models.backends.onnx import open_runner
from acgdesk.models.devices import DeviceChoice
from acgdesk.models.preprocess import batch_tensor, flatten_alpha
from acgdesk.models.results import Prediction
from acgdesk.models.spec import HubSource, ModelSpec

SHARPNESS_SIDE = 512
SHARPNESS_HALF = 100.0


def laplacian_variance(image: Image.Image, side: int = SHARPNESS_SIDE) -> float:
    """Variance of the Laplacian of ``image`` in grey (0..255) at longer side ``side``."""
    grey = flatten_alpha(image, (255, 255, 255)).convert("L")
    w, h = grey.size
    scale = side / max(w, h)
    size = (max(3, round(w * scale)), max(3, round(h * scale)))
    if size != grey.size:
        grey = grey.resize(size, Image.Resampling.BILINEAR)
    a = np.asarray(grey, dtype=np.float32)
    lap = a[1:-1, :-2] + a[1:-1, 2:] + a[:-2, 1:-1] + a[2:, 1:-1] - 4 * a[1:-1, 1:-1]
    return float(lap.var(dtype=np.float64))


def sharpness_score(variance: float) -> float:
    """The documented 0..1 mapping of a Laplacian variance."""
    v = max(0.0, float(variance))
    return v / (v + SHARPNESS_HALF)


def technical_scores(
    image: Image.Image, width: int | None = None, height: int | None = None
) -> dict[str, float]:
    """``megapixels`` (of the original ``width`` x ``height``), ``laplacian_variance`` and ``sharpness``."""
    w = width if width is not None else image.width
    h = height if height is not None else image.height
    variance = laplacian_variance(image)
    return {
        "megapixels": w * h / 1e6,
        "laplacian_variance": variance,
        "sharpness": sharpness_score(variance),
    }


class TechnicalQuality:
    """:class:`~acgdesk.models.results.ImageModel` without a network. ``sizes`` gives the (width,
    height) of each original file; the images themselves may be reduced copies."""

    def __init__(self, spec: ModelSpec):
        self.spec = spec

    def predict(
        self, images: Sequence[Image.Image], sizes: Sequence[tuple[int, int]] | None = None
    ) -> list[Prediction]:
        if sizes is not None and len(sizes) != len(images):
            raise ValueError("one size per image")
        out = []
        for i, image in enumerate(images):
            w, h = sizes[i] if sizes is not None else image.size
            out.append(Prediction(model=self.spec.key, scores=technical_scores(image, w, h)))
        return out

    def close(self) -> None:
        pass


def load_technical(spec: ModelSpec, folder: Path | None = None) -> TechnicalQuality:
    """The technical-quality scorer (``folder`` is unused: there is no model file)."""
    return TechnicalQuality(spec)


class AestheticModel:
    """:class:`~acgdesk.models.results.ImageModel` putting one ``scores[key]`` per image."""

    def __init__(self, spec: ModelSpec, session, batch_size: int = 8, key: str = "aesthetic"):
        if spec.preprocess is None:
            raise ValueError(f"{spec.key} has no preprocess contract")
        self.spec = spec
        self.key = key
        self._session = session
        first = session.get_inputs()[0]
        self._input = first.name
        fixed = first.shape[0] if first.shape and isinstance(first.shape[0], int) else None
        self.batch_size = fixed or max(1, int(batch_size))  # a fixed batch (1 for skytnt's) wins

    def predict(self, images: Sequence[Image.Image]) -> list[Prediction]:
        if self._session is None:
            raise RuntimeError(f"{self.spec.key} is closed")
        out: list[Prediction] = []
        for start in range(0, len(images), self.batch_size):
            chunk = images[start : start + self.batch_size]
            x = batch_tensor(chunk, self.spec.preprocess)
            values = np.asarray(self._session.run(None, {self._input: x})[0]).reshape(len(chunk), -1)[:, 0]
            out.extend(Prediction(model=self.spec.key, scores={self.key: float(v)}) for v in values)
        return out

    def close(self) -> None:
        self._session = None


def load_anime_aesthetic(
    spec: ModelSpec,
    folder: Path,
    *,
    choice: DeviceChoice | None = None,
    threads: int | None = None,
    batch_size: int = 8,
) -> AestheticModel:
    """skytnt's anime aesthetic model from ``folder`` (``model.onnx``) on ``choice`` (default CPU)."""
    name = spec.source.files[0].name if isinstance(spec.source, HubSource) else "model.onnx"
    return AestheticModel(spec, open_runner(Path(folder) / name, choice, threads=threads), batch_size)
