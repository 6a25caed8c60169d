"""Curation in the real window: marking keys, badges, the detail panel's stars, albums (drop, click,
menu actions), batch actions on a selection and on every result, undo / redo and the history.

Every wait is on a signal the window emits (a write's ``marked``, the albums' ``reloaded``, undo's
``finished``) or on a state the library or the model reaches, never on a length of time. What the
library holds is read through a separate :class:`Library` on the same folder.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu

from acgdesk.gui.curate.badges import badges_for
from acgdesk.gui.curate.batch_actions import curator_has
from acgdesk.gui.curate.marks_cache import Mark
from acgdesk.gui.curate.transfer_dialog import transfer_dialog
from acgdesk.gui.grid_model import IDS_MIME, MARKS_ROLE, ids_from_mime
from acgdesk.library import Library

WAIT = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def marks(win, ids) -> dict[int, Mark]:
    with Library.open(win.backend.root) as lib:
        return {i: Mark.of(m) for i, m in lib.curate.marks_of([int(i) for i in ids]).items()}


def stars(win, file_id: int) -> int:
    return marks(win, [file_id])[int(file_id)].stars


def press_in_grid(qtbot, win, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A marking key in the grid; returns once the write is back (and the cache updated)."""
    with qtbot.waitSignal(win.curation.marker.marked, timeout=WAIT):
        qtbot.keyClick(win.grid, key, modifier)


def shown_mark(win, row: int) -> Mark | None:
    return win.model.data(win.model.index(row), MARKS_ROLE)


def select_rows(win, lo: int, hi: int) -> None:
    selection = QItemSelection(win.model.index(lo), win.model.index(hi))
    win.grid.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def wait_albums(qtbot, win, until) -> None:
    panel = win.curation.albums
    qtbot.waitUntil(lambda: until(panel), timeout=WAIT)


# -- keys and badges ---------------------------------------------------------------------------------
def test_marking_keys_set_marks_and_badges_follow(qtbot, window):
    win = window
    win.grid.setFocus()
    win.grid.select_row(0)
    file_id = win.model.file_id(0)
    press_in_grid(qtbot, win, Qt.Key.Key_3)
    assert stars(win, file_id) == 3
    # the cell shows it as soon as the write is back: the marks came with it
    assert shown_mark(win, 0) == Mark(3, False, None)
    assert badges_for(shown_mark(win, 0)) == ("stars:3",)
    press_in_grid(qtbot, win, Qt.Key.Key_F)
    press_in_grid(qtbot, win, Qt.Key.Key_P)
    assert marks(win, [file_id])[file_id] == Mark(3, True, "pick")
    assert badges_for(shown_mark(win, 0)) == ("stars:3", "favourite", "pick")
    press_in_grid(qtbot, win, Qt.Key.Key_X)  # reject replaces the pick
    assert marks(win, [file_id])[file_id].flag == "reject"
    press_in_grid(qtbot, win, Qt.Key.Key_X)  # again: no flag
    press_in_grid(qtbot, win, Qt.Key.Key_F)  # favourite toggles off
    press_in_grid(qtbot, win, Qt.Key.Key_0)
    assert marks(win, [file_id])[file_id].empty
    assert badges_for(shown_mark(win, 0)) == ()
    # cells that were never marked get their (empty) marks read for painting, in a batch
    last = min(win.model.rowCount(), 6) - 1
    qtbot.waitUntil(lambda: shown_mark(win, last) is not None, timeout=WAIT)
    assert shown_mark(win, last).empty
    assert "3 stars" in win.curation.undo.undo_action.text() or win.curation.undo.entries


def test_detail_panel_stars_are_clickable(qtbot, window):
    win = window
    win.grid.select_row(1)
    file_id = win.model.file_id(1)
    bar = win.curation.marks_bar
    qtbot.waitUntil(lambda: bar.file_id == file_id and bar.stars[0].isEnabled(), timeout=WAIT)
    assert bar.isVisible()
    with qtbot.waitSignal(win.curation.marker.marked, timeout=WAIT):
        qtbot.mouseClick(bar.stars[3], Qt.MouseButton.LeftButton)
    assert stars(win, file_id) == 4
    assert bar.mark.stars == 4 and shown_mark(win, 1).stars == 4  # the grid's badge too
    with qtbot.waitSignal(win.curation.marker.marked, timeout=WAIT):
        qtbot.mouseClick(bar.stars[3], Qt.MouseButton.LeftButton)  # the same star again: none
    assert stars(win, file_id) == 0
    with qtbot.waitSignal(win.curation.marker.marked, timeout=WAIT):
        qtbot.mouseClick(bar.heart, Qt.MouseButton.LeftButton)
    assert marks(win, [file_id])[file_id].favourite


