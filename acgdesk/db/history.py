"""The undo history: each user action as a JSON record of what it changed, before and after.

Stored in the library (not in memory) so the CLI's ``acgdesk undo`` and the window share one
history and it survives a restart. A new action drops the actions that were undone after the last
one done (the usual linear history); only the newest ``KEEP`` actions are kept.

Each action's ``label`` is the English sentence the CLI prints ("1 star: 5 files"). Beside it an
action made since migration 0012 records ``label_key`` (a stable name of the phrase, e.g. "stars")
and ``label_args`` (its parts, e.g. ``{"stars": 1, "files": 5}``), so a front end can say the same
in another language; older rows have neither and are shown by their label.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from acgdesk.db.connection import utcnow

KEEP = 500

SCHEMA = (
    "CREATE TABLE history (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, "
    "label TEXT NOT NULL, payload TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0)",
)


def add_label_keys(conn: sqlite3.Connection) -> None:
    """Migration 0012: the phrase key and parts of each label (NULL for the actions before it)."""
    conn.execute("ALTER TABLE history ADD COLUMN label_key TEXT")
    conn.execute("ALTER TABLE history ADD COLUMN label_args TEXT")


@dataclass(frozen=True)
class Action:
    id: int
    at: str
    kind: str
    label: str
    payload: dict[str, Any]
    undone: bool
    label_key: str | None = None  # the phrase ``label`` says, by a stable name (None: older rows)
    label_args: dict[str, Any] = field(default_factory=dict)  # its parts: counts, names, folders

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "kind": self.kind, "label": self.label, "undone": self.undone}


COLUMNS = "id, at, kind, label, payload, undone, label_key, label_args"


def _args(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


def _action(row: Any) -> Action:
    return Action(
        int(row[0]), row[1], row[2], row[3], json.loads(row[4]), bool(row[5]), row[6], _args(row[7])
    )


def _dumps(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def record(
    conn: sqlite3.Connection,
    kind: str,
    label: str,
    payload: dict[str, Any],
    *,
    key: str | None = None,
    args: dict[str, Any] | None = None,
) -> int:
    """Add a done action (inside the transaction that did it); the redo branch is dropped.
    ``key``/``args``: the phrase ``label`` says and its parts (see the module's docstring)."""
    conn.execute("DELETE FROM history WHERE undone = 1")
    cur = conn.execute(
        "INSERT INTO history (at, kind, label, payload, label_key, label_args) VALUES (?, ?, ?, ?, ?, ?)",
        (utcnow(), kind, label, _dumps(payload), key, _dumps(args) if args is not None else None),
    )
    conn.execute(
        "DELETE FROM history WHERE id <= (SELECT id FROM history ORDER BY id DESC LIMIT 1 OFFSET ?)", (KEEP,)
    )
    return int(cur.lastrowid or 0)


def last_done(conn: sqlite3.Connection) -> Action | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1").fetchone()
    return _action(row) if row else None


def first_undone(conn: sqlite3.Connection) -> Action | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM history WHERE undone = 1 ORDER BY id LIMIT 1").fetchone()
    return _action(row) if row else None


def set_undone(conn: sqlite3.Connection, action_id: int, undone: bool) -> None:
    conn.execute("UPDATE history SET undone = ? WHERE id = ?", (int(undone), action_id))


def update_payload(conn: sqlite3.Connection, action_id: int, payload: dict[str, Any]) -> None:
    """An undo may learn something the redo needs (e.g. where a restored file ended up)."""
    conn.execute(
        "UPDATE history SET payload = ? WHERE id = ?",
        (_dumps(payload), action_id),
    )


def recent(conn: sqlite3.Connection, limit: int = 50) -> list[Action]:
    rows = conn.execute(f"SELECT {COLUMNS} FROM history ORDER BY id DESC LIMIT ?", (limit,))
    return [_action(r) for r in rows]


def listing(conn: sqlite3.Connection, limit: int = 50) -> list[Action]:
    """The newest actions first without reading their payloads (each ``payload`` is ``{}``).

    Why: a menu or a list needs labels only, and a batch on 10,000 files records about 1 MB of
    JSON; parsing a hundred of those holds the GIL long enough to freeze a window for a while.
    """
    rows = conn.execute(
        "SELECT id, at, kind, label, undone, label_key, label_args FROM history ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [Action(int(r[0]), r[1], r[2], r[3], {}, bool(r[4]), r[5], _args(r[6])) for r in rows]
