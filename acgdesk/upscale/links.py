"""An upscale's place in the library: indexed like any file, linked to its source, with its user tags.

The output goes through the indexer's own per-file work and writer (hash, size, thumbnail,
perceptual hashes, metadata), so it is an ordinary library file; models tag it on the next
``acgdesk index``, which runs them on files they have not seen. ``derived_files`` records the
source and the settings; the source's user tags (and user rejections of model tags) are copied, as
the picture shows the same thing.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlite_utils

from acgdesk.core.paths import StoredPath
from acgdesk.core.settings import IndexSettings
from acgdesk.db.connection import transaction, utcnow
from acgdesk.db.file_stats import refresh_file_stats
from acgdesk.db.predictions import USER
from acgdesk.pipeline.ingest import Job, process_file
from acgdesk.pipeline.writer import IndexWriter

OPERATION = "upscale"


def file_id_of(conn: sqlite3.Connection, fs_path: str) -> int | None:
    row = conn.execute("SELECT id FROM files WHERE path = ?", (StoredPath.from_fs(fs_path).text,)).fetchone()
    return int(row[0]) if row else None


def index_file(
    db: sqlite_utils.Database, fs_path: str, folder_id: int, *, settings: IndexSettings, thumbs_dir: Path
) -> tuple[int | None, str | None]:
    """Index one file now (no folder walk); returns its id and, if it could not be read, why."""
    st = os.stat(fs_path)
    known = file_id_of(db.conn, fs_path)
    outcome = process_file(Job(fs_path, folder_id, st.st_size, st.st_mtime_ns, known), settings, thumbs_dir)
    writer = IndexWriter(db, settings)
    writer.add(outcome)
    writer.flush()
    return file_id_of(db.conn, fs_path), outcome.error


def link_derived(
    conn: sqlite3.Connection,
    file_id: int,
    *,
    source_id: int | None,
    source_path: str,
    params: dict[str, Any],
    operation: str = OPERATION,
) -> None:
    source_hash = None
    if source_id is not None:
        row = conn.execute("SELECT content_hash FROM files WHERE id = ?", (source_id,)).fetchone()
        source_hash = row[0] if row else None
    conn.execute(
        "INSERT OR REPLACE INTO derived_files "
        "(file_id, source_id, source_path, source_hash, operation, params, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            file_id,
            source_id,
            source_path,
            source_hash,
            operation,
            json.dumps(params, sort_keys=True),
            utcnow(),
        ),
    )


def inherit_user_tags(conn: sqlite3.Connection, source_id: int, file_id: int) -> list[str]:
    """Copy the source's user tags and rejections; returns the names of the tags added (not rejected)."""
    rows = conn.execute(
        "SELECT ft.tag_id, ft.probability, t.name FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
        "WHERE ft.file_id = ? AND ft.source = ?",
        (source_id, USER),
    ).fetchall()
    now = utcnow()
    for tag_id, probability, _name in rows:
        conn.execute(
            "INSERT OR REPLACE INTO file_tags (file_id, tag_id, source, probability, added_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (file_id, tag_id, USER, probability, now),
        )
    if rows:
        refresh_file_stats(conn, [file_id])
    return sorted(name for _tag, probability, name in rows if probability > 0)


def register_output(
    db: sqlite_utils.Database,
    *,
    source: str,
    output: str,
    output_folder_id: int,
    source_folder_id: int | None,
    params: dict[str, Any],
    settings: IndexSettings,
    thumbs_dir: Path,
) -> dict[str, Any]:
    """Index ``output`` (and ``source`` if it lies in a library folder but is not indexed yet), link
    them and copy the user tags; returns what was recorded."""
    source_id = file_id_of(db.conn, source)
    if source_id is None and source_folder_id is not None:
        source_id, _ = index_file(db, source, source_folder_id, settings=settings, thumbs_dir=thumbs_dir)
    file_id, error = index_file(db, output, output_folder_id, settings=settings, thumbs_dir=thumbs_dir)
    if file_id is None or error:
        return {"file_id": file_id, "source_id": source_id, "error": error or "not indexed"}
    with transaction(db) as conn:
        link_derived(conn, file_id, source_id=source_id, source_path=source, params=params)
        tags = inherit_user_tags(conn, source_id, file_id) if source_id is not None else []
    return {"file_id": file_id, "source_id": source_id, "inherited_tags": tags}


def derived_from(db: sqlite_utils.Database, file_id: int) -> dict[str, Any] | None:
    """The link of a derived file: source id and path, operation and its settings."""
    row = db.execute(
        "SELECT source_id, source_path, source_hash, operation, params, created_at FROM derived_files "
        "WHERE file_id = ?",
        (file_id,),
    ).fetchone()
    if row is None:
        return None
    keys = ("source_id", "source_path", "source_hash", "operation", "params", "created_at")
    out = dict(zip(keys, row, strict=True))
    out["params"] = json.loads(out["params"])
    return out


def derivatives_of(db: sqlite_utils.Database, source_id: int) -> list[dict[str, Any]]:
    """Files made from ``source_id``: id, path, operation."""
    return [
        {"file_id": r[0], "path": r[1], "operation": r[2]}
        for r in db.execute(
            "SELECT d.file_id, f.path, d.operation FROM derived_files d JOIN files f ON f.id = d.file_id "
            "WHERE d.source_id = ? ORDER BY d.file_id",
            (source_id,),
        )
    ]
