"""A row for a copy the user made through the library: everything known about the original, at once.

Copying a file byte for byte changes nothing a model or a person said about it, so the new row
takes the original's columns, perceptual hashes, metadata, every tag (the user's too), embeddings,
scores, model runs and marks; only album membership stays with the original (a copy is a new item).
No file is read and no model runs, so a copy of 10,000 images is one short transaction.
"""

from __future__ import annotations

import sqlite3

from acgdesk.core.paths import StoredPath
from acgdesk.db.connection import utcnow
from acgdesk.db.embedded_keywords import copy_imported_keywords
from acgdesk.db.file_stats import refresh_file_stats
from acgdesk.db.generation import copy_generation
from acgdesk.db.predictions import bump_vector_generation

_COPIED_COLUMNS = (
    "size, mtime_ns, content_hash, width, height, format, mode, frames, status, error_kind, error"
)


def copy_row(conn: sqlite3.Connection, source_id: int, fs_path: str, folder_id: int, mtime_ns: int) -> int:
    """Insert the row of a copy of ``source_id`` at ``fs_path`` (which must have no row); returns its id."""
    stored, now = StoredPath.from_fs(fs_path), utcnow()
    cur = conn.execute(
        f"INSERT INTO files (folder_id, path, path_bytes, {_COPIED_COLUMNS}, added_at, updated_at) "
        f"SELECT ?, ?, ?, {_COPIED_COLUMNS}, ?, ? FROM files WHERE id = ?",
        (folder_id, stored.text, stored.raw, now, now, source_id),
    )
    new_id = int(cur.lastrowid or 0)
    conn.execute("UPDATE files SET mtime_ns = ?, status = 'ok' WHERE id = ?", (mtime_ns, new_id))
    conn.execute(
        "INSERT INTO image_hashes (file_id, phash, dhash, phash_dihedral) "
        "SELECT ?, phash, dhash, phash_dihedral FROM image_hashes WHERE file_id = ?",
        (new_id, source_id),
    )
    conn.execute(
        "INSERT INTO metadata (file_id, exif, xmp, text_chunks, generator, prompt, negative_prompt, "
        "generation_params) SELECT ?, exif, xmp, text_chunks, generator, prompt, negative_prompt, "
        "generation_params FROM metadata WHERE file_id = ?",
        (new_id, source_id),
    )
    copy_generation(conn, source_id, new_id)
    copy_imported_keywords(conn, source_id, new_id)  # a keyword the user removed stays removed
    conn.execute(
        "INSERT INTO file_tags (file_id, tag_id, source, probability, added_at) "
        "SELECT ?, tag_id, source, probability, ? FROM file_tags WHERE file_id = ?",
        (new_id, now, source_id),
    )
    models = [r[0] for r in conn.execute("SELECT model FROM embeddings WHERE file_id = ?", (source_id,))]
    conn.execute(
        "INSERT INTO embeddings (file_id, model, dim, vector, created_at) "
        "SELECT ?, model, dim, vector, ? FROM embeddings WHERE file_id = ?",
        (new_id, now, source_id),
    )
    for model in models:
        bump_vector_generation(conn, model)
    conn.execute(
        "INSERT INTO scores (file_id, kind, model, value, created_at) "
        "SELECT ?, kind, model, value, ? FROM scores WHERE file_id = ?",
        (new_id, now, source_id),
    )
    conn.execute(
        "INSERT INTO model_runs (file_id, model, ran_at, error) SELECT ?, model, ran_at, error "
        "FROM model_runs WHERE file_id = ?",
        (new_id, source_id),
    )
    conn.execute(
        "INSERT INTO marks (file_id, stars, favourite, flag, updated_at) "
        "SELECT ?, stars, favourite, flag, ? FROM marks WHERE file_id = ?",
        (new_id, now, source_id),
    )
    refresh_file_stats(conn, [new_id])
    return new_id


def forget_row(conn: sqlite3.Connection, file_id: int) -> None:
    """Erase a row made by :func:`copy_row` (undo of the copy; the file itself is handled by the caller)."""
    models = [r[0] for r in conn.execute("SELECT model FROM embeddings WHERE file_id = ?", (file_id,))]
    conn.execute("DELETE FROM files WHERE id = ?", (file_id,))
    for model in models:
        bump_vector_generation(conn, model)
