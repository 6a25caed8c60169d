"""Named migrations: recorded, idempotent, backed up before upgrading, newer databases refused."""

from __future__ import annotations

import sqlite3

import pytest

from acgdesk.core.errors import DatabaseTooNewError
from acgdesk.db.connection import connect, transaction
from acgdesk.db.migrations import MIGRATIONS, Migration, applied_migrations, migrate
from acgdesk.library import Library


def test_fresh_database_gets_every_migration_and_the_schema(tmp_path):
    db = connect(tmp_path / "library.db")
    applied = migrate(db, backup_dir=tmp_path / "backups")
    assert applied == [m.name for m in MIGRATIONS]
    tables = set(db.table_names())
    assert {
        "folders",
        "files",
        "metadata",
        "tags",
        "file_tags",
        "embeddings",
        "scores",
        "image_hashes",
    } <= tables
    files_cols = {c.name for c in db["files"].columns}
    assert {
        "path",
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
        "error",
        "error_kind",
        "added_at",
        "updated_at",
    } <= files_cols
    assert {c.name for c in db["file_tags"].columns} >= {"file_id", "tag_id", "probability", "source"}
    assert {c.name for c in db["embeddings"].columns} >= {"file_id", "model", "vector"}
    assert {c.name for c in db["scores"].columns} >= {"file_id", "kind", "value", "model"}
    # Fresh database: nothing to back up.
    assert not (tmp_path / "backups").exists()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrate_twice_is_a_no_op(tmp_path):
    db = connect(tmp_path / "library.db")
    migrate(db)
    assert migrate(db) == []
    assert applied_migrations(db) == [m.name for m in MIGRATIONS] == sorted(m.name for m in MIGRATIONS)


def test_pending_migration_runs_after_a_backup_of_the_old_data(tmp_path):
    db = connect(tmp_path / "library.db")
    migrate(db)
    with transaction(db) as conn:
        conn.execute("INSERT INTO tags (name, category) VALUES ('cat_ears', 'general')")

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE tags ADD COLUMN aliases TEXT")

    newer = (*MIGRATIONS, Migration("9999_tag_aliases", add_column))
    applied = migrate(db, backup_dir=tmp_path / "backups", migrations=newer)
    assert applied == ["9999_tag_aliases"]
    assert "aliases" in {c.name for c in db["tags"].columns}
    backups = list((tmp_path / "backups").glob("library-*-before-9999_tag_aliases.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT name FROM tags").fetchall() == [("cat_ears",)]
    assert "aliases" not in {r[1] for r in old.execute("PRAGMA table_info(tags)")}
    assert "9999_tag_aliases" not in {r[0] for r in old.execute("SELECT name FROM schema_migrations")}


def test_failing_migration_rolls_back_and_is_not_recorded(tmp_path):
    db = connect(tmp_path / "library.db")
    migrate(db)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        migrate(db, migrations=(*MIGRATIONS, Migration("9998_broken", broken)))
    assert "half_done" not in db.table_names()
    assert "9998_broken" not in applied_migrations(db)


def test_database_from_a_newer_acgdesk_is_refused_with_a_clear_error(tmp_path):
    lib_dir = tmp_path / "lib"
    Library.open(lib_dir).close()
    conn = sqlite3.connect(lib_dir / "library.db")
    conn.execute("INSERT INTO schema_migrations VALUES ('0042_from_the_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNewError, match=r"newer acgdesk.*0042_from_the_future"):
        Library.open(lib_dir)


def test_not_a_database_is_a_library_error(tmp_path):
    lib_dir = tmp_path / "lib"
    lib_dir.mkdir()
    (lib_dir / "library.db").write_bytes(b"this is not sqlite" * 100)
    from acgdesk.core.errors import LibraryError

    with pytest.raises(LibraryError, match="cannot open"):
        Library.open(lib_dir)


def test_each_migration_upgrades_a_database_left_at_the_previous_one(tmp_path):
    """A library made by an older acgdesk (stopped after migration k) upgrades with its data kept."""
    for k in range(1, len(MIGRATIONS)):
        db = connect(tmp_path / f"lib{k}.db")
        migrate(db, migrations=MIGRATIONS[:k])
        with transaction(db) as conn:
            conn.execute("INSERT INTO folders (path, added_at) VALUES ('/art', 'x')")
        applied = migrate(db, backup_dir=tmp_path / f"backups{k}")
        assert applied == [m.name for m in MIGRATIONS[k:]]
        assert db.execute("SELECT path FROM folders").fetchall() == [("/art",)]
        assert len(list((tmp_path / f"backups{k}").glob("*.db"))) == 1
    assert {"model_runs", "settings"} <= set(db.table_names())
