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


def test_a_move_made_through_the_library_while_the_watcher_runs_keeps_the_row(tmp_path, lib, watch):  # noqa: F811
    """The library moves the row itself, then the watcher sees the same move as events: the row must
    stay the moved file's (same id, tags, marks), never be displaced or duplicated."""
    art = tmp_path / "art"
    files = [write_image(art / "inbox" / f"{i}.png", seed=i) for i in range(6)]
    (art / "sorted").mkdir()
    lib.index([art])
    ids = [rows(lib)[str(p)][0] for p in files]
    lib.curate.rate(ids, 4)
    w, _events = watch()
    assert w.sync(30)
    plan = lib.curate.plan_transfer(ids, str(art / "sorted"), mode="move")
    assert lib.curate.transfer(plan).changed == 6
    assert w.sync(30)
    now = rows(lib)
    assert [now[str(art / "sorted" / p.name)] for p in files] == [(i, "ok") for i in ids]
    assert len([p for p in now if "displaced" in p]) == 0 and len(now) == 6
    assert set(lib.query_ids("stars:4")) == set(ids)
    lib.curate.undo()
    assert w.sync(30)
    now = rows(lib)
    assert [now[str(p)] for p in files] == [(i, "ok") for i in ids] and len(now) == 6
