"""Exact cosine top-k with numpy: for selective filters, and as the ground truth of the HNSW index.

Vectors are compared as unit vectors (cosine similarity = dot product), in float32, a chunk at a
time so that memory stays bounded however many candidates there are. Results are ``(file_id,
similarity)`` pairs, best first; equal similarities are ordered by file id, so results are stable.

The SQL readers return only files whose status is ``ok``: a missing or unreadable file is never a
search result, whichever path (exact or HNSW) answered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

Hit = tuple[int, float]

# Rows per SQL page when streaming vectors, and ids per ``IN (...)`` list (SQLite allows 32766
# parameters; smaller lists keep each statement's plan a simple run of primary-key lookups).
CHUNK_ROWS = 8192
IDS_PER_QUERY = 2000

_OK_VECTORS_FOR_IDS = (
    "SELECT e.file_id, e.vector FROM embeddings e CROSS JOIN files f ON f.id = e.file_id "
    "WHERE e.model = ? AND e.dim = ? AND f.status = 'ok' AND e.file_id IN ({marks})"
)


def unique_ids(ids: np.ndarray) -> np.ndarray:
    """Sorted distinct ids. (``np.unique`` of numpy 2.x hashes, which measured 50x slower than
    sorting for a few hundred thousand int64 ids.)"""
    arr = np.sort(np.asarray(ids, dtype=np.int64).ravel())
    if arr.size > 1:
        arr = arr[np.concatenate(([True], arr[1:] != arr[:-1]))]
    return arr


def ids_not_in(ids: np.ndarray, other: np.ndarray) -> np.ndarray:
    """The ids of ``ids`` (non-negative) that are not in ``other``, through a table over the id
    range (ids are file ids: dense, so the table is small)."""
    ids = np.asarray(ids, dtype=np.int64)
    other = np.asarray(other, dtype=np.int64)
    if ids.size == 0 or other.size == 0:
        return ids
    table = np.zeros(int(max(ids.max(), other.max())) + 1, dtype=bool)
    table[other] = True
    return ids[~table[ids]]


def normalise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows scaled to unit length (float32, C order) and a mask of the rows that could be.

    A row that is all zeros, or holds NaN or infinity, has no direction: its mask entry is False
    and its values are left as they were (the caller drops it).
    """
    mat = np.array(vectors, dtype=np.float32, copy=True, order="C", ndmin=2)
    norms = np.linalg.norm(mat, axis=1)
    ok = np.isfinite(norms) & (norms > 0)
    mat[ok] /= norms[ok, None]
    return mat, ok


def unit_query(vector: np.ndarray | Sequence[float], dim: int | None = None) -> np.ndarray:
    """One query vector as a unit float32 row; raises ValueError when it cannot be one."""
    q = np.asarray(vector, dtype=np.float32).ravel()
    if dim is not None and q.size != dim:
        raise ValueError(f"query has {q.size} dimensions, the vectors have {dim}")
    mat, ok = normalise(q)
    if not ok[0]:
        raise ValueError("query vector is zero or not finite")
    return mat[0]


class TopK:
    """Running top-k of one or more queries over vectors fed in chunks.

    >>> acc = TopK(np.eye(2, dtype=np.float32)[:1], k=1)
    >>> acc.update(np.array([7, 8]), np.eye(2, dtype=np.float32)[::-1])
    >>> acc.hits()
    [[(8, 1.0)]]
    """

    def __init__(self, queries: np.ndarray, k: int) -> None:
        self.queries = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, queries.shape[-1])
        self.k = k
        n = self.queries.shape[0]
        self.ids = np.empty((n, 0), dtype=np.int64)
        self.sims = np.empty((n, 0), dtype=np.float32)

    def update(self, ids: np.ndarray, unit_vectors: np.ndarray) -> None:
        """Fold in a chunk: ``ids`` (n,) and their unit vectors (n, dim)."""
        if len(ids) == 0 or self.k <= 0:
            return
        self.push(ids, self.queries @ unit_vectors.T)

    def push(self, ids: np.ndarray, sims: np.ndarray) -> None:
        """Fold in a chunk of precomputed similarities: ``ids`` (n,), ``sims`` (queries, n)."""
        sims = np.asarray(sims, dtype=np.float32).reshape(self.queries.shape[0], -1)
        if sims.shape[1] == 0 or self.k <= 0:
            return
        if sims.shape[1] > self.k:
            part = np.argpartition(-sims, self.k - 1, axis=1)[:, : self.k]
            sims = np.take_along_axis(sims, part, axis=1)
            chunk_ids = np.asarray(ids, dtype=np.int64)[part]
        else:
            chunk_ids = np.broadcast_to(np.asarray(ids, dtype=np.int64), sims.shape)
        all_sims = np.concatenate([self.sims, sims], axis=1)
        all_ids = np.concatenate([self.ids, chunk_ids], axis=1)
        if all_sims.shape[1] > self.k:
            # Sort by (-similarity, id) and keep k: deterministic when similarities tie.
            order = np.lexsort((all_ids, -all_sims), axis=1)[:, : self.k]
            all_sims = np.take_along_axis(all_sims, order, axis=1)
            all_ids = np.take_along_axis(all_ids, order, axis=1)
        self.sims, self.ids = all_sims, all_ids

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        """``(ids, similarities)``, each (queries, ≤k), best first."""
        order = np.lexsort((self.ids, -self.sims), axis=1)
        return np.take_along_axis(self.ids, order, axis=1), np.take_along_axis(self.sims, order, axis=1)

    def hits(self) -> list[list[Hit]]:
        ids, sims = self.result()
        return [
            [(int(i), float(s)) for i, s in zip(r_ids, r_sims, strict=True)]
            for r_ids, r_sims in zip(ids, sims, strict=True)
        ]


