"""What image models produce, in one shape for every family, ready for the database writer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from PIL import Image

from acgdesk.models.spec import ModelSpec

# Tag categories as stored in ``tags.category`` (Danbooru's names; WD CSV codes 0/4/9 map to these).
GENERAL, CHARACTER, RATING, ARTIST, COPYRIGHT, META = (
    "general",
    "character",
    "rating",
    "artist",
    "copyright",
    "meta",
)


@dataclass(frozen=True, slots=True)
class TagScore:
    name: str
    category: str
    probability: float


@dataclass
class Prediction:
    """One model's output for one image; ``model`` is the spec key (id@version) stored beside it.

    Taggers fill ``tags`` (every tag above the storage floor, not just above the display threshold),
    embedders fill ``embedding`` (float32, L2-normalised), scorers fill ``scores`` (kind -> value).
    """

    model: str
    tags: list[TagScore] = field(default_factory=list)
    embedding: np.ndarray | None = None
    scores: dict[str, float] = field(default_factory=dict)


class ImageModel(Protocol):
    """A loaded image model. ``predict`` takes a batch of RGB/RGBA images and returns one
    :class:`Prediction` per image, in order."""

    spec: ModelSpec

    def predict(self, images: Sequence[Image.Image]) -> list[Prediction]: ...

    def close(self) -> None: ...


class TextEncoder(Protocol):
    """A loaded text model: ``encode`` returns an (N, dim) float32 array of L2-normalised rows."""

    spec: ModelSpec

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def close(self) -> None: ...


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    v = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(v, axis=-1, keepdims=True)
    return np.divide(v, norms, out=np.zeros_like(v), where=norms > 0)
