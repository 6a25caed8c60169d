"""Model output shared by identical bytes: a copy, or content that moved, is not analysed twice.

Models are a pure function of the pixels, and rows with the same content hash hold the same pixels,
so what a model said about one of them holds for all. The model stage asks :func:`analysed_content`
before running (from its own thread, on its own read connection: :class:`ContentLookup`), and the
writer copies the output over with :func:`share_model_output` in the transaction that writes the
file. Why it matters: in a watched library most "new" files are moves, swaps and copies of files
already indexed, and running the taggers on them again held back every other change for seconds.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Collection, Iterable
from pathlib import Path

from acgdesk.db.connection import utcnow
from acgdesk.db.file_stats import refresh_file_stats
from acgdesk.db.predictions import bump_vector_generation

_CHUNK = 500  # SQLite's variable limit is far above this; small chunks keep each query short


def analysed_content(
    conn: sqlite3.Connection, hashes: Iterable[str], keys: Collection[str]
) -> dict[str, dict[str, set[int]]]:
    """content hash -> model key (of ``keys``) -> ids of the rows with those bytes that the model
    ran on without error (the caller leaves out the row it asks for: no row vouches for itself)."""
    wanted, models = sorted({h for h in hashes if h}), sorted(keys)
    found: dict[str, dict[str, set[int]]] = {}
    if not wanted or not models:
        return found
    for i in range(0, len(wanted), _CHUNK):
        part = wanted[i : i + _CHUNK]
        sql = (
            "SELECT f.content_hash, f.id, r.model FROM files f JOIN model_runs r ON r.file_id = f.id "
            f"WHERE f.content_hash IN ({','.join('?' * len(part))}) "
            f"AND r.model IN ({','.join('?' * len(models))}) AND r.error IS NULL"
        )
        for content_hash, file_id, model in conn.execute(sql, (*part, *models)):
            found.setdefault(content_hash, {}).setdefault(model, set()).add(int(file_id))
    return found


def share_model_output(conn: sqlite3.Connection, file_id: int, content_hash: str, model: str) -> bool:
    """Give row ``file_id`` what ``model`` said about another row with the same bytes (its tags,
    embedding, scores and run record, replacing the row's own). False when no such row is left
    (the caller then forgets the row's output of that model, so the next scan runs it)."""
    row = conn.execute(
        "SELECT f.id FROM files f JOIN model_runs r ON r.file_id = f.id WHERE f.content_hash = ? "
        "AND f.id != ? AND r.model = ? AND r.error IS NULL ORDER BY f.status = 'ok' DESC, f.id LIMIT 1",
        (content_hash, file_id, model),
    ).fetchone()
    if row is None:
        return False
    source, now = int(row[0]), utcnow()
    forget_model_output(conn, file_id, model)
    conn.execute(
        "INSERT INTO file_tags (file_id, tag_id, source, probability, added_at) "
        "SELECT ?, tag_id, source, probability, ? FROM file_tags WHERE file_id = ? AND source = ?",
        (file_id, now, source, model),
    )
    copied = conn.execute(
        "INSERT INTO embeddings (file_id, model, dim, vector, created_at) "
        "SELECT ?, model, dim, vector, ? FROM embeddings WHERE file_id = ? AND model = ?",
        (file_id, now, source, model),
    ).rowcount
    if copied:
        bump_vector_generation(conn, model)
    conn.execute(
        "INSERT INTO scores (file_id, kind, model, value, created_at) "
        "SELECT ?, kind, model, value, ? FROM scores WHERE file_id = ? AND model = ?",
        (file_id, now, source, model),
    )
    conn.execute(
        "INSERT INTO model_runs (file_id, model, ran_at, error) VALUES (?, ?, ?, NULL)",
        (file_id, model, now),
    )
    refresh_file_stats(conn, [file_id])
    return True


def forget_model_output(conn: sqlite3.Connection, file_id: int, model: str) -> None:
    """Drop everything ``model`` recorded for a row (it described bytes the row no longer has)."""
    conn.execute("DELETE FROM file_tags WHERE file_id = ? AND source = ?", (file_id, model))
    if conn.execute("DELETE FROM embeddings WHERE file_id = ? AND model = ?", (file_id, model)).rowcount:
        bump_vector_generation(conn, model)
    conn.execute("DELETE FROM scores WHERE file_id = ? AND model = ?", (file_id, model))
    conn.execute("DELETE FROM model_runs WHERE file_id = ? AND model = ?", (file_id, model))
    refresh_file_stats(conn, [file_id])


class ContentLookup:
    """:func:`analysed_content` for a pipeline thread: one read-only connection per thread that
    asks (SQLite connections are not shared between threads; WAL lets it read beside the writer)."""

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = str(db_path)
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def __call__(self, hashes: Iterable[str], keys: Collection[str]) -> dict[str, dict[str, set[int]]]:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = Path(self.db_path).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5.0)
            self._local.conn = conn
            with self._lock:
                self._opened.append(conn)
        return analysed_content(conn, hashes, keys)

    def close(self) -> None:
        with self._lock:
            for conn in self._opened:
                conn.close()
            self._opened.clear()
