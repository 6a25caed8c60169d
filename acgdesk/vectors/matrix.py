"""A memory-mapped float32 matrix of one model's unit vectors, row = file id: exact ranking without SQLite.

Reading candidates' vectors from SQLite costs a random 4 KB page each (5-20 µs at a million rows), which
made filtered searches keeping ~1 % of a million files miss their latency target. This file holds the
same vectors, normalised, at ``file_id * dim * 4``: gathering 10,000 rows is a memory copy, and a
dense scan of every row is one matrix product.

Like the HNSW file it is a cache of SQLite, rebuilt when missing, damaged or mismatched, and kept in
step by the same two records: the model's ``vector_generation`` and a watermark (the newest
``embeddings`` rowid). A catch-up writes the rows above the watermark and, when the number of stored
vectors then disagrees with SQLite's, zeroes rows whose vectors are gone. A zero row means "no
vector": unit vectors are never zero. While rows are being changed in place the manifest says
``"syncing": true``; a crash in between leaves that flag, and the next open rebuilds the file.

Rows of files that are not ``ok`` are kept (their status may come back): callers pass candidate ids
from SQL, which only ever lists ``ok`` files.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import numpy as np

from acgdesk.db.predictions import vector_generation
from acgdesk.vectors.exact import TopK, normalise, unit_query

log = logging.getLogger(__name__)

FORMAT = 1
_GROW = 1.5
_BLOCK = 32_768  # rows per read: 64 MB of 512-d vectors


def _atomic_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


# Tables laid out like ``embeddings`` (file_id, model, dim, vector; primary key file_id, model): the
# image embeddings, and the text vectors of names and prompts (migration 0004).
TABLES = ("embeddings", "text_vectors")


def _all_vectors(conn: sqlite3.Connection, table: str, model: str, dim: int, after: int, upto: int):
    """Every vector row of ``model`` in the rowid range, whatever its file's status."""
    last = after
    while True:
        rows = conn.execute(
            f"SELECT rowid, file_id, vector FROM {table} WHERE model = ? AND rowid > ? AND rowid <= ? "
            "AND dim = ? ORDER BY rowid LIMIT 8192",
            (model, last, upto, dim),
        ).fetchall()
        if not rows:
            return
        last = int(rows[-1][0])
        ids = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
        mat = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float32).reshape(len(rows), dim)
        yield ids, mat
        if len(rows) < 8192:
            return


