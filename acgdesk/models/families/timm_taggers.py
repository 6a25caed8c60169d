"""Taggers published in the DeepGHS / animetimm layout: PixAI v0.9 (ONNX) and the dbv4 family.

Their hub folders hold ``model.onnx``, ``selected_tags.csv`` (columns id, tag_id, name, category,
count[, ips][, best_threshold]), ``preprocess.json`` and, for most, ``thresholds.csv``. The graph has
three outputs: ``prediction`` (sigmoid probabilities, one column per tag), ``logits`` and
``embedding``.

``preprocess.json`` is the exact input contract, written by the exporter as a list of Pillow
stages (``{"stages": [...]}`` for PixAI, ``{"test": [...], "val": [...]}`` for the timm models,
whose ``test`` list is used). :class:`StagePipeline` applies those stages one by one, so a model
whose size, resampling or normalisation differs from what the catalogue expects is still fed
correctly. Every image is first flattened onto white (as the exporters' own loaders do). A stage
type this module does not know is an error at load time, never a silent guess.

When ``preprocess.json`` is absent (a dbv4 model installed by an older acgdesk, which fetched only
model.onnx and selected_tags.csv), the spec's :class:`~acgdesk.models.spec.Preprocess` is used
through :class:`~acgdesk.models.families.taggers.OnnxTagger` as before.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

from acgdesk.models.devices import RuntimePrefs, choose_onnx
from acgdesk.models.families.taggers import (
    DEFAULT_STORAGE_FLOOR,
    OnnxTagger,
    TagInfo,
    read_selected_tags,
    sigmoid,
)
from acgdesk.models.preprocess import flatten_alpha
from acgdesk.models.spec import ModelSpec

if TYPE_CHECKING:
    from acgdesk.models.backends.onnx import OnnxRunner

log = logging.getLogger(__name__)

PREPROCESS_FILE = "preprocess.json"
THRESHOLDS_FILE = "thresholds.csv"
PROBABILITY_OUTPUT = "prediction"
LOGIT_OUTPUT = "logits"

_RESAMPLE = {
    "nearest": Image.Resampling.NEAREST,
    "bilinear": Image.Resampling.BILINEAR,
    "bicubic": Image.Resampling.BICUBIC,
    "box": Image.Resampling.BOX,
    "hamming": Image.Resampling.HAMMING,
    "lanczos": Image.Resampling.LANCZOS,
}
# torchvision / PIL integer codes, as some exporters write them
_RESAMPLE_CODES = {0: "nearest", 1: "lanczos", 2: "bilinear", 3: "bicubic", 4: "box", 5: "hamming"}
_BACKGROUNDS = {"white": (255, 255, 255), "black": (0, 0, 0)}
KNOWN_STAGES = (
    "convert_rgb",
    "resize",
    "center_crop",
    "to_tensor",
    "maybe_to_tensor",
    "rescale",
    "normalize",
)


def read_stages(path: str | Path) -> list[dict[str, Any]]:
    """The preprocessing stages of a ``preprocess.json`` (PixAI: ``stages``; timm: ``test``)."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if isinstance(data, dict):
        data = data.get("stages", data.get("test"))
    if not isinstance(data, list) or not all(isinstance(s, dict) and "type" in s for s in data):
        raise ValueError(f"{path}: expected a list of stages under 'stages' or 'test'")
    unknown = sorted({s["type"] for s in data} - set(KNOWN_STAGES))
    if unknown:
        raise ValueError(f"{path}: unknown preprocessing stage(s) {', '.join(unknown)}")
    return data


def _resample(value: Any) -> Image.Resampling:
    name = _RESAMPLE_CODES.get(value) if isinstance(value, int) else str(value).lower()
    if name not in _RESAMPLE:
        raise ValueError(f"unknown interpolation {value!r}")
    return _RESAMPLE[name]


def _pair(size: Any) -> tuple[int, int] | None:
    """(height, width) for a two-value size, None for a single one (shorter side)."""
    if isinstance(size, (list, tuple)) and len(size) == 2:
        return int(size[0]), int(size[1])
    return None


