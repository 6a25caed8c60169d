"""Named schema migrations, recorded in the database, with a backup taken before they run.

Each migration is a name plus a function; applied names are stored in ``schema_migrations``. A
database that records a name this code does not know was written by a newer acgdesk and is refused
rather than risked. Before migrating a database that already holds data, a consistent copy is made
with SQLite's online backup API, so a failed or unwanted upgrade can be undone by hand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from acgdesk.core import faults
from acgdesk.core.errors import DatabaseTooNewError
from acgdesk.db import albums, embedded_keywords, generation, history, marks, search_data, search_text
from acgdesk.db.connection import transaction, utcnow

_INITIAL_SCHEMA = """
CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    path_bytes BLOB,
    added_at TEXT NOT NULL,
    last_scan_at TEXT,
    state TEXT NOT NULL DEFAULT 'online' CHECK (state IN ('online', 'offline'))
);

CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    path TEXT NOT NULL UNIQUE,
    path_bytes BLOB,
    size INTEGER,
    mtime_ns INTEGER,
    content_hash TEXT,
    width INTEGER,
    height INTEGER,
    format TEXT,
    mode TEXT,
    frames INTEGER,
    status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'missing')),
    error_kind TEXT,
    error TEXT,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX files_folder ON files(folder_id);
CREATE INDEX files_content_hash ON files(content_hash);
CREATE INDEX files_status ON files(status, error_kind);

CREATE TABLE image_hashes (
    file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
    phash BLOB NOT NULL,
    dhash BLOB NOT NULL,
    phash_dihedral BLOB NOT NULL
);

CREATE TABLE metadata (
    file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
    exif TEXT,
    xmp TEXT,
    text_chunks TEXT,
    generator TEXT,
    prompt TEXT,
    negative_prompt TEXT,
    generation_params TEXT
);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL DEFAULT 'general'
);

CREATE TABLE file_tags (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    probability REAL NOT NULL DEFAULT 1.0,
    added_at TEXT NOT NULL,
    PRIMARY KEY (file_id, tag_id, source)
) WITHOUT ROWID;
CREATE INDEX file_tags_tag ON file_tags(tag_id, probability);

CREATE TABLE embeddings (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    dim INTEGER NOT NULL,
    vector BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (file_id, model)
);
CREATE INDEX embeddings_model ON embeddings(model);

