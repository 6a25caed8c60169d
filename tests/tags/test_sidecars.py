"""Exporting captions / XMP sidecars from a real library, and importing sidecars as user tags."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from acgdesk.db import files as files_db
from acgdesk.db.connection import transaction
from acgdesk.db.predictions import TagIds, effective_tags, replace_model_tags
from acgdesk.tags.captions import CaptionOptions
from acgdesk.tags.sidecars import export_sidecars, import_sidecars, sidecar_candidates, sidecar_name
from acgdesk.tags.xmp import read_xmp_subjects
from tests.tags import MIKU_CAPTION, MODEL, RIN_CAPTION, all_files, build_library, file_rows, snapshot
from tests.tags.test_xmp import DARKTABLE, DIGIKAM, LIGHTROOM

MIKU_NAMES = [
    "hatsune_miku",
    "hatsune_miku_(append)",
    "aqua_hair",
    "1girl",
    "white_background",
    "simple_background",
    "star_(symbol)",
    "^_^",
]


@pytest.fixture
def env(tmp_path):
    lib, art, rows = build_library(tmp_path)
    yield lib, art, rows
    lib.close()


def export(lib, rows, out, **kw):
    kw.setdefault("fmt", "txt")
    kw.setdefault("options", CaptionOptions())
    return export_sidecars(lib.db, list(rows.values()), out, **kw)


def user_tags(lib, file_id: int, *, rejections: bool = False) -> dict[str, float]:
    """The file's rows with source 'user': name -> probability (1 a user tag, 0 a rejection)."""
    rows = lib.db.execute(
        "SELECT t.name, ft.probability FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
        "WHERE ft.file_id = ? AND ft.source = 'user'",
        (file_id,),
    ).fetchall()
    return {name: p for name, p in rows if rejections or p > 0}


def images_only(snap: dict) -> dict:
    return {k: v for k, v in snap.items() if not k.endswith((".txt", ".xmp"))}


# -- naming ----------------------------------------------------------------------------------------


def test_sidecar_names_follow_kohya_and_darktable_conventions():
    assert sidecar_name("image.png", "txt") == "image.txt"
    assert sidecar_name("image.tar.png", "txt") == "image.tar.txt"
    assert sidecar_name("image.png", "xmp") == "image.png.xmp"
    assert sidecar_candidates("/a/image.png") == ["/a/image.txt", "/a/image.png.xmp", "/a/image.xmp"]
    assert sidecar_candidates("/a/image", "xmp") == ["/a/image.xmp"]
    with pytest.raises(ValueError):
        sidecar_name("image.png", "json")


# -- export ----------------------------------------------------------------------------------------


def test_export_txt_mirrors_library_folders_under_the_output(env, tmp_path):
    lib, art, rows = env
    before = snapshot(art)
    out = tmp_path / "train"
    roots = {f.id: f.path for f in lib.folders()}
    report = export(lib, rows, out, folder_roots=roots)
    assert all_files(out) == ["miku.txt", "sub/rin.txt"]
    assert (out / "miku.txt").read_bytes() == (MIKU_CAPTION + "\n").encode()
    assert (out / "sub" / "rin.txt").read_text(encoding="utf-8") == RIN_CAPTION + "\n"
    assert report.written == [str(out / "miku.txt"), str(out / "sub" / "rin.txt")]
    assert report.skipped_no_tags == [rows["plain.webp"]["path"]]
    assert report.skipped_existing == report.refused == report.errors == []
    assert snapshot(art) == before  # the library folder is not touched at all


def test_export_reads_folder_roots_from_the_database_when_not_given(env, tmp_path):
    lib, _art, rows = env
    report = export(lib, rows, tmp_path / "train")
    assert all_files(tmp_path / "train") == ["miku.txt", "sub/rin.txt"]
    assert report.errors == []


def test_existing_file_is_untouched_without_overwrite_and_replaced_with_it(env, tmp_path):
    lib, _art, rows = env
    out = tmp_path / "train"
    out.mkdir()
    existing = out / "miku.txt"
    existing.write_bytes(b"hand-written caption\n")
    os.utime(existing, ns=(1_000_000_000, 1_000_000_000))
    report = export(lib, rows, out)
    assert report.skipped_existing == [str(existing)]
    assert report.written == [str(out / "sub" / "rin.txt")]
    assert existing.read_bytes() == b"hand-written caption\n"
    assert existing.stat().st_mtime_ns == 1_000_000_000

    report = export(lib, rows, out, overwrite=True)
    assert report.written == [str(existing), str(out / "sub" / "rin.txt")]
    assert existing.read_bytes() == (MIKU_CAPTION + "\n").encode()
    assert all_files(out) == ["miku.txt", "sub/rin.txt"]  # no temporary leftovers


