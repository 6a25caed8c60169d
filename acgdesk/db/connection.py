"""Opening the library database with the settings every connection needs.

WAL lets the GUI and a CLI read while the indexer writes; the busy timeout makes a second writer
wait instead of failing; ``synchronous=NORMAL`` is durable across application crashes in WAL mode
(only a power cut can lose the last transactions, never corrupt the file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000


def connect(path: Path | str, *, readonly: bool = False) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` in autocommit mode with WAL."""
    if readonly:
        conn = sqlite3.connect(
            f"file:{path}?mode=ro",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
            isolation_level=None,
        )
    else:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None
        )
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache
    return sqlite_utils.Database(conn)


@contextmanager
def transaction(db: sqlite_utils.Database, *, immediate: bool = True) -> Iterator[sqlite3.Connection]:
    """One explicit transaction: committed on success, rolled back on any exception (Ctrl-C too)."""
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        yield conn
    except BaseException:
        if conn.in_transaction:  # also when Ctrl-C lands right after BEGIN
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def utcnow() -> str:
    """Timestamps are stored as ISO-8601 UTC text: sortable, readable, and comparable in SQL."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
