"""The job queue (worker thread, events, cancel) and the library integration (indexed, linked,
tags inherited), plus migration 0005 from the previous schema and the ``acgdesk upscale`` command."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest

from acgdesk.cli import main
from acgdesk.db.connection import connect, transaction
from acgdesk.db.migrations import MIGRATIONS, applied_migrations, migrate
from acgdesk.db.predictions import TagIds
from acgdesk.library import Library
from acgdesk.upscale import UpscaleOptions, UpscaleQueue
from acgdesk.upscale.engine import RealcuganEngine
from tests.upscale.conftest import line_art, needs_realcugan, sha256

_FILE = "INSERT INTO files (folder_id, path, status, added_at, updated_at) VALUES (1, ?, 'ok', 'x', 'x')"


def test_migration_0005_upgrades_a_database_from_the_previous_schema(tmp_path):
    names = [m.name for m in MIGRATIONS]
    k = names.index("0005_derived_files")
    assert names == sorted(names) and k == names.index("0004_search_data") + 1
    db = connect(tmp_path / "library.db")
    migrate(db, migrations=MIGRATIONS[:k])  # a library left by the acgdesk before this migration
    with transaction(db) as conn:
        conn.execute("INSERT INTO folders (path, added_at) VALUES ('/art', 'x')")
        conn.execute(_FILE, ("/art/a.png",))
    assert "derived_files" not in db.table_names()
    applied = migrate(db, backup_dir=tmp_path / "backups")
    assert applied == names[k:] and applied[0] == "0005_derived_files"
    assert applied_migrations(db) == sorted(names)  # listed by name
    assert db.execute("SELECT path FROM files").fetchall() == [("/art/a.png",)]
    backup = next((tmp_path / "backups").glob("*before-0005_derived_files.db"))
    assert "derived_files" not in {
        r[0] for r in sqlite3.connect(backup).execute("SELECT name FROM sqlite_master")
    }
    cols = {c.name for c in db["derived_files"].columns}
    assert cols == {"file_id", "source_id", "source_path", "source_hash", "operation", "params", "created_at"}
    # The link goes away with the derived file, and survives (unlinked) the source's deletion.
    with transaction(db) as conn:
        conn.execute(_FILE, ("/art/a@2x.png",))
        conn.execute("INSERT INTO derived_files VALUES (2, 1, '/art/a.png', NULL, 'upscale', '{}', 'x')")
        conn.execute("DELETE FROM files WHERE id = 1")
    assert db.execute("SELECT file_id, source_id, source_path FROM derived_files").fetchall() == [
        (2, None, "/art/a.png")
    ]


@needs_realcugan
def test_queue_runs_requests_in_order_reports_progress_and_reuses_the_network(tmp_path):
    sources = []
    for i in range(3):
        sources.append(tmp_path / f"s{i}.png")
        line_art(40, 32, seed=i).save(sources[-1])
    events = []
    threads = set()
    made = []

    def on_event(e):
        if e.kind != "queued":  # queued is reported by submit(), in the caller's thread
            threads.add(threading.current_thread().name)
        events.append(e)

    def factory(options):
        made.append(options)
        return RealcuganEngine(options)

    with UpscaleQueue(on_event=on_event, engine_factory=factory) as q:
        ids = [q.submit(s, UpscaleOptions(device="cpu")) for s in sources]
        results = [q.wait(i, timeout=60) for i in ids]
    assert [r.status for r in results] == ["done"] * 3
    assert [r.output.name for r in results] == ["s0@2x.png", "s1@2x.png", "s2@2x.png"]
    assert len(made) == 1  # same options: the network is loaded once
    kinds = [(e.job_id, e.kind) for e in events if e.kind != "progress"]
    assert kinds[0] == (1, "queued")
    # One worker: a job starts only after the previous one finished.
    assert kinds.index((1, "finished")) < kinds.index((2, "started")) < kinds.index((2, "finished"))
    assert kinds.index((2, "finished")) < kinds.index((3, "started"))
    assert threads == {"acgdesk-upscale"}
    for job_id in ids:
        mine = [e.kind for e in events if e.job_id == job_id]
        assert mine[0] == "queued" and mine[-1] == "finished" and "started" in mine and "progress" in mine


@needs_realcugan
def test_cancelling_queued_and_running_jobs_leaves_no_files(tmp_path):
    big = tmp_path / "big.png"
    line_art(200, 160).save(big)
    small = tmp_path / "small.png"
    line_art(32, 32).save(small)
    started = threading.Event()
    cancelled_running: list[bool] = []
    holder: dict[str, object] = {}

    def on_event(e):
        # Cancel from inside the job's own first "upscaling" report (sent from the worker before
        # its first tile): the job is running, and it must stop at the next tile boundary. No
        # race with a throttled progress stream or with how fast the tiles go.
        if e.kind == "progress" and e.progress.phase == "upscaling" and not started.is_set():
            started.set()
            cancelled_running.append((e.job_id, holder["queue"].cancel(e.job_id)))

    options = UpscaleOptions(device="cpu", tile=96, overlap=16, margin=4)
    with UpscaleQueue(on_event=on_event) as q:
        holder["queue"] = q
        running = q.submit(big, options)
        queued = q.submit(small, options)
        assert q.cancel(queued)
        first, second = q.wait(running, 60), q.wait(queued, 60)
        assert started.is_set() and cancelled_running == [(running, True)]
        assert q.cancel(running) is False  # already finished
    assert (first.status, second.status) == ("cancelled", "cancelled")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.png", "small.png"]


@needs_realcugan
def test_library_upscale_indexes_links_and_inherits_user_tags(tmp_path):
    art = tmp_path / "art"
    art.mkdir()
    src = art / "sylvie.png"
    line_art(48, 40).save(src)
    digest = sha256(src)
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art])
        lib.add_tags(str(src), ["sylvie", "green dress"])
        with transaction(lib.db) as conn:  # a model's prediction, which the user then rejects
            tag_id = TagIds().get(conn, "1boy")
            conn.execute(
                "INSERT INTO file_tags (file_id, tag_id, source, probability, added_at) "
                "VALUES (?, ?, 'wd-vit-tagger-v3@v3', 0.8, 'x')",
                (lib.show(str(src))["id"], tag_id),
            )
        lib.remove_tags(str(src), ["1boy"])  # the rejection travels too
        [result] = lib.upscale([src], UpscaleOptions(device="cpu"))
        assert result.ok and result.output == art / "sylvie@2x.png"
        assert result.library["inherited_tags"] == ["green_dress", "sylvie"]
        row = lib.show(str(result.output))
        assert row["status"] == "ok" and (row["width"], row["height"]) == (96, 80)
        assert row["thumbnail"] and row["content_hash"]
        link = lib.derivation(str(result.output))["derived_from"]
        assert link["source_id"] == lib.show(str(src))["id"] and link["operation"] == "upscale"
        assert link["params"]["scale"] == 2 and link["params"]["device"] == "cpu"
        assert link["source_hash"] == lib.show(str(src))["content_hash"]
        assert lib.derivation(str(src))["derivatives"][0]["path"] == str(result.output)
        user = {
            (name, prob)
            for name, prob in lib.db.execute(
                "SELECT t.name, ft.probability FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
                "WHERE ft.file_id = ? AND ft.source = 'user'",
                (row["id"],),
            )
        }
        assert user == {("sylvie", 1.0), ("green_dress", 1.0), ("1boy", 0.0)}
        # A later index run finds nothing new: the output was indexed exactly as the indexer would.
        report = lib.index([art])
        assert report.processed == 0 and report.up_to_date == 2
    assert sha256(src) == digest


@needs_realcugan
def test_outputs_outside_the_library_join_it_and_unindexed_sources_are_indexed(tmp_path):
    src = tmp_path / "downloads" / "pic.jpg"
    src.parent.mkdir()
    line_art(40, 40).save(src, quality=92)
    out_dir = tmp_path / "upscaled"
    with Library.open(tmp_path / "lib") as lib:
        [result] = lib.upscale([src], UpscaleOptions(device="cpu", out_dir=out_dir, fmt="webp"))
        assert result.output == out_dir / "pic@2x.webp"
        assert [f.path for f in lib.folders()] == [str(out_dir)]
        link = lib.derivation(str(result.output))["derived_from"]
        assert link["source_id"] is None and link["source_path"] == str(src)


@needs_realcugan
def test_cli_upscale_json_and_errors(tmp_path, capsys):
    src = tmp_path / "a.png"
    line_art(40, 30).save(src)
    lib = str(tmp_path / "lib")
    assert (
        main(
            [
                "--library",
                lib,
                "upscale",
                str(src),
                str(tmp_path / "missing.png"),
                "--device",
                "cpu",
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["device"]["label"] == "cpu"
    done, failed = out["results"]
    assert done["status"] == "done" and done["output"] == str(tmp_path / "a@2x.png")
    assert done["output_size"] == [80, 60] and done["library"]["file_id"]
    assert failed["status"] == "failed" and "not found" in failed["error"]
    assert main(["--library", lib, "upscale", str(src), "--model", "nose", "--denoise", "3"]) == 1
    assert "model nose 2x has no denoise '3': it has none" in capsys.readouterr().err
    code = main(
        ["--library", lib, "upscale", str(src), "--scale", "3", "--progress", "json", "--device", "cpu"]
    )
    assert code == 0
    captured = capsys.readouterr()
    events = [json.loads(line) for line in captured.err.splitlines() if line.startswith("{")]
    assert {"upscale.queued", "upscale.started", "upscale.progress", "upscale.finished"} <= {
        e["event"] for e in events
    }
    assert "a@3x.png" in captured.out


@pytest.mark.parametrize("bad", ["gpu:7", "cuda"])
def test_cli_refuses_a_device_that_does_not_exist(tmp_path, capsys, bad):
    src = tmp_path / "a.png"
    line_art(16, 16).save(src)
    assert main(["--library", str(tmp_path / "lib"), "upscale", str(src), "--device", bad]) == 1
    assert "acgdesk: error:" in capsys.readouterr().err
