"""Each file's shown rating and tag count, stored, so ``rating:`` and ``tagcount:`` need no per-file subquery.

Both depend on the display thresholds (a model tag is shown at or above its category's threshold), so
the rows are computed under the thresholds recorded in the setting ``file_stats_thresholds``; a search
under other thresholds must not use them (see :func:`stats_usable`).

Keeping them right: every function that changes a file's tags in :mod:`acgdesk.db.predictions` ends
with :func:`refresh_file_stats` for that file, inside the writer's transaction. As a safety net for any
other code that writes ``file_tags``, triggers (migration ``0004_search_data``) delete the file's row on
every change: a file without a row is computed the slow way at query time, never wrongly.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

SETTING = "file_stats_thresholds"

SCHEMA = (
    "CREATE TABLE file_stats (file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, "
    "rating TEXT NOT NULL, tag_count INTEGER NOT NULL)",
    "CREATE INDEX file_stats_rating ON file_stats(rating)",
    "CREATE INDEX file_stats_tag_count ON file_stats(tag_count)",
    "CREATE TRIGGER file_tags_stats_insert AFTER INSERT ON file_tags "
    "BEGIN DELETE FROM file_stats WHERE file_id = NEW.file_id; END",
    "CREATE TRIGGER file_tags_stats_delete AFTER DELETE ON file_tags "
    "BEGIN DELETE FROM file_stats WHERE file_id = OLD.file_id; END",
    "CREATE TRIGGER file_tags_stats_update AFTER UPDATE ON file_tags "
    "BEGIN DELETE FROM file_stats WHERE file_id = OLD.file_id; "
    "DELETE FROM file_stats WHERE file_id = NEW.file_id; END",
)


def create_schema(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA:
        conn.execute(statement)


def _threshold_case(thresholds: dict[str, float], category: str) -> tuple[str, list[Any]]:
    default = float(thresholds.get("default", 0.0))
    cats = [(k, float(v)) for k, v in thresholds.items() if k != "default"]
    if not cats:
        return "?", [default]
    whens = " ".join("WHEN ? THEN ?" for _ in cats)
    return f"(CASE {category} {whens} ELSE ? END)", [x for kv in cats for x in kv] + [default]


def _shown(ft: str, t: str, thresholds: dict[str, float]) -> tuple[str, list[Any]]:
    """The rule of :func:`acgdesk.db.predictions.effective_tags`, in SQL."""
    thr, params = _threshold_case(thresholds, f"{t}.category")
    return (
        f"(CASE WHEN {ft}.source = 'user' THEN {ft}.probability != 0 ELSE {ft}.probability >= {thr} "
        f"AND NOT EXISTS (SELECT 1 FROM file_tags rj WHERE rj.file_id = {ft}.file_id "
        f"AND rj.tag_id = {ft}.tag_id AND rj.source = 'user' AND rj.probability = 0) END)",
        params,
    )


def _stats_select(thresholds: dict[str, float]) -> tuple[str, list[Any]]:
    """``SELECT f.id, rating, tag_count FROM files f`` (a WHERE is appended by the caller)."""
    shown_r, pr = _shown("rf", "rt", thresholds)
    shown_t, pt = _shown("ft", "t", thresholds)
    rank = "(CASE WHEN rf.source = 'user' THEN 2 WHEN rf.source LIKE 'nudenet%' THEN 0 ELSE 1 END)"
    sql = (
        "SELECT f.id, COALESCE((SELECT rt.name FROM file_tags rf JOIN tags rt ON rt.id = rf.tag_id "
        f"WHERE rf.file_id = f.id AND rt.category = 'rating' AND {shown_r} "
        f"ORDER BY {rank} DESC, rf.probability DESC, rt.id LIMIT 1), ''), "
        "(SELECT COUNT(DISTINCT ft.tag_id) FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
        f"WHERE ft.file_id = f.id AND t.category != 'rating' AND {shown_t}) FROM files f"
    )
    return sql, [*pr, *pt]


def recorded_thresholds(conn: sqlite3.Connection) -> dict[str, float] | None:
    """The thresholds the stored rows were computed under (None: no rows are valid)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (SETTING,)).fetchone()
    except sqlite3.OperationalError:  # a database before migration 0002
        return None
    return json.loads(row[0]) if row else None


def stats_usable(conn: sqlite3.Connection, thresholds: dict[str, float]) -> bool:
    """Whether stored rows mean the same as computing under ``thresholds``."""
    recorded = recorded_thresholds(conn)
    return recorded is not None and _canonical(recorded) == _canonical(thresholds)


def _canonical(thresholds: dict[str, float]) -> list[tuple[str, float]]:
    return sorted((str(k), float(v)) for k, v in thresholds.items())


def refresh_file_stats(conn: sqlite3.Connection, file_ids: Iterable[int]) -> None:
    """Recompute the rows of ``file_ids`` under the recorded thresholds (nothing when none are)."""
    thresholds = recorded_thresholds(conn)
    ids = [int(i) for i in file_ids]
    if thresholds is None or not ids:
        return
    select, params = _stats_select(thresholds)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        conn.execute(
            f"INSERT OR REPLACE INTO file_stats (file_id, rating, tag_count) {select} "
            f"WHERE f.id IN ({','.join('?' * len(chunk))})",
            [*params, *chunk],
        )


def rebuild_file_stats(conn: sqlite3.Connection, thresholds: dict[str, float]) -> int:
    """Recompute every file's row under ``thresholds`` and record them; returns the rows written.
    Call inside a transaction."""
    conn.execute("DELETE FROM file_stats")
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (SETTING, json.dumps(dict(thresholds))),
    )
    select, params = _stats_select(thresholds)
    conn.execute(f"INSERT INTO file_stats (file_id, rating, tag_count) {select}", params)
    return int(conn.execute("SELECT COUNT(*) FROM file_stats").fetchone()[0])


def fill_missing_file_stats(conn: sqlite3.Connection) -> int:
    """Compute the rows of files that have none (after edits outside the writer); returns how many."""
    thresholds = recorded_thresholds(conn)
    if thresholds is None:
        return 0
    select, params = _stats_select(thresholds)
    before = conn.total_changes
    conn.execute(
        f"INSERT INTO file_stats (file_id, rating, tag_count) {select} "
        "WHERE f.id NOT IN (SELECT file_id FROM file_stats)",
        params,
    )
    return conn.total_changes - before
