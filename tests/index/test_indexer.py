"""Indexing real folders: what is recorded, what is skipped on re-runs, and how bad input is handled."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import struct
import zlib

import pytest

from acgdesk.library import Library
from acgdesk.pipeline import ingest
from tests.index.conftest import tree_digest


def rows(lib: Library, sql: str, params=()) -> list[tuple]:
    return lib.db.execute(sql, params).fetchall()


def by_name(lib: Library) -> dict[str, dict]:
    return {os.path.basename(r["path"]): r for r in lib.db.query("SELECT * FROM files")}


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib") as library:
        yield library


@pytest.mark.parametrize("sequential", [False, True])
def test_index_records_every_image_with_its_facts(tmp_path, lib, make_art, sequential):
    art = tmp_path / "art"
    make_art(art / "a.jpg", 640, 480, seed=1, quality=90)
    make_art(art / "sub" / "b.png", 300, 500, seed=2, fmt="PNG-RGBA")
    make_art(art / "sub" / "deeper" / "c.webp", 200, 200, seed=3, quality=80)
    (art / "notes.txt").write_text("not an image")
    report = lib.index([art], sequential=sequential)
    assert (report.ok, report.errors, report.discovered) == (3, 0, 3)
    files = by_name(lib)
    assert set(files) == {"a.jpg", "b.png", "c.webp"}
    a, b = files["a.jpg"], files["b.png"]
    assert (a["width"], a["height"], a["format"], a["mode"], a["frames"]) == (640, 480, "JPEG", "RGB", 1)
    assert (b["width"], b["height"], b["format"], b["mode"]) == (300, 500, "PNG", "RGBA")
    for f in files.values():
        assert f["status"] == "ok" and len(f["content_hash"]) == 64
        assert f["size"] == os.path.getsize(f["path"])
        thumb = lib.thumbnail_for(f["content_hash"])
        assert thumb.exists()
    assert rows(lib, "SELECT COUNT(*) FROM image_hashes") == [(3,)]
    folder = lib.folders()[0]
    assert folder.path == str(art) and folder.counts == {"ok": 3} and folder.last_scan_at


def test_rerun_skips_unchanged_and_redoes_changed(tmp_path, lib, make_art):
    art = tmp_path / "art"
    a = make_art(art / "a.jpg", seed=1)
    b = make_art(art / "b.png", seed=2)
    c = make_art(art / "c.png", seed=3)
    lib.index([art])
    before = by_name(lib)
    again = lib.index([art])
    assert (again.processed, again.up_to_date) == (0, 3)

    make_art(a, seed=10)  # new pixels
    os.utime(b, ns=(os.stat(b).st_atime_ns, os.stat(b).st_mtime_ns + 5_000_000_000))  # touched only
    os.remove(c)
    third = lib.index([art])
    assert (third.ok, third.unchanged, third.missing, third.up_to_date) == (1, 1, 1, 0)
    after = by_name(lib)
    assert after["a.jpg"]["content_hash"] != before["a.jpg"]["content_hash"]
    assert after["b.png"]["content_hash"] == before["b.png"]["content_hash"]
    assert after["b.png"]["mtime_ns"] == os.stat(b).st_mtime_ns
    assert after["c.png"]["status"] == "missing"
    assert after["c.png"]["id"] == before["c.png"]["id"]  # soft: the row and its data stay


def test_missing_file_that_comes_back_is_ok_again_with_the_same_row(tmp_path, lib, make_art):
    art = tmp_path / "art"
    a = make_art(art / "a.png", seed=1)
    lib.index([art])
    kept = tmp_path / "kept.png"
    shutil.move(a, kept)
    lib.index([art])
    assert by_name(lib)["a.png"]["status"] == "missing"
    shutil.move(kept, a)
    report = lib.index([art])
    assert report.unchanged == 1  # same bytes: hashed, not decoded again
    assert by_name(lib)["a.png"]["status"] == "ok"


def test_bad_files_are_recorded_with_reasons_and_the_run_goes_on(tmp_path, lib, make_art):
    art = tmp_path / "art"
    good = make_art(art / "good.jpg", 400, 300, seed=1, quality=90)
    data = good.read_bytes()
    (art / "empty.png").write_bytes(b"")
    (art / "truncated.jpg").write_bytes(data[: len(data) // 3])
    (art / "garbage.png").write_bytes(os.urandom(3000))
    (art / "png_named.jpg").write_bytes((make_art(tmp_path / "x.png", seed=4)).read_bytes())
    (art / "no_extension").write_bytes(good.read_bytes())
    (art / "drawing.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')

    # A 100-byte PNG whose header claims 100,000 x 100,000 pixels.
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 99))
        + chunk(b"IEND", b"")
    )
    (art / "bomb.png").write_bytes(bomb)
    digest = tree_digest(art)

    report = lib.index([art])
    files = by_name(lib)
    kinds = {name: (f["status"], f["error_kind"]) for name, f in files.items()}
    assert kinds["good.jpg"] == ("ok", None)
    assert kinds["png_named.jpg"] == ("ok", None) and files["png_named.jpg"]["format"] == "PNG"
    assert kinds["no_extension"] == ("ok", None) and files["no_extension"]["format"] == "JPEG"
    assert kinds["empty.png"] == ("error", "empty")
    assert kinds["truncated.jpg"] == ("error", "truncated")
    assert kinds["garbage.png"] == ("error", "unsupported")
    assert kinds["drawing.svg"] == ("error", "unsupported") and "SVG" in files["drawing.svg"]["error"]
    assert kinds["bomb.png"] == ("error", "too_large") and "10000000000 pixels" in files["bomb.png"]["error"]
    assert all(f["error"] for f in files.values() if f["status"] == "error")
    assert report.errors == 5 and report.ok == 3
    assert report.errors_by_kind == {"empty": 1, "truncated": 1, "unsupported": 2, "too_large": 1}
    assert tree_digest(art) == digest  # originals untouched, bit for bit
    # Known-bad files are not retried when unchanged.
    assert lib.index([art]).processed == 0


def test_symlink_loops_are_reported_once_and_links_are_followed(tmp_path, lib, make_art):
    art = tmp_path / "art"
    make_art(art / "real" / "a.png", seed=1)
    (art / "real" / "loop").symlink_to(art)  # points back to an ancestor
    (art / "self.png").symlink_to(art / "self.png")  # a link to itself
    (art / "dangling.png").symlink_to(art / "gone.png")
    outside = make_art(tmp_path / "elsewhere" / "linked.png", seed=2)
    (art / "linked.png").symlink_to(outside)
    report = lib.index([art])
    files = by_name(lib)
    assert files["a.png"]["status"] == "ok"
    assert files["linked.png"]["status"] == "ok"
    assert files["loop"]["error_kind"] == "symlink_loop"
    assert files["self.png"]["error_kind"] == "symlink_loop"
    assert files["dangling.png"]["error_kind"] == "vanished"
    assert report.ok == 2


def test_non_utf8_file_names_are_stored_readably_and_exactly(tmp_path, lib, make_art):
    art = tmp_path / "art"
    art.mkdir()
    raw_name = b"caf\xe9_\xff.png"  # Latin-1 bytes: not valid UTF-8
    raw_path = os.fsencode(art) + b"/" + raw_name
    make_art(tmp_path / "src.png", seed=5)
    with open(raw_path, "wb") as fh:
        fh.write((tmp_path / "src.png").read_bytes())
    report = lib.index([art])
    assert report.ok == 1
    ((text, raw),) = rows(lib, "SELECT path, path_bytes FROM files")
    assert text.endswith("caf\\xe9_\\xff.png")
    assert raw == raw_path
    assert lib.index([art]).processed == 0  # found again under the same identity
    info = lib.show(1)
    assert info["path_is_exact"] is False and info["status"] == "ok"


def test_file_vanishing_during_indexing_is_recorded_and_others_continue(tmp_path, lib, make_art, monkeypatch):
    art = tmp_path / "art"
    for i in range(5):
        make_art(art / f"{i}.png", seed=i)
    real = ingest._read_and_hash

    def vanish_first(fs_path, limit):
        if fs_path.endswith("2.png"):
            os.remove(fs_path)
        return real(fs_path, limit)

    monkeypatch.setattr(ingest, "_read_and_hash", vanish_first)
    report = lib.index([art])
    files = by_name(lib)
    assert files["2.png"]["error_kind"] == "vanished"
    assert report.errors_by_kind == {"vanished": 1} and report.ok == 4


def test_indexed_file_vanishing_mid_read_keeps_its_row_hash_and_tags(tmp_path, lib, make_art, monkeypatch):
    """A file renamed away while it is re-read (a swap caught half-way) must not lose its content
    hash: that hash is how its row, and the user's tags on it, find the content again."""
    art = tmp_path / "art"
    a = make_art(art / "a.png", seed=1)
    lib.index([art])
    lib.add_tags(str(a), ["mine"])
    before = by_name(lib)["a.png"]
    os.utime(a, ns=(1, 1))  # stat changed: the next run re-reads it
    real = ingest._read_and_hash

    def moved_away_while_read(fs_path, limit):
        os.rename(fs_path, art / "elsewhere.png")
        return real(fs_path, limit)

    monkeypatch.setattr(ingest, "_read_and_hash", moved_away_while_read)
    lib.index([art])
    monkeypatch.undo()
    row = rows(lib, "SELECT status, content_hash, error_kind FROM files WHERE id = ?", (before["id"],))[0]
    assert row == ("missing", before["content_hash"], None)
    lib.index([art])  # found again by its content, under the new name, tags and all
    files = by_name(lib)
    assert files["elsewhere.png"]["id"] == before["id"] and files["elsewhere.png"]["status"] == "ok"
    assert ("mine", "user") in {(t["name"], t["source"]) for t in lib.show(before["id"])["tags"]}


