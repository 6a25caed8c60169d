"""Stored per-file ratings and tag counts give exactly the answers of computing them per query, stay right
through every way tags change, and arrive on a library made before migration 0004."""

from __future__ import annotations

import random

import pytest

from acgdesk.db.connection import connect, transaction, utcnow
from acgdesk.db.file_stats import stats_usable
from acgdesk.db.migrations import MIGRATIONS, migrate
from acgdesk.db.predictions import TagIds, reject_tags, replace_model_tags, set_user_tags
from acgdesk.library import Library
from acgdesk.search.compile import compile_query

QUERIES = [
    "rating:safe",
    "rating:q,e",
    "rating:>=s",
    "-rating:general",
    "tagcount:<3",
    "tagcount:>=4",
    "tagcount:2..5",
    "-tagcount:0",
    "has:rating",
    "missing:rating",
    "explicit",
    "tagcount:>1 sort:tagcount",
]
TAGS = [f"tag_{i}" for i in range(12)]


def fill(conn, n: int, seed: int) -> None:
    rng = random.Random(seed)
    tag_ids = TagIds()
    now = utcnow()
    conn.execute("INSERT OR IGNORE INTO folders (id, path, added_at) VALUES (1, '/art', ?)", (now,))
    for fid in range(1, n + 1):
        conn.execute(
            "INSERT INTO files (id, folder_id, path, status, added_at, updated_at) VALUES (?, 1, ?, ?, ?, ?)",
            (fid, f"/art/{fid}.png", "ok" if fid % 13 else "missing", now, now),
        )
        for model in ("wd-test@1", "nudenet-320n@3.4.2"):
            tags = [(t, "general", rng.random()) for t in rng.sample(TAGS, rng.randint(0, 6))]
            if rng.random() < 0.8:
                tags += [(r, "rating", rng.random()) for r in ("general", "sensitive", "explicit")]
            replace_model_tags(conn, tag_ids, fid, model, tags)
        if rng.random() < 0.3:
            set_user_tags(
                conn, tag_ids, fid, rng.sample(TAGS, 2) + (["questionable"] if rng.random() < 0.3 else [])
            )
        if rng.random() < 0.3:
            reject_tags(conn, tag_ids, fid, [*rng.sample(TAGS, 2), "explicit"])


def answers(conn, thresholds, *, stats: bool) -> dict[str, list[int]]:
    out = {}
    for text in QUERIES:
        sql, params = compile_query(text, thresholds=thresholds, file_stats=stats).statement()
        out[text] = [r[0] for r in conn.execute(sql, params)]
    return out


def test_stored_stats_answer_like_computed_ones_through_every_change(tmp_path):
    with Library.open(tmp_path / "lib") as lib:
        thresholds = lib.display_thresholds()
        with transaction(lib.db) as conn:
            fill(conn, 300, seed=1)
        conn = lib.db.conn
        assert stats_usable(conn, thresholds)
        assert conn.execute("SELECT COUNT(*) FROM file_stats").fetchone()[0] == 300  # kept by the writes
        want = answers(conn, thresholds, stats=False)
        assert answers(conn, thresholds, stats=True) == want
        assert all(want[q] for q in ("rating:safe", "tagcount:<3", "has:rating"))
        # edits through the facade, and a raw write no stats code knows about (the trigger's job)
        lib.add_tags(5, ["tag_1", "explicit"])
        lib.remove_tags(6, ["tag_2", "general"])
        with transaction(lib.db) as c:
            c.execute("DELETE FROM file_tags WHERE file_id = 7")
        assert conn.execute("SELECT COUNT(*) FROM file_stats WHERE file_id = 7").fetchone()[0] == 0
        assert answers(conn, thresholds, stats=True) == answers(conn, thresholds, stats=False)
        # other thresholds: the stored rows no longer apply until they are recomputed
        lib.set_display_thresholds({"general": 0.7, "rating": 0.4})
        new = lib.display_thresholds()
        assert stats_usable(conn, new)
        assert answers(conn, new, stats=True) == answers(conn, new, stats=False) != want


def test_library_from_before_migration_0004_gets_its_stats(tmp_path):
    lib_dir = tmp_path / "lib"
    lib_dir.mkdir()
    db = connect(lib_dir / "library.db")
    before = [m for m in MIGRATIONS if m.name < "0004"]
    migrate(db, migrations=tuple(before))
    with transaction(db) as conn:
        fill(conn, 120, seed=2)
    assert "file_stats" not in db.table_names()
    db.conn.close()
    with Library.open(lib_dir) as lib:
        conn = lib.db.conn
        assert "0004_search_data" in [r[0] for r in conn.execute("SELECT name FROM schema_migrations")]
        assert {"file_stats", "text_vectors"} <= set(lib.db.table_names())
        assert conn.execute("SELECT COUNT(*) FROM file_stats").fetchone()[0] == 120
        thresholds = lib.display_thresholds()
        assert answers(conn, thresholds, stats=True) == answers(conn, thresholds, stats=False)
        assert len(list((lib_dir / "backups").glob("*before-0004_search_data.db"))) == 1


@pytest.mark.parametrize("query", ["rating:safe", "tagcount:<3"])
def test_stats_queries_use_the_stats_index(tmp_path, query):
    with Library.open(tmp_path / "lib") as lib:
        sql, params = compile_query(query, thresholds=lib.display_thresholds(), file_stats=True).statement()
        plan = " ".join(r[3] for r in lib.db.conn.execute("EXPLAIN QUERY PLAN " + sql, params))
        assert "file_stats_" in plan
