"""Reordering a manual album by dragging its thumbnails within the grid.

Only while the grid shows a manual album in its own order (the search ``album:"Name" sort:album``,
exactly as a click on the album runs it): thumbnails dropped on another thumbnail go in front of it,
dropped after the last one they go to the end. The move is one ``Library.curate.move_in_album``
action (Ctrl+Z takes it back); the curation controller then runs the search again, keeping the
position, so the new order shows. In any other view a drag within the grid drops nothing.

Why an event filter on the grid's viewport: the grid widget stays as it is. The viewport accepts
drops only while such an album is shown, so everywhere else a drag over the grid reaches the window
as before; while it does accept them, drags that are not the grid's own are handed on to the window
(an image dropped from another app still finds similar images). Drags out of the grid (to other
apps, onto a sidebar album) are the grid's own drags and are not touched here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint
from PySide6.QtWidgets import QApplication

from acgdesk.gui.curate import album_in_order
from acgdesk.gui.grid_model import IDS_MIME, ids_from_mime

DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
EDGE = 24  # a drag this close to the grid's top or bottom edge scrolls it
EDGE_STEP = 40


def tr(text: str) -> str:
    return QCoreApplication.translate("curation", text)


class AlbumOrder(QObject):
    """Installed by :class:`~acgdesk.gui.curate.controller.Curation` on the window's grid."""

    def __init__(self, curation: Any) -> None:
        super().__init__(curation)
        self.curation = curation
        self.window = w = curation.window
        self.grid = w.grid
        self.grid.viewport().installEventFilter(self)
        w.results_shown.connect(self._shown)
        curation.albums.reloaded.connect(self._shown)

    def album(self) -> str | None:
        """The manual album the grid shows in its own order, else None."""
        name = album_in_order(self.window.shown_query)
        row = self.curation.albums.row(name) if name else None
        return row.name if row is not None and row.kind == "manual" else None

    def _shown(self, _count: int = 0) -> None:
        self.grid.viewport().setAcceptDrops(self.album() is not None)

    # -- where a drop goes ---------------------------------------------------------------------------
    def target(self, pos: QPoint) -> tuple[bool, int | None]:
        """(whether a drop at ``pos`` lands, the file id it goes in front of: None for the end)."""
        model = self.grid.model()
        index = self.grid.indexAt(pos)
        if index.isValid():
            return True, model.file_id(index.row())
        count = model.rowCount()
        if count == 0:
            return False, None
        last = self.grid.visualRect(model.index(count - 1))
        after_last = pos.y() > last.bottom() or (pos.y() >= last.top() and pos.x() > last.right())
        return after_last, None  # a gap between two cells: no drop

    def _ours(self, event) -> bool:
        """The grid's own cells (the file ids format; no source: a drag Qt did not start here, as a
        test sends, whose ids must then be on screen)."""
        return event.mimeData().hasFormat(IDS_MIME) and event.source() in (self.grid, None)

    # -- events ----------------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if event.type() not in DRAG_EVENTS or watched is not self.grid.viewport():
            return event.type() == QEvent.Type.DragLeave and watched is self.grid.viewport()
        if not self._ours(event):
            if event.source() is None:  # from another app: the window's own handling, as before
                QApplication.sendEvent(self.window, event)
            else:
                event.ignore()
            return True
        name = self.album()
        ids = ids_from_mime(event.mimeData())
        if not name or not ids or any(self.grid.model().row_of(i) is None for i in ids):
            event.ignore()  # not an album in its order, or not (all) this grid's cells
            return True
        if event.type() == QEvent.Type.DragEnter:  # accepted, so that the moves come; they decide
            event.acceptProposedAction()
            return True
        pos = event.position().toPoint()
        if event.type() == QEvent.Type.DragMove:
            self._edge_scroll(pos)
        lands, before = self.target(pos)
        if not lands or before in ids:  # a gap, or onto one of those moved: they stay where they are
            event.ignore()
            return True
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.move(name, ids, before)
        return True

    def _edge_scroll(self, pos: QPoint) -> None:
        bar = self.grid.verticalScrollBar()
        if pos.y() < EDGE:
            bar.setValue(bar.value() - EDGE_STEP)
        elif pos.y() > self.grid.viewport().height() - EDGE:
            bar.setValue(bar.value() + EDGE_STEP)

    def move(self, name: str, ids: list[int], before: int | None) -> None:
        """Put ``ids`` (in their order) in front of ``before`` (None: at the end) in album ``name``;
        the controller then shows the album again, keeping the position."""
        refs = [int(i) for i in ids]
        anchor = None if before is None else int(before)
        self.curation.act(lambda lib: lib.curate.move_in_album(name, refs, anchor))