def test_indexed_file_replaced_mid_read_keeps_its_row(tmp_path, lib, make_art, monkeypatch):
    art = tmp_path / "art"
    a = make_art(art / "a.png", seed=1)
    lib.index([art])
    before = by_name(lib)["a.png"]
    os.utime(a, ns=(1, 1))
    real_hash = ingest.hash_bytes

    def replaced_while_read(data):
        make_art(art / "other.png", seed=2)
        os.replace(art / "other.png", a)  # another file takes the name mid-read: the inode changes
        return real_hash(data)

    monkeypatch.setattr(ingest, "hash_bytes", replaced_while_read)
    lib.index([art])
    monkeypatch.undo()
    row = by_name(lib)["a.png"]
    assert (row["id"], row["status"], row["content_hash"], row["error_kind"]) == (
        before["id"],
        "ok",
        before["content_hash"],
        None,
    )  # untouched: the next run sees the new bytes
    lib.index([art])
    assert by_name(lib)["a.png"]["content_hash"] != before["content_hash"]


def test_file_changing_while_read_is_recorded_as_such(tmp_path, lib, make_art, monkeypatch):
    art = tmp_path / "art"
    target = make_art(art / "growing.png", seed=1)
    real_hash = ingest.hash_bytes

    def hash_while_another_program_appends(data):
        with open(target, "ab") as w:  # a downloader still writing as we read
            w.write(b"\x00" * 100)
        return real_hash(data)

    monkeypatch.setattr(ingest, "hash_bytes", hash_while_another_program_appends)
    lib.index([art])
    monkeypatch.undo()
    assert by_name(lib)["growing.png"]["error_kind"] == "changed_while_reading"
    report = lib.index([art])  # transient: retried next time, and now it is stable
    assert report.processed == 1
    assert by_name(lib)["growing.png"]["error_kind"] in (None, "truncated", "corrupt")
    assert target.exists()


