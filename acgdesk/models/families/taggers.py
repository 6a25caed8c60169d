"""Danbooru-style taggers: WD v3, dbv4 and PixAI (onnxruntime) and JoyTag (PyTorch).

Each loaded tagger is an :class:`~acgdesk.models.results.ImageModel`: ``predict(images)`` returns
one :class:`~acgdesk.models.results.Prediction` per image holding every tag whose probability
reaches the *storage floor* (default 0.05), plus every rating tag. The display thresholds of
``spec.thresholds`` (e.g. general 0.35, character 0.85) are applied later, when showing or
searching, so changing them never needs a re-run.

Inputs go through :func:`acgdesk.models.preprocess.batch_tensor` with the spec's contract; the
input's layout, size and dtype are then checked against what the model file declares. Images run
in chunks of an adaptive batch size (halved on out-of-memory); a model whose input has a fixed
batch dimension (WD v2 files: batch 1) is fed that many images at a time.

The runtimes are imported only when a tagger is loaded.
"""

from __future__ import annotations

import csv
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
from PIL import Image

from acgdesk.models.devices import DeviceChoice, RuntimePrefs, choose_onnx, choose_torch
from acgdesk.models.preprocess import batch_tensor
from acgdesk.models.results import (
    ARTIST,
    CHARACTER,
    COPYRIGHT,
    GENERAL,
    META,
    RATING,
    Prediction,
    TagScore,
)
from acgdesk.models.spec import ModelSpec, Preprocess

if TYPE_CHECKING:
    from acgdesk.models.backends import BatchSizer
    from acgdesk.models.backends.onnx import OnnxRunner, TensorInfo

log = logging.getLogger(__name__)

DEFAULT_STORAGE_FLOOR = 0.05
# selected_tags.csv category codes (Danbooru's): 0 general, 1 artist, 3 copyright, 4 character,
# 5 meta, 9 rating (WD's own code for the four rating pseudo-tags).
CATEGORY_CODES = {0: GENERAL, 1: ARTIST, 3: COPYRIGHT, 4: CHARACTER, 5: META, 9: RATING}

Activation = Literal["probabilities", "logits", "auto"]


@dataclass(frozen=True, slots=True)
class TagInfo:
    name: str
    category: str
    tag_id: int | None = None
    count: int | None = None


def read_selected_tags(path: str | Path) -> list[TagInfo]:
    """A selected_tags.csv (columns tag_id, name, category, count; only ``name`` is required),
    in output order. Unknown category codes count as general."""
    tags: list[TagInfo] = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None or "name" not in reader.fieldnames:
            raise ValueError(f"{path}: no 'name' column (found {reader.fieldnames})")
        for row in reader:
            code = _int_or_none(row.get("category"))
            tags.append(
                TagInfo(
                    name=row["name"],
                    category=CATEGORY_CODES.get(code, GENERAL) if code is not None else GENERAL,
                    tag_id=_int_or_none(row.get("tag_id")),
                    count=_int_or_none(row.get("count")),
                )
            )
    if not tags:
        raise ValueError(f"{path}: no tags")
    return tags


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def sigmoid(x: np.ndarray) -> np.ndarray:
    """Logistic function without overflow for large |x| (0.5 * (1 + tanh(x / 2)))."""
    x = np.asarray(x, dtype=np.float32)
    return (0.5 * (1.0 + np.tanh(0.5 * x))).astype(np.float32)