def test_advance_after_marking_moves_on_in_the_grid_and_the_viewer(qtbot, window):
    win = window
    win.curation.advance_action.setChecked(True)
    assert win.prefs.get("advance_after_mark") is True
    win.grid.setFocus()
    win.grid.select_row(2)
    first = win.model.file_id(2)
    press_in_grid(qtbot, win, Qt.Key.Key_4)
    assert win.grid.currentIndex().row() == 3
    assert stars(win, first) == 4 and stars(win, win.model.file_id(3)) == 0
    # the viewer: the picture shown is marked, then the next one comes
    viewer = win.viewer
    with qtbot.waitSignal(viewer.picture_shown, timeout=WAIT):
        viewer.open_row(0)
    shown = viewer.file_id
    with qtbot.waitSignal(win.curation.marker.marked, timeout=WAIT):
        qtbot.keyClick(viewer, Qt.Key.Key_5)
    assert stars(win, shown) == 5
    assert viewer.row == 1
    qtbot.waitUntil(lambda: "★" not in viewer.status.text(), timeout=WAIT)  # row 1 has no stars
    with qtbot.waitSignal(win.curation.undo.finished, timeout=WAIT):
        qtbot.keyClick(viewer, Qt.Key.Key_Z, CTRL)  # undo in the viewer too
    assert stars(win, shown) == 0
    win.curation.advance_action.setChecked(False)
    with qtbot.waitSignal(win.curation.marker.marked, timeout=WAIT):
        qtbot.keyClick(viewer, Qt.Key.Key_2)
    assert viewer.row == 1 and stars(win, viewer.file_id) == 2
    qtbot.waitUntil(lambda: "★★☆☆☆" in viewer.status.text(), timeout=WAIT)
    viewer.close_viewer()


# -- albums ------------------------------------------------------------------------------------------
def test_dropping_thumbnails_on_an_album_adds_them_and_a_click_shows_it(qtbot, window):
    win = window
    panel = win.curation.albums
    panel.new_album("Summer set")
    wait_albums(qtbot, win, lambda p: p.row("Summer set") is not None)
    ids = [win.model.file_id(r) for r in (4, 1)]
    mime = win.model.mimeData([win.model.index(4), win.model.index(1)])
    assert mime.hasFormat(IDS_MIME) and sorted(ids_from_mime(mime)) == sorted(ids)
    tree = panel.tree
    point = QPointF(tree.visualRect(panel.index_of("Summer set")).center())
    copy = Qt.DropAction.CopyAction
    none = Qt.MouseButton.NoButton
    mods = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), copy, mime, none, mods)
    QApplication.sendEvent(tree.viewport(), enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point.toPoint(), copy, mime, none, mods)
    QApplication.sendEvent(tree.viewport(), move)
    assert move.isAccepted()
    drop = QDropEvent(point, copy, mime, none, mods)
    QApplication.sendEvent(tree.viewport(), drop)
    assert drop.isAccepted()
    wait_albums(qtbot, win, lambda p: p.row("Summer set").count == 2)
    assert "Summer set  (2)" in panel.labels()
    # anything else dropped there is refused
    other = QMimeData()
    other.setText("not images")
    refused = QDragMoveEvent(point.toPoint(), copy, other, none, mods)
    QApplication.sendEvent(tree.viewport(), refused)
    assert not refused.isAccepted()
    # a click shows the album, in its own order (the order the files were dropped in)
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert win.search.text() == 'album:"Summer set" sort:album'
    assert sorted(win.model.ids().tolist()) == sorted(ids)
    # undo takes the addition back (and the album's count with it)
    with qtbot.waitSignal(win.curation.undo.finished, timeout=WAIT):
        win.curation.undo.undo_action.trigger()
    wait_albums(qtbot, win, lambda p: p.row("Summer set").count == 0)


