"""Marks and album membership follow files that are renamed and moved while the watcher runs."""

from __future__ import annotations

from acgdesk.db.marks import Marks
from tests.watch.conftest import lib, rows, watch, write_image  # noqa: F401  (fixtures)


def test_marks_and_albums_survive_a_rename_and_a_move_under_the_watcher(tmp_path, lib, watch):  # noqa: F811
    art, other = tmp_path / "art", tmp_path / "more"
    a = write_image(art / "a.png", seed=1)
    b = write_image(art / "b.png", seed=2)
    other.mkdir()
    lib.index([art, other])
    ida, idb = rows(lib)[str(a)][0], rows(lib)[str(b)][0]
    lib.curate.rate([ida], 5)
    lib.curate.flag([idb], "reject")
    lib.curate.favourite([idb])
    lib.curate.create_album("Keep")
    lib.curate.add_to_album("Keep", [idb, ida])
    w, _events = watch()
    assert w.sync(30)
    renamed = art / "renamed.png"
    a.rename(renamed)
    moved = other / "sub" / "b_moved.png"
    moved.parent.mkdir()
    b.rename(moved)
    assert w.sync(30)
    now = rows(lib)
    assert now[str(renamed)] == (ida, "ok") and now[str(moved)] == (idb, "ok")
    assert lib.curate.marks_of([ida, idb]) == {ida: Marks(5), idb: Marks(0, True, "reject")}
    assert lib.query_ids("album:Keep sort:album") == [idb, ida]
    assert lib.query_ids("is:reject is:fav") == [idb]