class _TaggerBase:
    """Shared output handling: floor, categories, one Prediction per row."""

    spec: ModelSpec
    choice: DeviceChoice
    batch: BatchSizer

    def __init__(self, spec: ModelSpec, tags: Sequence[TagInfo], storage_floor: float) -> None:
        if not 0.0 <= storage_floor <= 1.0:
            raise ValueError("storage_floor must lie in [0, 1]")
        self.spec = spec
        self.tags = list(tags)
        self.storage_floor = storage_floor
        self._names = [t.name for t in self.tags]
        self._categories = [t.category for t in self.tags]
        self._always = np.array([t.category == RATING for t in self.tags], dtype=bool)

    def _predictions(self, probabilities: np.ndarray) -> list[Prediction]:
        out: list[Prediction] = []
        for row in probabilities:
            keep = np.flatnonzero((row >= self.storage_floor) | self._always)
            keep = keep[np.argsort(-row[keep], kind="stable")]
            scores = [TagScore(self._names[i], self._categories[i], float(row[i])) for i in keep]
            out.append(Prediction(model=self.spec.key, tags=scores))
        return out

    def predict(self, images: Sequence[Image.Image]) -> list[Prediction]:
        images = list(images)
        if not images:
            return []
        rows = self.batch.run(images, self._probabilities)
        return self._predictions(np.stack(rows))

    def _probabilities(self, chunk: Sequence[Image.Image]) -> list[np.ndarray]:  # pragma: no cover
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.spec.key} on {self.choice.device}/{self.choice.precision}>"


# -- onnxruntime taggers (WD v3, dbv4) -------------------------------------------------------------


class OnnxTagger(_TaggerBase):
    """A tagger whose ``model.onnx`` maps an image batch to one score per tag.

    ``activation``: "probabilities" (WD v3: used as they are), "logits" (sigmoid applied) or
    "auto" (dbv4): the first batch decides, once for the life of the tagger. If every output
    value lies in [0, 1] (to within 1e-6) the model already ends in a sigmoid; any value outside
    means logits. A logit model cannot pass this check by chance: it would need every one of its
    thousands of tags to score at least logit 0 (probability 0.5) on every image of a batch.
    """

    def __init__(
        self,
        spec: ModelSpec,
        runner: OnnxRunner,
        tags: Sequence[TagInfo],
        *,
        activation: Activation = "probabilities",
        storage_floor: float = DEFAULT_STORAGE_FLOOR,
        max_batch: int = 32,
    ) -> None:
        super().__init__(spec, tags, storage_floor)
        if spec.preprocess is None:
            raise ValueError(f"{spec.id} has no preprocessing contract")
        from acgdesk.models.backends import BatchSizer

        self.runner = runner
        self.activation: Activation = activation
        self.batch = BatchSizer(max_batch)
        self._pre: Preprocess | None = None
        self._input: TensorInfo | None = None

    @property
    def choice(self) -> DeviceChoice:  # type: ignore[override]
        return self.runner.choice

    @property
    def preprocess(self) -> Preprocess:
        """The spec's contract, adjusted to the layout, size and dtype the model file declares."""
        if self._pre is None:
            self._input = self.runner.inputs[0]
            self._pre = adapt_preprocess(self.spec.preprocess, self._input)  # type: ignore[arg-type]
        return self._pre

    def _probabilities(self, chunk: Sequence[Image.Image]) -> list[np.ndarray]:
        pre = self.preprocess
        assert self._input is not None
        fixed = self._input.fixed_batch
        step = fixed or len(chunk)
        rows: list[np.ndarray] = []
        for start in range(0, len(chunk), step):
            part = chunk[start : start + step]
            x = batch_tensor(part, pre)
            if fixed and len(part) < fixed:  # a fixed batch > 1: pad with copies of the last image
                x = np.concatenate([x, np.repeat(x[-1:], fixed - len(part), axis=0)])
            scores = self._tag_output(self.runner.run({self._input.name: x}))[: len(part)]
            rows.extend(self._activate(scores))
        return rows

    def _tag_output(self, outputs: list[np.ndarray]) -> np.ndarray:
        n = len(self.tags)
        for arr in outputs:
            if arr.ndim == 2 and arr.shape[1] == n:
                return arr.astype(np.float32, copy=False)
        shapes = ", ".join(str(a.shape) for a in outputs)
        raise ValueError(f"{self.spec.id}: no output with one column per tag ({n} tags; outputs {shapes})")

    def _activate(self, scores: np.ndarray) -> np.ndarray:
        if self.activation == "auto":
            inside = bool(np.all((scores >= -1e-6) & (scores <= 1 + 1e-6)))
            self.activation = "probabilities" if inside else "logits"
            lo, hi = float(scores.min()), float(scores.max())
            log.info("%s outputs %s (range %.3g..%.3g)", self.spec.id, self.activation, lo, hi)
        if self.activation == "logits":
            return sigmoid(scores)
        return np.clip(scores, 0.0, 1.0)

    def release_if_idle(self, now: float | None = None) -> bool:
        return self.runner.release_if_idle(now)

    def close(self) -> None:
        self.runner.close()