def test_symlinked_subfolder_pointing_outside_is_refused(env, tmp_path):
    lib, _art, rows = env
    out, outside = tmp_path / "train", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "sub").symlink_to(outside, target_is_directory=True)
    report = export(lib, rows, out, overwrite=True)
    assert list(outside.iterdir()) == []
    assert report.written == [str(out / "miku.txt")]
    assert [r["path"] for r in report.refused] == [rows["rin.jpg"]["path"]]
    assert "outside" in report.refused[0]["reason"]
    assert report.refused[0]["target"] == str(out / "sub" / "rin.txt")


def test_symlink_where_the_sidecar_would_go_is_refused_even_with_overwrite(env, tmp_path):
    lib, _art, rows = env
    out, outside = tmp_path / "train", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    victim = outside / "victim.txt"
    victim.write_bytes(b"precious")
    (out / "miku.txt").symlink_to(victim)
    report = export(lib, rows, out, overwrite=True)
    assert victim.read_bytes() == b"precious"
    assert (out / "miku.txt").is_symlink()
    assert [(r["path"], r["reason"]) for r in report.refused] == [
        (rows["miku.png"]["path"], "a symbolic link is in its place")
    ]
    assert report.written == [str(out / "sub" / "rin.txt")]


def test_dotdot_paths_and_foreign_roots_are_refused(env, tmp_path):
    lib, art, rows = env
    out = tmp_path / "train"
    escaping = [
        dict(rows["miku.png"], path=str(art) + "/../escape.png"),
        dict(rows["miku.png"], path=str(art) + "/sub/../../escape2.png"),
    ]
    report = export_sidecars(lib.db, escaping, out, fmt="txt", options=CaptionOptions())
    assert len(report.refused) == 2
    assert all("not inside its library folder" in r["reason"] for r in report.refused)
    assert report.written == []
    assert not (tmp_path / "escape.txt").exists() and not (tmp_path / "escape2.txt").exists()
    # A root that does not hold the file (wrong folder id mapping) is refused the same way.
    report = export_sidecars(
        lib.db, [rows["miku.png"]], out, fmt="txt", folder_roots={rows["miku.png"]["folder_id"]: str(out)}
    )
    assert len(report.refused) == 1 and report.written == []


def test_beside_images_txt_and_xmp(env):
    lib, art, rows = env
    before = snapshot(art)
    report = export(lib, rows, None, beside_images=True)
    assert report.written == [str(art / "miku.txt"), str(art / "sub" / "rin.txt")]
    assert (art / "miku.txt").read_text(encoding="utf-8") == MIKU_CAPTION + "\n"

    danbooru = CaptionOptions(underscores_to_spaces=False, prepend=["trigger"])
    report = export(lib, rows, None, beside_images=True, fmt="xmp", options=danbooru)
    assert report.written == [str(art / "miku.png.xmp"), str(art / "sub" / "rin.jpg.xmp")]
    # Same selection as the caption; no trigger words, no escaping, Danbooru underscores kept.
    assert read_xmp_subjects((art / "miku.png.xmp").read_bytes()) == MIKU_NAMES
    assert read_xmp_subjects((art / "sub" / "rin.jpg.xmp").read_bytes()) == [
        "kagamine_rin",
        "1girl",
        "short_hair",
    ]
    assert images_only(snapshot(art)) == images_only(before)  # originals byte-identical, same mtime
    assert sorted(all_files(art)) == sorted(
        [
            "miku.png",
            "miku.txt",
            "miku.png.xmp",
            "plain.webp",
            "sub/rin.jpg",
            "sub/rin.txt",
            "sub/rin.jpg.xmp",
        ]
    )


def test_xmp_spaces_follow_the_option(env):
    lib, art, rows = env
    export(lib, {"m": rows["miku.png"]}, None, beside_images=True, fmt="xmp")
    subjects = read_xmp_subjects((art / "miku.png.xmp").read_bytes())
    assert subjects[:3] == ["hatsune miku", "hatsune miku (append)", "aqua hair"]


