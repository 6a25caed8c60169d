"""Each file's literal search text: its name, its folders and its prompt, folded for comparison.

``file_search_text`` (migration ``0011_search_text``) holds one row per file:
``name \\x1f folders \\x1f prompt``, each part folded by :func:`acgdesk.core.text_norm.fold`, so a
literal free word (``猫``, ``ねこ``, ``ＡＢＣ``) is one ``instr()`` per row in SQL: no Python function
runs per row at query time. ``folders`` are the folders from the library folder down, that folder's
own name included (``pics/画集/東方project``): what lies above the library folder is not searched, so a
library under ``/home/田中`` does not match ``田中`` everywhere.

Keeping it right: the index writer calls :func:`refresh_search_text` for every file it writes, inside
its transaction. Any other change to a file's path, its folder's path or its metadata deletes the
row (triggers); a file without a row is read the slow way at query time (:func:`unindexed_matches`),
never wrongly, and :func:`fill_missing_search_text` (``SearchService.update``, after indexing)
writes the missing rows.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence

from acgdesk.core.text_norm import SEPARATOR, fold

PARTS = ("name", "folder", "prompt")
_SEP = "/" if os.sep == "/" else "\\"

SCHEMA = (
    "CREATE TABLE file_search_text (file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, "
    "text TEXT NOT NULL)",
    "CREATE TRIGGER files_search_text_path AFTER UPDATE OF path, folder_id ON files "
    "BEGIN DELETE FROM file_search_text WHERE file_id = NEW.id; END",
    "CREATE TRIGGER folders_search_text_path AFTER UPDATE OF path ON folders "
    "BEGIN DELETE FROM file_search_text WHERE file_id IN "
    "(SELECT id FROM files WHERE folder_id = NEW.id); END",
    "CREATE TRIGGER metadata_search_text_insert AFTER INSERT ON metadata "
    "BEGIN DELETE FROM file_search_text WHERE file_id = NEW.file_id; END",
    "CREATE TRIGGER metadata_search_text_update AFTER UPDATE OF prompt ON metadata "
    "BEGIN DELETE FROM file_search_text WHERE file_id = NEW.file_id; END",
    "CREATE TRIGGER metadata_search_text_delete AFTER DELETE ON metadata "
    "BEGIN DELETE FROM file_search_text WHERE file_id = OLD.file_id; END",
)

_SOURCE = (
    "SELECT f.id, f.path, fo.path, m.prompt FROM files f JOIN folders fo ON fo.id = f.folder_id "
    "LEFT JOIN metadata m ON m.file_id = f.id"
)


def create_schema(conn: sqlite3.Connection) -> None:
    """Migration 0011: the table, its triggers, and a row for every file already indexed."""
    for statement in SCHEMA:
        conn.execute(statement)
    fill_missing_search_text(conn)


def search_text(path: str, folder_path: str, prompt: str | None) -> str:
    """The stored text of a file at ``path`` (stored text form) in the library folder ``folder_path``."""
    parent = os.path.dirname(folder_path.rstrip(_SEP)) or folder_path
    inside = path.startswith(parent.rstrip(_SEP) + _SEP)
    rel = path[len(parent.rstrip(_SEP)) + 1 :] if inside else os.path.basename(path)
    folders, _, name = rel.rpartition(_SEP)
    return SEPARATOR.join((fold(name), fold(folders.replace(_SEP, "/")), fold(prompt or "")))


def _write(conn: sqlite3.Connection, rows: Iterable[tuple[int, str, str, str | None]]) -> int:
    values = [(int(r[0]), search_text(r[1], r[2], r[3])) for r in rows]
    conn.executemany("INSERT OR REPLACE INTO file_search_text (file_id, text) VALUES (?, ?)", values)
    return len(values)


def refresh_search_text(conn: sqlite3.Connection, file_ids: Iterable[int]) -> int:
    """Recompute the rows of ``file_ids`` (call after their path and metadata are written)."""
    ids = [int(i) for i in file_ids]
    written = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(f"{_SOURCE} WHERE f.id IN ({','.join('?' * len(chunk))})", chunk)
        written += _write(conn, rows.fetchall())
    return written


def _missing(conn: sqlite3.Connection, status_ok: bool) -> sqlite3.Cursor:
    where = "f.id NOT IN (SELECT file_id FROM file_search_text)"
    if status_ok:
        where += " AND f.status = 'ok'"
    return conn.execute(f"{_SOURCE} WHERE {where}")


def fill_missing_search_text(conn: sqlite3.Connection) -> int:
    """Write the rows of files that have none; returns how many. Call inside a transaction."""
    written = 0
    cursor = _missing(conn, status_ok=False)
    while batch := cursor.fetchmany(2000):
        written += _write(conn, batch)
    return written


def unindexed_matches(conn: sqlite3.Connection, needles: Sequence[str]) -> dict[str, list[int]]:
    """For each folded needle, the ids of ``ok`` files without a stored row whose text holds it
    (usually none: then only two counts are read, a few milliseconds for 100k files)."""
    out: dict[str, list[int]] = {n: [] for n in needles}
    files, texts = conn.execute(
        "SELECT (SELECT COUNT(*) FROM files), (SELECT COUNT(*) FROM file_search_text)"
    ).fetchone()
    if files == texts:  # rows go with their files (ON DELETE CASCADE): every file has one
        return out
    for row in _missing(conn, status_ok=True):
        text = search_text(row[1], row[2], row[3])
        for needle in needles:
            if needle in text:
                out[needle].append(int(row[0]))
    return out


def tags_containing(conn: sqlite3.Connection, needle: str) -> list[int]:
    """Ids of the tags whose folded name holds the folded ``needle`` (``猫`` finds ``猫耳``)."""
    return [int(i) for i, name in conn.execute("SELECT id, name FROM tags") if needle in fold(name)]


def matched_parts(
    conn: sqlite3.Connection, file_ids: Sequence[int], needles: Sequence[str]
) -> dict[int, list[str]]:
    """For each file, where its stored text holds a needle: ``name``, ``folder`` and/or ``prompt``."""
    out: dict[int, list[str]] = {}
    ids = [int(i) for i in file_ids]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            f"SELECT file_id, text FROM file_search_text WHERE file_id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        for file_id, text in rows:
            parts = text.split(SEPARATOR)
            out[int(file_id)] = [
                p for p, t in zip(PARTS, parts, strict=False) if any(n in t for n in needles)
            ]
    return out