class StagePipeline:
    """A ``preprocess.json`` stage list as a function: PIL image -> (3, H, W) float32 array."""

    def __init__(self, stages: Sequence[dict[str, Any]]) -> None:
        self.stages = [dict(s) for s in stages]
        if not any(s["type"] in ("to_tensor", "maybe_to_tensor") for s in self.stages):
            raise ValueError("preprocessing stages never convert the image to an array (no to_tensor)")

    def __call__(self, image: Image.Image) -> np.ndarray:
        value: Image.Image | np.ndarray = flatten_alpha(image, _BACKGROUNDS["white"])
        for stage in self.stages:
            value = self._apply(stage, value)
        if not isinstance(value, np.ndarray):  # pragma: no cover - guarded in __init__
            raise ValueError("preprocessing ended on an image, not an array")
        return value.astype(np.float32, copy=False)

    def _apply(self, stage: dict[str, Any], value: Image.Image | np.ndarray) -> Image.Image | np.ndarray:
        kind = stage["type"]
        if kind in ("to_tensor", "maybe_to_tensor"):
            if isinstance(value, np.ndarray):
                return value
            return np.asarray(value, dtype=np.float32).transpose(2, 0, 1) / np.float32(255.0)
        if kind == "rescale":
            return _as_array(value, kind) * np.float32(stage.get("rescale_factor", 1 / 255))
        if kind == "normalize":
            arr = _as_array(value, kind)
            mean = np.asarray(stage["mean"], dtype=np.float32).reshape(-1, 1, 1)
            std = np.asarray(stage["std"], dtype=np.float32).reshape(-1, 1, 1)
            return (arr - mean) / std
        image = _as_image(value, kind)
        if kind == "convert_rgb":
            background = _BACKGROUNDS.get(stage.get("force_background") or "white", _BACKGROUNDS["white"])
            return flatten_alpha(image, background)
        if kind == "resize":
            return _resize(image, stage)
        if kind == "center_crop":
            return _center_crop(image, stage["size"])
        raise ValueError(f"unknown preprocessing stage {kind!r}")  # pragma: no cover - read_stages checks

    def output_size(self, width: int, height: int) -> tuple[int, int]:
        """(height, width) of the array an image of ``width`` x ``height`` becomes."""
        probe = Image.new("RGB", (max(1, width), max(1, height)))
        arr = self(probe)
        return int(arr.shape[1]), int(arr.shape[2])

    def describe(self) -> str:
        parts = []
        for s in self.stages:
            args = ", ".join(f"{k}={v}" for k, v in s.items() if k != "type" and v is not None)
            parts.append(f"{s['type']}({args})" if args else s["type"])
        return " -> ".join(parts)


def _as_array(value: Image.Image | np.ndarray, kind: str) -> np.ndarray:
    if not isinstance(value, np.ndarray):
        raise ValueError(f"stage {kind!r} needs an array: put it after to_tensor")
    return value


def _as_image(value: Image.Image | np.ndarray, kind: str) -> Image.Image:
    if not isinstance(value, Image.Image):
        raise ValueError(f"stage {kind!r} needs an image: put it before to_tensor")
    return value


def _resize(image: Image.Image, stage: dict[str, Any]) -> Image.Image:
    """torchvision semantics: [h, w] is exact; one number is the shorter side (``max_size`` caps
    the longer one)."""
    w, h = image.size
    pair = _pair(stage["size"])
    if pair is not None:
        oh, ow = pair
    else:
        size = stage["size"][0] if isinstance(stage["size"], (list, tuple)) else int(stage["size"])
        if w < h:
            ow, oh = size, int(size * h / w)
        else:
            oh, ow = size, int(size * w / h)
        max_size = stage.get("max_size")
        if max_size and max(ow, oh) > max_size:
            if oh > ow:
                ow, oh = int(max_size * ow / oh), int(max_size)
            else:
                oh, ow = int(max_size * oh / ow), int(max_size)
    if (ow, oh) == (w, h):
        return image
    resample = _resample(stage.get("interpolation", "bilinear"))
    antialias = stage.get("antialias")
    gap = (
        1.0
        if antialias is False and resample in (Image.Resampling.BILINEAR, Image.Resampling.BICUBIC)
        else None
    )
    return image.resize((ow, oh), resample, reducing_gap=gap)