def test_existing_xmp_is_kept_without_overwrite_and_merged_with_it(env):
    lib, art, rows = env
    sidecar = art / "miku.png.xmp"
    sidecar.write_bytes(DARKTABLE)
    options = CaptionOptions(underscores_to_spaces=False)
    report = export(lib, {"m": rows["miku.png"]}, None, beside_images=True, fmt="xmp", options=options)
    assert report.skipped_existing == [str(sidecar)] and sidecar.read_bytes() == DARKTABLE

    report = export(
        lib, {"m": rows["miku.png"]}, None, beside_images=True, fmt="xmp", options=options, overwrite=True
    )
    assert report.written == [str(sidecar)]
    merged = sidecar.read_bytes()
    assert read_xmp_subjects(merged) == MIKU_NAMES
    assert b'dt:operation="exposure"' in merged and b'xmp:Rating="4"' in merged


def test_unreadable_existing_xmp_is_left_alone_even_with_overwrite(env):
    lib, art, rows = env
    sidecar = art / "miku.png.xmp"
    sidecar.write_bytes(b"<not xmp")
    report = export(lib, {"m": rows["miku.png"]}, None, beside_images=True, fmt="xmp", overwrite=True)
    assert sidecar.read_bytes() == b"<not xmp"
    assert report.written == [] and len(report.errors) == 1
    assert "left as it is" in report.errors[0]["error"]


def test_two_images_sharing_a_caption_name_are_reported(tmp_path):
    lib, art, _rows = build_library(tmp_path)
    with lib:
        Image.new("RGB", (20, 20), (1, 2, 3)).save(art / "dup.png")
        Image.new("RGB", (20, 20), (9, 8, 7)).save(art / "dup.jpg")
        lib.index([art], sequential=True)
        rows = file_rows(lib)
        with transaction(lib.db) as conn:
            for name in ("dup.jpg", "dup.png"):
                replace_model_tags(conn, TagIds(), rows[name]["id"], MODEL, [("solo", "general", 0.9)])
        pair = {k: rows[k] for k in ("dup.jpg", "dup.png")}
        report = export(lib, pair, None, beside_images=True, overwrite=True)
        assert report.written == [str(art / "dup.txt")]
        assert [e["path"] for e in report.errors] == [rows["dup.png"]["path"]]
        assert "already uses" in report.errors[0]["error"]


def test_a_library_image_is_never_a_target(env):
    lib, art, rows = env
    # An image whose name is what miku.png's caption would be called (the content decides what is
    # an image, so the library could hold one).
    fake = art / "miku.txt"
    Image.new("RGB", (8, 8)).save(fake, "PNG")
    original = fake.read_bytes()
    with transaction(lib.db) as conn:
        files_db.upsert_file(conn, str(fake), {"folder_id": rows["miku.png"]["folder_id"], "status": "ok"})
    report = export(lib, {"m": rows["miku.png"]}, None, beside_images=True, overwrite=True)
    assert fake.read_bytes() == original
    assert [r["reason"] for r in report.refused] == ["a library image is in its place"]


def test_a_failed_write_leaves_neither_a_partial_file_nor_a_temporary_one(env, tmp_path, monkeypatch):
    lib, _art, rows = env
    out = tmp_path / "train"
    out.mkdir()
    (out / "miku.txt").write_bytes(b"old")

    def broken_fsync(fd):
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    report = export(lib, rows, out, overwrite=True)
    monkeypatch.undo()
    assert [e["path"] for e in report.errors] == [rows["miku.png"]["path"], rows["rin.jpg"]["path"]]
    assert report.written == []
    assert all_files(out) == ["miku.txt"]
    assert (out / "miku.txt").read_bytes() == b"old"


def test_no_clobber_without_hard_links(env, tmp_path, monkeypatch):
    """On file systems without hard links (FAT, some shares) the existence check still protects."""
    lib, _art, rows = env
    out = tmp_path / "train"
    out.mkdir()
    (out / "miku.txt").write_bytes(b"mine")

    def no_links(src, dst, **kw):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    report = export(lib, rows, out)
    assert (out / "miku.txt").read_bytes() == b"mine"
    assert report.skipped_existing == [str(out / "miku.txt")]
    assert report.written == [str(out / "sub" / "rin.txt")]
    assert all_files(out) == ["miku.txt", "sub/rin.txt"]


