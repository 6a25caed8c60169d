"""ACGVoc2vec: a multilingual (Chinese / Japanese / English) anime-vocabulary text encoder.

A sentence-transformers model (DistilBERT, mean pooling, a 768 -> 512 tanh dense layer) from
``OysterQAQ/ACGVoc2vec``, fine-tuned from distiluse-base-multilingual-cased-v2 on anime title,
character, tag and synopsis pairs, so ``猫耳`` and ``ネコミミ`` land near ``cat ears``. Chosen as the
library's text encoder it embeds tags, prompts, names and queries in place of MiniLM. It runs on
torch (:mod:`acgdesk.models.backends.hf_text`); its ``.bin`` weights are read weights-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from acgdesk.models.devices import DeviceChoice
from acgdesk.models.spec import ModelSpec


class Acgvoc2vecEncoder:
    """:class:`~acgdesk.models.results.TextEncoder`: ``encode(texts) -> (N, 512)`` unit rows."""

    def __init__(self, spec: ModelSpec, model, batch_size: int = 64) -> None:
        if spec.dim is not None and model.dim != spec.dim:
            raise ValueError(f"{spec.key}: model gives {model.dim}-d vectors, spec says {spec.dim}")
        self.spec = spec
        self.batch_size = max(1, int(batch_size))
        self.device = model.device
        self._model = model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._model.encode(list(texts), self.batch_size)

    def close(self) -> None:
        self._model.close()


def load_acgvoc2vec(
    spec: ModelSpec, folder: Path, *, choice: DeviceChoice | None = None, batch_size: int = 64
) -> Acgvoc2vecEncoder:
    """The encoder in ``folder`` (the sentence-transformers layout of the hub repository)."""
    from acgdesk.models.backends.hf_text import load_sentence_dense

    return Acgvoc2vecEncoder(spec, load_sentence_dense(folder, choice), batch_size)
