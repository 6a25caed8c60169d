"""Queries on folders and files: what the indexer, ``status`` and ``show`` need, nothing domain-smart.

Every function takes a connection (or database) and plain values, so the single writer thread can
group many calls into one transaction.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

from acgdesk.core.paths import StoredPath
from acgdesk.db.connection import utcnow


@dataclass(frozen=True, slots=True)
class KnownFile:
    """What the database remembers of a path, to decide whether it needs work."""

    id: int
    size: int | None
    mtime_ns: int | None
    status: str
    error_kind: str | None
    content_hash: str | None


@dataclass(frozen=True, slots=True)
class FolderRow:
    id: int
    path: str
    fs_path: str
    state: str
    last_scan_at: str | None


def ensure_folder(conn: sqlite3.Connection, fs_path: str) -> int:
    """Id of the library folder at ``fs_path``, adding it if new."""
    stored = StoredPath.from_fs(fs_path)
    row = conn.execute("SELECT id FROM folders WHERE path = ?", (stored.text,)).fetchone()
    if row:
        return int(row[0])
    cur = conn.execute(
        "INSERT INTO folders (path, path_bytes, added_at) VALUES (?, ?, ?)",
        (stored.text, stored.raw, utcnow()),
    )
    return int(cur.lastrowid)


def list_folders(db: sqlite_utils.Database) -> list[FolderRow]:
    rows = db.execute(
        "SELECT id, path, path_bytes, state, last_scan_at FROM folders ORDER BY path"
    ).fetchall()
    return [FolderRow(r[0], r[1], StoredPath.to_fs(r[1], r[2]), r[3], r[4]) for r in rows]


def folder_containing(conn: sqlite3.Connection, fs_path: str) -> int | None:
    """The id of the deepest library folder holding ``fs_path``; None outside every one."""
    best: tuple[int, int] | None = None
    for fid, text, raw in conn.execute("SELECT id, path, path_bytes FROM folders"):
        prefix = StoredPath.to_fs(text, raw).rstrip(os.sep) + os.sep
        if fs_path.startswith(prefix) and (best is None or len(prefix) > best[1]):
            best = (int(fid), len(prefix))
    return best[0] if best else None


def set_folder_scanned(conn: sqlite3.Connection, folder_id: int, *, state: str) -> None:
    conn.execute("UPDATE folders SET last_scan_at = ?, state = ? WHERE id = ?", (utcnow(), state, folder_id))


def known_files(db: sqlite_utils.Database, folder_id: int) -> dict[str, KnownFile]:
    """Every file recorded under a folder, keyed by the path ``os`` functions use."""
    rows = db.execute(
        "SELECT id, path, path_bytes, size, mtime_ns, status, error_kind, content_hash FROM files "
        "WHERE folder_id = ?",
        (folder_id,),
    )
    return {StoredPath.to_fs(r[1], r[2]): KnownFile(r[0], r[3], r[4], r[5], r[6], r[7]) for r in rows}


def known_files_under(db: sqlite_utils.Database, folder_id: int, fs_dir: str) -> dict[str, KnownFile]:
    """Like :func:`known_files`, for the rows under one sub-folder only (a range scan of the path
    index, so checking a small sub-folder of a big library folder stays cheap)."""
    low, high = _prefix_range(fs_dir)
    rows = db.execute(
        "SELECT id, path, path_bytes, size, mtime_ns, status, error_kind, content_hash FROM files "
        "WHERE path > ? AND path < ? AND folder_id = ?",
        (low, high, folder_id),
    )
    return {StoredPath.to_fs(r[1], r[2]): KnownFile(r[0], r[3], r[4], r[5], r[6], r[7]) for r in rows}


_FILE_COLUMNS = (
    "folder_id",
    "size",
    "mtime_ns",
    "content_hash",
    "width",
    "height",
    "format",
    "mode",
    "frames",
    "status",
    "error_kind",
    "error",
)


def upsert_file(conn: sqlite3.Connection, fs_path: str, values: dict[str, Any]) -> int:
    """Insert or update the row of ``fs_path``; returns its id. Missing columns become NULL."""
    stored = StoredPath.from_fs(fs_path)
    now = utcnow()
    cols = [values.get(c) for c in _FILE_COLUMNS]
    row = conn.execute(
        f"INSERT INTO files (path, path_bytes, {', '.join(_FILE_COLUMNS)}, added_at, updated_at) "
        f"VALUES (?, ?, {', '.join('?' * len(_FILE_COLUMNS))}, ?, ?) "
        "ON CONFLICT(path) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in (*_FILE_COLUMNS, "path_bytes", "updated_at"))
        + ", missing_since = NULL RETURNING id",
        (stored.text, stored.raw, *cols, now, now),
    ).fetchone()
    return int(row[0])


def touch_file(conn: sqlite3.Connection, file_id: int, size: int, mtime_ns: int) -> None:
    """Same content under a new mtime (e.g. ``touch`` or a copy that kept bytes): record the stat only."""
    conn.execute(
        "UPDATE files SET size = ?, mtime_ns = ?, status = 'ok', error_kind = NULL, error = NULL, "
        "missing_since = NULL, updated_at = ? WHERE id = ?",
        (size, mtime_ns, utcnow(), file_id),
    )


def upsert_image_hashes(
    conn: sqlite3.Connection, file_id: int, phash: bytes, dhash: bytes, dihedral: bytes
) -> None:
    conn.execute(
        "INSERT INTO image_hashes (file_id, phash, dhash, phash_dihedral) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(file_id) DO UPDATE SET phash = excluded.phash, dhash = excluded.dhash, "
        "phash_dihedral = excluded.phash_dihedral",
        (file_id, phash, dhash, dihedral),
    )


_METADATA_COLUMNS = (
    "exif",
    "xmp",
    "text_chunks",
    "generator",
    "prompt",
    "negative_prompt",
    "generation_params",
)


def replace_metadata(conn: sqlite3.Connection, file_id: int, values: dict[str, Any] | None) -> None:
    """Store a file's metadata row (or remove it when the file has none any more)."""
    conn.execute("DELETE FROM metadata WHERE file_id = ?", (file_id,))
    if values:
        conn.execute(
            f"INSERT INTO metadata (file_id, {', '.join(_METADATA_COLUMNS)}) "
            f"VALUES (?, {', '.join('?' * len(_METADATA_COLUMNS))})",
            (file_id, *(values.get(c) for c in _METADATA_COLUMNS)),
        )


