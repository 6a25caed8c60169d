"""Marks, batch tags and albums through the facade; the query language over them; undo and redo."""

from __future__ import annotations

import pytest

from acgdesk.db.albums import AlbumError
from acgdesk.db.marks import Marks
from acgdesk.library import Library
from acgdesk.search.query import QuerySyntaxError
from tests.watch.conftest import user_tags, write_image


@pytest.fixture
def lib(tmp_path):
    art = tmp_path / "art"
    for i in range(8):
        write_image(art / f"{i}.png", seed=i)
    with Library.open(tmp_path / "lib") as library:
        library.index([art])
        yield library


def ids(lib: Library) -> list[int]:
    return [r[0] for r in lib.db.execute("SELECT id FROM files ORDER BY path")]


def found(lib: Library, query: str) -> list[int]:
    return lib.query_ids(query)


def test_marks_are_stored_queried_and_sorted(lib):
    a, b, c, d, e, *_ = ids(lib)
    cur = lib.curate
    assert cur.rate([a, b], 5).changed == 2
    assert cur.rate([c], 2).changed == 1
    assert cur.rate([a], 5).changed == 0  # already: nothing changes, nothing recorded
    cur.favourite([b, d])
    cur.flag([e], "reject")
    cur.flag([c], "pick")
    assert cur.marks_of([a, b, c, d, e]) == {
        a: Marks(5),
        b: Marks(5, True),
        c: Marks(2, False, "pick"),
        d: Marks(0, True),
        e: Marks(0, False, "reject"),
    }
    assert sorted(found(lib, "stars:>=4")) == sorted([a, b])
    assert sorted(found(lib, "stars:2..4")) == [c]
    assert set(found(lib, "stars:0")) == set(ids(lib)) - {a, b, c}  # unrated includes unmarked files
    assert sorted(found(lib, "is:fav")) == sorted([b, d])
    assert found(lib, "is:pick") == [c] and found(lib, "is:reject") == [e]
    assert set(found(lib, "is:marked")) == {a, b, c, d, e}
    assert found(lib, "-is:reject is:fav stars:5") == [b]
    assert found(lib, "sort:stars")[:3] == [*sorted([a, b]), c]  # 5, 5 (ties by id), then 2
    assert found(lib, "sort:-stars")[-3:] == [c, *sorted([a, b])]  # ascending: unrated first
    assert lib.curate.toggle_favourite([b, d]).changed == 2 and found(lib, "is:fav") == []
    assert lib.curate.toggle_flag([e], "reject").changed == 1 and found(lib, "is:reject") == []


def test_query_errors_name_the_place(lib):
    for text, position in (("stars:6", 6), ("is:liked", 3), ("stars:>x", 7)):
        with pytest.raises(QuerySyntaxError) as err:
            lib.query_ids(text)
        assert err.value.position == position, text
    with pytest.raises(QuerySyntaxError) as err:
        lib.query_ids('solo_girl album:"No such set"')
    assert err.value.position == 10 and "no album named 'No such set'" in err.value.message


def test_marks_and_user_tags_in_batches_undo_and_redo(lib):
    every = ids(lib)
    cur = lib.curate
    cur.tag(every[:5], add=["Good Pose", "keeper"])
    assert all(user_tags(lib, i) == {"good_pose", "keeper"} for i in every[:5])
    cur.tag(every[:3], remove=["keeper"])
    assert user_tags(lib, every[0]) == {"good_pose"} and user_tags(lib, every[4]) == {"good_pose", "keeper"}
    cur.rate(every, 3)
    assert [a.label for a in cur.history()][:3] == [
        "3 stars: 8 files",
        "tags -keeper: 3 files",
        "tags +good_pose +keeper: 5 files",
    ]
    assert cur.undo().kind == "marks" and found(lib, "stars:3") == []
    assert cur.undo().kind == "tags" and user_tags(lib, every[0]) == {"good_pose", "keeper"}
    assert cur.undo().kind == "tags" and all(user_tags(lib, i) == set() for i in every)
    assert cur.undo() is None
    assert cur.redo().kind == "tags" and user_tags(lib, every[0]) == {"good_pose", "keeper"}
    cur.favourite([every[7]])  # a new action: what was undone after it cannot be redone any more
    assert cur.redo() is None
    assert user_tags(lib, every[0]) == {"good_pose", "keeper"} and found(lib, "is:fav") == [every[7]]


def test_removing_a_model_tag_in_a_batch_rejects_it_and_undo_brings_it_back(lib):
    a, b, *_ = ids(lib)
    with lib.db.conn:
        lib.db.execute("INSERT INTO tags (name, category) VALUES ('cat_ears', 'general')")
        tag = lib.db.execute("SELECT id FROM tags WHERE name = 'cat_ears'").fetchone()[0]
        for fid in (a, b):
            lib.db.execute(
                "INSERT INTO file_tags (file_id, tag_id, source, probability, added_at) "
                "VALUES (?, ?, 'wd-test@1', 0.9, 'now')",
                (fid, tag),
            )
    assert sorted(found(lib, "cat_ears")) == sorted([a, b])
    lib.curate.tag([a], remove=["cat_ears"])
    assert found(lib, "cat_ears") == [b]
    lib.curate.undo()
    assert sorted(found(lib, "cat_ears")) == sorted([a, b])


