"""MiniLM vectors of the library's tag vocabulary, cached in a file with their model id, and the files
they point to: the tag part of offline semantic search.

A query is compared with every tag (one small matrix product: tens of thousands of tags), the closest
few are kept, and the files showing them are read from ``file_tags`` through its ``(tag_id,
probability)`` index: a sparse tag x file product that costs the rows of a few tags, not a pass over
every file. A file's tag score is a noisy-OR over the matched tags of ``closeness x probability``, so
an image with several matching tags ranks above one with a single weak match.

The cache (``<index dir>/tags-<model>.npz``: tag ids and unit vectors, plus the model key) is a
rebuildable copy: tag ids never change name, so only tags added since it was written are embedded.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from acgdesk.search.autocomplete import tag_text

log = logging.getLogger(__name__)

MIN_TAG_SIMILARITY = 0.45  # MiniLM cosine below which a tag is not about the query
MAX_QUERY_TAGS = 24
MAX_NEW_AT_QUERY = 2_000  # more new tags than this wait for the next index run (they cost ~1 ms each)


def _slug(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", key).strip("._-")[:80] or "model"


@dataclass(frozen=True)
class TagMatch:
    tag_id: int
    name: str
    similarity: float
    weight: float


class TagVectorCache:
    """Tag id -> unit vector of its words, for one text model; see the module docstring."""

    def __init__(self, index_dir: str | os.PathLike[str], model_key: str) -> None:
        self.model_key = model_key
        self.path = Path(index_dir) / f"tags-{_slug(model_key)}.npz"
        self.ids = np.empty(0, np.int64)
        self.names: list[str] = []
        self.matrix = np.zeros((0, 0), np.float32)
        self._loaded = False

    def _load(self) -> None:
        self._loaded = True
        try:
            with np.load(self.path, allow_pickle=False) as data:
                if str(data["model"]) != self.model_key:
                    return
                self.ids, self.matrix = data["ids"].astype(np.int64), data["vectors"].astype(np.float32)
                self.names = [str(n) for n in data["names"]]
        except (OSError, KeyError, ValueError) as exc:
            if not isinstance(exc, FileNotFoundError):
                log.warning("rebuilding the tag vectors: %s", exc)

    def _save(self) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex}.tmp.npz")
        np.savez(
            tmp, model=np.array(self.model_key), ids=self.ids, vectors=self.matrix, names=np.array(self.names)
        )
        os.replace(tmp, self.path)

    def sync(self, conn: sqlite3.Connection, encoder, *, max_new: int | None = None) -> int:
        """Embed tags added since the cache was written (rating tags left out) and forget removed
        ones; returns how many were embedded. With ``max_new``, more new tags than that are left for
        later (a search must not stall embedding a whole vocabulary)."""
        if not self._loaded:
            self._load()
        rows = conn.execute("SELECT id, name FROM tags WHERE category != 'rating' ORDER BY id").fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        known = np.isin(ids, self.ids)
        new = np.flatnonzero(~known)
        if max_new is not None and new.size > max_new:
            log.warning("%d tags have no vector yet: run acgdesk index to embed them", new.size)
            new = new[:0]
        keep = np.isin(self.ids, ids)
        changed = bool(new.size) or not keep.all()
        if not changed:
            return 0
        names = [self.names[i] for i in np.flatnonzero(keep)]
        matrix = self.matrix[keep] if self.matrix.size else np.zeros((0, 0), np.float32)
        tag_ids = self.ids[keep]
        if new.size:
            fresh = np.asarray(encoder.encode([tag_text(rows[i][1]) for i in new]), dtype=np.float32)
            matrix = fresh if matrix.size == 0 else np.concatenate([matrix, fresh])
            tag_ids = np.concatenate([tag_ids, ids[new]])
            names += [rows[i][1] for i in new]
        self.ids, self.matrix, self.names = tag_ids, matrix, names
        self._save()
        return int(new.size)

    def closest(self, query_vector: np.ndarray, limit: int = MAX_QUERY_TAGS) -> list[TagMatch]:
        """Tags whose words are close to the query, best first, with a weight in (0, 1]."""
        if self.matrix.size == 0:
            return []
        sims = self.matrix @ np.asarray(query_vector, dtype=np.float32)
        top = np.argsort(-sims, kind="stable")[:limit]
        return [
            TagMatch(
                int(self.ids[i]),
                self.names[i],
                float(sims[i]),
                float((sims[i] - MIN_TAG_SIMILARITY) / (1 - MIN_TAG_SIMILARITY)) * 0.9 + 0.1,
            )
            for i in top
            if sims[i] >= MIN_TAG_SIMILARITY
        ]


def tag_scores(
    conn: sqlite3.Connection, matches: list[TagMatch]
) -> tuple[np.ndarray, np.ndarray, dict[int, list[tuple[str, float]]]]:
    """``(file ids, scores)`` of the files carrying any matched tag, and per file its matched tags as
    (name, probability). Stored predictions count with their probability (a user tag: 1); a tag the
    user rejected does not count."""
    if not matches:
        return np.empty(0, np.int64), np.empty(0, np.float32), {}
    by_id = {m.tag_id: m for m in matches}
    marks = ",".join("?" * len(by_id))
    rows = conn.execute(
        f"SELECT file_id, tag_id, source, probability FROM file_tags WHERE tag_id IN ({marks})", list(by_id)
    ).fetchall()
    best: dict[tuple[int, int], float] = {}
    rejected: set[tuple[int, int]] = set()
    for file_id, tag_id, source, p in rows:
        if source == "user" and p == 0:
            rejected.add((file_id, tag_id))
        elif p > best.get((file_id, tag_id), 0.0):
            best[(file_id, tag_id)] = float(p)
    miss: dict[int, float] = {}
    why: dict[int, list[tuple[str, float]]] = {}
    for (file_id, tag_id), p in best.items():
        if (file_id, tag_id) in rejected:
            continue
        match = by_id[tag_id]
        miss[file_id] = miss.get(file_id, 1.0) * (1.0 - match.weight * p)
        why.setdefault(file_id, []).append((match.name, round(p, 3)))
    ids = np.fromiter(miss.keys(), dtype=np.int64, count=len(miss))
    scores = 1.0 - np.fromiter(miss.values(), dtype=np.float32, count=len(miss))
    return ids, scores, why
