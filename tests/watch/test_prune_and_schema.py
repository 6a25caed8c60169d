"""Prune erases for good only what stayed missing past the retention; migration 0006 from 0003."""

from __future__ import annotations

import json
import os

import numpy as np

from acgdesk.db.connection import connect, transaction
from acgdesk.db.migrations import MIGRATIONS, migrate
from acgdesk.db.predictions import store_embedding, vector_generation
from tests.cli.test_cli import acgdesk
from tests.watch.conftest import rows, write_image


def test_prune_erases_old_missing_rows_and_their_unshared_thumbnails(tmp_path, lib):
    art = tmp_path / "art"
    old = write_image(art / "old.png", 1)
    recent = write_image(art / "recent.png", 2)
    shared = write_image(art / "shared.png", 3)
    twin = art / "twin.png"
    twin.write_bytes(shared.read_bytes())  # same content: one thumbnail for both rows
    lib.index([art])
    ids = {p.name: rows(lib)[str(p)][0] for p in (old, recent, shared, twin)}
    hashes = dict(lib.db.execute("SELECT id, content_hash FROM files").fetchall())
    with transaction(lib.db) as conn:
        store_embedding(conn, ids["old.png"], "resnet18-anime@1", np.ones(4, np.float32))
    lib.add_tags(ids["old.png"], ["to_be_erased"])
    for p in (old, recent, twin):
        p.unlink()
    lib.index()
    with transaction(lib.db) as conn:  # pretend two of them went missing 40 days ago
        conn.execute(
            "UPDATE files SET missing_since = '2020-01-01T00:00:00.000000Z' WHERE id IN (?, ?)",
            (ids["old.png"], ids["twin.png"]),
        )
    stray = lib.thumbnail_for("ab" + "0" * 62)  # left by an edit in place: no row has it
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"RIFF....WEBP")
    gen = vector_generation(lib.db.conn, "resnet18-anime@1")

    dry = lib.prune(dry_run=True)  # default: the 30-day retention
    assert (dry.files, dry.thumbnails) == (2, 2)
    assert len(rows(lib)) == 4 and stray.exists()

    report = lib.prune()
    assert (report.files, report.thumbnails) == (2, 2) and report.thumbnail_bytes > 0
    assert set(rows(lib)) == {str(recent), str(shared)}
    assert not lib.thumbnail_for(hashes[ids["old.png"]]).exists() and not stray.exists()
    assert lib.thumbnail_for(hashes[ids["shared.png"]]).exists()  # still used by shared.png
    assert lib.thumbnail_for(hashes[ids["recent.png"]]).exists()  # missing, but within retention
    left = lib.db.execute("SELECT COUNT(*) FROM file_tags WHERE file_id = ?", (ids["old.png"],)).fetchone()
    assert left == (0,) and vector_generation(lib.db.conn, "resnet18-anime@1") == gen + 1

    assert lib.prune(older_than_days=0).files == 1  # everything missing, now
    assert set(rows(lib)) == {str(shared)}


def test_prune_and_config_from_the_command_line(tmp_path):
    art, lib_dir = tmp_path / "art", tmp_path / "lib"
    gone = write_image(art / "gone.png", 5)
    write_image(art / "stays.png", 6)
    acgdesk("--library", str(lib_dir), "index", str(art), "--no-models", "-q")
    gone.unlink()
    acgdesk("--library", str(lib_dir), "index", "--no-models", "-q")
    out = acgdesk("--library", str(lib_dir), "config", "retention_days", "7", "--json").stdout
    assert json.loads(out) == {"retention_days": 7.0}
    dry = json.loads(acgdesk("--library", str(lib_dir), "prune", "--dry-run", "--json").stdout)
    assert (dry["files"], dry["older_than_days"], dry["dry_run"]) == (0, 7.0, True)  # only just missing
    done = json.loads(acgdesk("--library", str(lib_dir), "prune", "--older-than", "0", "--json").stdout)
    assert done["files"] == 1 and done["examples"] == [str(gone)]
    text = acgdesk("--library", str(lib_dir), "prune", "--older-than", "0").stdout
    assert text.startswith("erased 0 file record(s)")


def test_migration_0006_upgrades_a_library_left_at_the_previous_schema(tmp_path):
    k = next(i for i, m in enumerate(MIGRATIONS) if m.name == "0006_watch_and_soft_delete")
    db = connect(tmp_path / "library.db")
    migrate(db, migrations=MIGRATIONS[:k])
    with transaction(db) as conn:
        conn.execute("INSERT INTO folders (path, added_at) VALUES ('/art', 'x')")
        for i, status in enumerate(("ok", "missing")):
            conn.execute(
                "INSERT INTO files (folder_id, path, size, status, added_at, updated_at) "
                "VALUES (1, ?, 10, ?, 'x', ?)",
                (f"/art/{i}.png", status, f"2026-01-0{i + 1}T00:00:00.000000Z"),
            )
    applied = migrate(db, backup_dir=tmp_path / "backups")
    assert "0006_watch_and_soft_delete" in applied
    assert db.execute("SELECT path, missing_since FROM files ORDER BY path").fetchall() == [
        ("/art/0.png", None),
        ("/art/1.png", "2026-01-02T00:00:00.000000Z"),  # when it was last seen changing
    ]
    assert {"watch_mode", "watch_note", "watch_since"} <= {c.name for c in db["folders"].columns}
    assert "files_size" in {i.name for i in db["files"].indexes}
    assert len(os.listdir(tmp_path / "backups")) == 1
