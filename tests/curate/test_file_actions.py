"""Moves, copies and trashing through the library: planned, never over a file, rows follow, undoable."""

from __future__ import annotations

import hashlib
import os
import urllib.parse

import pytest

from acgdesk.curate.transfer import place
from acgdesk.db.marks import Marks
from acgdesk.library import Library
from tests.watch.conftest import user_tags, write_image


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # the trash of this test only
    art = tmp_path / "art"
    files = [write_image(art / "inbox" / f"{n}.png", seed=i) for i, n in enumerate(("a", "b", "c"))]
    write_image(art / "sorted" / "b.png", seed=99)  # a different file already called b.png there
    with Library.open(tmp_path / "lib") as lib:
        lib.index([art])
        lib.curate.rate([str(files[0])], 5)
        lib.add_tags(str(files[0]), ["keeper"])
        yield lib, art, files


def row(lib, path):
    r = lib.db.execute("SELECT id, status FROM files WHERE path = ?", (str(path),)).fetchone()
    return tuple(r) if r else None


def test_a_plan_lists_every_conflict_and_changes_nothing(setup, tmp_path):
    lib, art, (a, b, c) = setup
    before = {p: digest(p) for p in (a, b, c, art / "sorted" / "b.png")}
    plan = lib.curate.plan_transfer([str(a), str(b), str(c)], str(art / "sorted"), mode="move")
    assert [(os.path.basename(i.dst), i.conflict) for i in plan.items] == [
        ("a.png", None),
        ("b.png", "a file with that name is already there"),
        ("c.png", None),
    ]
    assert not plan.leaves_library
    same = lib.curate.plan_transfer([str(a)], str(art / "inbox"), mode="copy")
    assert same.items[0].conflict == "already in that folder"
    renamed = lib.curate.plan_transfer([str(b)], str(art / "sorted"), mode="copy", on_conflict="rename")
    assert renamed.items[0].dst == str(art / "sorted" / "b (2).png") and renamed.items[0].conflict is None
    outside = lib.curate.plan_transfer([str(a)], str(tmp_path / "elsewhere"), mode="move")
    assert outside.leaves_library
    assert {p: digest(p) for p in before} == before and not (tmp_path / "elsewhere").exists()


def test_move_keeps_rows_never_overwrites_and_undo_redo_put_files_back(setup):
    lib, art, (a, b, c) = setup
    ida, idb = row(lib, a)[0], row(lib, b)[0]
    other = art / "sorted" / "b.png"
    other_bytes = digest(other)
    plan = lib.curate.plan_transfer([str(a), str(b), str(c)], str(art / "sorted"), mode="move")
    done = lib.curate.transfer(plan)
    assert done.changed == 2 and not a.exists() and not c.exists() and b.exists()
    assert digest(other) == other_bytes  # the conflict was skipped, nothing overwritten
    moved = art / "sorted" / "a.png"
    assert row(lib, moved) == (ida, "ok") and row(lib, b) == (idb, "ok")
    assert lib.curate.marks_of([ida]) == {ida: Marks(5)} and user_tags(lib, ida) == {"keeper"}
    lib.curate.undo()
    assert a.exists() and c.exists() and not moved.exists() and row(lib, a) == (ida, "ok")
    lib.curate.redo()
    assert moved.exists() and not a.exists() and row(lib, moved) == (ida, "ok")


def test_copy_gets_rows_with_everything_and_undo_sends_the_copies_to_the_trash(setup, tmp_path):
    lib, art, (a, _b, c) = setup
    plan = lib.curate.plan_transfer([str(a), str(c)], str(art / "sorted"), mode="copy")
    done = lib.curate.transfer(plan)
    copy_a = art / "sorted" / "a.png"
    assert done.changed == 2 and a.exists() and digest(copy_a) == digest(a)
    new_id, ida = row(lib, copy_a)[0], row(lib, a)[0]
    assert new_id != ida
    assert lib.curate.marks_of([new_id]) == {new_id: Marks(5)} and user_tags(lib, new_id) == {"keeper"}
    assert sorted(lib.query_ids("stars:5")) == sorted([ida, new_id])
    assert lib.index([art]).processed == 0  # the copies' rows are complete: nothing to index
    lib.curate.undo()
    assert not copy_a.exists() and row(lib, copy_a) is None and a.exists()
    trashed = tmp_path / "xdg" / "Trash" / "files"
    assert sorted(p.name for p in trashed.iterdir()) == ["a.png", "c.png"]
    lib.curate.redo()
    assert copy_a.exists() and row(lib, copy_a)[1] == "ok"
    lib.curate.undo()  # the redo recorded the new rows: undoing again removes them too
    assert row(lib, copy_a) is None


def test_trash_follows_the_specification_and_undo_restores_rows_and_files(setup, tmp_path):
    lib, _art, (a, b, _c) = setup
    ida = row(lib, a)[0]
    done = lib.curate.trash([str(a), str(b)])
    assert done.changed == 2 and not a.exists() and not b.exists()
    trash = tmp_path / "xdg" / "Trash"
    info = (trash / "info" / "a.png.trashinfo").read_text(encoding="utf-8").splitlines()
    assert info[0] == "[Trash Info]" and info[1] == f"Path={urllib.parse.quote(str(a))}"
    assert info[2].startswith("DeletionDate=20")
    assert (trash / "files" / "a.png").exists() and row(lib, a) == (ida, "missing")
    lib.curate.undo()
    assert a.exists() and b.exists() and row(lib, a) == (ida, "ok") and user_tags(lib, ida) == {"keeper"}
    assert not (trash / "info" / "a.png.trashinfo").exists()
    lib.curate.redo()
    assert not a.exists() and row(lib, a) == (ida, "missing")


def test_moving_out_of_the_library_keeps_the_row_for_a_return(setup, tmp_path):
    lib, _art, (a, _b, _c) = setup
    ida = row(lib, a)[0]
    plan = lib.curate.plan_transfer([str(a)], str(tmp_path / "usb"), mode="move")
    lib.curate.transfer(plan)
    assert (tmp_path / "usb" / "a.png").exists() and row(lib, a) == (ida, "missing")
    lib.curate.undo()
    assert row(lib, a) == (ida, "ok") and lib.curate.marks_of([ida]) == {ida: Marks(5)}


def test_the_last_step_never_replaces_a_file_that_appeared_meanwhile(tmp_path):
    src, dst = write_image(tmp_path / "src.png", seed=1), tmp_path / "out" / "x.png"
    write_image(dst, seed=2)
    kept = digest(dst)
    for keep in (True, False):
        with pytest.raises(FileExistsError):
            place(str(src), str(dst), keep_source=keep)
    assert digest(dst) == kept and src.exists() and sorted(os.listdir(dst.parent)) == ["x.png"]
