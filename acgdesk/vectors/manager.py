"""One HNSW index per embedding model, kept in step with the vectors in SQLite.

SQLite holds the vectors; an index file is a cache of them. Each index records the database's
``vector_generation`` of its model (bumped in the same transaction as any vector change) and a
watermark: the newest ``embeddings`` row (rowid, file id, model) when it was last brought up to
date. :meth:`VectorIndexManager.index_for` uses, in order:

1. the index in memory, when its generation is still the database's;
2. otherwise a **catch-up**: the rows written since the watermark are added (their rowid is above
   it: ``store_embedding`` uses ``INSERT OR REPLACE``, which gives the new row a rowid above every
   existing one), and the index's ids are compared with the database's (ids only, no vectors) to
   delete what is gone or no longer ``ok`` and add what is missing. SQLite reuses rowids only
   after the newest rows were deleted; when the watermark row is gone, the rows below it whose
   ``created_at`` is after the last sync (less ``CATCH_UP_SLACK_S``) are read as well;
3. the index file, when its manifest, size and checksum are right, followed by the catch-up above
   (which also finds files whose status changed while nothing was running);
4. a **rebuild** from SQLite, streamed in pages, when the file is missing, damaged, for another
   dimension, or has no watermark. A rebuilt index is saved at once.

A crash between a database commit and an index save therefore costs a catch-up, not a rebuild.
Catching up is never slower than rebuilding (HNSW construction is one insertion per vector either
way), so the manager does not rebuild to catch up; it rebuilds to *compact*, when deletions have
become a large share (:meth:`compact_if_needed`, for idle time: at a million vectors a rebuild
takes many minutes). Measured costs are in ``tests/bench/vectors_README.md``.

Search: a filter given as candidate ids is ranked exactly with numpy from SQLite when there are
at most ``exact_max_candidates`` of them (bounded, predictable cost, and no index needed at all),
exactly from the memory-mapped vector matrix (:mod:`.matrix`) up to ``matrix_max_candidates``;
larger filters search the HNSW graph with hnswlib's filter callback. Either way a result whose
file is not ``ok`` any more (missing, unreadable, removed) is never returned: HNSW results are
checked against SQLite at query time (one primary-key lookup per result) and such ids are
dropped from the index.

All public methods take one lock: a rebuild blocks searches of the same manager, so front ends
should call :meth:`index_for` (or :meth:`prepare`) off their UI thread after opening a library.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

import numpy as np
import sqlite_utils

from acgdesk.core.errors import AcgdeskError
from acgdesk.db.connection import connect
from acgdesk.db.embedding_marks import minus_seconds, watermark, watermark_intact
from acgdesk.db.predictions import vector_generation
from acgdesk.vectors.exact import (
    Hit,
    exact_search,
    ids_not_in,
    iter_ok_vectors,
    model_dim,
    normalise,
    unique_ids,
    unit_query,
    vectors_for_ids,
)
from acgdesk.vectors.hnsw_index import HnswIndex, HnswParams, IndexFileError
from acgdesk.vectors.matrix import VectorMatrix

log = logging.getLogger(__name__)

# Candidate sets up to this size are ranked exactly from SQLite, larger ones with the HNSW filter.
# Measured (tests/bench/vectors_README.md): a vector read at random from SQLite costs 5-20 us, so
# 2,000 candidates take ~18 ms at 1M vectors, 5,000 ~120 ms; the HNSW filter takes 154 ms at 0.2 %
# of 1M, 78 ms at 0.5 %, 30 ms at 1 %. The cross-over is ~2,000 at 100k as well.
EXACT_MAX_CANDIDATES = 2_000
# With the memory-mapped matrix (:mod:`.matrix`) a candidate costs a row copy instead of a page
# read: 10,000 candidates of a million rank exactly in 12.9 ms p50 / 24.9 ms p99, where the HNSW
# filter took 34 / 68 ms; at 20,000 the HNSW filter took 17 ms and the matrix grows linearly, so
# larger sets go to the graph (tests/bench/vectors_README.md, "vector matrix").
MATRIX_MAX_CANDIDATES = 20_000
COMPACTION_THRESHOLD = 0.2
# When SQLite may have reused rowids, rows at or below the old watermark written since the last
# sync are found by their created_at; this margin covers clock adjustments.
CATCH_UP_SLACK_S = 120
_IDS_PER_CHECK = 900
_STALE_TEMP_S = 3600


class NoVectorsError(AcgdeskError):
    """The model has no vectors in the library (nothing was embedded with it yet)."""


def index_file_name(model: str) -> str:
    """A file name for ``model``'s index: readable, safe on every OS, unique per model id."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model).strip("._-")[:64] or "model"
    return f"{slug}-{hashlib.sha256(model.encode()).hexdigest()[:10]}.hnsw"