def test_manual_and_smart_albums_groups_and_every_undo(lib):
    a, b, c, d, *_ = ids(lib)
    cur = lib.curate
    cur.create_album("Projects", is_group=True)
    cur.create_album("Summer set", group="Projects")
    cur.add_to_album("summer SET", [c, a, b])  # names ignore case
    assert lib.query_ids('album:"Summer set" sort:album') == [c, a, b]
    cur.move_in_album("Summer set", [b], before=c)
    assert lib.query_ids('album:"Summer set" sort:album') == [b, c, a]
    cur.rate([a, d], 5)
    cur.create_album("Best", query="stars:5")
    assert sorted(lib.query_ids("album:Best")) == sorted([a, d])  # live: follows the marks
    cur.rate([b], 5)
    assert sorted(lib.query_ids("album:Best")) == sorted([a, b, d])
    assert sorted(lib.query_ids('album:Best album:"Summer set"')) == sorted([a, b])
    assert sorted(lib.query_ids("album:Projects")) == sorted([a, b, c])  # a group: its albums' images
    with pytest.raises(AlbumError, match="already"):
        cur.create_album("best")
    with pytest.raises(AlbumError, match="manual albums only"):
        cur.add_to_album("Best", [c])
    cur.create_album("Loop", query="album:Loop2")
    cur.create_album("Loop2", query="album:Loop")
    with pytest.raises(QuerySyntaxError, match="refers to itself"):
        lib.query_ids("album:Loop")
    cur.update_album("Summer set", new_name="Summer 2026")
    assert lib.query_ids('album:"Summer 2026" sort:album') == [b, c, a]
    cur.remove_from_album("Summer 2026", [c])
    cur.delete_album("Summer 2026")
    assert [x.name for x in cur.albums()] == ["Projects", "Best", "Loop", "Loop2"]
    # Undo each step back, checking the state at each.
    assert cur.undo().kind == "album_delete"
    assert lib.query_ids('album:"Summer 2026" sort:album') == [b, a]
    assert cur.album("Summer 2026").parent_id == cur.album("Projects").id
    assert cur.undo().kind == "album_remove" and lib.query_ids('album:"Summer 2026" sort:album') == [b, c, a]
    assert cur.undo().kind == "album_update" and cur.album("Summer set").count == 3
    cur.undo(), cur.undo()  # the two loop albums
    assert cur.undo().kind == "marks" and sorted(lib.query_ids("album:Best")) == sorted([a, d])
    assert cur.undo().kind == "album_create" and [x.name for x in cur.albums()] == ["Projects", "Summer set"]
    cur.undo()  # the stars of a and d
    assert cur.undo().kind == "album_order" and lib.query_ids('album:"Summer set" sort:album') == [c, a, b]
    assert cur.undo().kind == "album_add" and lib.query_ids('album:"Summer set"') == []
    cur.undo(), cur.undo()
    assert cur.albums() == []
    while cur.redo() is not None:
        pass
    assert [x.name for x in cur.albums()] == ["Projects", "Best", "Loop", "Loop2"]
    assert sorted(lib.query_ids("album:Best")) == sorted([a, b, d])


def test_marks_and_album_items_follow_a_file_that_is_renamed(tmp_path, lib):
    a = ids(lib)[0]
    path = lib.db.execute("SELECT path FROM files WHERE id = ?", (a,)).fetchone()[0]
    lib.curate.rate([path], 4)  # by path, as the CLI does
    lib.curate.create_album("Keep")
    lib.curate.add_to_album("Keep", [a])
    moved = tmp_path / "art" / "sub" / "renamed.png"
    moved.parent.mkdir()
    (tmp_path / "art" / "0.png").rename(moved)
    lib.index([tmp_path / "art"])
    assert lib.db.execute("SELECT id FROM files WHERE path = ?", (str(moved),)).fetchone()[0] == a
    assert lib.curate.marks_of([str(moved)]) == {a: Marks(4)}
    assert lib.query_ids("album:Keep stars:4") == [a]


def test_ids_are_checked_in_batches_and_an_unknown_one_is_refused(lib):
    import numpy as np

    from acgdesk.library import LibraryError

    every = ids(lib)
    assert lib.curate.ids([every[2], np.int64(every[0]), every[2]]) == [every[2], every[0]]
    with pytest.raises(LibraryError, match="not in the library: 999999"):
        lib.curate.rate([every[0], 999999], 3)
    assert found(lib, "stars:3") == []  # nothing changed