def _center_crop(image: Image.Image, size: Any) -> Image.Image:
    pair = _pair(size)
    if pair is None:
        side = int(size[0] if isinstance(size, (list, tuple)) else size)
        pair = (side, side)
    ch, cw = pair
    w, h = image.size
    if w < cw or h < ch:  # pad (black, centred) up to the crop, as torchvision does
        canvas = Image.new("RGB", (max(w, cw), max(h, ch)), (0, 0, 0))
        canvas.paste(image, ((canvas.width - w) // 2, (canvas.height - h) // 2))
        image, (w, h) = canvas, canvas.size
    left, top = (w - cw) // 2, (h - ch) // 2
    return image.crop((left, top, left + cw, top + ch))


def read_category_thresholds(path: str | Path) -> dict[str, float]:
    """``thresholds.csv`` (columns category, name, threshold, ...) as {category name: threshold}."""
    out: dict[str, float] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name, value = (row.get("name") or "").strip(), row.get("threshold")
            if name and value not in (None, "") and name not in out:
                out[name] = float(value)
    return out


class StagedOnnxTagger(OnnxTagger):
    """An :class:`OnnxTagger` fed by a ``preprocess.json`` pipeline that reads the output by name:
    ``prediction`` (probabilities) when the graph has it, else ``logits`` (sigmoid applied)."""

    def __init__(
        self,
        spec: ModelSpec,
        runner: OnnxRunner,
        tags: Sequence[TagInfo],
        pipeline: StagePipeline,
        *,
        storage_floor: float = DEFAULT_STORAGE_FLOOR,
        max_batch: int = 32,
        category_thresholds: dict[str, float] | None = None,
    ) -> None:
        super().__init__(
            spec, runner, tags, activation="probabilities", storage_floor=storage_floor, max_batch=max_batch
        )
        self.pipeline = pipeline
        self.category_thresholds = dict(category_thresholds or {})
        self._output: str | None = None

    def _choose_output(self) -> str:
        if self._output is None:
            names = [o.name for o in self.runner.outputs]
            if PROBABILITY_OUTPUT in names:
                self._output, self.activation = PROBABILITY_OUTPUT, "probabilities"
            elif LOGIT_OUTPUT in names:
                self._output, self.activation = LOGIT_OUTPUT, "logits"
            else:
                raise ValueError(
                    f"{self.spec.id}: the model has no {PROBABILITY_OUTPUT!r} or {LOGIT_OUTPUT!r} output "
                    f"(outputs: {', '.join(names)})"
                )
        return self._output

    def _probabilities(self, chunk: Sequence[Image.Image]) -> list[np.ndarray]:
        info = self.runner.inputs[0]
        output = self._choose_output()
        nhwc = len(info.shape) == 4 and info.shape[3] == 3 and info.shape[1] != 3
        fixed = info.fixed_batch
        step = fixed or len(chunk)
        rows: list[np.ndarray] = []
        for start in range(0, len(chunk), step):
            part = chunk[start : start + step]
            x = np.stack([self.pipeline(im) for im in part])
            _check_size(self.spec.id, info.shape, x.shape, nhwc)
            if nhwc:
                x = x.transpose(0, 2, 3, 1)
            x = np.ascontiguousarray(x, dtype=info.numpy_dtype)
            if fixed and len(part) < fixed:
                x = np.concatenate([x, np.repeat(x[-1:], fixed - len(part), axis=0)])
            (scores,) = self.runner.run({info.name: x}, [output])
            scores = self._tag_output([np.asarray(scores)])[: len(part)]
            rows.extend(sigmoid(scores) if self.activation == "logits" else np.clip(scores, 0.0, 1.0))
        return rows


def _check_size(model_id: str, declared: tuple, got: tuple, nhwc: bool) -> None:
    h, w = (declared[1], declared[2]) if nhwc else (declared[2], declared[3])
    if (isinstance(h, int) and h > 0 and h != got[2]) or (isinstance(w, int) and w > 0 and w != got[3]):
        raise ValueError(
            f"{model_id}: preprocess.json makes {got[2]}x{got[3]} inputs but the model expects {h}x{w}"
        )


def load_staged(
    spec: ModelSpec,
    folder: Path,
    prefs: RuntimePrefs,
    storage_floor: float,
    cache_dir: Path | None,
) -> OnnxTagger:
    """PixAI / dbv4 tagger from ``folder``; falls back to the spec's contract without preprocess.json."""
    from acgdesk.models.backends import onnx as onnx_backend
    from acgdesk.models.families.taggers import _load_onnx

    folder = Path(folder)
    stages_file = folder / PREPROCESS_FILE
    if not stages_file.is_file():
        log.info("%s: no %s in %s; using the catalogue's preprocessing", spec.id, PREPROCESS_FILE, folder)
        return _load_onnx(spec, folder, prefs, "auto", storage_floor, cache_dir)
    pipeline = StagePipeline(read_stages(stages_file))
    thresholds_file = folder / THRESHOLDS_FILE
    thresholds = read_category_thresholds(thresholds_file) if thresholds_file.is_file() else {}
    choice = choose_onnx(prefs, onnx_backend.available_providers())
    if choice.fell_back:
        log.warning("%s: %s", spec.id, choice.reason)
    tags = read_selected_tags(folder / "selected_tags.csv")
    runner = onnx_backend.OnnxRunner(
        folder / "model.onnx", choice, cache_dir=cache_dir, idle_seconds=prefs.idle_seconds
    )
    log.info("%s preprocessing: %s", spec.id, pipeline.describe())
    return StagedOnnxTagger(
        spec,
        runner,
        tags,
        pipeline,
        storage_floor=storage_floor,
        max_batch=prefs.max_batch,
        category_thresholds=thresholds,
    )