CREATE TABLE scores (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    model TEXT NOT NULL,
    value REAL NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (file_id, kind, model)
);
CREATE INDEX scores_kind ON scores(kind, value);
"""


def _initial(conn: sqlite3.Connection) -> None:
    for statement in _INITIAL_SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


def _model_runs_and_settings(conn: sqlite3.Connection) -> None:
    """Which model has processed which file (also when it predicted nothing above the floor, so it
    is not run again), and library-wide settings such as the default models."""
    conn.execute(
        """CREATE TABLE model_runs (
            file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            ran_at TEXT NOT NULL,
            error TEXT,
            PRIMARY KEY (file_id, model)
        ) WITHOUT ROWID"""
    )
    conn.execute("CREATE INDEX model_runs_model ON model_runs(model)")
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _vector_generations(conn: sqlite3.Connection) -> None:
    """A counter per embedding model, bumped in the same transaction as any change to its vectors,
    so an HNSW file on disk can tell whether it still matches the database (it records the
    generation it was built from)."""
    conn.execute("CREATE TABLE vector_generations (model TEXT PRIMARY KEY, generation INTEGER NOT NULL)")
    conn.execute(
        "INSERT INTO vector_generations (model, generation) SELECT model, 1 FROM embeddings GROUP BY model"
    )


def _watch_and_soft_delete(conn: sqlite3.Connection) -> None:
    """When each file went missing (a retention period restores or prunes it), the watch mode of each
    folder (shown by ``status`` while a watcher runs), and an index on size to spot moved files."""
    conn.execute("ALTER TABLE files ADD COLUMN missing_since TEXT")
    conn.execute("UPDATE files SET missing_since = updated_at WHERE status = 'missing'")
    conn.execute("CREATE INDEX files_size ON files(size)")
    conn.execute("ALTER TABLE folders ADD COLUMN watch_mode TEXT")
    conn.execute("ALTER TABLE folders ADD COLUMN watch_note TEXT")
    conn.execute("ALTER TABLE folders ADD COLUMN watch_since TEXT")


def _derived_files(conn: sqlite3.Connection) -> None:
    """Files acgdesk made from another file (an upscale): which source, by which operation and
    settings. The source path is kept as text too, for a source outside the library or deleted."""
    conn.execute(
        """CREATE TABLE derived_files (
            file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
            source_id INTEGER REFERENCES files(id) ON DELETE SET NULL,
            source_path TEXT NOT NULL,
            source_hash TEXT,
            operation TEXT NOT NULL,
            params TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX derived_files_source ON derived_files(source_id)")


def _files_by_date(conn: sqlite3.Connection) -> None:
    """The default order of every listing (newest first, ties by id) as an index: the GUI's first
    page of a million files is read in a millisecond instead of sorting them all (~2 s)."""
    conn.execute("CREATE INDEX files_by_date ON files(status, mtime_ns DESC, id)")


def _curation(conn: sqlite3.Connection) -> None:
    """The user's own judgement and gatherings: marks (stars, favourite, pick/reject), albums
    (manual, smart, groups) and the undo history of user actions."""
    for statement in (*marks.SCHEMA, *albums.SCHEMA, *history.SCHEMA):
        conn.execute(statement)


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlite3.Connection], None]


# Append only. Never rename or reorder: the names are stored in users' databases.
MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _initial),
    Migration("0002_model_runs_and_settings", _model_runs_and_settings),
    Migration("0003_vector_generations", _vector_generations),
    Migration("0004_search_data", search_data.create_schema),
    Migration("0005_derived_files", _derived_files),
    Migration("0006_watch_and_soft_delete", _watch_and_soft_delete),
    Migration("0007_files_by_date", _files_by_date),
    Migration("0008_curation", _curation),
    Migration("0009_generation", generation.create_schema),
    Migration("0010_keywords", embedded_keywords.create_schema),
    Migration("0011_search_text", search_text.create_schema),
    Migration("0012_history_label_keys", history.add_label_keys),
)


def applied_migrations(db: sqlite_utils.Database) -> list[str]:
    if "schema_migrations" not in db.table_names():
        return []
    return [row[0] for row in db.execute("SELECT name FROM schema_migrations ORDER BY name")]


def migrate(
    db: sqlite_utils.Database,
    *,
    backup_dir: Path | None = None,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> list[str]:
    """Apply pending migrations in order, each in its own transaction; returns the names applied.

    Raises :class:`DatabaseTooNewError` when the database knows migrations this code does not.
    """
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = applied_migrations(db)
    known = {m.name for m in migrations}
    unknown = [name for name in done if name not in known]
    if unknown:
        raise DatabaseTooNewError(
            f"this library was written by a newer acgdesk (unknown schema migrations: {', '.join(unknown)}); "
            "upgrade acgdesk to open it",
            key="too_new",
            params={"migrations": ", ".join(unknown), "count": len(unknown)},
        )
    pending = [m for m in migrations if m.name not in done]
    if not pending:
        return []
    if done and backup_dir is not None:
        backup(db, backup_dir, before=pending[0].name)
    for migration in pending:
        with transaction(db) as conn:
            migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", (migration.name, utcnow())
            )
        faults.point("migration.applied")  # crash tests: a start-up killed between two migrations
    return [m.name for m in pending]


def backup(db: sqlite_utils.Database, backup_dir: Path, *, before: str) -> Path:
    """Consistent copy of the live database (safe while other connections read or write)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"library-{stamp}-before-{before}.db"
    dest = sqlite3.connect(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target