def test_album_menu_actions_make_rename_group_and_delete(qtbot, window):
    win = window
    panel = win.curation.albums
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        win.search.set_text("cat_ears", submit=True)
    panel.new_group("Projects")
    wait_albums(qtbot, win, lambda p: p.row("Projects") is not None)
    panel.new_smart_album("Cats")  # from the current search
    wait_albums(qtbot, win, lambda p: p.row("Cats") is not None)
    cats = panel.row("Cats")
    assert cats.kind == "smart" and cats.query == win.full_query()
    assert cats.count == win.model.rowCount()  # counted by running its query
    panel.move_into("Cats", "Projects")
    wait_albums(qtbot, win, lambda p: p.row("Cats").parent_id == p.row("Projects").id)
    assert panel.index_of("Cats").parent() == panel.index_of("Projects")
    panel.rename("Cats", "Kittens")
    wait_albums(qtbot, win, lambda p: p.row("Kittens") is not None and p.row("Cats") is None)
    menu = panel.context_menu(panel.row("Kittens"))
    texts = [a.text() for a in menu.actions()]
    assert {"Rename…", "Delete", "Move into group", "Use the current search as its query"} <= set(texts)
    panel.delete("Kittens")
    wait_albums(qtbot, win, lambda p: p.row("Kittens") is None)
    with Library.open(win.backend.root) as lib:
        assert [a.name for a in lib.curate.albums()] == ["Projects"]
    # the group is an album search of its own
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        assert panel.choose("Projects")
    assert win.search.text() == 'album:"Projects"'


# -- batch actions -----------------------------------------------------------------------------------
def entry(menu: QMenu, *path: str):
    """The action at ``path`` through submenus (text before any tab)."""
    for i, name in enumerate(path):
        action = next(a for a in menu.actions() if a.text().split("\t")[0] == name)
        if i == len(path) - 1:
            return action
        menu = action.menu()
    raise AssertionError(path)


def test_batch_stars_on_a_selection_and_on_every_result(qtbot, window):
    win = window
    select_rows(win, 0, 3)
    picked = [win.model.file_id(r) for r in range(4)]
    menu = QMenu()
    win.curation.batch.fill_selection_menu(menu)
    assert any(a.text() == "4 selected" for a in menu.actions())  # the section names the scope
    with qtbot.waitSignal(win.curation.marker.marked, timeout=WAIT):
        entry(menu, "Stars", "★★").trigger()
    assert {i: m.stars for i, m in marks(win, picked).items()} == dict.fromkeys(picked, 2)
    assert all(shown_mark(win, r).stars == 2 for r in range(4))
    # every result of a filter search: the query again, on the worker
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        win.search.set_text("cat_ears", submit=True)
    n = win.model.rowCount()
    everything = win.curation.batch.results_scope()
    assert everything.query == win.full_query() and everything.count == n
    win.grid.clearSelection()
    menu = QMenu()
    win.curation.batch.fill_selection_menu(menu)
    with qtbot.waitSignal(win.curation.marker.marked, timeout=WAIT):
        entry(menu, f"Apply to all {n} results", "Favourite").trigger()
    with Library.open(win.backend.root) as lib:
        matching = lib.query_ids(win.full_query())
        favourites = lib.query_ids("is:fav")
    assert sorted(favourites) == sorted(matching) and len(matching) == n
    # Ctrl+A and a key: all of them, in one write (one history entry)
    win.grid.setFocus()
    qtbot.keyClick(win.grid, Qt.Key.Key_A, CTRL)
    press_in_grid(qtbot, win, Qt.Key.Key_1)
    assert {m.stars for m in marks(win, matching).values()} == {1}
    qtbot.waitUntil(lambda: win.curation.undo.undo_action.text() == f"Undo 1 star: {n} files", timeout=WAIT)


def test_batch_tags_and_album_from_the_selection(qtbot, window):
    win = window
    select_rows(win, 2, 4)
    scope = win.curation.batch.selection_scope()
    ids = list(scope.ids.tolist())
    win.curation.batch.edit_tags(scope, add=["batch_tag"])
    undo = win.curation.undo.undo_action
    qtbot.waitUntil(lambda: undo.text().startswith("Undo tags +batch_tag"), timeout=WAIT)
    with Library.open(win.backend.root) as lib:
        assert sorted(lib.query_ids("batch_tag")) == sorted(ids)
    win.curation.batch.new_album_with(scope, "Picked three")
    wait_albums(qtbot, win, lambda p: p.row("Picked three") is not None and p.row("Picked three").count == 3)
    menu = QMenu()
    win.curation.batch.fill(menu, scope)
    assert entry(menu, "Add to album", "Picked three") is not None
    assert entry(menu, "Remove from album", "Picked three") is not None


