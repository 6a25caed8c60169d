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
from acgdesk.db.predictions import embedded_file_ids, embedding_models, replace_model_scores
from acgdesk.db.settings import get_setting, set_setting
from acgdesk.vectors.exact import iter_ok_vectors, vectors_for_ids

TASTE_MODEL = "taste@1"  # the ``model`` column of the stored scores
TASTE_KIND = "taste"
SETTING = "taste_status"
UNLABELED_SAMPLE = 5000
# The held-out AUC shown: 3 fits on 2/3 of the marks each, with a smaller unlabeled pool (each fit's
# Newton steps cost rows x dim^2; five folds over 5,000 unlabeled took 11 s of a 17 s retrain).
CV_FOLDS = 3
CV_UNLABELED = 2000


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
    model, dim, _count = models[0]
    result.embedder = model
    ids, vectors = _vectors(conn, model, dim, list(labels))
    y = np.array([labels[int(i)] for i in ids], dtype=np.float64)
    result.liked, result.disliked = int((y == 1).sum()), int((y == 0).sum())
    unlabeled = _sample_unlabeled(conn, model, dim, set(labels), seed)
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
        pool = unlabeled[:CV_UNLABELED] if len(unlabeled) else None
        result.held_out_auc = round(cross_validated_auc(vectors, y, folds=CV_FOLDS, unlabeled=pool), 4)
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


def _sample_unlabeled(conn: Any, model: str, dim: int, labelled: set[int], seed: int) -> np.ndarray:
    """Up to :data:`UNLABELED_SAMPLE` vectors of unmarked images, drawn at random by id (a list of
    ids is cheap; reading every vector is not)."""
    ids = np.array([i for i in embedded_file_ids(conn, model) if i not in labelled], dtype=np.int64)
    if len(ids) > UNLABELED_SAMPLE:
        ids = np.random.default_rng(seed).choice(ids, UNLABELED_SAMPLE, replace=False)
    return _vectors(conn, model, dim, ids.tolist())[1]


def _save(db: sqlite_utils.Database, result: TasteStatus, *, clear: bool) -> TasteStatus:
    result.trained_at = datetime.now(UTC).isoformat(timespec="seconds")
    with transaction(db) as tx:
        if clear:
            replace_model_scores(tx, TASTE_MODEL, TASTE_KIND, [])
    set_setting(db, SETTING, result.to_dict())
    return result
