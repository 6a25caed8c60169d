"""A running watcher over real folders: bursts, partial writes, renames, moves, deletes, edits.

Every change is made with ordinary file operations and reaches the watcher as real watchdog
events; each test ends by checking that the database equals the file system and that user tags
(and a stored embedding and rating) stayed on the same row through every move.
"""

from __future__ import annotations

import os
import shutil
import threading
import time

import numpy as np

from acgdesk.db.connection import transaction
from acgdesk.db.predictions import store_embedding
from tests.watch.conftest import (
    disk_images,
    image_bytes,
    in_sync,
    ok_paths,
    rows,
    user_tags,
    wait_for,
    write_image,
)


def test_bursts_with_partial_writes_and_part_files_are_indexed_in_few_commits(tmp_path, lib, watch):
    art = tmp_path / "art"
    art.mkdir()
    lib.add_folders([art])
    w, events = watch()
    assert w.sync(10)
    payloads = [image_bytes(i, size=(64 + i % 7, 48)) for i in range(300)]

    def slow_writer(i: int) -> None:  # a downloader writing in chunks with pauses, then closing
        data = payloads[i]
        with open(art / "slow" / f"s{i}.png", "wb") as fh:
            for k in range(3):
                fh.write(data[k * len(data) // 3 : (k + 1) * len(data) // 3])
                fh.flush()
                time.sleep(0.3)

    (art / "slow").mkdir()
    writers = [threading.Thread(target=slow_writer, args=(i,)) for i in range(280, 290)]
    for t in writers:
        t.start()
    for burst in range(3):  # three bursts of ~90 files written at once
        for i in range(burst * 90, burst * 90 + 90):
            (art / f"b{burst}" / f"{i}.png").parent.mkdir(exist_ok=True)
            (art / f"b{burst}" / f"{i}.png").write_bytes(payloads[i])
    for i in range(270, 280):  # browser style: write x.png.part, rename to x.png at the end
        part = art / "dl" / f"d{i}.png.part"
        part.parent.mkdir(exist_ok=True)
        part.write_bytes(payloads[i][:200])
        with open(part, "ab") as fh:
            fh.write(payloads[i][200:])
        os.replace(part, art / "dl" / f"d{i}.png")
    for t in writers:
        t.join()
    for i in range(290, 300):
        write_image(art / "late" / f"{i}.webp", i, fmt="WEBP")
    wait_for(lambda: len(ok_paths(lib)) == 300, 60, "300 indexed files")
    assert w.sync(20)
    assert in_sync(lib, art)
    assert not any(p.endswith(".part") for p in rows(lib))
    errors = lib.db.execute("SELECT path, error_kind FROM files WHERE status != 'ok'").fetchall()
    assert errors == []  # no half-written file was ever recorded as truncated
    assert w.stats.files_indexed == 300  # each file indexed once: settled before, not after
    assert w.stats.commits <= 30, w.stats  # coalesced: not one transaction per file
    assert w.stats.batches <= 30
    assert any(e.kind == "indexed" and e.count > 20 for e in events)


def test_rename_move_between_folders_and_folder_moves_keep_tags_rating_and_embedding(tmp_path, lib, watch):
    a, b = tmp_path / "a", tmp_path / "b"
    write_image(a / "one.png", 1)
    write_image(a / "two.png", 2)
    write_image(a / "set" / "three.png", 3)
    write_image(a / "set" / "deep" / "four.png", 4)
    write_image(b / "other.png", 5)
    lib.index([a, b])
    ids = {name: rows(lib)[str(p)][0] for name, p in _named(a).items()}
    for name, file_id in ids.items():
        lib.add_tags(file_id, [f"tag_{name}", "explicit"])  # "explicit" is the user's rating
    with transaction(lib.db) as conn:
        store_embedding(conn, ids["three"], "resnet18-anime@1", np.arange(4, dtype=np.float32))
    w, events = watch()
    assert w.sync(10)

    os.rename(a / "one.png", a / "uno.png")  # rename in place
    shutil.move(a / "two.png", b / "two.png")  # to another library folder: delete + create
    os.rename(a / "set", a / "collection")  # folder rename: one transaction for all its files
    wait_for(lambda: in_sync(lib, a, b), what="renames applied")
    shutil.move(a / "collection", b / "collection")  # a whole folder to another library folder
    wait_for(lambda: in_sync(lib, a, b), what="folder moved between library folders")
    assert w.sync(10)

    now = rows(lib)
    expected = {
        "one": b / "../a/uno.png",
        "two": b / "two.png",
        "three": b / "collection" / "three.png",
        "four": b / "collection" / "deep" / "four.png",
    }
    for name, path in expected.items():
        file_id, status = now[os.path.normpath(path)]
        assert (file_id, status) == (ids[name], "ok"), name  # the same row: nothing re-created
        assert user_tags(lib, file_id) == {f"tag_{name}", "explicit"}
        assert lib.show(file_id)["rating"]["rating"] == "explicit"
    assert len(now) == 5  # no duplicates, nothing left behind as missing
    vec = lib.db.execute("SELECT vector FROM embeddings WHERE file_id = ?", (ids["three"],)).fetchone()[0]
    assert np.frombuffer(vec, np.float32).tolist() == [0, 1, 2, 3]
    assert any(e.kind == "moved" and "folder moved" in e.message for e in events)
    assert w.stats.files_indexed == 0 or w.stats.restored >= 1  # moves never re-ran the models


def test_delete_and_restore_within_retention_and_edit_in_place(tmp_path, lib, watch):
    art = tmp_path / "art"
    keep = write_image(art / "keep.png", 7)
    gone = write_image(art / "gone.png", 8)
    lib.index([art])
    keep_id, gone_id = rows(lib)[str(keep)][0], rows(lib)[str(gone)][0]
    lib.add_tags(gone_id, ["favourite"])
    lib.add_tags(keep_id, ["sketch"])
    w, _events = watch()
    assert w.sync(10)

    data = gone.read_bytes()
    gone.unlink()
    wait_for(lambda: rows(lib)[str(gone)][1] == "missing", what="soft delete")
    missing_since = lib.db.execute("SELECT missing_since FROM files WHERE id = ?", (gone_id,)).fetchone()[0]
    assert missing_since and user_tags(lib, gone_id) == {"favourite"}  # kept, with the time it went

    back = art / "restored" / "came_back.png"
    back.parent.mkdir()
    back.write_bytes(data)  # the same content reappears elsewhere
    wait_for(lambda: rows(lib).get(str(back)) == (gone_id, "ok"), what="restore onto the old row")
    assert user_tags(lib, gone_id) == {"favourite"}
    assert lib.db.execute("SELECT missing_since FROM files WHERE id = ?", (gone_id,)).fetchone()[0] is None

    old_hash = lib.db.execute("SELECT content_hash FROM files WHERE id = ?", (keep_id,)).fetchone()[0]
    write_image(keep, 99, size=(200, 150))  # edited in place: new pixels, same file
    wait_for(
        lambda: lib.db.execute("SELECT width FROM files WHERE id = ?", (keep_id,)).fetchone()[0] == 200,
        what="edit picked up",
    )
    new_hash = lib.db.execute("SELECT content_hash FROM files WHERE id = ?", (keep_id,)).fetchone()[0]
    assert new_hash != old_hash and user_tags(lib, keep_id) == {"sketch"}
    assert w.sync(10) and in_sync(lib, art)
    assert len(rows(lib)) == 2


def test_overwriting_move_keeps_the_moved_files_tags_and_the_old_row_stays_restorable(tmp_path, lib, watch):
    art = tmp_path / "art"
    src = write_image(art / "new_version.png", 11)
    dest = write_image(art / "wallpaper.png", 12)
    lib.index([art])
    src_id, dest_id = rows(lib)[str(src)][0], rows(lib)[str(dest)][0]
    lib.add_tags(src_id, ["moved_in"])
    lib.add_tags(dest_id, ["old_wallpaper"])
    old_bytes = dest.read_bytes()
    w, _ = watch()
    assert w.sync(10)
    os.replace(src, dest)  # `mv new_version.png wallpaper.png`
    wait_for(lambda: rows(lib).get(str(dest), (None,))[0] == src_id, what="moved row takes the path")
    assert user_tags(lib, src_id) == {"moved_in"}
    displaced = lib.db.execute("SELECT status FROM files WHERE id = ?", (dest_id,)).fetchone()[0]
    assert displaced == "missing"  # not erased: its content may come back
    (art / "old.png").write_bytes(old_bytes)
    wait_for(lambda: rows(lib).get(str(art / "old.png")) == (dest_id, "ok"), what="displaced row restored")
    assert user_tags(lib, dest_id) == {"old_wallpaper"}
    assert w.sync(10) and in_sync(lib, art)


def test_copy_then_delete_across_folders_is_a_move(tmp_path, lib, watch):
    """File managers move across drives by copying, then deleting: the original row must win."""
    a, b = tmp_path / "a", tmp_path / "b"
    orig = write_image(a / "piece.png", 21)
    b.mkdir()
    lib.index([a, b])
    orig_id = rows(lib)[str(orig)][0]
    lib.add_tags(orig_id, ["commission"])
    w, _ = watch()
    assert w.sync(10)
    shutil.copy2(orig, b / "piece.png")
    wait_for(lambda: str(b / "piece.png") in ok_paths(lib), what="copy indexed as its own row")
    orig.unlink()
    wait_for(
        lambda: rows(lib).get(str(b / "piece.png"), (None,))[0] == orig_id, what="original row took over"
    )
    assert user_tags(lib, orig_id) == {"commission"}
    assert w.sync(10) and in_sync(lib, a, b) and len(rows(lib)) == 1


def test_polling_fallback_when_the_inotify_limit_is_too_low(tmp_path, lib, watch):
    from dataclasses import replace

    from tests.watch.conftest import FAST

    art = tmp_path / "art"
    for i in range(8):
        write_image(art / f"d{i}" / f"{i}.png", 30 + i)
    lib.index([art])
    tagged = rows(lib)[str(art / "d0" / "0.png")][0]
    lib.add_tags(tagged, ["polled"])
    w, events = watch(config=replace(FAST, inotify_limit=1030, reserve_watches=1024))
    (folder,) = w.status()
    assert folder.mode == "polling"
    assert "sudo sysctl fs.inotify.max_user_watches=" in folder.reason
    status = lib.status()["folders"][0]["watch"]
    wait_for(lambda: (lib.status()["folders"][0]["watch"] or {}).get("mode") == "polling", what="mode saved")
    assert status is None or status["mode"] == "polling"
    assert any(e.kind == "mode" and "max_user_watches" in e.message for e in events)
    write_image(art / "d3" / "new.png", 50)
    os.rename(art / "d0" / "0.png", art / "d1" / "moved.png")
    wait_for(lambda: in_sync(lib, art), what="polled changes")
    assert rows(lib)[str(art / "d1" / "moved.png")][0] == tagged
    assert user_tags(lib, tagged) == {"polled"}
    w.stop()
    assert lib.status()["folders"][0]["watch"] is None  # a stopped watcher leaves no stale mode


def _named(root) -> dict[str, object]:
    return {os.path.splitext(os.path.basename(p))[0]: p for p in disk_images(root)}
