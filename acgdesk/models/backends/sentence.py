"""sentence-transformers (torch) behind a small interface, strictly offline.

Loading never reaches a model hub: the hub client's offline switch (``huggingface_hub.constants``,
which transformers and sentence-transformers consult) is turned on before sentence-transformers is
imported, and the model is opened from a local folder with ``local_files_only=True``. The process
environment is left alone: a download the user asks for later (``acgdesk.models.download``) follows
the user's own ``HF_HUB_OFFLINE``, not this switch. transformers' progress bars are switched off
(process-wide).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch


def force_offline() -> None:
    """Turn the hub client's offline switch on for local loading (model downloads set it to the
    user's choice for their own calls). Setting the environment instead made every later install
    in the process fail as "HF_HUB_OFFLINE is set" once a text encoder had been loaded."""
    import huggingface_hub.constants as hub_constants

    hub_constants.HF_HUB_OFFLINE = True


class SentenceModel:
    """A loaded sentence-transformers model; ``encode`` returns L2-normalised float32 rows."""

    def __init__(self, model: Any, device: str):
        self._model = model
        self.device = device
        dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(dim())

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        if self._model is None:
            raise RuntimeError("model is closed")
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with torch.inference_mode():
            vectors = self._model.encode(
                list(texts),
                batch_size=batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def close(self) -> None:
        self._model = None


def load_sentence_model(folder: str | os.PathLike[str], device: str = "cpu") -> SentenceModel:
    """Open the sentence-transformers model saved in ``folder`` (``modules.json`` and weights)."""
    force_offline()
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no tqdm bars on stderr: acgdesk reports its own progress

    path = Path(folder)
    if not (path / "modules.json").is_file():
        raise FileNotFoundError(f"no sentence-transformers model in {path}")
    model = SentenceTransformer(str(path), device=device, local_files_only=True)
    model.eval()
    return SentenceModel(model, device)
