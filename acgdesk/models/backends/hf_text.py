"""A sentence-transformers folder (transformer, pooling, optional dense layer) run with transformers.

ACGVoc2vec's layout, as its ``modules.json`` lists it: the transformer at the folder's root
(``config.json``, ``pytorch_model.bin``, the tokenizer files, ``sentence_bert_config.json`` with
``max_seq_length``), ``1_Pooling/config.json`` (mean over the attention mask, or the CLS token) and
``2_Dense`` (``config.json`` with in/out features, bias and activation; its weights as
``linear.weight``/``linear.bias``). The network comes from ``transformers`` (``AutoModel.from_config``:
no code from the folder runs) and every weight file goes through
:mod:`acgdesk.models.backends.safe_torch_load`. Output rows are L2-normalised float32, as the other
text encoders give.

Offline: the hub's offline switches are set before transformers is imported and files are read with
``local_files_only=True``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch

from acgdesk.models.backends.safe_torch_load import find_weights, load_state_dict
from acgdesk.models.backends.sentence import force_offline
from acgdesk.models.backends.torch_device import prepare_module
from acgdesk.models.devices import DeviceChoice

_ACTIVATIONS = {
    "torch.nn.modules.activation.Tanh": torch.tanh,
    "torch.nn.modules.linear.Identity": lambda x: x,
}
_PREFIXES = ("distilbert.", "bert.", "model.")  # heads saved around the base model


def _read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _modules(folder: Path) -> list[dict[str, Any]]:
    modules = _read_json(folder / "modules.json")
    kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
    if (
        not kinds
        or kinds[0] != "Transformer"
        or any(k not in ("Pooling", "Dense", "Normalize") for k in kinds[1:])
    ):
        raise ValueError(f"{folder}: unsupported sentence-transformers modules {kinds}")
    return modules


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean of the token states where ``mask`` is 1 (sentence-transformers' mean pooling)."""
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(dim=1) / m.sum(dim=1).clamp(min=1e-9)


class SentenceNet(torch.nn.Module):
    """Transformer -> pooling -> dense layers, as one module (so one ``prepare_module`` moves it)."""

    def __init__(self, transformer: torch.nn.Module, pooling: str, dense: list[tuple[torch.nn.Linear, str]]):
        super().__init__()
        self.transformer = transformer
        self.pooling = pooling
        self.dense = torch.nn.ModuleList([layer for layer, _ in dense])
        self.activations = [act for _, act in dense]

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.transformer(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        x = hidden[:, 0] if self.pooling == "cls" else mean_pool(hidden, attention_mask)
        for layer, act in zip(self.dense, self.activations, strict=True):
            x = _ACTIVATIONS[act](layer(x))
        return x


def _dense_layer(folder: Path) -> tuple[torch.nn.Linear, str]:
    config = _read_json(folder / "config.json")
    act = config.get("activation_function", "torch.nn.modules.activation.Tanh")
    if act not in _ACTIVATIONS:
        raise ValueError(f"{folder}: unsupported dense activation {act}")
    layer = torch.nn.Linear(
        int(config["in_features"]), int(config["out_features"]), bias=bool(config.get("bias", True))
    )
    state = load_state_dict(find_weights(folder))
    layer.load_state_dict({k.removeprefix("linear."): v for k, v in state.items()}, strict=True)
    return layer, act


def _pooling_mode(folder: Path) -> str:
    config = _read_json(folder / "config.json")
    if config.get("pooling_mode_mean_tokens"):
        return "mean"
    if config.get("pooling_mode_cls_token"):
        return "cls"
    raise ValueError(f"{folder}: only mean or CLS pooling is supported ({config})")


def _transformer(folder: Path) -> torch.nn.Module:
    from transformers import AutoConfig, AutoModel

    config = AutoConfig.from_pretrained(os.fspath(folder), local_files_only=True)
    model = AutoModel.from_config(config)
    state = load_state_dict(find_weights(folder))
    for prefix in _PREFIXES:
        if state and all(k.startswith(prefix) for k in state):
            state = {k.removeprefix(prefix): v for k, v in state.items()}
    expected = set(model.state_dict())
    missing = sorted(expected - set(state))
    if missing:
        raise ValueError(f"{folder}: weights missing for {missing[:5]} ({len(missing)} in all)")
    model.load_state_dict({k: v for k, v in state.items() if k in expected}, strict=False)
    return model


class SentenceDenseModel:
    """``encode(texts) -> (N, dim)`` unit float32 rows for a sentence-transformers folder."""

    def __init__(self, net: SentenceNet, tokenizer: Any, max_length: int, choice: DeviceChoice, dim: int):
        self._net = net
        self._tokenizer = tokenizer
        self.max_length = max_length
        self.choice = choice
        self.device = choice.device
        self.dim = dim

    def tokenize(self, texts: Sequence[str]) -> dict[str, torch.Tensor]:
        return self._tokenizer(
            [str(t) for t in texts],
            padding=True,
            truncation=True,
            max_length=self.max_length,
            return_tensors="pt",
        )

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        if self._net is None:
            raise RuntimeError("model is closed")
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        parts = []
        device = torch.device(self.device)
        with torch.inference_mode():
            for start in range(0, len(texts), max(1, batch_size)):
                batch = self.tokenize(texts[start : start + batch_size])
                out = self._net(batch["input_ids"].to(device), batch["attention_mask"].to(device))
                out = torch.nn.functional.normalize(out.float(), dim=-1)
                parts.append(out.cpu().numpy())
        return np.ascontiguousarray(np.concatenate(parts), dtype=np.float32)

    def close(self) -> None:
        self._net = None  # type: ignore[assignment]


def load_sentence_dense(
    folder: str | os.PathLike[str], choice: DeviceChoice | None = None
) -> SentenceDenseModel:
    """Open the sentence-transformers model in ``folder`` (see the module docstring), offline."""
    force_offline()
    from transformers import AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    folder = Path(folder)
    choice = choice or DeviceChoice("torch", "cpu", None, "fp32", "default")
    modules = _modules(folder)
    pooling, dense, dim = "mean", [], None
    for module in modules[1:]:
        kind = module["type"].rsplit(".", 1)[-1]
        sub = folder / module["path"]
        if kind == "Pooling":
            pooling = _pooling_mode(sub)
        elif kind == "Dense":
            layer, act = _dense_layer(sub)
            dense.append((layer, act))
            dim = layer.out_features
    root = folder / modules[0].get("path", "")
    transformer = _transformer(root)
    if dim is None:
        dim = int(
            transformer.config.hidden_size
            if hasattr(transformer.config, "hidden_size")
            else transformer.config.dim
        )
    st_config = root / "sentence_bert_config.json"
    max_length = int(_read_json(st_config).get("max_seq_length", 128)) if st_config.is_file() else 128
    tokenizer = AutoTokenizer.from_pretrained(os.fspath(root), local_files_only=True)
    net = prepare_module(SentenceNet(transformer, pooling, dense), choice)
    return SentenceDenseModel(net, tokenizer, max_length, choice, dim)