def test_move_copy_and_trash_are_confirmed_first(qtbot, window, tmp_path):
    win = window
    # the confirmation lists every file and shows conflicts; nothing starts without a yes
    plan = SimpleNamespace(
        items=[
            SimpleNamespace(src="/a/x.png", dst="/b/x.png", conflict=None),
            SimpleNamespace(src="/a/y.png", dst="/b/y.png", conflict="a file with that name is there"),
        ],
        leaves_library=True,
    )
    dialog = transfer_dialog(plan, "move", "/b", win)
    assert dialog.lines()[0] == "/a/x.png  →  /b/x.png"
    assert "name is there" in dialog.lines()[1] and dialog.ok.isEnabled()
    dialog.deleteLater()
    if not (curator_has("plan_transfer") and curator_has("transfer")):
        pytest.skip("this core has no file operations yet")
    asked = []
    win.curation.batch.confirm = lambda d: asked.append(d.lines()) or False  # the user says no
    select_rows(win, 0, 1)
    scope = win.curation.batch.selection_scope()
    dest = tmp_path / "elsewhere"
    dest.mkdir()
    win.curation.batch.transfer(scope, "copy", str(dest))
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    assert len(asked[0]) == 2 and not any(dest.iterdir())  # listed, and nothing happened
    win.curation.batch.confirm = lambda d: True
    jobs = len(win.jobs.jobs)
    win.curation.batch.transfer(scope, "copy", str(dest))
    qtbot.waitUntil(lambda: len(win.jobs.jobs) > jobs and not win.jobs.jobs[-1].active, timeout=WAIT)
    assert win.jobs.jobs[-1].state == "done", win.jobs.jobs[-1].detail
    assert len(list(dest.iterdir())) == 2


