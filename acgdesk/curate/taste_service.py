"""The taste score in the library: learnt from the user's marks, stored as score ``taste``.

:func:`retrain` reads the marks (which images are liked or disliked: :func:`labels_from_marks`),
the stored image embeddings of the embedder with the most vectors, fits :func:`fit_taste`, and
writes a 0-1 ``taste`` score for every image with a vector, so ``score:taste:>0.8``,
``sort:taste`` and ``-is:marked sort:taste`` ("what I would like") are ordinary searches. With too
few marks it says why and removes old scores, so no stale taste is shown. The status (counts, what
it learnt from, held-out AUC by cross-validation, time) is kept in the settings for the window.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import sqlite_utils

from acgdesk.curate.taste import (
    MIN_DISLIKED,
    MIN_LIKED,
    cross_validated_auc,
    enough_marks,
    fit_taste,
    labels_from_marks,
)
from acgdesk.db.connection import transaction
from acgdesk.db.marks import marked_files
from acgdesk.db.predictions import embedding_models, replace_model_scores
from acgdesk.db.settings import get_setting, set_setting
from acgdesk.vectors.exact import iter_ok_vectors, vectors_for_ids

TASTE_MODEL = "taste@1"  # the ``model`` column of the stored scores
TASTE_KIND = "taste"
SETTING = "taste_status"
UNLABELED_SAMPLE = 5000


@dataclass
class TasteStatus:
    ready: bool
    reason: str
    embedder: str | None = None
    liked: int = 0
    disliked: int = 0
    unlabeled: int = 0
    learned_from: dict[str, int] = field(
        default_factory=dict
    )  # favourites, picks, 4-5 stars, rejects, 1-2 stars
    held_out_auc: float | None = None
    scored: int = 0
    train_seconds: float = 0.0
    total_seconds: float = 0.0
    trained_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def status(db: sqlite_utils.Database) -> TasteStatus:
    saved = get_setting(db, SETTING)
    if not saved:
        return TasteStatus(
            False, "not trained yet: mark some images you like (stars 4-5, F, P) and some you do not (X)"
        )
    return TasteStatus(**saved)


def _learned_from(marks: dict) -> dict[str, int]:
    counts = {"favourites": 0, "picks": 0, "4-5 stars": 0, "rejects": 0, "1-2 stars": 0}
    for m in marks.values():
        counts["favourites"] += m.favourite
        counts["picks"] += m.flag == "pick"
        counts["rejects"] += m.flag == "reject"
        counts["4-5 stars"] += m.stars >= 4
        counts["1-2 stars"] += 1 <= m.stars <= 2
    return counts


def retrain(db: sqlite_utils.Database, *, seed: int = 0) -> TasteStatus:
    """Fit on the marks now and score every image; the status says what happened."""
    started = time.perf_counter()
    conn = db.conn
    marks = dict(marked_files(conn))
    labels = labels_from_marks(marks)
    models = embedding_models(conn)
    result = TasteStatus(False, "", learned_from=_learned_from(marks))
    if not models:
        result.reason = (
            "no image embeddings yet: index with an image embedder (the default one is resnet18-anime)"
        )
        return _save(db, result, clear=True)
    model, dim, count = models[0]
    result.embedder = model
    ids, vectors = _vectors(conn, model, dim, list(labels))
    y = np.array([labels[int(i)] for i in ids], dtype=np.float64)
    result.liked, result.disliked = int((y == 1).sum()), int((y == 0).sum())
    unlabeled = _sample_unlabeled(conn, model, dim, set(labels), count, seed)
    result.unlabeled = len(unlabeled)
    if not enough_marks(result.liked, result.disliked, n_unlabeled=len(unlabeled)):
        result.reason = (
            f"needs at least {MIN_LIKED} liked images (favourite, pick or 4-5 stars) with embeddings and "
            f"{MIN_DISLIKED} disliked ones (reject, 1-2 stars) or enough unmarked images; "
            f"has {result.liked} liked, {result.disliked} disliked"
        )
        return _save(db, result, clear=True)
    taste = fit_taste(vectors, y, unlabeled=unlabeled if len(unlabeled) else None, seed=seed)
    result.train_seconds = round(taste.seconds, 3)
    if result.liked >= 2 and result.disliked >= 2:
        result.held_out_auc = round(
            cross_validated_auc(vectors, y, unlabeled=unlabeled if len(unlabeled) else None), 4
        )
    scores: list[tuple[int, float]] = []
    for chunk_ids, raw in iter_ok_vectors(conn, model, dim):
        scores.extend(zip(chunk_ids.tolist(), taste.predict(raw).tolist(), strict=True))
    with transaction(db) as tx:
        result.scored = replace_model_scores(tx, TASTE_MODEL, TASTE_KIND, scores)
    result.ready = True
    result.reason = f"learnt from {result.liked} liked and {result.disliked} disliked images"
    result.total_seconds = round(time.perf_counter() - started, 3)
    return _save(db, result, clear=False)


def _vectors(conn: Any, model: str, dim: int, ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
    got_ids, got = [], []
    for chunk_ids, raw in vectors_for_ids(conn, model, dim, ids):
        got_ids.append(chunk_ids)
        got.append(np.array(raw, dtype=np.float32))
    if not got:
        return np.zeros(0, dtype=np.int64), np.zeros((0, dim), dtype=np.float32)
    return np.concatenate(got_ids), np.concatenate(got)


def _sample_unlabeled(
    conn: Any, model: str, dim: int, labelled: set[int], count: int, seed: int
) -> np.ndarray:
    """Up to :data:`UNLABELED_SAMPLE` vectors of unmarked images, evenly spread over the library."""
    rng = np.random.default_rng(seed)
    keep_share = min(1.0, UNLABELED_SAMPLE / max(1, count - len(labelled)))
    parts = []
    for chunk_ids, raw in iter_ok_vectors(conn, model, dim):
        mask = ~np.isin(chunk_ids, list(labelled)) & (rng.random(len(chunk_ids)) < keep_share)
        if mask.any():
            parts.append(np.array(raw[mask], dtype=np.float32))
    return np.concatenate(parts)[:UNLABELED_SAMPLE] if parts else np.zeros((0, dim), dtype=np.float32)


def _save(db: sqlite_utils.Database, result: TasteStatus, *, clear: bool) -> TasteStatus:
    result.trained_at = datetime.now(UTC).isoformat(timespec="seconds")
    with transaction(db) as tx:
        if clear:
            replace_model_scores(tx, TASTE_MODEL, TASTE_KIND, [])
    set_setting(db, SETTING, result.to_dict())
    return result
