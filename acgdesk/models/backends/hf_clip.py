"""CLIP towers from a Hugging Face ``CLIPModel`` folder (``config.json``, ``pytorch_model.bin`` or
``model.safetensors``, CLIP BPE tokenizer files), run with transformers.

Only the tower a caller needs is built: ``CLIPVisionModelWithProjection`` (``vision_model.*`` and
``visual_projection.weight`` of the checkpoint) for images, ``CLIPTextModelWithProjection``
(``text_model.*``, ``text_projection.weight``) for text; both give vectors in the joint
``projection_dim`` space. Weights are read through :mod:`acgdesk.models.backends.safe_torch_load`
(checked, weights-only, memory-mapped), so indexing never holds the unused tower in memory.
Images arrive already preprocessed (``pixel_values`` as numpy); text is tokenised here, padded and
truncated to the text config's ``max_position_embeddings`` (77 for OpenAI CLIP).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch

from acgdesk.models.backends.safe_torch_load import find_weights, load_state_dict
from acgdesk.models.backends.sentence import force_offline
from acgdesk.models.backends.torch_device import prepare_module, to_tensor
from acgdesk.models.devices import DeviceChoice

_CPU = DeviceChoice("torch", "cpu", None, "fp32", "default")
# Buffers older checkpoints saved that newer transformers rebuild: ignored when unexpected.
_REBUILT = ("position_ids",)


def _tower(folder: Path, tower: str) -> torch.nn.Module:
    from transformers import CLIPConfig, CLIPTextModelWithProjection, CLIPVisionModelWithProjection

    config = CLIPConfig.from_pretrained(os.fspath(folder), local_files_only=True)
    if tower == "vision":
        sub, cls, prefixes = (
            config.vision_config,
            CLIPVisionModelWithProjection,
            ("vision_model.", "visual_projection."),
        )
    elif tower == "text":
        sub, cls, prefixes = (
            config.text_config,
            CLIPTextModelWithProjection,
            ("text_model.", "text_projection."),
        )
    else:
        raise ValueError(f"unknown CLIP tower {tower!r}")
    sub.projection_dim = config.projection_dim  # the sub-configs carry their own default (512)
    model = cls(sub)
    state = {k: v for k, v in load_state_dict(find_weights(folder)).items() if k.startswith(prefixes)}
    expected = set(model.state_dict())
    missing = sorted(expected - set(state))
    unexpected = sorted(k for k in set(state) - expected if not k.endswith(_REBUILT))
    if missing or unexpected:
        raise ValueError(
            f"{folder}: the checkpoint does not fit a CLIP {tower} tower "
            f"(missing {missing[:4]}, unexpected {unexpected[:4]})"
        )
    model.load_state_dict({k: v for k, v in state.items() if k in expected}, strict=True)
    return model


class ClipVisionTower:
    """``embed(pixel_values (N, 3, S, S) float32) -> (N, projection_dim)`` unnormalised float32."""

    def __init__(self, folder: str | os.PathLike[str], choice: DeviceChoice | None = None) -> None:
        force_offline()
        self.choice = choice or _CPU
        self._model = prepare_module(_tower(Path(folder), "vision"), self.choice)
        self.dim = int(self._model.config.projection_dim)
        self.image_size = int(self._model.config.image_size)

    def embed(self, pixel_values: np.ndarray) -> np.ndarray:
        if self._model is None:
            raise RuntimeError("model is closed")
        with torch.inference_mode():
            out = self._model(pixel_values=to_tensor(pixel_values, self.choice)).image_embeds
        return out.float().cpu().numpy()

    def close(self) -> None:
        self._model = None


class ClipTextTower:
    """``embed(texts) -> (N, projection_dim)`` unnormalised float32, after CLIP's BPE tokeniser."""

    def __init__(self, folder: str | os.PathLike[str], choice: DeviceChoice | None = None) -> None:
        force_offline()
        from transformers import AutoTokenizer

        self.choice = choice or _CPU
        self._model = prepare_module(_tower(Path(folder), "text"), self.choice)
        self.dim = int(self._model.config.projection_dim)
        self.context_length = int(self._model.config.max_position_embeddings)
        self._tokenizer: Any = AutoTokenizer.from_pretrained(os.fspath(folder), local_files_only=True)

    def tokenize(self, texts: Sequence[str]) -> dict[str, torch.Tensor]:
        return self._tokenizer(
            [str(t) for t in texts],
            padding="max_length",
            truncation=True,
            max_length=self.context_length,
            return_tensors="pt",
        )

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            raise RuntimeError("model is closed")
        batch = self.tokenize(texts)
        device = torch.device(self.choice.device)
        with torch.inference_mode():
            out = self._model(
                input_ids=batch["input_ids"].to(device), attention_mask=batch["attention_mask"].to(device)
            ).text_embeds
        return out.float().cpu().numpy()

    def close(self) -> None:
        self._model = None