def test_non_utf8_file_names_keep_their_bytes(env, tmp_path):
    lib, art, _rows = env
    raw = os.fsencode(art) + b"/caf\xe9.png"
    try:
        Image.new("RGB", (10, 10), (5, 5, 5)).save(os.fsdecode(raw), "PNG")
    except OSError:
        pytest.skip("this file system refuses non-UTF-8 names")
    lib.index([art], sequential=True)
    rows = file_rows(lib)
    row = rows[os.fsdecode(b"caf\xe9.png")]
    assert row["path_bytes"] == raw
    with transaction(lib.db) as conn:
        replace_model_tags(conn, TagIds(), row["id"], MODEL, [("solo", "general", 0.9)])
    out = tmp_path / "train"
    report = export(lib, {"x": row}, out)
    assert os.listdir(os.fsencode(out)) == [b"caf\xe9.txt"]
    assert report.written == [str(out) + "/caf\\xe9.txt"]
    with open(os.fsencode(out) + b"/caf\xe9.txt", "rb") as fh:
        assert fh.read() == b"solo\n"


def test_export_argument_checks(env, tmp_path):
    lib, _art, rows = env
    with pytest.raises(ValueError):
        export(lib, rows, tmp_path / "o", beside_images=True)
    with pytest.raises(ValueError):
        export(lib, rows, None)
    with pytest.raises(ValueError):
        export(lib, rows, tmp_path / "o", fmt="json")


# -- import ----------------------------------------------------------------------------------------


def test_import_txt_adds_user_tags_that_show_in_effective_tags(env):
    lib, art, rows = env
    (art / "plain.txt").write_text("blue sky, cloud \\(weather\\), Blue Sky\n", encoding="utf-8")
    report = import_sidecars(lib.db, list(rows.values()), fmt="auto")
    assert (report.files_tagged, report.tags_added, report.missing_sidecar, report.errors) == (1, 2, 2, [])
    plain = rows["plain.webp"]["id"]
    assert user_tags(lib, plain) == {"blue_sky": 1.0, "cloud_(weather)": 1.0}
    seen = effective_tags(lib.db.conn, plain, CaptionOptions().db_thresholds())
    assert [(t["name"], t["sources"], t["probability"]) for t in seen] == [
        ("blue_sky", ["user"], 1.0),
        ("cloud_(weather)", ["user"], 1.0),
    ]
    again = import_sidecars(lib.db, list(rows.values()))
    assert (again.files_tagged, again.tags_added) == (1, 0)


def test_exported_captions_import_back_as_the_same_tags(env):
    lib, _art, rows = env
    export(lib, rows, None, beside_images=True)
    report = import_sidecars(lib.db, list(rows.values()), fmt="txt")
    assert report.errors == [] and report.files_tagged == 2
    assert set(user_tags(lib, rows["miku.png"]["id"])) == set(MIKU_NAMES)
    assert report.tags_added == len(MIKU_NAMES) - 1 + 3  # aqua_hair was a user tag already


def test_import_xmp_from_digikam_and_lightroom(env):
    lib, art, rows = env
    (art / "miku.png.xmp").write_bytes(DIGIKAM)
    (art / "sub" / "rin.xmp").write_bytes(LIGHTROOM)  # <stem>.xmp, as Lightroom names it
    report = import_sidecars(lib.db, list(rows.values()), fmt="xmp")
    assert report.errors == [] and report.files_tagged == 2 and report.missing_sidecar == 1
    assert set(user_tags(lib, rows["miku.png"]["id"])) == {"aqua_hair", "hatsune_miku", "東京", "favourite"}
    assert user_tags(lib, rows["rin.jpg"]["id"]) == {"kagamine_rin": 1.0, "cel_shading": 1.0}


def test_format_limits_which_sidecars_are_read(env):
    lib, art, rows = env
    (art / "plain.txt").write_text("from_caption", encoding="utf-8")
    (art / "plain.webp.xmp").write_bytes(LIGHTROOM)
    import_sidecars(lib.db, [rows["plain.webp"]], fmt="txt")
    assert set(user_tags(lib, rows["plain.webp"]["id"])) == {"from_caption"}
    import_sidecars(lib.db, [rows["plain.webp"]], fmt="xmp")
    assert set(user_tags(lib, rows["plain.webp"]["id"])) == {"from_caption", "kagamine_rin", "cel_shading"}
    with pytest.raises(ValueError):
        import_sidecars(lib.db, [rows["plain.webp"]], fmt="json")