# -- undo, redo, history -----------------------------------------------------------------------------
def test_undo_and_redo_shortcuts_restore_the_marks(qtbot, window):
    win = window
    undo = win.curation.undo
    win.grid.setFocus()
    win.grid.select_row(0)
    file_id = win.model.file_id(0)
    press_in_grid(qtbot, win, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: undo.undo_action.text() == "Undo 3 stars: 1 file", timeout=WAIT)
    assert undo.undo_action.isEnabled()
    with qtbot.waitSignal(undo.finished, timeout=WAIT):
        qtbot.keyClick(win.grid, Qt.Key.Key_Z, CTRL)
    assert stars(win, file_id) == 0
    qtbot.waitUntil(lambda: undo.redo_action.text() == "Redo 3 stars: 1 file", timeout=WAIT)
    qtbot.waitUntil(lambda: shown_mark(win, 0) is not None and shown_mark(win, 0).stars == 0, timeout=WAIT)
    with qtbot.waitSignal(undo.finished, timeout=WAIT):
        qtbot.keyClick(win.grid, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stars(win, file_id) == 3
    qtbot.waitUntil(lambda: shown_mark(win, 0) is not None and shown_mark(win, 0).stars == 3, timeout=WAIT)
    # the search box keeps Ctrl+Z for its text
    win.search.edit.setFocus()
    qtbot.keyClicks(win.search.edit, "abc")
    qtbot.keyClick(win.search.edit, Qt.Key.Key_Z, CTRL)
    assert stars(win, file_id) == 3


def test_history_panel_lists_actions_and_greys_undone_ones(qtbot, window):
    win = window
    undo = win.curation.undo
    win.grid.setFocus()
    win.grid.select_row(0)
    press_in_grid(qtbot, win, Qt.Key.Key_5)
    press_in_grid(qtbot, win, Qt.Key.Key_F)
    with qtbot.waitSignal(undo.finished, timeout=WAIT):
        undo.undo()
    with qtbot.waitSignal(undo.loaded, timeout=WAIT):
        dialog = undo.show_history()
    qtbot.waitUntil(lambda: len(dialog.rows()) == 2, timeout=WAIT)
    assert dialog.rows() == [("favourite: 1 file", True), ("5 stars: 1 file", False)]
    grey = dialog.list.item(0)
    assert grey.font().italic() and not dialog.list.item(1).font().italic()
    assert dialog.redo_button.isEnabled() and dialog.undo_button.isEnabled()
    with qtbot.waitSignal(undo.loaded, timeout=WAIT):
        dialog.redo_button.click()
    qtbot.waitUntil(lambda: dialog.rows()[0] == ("favourite: 1 file", False), timeout=WAIT)
    dialog.close()


def test_sidecar_export_runs_as_a_job(qtbot, window, tmp_path):
    win = window
    select_rows(win, 0, 2)
    scope = win.curation.batch.selection_scope()
    out = tmp_path / "captions"
    job = win.curation.batch.export_sidecars(
        scope, {"fmt": "txt", "out_dir": str(out), "beside_images": False}
    )
    assert job in win.jobs.jobs and win.jobs_dock.isVisible()
    qtbot.waitUntil(lambda: not job.active, timeout=WAIT)
    assert job.state == "done", job.detail
    assert len(job.result.written) == 3 and len(list(out.rglob("*.txt"))) == 3


def test_trash_asks_first_and_undo_brings_the_file_back(qtbot, window, tmp_path, monkeypatch):
    if not curator_has("trash"):
        pytest.skip("this core has no trash yet")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # a trash of the test's own
    win = window
    win.grid.select_row(0)
    file_id = win.model.file_id(0)
    with Library.open(win.backend.root) as lib:
        path = lib.show(file_id)["path"]
    listed = []
    win.curation.batch.confirm = lambda d: listed.append(d.lines()) or True
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):  # the grid is brought up to date
        win.curation.batch.trash(win.curation.batch.selection_scope())
        qtbot.waitUntil(lambda: bool(win.jobs.jobs) and not win.jobs.jobs[-1].active, timeout=WAIT)
    assert listed == [[path]]
    assert win.jobs.jobs[-1].state == "done", win.jobs.jobs[-1].detail
    assert not Path(path).exists() and list((tmp_path / "xdg" / "Trash" / "files").iterdir())
    assert win.model.row_of(file_id) is None
    qtbot.waitUntil(
        lambda: win.curation.undo.undo_action.text().startswith("Undo moved 1 file"), timeout=WAIT
    )
    with qtbot.waitSignal(win.curation.undo.finished, timeout=WAIT):
        win.curation.undo.undo()
    assert Path(path).exists()


def test_what_i_would_like_lists_unmarked_images_by_taste(qtbot, window):
    from acgdesk.gui.curate.albums_panel import TASTE, TASTE_QUERY

    win = window
    panel = win.curation.albums
    wait_albums(qtbot, win, lambda p: p.taste is not None)
    assert panel.labels()[0] == "What I'd like"
    menu = panel.context_menu(TASTE)
    assert "Learn my taste again" in [a.text() for a in menu.actions()]
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        qtbot.mouseClick(
            panel.tree.viewport(),
            Qt.MouseButton.LeftButton,
            pos=panel.tree.visualRect(panel.model.index(0, 0)).center(),
        )
    assert win.search.text() == TASTE_QUERY
    jobs = len(win.jobs.jobs)
    win.curation.retrain_taste()  # no embeddings in this library: it says why, and nothing breaks
    qtbot.waitUntil(lambda: len(win.jobs.jobs) > jobs and not win.jobs.jobs[-1].active, timeout=WAIT)
    assert win.jobs.jobs[-1].state == "done", win.jobs.jobs[-1].detail


def test_marking_schedules_the_taste_to_learn_again_on_the_write_thread(qtbot, window):
    win = window
    curation = win.curation
    assert not curation.taste_timer.isActive()
    win.grid.setFocus()
    win.grid.select_row(0)
    press_in_grid(qtbot, win, Qt.Key.Key_4)
    assert curation.taste_timer.isActive()  # it waits for marking to pause, then learns
    curation.taste_timer.stop()
    with Library.open(win.backend.root) as lib:
        before = lib.taste_status()
    curation.relearn_taste()  # what the timer runs
    qtbot.waitUntil(lambda: not curation._relearning, timeout=WAIT)
    with Library.open(win.backend.root) as lib:
        after = lib.taste_status()
    assert after["trained_at"] is not None and after != before
    assert not after["ready"] and "embeddings" in after["reason"]  # this library has none: it says so
