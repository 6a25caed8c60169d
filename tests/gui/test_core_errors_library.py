"""Error messages of the library, albums, search, vector index and file operations in the window:
every key these errors are raised with is known to acgdesk/gui/core_errors_library.py, no sentence
there is left over, and its English is exactly the core's (the CLI's) for real errors made by real
calls on real files."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import sys
from pathlib import Path

import numpy as np
import pytest

from acgdesk.core.errors import AcgdeskError, DatabaseTooNewError, LibraryError
from acgdesk.curate import trash as trash_bin
from acgdesk.curate.file_actions import FileOpsError
from acgdesk.curate.trash import TrashError
from acgdesk.db import albums
from acgdesk.db.albums import AlbumError
from acgdesk.gui.core_errors import error_text, family_of, translated
from acgdesk.gui.core_errors_library import ALBUM, FILE_OPS, LIBRARY, SEARCH, VECTORS
from acgdesk.library import Library
from acgdesk.search.service import SearchError, SearchService
from acgdesk.vectors.hnsw_index import (
    HnswIndex,
    IndexCorruptError,
    IndexMismatchError,
    file_checksum,
    manifest_path,
)
from acgdesk.vectors.manager import NoVectorsError, VectorIndexManager
from tests.watch.conftest import write_image

# (the scan that every raise site has a known key: tests/gui/test_core_errors.py, SCANS)


def test_each_class_finds_its_table():
    for cls, table in {
        LibraryError: LIBRARY,
        DatabaseTooNewError: LIBRARY,
        AlbumError: ALBUM,
        SearchError: SEARCH,
        IndexCorruptError: VECTORS,
        IndexMismatchError: VECTORS,
        NoVectorsError: VECTORS,
        FileOpsError: FILE_OPS,
        TrashError: FILE_OPS,
    }.items():
        assert family_of(cls("x")) is table, cls


def test_trash_errors_stay_os_errors():
    exc = TrashError("not there any more: /x", key="vanished", params={"path": "/x"})
    assert isinstance(exc, OSError) and isinstance(exc, AcgdeskError)
    assert str(exc) == "not there any more: /x" and exc.key == "vanished"


def collect(out: list[AcgdeskError], expected: type[AcgdeskError], make) -> None:
    with pytest.raises(expected) as info:
        make()
    out.append(info.value)


def library_errors(tmp_path: Path) -> list[AcgdeskError]:
    out: list[AcgdeskError] = []
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    collect(out, LibraryError, lambda: Library.open(a_file))  # cannot create the folder
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "library.db").write_bytes(b"this is not a database" * 100)
    collect(out, LibraryError, lambda: Library.open(junk))
    newer = tmp_path / "newer"
    Library.open(newer).close()
    conn = sqlite3.connect(newer / "library.db")
    conn.execute("INSERT INTO schema_migrations VALUES ('0042_from_the_future', 'x')")
    conn.commit()
    conn.close()
    collect(out, DatabaseTooNewError, lambda: Library.open(newer))
    with Library.open(tmp_path / "lib") as lib:
        collect(out, LibraryError, lambda: lib.add_folders([tmp_path / "nowhere"]))
        collect(out, LibraryError, lambda: lib.add_tags(4242, ["x"]))
        collect(out, LibraryError, lambda: lib.compare([4242]))
        collect(out, LibraryError, lambda: lib.view_file(4242))
    return out


def album_errors(tmp_path: Path) -> list[AcgdeskError]:
    out: list[AcgdeskError] = []
    with Library.open(tmp_path / "albums") as lib:
        conn = lib.db.conn
        collect(out, AlbumError, lambda: albums.album_by_name(conn, "Nowhere"))  # no albums yet
        manual = albums.create_album(conn, "Cats")
        smart = albums.create_album(conn, "Best's", kind="smart", query="stars:5")
        group = albums.create_album(conn, "Pets", kind="group")
        for make in (
            lambda: albums.create_album(conn, "   "),
            lambda: albums.create_album(conn, "x" * 201),
            lambda: albums.album_by_name(conn, "Dogs"),
            lambda: albums.album_by_id(conn, 999),
            lambda: albums.create_album(conn, "x", kind="folder"),
            lambda: albums.create_album(conn, "x", kind="smart"),
            lambda: albums.create_album(conn, "x", kind="group", query="cat"),
            lambda: albums.create_album(conn, "cats"),
            lambda: albums.update_album(conn, group, name="Best's"),
            lambda: albums.create_album(conn, "x", parent_id=manual),
            lambda: albums.update_album(conn, group, parent_id=group),
            lambda: albums.update_album(conn, manual, query="cat"),
            lambda: albums.add_to_album(conn, smart, [1]),
            lambda: albums.add_to_album(conn, group, [1]),
        ):
            collect(out, AlbumError, make)
    return out


def search_errors(tmp_path: Path) -> list[AcgdeskError]:
    out: list[AcgdeskError] = []
    write_image(tmp_path / "art" / "a.png", seed=1)
    (tmp_path / "art" / "broken.png").write_bytes(b"not a picture")
    with Library.open(tmp_path / "search") as lib:
        lib.index([tmp_path / "art"])
        file_id = lib.db.execute("SELECT id FROM files WHERE path LIKE '%a.png'").fetchone()[0]
        model = "resnet18-anime"
        for make in (
            lambda: lib.similar(file_id),  # nothing embedded yet
            lambda: lib.similar(file_id, model=model),
            lambda: lib.similar(4242, model=model),
            lambda: lib.similar(b"not an image", model=model),
            lambda: lib.search_service._embed_image(b"x", "nope@1"),
            lambda: SearchService(
                lib.db, tmp_path / "i", thresholds=dict, text_model="joytag"
            ).text_encoder(),
            lambda: SearchService(
                lib.db, tmp_path / "i", thresholds=dict, text_model="acgvoc2vec"
            ).text_encoder(),
            lambda: SearchService(lib.db, tmp_path / "i", thresholds=dict)._embed_image(
                b"x", lib.search_service.image_model_key(model)
            ),
            lambda: lib.search_service._file_id("4242"),
        ):
            collect(out, SearchError, make)
    return out


def index_errors(tmp_path: Path) -> list[AcgdeskError]:
    out: list[AcgdeskError] = []
    vectors = np.random.default_rng(0).standard_normal((40, 8)).astype(np.float32)

    def saved(name: str) -> Path:
        index = HnswIndex(8, model="m@1")
        index.add(np.arange(1, 41), vectors)
        return index.save(tmp_path / "hnsw" / name)

    def edit_manifest(path: Path, **changes) -> Path:
        manifest = json.loads(manifest_path(path).read_text())
        manifest_path(path).write_text(json.dumps({**manifest, **changes}))
        return path

    for text in ("{not json", "[]", '{"format": 1}'):
        path = saved("damaged.hnsw")
        manifest_path(path).write_text(text)
        collect(out, IndexCorruptError, lambda p=path: HnswIndex.load(p))
    path = edit_manifest(saved("format.hnsw"), format=99)
    collect(out, IndexMismatchError, lambda: HnswIndex.load(path))
    path = saved("ok.hnsw")
    collect(out, IndexMismatchError, lambda: HnswIndex.load(path, model="other@1"))
    collect(out, IndexMismatchError, lambda: HnswIndex.load(path, dim=32))
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 3)
    collect(out, IndexCorruptError, lambda: HnswIndex.load(path))
    path = saved("flipped.hnsw")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    collect(out, IndexCorruptError, lambda: HnswIndex.load(path))
    path = saved("garbage.hnsw")
    path.write_bytes(b"\0" * 64)  # a manifest that describes it, a graph hnswlib cannot read
    edit_manifest(path, size=64, checksum="blake3:" + file_checksum(path))
    collect(out, IndexCorruptError, lambda: HnswIndex.load(path))
    path = edit_manifest(saved("count.hnsw"), elements=41)
    collect(out, IndexCorruptError, lambda: HnswIndex.load(path))
    with Library.open(tmp_path / "lib") as lib:  # a search with no vectors of its model
        manager = VectorIndexManager(lib.db, tmp_path / "vectors")
        collect(out, NoVectorsError, lambda: manager.index_for("nobody@1"))
        collect(out, NoVectorsError, lambda: manager.index_for("it's@1"))
    return out


def file_errors(tmp_path: Path, monkeypatch) -> list[AcgdeskError]:
    out: list[AcgdeskError] = []
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # the trash of this test only
    folder = tmp_path / "files"
    collect(out, TrashError, lambda: trash_bin.trash(str(folder / "gone.png")))
    emptied = trash_bin.trash(str(write_image(folder / "a.png", seed=1)))
    os.unlink(emptied.path)
    collect(out, TrashError, lambda: trash_bin.restore(emptied))
    taken = trash_bin.trash(str(write_image(folder / "b.png", seed=2)))
    write_image(folder / "b.png", seed=3)  # a new file under the old name
    collect(out, TrashError, lambda: trash_bin.restore(taken))
    full = write_image(folder / "c.png", seed=4)  # every name in the trash taken
    info = tmp_path / "xdg" / "Trash" / "info"
    for n in range(1, 10_000):
        (info / ("c.png.trashinfo" if n == 1 else f"c.{n}.png.trashinfo")).touch()
    collect(out, TrashError, lambda: trash_bin.trash(str(full)))

    def refuse(*args):
        raise OSError(errno.EACCES, "Permission denied")

    with monkeypatch.context() as m:  # the system refuses the move
        m.setattr(os, "rename", refuse)
        collect(out, TrashError, lambda: trash_bin.trash(str(write_image(folder / "d.png", seed=5))))
    with Library.open(tmp_path / "lib") as lib, monkeypatch.context() as m:
        m.setattr(sys, "platform", "win32")  # a desktop without a freedesktop trash
        collect(out, TrashError, lambda: trash_bin.trash(str(folder / "d.png")))
        collect(out, FileOpsError, lambda: lib.curate.trash([1]))
    return out


def test_the_english_is_the_cores_own(qapp, tmp_path, monkeypatch):
    """With no catalogue installed the window's sentences are word for word the CLI's."""
    for part in ("library", "albums", "search", "vectors", "files"):
        (tmp_path / part).mkdir()
    tables = [
        (LIBRARY, library_errors(tmp_path / "library")),
        (ALBUM, album_errors(tmp_path / "albums")),
        (SEARCH, search_errors(tmp_path / "search")),
        (VECTORS, index_errors(tmp_path / "vectors")),
        (FILE_OPS, file_errors(tmp_path / "files", monkeypatch)),
    ]
    for table, errors in tables:
        seen = set()
        for exc in errors:
            assert exc.key in table, str(exc)
            assert family_of(exc) is table
            assert translated(exc) == str(exc)
            assert error_text(exc) == str(exc)
            seen.add(exc.key)
        # most sentences are made for real here (the rest need a failing model or a full disk)
        assert len(seen) >= len(table) - 1, set(table) - seen


@pytest.mark.parametrize("lang", ["ja", "zh_CN", "zh_TW"])
def test_in_each_language_every_real_error_is_translated_with_its_parts_kept(
    qapp, tmp_path, monkeypatch, lang
):
    """The same real errors through the real catalogues: every sentence differs from the English (it
    was translated) and still holds the paths and names the English put in."""
    from acgdesk.gui import i18n

    for part in ("a", "f"):
        (tmp_path / part).mkdir()
    errors = (
        library_errors(tmp_path) + album_errors(tmp_path / "a") + file_errors(tmp_path / "f", monkeypatch)
    )
    assert i18n.install_translations(qapp, lang) == lang
    try:
        for exc in errors:
            said = error_text(exc)
            assert said != str(exc), (lang, str(exc))
            for value in exc.params.values():
                if isinstance(value, str) and ("/" in value or value.startswith(str(tmp_path))):
                    assert value in said, (lang, said, value)  # paths as they are
    finally:
        i18n.remove_translations(qapp)
    ja = next(e for e in errors if e.key == "not_in_library")
    assert i18n.install_translations(qapp, "ja") == "ja"
    try:
        assert error_text(ja) == "ライブラリにありません：4242"
    finally:
        i18n.remove_translations(qapp)