def clear_derived(conn: sqlite3.Connection, file_id: int) -> None:
    """Drop what was computed from old pixels when a file's content turned unreadable."""
    conn.execute("DELETE FROM image_hashes WHERE file_id = ?", (file_id,))
    conn.execute("DELETE FROM metadata WHERE file_id = ?", (file_id,))


def existing_ids(conn: sqlite3.Connection, file_ids: Iterable[int]) -> set[int]:
    """Which of ``file_ids`` have a row (one query per 900 ids)."""
    ids = [int(i) for i in file_ids]
    found: set[int] = set()
    for start in range(0, len(ids), 900):
        part = ids[start : start + 900]
        rows = conn.execute(f"SELECT id FROM files WHERE id IN ({','.join('?' * len(part))})", part)
        found.update(int(r[0]) for r in rows)
    return found


def revive_file(conn: sqlite3.Connection, file_id: int) -> None:
    """A missing row whose file is back under a watched name (from a temporary one): ``ok`` again
    until a check of the disk says otherwise."""
    conn.execute(
        "UPDATE files SET status = 'ok', missing_since = NULL, updated_at = ? "
        "WHERE id = ? AND status = 'missing'",
        (utcnow(), file_id),
    )


def mark_missing(conn: sqlite3.Connection, file_ids: Iterable[int]) -> int:
    """Soft delete: the rows (tags, embeddings...) stay, so a file that comes back keeps everything."""
    now = utcnow()
    ids = list(file_ids)
    conn.executemany(
        "UPDATE files SET status = 'missing', missing_since = ?, updated_at = ? "
        "WHERE id = ? AND status != 'missing'",
        [(now, now, i) for i in ids],
    )
    return len(ids)


# -- moves and renames: the row (and every tag, rating, embedding hanging off its id) follows the file --

