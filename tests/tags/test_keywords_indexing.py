"""Embedded keywords become user tags at indexing (real files, real ``exiftool``, real Library.index).

Covers the import rule of :mod:`acgdesk.tags.keywords`: each keyword once per file, so a tag the user
removed stays removed on re-index, a keyword added later in the other program arrives, nothing is
removed, a user row already there wins, and a damaged block never stops a file from indexing.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import sqlite_utils
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from acgdesk.db.connection import transaction
from acgdesk.db.migrations import MIGRATIONS, migrate
from acgdesk.db.predictions import TagIds, replace_model_tags
from acgdesk.library import Library
from tests.tags import file_rows
from tests.tags.test_keywords import exif_write, iim, make_image, needs_exiftool

pytestmark = needs_exiftool
MODEL = "wd-swinv2-tagger-v3@v3"


def user_tags(lib: Library, name: str) -> list[str]:
    """The user tags (probability 1) of the file called ``name``, sorted."""
    file_id = file_rows(lib)[name]["id"]
    rows = lib.db.execute(
        "SELECT t.name FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
        "WHERE ft.file_id = ? AND ft.source = 'user' AND ft.probability = 1 ORDER BY t.name",
        [file_id],
    )
    return [r[0] for r in rows]


def rejected(lib: Library, name: str) -> list[str]:
    file_id = file_rows(lib)[name]["id"]
    rows = lib.db.execute(
        "SELECT t.name FROM file_tags ft JOIN tags t ON t.id = ft.tag_id "
        "WHERE ft.file_id = ? AND ft.source = 'user' AND ft.probability = 0 ORDER BY t.name",
        [file_id],
    )
    return [r[0] for r in rows]


@pytest.fixture
def art(tmp_path: Path) -> Path:
    folder = tmp_path / "art"
    folder.mkdir()
    return folder


def open_library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "lib")


def test_files_tagged_by_other_programs_keep_their_tags(tmp_path, art):
    digikam = make_image(art / "digikam.jpg")
    exif_write(
        digikam,
        "-XMP-dc:Subject=Hatsune Miku",
        "-XMP-digiKam:TagsList=Characters/Hatsune Miku",
        "-XMP-lr:HierarchicalSubject=Characters|Hatsune Miku",
        "-IPTC:CodedCharacterSet=UTF8",
        "-IPTC:Keywords=Hatsune Miku",
        "-IPTC:Keywords=初音ミク",
    )
    lightroom = make_image(art / "lightroom.tif")
    exif_write(
        lightroom,
        "-XMP-dc:Subject=Places",
        "-XMP-dc:Subject=Sandy Beach",
        "-XMP-lr:HierarchicalSubject=Places|Sandy Beach",
        "-IPTC:Keywords=Places",
        "-IPTC:Keywords=Sandy Beach",
    )
    windows = make_image(art / "windows.webp")
    exif_write(windows, "-EXIF:XPKeywords=猫耳;Cat Ears", "-XMP-dc:Subject=猫耳", "-XMP-dc:Subject=Cat Ears")
    photoshop = make_image(art / "photoshop.png")
    exif_write(
        photoshop, "-IPTC:CodedCharacterSet=UTF8", "-IPTC:Keywords=東方 Project", "-IPTC:Keywords=Ünïcödé"
    )
    latin = make_image(art / "latin.jpg")
    exif_write(latin, "-IPTC:Keywords=Café", "-IPTC:Keywords=Smørrebrød")
    make_image(art / "plain.png")
    lib = open_library(tmp_path)
    lib.index([art], sequential=True)
    rows = file_rows(lib)
    assert all(r["status"] == "ok" for r in rows.values())
    assert user_tags(lib, "digikam.jpg") == ["hatsune_miku", "初音ミク"]
    assert user_tags(lib, "lightroom.tif") == ["places", "sandy_beach"]
    assert user_tags(lib, "windows.webp") == ["cat_ears", "猫耳"]
    assert user_tags(lib, "photoshop.png") == ["ünïcödé", "東方_project"]
    assert user_tags(lib, "latin.jpg") == ["café", "smørrebrød"]
    assert user_tags(lib, "plain.png") == []
    assert {t["name"] for t in lib.tags_of(str(digikam))} == {"hatsune_miku", "初音ミク"}
    assert lib.query_ids("sandy_beach") == [rows["lightroom.tif"]["id"]]
    lib.close()


def test_a_tag_the_user_removed_is_not_brought_back(tmp_path, art):
    path = make_image(art / "a.jpg")
    exif_write(path, "-XMP-dc:Subject=cat ears", "-XMP-dc:Subject=smile", "-IPTC:Keywords=cat ears")
    lib = open_library(tmp_path)
    lib.index([art], sequential=True)
    assert user_tags(lib, "a.jpg") == ["cat_ears", "smile"]
    lib.remove_tags(str(path), ["cat_ears"])
    lib.add_tags(str(path), ["my own tag"])
    lib.index(force=True, sequential=True)  # read again, keywords unchanged
    assert user_tags(lib, "a.jpg") == ["my_own_tag", "smile"]
    # moved (its row follows the content): still removed
    moved = art / "moved.jpg"
    path.rename(moved)
    lib.index(sequential=True)
    assert sorted(file_rows(lib)) == ["moved.jpg"]
    assert user_tags(lib, "moved.jpg") == ["my_own_tag", "smile"]
    lib.close()


def test_a_changed_keyword_set_adds_the_new_keywords_and_removes_nothing(tmp_path, art):
    path = make_image(art / "a.png")
    exif_write(path, "-XMP-dc:Subject=one", "-XMP-dc:Subject=two")
    lib = open_library(tmp_path)
    lib.index([art], sequential=True)
    assert user_tags(lib, "a.png") == ["one", "two"]
    lib.remove_tags(str(path), ["one"])
    lib.add_tags(str(path), ["mine"])
    # the other program drops "two", adds "three" (and still has "one", which the user removed here)
    exif_write(path, "-XMP-dc:Subject=", "-XMP-dc:Subject=one", "-XMP-dc:Subject=three")
    lib.index(sequential=True)
    assert user_tags(lib, "a.png") == ["mine", "three", "two"]
    # dropped and later re-added in the other program: imported once already, so still left alone
    exif_write(path, "-XMP-dc:Subject=", "-XMP-dc:Subject=four")
    lib.index(sequential=True)
    lib.remove_tags(str(path), ["two"])
    exif_write(path, "-XMP-dc:Subject=", "-XMP-dc:Subject=two", "-XMP-dc:Subject=four")
    lib.index(sequential=True)
    assert user_tags(lib, "a.png") == ["four", "mine", "three"]
    lib.close()


def test_user_rejection_of_a_model_tag_wins_over_a_new_keyword(tmp_path, art):
    path = make_image(art / "m.jpg")
    lib = open_library(tmp_path)
    lib.index([art], sequential=True)
    file_id = file_rows(lib)["m.jpg"]["id"]
    with transaction(lib.db) as conn:
        replace_model_tags(conn, TagIds(), file_id, MODEL, [("twintails", "general", 0.9)])
    lib.remove_tags(str(path), ["twintails"])
    exif_write(path, "-XMP-dc:Subject=twintails", "-XMP-dc:Subject=aqua hair")
    lib.index(sequential=True)
    assert user_tags(lib, "m.jpg") == ["aqua_hair"]
    assert rejected(lib, "m.jpg") == ["twintails"]
    assert "twintails" not in {t["name"] for t in lib.tags_of(file_id)}
    lib.close()


def test_rating_words_do_not_become_a_user_rating(tmp_path, art):
    path = make_image(art / "r.jpg")
    exif_write(path, "-XMP-dc:Subject=General", "-XMP-dc:Subject=Explicit", "-XMP-dc:Subject=sky")
    lib = open_library(tmp_path)
    lib.index([art], sequential=True)
    assert user_tags(lib, "r.jpg") == ["sky"]
    lib.close()


def _jpeg_with_app13(iim_block: bytes, xmp: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (24, 24), (10, 200, 30)).save(buf, "JPEG", **({"xmp": xmp} if xmp else {}))
    data = buf.getvalue()
    resource = b"8BIM\x04\x04\x00\x00" + len(iim_block).to_bytes(4, "big") + iim_block
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload
    return data[:2] + segment + data[2:]


def test_corrupt_blocks_never_stop_indexing(tmp_path, art):
    broken_iim = iim((2, 25, b"kept")) + bytes([0x1C, 2, 25, 0x7F, 0xFF]) + b"cut short"
    (art / "bad_iptc.jpg").write_bytes(_jpeg_with_app13(broken_iim))
    (art / "bad_xmp.jpg").write_bytes(
        _jpeg_with_app13(iim((2, 25, b"from iptc")), xmp=b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF")
    )
    (art / "garbage.jpg").write_bytes(_jpeg_with_app13(b"\xff" * 300, xmp=b"\x00\x01not xml at all"))
    info = PngInfo()
    info.add_text("Raw profile type iptc", "\nIPTC profile\n     999\nzzzz not hex\n")
    info.add_itxt("XML:com.adobe.xmp", "<?xpacket begin='x'?><x:xmpmeta><oops></x:xmpmeta>")
    Image.new("RGB", (20, 20)).save(art / "bad.png", pnginfo=info)
    xp = make_image(art / "xp.tif")
    exif_write(xp, "-EXIF:XPKeywords=fine")
    lib = open_library(tmp_path)
    lib.index([art], sequential=True)
    rows = file_rows(lib)
    assert {n: r["status"] for n, r in rows.items()} == dict.fromkeys(rows, "ok")
    assert user_tags(lib, "bad_iptc.jpg") == ["kept"]
    assert user_tags(lib, "bad_xmp.jpg") == ["from_iptc"]
    assert user_tags(lib, "garbage.jpg") == []
    assert user_tags(lib, "bad.png") == []
    assert user_tags(lib, "xp.tif") == ["fine"]
    lib.close()


def test_an_older_library_gains_the_record_table(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.db")
    migrate(db, migrations=tuple(m for m in MIGRATIONS if m.name != "0010_keywords"))
    assert "embedded_keywords" not in db.table_names()
    assert migrate(db) == ["0010_keywords"]
    assert "embedded_keywords" in db.table_names()
    db.close()


def test_a_copy_made_here_keeps_the_removal_when_its_keywords_change_later(tmp_path, art):
    """The import record travels with a copy acgdesk makes: editing the copy's keywords in the
    other program brings the new keyword, never the one the user removed from the original."""
    path = make_image(art / "a.jpg")
    exif_write(path, "-XMP-dc:Subject=cat ears", "-XMP-dc:Subject=smile")
    lib = open_library(tmp_path)
    lib.index([art], sequential=True)
    lib.remove_tags(str(path), ["cat_ears"])
    (art / "copies").mkdir()
    plan = lib.curate.plan_transfer([str(path)], str(art / "copies"), mode="copy")
    lib.curate.transfer(plan)
    copy = art / "copies" / "a.jpg"
    assert copy.is_file()
    exif_write(copy, "-XMP-dc:Subject+=rain")  # the other program adds a keyword to the copy
    lib.index(sequential=True)
    copy_id = next(r[0] for r in lib.db.execute("SELECT id, path FROM files") if r[1] == str(copy))
    rows = lib.db.execute(
        "SELECT t.name FROM file_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.file_id = ? "
        "AND ft.source = 'user' AND ft.probability = 1 ORDER BY t.name",
        [copy_id],
    )
    assert [r[0] for r in rows] == ["rain", "smile"]
    lib.close()