def adapt_preprocess(pre: Preprocess, info: TensorInfo) -> Preprocess:
    """``pre`` with layout, size and dtype taken from the model's declared input where they are
    fixed and differ (e.g. a 384 px variant, or an NHWC export of an NCHW family)."""
    shape = info.shape
    if len(shape) != 4:
        raise ValueError(f"model input {info.name!r} has shape {shape}; an image batch has 4 dims")
    nchw, nhwc = shape[1] == 3, shape[3] == 3
    layout = pre.layout
    if layout == "NCHW" and nhwc and not nchw:
        layout = "NHWC"
    elif layout == "NHWC" and nchw and not nhwc:
        layout = "NCHW"
    h, w = (shape[2], shape[3]) if layout == "NCHW" else (shape[1], shape[2])
    size = h if isinstance(h, int) and h == w and h > 0 else pre.size
    dtype = "float16" if info.numpy_dtype == np.float16 else pre.dtype
    changed = replace(pre, layout=layout, size=size, dtype=dtype)
    if changed != pre:
        log.info("model input %s %s: preprocessing adjusted to %s", info.name, shape, changed)
    return changed


# -- JoyTag (PyTorch) ------------------------------------------------------------------------------


class JoyTagTagger(_TaggerBase):
    """JoyTag on PyTorch: network loaded on the first prediction, released when idle."""

    def __init__(
        self,
        spec: ModelSpec,
        folder: str | Path,
        choice: DeviceChoice,
        *,
        storage_floor: float = DEFAULT_STORAGE_FLOOR,
        max_batch: int = 32,
        idle_seconds: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        from acgdesk.models.backends import BatchSizer
        from acgdesk.models.backends.joytag_net import TAGS_FILE, read_tags

        self.folder = Path(folder)
        tags = [TagInfo(name, GENERAL) for name in read_tags(self.folder / TAGS_FILE)]
        super().__init__(spec, tags, storage_floor)
        if spec.preprocess is None:
            raise ValueError(f"{spec.id} has no preprocessing contract")
        self.choice = choice
        self.idle_seconds = idle_seconds
        self._clock = clock
        self._net = None
        self._pre = spec.preprocess
        self.last_used: float | None = None
        self.loads = 0
        self.batch = BatchSizer(max_batch, on_oom=self._empty_cache)

    def _empty_cache(self) -> None:
        from acgdesk.models.backends import torch_device

        torch_device.empty_cache(self.choice)

    @property
    def loaded(self) -> bool:
        return self._net is not None

    def load(self):
        if self._net is None:
            from acgdesk.models.backends import torch_device
            from acgdesk.models.backends.joytag_net import load_joytag

            bundle = load_joytag(self.folder, "cpu")
            if len(bundle.tags) != len(self.tags):
                raise ValueError("top_tags.txt changed while the tagger was open")
            self._pre = replace(self._pre, size=bundle.config.image_size)
            self._net = torch_device.prepare_module(bundle.net, self.choice)
            self.loads += 1
        self.last_used = self._clock()
        return self._net

    def _probabilities(self, chunk: Sequence[Image.Image]) -> list[np.ndarray]:
        from acgdesk.models.backends import torch_device

        net = self.load()
        x = torch_device.to_tensor(batch_tensor(chunk, self._pre), self.choice)
        with torch_device.inference_mode():
            logits = net(x).float().cpu().numpy()
        self.last_used = self._clock()
        return list(sigmoid(logits))

    def release_if_idle(self, now: float | None = None) -> bool:
        if self._net is None or self.last_used is None:
            return False
        now = self._clock() if now is None else now
        if now - self.last_used < self.idle_seconds:
            return False
        self.close()
        return True

    def close(self) -> None:
        if self._net is not None:
            self._net = None
            self._empty_cache()


# -- loading ---------------------------------------------------------------------------------------

Tagger = OnnxTagger | JoyTagTagger


def _load_onnx(
    spec: ModelSpec,
    folder: Path,
    prefs: RuntimePrefs,
    activation: Activation,
    storage_floor: float,
    cache_dir: Path | None,
) -> OnnxTagger:
    from acgdesk.models.backends import onnx as onnx_backend

    choice = choose_onnx(prefs, onnx_backend.available_providers())
    if choice.fell_back:
        log.warning("%s: %s", spec.id, choice.reason)
    tags = read_selected_tags(folder / "selected_tags.csv")
    runner = onnx_backend.OnnxRunner(
        folder / "model.onnx", choice, cache_dir=cache_dir, idle_seconds=prefs.idle_seconds
    )
    return OnnxTagger(
        spec, runner, tags, activation=activation, storage_floor=storage_floor, max_batch=prefs.max_batch
    )


def _load_joytag(
    spec: ModelSpec, folder: Path, prefs: RuntimePrefs, storage_floor: float, cache_dir: Path | None
) -> JoyTagTagger:
    from acgdesk.models.backends import torch_device

    choice = choose_torch(prefs, torch_device.device_names(), torch_version=torch_device.version())
    if choice.fell_back:
        log.warning("%s: %s", spec.id, choice.reason)
    return JoyTagTagger(
        spec,
        folder,
        choice,
        storage_floor=storage_floor,
        max_batch=prefs.max_batch,
        idle_seconds=prefs.idle_seconds,
    )


def _load_wd3(spec: ModelSpec, folder: Path, prefs: RuntimePrefs, floor: float, cache: Path | None) -> Tagger:
    return _load_onnx(spec, folder, prefs, "probabilities", floor, cache)


def _load_staged(
    spec: ModelSpec, folder: Path, prefs: RuntimePrefs, floor: float, cache: Path | None
) -> Tagger:
    """dbv4 and PixAI: exact preprocess.json stages (timm_taggers), or the spec's without it."""
    from acgdesk.models.families.timm_taggers import load_staged

    return load_staged(spec, folder, prefs, floor, cache)


_LOADERS: dict[str, Callable[[ModelSpec, Path, RuntimePrefs, float, Path | None], Tagger]] = {
    "wd3": _load_wd3,
    "dbv4": _load_staged,
    "pixai": _load_staged,
    "joytag": _load_joytag,
}
TAGGER_FAMILIES = tuple(_LOADERS)


def load_tagger(
    spec: ModelSpec,
    folder: str | Path,
    prefs: RuntimePrefs | None = None,
    *,
    storage_floor: float = DEFAULT_STORAGE_FLOOR,
    cache_dir: str | Path | None = None,
) -> Tagger:
    """The tagger of ``spec`` from its downloaded files in ``folder`` (nothing runs until the
    first ``predict``). ``cache_dir`` holds derived model copies (int8) when ``folder`` is not
    writable; by default they sit next to the model."""
    try:
        loader = _LOADERS[spec.family]
    except KeyError:
        raise ValueError(
            f"{spec.id}: family {spec.family!r} is not a tagger family ({', '.join(TAGGER_FAMILIES)})"
        ) from None
    return loader(
        spec,
        Path(folder),
        prefs or RuntimePrefs(),
        storage_floor,
        Path(cache_dir) if cache_dir is not None else None,
    )
