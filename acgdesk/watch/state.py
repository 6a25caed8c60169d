"""The watch mode of each folder, kept in the database so ``acgdesk status`` (another process) shows it."""

from __future__ import annotations

import sqlite3
from typing import Any

import sqlite_utils

from acgdesk.db.connection import utcnow


def set_watch_mode(conn: sqlite3.Connection, folder_id: int, mode: str | None, note: str | None) -> None:
    conn.execute(
        "UPDATE folders SET watch_mode = ?, watch_note = ?, watch_since = ? WHERE id = ?",
        (mode, note, utcnow() if mode else None, folder_id),
    )
    if mode in ("native", "polling", "offline"):
        conn.execute(
            "UPDATE folders SET state = ? WHERE id = ?",
            ("offline" if mode == "offline" else "online", folder_id),
        )


def watch_modes(db: sqlite_utils.Database) -> dict[int, dict[str, Any]]:
    """Folder id -> {mode, note, since} for folders a running (or crashed) watcher reported."""
    rows = db.execute(
        "SELECT id, watch_mode, watch_note, watch_since FROM folders WHERE watch_mode IS NOT NULL"
    ).fetchall()
    return {r[0]: {"mode": r[1], "note": r[2], "since": r[3]} for r in rows}