# How long a missing file's row (tags, ratings, embeddings) waits for its content to come back
# before ``acgdesk prune`` may erase it; a library setting (``retention_days``) overrides it.
DEFAULT_RETENTION_DAYS = 30.0


def missing_cutoff(days: float) -> str:
    """The ``missing_since`` timestamp older than which a missing row is past its retention."""
    return (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class PlacedFile:
    """A row with where it lives, to decide whether its file moved."""

    id: int
    fs_path: str
    folder_id: int
    folder_fs_path: str
    status: str
    size: int | None
    mtime_ns: int | None
    content_hash: str | None
    missing_since: str | None


_PLACED = (
    "SELECT f.id, f.path, f.path_bytes, f.folder_id, d.path, d.path_bytes, f.status, f.size, f.mtime_ns, "
    "f.content_hash, f.missing_since FROM files f JOIN folders d ON d.id = f.folder_id "
)


def _placed(rows: Iterable[tuple]) -> list[PlacedFile]:
    return [
        PlacedFile(r[0], StoredPath.to_fs(r[1], r[2]), r[3], StoredPath.to_fs(r[4], r[5]), *r[6:])
        for r in rows
    ]


def placed_file(conn: sqlite3.Connection, fs_path: str) -> PlacedFile | None:
    rows = _placed(conn.execute(_PLACED + "WHERE f.path = ?", (StoredPath.from_fs(fs_path).text,)))
    return rows[0] if rows else None


def placed_by_id(conn: sqlite3.Connection, file_id: int) -> PlacedFile | None:
    rows = _placed(conn.execute(_PLACED + "WHERE f.id = ?", (file_id,)))
    return rows[0] if rows else None


def move_candidates(
    conn: sqlite3.Connection,
    *,
    content_hash: str | None = None,
    size: int | None = None,
    missing_after: str,
    limit: int = 8,
) -> list[PlacedFile]:
    """Rows that may be the earlier life of a file that just appeared: same content (or size), and
    either missing since ``missing_after`` or later, or still ``ok`` (the caller checks its file is
    gone). Most recently missing first."""
    where, params = ("f.content_hash = ?", [content_hash]) if content_hash else ("f.size = ?", [size])
    sql = (
        _PLACED + f"WHERE {where} AND f.content_hash IS NOT NULL AND "
        "(f.status = 'ok' OR (f.status = 'missing' AND f.missing_since >= ?)) "
        "ORDER BY f.status = 'missing' DESC, f.missing_since DESC LIMIT ?"
    )
    return _placed(conn.execute(sql, (*params, missing_after, limit)))


def displace_file(conn: sqlite3.Connection, file_id: int) -> None:
    """Free a path for the file moved onto it: the old row becomes missing under a path no real file
    can have (``//`` never occurs in a normalised path), so it can still be restored or pruned."""
    now = utcnow()
    suffix = f"//displaced-{file_id}"
    conn.execute(
        "UPDATE files SET path = path || ?, path_bytes = CASE WHEN path_bytes IS NULL THEN NULL "
        "ELSE path_bytes || CAST(? AS BLOB) END, status = 'missing', "
        "missing_since = COALESCE(missing_since, ?), updated_at = ? WHERE id = ?",
        (suffix, suffix, now, now, file_id),
    )


def relocate_file(conn: sqlite3.Connection, file_id: int, fs_path: str, folder_id: int) -> None:
    """Give row ``file_id`` the path ``fs_path`` (displacing another row that had it)."""
    stored = StoredPath.from_fs(fs_path)
    row = conn.execute("SELECT id FROM files WHERE path = ?", (stored.text,)).fetchone()
    if row and int(row[0]) != file_id:
        displace_file(conn, int(row[0]))
    conn.execute(
        "UPDATE files SET path = ?, path_bytes = ?, folder_id = ?, updated_at = ? WHERE id = ?",
        (stored.text, stored.raw, folder_id, utcnow(), file_id),
    )


def _prefix_range(fs_dir: str) -> tuple[str, str]:
    """Text bounds of every path strictly under a folder (the separator + 1, e.g. ``0`` after ``/``)."""
    text = StoredPath.from_fs(fs_dir.rstrip(os.sep)).text
    return text + os.sep, text + chr(ord(os.sep) + 1)


def files_under(conn: sqlite3.Connection, fs_dir: str) -> list[PlacedFile]:
    low, high = _prefix_range(fs_dir)
    return _placed(conn.execute(_PLACED + "WHERE f.path > ? AND f.path < ?", (low, high)))


def relocate_tree(conn: sqlite3.Connection, src_dir: str, dest_dir: str, folder_id: int) -> int:
    """A folder was renamed or moved: every row under it follows (call inside one transaction)."""
    rows = files_under(conn, src_dir)
    cut = len(src_dir.rstrip(os.sep))
    for r in rows:
        relocate_file(conn, r.id, dest_dir.rstrip(os.sep) + r.fs_path[cut:], folder_id)
    return len(rows)


def status_counts(db: sqlite_utils.Database) -> dict[str, Any]:
    """Totals for ``acgdesk status``: files by status, errors by kind, bytes, folders."""
    by_status = dict(db.execute("SELECT status, COUNT(*) FROM files GROUP BY status").fetchall())
    by_kind = dict(
        db.execute(
            "SELECT error_kind, COUNT(*) FROM files WHERE status = 'error' "
            "GROUP BY error_kind ORDER BY 2 DESC"
        ).fetchall()
    )
    total_bytes = db.execute("SELECT COALESCE(SUM(size), 0) FROM files WHERE status = 'ok'").fetchone()[0]
    return {
        "files": sum(by_status.values()),
        "ok": by_status.get("ok", 0),
        "error": by_status.get("error", 0),
        "missing": by_status.get("missing", 0),
        "errors_by_kind": by_kind,
        "bytes": int(total_bytes),
    }


def folder_counts(db: sqlite_utils.Database) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {}
    for folder_id, status, count in db.execute(
        "SELECT folder_id, status, COUNT(*) FROM files GROUP BY folder_id, status"
    ):
        out.setdefault(folder_id, {})[status] = count
    return out


def failures(
    db: sqlite_utils.Database, *, kind: str | None = None, limit: int | None = None
) -> Iterator[dict]:
    """Files that could not be indexed, with the recorded reason, in path order."""
    sql = "SELECT id, path, error_kind, error, size, updated_at FROM files WHERE status = 'error'"
    params: list[Any] = []
    if kind:
        sql += " AND error_kind = ?"
        params.append(kind)
    sql += " ORDER BY path"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    for r in db.execute(sql, params):
        yield {"id": r[0], "path": r[1], "error_kind": r[2], "error": r[3], "size": r[4], "updated_at": r[5]}


def file_row(
    db: sqlite_utils.Database, *, file_id: int | None = None, path: str | None = None
) -> dict | None:
    """The ``files`` row by id or by path text, as a dict."""
    if file_id is not None:
        rows = list(db.query("SELECT * FROM files WHERE id = ?", [file_id]))
    else:
        rows = list(db.query("SELECT * FROM files WHERE path = ?", [path]))
    return rows[0] if rows else None


def related_rows(db: sqlite_utils.Database, file_id: int) -> dict[str, Any]:
    """Everything stored about one file beside its ``files`` row."""
    return {
        "metadata": next(iter(db.query("SELECT * FROM metadata WHERE file_id = ?", [file_id])), None),
        "hashes": next(iter(db.query("SELECT * FROM image_hashes WHERE file_id = ?", [file_id])), None),
        "tags": list(
            db.query(
                "SELECT t.name, t.category, ft.probability, ft.source FROM file_tags ft "
                "JOIN tags t ON t.id = ft.tag_id WHERE ft.file_id = ? ORDER BY ft.probability DESC, t.name",
                [file_id],
            )
        ),
        "scores": list(
            db.query("SELECT kind, model, value FROM scores WHERE file_id = ? ORDER BY kind", [file_id])
        ),
        "embeddings": list(
            db.query(
                "SELECT model, dim, created_at FROM embeddings WHERE file_id = ? ORDER BY model", [file_id]
            )
        ),
    }
