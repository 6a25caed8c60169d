"""A thumbnail grid view whose cost does not grow with the number of rows.

Why not ``QListView`` in icon mode: it lays out every item (measured: 2.3 s on the GUI thread for a
million rows, again at every resize; list mode with wrapping, 1.1 s). With uniform cells the
position of row ``r`` is arithmetic, so this view computes geometry, hit tests and painting from the
visible rows only: O(visible) at a million rows as at ten.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QRegion
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from acgdesk.gui.delegate import ThumbDelegate
from acgdesk.gui.grid_model import ResultsModel


class ThumbGrid(QAbstractItemView):
    """Uniform cells, left to right then top to bottom; vertical scrolling only."""

    painted = Signal(int, int)  # first and last row painted (benchmarks, tests)
    cell_size_changed = Signal(int)

    def __init__(self, parent=None, *, cell: int = 176, spacing: int = 6) -> None:
        super().__init__(parent)
        self._cell = cell
        self._spacing = spacing
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setDragEnabled(True)
        self.setMouseTracking(True)

    # -- geometry ------------------------------------------------------------------------------------
    @property
    def cell(self) -> int:
        return self._cell

    def set_cell_size(self, cell: int) -> None:
        cell = max(48, min(512, int(cell)))
        if cell == self._cell:
            return
        first = self.first_visible_row()
        self._cell = cell
        self.updateGeometries()
        self._scroll_to_row_top(first)
        self.viewport().update()
        self.cell_size_changed.emit(cell)

    def _pitch(self) -> int:
        return self._cell + self._spacing

    def columns(self) -> int:
        return max(1, (self.viewport().width() - self._spacing) // self._pitch())

    def _rows(self) -> int:
        model = self.model()
        n = model.rowCount() if model is not None else 0
        return (n + self.columns() - 1) // self.columns()

    def _column_pitch(self, cols: int) -> int:
        """Horizontal pitch: cells are spread over the whole width, not packed to the left."""
        return max(self._pitch(), (self.viewport().width() - self._spacing) // cols)

    def _rect_of_row(self, row: int) -> QRect:
        cols = self.columns()
        xpitch = self._column_pitch(cols)
        r, c = divmod(row, cols)
        x = self._spacing + c * xpitch + (xpitch - self._pitch()) // 2
        y = self._spacing + r * self._pitch() - self.verticalScrollBar().value()
        return QRect(x, y, self._cell, self._cell)

    def first_visible_row(self) -> int:
        return (self.verticalScrollBar().value() // self._pitch()) * self.columns()

    def visible_rows(self) -> tuple[int, int]:
        """[first, last) rows at least partly on screen."""
        model = self.model()
        n = model.rowCount() if model is not None else 0
        top = self.verticalScrollBar().value()
        first_line = max(0, (top - self._spacing) // self._pitch())
        last_line = (top + self.viewport().height()) // self._pitch() + 1
        cols = self.columns()
        return min(n, first_line * cols), min(n, last_line * cols)

    def _scroll_to_row_top(self, row: int) -> None:
        self.verticalScrollBar().setValue((row // self.columns()) * self._pitch())

    def updateGeometries(self) -> None:
        height = self._rows() * self._pitch() + self._spacing
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, height - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(max(1, self._pitch() // 3))
        super().updateGeometries()

    def resizeEvent(self, event) -> None:
        first = self.first_visible_row()
        super().resizeEvent(event)
        self.updateGeometries()
        self._scroll_to_row_top(first)

    # -- QAbstractItemView ---------------------------------------------------------------------------
    def visualRect(self, index: QModelIndex) -> QRect:
        if not index.isValid():
            return QRect()
        return self._rect_of_row(index.row())

    def indexAt(self, point: QPoint) -> QModelIndex:
        model = self.model()
        if model is None:
            return QModelIndex()
        y = point.y() + self.verticalScrollBar().value() - self._spacing
        x = point.x() - self._spacing
        if x < 0 or y < 0:
            return QModelIndex()
        cols = self.columns()
        xpitch = self._column_pitch(cols)
        c, r = x // xpitch, y // self._pitch()
        inside_x = x % xpitch - (xpitch - self._pitch()) // 2
        if c >= cols or not 0 <= inside_x < self._cell or y % self._pitch() >= self._cell:
            return QModelIndex()
        row = r * cols + c
        return model.index(row, 0) if row < model.rowCount() else QModelIndex()

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if not index.isValid():
            return
        rect = self.visualRect(index)
        bar = self.verticalScrollBar()
        if rect.top() < 0:
            bar.setValue(bar.value() + rect.top() - self._spacing)
        elif rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.bottom() - self.viewport().height() + self._spacing)

    def moveCursor(self, action, modifiers) -> QModelIndex:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return QModelIndex()
        n, cols = model.rowCount(), self.columns()
        current = self.currentIndex().row() if self.currentIndex().isValid() else 0
        per_page = max(1, self.viewport().height() // self._pitch()) * cols
        A = QAbstractItemView.CursorAction
        moves = {
            A.MoveLeft: current - 1,
            A.MovePrevious: current - 1,
            A.MoveRight: current + 1,
            A.MoveNext: current + 1,
            A.MoveUp: current - cols,
            A.MoveDown: current + cols,
            A.MovePageUp: current - per_page,
            A.MovePageDown: current + per_page,
            A.MoveHome: 0,
            A.MoveEnd: n - 1,
        }
        row = max(0, min(n - 1, moves.get(action, current)))
        return model.index(row, 0)

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: QModelIndex) -> bool:
        return False

    def setSelection(self, rect: QRect, command) -> None:
        model = self.model()
        if model is None:
            return
        rect = rect.normalized()
        first, last = self.visible_rows()
        selection = QItemSelection()
        for row in range(first, last):
            if self._rect_of_row(row).intersects(rect):
                idx = model.index(row, 0)
                selection.select(idx, idx)
        if selection.isEmpty():
            return
        self.selectionModel().select(selection, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        first, last = self.visible_rows()
        for rng in selection:
            lo, hi = max(rng.top(), first), min(rng.bottom(), last - 1)
            for row in range(lo, hi + 1):
                region += self._rect_of_row(row)
        return region

    # -- painting ------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        model = self.model()
        if model is None:
            return
        first, last = self.visible_rows()
        if isinstance(model, ResultsModel):
            model.visible_range = (first, last)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        delegate = self.itemDelegate()
        fast = isinstance(delegate, ThumbDelegate)
        if fast:
            delegate.update_palette(self.palette())
        else:
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            option.decorationSize = QSize(self._cell, self._cell)
        selection = self.selectionModel()
        selected_rows = {i.row() for i in selection.selectedIndexes()} if selection is not None else set()
        current = self.currentIndex().row() if self.currentIndex().isValid() and self.hasFocus() else -1
        exposed = event.rect()
        cols, pitch, cell, spacing = self.columns(), self._pitch(), self._cell, self._spacing
        xpitch = self._column_pitch(cols)
        left = spacing + (xpitch - pitch) // 2
        top = self.verticalScrollBar().value()
        for row in range(first, last):
            r, c = divmod(row, cols)
            rect = QRect(left + c * xpitch, spacing + r * pitch - top, cell, cell)
            if not rect.intersects(exposed):
                continue
            if fast:
                delegate.paint_cell(painter, rect, row, row in selected_rows, row == current)
                continue
            option.rect = rect
            option.state = QStyle.StateFlag.State_Enabled
            if row in selected_rows:
                option.state |= QStyle.StateFlag.State_Selected
            if row == current:
                option.state |= QStyle.StateFlag.State_HasFocus
            delegate.paint(painter, option, model.index(row, 0))
        painter.end()
        self.painted.emit(first, last)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = 16 if event.angleDelta().y() > 0 else -16
            self.set_cell_size(self._cell + step)
            event.accept()
            return
        super().wheelEvent(event)

    # -- selection helpers ---------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        model = self.model()
        if model is None or not (0 <= row < model.rowCount()):
            return
        index = model.index(row, 0)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
