"""Migration 0009: the generation tables, filled from the metadata an older acgdesk stored (no image
is read again: the files named here do not exist)."""

from __future__ import annotations

import json

from acgdesk.db.connection import connect, transaction
from acgdesk.db.generation import fill_requested
from acgdesk.db.migrations import MIGRATIONS, migrate
from acgdesk.library import Library

WEBUI = (
    "1girl, <lora:add_detail:0.7>\nNegative prompt: lowres\n"
    "Steps: 24, Sampler: Euler a, CFG scale: 6, Seed: 777, Size: 512x512, Model: anything-v5"
)
AT_0008 = [m.name for m in MIGRATIONS].index("0008_curation") + 1


def old_library(tmp_path):
    """A library left at 0008 with three indexed files: WebUI text chunks, only the stored columns
    (as a reader that kept no chunk would have left), and no generation data at all."""
    lib_dir = tmp_path / "lib"
    lib_dir.mkdir()
    db = connect(lib_dir / "library.db")
    migrate(db, migrations=MIGRATIONS[:AT_0008])
    with transaction(db) as conn:
        conn.execute("INSERT INTO folders (id, path, added_at) VALUES (1, '/art', 'x')")
        for fid in (1, 2, 3):
            conn.execute(
                "INSERT INTO files (id, folder_id, path, status, added_at, updated_at) "
                "VALUES (?, 1, ?, 'ok', 'x', 'x')",
                (fid, f"/art/{fid}.png"),
            )
        conn.execute(
            "INSERT INTO metadata (file_id, text_chunks, generator, prompt, negative_prompt, "
            "generation_params) VALUES (1, ?, 'a1111', 'stale prompt', '', '{}')",
            (json.dumps({"parameters": WEBUI}),),
        )
        params = {"steps": 30, "sampler": "dpmpp_2m", "cfg_scale": 4.5, "seed": 2**64 - 1}
        params |= {"model": "sdxl/animagine.safetensors", "loras": ["ink.safetensors"]}
        conn.execute(
            "INSERT INTO metadata (file_id, generator, prompt, negative_prompt, generation_params) "
            "VALUES (2, 'comfyui', 'ink wash', 'blurry', ?)",
            (json.dumps(params),),
        )
        conn.execute("INSERT INTO metadata (file_id, exif) VALUES (3, ?)", (json.dumps({"Make": "Canon"}),))
    return lib_dir, db


def test_migration_creates_the_tables_and_asks_for_a_fill(tmp_path):
    _, db = old_library(tmp_path)
    applied = migrate(db, backup_dir=tmp_path / "backups")
    assert "0009_generation" in applied
    assert {"generation", "generation_runs", "generation_loras"} <= set(db.table_names())
    assert fill_requested(db.conn)
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"generation_runs_model", "generation_runs_steps", "generation_loras_stem"} <= indexes


def test_a_fresh_library_asks_for_no_fill(tmp_path):
    db = connect(tmp_path / "library.db")
    migrate(db)
    assert not fill_requested(db.conn)


def test_opening_an_old_library_fills_the_rows_from_stored_metadata(tmp_path):
    lib_dir, db = old_library(tmp_path)
    db.close()
    with Library.open(lib_dir) as lib:
        conn = lib.db.conn
        assert not fill_requested(conn)
        assert conn.execute("SELECT file_id, generator FROM generation ORDER BY file_id").fetchall() == [
            (1, "a1111"),
            (2, "comfyui"),
        ]
        runs = conn.execute(
            "SELECT file_id, positive, seed, steps, cfg, sampler, model_stem FROM generation_runs "
            "ORDER BY file_id, run"
        ).fetchall()
        # 1: read again from its text chunk (not the stale stored columns); 2: from the stored columns
        assert runs == [
            (1, "1girl, <lora:add_detail:0.7>", "777", 24, 6.0, "Euler a", "anything-v5"),
            (2, "ink wash", str(2**64 - 1), 30, 4.5, "dpmpp_2m", "animagine"),
        ]
        loras = conn.execute("SELECT file_id, name, stem, weight FROM generation_loras ORDER BY file_id")
        assert loras.fetchall() == [(1, "add_detail", "add_detail", 0.7), (2, "ink.safetensors", "ink", None)]
        assert sorted(lib.query_ids("steps:20..30 lora:*")) == [1, 2]
        assert lib.query_ids(f"seed:{2**64 - 1}") == [2]
        assert lib.generation.facets()["generator"] == [("a1111", 1), ("comfyui", 1)]
        assert lib.generation.records([2])[2].samplers[0].seed == 2**64 - 1
    with Library.open(lib_dir) as lib:  # filled once: a second open changes nothing
        assert lib.db.execute("SELECT COUNT(*) FROM generation_runs").fetchone()[0] == 2


def test_deleting_a_file_row_removes_its_generation_rows(tmp_path):
    lib_dir, db = old_library(tmp_path)
    db.close()
    with Library.open(lib_dir) as lib:
        with transaction(lib.db) as conn:
            conn.execute("DELETE FROM files WHERE id = 1")
        for table in ("generation", "generation_runs", "generation_loras"):
            left = lib.db.execute(f"SELECT COUNT(*) FROM {table} WHERE file_id = 1").fetchone()[0]
            assert left == 0
