"""Which keywords embedded in a file (by digiKam, Lightroom, Windows...) were already imported as user tags.

The record lets indexing import each keyword once per file and then leave the tag to the user: a
keyword the user removed here is in the record, so reading the same file again does not bring it
back, while a keyword added later in the other program is not, and is imported. The policy lives in
:mod:`acgdesk.tags.keywords`; this module only stores it. One row per file that ever had keywords
(files without any have none), keyed by the file's id, so the record follows moves like tags do.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from acgdesk.db.connection import utcnow
from acgdesk.db.file_stats import refresh_file_stats
from acgdesk.db.predictions import USER, TagIds

SCHEMA = (
    "CREATE TABLE embedded_keywords (file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, "
    "keywords TEXT NOT NULL, imported_at TEXT NOT NULL)",
)


def create_schema(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA:
        conn.execute(statement)


def imported_keywords(conn: sqlite3.Connection, file_id: int) -> set[str]:
    """Tag names imported from the file's embedded keywords so far (empty when none ever were)."""
    row = conn.execute("SELECT keywords FROM embedded_keywords WHERE file_id = ?", (file_id,)).fetchone()
    if row is None:
        return set()
    try:
        names = json.loads(row[0])
    except ValueError:
        return set()
    return {n for n in names if isinstance(n, str)} if isinstance(names, list) else set()


def record_imported(conn: sqlite3.Connection, file_id: int, names: Iterable[str]) -> None:
    """Store ``names`` (sorted) as the file's imported keywords, replacing the record."""
    conn.execute(
        "INSERT INTO embedded_keywords (file_id, keywords, imported_at) VALUES (?, ?, ?) "
        "ON CONFLICT(file_id) DO UPDATE SET keywords = excluded.keywords, imported_at = excluded.imported_at",
        (file_id, json.dumps(sorted(set(names)), ensure_ascii=False), utcnow()),
    )


def copy_imported_keywords(conn: sqlite3.Connection, source_id: int, new_id: int) -> None:
    """A copy made by acgdesk inherits the record with the tags, so a later edit of the copy's
    bytes does not bring back a keyword the user had removed from the original."""
    conn.execute(
        "INSERT OR REPLACE INTO embedded_keywords (file_id, keywords, imported_at) "
        "SELECT ?, keywords, imported_at FROM embedded_keywords WHERE file_id = ?",
        (new_id, source_id),
    )


def add_absent_user_tags(
    conn: sqlite3.Connection, tag_ids: TagIds, file_id: int, names: Sequence[str]
) -> list[str]:
    """Add user tags (probability 1) that the file has no user row for; a user tag or a user's
    rejection of a model tag already there is kept as it is. Returns the names added."""
    if not names:
        return []
    now = utcnow()
    added = []
    for name in names:
        cur = conn.execute(
            "INSERT OR IGNORE INTO file_tags (file_id, tag_id, source, probability, added_at) "
            "VALUES (?, ?, ?, 1.0, ?)",
            (file_id, tag_ids.get(conn, name), USER, now),
        )
        if cur.rowcount > 0:
            added.append(name)
    if added:
        refresh_file_stats(conn, [file_id])
    return added