def test_malformed_sidecar_is_an_error_and_the_rest_is_imported(env):
    lib, art, rows = env
    (art / "miku.png.xmp").write_bytes(b"<x:xmpmeta><broken")
    (art / "miku.txt").write_text("from caption", encoding="utf-8")
    (art / "plain.txt").write_text("ok tag", encoding="utf-8")
    (art / "sub" / "rin.txt").write_bytes(b"\xff\xfe not utf-8 \x81")
    report = import_sidecars(lib.db, list(rows.values()))
    assert sorted(e["path"] for e in report.errors) == sorted(
        [rows["miku.png"]["path"], rows["rin.jpg"]["path"]]
    )
    messages = " | ".join(e["error"] for e in report.errors)
    assert "malformed XMP" in messages and "not UTF-8" in messages
    assert report.files_tagged == 2
    assert "from_caption" in user_tags(lib, rows["miku.png"]["id"])
    assert user_tags(lib, rows["plain.webp"]["id"]) == {"ok_tag": 1.0}
    assert user_tags(lib, rows["rin.jpg"]["id"]) == {}


def test_a_fifo_or_folder_named_like_a_sidecar_is_an_error_not_a_hang(env):
    lib, art, rows = env
    os.mkfifo(art / "plain.txt")
    (art / "miku.txt").mkdir()
    report = import_sidecars(lib.db, [rows["plain.webp"], rows["miku.png"]], fmt="txt")
    assert len(report.errors) == 2 and report.files_tagged == 0


def test_import_makes_a_rejected_tag_a_user_tag_again(env):
    lib, art, rows = env
    miku = rows["miku.png"]["id"]
    assert user_tags(lib, miku, rejections=True)["twintails"] == 0.0  # the fixture's rejection
    (art / "miku.txt").write_text("twintails", encoding="utf-8")
    report = import_sidecars(lib.db, [rows["miku.png"]])
    assert report.tags_added == 1 and user_tags(lib, miku)["twintails"] == 1.0
    assert "twintails" in [t["name"] for t in effective_tags(lib.db.conn, miku, {"default": 0.35})]


def test_a_database_failure_costs_only_its_own_file(env):
    lib, art, rows = env
    (art / "plain.txt").write_text("shared, kept", encoding="utf-8")
    (art / "ghost.txt").write_text("shared, lost", encoding="utf-8")  # its row does not exist
    ghost = {"id": 999_999, "path": str(art / "ghost.png"), "path_bytes": None, "folder_id": 1}
    report = import_sidecars(lib.db, [ghost, rows["plain.webp"]], batch_size=10)
    assert [e["path"] for e in report.errors] == [ghost["path"]]
    assert "database" in report.errors[0]["error"]
    # "shared" was created in the rolled-back batch first: its id must not be reused from a cache.
    assert report.files_tagged == 1 and user_tags(lib, rows["plain.webp"]["id"]) == {
        "shared": 1.0,
        "kept": 1.0,
    }
    assert lib.db.execute("SELECT COUNT(*) FROM tags WHERE name = 'lost'").fetchone()[0] == 0


def test_plain_connections_and_sqlite_rows_are_accepted(env, tmp_path):
    lib, art, rows = env
    (art / "plain.txt").write_text("solo", encoding="utf-8")
    report = import_sidecars(lib.db.conn, [rows["plain.webp"]])
    assert report.files_tagged == 1 and user_tags(lib, rows["plain.webp"]["id"]) == {"solo": 1.0}
    conn = lib.db.conn
    conn.row_factory = sqlite3.Row
    try:
        sql_rows = conn.execute("SELECT id, path, folder_id FROM files ORDER BY path").fetchall()
        report = export_sidecars(conn, sql_rows, tmp_path / "o", fmt="txt", options=CaptionOptions())
    finally:
        conn.row_factory = None
    assert all_files(tmp_path / "o") == ["miku.txt", "plain.txt", "sub/rin.txt"]
    assert report.errors == [] and report.refused == []


def test_reports_serialise(env, tmp_path):
    lib, _art, rows = env
    report = export(lib, rows, tmp_path / "o")
    assert set(report.to_dict()) == {"written", "skipped_existing", "skipped_no_tags", "refused", "errors"}
    assert Path(report.to_dict()["written"][0]).name == "miku.txt"