class VectorMatrix:
    """One model's vectors as a (rows, dim) float32 memory map; see the module docstring."""

    def __init__(self, path: Path, model: str, table: str = "embeddings") -> None:
        if table not in TABLES:
            raise ValueError(f"not a vector table: {table!r}")
        self.path = Path(path)
        self.manifest_path = self.path.with_name(self.path.name + ".json")
        self.model = model
        self.table = table
        self.mark: list[Any] | None = None  # (file_id, model) of the watermark's row
        self.dim = 0
        self.rows = 0
        self.generation = -1
        self.watermark = 0
        self.count = 0
        self._map: np.ndarray | None = None

    # -- state ---------------------------------------------------------------------------------
    def _manifest(self, **extra: Any) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "model": self.model,
            "dim": self.dim,
            "rows": self.rows,
            "count": self.count,
            "generation": self.generation,
            "watermark": self.watermark,
            "mark": self.mark,
            "table": self.table,
            **extra,
        }

    def _open_existing(self, dim: int) -> bool:
        """Map the file when its manifest is whole and matches; False means rebuild."""
        try:
            meta = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            size = self.path.stat().st_size
        except (OSError, ValueError):
            return False
        if (
            not isinstance(meta, dict)
            or meta.get("format") != FORMAT
            or meta.get("model") != self.model
            or meta.get("table", "embeddings") != self.table
            or meta.get("dim") != dim
            or meta.get("syncing")
            or size != int(meta.get("rows", -1)) * dim * 4
        ):
            log.info("vector matrix of %s is stale or damaged: rebuilding", self.model)
            return False
        self.dim, self.rows = dim, int(meta["rows"])
        self.generation, self.watermark = int(meta["generation"]), int(meta["watermark"])
        self.count = int(meta.get("count", 0))
        self.mark = meta.get("mark")
        self._map = (
            np.memmap(self.path, dtype=np.float32, mode="r+", shape=(self.rows, dim)) if self.rows else None
        )
        return True

    def _rebuild(self, conn: sqlite3.Connection, dim: int) -> None:
        """Write a new file from SQLite beside the old one, then move it into place."""
        top, self.mark = self._top(conn)
        max_id = conn.execute(
            f"SELECT COALESCE(MAX(file_id), 0) FROM {self.table} WHERE model = ?", (self.model,)
        ).fetchone()[0]
        generation = vector_generation(conn, self.model)
        rows = int(max_id) + 1
        tmp = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex}.tmp")
        count = 0
        try:
            with open(tmp, "wb") as fh:
                fh.truncate(rows * dim * 4)
            mm = np.memmap(tmp, dtype=np.float32, mode="r+", shape=(rows, dim))
            for ids, raw in _all_vectors(conn, self.table, self.model, dim, 0, int(top)):
                unit, ok = normalise(raw)
                mm[ids[ok]] = unit[ok]
                count += int(ok.sum())
            mm.flush()
            del mm
            os.replace(tmp, self.path)
        finally:
            if tmp.exists():
                tmp.unlink()
        self._map = None
        self.dim, self.rows, self.generation, self.watermark = dim, rows, generation, int(top)
        self.count = count
        self._map = np.memmap(self.path, dtype=np.float32, mode="r+", shape=(rows, dim))
        _atomic_json(self.manifest_path, self._manifest())

    def _ids_present(self) -> np.ndarray:
        return np.flatnonzero(self._norms() > 0) if self._map is not None else np.empty(0, np.int64)

    def _norms(self) -> np.ndarray:
        out = np.empty(self.rows, np.float32)
        for start in range(0, self.rows, 65536):
            block = np.asarray(self._map[start : start + 65536])
            out[start : start + len(block)] = np.einsum("ij,ij->i", block, block)
        return out

    def _grow(self, rows: int) -> None:
        new_rows = max(rows, int(self.rows * _GROW) + 1)
        self._map = None
        with open(self.path, "r+b") as fh:
            fh.truncate(new_rows * self.dim * 4)
        self.rows = new_rows
        self._map = np.memmap(self.path, dtype=np.float32, mode="r+", shape=(self.rows, self.dim))

    def _top(self, conn: sqlite3.Connection) -> tuple[int, list[Any] | None]:
        row = conn.execute(
            f"SELECT rowid, file_id, model FROM {self.table} ORDER BY rowid DESC LIMIT 1"
        ).fetchone()
        return (int(row[0]), [int(row[1]), str(row[2])]) if row else (0, None)

    def _watermark_intact(self, conn: sqlite3.Connection) -> bool:
        """No rowid up to the watermark can have been handed out again: SQLite reuses rowids only
        after the newest rows were deleted, and the watermark's own row is still at or above it."""
        if self.watermark == 0:
            return True
        if not self.mark:
            return False
        row = conn.execute(
            f"SELECT rowid FROM {self.table} WHERE file_id = ? AND model = ?", (self.mark[0], self.mark[1])
        ).fetchone()
        return row is not None and int(row[0]) >= self.watermark

    def _catch_up(self, conn: sqlite3.Connection, generation: int) -> bool:
        """Apply what changed since the watermark in place; False when a rebuild is needed."""
        if not self._watermark_intact(conn):
            return False
        top, mark = self._top(conn)
        _atomic_json(self.manifest_path, self._manifest(syncing=True))
        count = self.count
        for ids, raw in _all_vectors(conn, self.table, self.model, self.dim, self.watermark, top):
            unit, ok = normalise(raw)
            ids, unit = ids[ok], unit[ok]
            if ids.size and int(ids.max()) >= self.rows:
                self._grow(int(ids.max()) + 1)
            assert self._map is not None
            old = self._map[ids]
            count += int((np.einsum("ij,ij->i", old, old) == 0).sum())  # new ids, not replacements
            self._map[ids] = unit
        total = int(
            conn.execute(
                f"SELECT COUNT(*) FROM {self.table} WHERE model = ? AND dim = ?", (self.model, self.dim)
            ).fetchone()[0]
        )
        if count != total:
            # Vectors were deleted: zero the rows SQLite no longer has (a full scan, but rare).
            keep = np.fromiter(
                (
                    r[0]
                    for r in conn.execute(f"SELECT file_id FROM {self.table} WHERE model = ?", (self.model,))
                ),
                dtype=np.int64,
            )
            table = np.zeros(self.rows, dtype=bool)
            table[keep[keep < self.rows]] = True
            present = self._ids_present()
            gone = present[~table[present]]
            if gone.size and self._map is not None:
                self._map[gone] = 0.0
            count = int(present.size - gone.size)
        if self._map is not None:
            self._map.flush()
        self.generation, self.watermark, self.count, self.mark = generation, top, count, mark
        _atomic_json(self.manifest_path, self._manifest())
        return True

    def sync(self, conn: sqlite3.Connection) -> bool:
        """Bring the file in step with SQLite; False when the model has no vectors."""
        row = conn.execute(
            f"SELECT dim FROM {self.table} WHERE model = ? ORDER BY rowid DESC LIMIT 1", (self.model,)
        ).fetchone()
        if row is None:
            return False
        dim = int(row[0])
        generation = vector_generation(conn, self.model)
        if self._map is None and self.rows == 0 and not self._open_existing(dim):
            self._rebuild(conn, dim)
            return True
        if self.dim != dim:
            self._rebuild(conn, dim)
            return True
        if generation != self.generation and not self._catch_up(conn, generation):
            self._rebuild(conn, dim)
        return True

    # -- reading -------------------------------------------------------------------------------
    def vectors(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(ids, unit rows)`` for the ids that have a vector here."""
        ids = np.asarray(ids, dtype=np.int64)
        ids = ids[(ids >= 0) & (ids < self.rows)]
        if self._map is None or ids.size == 0:
            return np.empty(0, np.int64), np.zeros((0, self.dim), np.float32)
        rows = self._map[np.sort(ids)]
        ok = np.einsum("ij,ij->i", rows, rows) > 0
        return np.sort(ids)[ok], rows[ok]

    def similarities(self, query: np.ndarray, ids: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Cosine similarity of ``query`` to the rows of ``ids`` (every row when None) that have a
        vector, as ``(ids, similarities)``; rows are read a block at a time (bounded memory).

        A row without a vector is all zeros, so its similarity is exactly 0; a real vector at exactly
        0 is left out with it (measure zero, and no evidence either way). When ``ids`` cover a large
        share of the rows, the rows are scanned in order rather than gathered (a copy per row)."""
        q = unit_query(query, self.dim)
        if self._map is None:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        wanted = None
        if ids is not None:
            wanted = np.sort(np.asarray(ids, dtype=np.int64))
            wanted = wanted[(wanted >= 0) & (wanted < self.rows)]
        out_ids, out_sims = [], []
        if wanted is None or wanted.size > self.rows // 4:
            keep = None
            if wanted is not None:
                keep = np.zeros(self.rows, dtype=bool)
                keep[wanted] = True
            for start in range(0, self.rows, _BLOCK):
                sims = np.asarray(self._map[start : start + _BLOCK]) @ q
                hit = sims != 0
                if keep is not None:
                    hit &= keep[start : start + sims.size]
                present = np.flatnonzero(hit)
                out_ids.append(present + start)
                out_sims.append(sims[present])
        else:
            for start in range(0, wanted.size, _BLOCK):
                chunk = wanted[start : start + _BLOCK]
                sims = self._map[chunk] @ q
                present = sims != 0
                out_ids.append(chunk[present])
                out_sims.append(sims[present])
        if not out_ids:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        return np.concatenate(out_ids), np.concatenate(out_sims).astype(np.float32, copy=False)

    def top_k(self, query: np.ndarray, k: int, ids: np.ndarray | None = None) -> list[tuple[int, float]]:
        found, sims = self.similarities(query, ids)
        acc = TopK(unit_query(query, self.dim)[None, :], k)
        acc.push(found, sims[None, :])
        return acc.hits()[0]

    def close(self) -> None:
        if self._map is not None:
            self._map.flush()
        self._map = None
