"""Image embedders: a pooled feature vector per image, for similar-image search.

The offline default is anime-or-not's ResNet-18 (an anime / not-anime classifier). Its graph ends
``GlobalAveragePool -> Flatten ('190') -> Gemm ('output')``; the 512-d tensor ``190`` is added to the
graph outputs (a cached copy of the model, see :func:`with_extra_outputs`), so one run gives both the
embedding and the classifier logits (``scores['anime']`` = softmax(logits)[1], for free).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import platformdirs
from PIL import Image

from acgdesk.models.backends.onnx import open_runner
from acgdesk.models.devices import DeviceChoice
from acgdesk.models.preprocess import batch_tensor
from acgdesk.models.results import Prediction, l2_normalise
from acgdesk.models.spec import ModelSpec, PackageSource

RESNET_FEATURE = "190"  # Flatten output before the final Gemm of anime_or_not_model.onnx
RESNET_FILE = "anime_or_not_model.onnx"


def default_cache_dir() -> Path:
    """Where derived model files (ONNX copies with extra outputs) are kept."""
    return Path(platformdirs.user_cache_dir("acgdesk", appauthor=False)) / "onnx"


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class ResnetEmbedder:
    """:class:`~acgdesk.models.results.ImageModel`: L2-normalised float32 embeddings (``dim`` wide)
    plus ``scores['anime']``. ``predict`` runs the images in chunks of ``batch_size``."""

    def __init__(self, spec: ModelSpec, session, feature: str = RESNET_FEATURE, batch_size: int = 16):
        if spec.preprocess is None:
            raise ValueError(f"{spec.key} has no preprocess contract")
        self.spec = spec
        self.batch_size = max(1, int(batch_size))
        self._session = session
        self._input = session.get_inputs()[0].name
        outputs = [o.name for o in session.get_outputs()]
        if feature not in outputs:
            raise ValueError(f"{spec.key}: session has no output {feature!r} (outputs: {outputs})")
        self._logits = next((name for name in outputs if name != feature), None)
        self._outputs = [feature] + ([self._logits] if self._logits else [])

    def predict(self, images: Sequence[Image.Image]) -> list[Prediction]:
        if self._session is None:
            raise RuntimeError(f"{self.spec.key} is closed")
        out: list[Prediction] = []
        for start in range(0, len(images), self.batch_size):
            chunk = images[start : start + self.batch_size]
            x = batch_tensor(chunk, self.spec.preprocess)
            results = self._session.run(self._outputs, {self._input: x})
            feats = l2_normalise(np.asarray(results[0]).reshape(len(chunk), -1))
            if self.spec.dim is not None and feats.shape[1] != self.spec.dim:
                raise ValueError(f"{self.spec.key}: {feats.shape[1]}-d features, spec says {self.spec.dim}")
            anime = _softmax(np.asarray(results[1], dtype=np.float64))[:, 1] if self._logits else None
            for i in range(len(chunk)):
                pred = Prediction(model=self.spec.key, embedding=feats[i].copy())
                if anime is not None:
                    pred.scores["anime"] = float(anime[i])
                out.append(pred)
        return out

    def close(self) -> None:
        self._session = None


def load_resnet_embedder(
    spec: ModelSpec,
    folder: Path,
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    choice: DeviceChoice | None = None,
    threads: int | None = None,
    batch_size: int = 16,
) -> ResnetEmbedder:
    """Load the anime-or-not ResNet-18 from ``folder`` (the package folder) as an embedder, on the
    device and precision of ``choice`` (default: CPU fp32).

    The first load writes a copy of the ONNX file with tensor ``190`` as an extra output into
    ``cache_dir`` (default: the per-user cache, ``.../acgdesk/onnx``); later loads reuse it.
    """
    name = spec.source.files[0] if isinstance(spec.source, PackageSource) else RESNET_FILE
    session = open_runner(
        Path(folder) / name,
        choice,
        extra_outputs=[RESNET_FEATURE],
        cache_dir=cache_dir or default_cache_dir(),
        threads=threads,
    )
    return ResnetEmbedder(spec, session, RESNET_FEATURE, batch_size)
