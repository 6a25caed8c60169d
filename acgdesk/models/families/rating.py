"""Content rating from NudeNet's 320n detector (YOLOv8n, 18 body-part classes), all post-processing
vectorised over the whole batch.

Input: the spec's contract via :func:`batch_tensor`: RGB, 0..1, NCHW, 320x320, padded to a square on
black. Unlike the ``nudenet`` package (which pads bottom/right and resizes bilinearly with OpenCV),
the pad is centred and the resize bicubic, like every other family; :func:`detect` maps boxes back
through that centred pad.

Output ``[N, 22, B]``: per box ``cx, cy, w, h`` (model pixels) then 18 class confidences (already
sigmoids). As in the package, each box belongs to its top class only. Per image and class,
:func:`class_maxima` keeps the best confidence among the boxes of that class (0 when none); these
go into ``Prediction.scores`` as ``nudenet:<CLASS>``.

Rating rules (the classes that are neither are faces, feet, covered belly and covered armpits):

- ``e`` = max of FEMALE_GENITALIA_EXPOSED, MALE_GENITALIA_EXPOSED, ANUS_EXPOSED
- ``q`` = max of FEMALE_BREAST_EXPOSED, BUTTOCKS_EXPOSED
- ``s`` = max of FEMALE_GENITALIA_COVERED, FEMALE_BREAST_COVERED, BUTTOCKS_COVERED, ANUS_COVERED,
  MALE_BREAST_EXPOSED, BELLY_EXPOSED, ARMPITS_EXPOSED

The four probabilities are a cascade that sums to 1 (the most severe level present wins):
``explicit = e``, ``questionable = (1-e)·q``, ``sensitive = (1-e)(1-q)·s``,
``general = (1-e)(1-q)(1-s)``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from acgdesk.models.backends.onnx import open_runner
from acgdesk.models.devices import DeviceChoice
from acgdesk.models.preprocess import batch_tensor
from acgdesk.models.results import RATING, Prediction, TagScore
from acgdesk.models.spec import ModelSpec, PackageSource

LABELS: tuple[str, ...] = (
    "FEMALE_GENITALIA_COVERED",
    "FACE_FEMALE",
    "BUTTOCKS_EXPOSED",
    "FEMALE_BREAST_EXPOSED",
    "FEMALE_GENITALIA_EXPOSED",
    "MALE_BREAST_EXPOSED",
    "ANUS_EXPOSED",
    "FEET_EXPOSED",
    "BELLY_COVERED",
    "FEET_COVERED",
    "ARMPITS_COVERED",
    "ARMPITS_EXPOSED",
    "FACE_MALE",
    "BELLY_EXPOSED",
    "MALE_GENITALIA_EXPOSED",
    "ANUS_COVERED",
    "FEMALE_BREAST_COVERED",
    "BUTTOCKS_COVERED",
)
_INDEX = {name: i for i, name in enumerate(LABELS)}
EXPLICIT = ("FEMALE_GENITALIA_EXPOSED", "MALE_GENITALIA_EXPOSED", "ANUS_EXPOSED")
QUESTIONABLE = ("FEMALE_BREAST_EXPOSED", "BUTTOCKS_EXPOSED")
SENSITIVE = (
    "FEMALE_GENITALIA_COVERED",
    "FEMALE_BREAST_COVERED",
    "BUTTOCKS_COVERED",
    "ANUS_COVERED",
    "MALE_BREAST_EXPOSED",
    "BELLY_EXPOSED",
    "ARMPITS_EXPOSED",
)
RATINGS = ("general", "sensitive", "questionable", "explicit")
SCORE_PREFIX = "nudenet:"


def class_maxima(raw: np.ndarray) -> np.ndarray:
    """``[N, 22, B]`` raw output -> ``[N, 18]``: per class, the best confidence of the boxes whose top
    class it is (ties go to the lower class index, like ``argmax``); 0 when no box has that class."""
    scores = np.asarray(raw, dtype=np.float32)[:, 4:, :]  # [N, C, B]
    top = scores.argmax(axis=1)  # [N, B]
    best = np.take_along_axis(scores, top[:, None, :], axis=1)  # [N, 1, B]
    mine = top[:, None, :] == np.arange(scores.shape[1])[None, :, None]  # [N, C, B]
    return np.where(mine, best, np.float32(0)).max(axis=2)


def rating_probabilities(maxima: np.ndarray) -> np.ndarray:
    """``[N, 18]`` class maxima -> ``[N, 4]`` (general, sensitive, questionable, explicit), rows sum to 1."""
    m = np.clip(np.asarray(maxima, dtype=np.float64), 0.0, 1.0)

    def level(names: tuple[str, ...]) -> np.ndarray:
        return m[:, [_INDEX[n] for n in names]].max(axis=1)

    e, q, s = level(EXPLICIT), level(QUESTIONABLE), level(SENSITIVE)
    explicit = e
    questionable = (1 - e) * q
    sensitive = (1 - e) * (1 - q) * s
    general = (1 - e) * (1 - q) * (1 - s)
    return np.stack([general, sensitive, questionable, explicit], axis=1)


@dataclass(frozen=True, slots=True)
class Detection:
    label: str
    score: float
    box: tuple[float, float, float, float]  # x, y, w, h in original-image pixels


def _nms(boxes: np.ndarray, scores: np.ndarray, iou: float) -> np.ndarray:
    """Greedy class-agnostic NMS (as the package's ``cv2.dnn.NMSBoxes``); boxes are x1, y1, x2, y2.
    One vectorised IoU row per kept box."""
    order = np.argsort(-scores, kind="stable")
    area = (boxes[:, 2] - boxes[:, 0]).clip(0) * (boxes[:, 3] - boxes[:, 1]).clip(0)
    keep: list[int] = []
    while order.size:
        i = order[0]
        keep.append(int(i))
        rest = order[1:]
        w = (np.minimum(boxes[i, 2], boxes[rest, 2]) - np.maximum(boxes[i, 0], boxes[rest, 0])).clip(0)
        h = (np.minimum(boxes[i, 3], boxes[rest, 3]) - np.maximum(boxes[i, 1], boxes[rest, 1])).clip(0)
        inter = w * h
        union = area[i] + area[rest] - inter
        overlap = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        order = rest[overlap <= iou]
    return np.asarray(keep, dtype=np.intp)


def detect(
    raw: np.ndarray,
    sizes: Sequence[tuple[int, int]],
    model_size: int = 320,
    threshold: float = 0.25,
    iou: float = 0.45,
) -> list[list[Detection]]:
    """Boxes per image from the raw ``[N, 22, B]`` output, in the coordinates of images of ``sizes``
    ((width, height) each) that were padded to a centred square and resized to ``model_size``."""
    raw = np.asarray(raw, dtype=np.float32)
    scores = raw[:, 4:, :]
    top = scores.argmax(axis=1)
    best = scores.max(axis=1)
    result: list[list[Detection]] = []
    for n, (width, height) in enumerate(sizes):
        sel = np.flatnonzero(best[n] >= threshold)
        if sel.size == 0:
            result.append([])
            continue
        side = max(width, height)
        k = side / model_size
        cx, cy, w, h = (raw[n, j, sel] * k for j in range(4))
        x1 = (cx - w / 2 - (side - width) / 2).clip(0, width)
        y1 = (cy - h / 2 - (side - height) / 2).clip(0, height)
        x2 = (cx + w / 2 - (side - width) / 2).clip(0, width)
        y2 = (cy + h / 2 - (side - height) / 2).clip(0, height)
        boxes = np.stack([x1, y1, x2, y2], axis=1)
        kept = _nms(boxes, best[n, sel], iou)
        result.append(
            [
                Detection(
                    LABELS[int(top[n, sel[i]])],
                    float(best[n, sel[i]]),
                    (float(x1[i]), float(y1[i]), float(x2[i] - x1[i]), float(y2[i] - y1[i])),
                )
                for i in kept
            ]
        )
    return result


def predictions_from_raw(spec: ModelSpec, raw: np.ndarray) -> list[Prediction]:
    """Predictions (four rating tags and 18 ``nudenet:`` scores each) from a raw batch output."""
    maxima = class_maxima(raw)
    ratings = rating_probabilities(maxima)
    out = []
    for row, probs in zip(maxima, ratings, strict=True):
        out.append(
            Prediction(
                model=spec.key,
                tags=[TagScore(name, RATING, float(p)) for name, p in zip(RATINGS, probs, strict=True)],
                scores={SCORE_PREFIX + label: float(v) for label, v in zip(LABELS, row, strict=True)},
            )
        )
    return out


class NudeNetRating:
    """:class:`~acgdesk.models.results.ImageModel` for ``nudenet-320n``; ``run_raw`` gives the raw
    ``[N, 22, B]`` output for callers that want :func:`detect`."""

    def __init__(self, spec: ModelSpec, session, batch_size: int = 16):
        if spec.preprocess is None:
            raise ValueError(f"{spec.key} has no preprocess contract")
        self.spec = spec
        self.batch_size = max(1, int(batch_size))
        self._session = session
        self._input = session.get_inputs()[0].name

    def run_raw(self, images: Sequence[Image.Image]) -> np.ndarray:
        if self._session is None:
            raise RuntimeError(f"{self.spec.key} is closed")
        parts = []
        for start in range(0, len(images), self.batch_size):
            x = batch_tensor(images[start : start + self.batch_size], self.spec.preprocess)
            parts.append(self._session.run(None, {self._input: x})[0])
        return np.concatenate(parts) if parts else np.zeros((0, 4 + len(LABELS), 0), np.float32)

    def predict(self, images: Sequence[Image.Image]) -> list[Prediction]:
        return predictions_from_raw(self.spec, self.run_raw(images)) if images else []

    def close(self) -> None:
        self._session = None


def load_nudenet(
    spec: ModelSpec,
    folder: Path,
    *,
    choice: DeviceChoice | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    threads: int | None = None,
    batch_size: int = 16,
) -> NudeNetRating:
    """Load ``320n.onnx`` from ``folder`` (the ``nudenet`` package folder) as a rating model, on
    the device and precision of ``choice`` (default: CPU fp32)."""
    name = spec.source.files[0] if isinstance(spec.source, PackageSource) else "320n.onnx"
    session = open_runner(Path(folder) / name, choice, cache_dir=cache_dir, threads=threads)
    return NudeNetRating(spec, session, batch_size)