def top_k(
    query: np.ndarray, ids: np.ndarray, vectors: np.ndarray, k: int, *, normalised: bool = False
) -> list[Hit]:
    """Exact top-k of one query over an in-memory matrix (rows that cannot be normalised are skipped)."""
    q = unit_query(query, vectors.shape[1] if vectors.ndim == 2 else None)
    ids = np.asarray(ids, dtype=np.int64)
    if not normalised:
        vectors, ok = normalise(vectors)
        vectors, ids = vectors[ok], ids[ok]
    acc = TopK(q[None, :], k)
    for start in range(0, len(ids), CHUNK_ROWS * 8):
        acc.update(ids[start : start + CHUNK_ROWS * 8], vectors[start : start + CHUNK_ROWS * 8])
    return acc.hits()[0]


def _decode(rows: Sequence[tuple[int, bytes]], dim: int) -> tuple[np.ndarray, np.ndarray]:
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    mat = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dim)
    return ids, mat


def vectors_for_ids(
    conn: sqlite3.Connection, model: str, dim: int, ids: Iterable[int] | np.ndarray
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """``(ids, raw vectors)`` chunks for those of ``ids`` that have a ``model`` vector of ``dim`` and
    whose file is ``ok``; ids are looked up in ascending order (neighbouring rows share pages).

    The raw vectors are read-only views of the stored bytes, not normalised."""
    wanted = unique_ids(_as_ids(ids))
    for start in range(0, len(wanted), IDS_PER_QUERY):
        chunk = wanted[start : start + IDS_PER_QUERY].tolist()
        sql = _OK_VECTORS_FOR_IDS.format(marks=",".join("?" * len(chunk)))
        rows = conn.execute(sql, (model, dim, *chunk)).fetchall()
        if rows:
            yield _decode(rows, dim)


def _as_ids(ids: Iterable[int] | np.ndarray) -> np.ndarray:
    if isinstance(ids, np.ndarray):
        return ids.astype(np.int64, copy=False).ravel()
    return np.asarray(list(ids), dtype=np.int64).ravel()


def similarities(query: np.ndarray, ids: np.ndarray, raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cosine similarity of a unit ``query`` to each raw (unnormalised) row, without copying the
    rows; rows that are zero or not finite are dropped. Returns ``(ids, similarities)``."""
    norms = np.sqrt(np.einsum("ij,ij->i", raw, raw))
    ok = np.isfinite(norms) & (norms > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        sims = (raw @ query) / norms
    if not ok.all():
        return ids[ok], sims[ok]
    return ids, sims


def model_dim(conn: sqlite3.Connection, model: str) -> int | None:
    """The dimension of ``model``'s newest vector (None when it has none)."""
    row = conn.execute(
        "SELECT dim FROM embeddings WHERE model = ? ORDER BY rowid DESC LIMIT 1", (model,)
    ).fetchone()
    return int(row[0]) if row else None


def iter_ok_vectors(
    conn: sqlite3.Connection,
    model: str,
    dim: int,
    *,
    after_rowid: int = 0,
    upto_rowid: int | None = None,
    created_since: str | None = None,
    chunk: int = CHUNK_ROWS,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Stream ``(ids, raw vectors)`` of ``model`` (files with status ``ok``, vectors of ``dim``), in
    rowid order, one short statement per page so no read transaction stays open between pages.

    ``after_rowid``/``upto_rowid`` bound the rowids; ``created_since`` keeps rows whose
    ``created_at`` is at or after that timestamp (there is no index on it: every row is read)."""
    last = after_rowid
    bound = upto_rowid if upto_rowid is not None else (1 << 62)
    since = created_since or ""
    while True:
        rows = conn.execute(
            "SELECT e.rowid, e.file_id, e.vector FROM embeddings e CROSS JOIN files f ON f.id = e.file_id "
            "WHERE e.model = ? AND e.rowid > ? AND e.rowid <= ? AND e.dim = ? AND e.created_at >= ? "
            "AND f.status = 'ok' ORDER BY e.rowid LIMIT ?",
            (model, last, bound, dim, since, chunk),
        ).fetchall()
        if not rows:
            return
        last = int(rows[-1][0])
        yield _decode([(r[1], r[2]) for r in rows], dim)
        if len(rows) < chunk:
            return


def exact_search(
    conn: sqlite3.Connection,
    model: str,
    query: np.ndarray | Sequence[float],
    k: int,
    *,
    candidate_ids: Iterable[int] | np.ndarray | None = None,
    dim: int | None = None,
) -> list[Hit]:
    """Exact top-k by cosine similarity over ``model``'s vectors in SQLite, restricted to
    ``candidate_ids`` when given; only files with status ``ok`` are considered."""
    if k <= 0:
        return []
    dim = dim if dim is not None else model_dim(conn, model)
    if dim is None:
        return []
    q = unit_query(query, dim)
    acc = TopK(q[None, :], k)
    chunks = (
        iter_ok_vectors(conn, model, dim)
        if candidate_ids is None
        else vectors_for_ids(conn, model, dim, candidate_ids)
    )
    for ids, raw in chunks:
        acc.push(*similarities(q, ids, raw))
    return acc.hits()[0]
