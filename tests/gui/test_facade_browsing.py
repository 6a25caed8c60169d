"""The facade methods the GUI added (Library.query_ids, thumbnail_refs, set_display_thresholds,
remove_folder), checked without Qt on the real test library."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from acgdesk.db.predictions import store_embedding, vector_generation
from acgdesk.library import Library
from acgdesk.search.query import QuerySyntaxError


def names(lib: Library, ids) -> list[str]:
    rows = dict(lib.db.execute("SELECT id, path FROM files").fetchall())
    return [Path(rows[i]).name for i in ids]


def test_query_ids_lists_every_match_in_the_query_order(library_dir):
    with Library.open(library_dir) as lib:
        assert sorted(names(lib, lib.query_ids("cat_ears"))) == ["p00.png", "p01.png", "p02.png"]
        assert names(lib, lib.query_ids("sort:name long_hair -cat_tail")) == [
            f"p{i:02d}.png" for i in range(8)
        ]
        assert len(lib.query_ids("")) == 12  # the unreadable file is never a result
        assert len(lib.query_ids("", limit=5)) == 5
        with pytest.raises(QuerySyntaxError) as err:
            lib.query_ids("width:>abc")
        assert err.value.position == 7


def test_thumbnail_refs_give_paths_and_existing_thumbnails(library_dir):
    with Library.open(library_dir) as lib:
        rows = {Path(p).name: i for i, p in lib.db.execute("SELECT id, path FROM files").fetchall()}
        refs = lib.thumbnail_refs([rows["p00.png"], rows["broken.png"], 999_999, *range(2000, 2600)])
        path, thumb = refs[rows["p00.png"]]
        assert Path(path).name == "p00.png" and thumb is not None and thumb.exists()
        assert refs[rows["broken.png"]][1] is None  # no thumbnail for an unreadable file
        assert 999_999 not in refs  # unknown ids are left out, many ids are fine


def test_set_display_thresholds_merges_and_persists(library_dir):
    with Library.open(library_dir) as lib:
        merged = lib.set_display_thresholds({"general": 0.15})
        assert merged["general"] == 0.15 and merged["character"] == 0.85
    with Library.open(library_dir) as lib:
        assert lib.display_thresholds()["general"] == 0.15
        assert len(lib.query_ids("cat_ears")) == 8  # the 0.2 predictions now show


def test_remove_folder_forgets_rows_and_leaves_the_files(library_dir, art_tree):
    with Library.open(library_dir) as lib:
        twitter = next(f for f in lib.folders() if f.path.endswith("twitter"))
        file_id = lib.query_ids(f'folder:"{twitter.path}"')[0]
        with lib.db.conn:
            store_embedding(lib.db.conn, file_id, "test-embedder@1", [1.0, 0.0, 0.0])
        before_gen = vector_generation(lib.db.conn, "test-embedder@1")
        before_files = sorted(os.listdir(art_tree / "twitter"))
        assert lib.remove_folder(twitter.id) == 5  # 4 images and the unreadable file
        assert [f.path for f in lib.folders()] == [str(art_tree / "pixiv")]
        assert len(lib.query_ids("")) == 8
        assert vector_generation(lib.db.conn, "test-embedder@1") == before_gen + 1
        assert lib.db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0] == 0
    assert sorted(os.listdir(art_tree / "twitter")) == before_files
