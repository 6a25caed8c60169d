"""Changes nobody saw: made while acgdesk was closed, while a drive was away, or lost in an overflow.

All of them go through the same reconciliation (a size+mtime scan, hash on doubt); moves found
that way keep their rows exactly like moves seen live.
"""

from __future__ import annotations

import logging
import os
import shutil

from acgdesk.watch import WatchMode
from tests.watch.conftest import in_sync, rows, user_tags, wait_for, write_image


def _tagged_library(lib, root):
    files = {
        "a": write_image(root / "a.png", 1),
        "b": write_image(root / "sub" / "b.png", 2),
        "c": write_image(root / "sub" / "c.png", 3),
        "d": write_image(root / "d.png", 4),
    }
    lib.index([root])
    ids = {k: rows(lib)[str(p)][0] for k, p in files.items()}
    for k, i in ids.items():
        lib.add_tags(i, [f"user_{k}"])
    return files, ids


def test_acgdesk_index_keeps_user_tags_of_files_moved_while_it_was_closed(tmp_path, lib):
    art, other = tmp_path / "art", tmp_path / "other"
    files, ids = _tagged_library(lib, art)
    write_image(other / "x.png", 9)
    lib.index([other])
    os.rename(files["a"], art / "renamed.png")
    os.rename(art / "sub", art / "moved_sub")
    shutil.move(files["d"], other / "d.png")  # into another library folder
    report = lib.index()
    assert report.restored == 4 and report.missing == 0
    assert report.ok == 0  # only hashed, never decoded again: the rows moved
    now = rows(lib)
    for key, path in {
        "a": art / "renamed.png",
        "b": art / "moved_sub" / "b.png",
        "c": art / "moved_sub" / "c.png",
        "d": other / "d.png",
    }.items():
        assert now[str(path)] == (ids[key], "ok")
        assert user_tags(lib, ids[key]) == {f"user_{key}"}
    assert len(now) == 5 and in_sync(lib, art, other)


def test_acgdesk_index_restores_a_deleted_file_that_comes_back_and_a_copy_is_a_new_row(tmp_path, lib):
    art = tmp_path / "art"
    files, ids = _tagged_library(lib, art)
    data = files["b"].read_bytes()
    files["b"].unlink()
    assert lib.index().missing == 1
    (art / "copy_of_c.png").write_bytes(files["c"].read_bytes())  # c is still there: a copy
    (art / "b_again.png").write_bytes(data)
    report = lib.index()
    assert report.restored == 1
    now = rows(lib)
    assert now[str(art / "b_again.png")] == (ids["b"], "ok")
    assert user_tags(lib, ids["b"]) == {"user_b"}
    copy_id = now[str(art / "copy_of_c.png")][0]
    assert copy_id not in ids.values() and user_tags(lib, copy_id) == set()
    assert now[str(files["c"])] == (ids["c"], "ok")


def test_restarted_watcher_reconciles_what_changed_while_it_was_stopped(tmp_path, lib, watch):
    art = tmp_path / "art"
    files, ids = _tagged_library(lib, art)
    w, _ = watch()
    assert w.sync(10)
    w.stop()
    # While stopped: a move, a folder rename, a delete, a new file.
    os.rename(files["a"], art / "a_moved.png")
    os.rename(art / "sub", art / "sub_renamed")
    files["d"].unlink()
    write_image(art / "new.png", 40)
    w2, events = watch()
    wait_for(lambda: in_sync(lib, art), what="reconciled after restart")
    assert w2.sync(10)
    now = rows(lib)
    assert now[str(art / "a_moved.png")] == (ids["a"], "ok")
    assert now[str(art / "sub_renamed" / "b.png")] == (ids["b"], "ok")
    assert now[str(files["d"])] == (ids["d"], "missing")
    assert all(user_tags(lib, i) == {f"user_{k}"} for k, i in ids.items())
    assert any(e.kind == "reconciled" and e.details["why"] == "start" for e in events)


def test_overflow_reported_by_watchdog_triggers_the_same_reconciliation(tmp_path, lib, watch):
    art = tmp_path / "art"
    write_image(art / "known.png", 1)
    lib.index([art])
    w, _ = watch()
    assert w.sync(10)
    w.stop()
    write_image(art / "missed.png", 2)  # a change whose event is lost
    w2, events = watch()
    assert w2.sync(10)  # its start reconciliation saw it; now lose another one for real:
    for folder in w2.folders.values():  # stop delivering events, as a kernel queue overflow would
        w2._unwatch(folder)
    write_image(art / "lost_in_overflow.png", 3)
    assert w2.sync(5) and str(art / "lost_in_overflow.png") not in rows(lib)
    logging.getLogger("watchdog.observers.inotify_c").warning(
        "Inotify queue overflowed; filesystem events were lost"
    )
    wait_for(lambda: in_sync(lib, art), what="reconciliation after the overflow")
    assert any(e.kind == "overflow" for e in events)
    assert [e.details["why"] for e in events if e.kind == "reconciled"] == ["start", "overflow"]


def test_a_folder_that_goes_offline_keeps_its_files_and_is_reconciled_when_back(tmp_path, lib, watch):
    drive = tmp_path / "drive"
    art = drive / "art"
    files, ids = _tagged_library(lib, art)
    w, events = watch()
    assert w.sync(10)
    away = tmp_path / "unplugged"
    os.rename(drive, away)  # the drive goes away (its mount point disappears)
    wait_for(lambda: w.status()[0].mode == WatchMode.OFFLINE, what="offline noticed")
    wait_for(lambda: lib.status()["folders"][0]["watch"]["mode"] == "offline", what="offline in status")
    assert lib.status()["folders"][0]["state"] == "offline"
    assert all(status == "ok" for _i, status in rows(lib).values())  # nothing marked missing
    # Changed elsewhere while away:
    (away / "art" / "d.png").unlink()
    write_image(away / "art" / "while_away.png", 50)
    os.rename(away / "art" / "a.png", away / "art" / "sub" / "a.png")
    os.rename(away, drive)  # plugged back in
    wait_for(lambda: w.status()[0].mode == WatchMode.NATIVE, what="back online")
    wait_for(lambda: in_sync(lib, art), what="reconciled when back")
    now = rows(lib)
    assert now[str(art / "sub" / "a.png")] == (ids["a"], "ok")
    assert now[str(files["d"])] == (ids["d"], "missing")
    assert user_tags(lib, ids["a"]) == {"user_a"}
    kinds = [e.kind for e in events]
    assert "offline" in kinds and "online" in kinds
    assert any(e.kind == "reconciled" and e.details["why"] == "back online" for e in events)


def test_a_folder_missing_at_start_is_offline_until_it_appears(tmp_path, lib, watch):
    art = tmp_path / "art"
    _files, _ids = _tagged_library(lib, art)
    parked = tmp_path / "parked"
    os.rename(art, parked)
    w, _events = watch()
    assert w.status()[0].mode == WatchMode.OFFLINE
    assert w.sync(5)
    assert all(status == "ok" for _i, status in rows(lib).values())
    os.rename(parked, art)
    wait_for(lambda: w.status()[0].mode == WatchMode.NATIVE, what="folder appeared")
    write_image(art / "fresh.png", 60)
    wait_for(lambda: in_sync(lib, art), what="watched after it appeared")
