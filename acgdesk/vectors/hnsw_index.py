"""A typed wrapper over one hnswlib graph: labels are file ids, vectors are unit vectors.

Space: hnswlib's ``ip`` on vectors normalised here, not ``cosine``. The two compute the same thing
(``cosine`` normalises inside hnswlib, then uses the inner product), but normalising ourselves
means the HNSW path and the exact numpy path (:mod:`acgdesk.vectors.exact`) share one
normalisation and return identical similarities (``1 - distance``), zero or non-finite vectors are
refused with a clear error instead of being divided by ``1e-30``, and the vectors read back from
the graph (``vectors()``) are the unit vectors that were actually indexed.

Growth and deletion without rebuilds: the graph is created with ``allow_replace_deleted``, so a new
file id takes over the slot of a deleted one before the graph grows, and when it must grow its
capacity doubles (``resize_index``; the graph is kept, nothing is re-inserted). Deleting marks the
element (``mark_deleted``): it still routes searches but is never returned. hnswlib 0.8 has two
traps here, both handled in :meth:`HnswIndex.add` (and tested): ``replace_deleted=True`` for an id
that is still in the graph puts it in a free slot and leaves the old one behind (the id is then
returned twice), and re-adding a marked id without unmarking it first raises.
:meth:`HnswIndex.compaction_needed` says when marked elements have become a large share and the
graph should be rebuilt from the database.

Persistence: :meth:`HnswIndex.save` writes the graph to a temporary file and moves it into place
with ``os.replace``, then does the same for a JSON manifest beside it (``<name>.json``) holding the
model, dimension, counts, the database generation the graph was built from, the parameters, the
labels of marked elements and a BLAKE3 checksum and size of the graph file. :meth:`HnswIndex.load`
checks all of it before hnswlib reads a byte (a damaged graph could crash hnswlib, not just fail;
:mod:`acgdesk.vectors.hnsw_file`) and raises :class:`IndexCorruptError` or :class:`IndexMismatchError`.

Not thread-safe: callers serialise access (``VectorIndexManager`` holds a lock).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import hnswlib
import numpy as np

from acgdesk.vectors.exact import Hit, ids_not_in, normalise, unique_ids, unit_query
from acgdesk.vectors.hnsw_file import (  # noqa: F401  (the errors are this module's API too)
    FORMAT,
    SPACE,
    IndexCorruptError,
    IndexFileError,
    IndexMismatchError,
    check_saved,
    file_checksum,
    manifest_path,
    read_manifest,
)

MIN_CAPACITY = 1024
# File ids index a bitmap of live labels (one byte per id up to the largest); SQLite assigns ids
# sequentially, so the bitmap is about one byte per file ever added.
MAX_LABEL = (1 << 31) - 1


@dataclass(frozen=True, slots=True)
class HnswParams:
    """Graph and search parameters, chosen with ``tests/bench/bench_vectors.py`` (see
    ``tests/bench/vectors_README.md`` for the measurements).

    ``ef`` for ``k`` results is ``max(ef_min, ef_per_k * k)``, or ``max(ef_min_filtered,
    ef_per_k * k)`` with a filter: a filtered search visits many more nodes before it has ``ef``
    matches, which both costs more and finds the true neighbours more reliably at a lower ``ef``.
    """

    M: int = 16
    ef_construction: int = 100
    ef_min: int = 200
    ef_min_filtered: int = 64
    ef_per_k: int = 2

    def ef_for(self, k: int, *, filtered: bool = False) -> int:
        return max(self.ef_min_filtered if filtered else self.ef_min, self.ef_per_k * k, k)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class HnswIndex:
    """One model's vectors in an HNSW graph, keyed by file id."""

    def __init__(
        self,
        dim: int,
        *,
        params: HnswParams | None = None,
        capacity: int = MIN_CAPACITY,
        num_threads: int = -1,
        model: str = "",
        generation: int = 0,
    ) -> None:
        if dim <= 0:
            raise ValueError(f"dimension must be positive, not {dim}")
        self.params = params or HnswParams()
        graph = hnswlib.Index(space=SPACE, dim=dim)
        graph.init_index(
            max_elements=max(int(capacity), MIN_CAPACITY),
            M=self.params.M,
            ef_construction=self.params.ef_construction,
            random_seed=100,
            allow_replace_deleted=True,
        )
        self._setup(graph, model=model, generation=generation, num_threads=num_threads)
        self._live = np.zeros(0, dtype=bool)
        self._present = np.zeros(0, dtype=bool)
        self._live_count = 0

    def _setup(self, graph: hnswlib.Index, *, model: str, generation: int, num_threads: int) -> None:
        self._graph = graph
        self._ef = 0
        self.model = model
        self.generation = generation
        self.num_threads = num_threads
        # Free-form fields the owner keeps in the manifest (the manager's sync watermark).
        self.extra: dict[str, Any] = {}

    # -- sizes -------------------------------------------------------------------------------------
    @property
    def dim(self) -> int:
        return int(self._graph.dim)

    @property
    def capacity(self) -> int:
        return int(self._graph.get_max_elements())

    @property
    def elements(self) -> int:
        """Slots in use: live vectors plus marked-deleted ones."""
        return int(self._graph.get_current_count())

    @property
    def deleted_count(self) -> int:
        return self.elements - self._live_count

    def __len__(self) -> int:
        return self._live_count

    def __contains__(self, file_id: object) -> bool:
        return (
            isinstance(file_id, int | np.integer)
            and 0 <= int(file_id) < len(self._live)
            and bool(self._live[int(file_id)])
        )

    def live_ids(self) -> np.ndarray:
        """File ids of the live (not deleted) vectors, ascending."""
        return np.flatnonzero(self._live).astype(np.int64)

    def live_mask(self, ids: np.ndarray) -> np.ndarray:
        """For each id, whether it is a live vector of this index."""
        ids = np.asarray(ids, dtype=np.int64)
        inside = (ids >= 0) & (ids < len(self._live))
        out = np.zeros(ids.shape, dtype=bool)
        out[inside] = self._live[ids[inside]]
        return out

    def compaction_needed(self, threshold: float = 0.2) -> bool:
        """Whether marked-deleted elements exceed ``threshold`` of all elements: they slow searches
        down (they are still visited) and waste memory, so the graph should be rebuilt."""
        return self.elements > 0 and self.deleted_count / self.elements > threshold

    # -- changes -----------------------------------------------------------------------------------
    def _check_ids(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        arr = np.asarray(ids, dtype=np.int64).ravel()
        if arr.size and (arr.min() < 0 or arr.max() > MAX_LABEL):
            raise ValueError(f"file ids must be between 0 and {MAX_LABEL}")
        return arr

    def _grow_bitmap(self, size: int) -> None:
        if size > len(self._live):
            size = max(size, 2 * len(self._live), 1024)
            for name in ("_live", "_present"):
                grown = np.zeros(size, dtype=bool)
                old = getattr(self, name)
                grown[: len(old)] = old
                setattr(self, name, grown)

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None:
        """Add or replace the vectors of ``ids`` (a repeated id keeps its last vector).

        New ids reuse the slots of deleted ones first; when the graph is full its capacity
        doubles (no rebuild). Raises ValueError for a zero or non-finite vector.
        """
        arr = self._check_ids(ids)
        mat = np.asarray(vectors)
        if mat.ndim != 2 or mat.shape[0] != arr.size:
            raise ValueError(f"expected {arr.size} vectors of dimension {self.dim}, got shape {mat.shape}")
        if mat.shape[1] != self.dim:
            raise ValueError(f"vectors have {mat.shape[1]} dimensions, the index has {self.dim}")
        if arr.size == 0:
            return
        uniq, first_in_reversed = np.unique(arr[::-1], return_index=True)
        if len(uniq) != arr.size:  # keep the last occurrence of a repeated id
            keep = np.sort(arr.size - 1 - first_in_reversed)
            arr, mat = arr[keep], mat[keep]
        unit, ok = normalise(mat)
        if not ok.all():
            raise ValueError(f"vectors of file ids {arr[~ok][:5].tolist()} are zero or not finite")
        self._grow_bitmap(int(arr.max()) + 1)
        live = self._live[arr]
        present = self._present[arr]
        # hnswlib 0.8 rules, each checked: an id still in the graph must be updated in its own
        # slot with replace_deleted=False (with True it would take a free slot and leave its old
        # one behind, returned twice), and a marked one must be unmarked first; only ids not in
        # the graph may take over the slots of deleted ones.
        for label in arr[present & ~live].tolist():
            self._graph.unmark_deleted(label)
        self._live[arr[present]] = True
        self._live_count += int((present & ~live).sum())
        if present.any():
            self._graph.add_items(unit[present], arr[present], num_threads=self.num_threads)
        fresh = ~present
        if fresh.any():
            free_slots = self.deleted_count
            needed = self.elements + max(0, int(fresh.sum()) - free_slots)
            if needed > self.capacity:
                self._graph.resize_index(max(needed, 2 * self.capacity))
            self._graph.add_items(unit[fresh], arr[fresh], num_threads=self.num_threads, replace_deleted=True)
            self._live[arr[fresh]] = True
            self._present[arr[fresh]] = True
            self._live_count += int(fresh.sum())
            if free_slots:
                # Some deleted ids lost their slot to the new ones; hnswlib does not say which.
                self._sync_present()

    def _sync_present(self) -> None:
        present = np.asarray(self._graph.get_ids_list(), dtype=np.int64)
        self._present[:] = False
        self._present[present] = True

    def delete(self, ids: Sequence[int] | np.ndarray) -> int:
        """Mark the vectors of ``ids`` deleted; ids not in the index are ignored. Returns how many
        were deleted."""
        arr = unique_ids(self._check_ids(ids))
        arr = arr[self.live_mask(arr)]
        for label in arr.tolist():
            self._graph.mark_deleted(label)
        self._live[arr] = False
        self._live_count -= int(arr.size)
        return int(arr.size)

    def vectors(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """The indexed (unit) vectors of live ``ids``, one row each; KeyError for any other id.

        Slow (hnswlib 0.8 copies through Python lists: ~0.2 ms a vector); not for hot paths."""
        arr = self._check_ids(ids)
        live = self.live_mask(arr)
        if not live.all():
            raise KeyError(f"not in the index: {arr[~live][:5].tolist()}")
        if arr.size == 0:
            return np.empty((0, self.dim), dtype=np.float32)
        return np.asarray(self._graph.get_items(arr), dtype=np.float32).reshape(arr.size, self.dim)

    # -- search ------------------------------------------------------------------------------------
    def _set_ef(self, ef: int) -> None:
        if ef != self._ef:
            self._graph.set_ef(ef)
            self._ef = ef

    def search(
        self,
        vector: np.ndarray | Sequence[float],
        k: int,
        *,
        filter_ids: Collection[int] | np.ndarray | None = None,
        ef: int | None = None,
    ) -> list[Hit]:
        """The ``k`` nearest live vectors as ``(file_id, cosine similarity)``, best first.

        ``filter_ids`` (an array of ids, the fastest, or a set) restricts results to those ids.
        hnswlib asks a Python callback about each candidate it visits, so this suits filters that
        keep a fair share of the index; rank small candidate sets exactly instead (:mod:`.exact`).
        ``ef`` defaults to :meth:`HnswParams.ef_for`. Fewer than ``k`` come back only when
        fewer than ``k`` live vectors match.
        """
        q = unit_query(vector, self.dim)
        k = min(int(k), self._live_count)
        if k <= 0:
            return []
        kwargs: dict[str, Any] = {"num_threads": 1}
        allowed: Collection[int] | None = None
        if isinstance(filter_ids, np.ndarray):
            # A byte per label, looked up by hnswlib's callback through bytes.__getitem__: built
            # in ~1 ms for a million labels (a set of 300k ids takes ~50 ms, a list of a million
            # bools ~20 ms; measured, see tests/bench/vectors_README.md). It also counts the live
            # matches, so k never exceeds them.
            ids = filter_ids.astype(np.int64, copy=False).ravel()
            mask = np.zeros(len(self._live), dtype=bool)
            mask[ids[(ids >= 0) & (ids < len(mask))]] = True
            mask &= self._live
            k = min(k, int(mask.sum()))
            kwargs["filter"] = mask.tobytes().__getitem__
        elif filter_ids is not None:
            allowed = filter_ids if isinstance(filter_ids, set | frozenset) else set(map(int, filter_ids))
            k = min(k, len(allowed))
            kwargs["filter"] = allowed.__contains__
        if k <= 0:
            return []
        self._set_ef(max(int(ef) if ef else self.params.ef_for(k, filtered="filter" in kwargs), k))
        try:
            labels, dists = self._graph.knn_query(q, k=k, **kwargs)
        except RuntimeError:
            # hnswlib found fewer than k: fewer than k live vectors pass the filter, or the graph
            # is cut off around marked elements. Ask again for what can be reached.
            return self._search_fewer(
                q, k - 1 if allowed is None else min(k - 1, self._matching(allowed)), kwargs
            )
        return [(int(i), float(1.0 - d)) for i, d in zip(labels[0], dists[0], strict=True)]

    def _matching(self, allowed: Collection[int]) -> int:
        ids = np.fromiter((int(i) for i in allowed), dtype=np.int64, count=len(allowed))
        return int(self.live_mask(ids).sum())

    def _search_fewer(self, q: np.ndarray, k: int, kwargs: dict[str, Any]) -> list[Hit]:
        while k > 0:
            try:
                labels, dists = self._graph.knn_query(q, k=k, **kwargs)
            except RuntimeError:
                k -= 1
                continue
            return [(int(i), float(1.0 - d)) for i, d in zip(labels[0], dists[0], strict=True)]
        return []

    def search_batch(
        self, queries: np.ndarray, k: int, *, ef: int | None = None, num_threads: int | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Unfiltered search of many queries at once: ``(file ids, similarities)``, each (n, k)."""
        unit, ok = normalise(queries)
        if not ok.all():
            raise ValueError("a query vector is zero or not finite")
        k = min(int(k), self._live_count)
        if k <= 0:
            return np.empty((len(unit), 0), np.int64), np.empty((len(unit), 0), np.float32)
        self._set_ef(max(int(ef) if ef else self.params.ef_for(k), k))
        labels, dists = self._graph.knn_query(
            unit, k=k, num_threads=num_threads if num_threads is not None else self.num_threads
        )
        return labels.astype(np.int64), (1.0 - dists).astype(np.float32)

    # -- persistence -------------------------------------------------------------------------------
    def manifest(self) -> dict[str, Any]:
        present = np.flatnonzero(self._present)
        deleted = present[~self._live[present]]
        return {
            "format": FORMAT,
            "model": self.model,
            "dim": self.dim,
            "space": SPACE,
            "count": self._live_count,
            "deleted": int(deleted.size),
            "elements": self.elements,
            "capacity": self.capacity,
            "generation": self.generation,
            "params": asdict(self.params),
            "deleted_ids": sorted(deleted.tolist()),
            "extra": self.extra,
        }

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the graph to ``path`` and its manifest to ``<path>.json``, each atomically.

        A crash between the two replaces leaves a graph its manifest does not describe: the
        checksum tells, and :meth:`load` raises :class:`IndexCorruptError` instead of using it.
        """
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        token = f"{os.getpid()}.{uuid.uuid4().hex[:8]}"
        tmp_graph = target.with_name(f".{target.name}.{token}.tmp")
        man_path = manifest_path(target)
        tmp_man = man_path.with_name(f".{man_path.name}.{token}.tmp")
        try:
            self._graph.save_index(str(tmp_graph))
            _fsync(tmp_graph)
            manifest = self.manifest()
            manifest["size"] = tmp_graph.stat().st_size
            manifest["checksum"] = "blake3:" + file_checksum(tmp_graph)
            manifest["saved_at"] = datetime.now(UTC).isoformat()
            with open(tmp_man, "w", encoding="utf-8") as fh:
                json.dump(manifest, fh, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp_graph, target)
            os.replace(tmp_man, man_path)
        finally:
            for leftover in (tmp_graph, tmp_man):
                leftover.unlink(missing_ok=True)
        try:
            dir_fd = os.open(target.parent, os.O_RDONLY)
        except OSError:  # Windows cannot open a folder; its renames are durable enough here
            return target
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        return target

    @staticmethod
    def read_manifest(path: str | os.PathLike[str]) -> dict[str, Any]:
        """The manifest beside the graph at ``path``; FileNotFoundError when either is missing."""
        return read_manifest(path)

    @classmethod
    def load(
        cls,
        path: str | os.PathLike[str],
        *,
        model: str | None = None,
        dim: int | None = None,
        num_threads: int = -1,
        params: HnswParams | None = None,
    ) -> HnswIndex:
        """Load a saved graph after checking its manifest, size and checksum.

        The graph keeps the M and ef_construction it was built with; the search settings (``ef``)
        come from ``params``.

        Raises FileNotFoundError (graph or manifest absent), :class:`IndexCorruptError` (damaged)
        or :class:`IndexMismatchError` (another model, dimension or format than expected).
        """
        target = Path(path)
        saved = check_saved(target, model=model, dim=dim)
        graph = hnswlib.Index(space=SPACE, dim=saved.dim)
        try:
            graph.load_index(str(target), max_elements=0, allow_replace_deleted=True)
        except (RuntimeError, ValueError, MemoryError) as exc:
            raise IndexCorruptError(
                f"hnswlib cannot read {target}: {exc}",
                key="unreadable_graph",
                params={"path": str(target), "detail": str(exc)},
            ) from exc
        present = np.asarray(graph.get_ids_list(), dtype=np.int64)
        deleted_ids, count = saved.deleted_ids, saved.count
        if (
            graph.get_current_count() != saved.elements
            or present.size != saved.elements
            or saved.elements - deleted_ids.size != count
            or saved.built_with["M"] != graph.M
            or ids_not_in(deleted_ids, present).size
        ):
            raise IndexCorruptError(
                f"{target} does not hold what its manifest describes",
                key="contents_mismatch",
                params={"path": str(target)},
            )
        index = cls.__new__(cls)
        index.params = replace(params or HnswParams(), **saved.built_with)
        index._setup(graph, model=saved.model, generation=saved.generation, num_threads=num_threads)
        index.extra = saved.extra
        index._live = np.zeros(0, dtype=bool)
        index._present = np.zeros(0, dtype=bool)
        index._live_count = 0
        if present.size:
            index._grow_bitmap(int(present.max()) + 1)
            index._present[present] = True
            index._live[present] = True
            index._live[deleted_ids] = False
        index._live_count = count
        return index
