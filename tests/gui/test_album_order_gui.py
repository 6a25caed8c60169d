"""Reordering a manual album by dragging thumbnails within the grid (acgdesk.gui.curate.album_order).

The drops are built from the model's own drag data and sent to the grid's viewport, as Qt delivers
them; every wait is on a signal (``results_shown``, undo's ``finished``) or a state the library or
the model reaches, never on a length of time. The window is conftest's ``window`` fixture.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from acgdesk.gui.curate import album_in_order, album_query
from acgdesk.library import Library

WAIT = 10_000
NAME = 'Set "one"'
COPY = Qt.DropAction.CopyAction


def album_ids(win) -> list[int]:
    with Library.open(win.backend.root) as lib:
        return [int(i) for i in lib.query_ids(album_query(NAME, "manual"))]


def shown(win) -> list[int]:
    return [int(i) for i in win.model.ids().tolist()]


def select_rows(win, rows: list[int]) -> None:
    selection = QItemSelection()
    for r in rows:
        selection.select(win.model.index(r), win.model.index(r))
    win.grid.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def drop_rows(win, rows: list[int], point: QPoint, *, direct: bool = False) -> bool:
    """Drag ``rows`` (their drag data, as the grid makes it) and drop them at ``point`` in the grid's
    viewport: enter, move, drop. Whether the drop was taken.

    ``direct``: straight to the reorder's drop handling. Where the viewport takes no drops, Qt hands
    a drag over it to the window, and the window takes one that Qt did not start in the window (a
    sent event has no source) as an image from another app, to find similar ones."""
    select_rows(win, rows)
    mime = win.model.mimeData(win.grid.selectedIndexes())
    viewport = win.grid.viewport()
    handler = win.curation.album_order

    def send(event) -> None:
        if direct:
            assert handler.eventFilter(viewport, event)
        else:
            QApplication.sendEvent(viewport, event)

    none, mods = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    send(QDragEnterEvent(point, COPY, mime, none, mods))
    send(QDragMoveEvent(point, COPY, mime, none, mods))
    drop = QDropEvent(QPointF(point), COPY, mime, none, mods)
    send(drop)
    return drop.isAccepted()


def on_row(win, row: int) -> QPoint:
    return win.grid.visualRect(win.model.index(row)).center()


def after_last(win) -> QPoint:
    last = win.grid.visualRect(win.model.index(win.model.rowCount() - 1))
    return QPoint(last.center().x(), last.bottom() + 20)


def make_album(qtbot, win) -> list[int]:
    """A manual album of four files, in a known order, shown in the grid in that order."""
    files = shown(win)[:4]
    order = [files[2], files[0], files[3], files[1]]
    with Library.open(win.backend.root) as lib:
        lib.curate.create_album(NAME)
        lib.curate.add_to_album(NAME, order)
    panel = win.curation.albums
    panel.reload()
    qtbot.waitUntil(lambda: panel.row(NAME) is not None and panel.row(NAME).count == 4, timeout=WAIT)
    assert album_ids(win) == order
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        win.curation.show_search(album_query(NAME, "manual"))
    assert win.shown_query == album_query(NAME, "manual") and shown(win) == order
    return order


def test_album_in_order_reads_only_a_manual_album_in_its_own_order():
    assert album_in_order(album_query(NAME, "manual")) == NAME
    assert album_in_order(album_query(NAME, "smart")) is None
    assert album_in_order(album_query(NAME, "manual") + " is:fav") is None
    assert album_in_order("sort:album") is None


def test_dragging_thumbnails_within_an_album_reorders_it_and_ctrl_z_restores(qtbot, window):
    win = window
    a, b, c, d = make_album(qtbot, win)
    assert win.grid.viewport().acceptDrops()
    # the third and fourth in front of the first
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        assert drop_rows(win, [2, 3], on_row(win, 0))
    assert album_ids(win) == [c, d, a, b]
    assert shown(win) == [c, d, a, b]
    # the first, dropped after the last one: to the end
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        assert drop_rows(win, [0], after_last(win))
    assert album_ids(win) == [d, a, b, c]
    assert shown(win) == [d, a, b, c]
    # onto one of the thumbnails being moved: refused, nothing changes
    assert not drop_rows(win, [1, 2], on_row(win, 2))
    # anything else dragged over the album's grid is the window's, as before (here: refused)
    other = QMimeData()
    other.setText("not images")
    enter = QDragEnterEvent(
        on_row(win, 0), COPY, other, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    enter.ignore()
    QApplication.sendEvent(win.grid.viewport(), enter)
    assert not enter.isAccepted()
    # Ctrl+Z takes the last move back, in the library and on screen
    undo = win.curation.undo
    qtbot.waitUntil(lambda: undo.undo_action.isEnabled(), timeout=WAIT)
    win.grid.setFocus()
    with qtbot.waitSignals([undo.finished, win.results_shown], timeout=WAIT):
        qtbot.keyClick(win.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert album_ids(win) == [c, d, a, b]
    assert shown(win) == [c, d, a, b]


def test_in_any_other_view_a_drop_within_the_grid_changes_nothing(qtbot, window):
    win = window
    order = make_album(qtbot, win)
    # the album without its order (as a smart album or a typed search would show it)
    win.search.set_text(album_query(NAME, "smart"))
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        win.run_search()
    before = shown(win)
    assert not win.grid.viewport().acceptDrops()
    assert not drop_rows(win, [2, 3], on_row(win, 0), direct=True)
    # every result: the same
    win.search.set_text("")
    with qtbot.waitSignal(win.results_shown, timeout=WAIT):
        win.run_search()
    everything = shown(win)
    assert not drop_rows(win, [2, 3], on_row(win, 0), direct=True)
    # a write queued after the drops comes back after anything they might have queued
    flushed = []
    win.backend.write(lambda lib: None, lambda result, error: flushed.append(error), changed=False)
    qtbot.waitUntil(lambda: flushed == [None], timeout=WAIT)
    assert album_ids(win) == order
    assert shown(win) == everything
    assert sorted(before) == sorted(order)
    assert not win.curation.undo.undo_action.text().startswith("Undo reordered")
