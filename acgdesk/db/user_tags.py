"""User tags on many files at once, with a snapshot of what was there so the change can be undone.

A batch over 10,000 files must be one short transaction, not 10,000 single-file edits: the rows
are written with ``executemany`` in chunks and the per-file stats are refreshed once at the end.
The rules are those of :mod:`acgdesk.db.predictions`: adding makes a user tag (probability 1);
removing drops a user tag, and for a tag a model predicted stores a rejection (probability 0).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from acgdesk.db.connection import utcnow
from acgdesk.db.file_stats import refresh_file_stats
from acgdesk.db.predictions import RATINGS, USER, TagIds, normalise_tag

_CHUNK = 900

# (file id, tag name, probability) of a user row: 1.0 a user tag, 0.0 a rejected model tag
UserRow = tuple[int, str, float]
_UPSERT = (
    "INSERT OR REPLACE INTO file_tags (file_id, tag_id, source, probability, added_at) VALUES (?, ?, ?, ?, ?)"
)


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def clean_names(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(n for n in (normalise_tag(x) for x in names) if n))


def user_rows(conn: sqlite3.Connection, file_ids: Sequence[int], names: Sequence[str]) -> list[UserRow]:
    """The user rows of ``names`` on ``file_ids`` as they are now."""
    if not names:
        return []
    out: list[UserRow] = []
    tag_marks = ",".join("?" * len(names))
    for part in _chunks(file_ids):
        rows = conn.execute(
            "SELECT ft.file_id, t.name, ft.probability FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
            f"WHERE ft.source = ? AND t.name IN ({tag_marks}) "
            f"AND ft.file_id IN ({','.join('?' * len(part))})",
            [USER, *names, *part],
        )
        out += [(int(r[0]), r[1], float(r[2])) for r in rows]
    return sorted(out)


def restore_user_rows(
    conn: sqlite3.Connection,
    tag_ids: TagIds,
    file_ids: Sequence[int],
    names: Sequence[str],
    rows: Sequence[UserRow],
) -> None:
    """Make the user rows of ``names`` on ``file_ids`` exactly ``rows`` (undo and redo)."""
    ids = [tag_ids.get(conn, n, "rating" if n in RATINGS else "general") for n in names]
    for part in _chunks(file_ids):
        conn.executemany(
            "DELETE FROM file_tags WHERE source = ? AND tag_id = ? AND file_id = ?",
            [(USER, tag_id, fid) for tag_id in ids for fid in part],
        )
    now = utcnow()
    conn.executemany(
        _UPSERT,
        [(fid, tag_ids.get(conn, name), USER, prob, now) for fid, name, prob in rows],
    )
    refresh_file_stats(conn, file_ids)


def add_user_tags(
    conn: sqlite3.Connection, tag_ids: TagIds, file_ids: Sequence[int], names: Sequence[str]
) -> None:
    now = utcnow()
    rows = []
    for name in names:
        tag_id = tag_ids.get(conn, name, "rating" if name in RATINGS else "general")
        rows += [(fid, tag_id, USER, 1.0, now) for fid in file_ids]
    conn.executemany(
        _UPSERT,
        rows,
    )
    refresh_file_stats(conn, file_ids)


def remove_user_tags(conn: sqlite3.Connection, file_ids: Sequence[int], names: Sequence[str]) -> None:
    """Drop user tags; a tag some model predicted is stored as rejected so no re-run brings it back."""
    now = utcnow()
    for name in names:
        row = conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
        if row is None:
            continue
        tag_id = int(row[0])
        for part in _chunks(file_ids):
            marks = ",".join("?" * len(part))
            conn.execute(
                "INSERT OR REPLACE INTO file_tags (file_id, tag_id, source, probability, added_at) "
                f"SELECT DISTINCT file_id, tag_id, ?, 0.0, ? FROM file_tags WHERE tag_id = ? AND source != ? "
                f"AND file_id IN ({marks})",
                [USER, now, tag_id, USER, *part],
            )
            conn.execute(
                "DELETE FROM file_tags WHERE tag_id = ? AND source = ? AND probability != 0 "
                f"AND file_id IN ({marks})",
                [tag_id, USER, *part],
            )
    refresh_file_stats(conn, file_ids)
