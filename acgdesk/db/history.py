"""The undo history: each user action as a JSON record of what it changed, before and after.

Stored in the library (not in memory) so the CLI's ``acgdesk undo`` and the window share one
history and it survives a restart. A new action drops the actions that were undone after the last
one done (the usual linear history); only the newest ``KEEP`` actions are kept.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from acgdesk.db.connection import utcnow

KEEP = 500

SCHEMA = (
    "CREATE TABLE history (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, "
    "label TEXT NOT NULL, payload TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0)",
)


@dataclass(frozen=True)
class Action:
    id: int
    at: str
    kind: str
    label: str
    payload: dict[str, Any]
    undone: bool

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "kind": self.kind, "label": self.label, "undone": self.undone}


def _action(row: Any) -> Action:
    return Action(int(row[0]), row[1], row[2], row[3], json.loads(row[4]), bool(row[5]))


def record(conn: sqlite3.Connection, kind: str, label: str, payload: dict[str, Any]) -> int:
    """Add a done action (inside the transaction that did it); the redo branch is dropped."""
    conn.execute("DELETE FROM history WHERE undone = 1")
    cur = conn.execute(
        "INSERT INTO history (at, kind, label, payload) VALUES (?, ?, ?, ?)",
        (utcnow(), kind, label, json.dumps(payload, ensure_ascii=False, separators=(",", ":"))),
    )
    conn.execute(
        "DELETE FROM history WHERE id <= (SELECT id FROM history ORDER BY id DESC LIMIT 1 OFFSET ?)", (KEEP,)
    )
    return int(cur.lastrowid or 0)


def last_done(conn: sqlite3.Connection) -> Action | None:
    row = conn.execute("SELECT * FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1").fetchone()
    return _action(row) if row else None


def first_undone(conn: sqlite3.Connection) -> Action | None:
    row = conn.execute("SELECT * FROM history WHERE undone = 1 ORDER BY id LIMIT 1").fetchone()
    return _action(row) if row else None


def set_undone(conn: sqlite3.Connection, action_id: int, undone: bool) -> None:
    conn.execute("UPDATE history SET undone = ? WHERE id = ?", (int(undone), action_id))


def update_payload(conn: sqlite3.Connection, action_id: int, payload: dict[str, Any]) -> None:
    """An undo may learn something the redo needs (e.g. where a restored file ended up)."""
    conn.execute(
        "UPDATE history SET payload = ? WHERE id = ?",
        (json.dumps(payload, ensure_ascii=False, separators=(",", ":")), action_id),
    )


def recent(conn: sqlite3.Connection, limit: int = 50) -> list[Action]:
    rows = conn.execute("SELECT * FROM history ORDER BY id DESC LIMIT ?", (limit,))
    return [_action(r) for r in rows]


def listing(conn: sqlite3.Connection, limit: int = 50) -> list[Action]:
    """The newest actions first without reading their payloads (each ``payload`` is ``{}``).

    Why: a menu or a list needs labels only, and a batch on 10,000 files records about 1 MB of
    JSON; parsing a hundred of those holds the GIL long enough to freeze a window for a while.
    """
    rows = conn.execute("SELECT id, at, kind, label, undone FROM history ORDER BY id DESC LIMIT ?", (limit,))
    return [Action(int(r[0]), r[1], r[2], r[3], {}, bool(r[4])) for r in rows]