def test_library_inside_an_indexed_folder_does_not_index_itself(tmp_path, make_art):
    art = tmp_path / "art"
    make_art(art / "a.png", seed=1)
    with Library.open(art / ".acgdesk-lib-visible") as inside:
        inside.index([art])
        inside.index([art])
        assert [os.path.basename(r[0]) for r in rows(inside, "SELECT path FROM files")] == ["a.png"]
    with Library.open(art / "library") as inside:  # not hidden: excluded by path
        inside.index([art])
        inside.index([art])
        assert [os.path.basename(r[0]) for r in rows(inside, "SELECT path FROM files")] == ["a.png"]


def test_subfolder_index_does_not_mark_the_rest_missing_and_parent_absorbs_children(tmp_path, lib, make_art):
    art = tmp_path / "art"
    make_art(art / "one" / "a.png", seed=1)
    make_art(art / "two" / "b.png", seed=2)
    lib.index([art / "one"])
    lib.index([art / "two"])
    assert len(lib.folders()) == 2
    lib.index([art])  # the parent absorbs both
    folders = lib.folders()
    assert [f.path for f in folders] == [str(art)] and folders[0].counts == {"ok": 2}
    make_art(art / "one" / "c.png", seed=3)
    report = lib.index([art / "one"])  # a sub-folder of a library folder: scanned alone
    assert (report.ok, report.missing) == (1, 0)
    assert {r[0] for r in rows(lib, "SELECT status FROM files")} == {"ok"}


def test_offline_folder_keeps_its_files(tmp_path, lib, make_art):
    drive = tmp_path / "drive"
    make_art(drive / "a.png", seed=1)
    lib.index([drive])
    drive.rename(tmp_path / "unplugged")
    report = lib.index()
    assert report.offline_folders == [str(drive)]
    assert rows(lib, "SELECT status FROM files") == [("ok",)]
    assert lib.folders()[0].state == "offline"
    (tmp_path / "unplugged").rename(drive)
    lib.index()
    assert lib.folders()[0].state == "online"


def test_generation_metadata_is_stored_and_shown(tmp_path, lib, make_art):
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    art = tmp_path / "art"
    art.mkdir()
    info = PngInfo()
    info.add_text(
        "parameters",
        "1girl, cat ears, rain\nNegative prompt: lowres\n"
        "Steps: 28, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 64x64, Model: anything-v5",
    )
    Image.new("RGB", (64, 64), (200, 100, 50)).save(art / "gen.png", pnginfo=info)
    lib.index([art])
    shown = lib.show(str(art / "gen.png"))
    meta = shown["metadata"]
    assert meta["generator"] == "a1111"
    assert meta["prompt"] == "1girl, cat ears, rain"
    assert meta["negative_prompt"] == "lowres"
    assert meta["generation_params"]["seed"] == 42 and meta["generation_params"]["steps"] == 28
    assert json.loads(lib.db.execute("SELECT text_chunks FROM metadata").fetchone()[0])["parameters"]


