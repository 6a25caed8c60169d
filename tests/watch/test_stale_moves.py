"""A move event replayed after the writer already indexed what is on disk now must not move the row
(the watcher soak, seed 12, sequence 162: a swap's late events carried a row back onto the other
file, with its user tag). Real files, a real library, the watcher's own replay."""

from __future__ import annotations

import os
import time

from PIL import Image

from acgdesk.db.connection import transaction
from acgdesk.library import Library
from acgdesk.watch.apply import replay
from acgdesk.watch.observe import Change


def picture(path, seed: int) -> None:
    Image.new("RGB", (64, 48), (seed * 40 % 256, 90, 200)).save(path)


def rows(lib) -> dict[str, int]:
    return {os.path.basename(r["path"]): r["id"] for r in lib.db.query("SELECT id, path FROM files")}


def test_a_move_seen_before_the_row_was_written_is_not_replayed(tmp_path):
    art = tmp_path / "art"
    art.mkdir()
    picture(art / "a.png", 1)
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=(), sequential=True)
        folder_id = lib.db.execute("SELECT id FROM folders").fetchone()[0]
        seen = time.time() - 5  # the event was seen before the row's last write (the index above)
        stale = Change("moved", str(art / "a.png"), str(art / "a.png.swap.tmp"), folder_id, at=seen)
        with transaction(lib.db) as conn:
            result = replay(conn, [stale], lambda _f: True)
        assert rows(lib) == {"a.png": rows(lib)["a.png"]}  # the row stays where its file is
        assert lib.db.execute("SELECT status FROM files").fetchone()[0] == "ok"
        assert str(art / "a.png") in result.touched.paths  # still checked against the disk
        # the same event seen now (after the row was written) is replayed as before
        fresh = Change("moved", str(art / "a.png"), str(art / "b.png"), folder_id)
        os.rename(art / "a.png", art / "b.png")
        before = rows(lib)["a.png"]
        with transaction(lib.db) as conn:
            replay(conn, [fresh], lambda _f: True)
        assert rows(lib) == {"b.png": before}


def test_a_chain_replayed_in_one_batch_follows_every_step(tmp_path):
    """Rows this replay itself moved are not held back by the time it wrote them."""
    art = tmp_path / "art"
    art.mkdir()
    picture(art / "a.png", 1)
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art], models=(), sequential=True)
        folder_id = lib.db.execute("SELECT id FROM folders").fetchone()[0]
        file_id = rows(lib)["a.png"]
        os.rename(art / "a.png", art / "a.png.tmp")
        os.rename(art / "a.png.tmp", art / "c.png")
        seen = time.time()
        changes = [
            Change("moved", str(art / "a.png"), str(art / "a.png.tmp"), folder_id, at=seen),
            Change("moved", str(art / "a.png.tmp"), str(art / "c.png"), folder_id, at=seen),
        ]
        with transaction(lib.db) as conn:
            replay(conn, changes, lambda _f: True)
        assert rows(lib) == {"c.png": file_id}
        assert lib.db.execute("SELECT status FROM files").fetchone()[0] == "ok"