class VectorIndexManager:
    """The HNSW indexes of one library, one per embedding model, rebuilt from SQLite as needed."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        index_dir: str | Path,
        *,
        params: HnswParams | None = None,
        num_threads: int = -1,
        exact_max_candidates: int = EXACT_MAX_CANDIDATES,
        compaction_threshold: float = COMPACTION_THRESHOLD,
        matrix_max_candidates: int = MATRIX_MAX_CANDIDATES,
    ) -> None:
        self.db = db
        self.index_dir = Path(index_dir)
        self.params = params or HnswParams()
        self.num_threads = num_threads
        self.exact_max_candidates = exact_max_candidates
        self.compaction_threshold = compaction_threshold
        self.matrix_max_candidates = matrix_max_candidates
        self._matrices: dict[tuple[str, str], VectorMatrix] = {}
        self._lock = threading.RLock()
        self._indexes: dict[str, HnswIndex] = {}
        self._dirty: set[str] = set()
        self._own_reader = False
        self._conn = self._open_reader(db)
        self.index_dir.mkdir(parents=True, exist_ok=True)
        self._sweep_temporary_files()

    def _open_reader(self, db: sqlite_utils.Database) -> sqlite3.Connection:
        """A read-only connection of our own: reads on the caller's connection could see (and
        index) a write transaction of that connection that is later rolled back."""
        path = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
        if not path:  # an in-memory database: there is only the one connection
            return db.conn
        self._own_reader = True
        return connect(path, readonly=True).conn

    def close(self, *, save: bool = True) -> None:
        with self._lock:
            if save:
                self.save_all()
            self._indexes.clear()
            for matrix in self._matrices.values():
                matrix.close()
            self._matrices.clear()
            if self._own_reader:
                self._conn.close()
                self._own_reader = False

    def __enter__(self) -> VectorIndexManager:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _sweep_temporary_files(self) -> None:
        cutoff = time.time() - _STALE_TEMP_S  # a younger one may be another process's save
        for leftover in chain(self.index_dir.glob(".*.hnsw*.tmp"), self.index_dir.glob(".*.f32*.tmp")):
            try:
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
            except OSError:
                pass

    # -- indexes -----------------------------------------------------------------------------------
    def path_for(self, model: str) -> Path:
        return self.index_dir / index_file_name(model)

    def loaded_models(self) -> list[str]:
        with self._lock:
            return sorted(self._indexes)

    def index_for(self, model: str) -> HnswIndex:
        """``model``'s index, up to date with SQLite (loaded, caught up or rebuilt as needed).

        Raises :class:`NoVectorsError` when the model has no vectors at all.
        """
        with self._lock:
            index = self._indexes.get(model)
            if index is not None:
                if index.generation == vector_generation(self._conn, model) or self._catch_up(index, model):
                    return index
            else:
                index = self._load(model)
                if index is not None and self._catch_up(index, model):
                    self._indexes[model] = index
                    return index
            index = self._rebuild(model)
            self._indexes[model] = index
            return index

    def prepare(self, models: Iterable[str]) -> None:
        """Bring the indexes of ``models`` up to date now (for a background thread at start-up)."""
        for model in models:
            try:
                self.index_for(model)
            except NoVectorsError:
                continue

    def matrix(self, model: str, *, table: str = "embeddings") -> VectorMatrix | None:
        """``model``'s memory-mapped vector matrix, in step with SQLite (built on first use); None when
        the model has no vectors. ``table``: ``embeddings`` (images) or ``text_vectors``."""
        with self._lock:
            key = (table, model)
            matrix = self._matrices.get(key)
            if matrix is None:
                matrix = VectorMatrix(self.path_for(model).with_suffix(".f32"), model, table)
            with self._snapshot():
                present = matrix.sync(self._conn)
            if not present:
                self._matrices.pop(key, None)
                return None
            self._matrices[key] = matrix
            return matrix

    def _load(self, model: str) -> HnswIndex | None:
        path = self.path_for(model)
        dim = model_dim(self._conn, model)
        try:
            return HnswIndex.load(
                path, model=model, dim=dim, num_threads=self.num_threads, params=self.params
            )
        except FileNotFoundError:
            log.info("no index file for %s: building it from the database", model)
        except IndexFileError as exc:
            log.warning("rebuilding the index of %s: %s", model, exc)
        return None

    def _rebuild(self, model: str) -> HnswIndex:
        """A new index from every ``ok`` vector of ``model`` in SQLite, saved at once."""
        started = time.perf_counter()
        with self._snapshot():
            mark = watermark(self._conn)
            generation = vector_generation(self._conn, model)
            dim = model_dim(self._conn, model)
            total = int(
                self._conn.execute("SELECT COUNT(*) FROM embeddings WHERE model = ?", (model,)).fetchone()[0]
            )
        if dim is None:
            raise NoVectorsError(
                f"no vectors of model {model!r} in this library", key="no_vectors", params={"model": model}
            )
        index = HnswIndex(dim, params=self.params, capacity=total, num_threads=self.num_threads, model=model)
        # Rows up to the watermark only: later ones are newer than `generation` and are found by
        # the next catch-up (recording an older generation is always safe, a newer one never).
        for ids, raw in iter_ok_vectors(self._conn, model, dim, upto_rowid=int(mark["rowid"])):
            self._add_valid(index, ids, raw)
        index.generation = generation
        index.extra["watermark"] = mark
        self._save(model, index)
        log.info(
            "built the index of %s: %d vectors in %.1f s", model, len(index), time.perf_counter() - started
        )
        return index

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """A read transaction on our own connection, so the values read together agree (on a
        shared in-memory connection the caller may be inside a transaction: read as is)."""
        if not self._own_reader:
            yield
            return
        self._conn.execute("BEGIN")
        try:
            yield
        finally:
            self._conn.execute("COMMIT")

    @staticmethod
    def _add_valid(index: HnswIndex, ids: np.ndarray, raw: np.ndarray) -> int:
        unit, ok = normalise(raw)
        if not ok.all():
            log.warning("skipping %d zero or non-finite vectors (file ids %s)", (~ok).sum(), ids[~ok][:5])
        index.add(ids[ok], unit[ok])
        return int(ok.sum())

    def _catch_up(self, index: HnswIndex, model: str) -> bool:
        """Apply what changed in SQLite since the index's watermark; False when only a rebuild
        will do (no watermark, or the model's vectors changed dimension)."""
        old_mark = dict(index.extra.get("watermark") or {})
        if "rowid" not in old_mark:
            return False
        with self._snapshot():
            new_mark = watermark(self._conn)
            generation = vector_generation(self._conn, model)
            dim = model_dim(self._conn, model)
            intact = watermark_intact(self._conn, old_mark)
        if dim is not None and dim != index.dim:
            log.info("vectors of %s changed dimension (%d -> %d): rebuilding", model, index.dim, dim)
            return False
        changed = 0
        upto = int(new_mark["rowid"])
        if dim is None:  # every vector of the model is gone
            changed += index.delete(index.live_ids())
        else:
            old_rowid = int(old_mark["rowid"])
            chunks = iter_ok_vectors(self._conn, model, dim, after_rowid=old_rowid, upto_rowid=upto)
            if not intact:
                # A row written since the last sync may have taken a rowid at or below the old
                # watermark: it was written after the watermark row was deleted, so after the
                # sync, and its created_at says so.
                since = minus_seconds(old_mark.get("synced_at"), CATCH_UP_SLACK_S)
                if since is None:
                    return False
                log.info(
                    "the newest vector row of the last sync is gone: reading %s rows since %s", model, since
                )
                reused = iter_ok_vectors(self._conn, model, dim, upto_rowid=old_rowid, created_since=since)
                chunks = chain(reused, chunks)
            for ids, raw in chunks:
                changed += self._add_valid(index, ids, raw)
            changed += self._reconcile_ids(index, model, dim, upto)
        if changed or generation != index.generation:
            self._dirty.add(model)
        index.generation = generation
        index.extra["watermark"] = new_mark
        if changed:
            log.info("caught up the index of %s: %d vectors changed", model, changed)
        return True

    def _ok_rows(self, model: str) -> tuple[np.ndarray, np.ndarray]:
        """``(file ids, rowids)`` of the model's vectors whose file is ``ok`` (ids only: cheap)."""
        # `+e.model` keeps SQLite off the embeddings_model index, whose every hit costs a read of
        # the row (a page per vector) for file_id; the primary-key index holds file_id, model and
        # rowid, so scanning it reads no vector pages (measured at 1M: 2 s instead of 6-13 s).
        # Rows of another dimension are skipped when their vectors are read.
        rows = self._conn.execute(
            "SELECT e.file_id, e.rowid FROM embeddings e CROSS JOIN files f ON f.id = e.file_id "
            "WHERE +e.model = ? AND f.status = 'ok'",
            (model,),
        )
        pairs = np.fromiter(chain.from_iterable(rows), dtype=np.int64).reshape(-1, 2)
        return pairs[:, 0], pairs[:, 1]

    def _reconcile_ids(self, index: HnswIndex, model: str, dim: int, upto_rowid: int) -> int:
        """Delete ids that are no longer ``ok`` vectors of the model; add ``ok`` ones the index lacks
        (files whose status came back, rowids SQLite reused) up to the watermark. Rows above it
        are newer than the recorded generation: the next catch-up reads them."""
        ids, rowids = self._ok_rows(model)
        changed = index.delete(ids_not_in(index.live_ids(), ids))
        missing = ids_not_in(ids[rowids <= upto_rowid], index.live_ids())
        for found, raw in vectors_for_ids(self._conn, model, dim, missing):
            changed += self._add_valid(index, found, raw)
        return changed

    def _save(self, model: str, index: HnswIndex) -> None:
        index.save(self.path_for(model))
        self._dirty.discard(model)

    def save_all(self) -> list[str]:
        """Save every index changed since it was loaded or saved; returns their models."""
        with self._lock:
            saved = []
            for model in sorted(self._dirty):
                index = self._indexes.get(model)
                if index is not None:
                    self._save(model, index)
                    saved.append(model)
            self._dirty.clear()
            return saved

    def compact(self, model: str) -> HnswIndex:
        """Rebuild ``model``'s index from SQLite without its deleted elements, and save it."""
        with self._lock:
            index = self._rebuild(model)
            self._indexes[model] = index
            return index

    def compact_if_needed(self) -> list[str]:
        """Compact the loaded indexes whose deleted share is above the threshold."""
        with self._lock:
            due = [m for m, i in self._indexes.items() if i.compaction_needed(self.compaction_threshold)]
            for model in due:
                self.compact(model)
            return due

    # -- search ------------------------------------------------------------------------------------
    def search(
        self,
        model: str,
        vector: np.ndarray | Sequence[float],
        k: int,
        *,
        candidate_ids: Collection[int] | np.ndarray | None = None,
        ef: int | None = None,
    ) -> list[Hit]:
        """The ``k`` files most similar to ``vector`` under ``model``, as ``(file_id, cosine
        similarity)``, best first; restricted to ``candidate_ids`` when given. Only files with
        status ``ok`` are returned. A model without vectors gives no results."""
        if k <= 0:
            return []
        with self._lock:
            if candidate_ids is not None:
                listed = candidate_ids if isinstance(candidate_ids, np.ndarray) else list(candidate_ids)
                cands = unique_ids(np.asarray(listed, dtype=np.int64))
                if cands.size == 0:
                    return []
                if cands.size <= self.exact_max_candidates:  # no index or matrix needed at all
                    loaded = self._indexes.get(model)
                    return exact_search(
                        self._conn, model, vector, k, candidate_ids=cands, dim=loaded.dim if loaded else None
                    )
                if cands.size <= self.matrix_max_candidates:
                    matrix = self.matrix(model)
                    if matrix is None:
                        return []
                    return self._matrix_search(matrix, model, vector, k, cands)
            try:
                index = self.index_for(model)
            except NoVectorsError:
                return []
            q = unit_query(vector, index.dim)
            return self._checked_search(index, model, q, k, cands if candidate_ids is not None else None, ef)

    def _matrix_search(
        self,
        matrix: VectorMatrix,
        model: str,
        vector: np.ndarray | Sequence[float],
        k: int,
        cands: np.ndarray,
    ) -> list[Hit]:
        """Exact top-k over the candidates' rows of the matrix, keeping only ``ok`` files (the
        matrix keeps rows of files whose status may come back)."""
        ids, sims = matrix.similarities(vector, cands)
        order = np.lexsort((ids, -sims))
        out: list[Hit] = []
        start = 0
        while len(out) < k and start < order.size:
            chunk = order[start : start + max(2 * (k - len(out)), 64)]
            start += chunk.size
            ok = self._still_ok(model, [int(i) for i in ids[chunk]])
            out.extend((int(ids[j]), float(sims[j])) for j in chunk if int(ids[j]) in ok)
        return out[:k]

    def dense_similarities(
        self,
        model: str,
        vector: np.ndarray | Sequence[float],
        candidate_ids: np.ndarray | None = None,
        *,
        table: str = "embeddings",
    ) -> tuple[np.ndarray, np.ndarray]:
        """Cosine similarity of ``vector`` to every stored vector of ``model`` (or those of
        ``candidate_ids``) as ``(file ids, similarities)``, unsorted; status is not checked (pass
        candidate ids from SQL). Empty when the model has no vectors."""
        with self._lock:
            matrix = self.matrix(model, table=table)
            if matrix is None:
                return np.empty(0, np.int64), np.empty(0, np.float32)
            cands = None if candidate_ids is None else unique_ids(np.asarray(candidate_ids, dtype=np.int64))
            return matrix.similarities(vector, cands)

    def _checked_search(
        self, index: HnswIndex, model: str, q: np.ndarray, k: int, allowed: np.ndarray | None, ef: int | None
    ) -> list[Hit]:
        """HNSW search whose results are checked against SQLite; a result whose file is no longer
        ``ok`` (or whose vector was deleted) is dropped from the index and the search repeated."""
        while True:
            hits = index.search(q, k, filter_ids=allowed, ef=ef)
            ok = self._still_ok(model, [h[0] for h in hits])
            if len(ok) == len(hits):
                return hits
            stale = [h[0] for h in hits if h[0] not in ok]
            log.info("dropping %d files that are no longer ok from the index of %s", len(stale), model)
            index.delete(stale)
            self._dirty.add(model)

    def _still_ok(self, model: str, ids: list[int]) -> set[int]:
        ok: set[int] = set()
        for start in range(0, len(ids), _IDS_PER_CHECK):
            chunk = ids[start : start + _IDS_PER_CHECK]
            rows = self._conn.execute(
                "SELECT e.file_id FROM embeddings e CROSS JOIN files f ON f.id = e.file_id "
                f"WHERE e.model = ? AND f.status = 'ok' AND e.file_id IN ({','.join('?' * len(chunk))})",
                (model, *chunk),
            )
            ok.update(r[0] for r in rows)
        return ok
