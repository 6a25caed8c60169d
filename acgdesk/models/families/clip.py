"""CLIP-family models from ONNX files: an image tower and a text tower that embed into one space.

Files (the Xenova export layout of the catalogue's ``clip-vit-b32``): ``onnx/vision_model.onnx``,
``onnx/text_model.onnx`` and a Hugging Face ``tokenizer.json`` (read with the ``tokenizers`` package).

Names are read from the sessions, not assumed:

- image input: ``pixel_values`` if present, else the only input; output: ``image_embeds`` if present,
  else ``embeds``/``pooler_output``, else the only 2-D output (a pooled output without the projection
  is *not* in the joint space: export the "with projection" models).
- text inputs: ``input_ids`` (required) and ``attention_mask`` (fed only when the graph has it), in the
  integer type the graph declares; output ``text_embeds`` / ``embeds`` / ``pooler_output`` / the only
  2-D output.
- tokenisation: the tokenizer's own normaliser and special tokens (``<|startoftext|> … <|endoftext|>``),
  truncated (end token kept) and padded to ``context_length`` = 77. The pad id is the tokenizer's padding
  config if it has one, else ``<|endoftext|>`` (what OpenAI's CLIP pads with), else 0. HF CLIP pools at
  the first highest id (the end token) under a causal mask, so trailing pads do not change the result.

Images follow ``spec.preprocess`` (CLIP mean/std, 224, centred white pad, bicubic) via ``batch_tensor``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from acgdesk.models.backends.onnx import open_runner
from acgdesk.models.devices import DeviceChoice
from acgdesk.models.preprocess import batch_tensor
from acgdesk.models.results import Prediction, l2_normalise
from acgdesk.models.spec import ModelSpec

VISION_FILE = "onnx/vision_model.onnx"
TEXT_FILE = "onnx/text_model.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONTEXT_LENGTH = 77
_INT_TYPES = {"tensor(int64)": np.int64, "tensor(int32)": np.int32}


def _pick_output(session, preferred: tuple[str, ...]) -> str:
    outputs = session.get_outputs()
    names = [o.name for o in outputs]
    for name in preferred:
        if name in names:
            return name
    flat = [o.name for o in outputs if len(o.shape or ()) == 2]
    if len(flat) == 1:
        return flat[0]
    raise ValueError(f"cannot tell which output is the embedding among {names}")


class ClipImageModel:
    """:class:`~acgdesk.models.results.ImageModel`: L2-normalised ``Prediction.embedding`` per image."""

    def __init__(self, spec: ModelSpec, session, batch_size: int = 16, output: str | None = None):
        if spec.preprocess is None:
            raise ValueError(f"{spec.key} has no preprocess contract")
        self.spec = spec
        self.batch_size = max(1, int(batch_size))
        self._session = session
        inputs = [i.name for i in session.get_inputs()]
        if "pixel_values" in inputs:
            self._input = "pixel_values"
        elif len(inputs) == 1:
            self._input = inputs[0]
        else:
            raise ValueError(f"cannot tell which input takes the image among {inputs}")
        self._output = output or _pick_output(session, ("image_embeds", "embeds", "pooler_output"))

    def predict(self, images: Sequence[Image.Image]) -> list[Prediction]:
        if self._session is None:
            raise RuntimeError(f"{self.spec.key} is closed")
        out: list[Prediction] = []
        for start in range(0, len(images), self.batch_size):
            chunk = images[start : start + self.batch_size]
            x = batch_tensor(chunk, self.spec.preprocess)
            (emb,) = self._session.run([self._output], {self._input: x})
            emb = l2_normalise(np.asarray(emb).reshape(len(chunk), -1))
            out.extend(Prediction(model=self.spec.key, embedding=row.copy()) for row in emb)
        return out

    def close(self) -> None:
        self._session = None


class ClipTextEncoder:
    """:class:`~acgdesk.models.results.TextEncoder` for the text tower."""

    def __init__(
        self,
        spec: ModelSpec,
        session,
        tokenizer,
        batch_size: int = 64,
        context_length: int = CONTEXT_LENGTH,
        output: str | None = None,
    ):
        self.spec = spec
        self.batch_size = max(1, int(batch_size))
        self.context_length = context_length
        self._session = session
        inputs = {i.name: i for i in session.get_inputs()}
        if "input_ids" not in inputs:
            raise ValueError(f"text model has no input_ids input (inputs: {list(inputs)})")
        self._id_type = _INT_TYPES.get(inputs["input_ids"].type, np.int64)
        mask = inputs.get("attention_mask")
        self._mask_type = _INT_TYPES.get(mask.type, np.int64) if mask is not None else None
        unknown = set(inputs) - {"input_ids", "attention_mask"}
        if unknown:
            raise ValueError(f"text model wants inputs this loader cannot fill: {sorted(unknown)}")
        self._output = output or _pick_output(session, ("text_embeds", "embeds", "pooler_output"))

        padding = tokenizer.padding or {}
        pad_id = padding.get("pad_id")
        pad_token = padding.get("pad_token")
        if pad_id is None:
            eot = tokenizer.token_to_id("<|endoftext|>")
            pad_id, pad_token = (eot, "<|endoftext|>") if eot is not None else (0, "")
        tokenizer.enable_truncation(max_length=context_length)
        tokenizer.enable_padding(pad_id=pad_id, pad_token=pad_token or "", length=context_length)
        self._tokenizer = tokenizer

    def tokenize(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(input_ids, attention_mask), each ``[N, context_length]``."""
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64).reshape(len(texts), self.context_length)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64).reshape(ids.shape)
        return ids, mask

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._session is None:
            raise RuntimeError(f"{self.spec.key} is closed")
        parts = []
        for start in range(0, len(texts), self.batch_size):
            ids, mask = self.tokenize(texts[start : start + self.batch_size])
            feed = {"input_ids": ids.astype(self._id_type)}
            if self._mask_type is not None:
                feed["attention_mask"] = mask.astype(self._mask_type)
            (emb,) = self._session.run([self._output], feed)
            parts.append(l2_normalise(np.asarray(emb).reshape(len(ids), -1)))
        if not parts:
            return np.zeros((0, self.spec.dim or 0), np.float32)
        return np.concatenate(parts)

    def close(self) -> None:
        self._session = None


def load_clip_image(
    spec: ModelSpec,
    folder: Path,
    *,
    vision_file: str = VISION_FILE,
    choice: DeviceChoice | None = None,
    threads: int | None = None,
    batch_size: int = 16,
) -> ClipImageModel:
    """The image tower in ``folder / vision_file`` on ``choice`` (default CPU fp32)."""
    session = open_runner(Path(folder) / vision_file, choice, threads=threads)
    return ClipImageModel(spec, session, batch_size)


def load_clip_text(
    spec: ModelSpec,
    folder: Path,
    *,
    text_file: str = TEXT_FILE,
    tokenizer_file: str = TOKENIZER_FILE,
    choice: DeviceChoice | None = None,
    threads: int | None = None,
    batch_size: int = 64,
    context_length: int = CONTEXT_LENGTH,
) -> ClipTextEncoder:
    """The text tower in ``folder / text_file`` with the tokenizer in ``folder / tokenizer_file``."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(os.fspath(Path(folder) / tokenizer_file))
    session = open_runner(Path(folder) / text_file, choice, threads=threads)
    return ClipTextEncoder(spec, session, tokenizer, batch_size, context_length)
