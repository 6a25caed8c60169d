"""A move event replayed after the writer already indexed what is on disk now must not move the row:
when the file the row recorded (size and mtime) is still at the event's source, the event is stale
(the watcher soak, seed 12, sequence 162: a swap's late events carried a row back onto the other
file, with its user tag). Real files, a real library, the watcher's own replay."""

from __future__ import annotations

import os

from PIL import Image

from acgdesk.db.connection import transaction
from acgdesk.library import Library
from acgdesk.watch.apply import replay
from acgdesk.watch.observe import Change


def picture(path, seed: int) -> None:
    Image.new("RGB", (64, 48), (seed * 40 % 256, 90, 200)).save(path)


def rows(lib) -> dict[str, int]:
    return {os.path.basename(r["path"]): r["id"] for r in lib.db.query("SELECT id, path FROM files")}


def test_a_move_whose_file_is_still_at_its_source_is_not_replayed(tmp_path):
    art = tmp_path / "art"
    art.mkdir()
    picture(art / "a.png", 1)
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=(), sequential=True)
        folder_id = lib.db.execute("SELECT id FROM folders").fetchone()[0]
        # a.png -> a.png.swap.tmp happened, and the file came back; the row was indexed since
        stale = Change("moved", str(art / "a.png"), str(art / "a.png.swap.tmp"), folder_id)
        with transaction(lib.db) as conn:
            result = replay(conn, [stale], lambda _f: True)
        assert rows(lib) == {"a.png": rows(lib)["a.png"]}  # the row stays where its file is
        assert lib.db.execute("SELECT status FROM files").fetchone()[0] == "ok"
        assert str(art / "a.png") in result.touched.paths  # still checked against the disk
        # a move that did happen (the file left its source) is replayed as before
        fresh = Change("moved", str(art / "a.png"), str(art / "b.png"), folder_id)
        os.rename(art / "a.png", art / "b.png")
        before = rows(lib)["a.png"]
        with transaction(lib.db) as conn:
            replay(conn, [fresh], lambda _f: True)
        assert rows(lib) == {"b.png": before}


def test_a_chain_replayed_in_one_batch_follows_every_step(tmp_path):
    """A chain through a temporary name, replayed after both steps, follows every step."""
    art = tmp_path / "art"
    art.mkdir()
    picture(art / "a.png", 1)
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=(), sequential=True)
        folder_id = lib.db.execute("SELECT id FROM folders").fetchone()[0]
        file_id = rows(lib)["a.png"]
        os.rename(art / "a.png", art / "a.png.tmp")
        os.rename(art / "a.png.tmp", art / "c.png")
        changes = [
            Change("moved", str(art / "a.png"), str(art / "a.png.tmp"), folder_id),
            Change("moved", str(art / "a.png.tmp"), str(art / "c.png"), folder_id),
        ]
        with transaction(lib.db) as conn:
            replay(conn, changes, lambda _f: True)
        assert rows(lib) == {"c.png": file_id}
        assert lib.db.execute("SELECT status FROM files").fetchone()[0] == "ok"


def test_a_file_moved_away_and_back_keeps_its_row(tmp_path):
    """a -> b -> a within one window: the file is where the row says; nothing is displaced."""
    art = tmp_path / "art"
    art.mkdir()
    picture(art / "a.png", 1)
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=(), sequential=True)
        folder_id = lib.db.execute("SELECT id FROM folders").fetchone()[0]
        file_id = rows(lib)["a.png"]
        os.rename(art / "a.png", art / "b.png")
        os.rename(art / "b.png", art / "a.png")
        changes = [
            Change("moved", str(art / "a.png"), str(art / "b.png"), folder_id),
            Change("moved", str(art / "b.png"), str(art / "a.png"), folder_id),
        ]
        with transaction(lib.db) as conn:
            replay(conn, changes, lambda _f: True)
        assert rows(lib) == {"a.png": file_id}
        assert lib.db.execute("SELECT status FROM files").fetchone()[0] == "ok"
