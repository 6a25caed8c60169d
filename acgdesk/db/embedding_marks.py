"""Where a vector index was last in step with the ``embeddings`` table: the newest row it has seen
(rowids are table-wide) and when, and whether rows up to that mark can have been handed out again.
:class:`~acgdesk.vectors.manager.VectorIndexManager` keeps the mark in each index's manifest and
catches up on the rows after it.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from acgdesk.db.connection import utcnow


def watermark(conn: sqlite3.Connection) -> dict[str, object]:
    """The newest ``embeddings`` row (rowids are table-wide) and the time it was read."""
    synced_at = utcnow()  # before the read: a row it misses was committed after this
    row = conn.execute("SELECT rowid, file_id, model FROM embeddings ORDER BY rowid DESC LIMIT 1").fetchone()
    if row is None:
        return {"rowid": 0, "file_id": None, "model": None, "synced_at": synced_at}
    return {"rowid": int(row[0]), "file_id": int(row[1]), "model": str(row[2]), "synced_at": synced_at}


def minus_seconds(stamp: object, seconds: float) -> str | None:
    """An ``utcnow()`` timestamp moved back by ``seconds`` (None when it is not one)."""
    try:
        when = datetime.strptime(str(stamp), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return None
    return (when - timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def watermark_intact(conn: sqlite3.Connection, mark: dict[str, object]) -> bool:
    """Whether no rowid up to the watermark can have been handed out again since.

    SQLite gives a new row ``max(rowid) + 1``, so a rowid at or below the watermark is reused only
    after every row from the watermark up was deleted. While the watermark's row (its file id and
    model) still exists at or above the watermark, that has not happened; a row re-embedded since
    (``INSERT OR REPLACE``) only moved up.
    """
    rowid = int(mark.get("rowid") or 0)
    if rowid == 0:
        return True
    row = conn.execute(
        "SELECT rowid FROM embeddings WHERE file_id = ? AND model = ?",
        (mark.get("file_id"), mark.get("model")),
    ).fetchone()
    return row is not None and int(row[0]) >= rowid