def test_cancel_keeps_committed_work_and_the_next_run_finishes(tmp_path, lib, make_art):
    from acgdesk.pipeline.engine import CancelToken

    art = tmp_path / "art"
    for i in range(40):
        make_art(art / f"{i:02d}.png", 200, 150, seed=i)
    cancel = CancelToken()
    seen = []

    def progress(p):
        seen.append(p)
        if p.done >= 5:
            cancel.cancel()

    lib.settings = type(lib.settings)(workers=1, commit_every=4)
    first = lib.index([art], progress=progress, cancel=cancel)
    assert first.cancelled and 5 <= first.processed < 40
    stored = rows(lib, "SELECT COUNT(*) FROM files")[0][0]
    assert stored == first.processed  # all finished work committed, nothing half-written
    assert seen[-1].phase == "cancelled"
    second = lib.index([art])
    assert second.up_to_date == stored and second.ok == 40 - stored and not second.cancelled
    conn = sqlite3.connect(lib.db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("new_name", ["a0.png", "sub/z.png"])
def test_content_moved_away_and_replaced_by_new_bytes_keeps_its_row_wherever_it_went(
    tmp_path, lib, make_art, new_name
):
    """A swap with a file the library has not seen yet (a -> tmp, new -> a, tmp -> b) leaves new bytes
    at a's name and a's bytes at another name, both found in one run. The row, and the user's tags,
    follow the bytes whichever path the run reaches first; the new bytes get a row of their own (the
    watcher soak found the tag left on the stranger when the old name came first)."""
    art = tmp_path / "art"
    a = make_art(art / "a.png", seed=1)
    lib.index([art])
    lib.add_tags(str(a), ["mine"])
    before = by_name(lib)["a.png"]
    (art / new_name).parent.mkdir(exist_ok=True)
    os.rename(a, art / new_name)
    new_name = os.path.basename(new_name)
    make_art(art / "a.png", seed=2)  # other bytes under the old name
    lib.index([art], sequential=True)  # in name order: the old name first, the harder case
    files = by_name(lib)
    assert files[new_name]["id"] == before["id"] and files[new_name]["content_hash"] == before["content_hash"]
    assert files["a.png"]["id"] != before["id"] and files["a.png"]["status"] == "ok"
    assert ("mine", "user") in {(t["name"], t["source"]) for t in lib.show(before["id"])["tags"]}
    assert "mine" not in {t["name"] for t in lib.show(files["a.png"]["id"])["tags"]}


def test_a_stranger_vanishing_mid_read_at_a_missing_rows_name_keeps_that_rows_hash(
    tmp_path, lib, make_art, monkeypatch
):
    """The 10,000-operation watcher burst (seed 16, traced): a swap across two folders left a row
    missing at one name; another file, moved onto that name, was moved on again while it was read.
    Its "vanished" error was written onto the missing row, wiping the content hash, so when the row's
    content was found at its new name (by size and mtime, unhashed), the row came back 'ok' with no
    hash, for good. A file that vanished while read says nothing about the row at its name."""
    art, away = tmp_path / "art", tmp_path / "away"
    away.mkdir()
    a = make_art(art / "a.png", seed=1)
    lib.index([art])
    lib.add_tags(str(a), ["mine"])
    before = by_name(lib)["a.png"]
    os.rename(a, away / "a.png")  # the content leaves where the library cannot see it
    lib.index([art])
    assert by_name(lib)["a.png"]["status"] == "missing"
    make_art(art / "a.png", seed=2)  # a stranger takes the name...
    real = ingest._read_and_hash

    def moved_on_while_read(fs_path, limit):
        os.rename(fs_path, away / "stranger.png")  # ...and is moved on while it is read
        return real(fs_path, limit)

    monkeypatch.setattr(ingest, "_read_and_hash", moved_on_while_read)
    lib.index([art])
    monkeypatch.undo()
    row = rows(lib, "SELECT status, content_hash FROM files WHERE id = ?", (before["id"],))[0]
    assert row == ("missing", before["content_hash"])
    os.rename(away / "a.png", art / "b.png")  # the content comes back under another name
    lib.index([art])
    files = by_name(lib)
    assert files["b.png"]["id"] == before["id"] and files["b.png"]["content_hash"] == before["content_hash"]
    assert ("mine", "user") in {(t["name"], t["source"]) for t in lib.show(before["id"])["tags"]}
