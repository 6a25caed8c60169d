"""A thumbnail grid view whose cost does not grow with the number of rows, in two layouts.

Why not ``QListView`` in icon mode: it lays out every item (measured: 2.3 s on the GUI thread for a
million rows, again at every resize; list mode with wrapping, 1.1 s). This view computes geometry,
hit tests and painting from the visible rows only:

* ``square``: uniform cells, so the position of row ``r`` is arithmetic: O(visible) at a million
  rows as at ten;
* ``justified``: rows of one height, each image at its own aspect ratio, filled to the width
  (:mod:`acgdesk.gui.justified`). The ratios come from the library in batches on a worker
  (``Library.aspect_ratios``, first the rows on screen, then the rest) and are kept by file id across
  searches; rows are laid out in slices from an idle timer, and on demand for the rows being painted.

Selection, the current index and keyboard moves work the same in both: arrows (up/down to the
nearest item of the row above or below), Page Up/Down, Home/End, click, Ctrl-click, Shift-click and
Shift-arrows select the range in result order, and dragging from empty space selects what the band
touches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import numpy as np
from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPainter, QRegion
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from acgdesk.gui.delegate import ThumbDelegate
from acgdesk.gui.grid_model import ResultsModel
from acgdesk.gui.justified import JustifiedLayout, RatioCache

log = logging.getLogger(__name__)

LAYOUTS = ("square", "justified")
FIRST_RATIO_BATCH = 2_000  # the first page's ratios come on their own, so it is laid out at once
RATIO_BATCH = 50_000
# Justified cells of a landscape image are wider than the row is high: thumbnails are read larger.
JUSTIFIED_THUMB_FACTOR = 1.8

# (ids, callback(ratios, error)) -> None; runs Library.aspect_ratios(ids) off the GUI thread
RatioSource = Callable[[np.ndarray, Callable[[object, BaseException | None], None]], None]


class ThumbGrid(QAbstractItemView):
    """Left to right then top to bottom; vertical scrolling only."""

    painted = Signal(int, int)  # first and last row painted (benchmarks, tests)
    cell_size_changed = Signal(int)
    layout_changed = Signal(str)  # "square" or "justified"
    ratios_ready = Signal()  # every result's aspect ratio is known (justified layout)
    layout_settled = Signal()  # every ratio known, every row laid out, the scroll range exact

    def __init__(self, parent=None, *, cell: int = 176, spacing: int = 6) -> None:
        super().__init__(parent)
        self._cell = cell
        self._spacing = spacing
        self._mode = "square"
        self._justified: JustifiedLayout | None = None
        self._ratio_source: RatioSource | None = None
        self._ratio_cache = RatioCache()
        self._ratio_generation = 0
        self._ratio_queue = np.zeros(0, dtype=np.int64)  # rows whose ratio is still to be asked for
        self._ratio_asking: int | None = None  # generation of the batch in flight
        self._ratio_asking_rows = np.zeros(0, dtype=np.int64)
        self._ratio_batches = 0
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(0)
        self._layout_timer.timeout.connect(self._layout_more)
        self._range_select = False  # Shift-click / Shift-arrow: select the range, not a rectangle
        self._press_row = -1
        self._range_height = -1  # content height the scroll range was last set from
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setDragEnabled(True)
        self.setMouseTracking(True)

    def setModel(self, model) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._model_reset)

    # -- layouts -------------------------------------------------------------------------------------
    @property
    def layout_mode(self) -> str:
        return self._mode

    def set_ratio_source(self, source: RatioSource | None) -> None:
        """Where the justified layout gets aspect ratios (``Library.aspect_ratios`` on a worker)."""
        self._ratio_source = source

    def set_layout_mode(self, mode: str) -> None:
        """``square`` or ``justified``; the current index and selection are kept and stay in view."""
        mode = mode if mode in LAYOUTS else "square"
        if mode == self._mode:
            return
        current = self.currentIndex()
        anchor = current.row() if current.isValid() else self.first_visible_row()
        self._mode = mode
        if mode == "justified":
            self._justified = JustifiedLayout(self.viewport().width(), self._cell, self._spacing)
            # rows laid out on demand (a far visualRect, a key press) change the height: the idle
            # slice then sets the scroll range from it
            self._justified.on_extended = self._schedule_layout
            self._load_ratios()
        else:
            self._justified = None
            self._layout_timer.stop()
        self.updateGeometries()
        if current.isValid():
            self.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        else:
            self._scroll_to_row_top(anchor)
        self.viewport().update()
        self.layout_changed.emit(mode)

    def thumb_size(self) -> int:
        """The longer side thumbnails should be read at for this layout and cell size."""
        if self._mode == "justified":
            return int(self._cell * JUSTIFIED_THUMB_FACTOR)
        return self._cell - 8

    def _model_reset(self) -> None:
        if self._justified is not None:
            self._load_ratios()
            self.updateGeometries()

    def _load_ratios(self) -> None:
        """New results: ratios known from earlier searches at once, the others asked for in batches."""
        lay = self._justified
        assert lay is not None
        model = self.model()
        n = model.rowCount() if model is not None else 0
        self._ratio_generation += 1
        self._ratio_batches = 0
        if isinstance(model, ResultsModel):
            ratios = self._ratio_cache.lookup(model.ids()).astype(np.float64)
            missing = np.flatnonzero(ratios <= 0)
        else:
            ratios, missing = np.ones(n), np.zeros(0, dtype=np.int64)
        if missing.size:
            known = ratios[ratios > 0]
            ratios[missing] = float(np.median(known)) if known.size else 1.0  # until they come
        lay.set_ratios(ratios)
        self._ratio_queue = missing if self._ratio_source is not None else np.zeros(0, dtype=np.int64)
        self._ask_ratios()
        self._schedule_layout()
        if not missing.size:
            self.ratios_ready.emit()

    def ratios_pending(self) -> bool:
        return self._justified is not None and (
            self._ratio_asking == self._ratio_generation or bool(self._ratio_queue.size)
        )

    def ratios_known_before(self) -> int:
        """How many rows from the top are laid out with their real aspect ratio (all, when square)."""
        model = self.model()
        n = model.rowCount() if model is not None else 0
        if self._justified is None:
            return n
        lows = [int(self._ratio_queue[0])] if self._ratio_queue.size else []
        if self._ratio_asking == self._ratio_generation and self._ratio_asking_rows.size:
            lows.append(int(self._ratio_asking_rows[0]))
        return min(lows) if lows else n

    def _ask_ratios(self) -> None:
        if self._ratio_source is None or self._ratio_asking == self._ratio_generation:
            return
        if not self._ratio_queue.size:
            return
        size = FIRST_RATIO_BATCH if self._ratio_batches == 0 else RATIO_BATCH
        rows, self._ratio_queue = self._ratio_queue[:size], self._ratio_queue[size:]
        ids = self.model().ids()[rows].copy()
        generation = self._ratio_generation
        self._ratio_asking = generation
        self._ratio_asking_rows = rows
        self._ratio_batches += 1
        self._ratio_source(
            ids, lambda result, error: self._ratios_arrived(generation, rows, ids, result, error)
        )

    def _ratios_arrived(self, generation: int, rows, ids, result, error) -> None:
        if error is not None:
            log.warning("aspect ratios could not be read: %s", error)
            values = np.ones(len(rows))
        else:
            values = np.asarray(result, dtype=np.float64)
            self._ratio_cache.store(ids[values > 0], values[values > 0])
            values = np.where(values > 0, values, 1.0)
        if generation != self._ratio_generation:
            return  # results changed meanwhile (the cache still learnt them)
        self._ratio_asking = None
        self._ratio_asking_rows = np.zeros(0, dtype=np.int64)
        lay = self._justified
        if lay is not None:
            self._keeping_position(lambda: lay.update_ratios(rows, values))
        self._ask_ratios()
        if not self.ratios_pending():
            self.ratios_ready.emit()

    def _keeping_position(self, change: Callable[[], None]) -> None:
        """Apply a change to the justified layout keeping the item at the top where it is."""
        lay = self._justified
        assert lay is not None
        bar = self.verticalScrollBar()
        top = bar.value()
        anchor, offset = None, 0
        if top > 0 and lay.count:
            anchor = lay.items_in(top, top + 1)[0]
            offset = top - lay.row_band(lay.row_of(anchor))[0]
        change()
        self.updateGeometries()
        if anchor is not None and anchor < lay.count:
            bar.setValue(lay.row_band(lay.row_of(anchor))[0] + offset)
        self._schedule_layout()
        self.viewport().update()

    def _schedule_layout(self) -> None:
        lay = self._justified
        if lay is None or self._layout_timer.isActive():
            return
        if not lay.done or self._range_height != lay.height():
            self._layout_timer.start()

    def _layout_more(self) -> None:
        """Idle time: the next slice of rows (a few ms), so the scroll range becomes exact."""
        lay = self._justified
        if lay is None:
            return
        lay.extend()
        self.updateGeometries()
        self._schedule_layout()

    # -- geometry ------------------------------------------------------------------------------------
    @property
    def cell(self) -> int:
        return self._cell

    def set_cell_size(self, cell: int) -> None:
        """Cell size (square) or row height (justified)."""
        cell = max(48, min(512, int(cell)))
        if cell == self._cell:
            return
        first = self.first_visible_row()
        self._cell = cell
        if self._justified is not None:
            self._justified.set_geometry(self.viewport().width(), cell)
        self.updateGeometries()
        self._scroll_to_row_top(first)
        self._schedule_layout()
        self.viewport().update()
        self.cell_size_changed.emit(cell)

    def _pitch(self) -> int:
        return self._cell + self._spacing

    def columns(self) -> int:
        """Cells per row (justified: in the row at the top of the view)."""
        lay = self._justified
        if lay is not None:
            first, _ = lay.items_in(self.verticalScrollBar().value(), self.verticalScrollBar().value() + 1)
            if lay.rows() == 0:
                return 1
            a, e = lay.row_items(lay.row_of(first))
            return max(1, e - a)
        return max(1, (self.viewport().width() - self._spacing) // self._pitch())

    def _rows(self) -> int:
        model = self.model()
        n = model.rowCount() if model is not None else 0
        return (n + self.columns() - 1) // self.columns()

    def _column_pitch(self, cols: int) -> int:
        """Horizontal pitch: cells are spread over the whole width, not packed to the left."""
        return max(self._pitch(), (self.viewport().width() - self._spacing) // cols)

    def _rect_of_row(self, row: int) -> QRect:
        lay = self._justified
        if lay is not None:
            x, y, w, h = lay.rect(row)
            return QRect(x, y - self.verticalScrollBar().value(), w, h)
        cols = self.columns()
        xpitch = self._column_pitch(cols)
        r, c = divmod(row, cols)
        x = self._spacing + c * xpitch + (xpitch - self._pitch()) // 2
        y = self._spacing + r * self._pitch() - self.verticalScrollBar().value()
        return QRect(x, y, self._cell, self._cell)

    def first_visible_row(self) -> int:
        top = self.verticalScrollBar().value()
        if self._justified is not None:
            return self._justified.items_in(top, top + 1)[0]
        return (top // self._pitch()) * self.columns()

    def visible_rows(self) -> tuple[int, int]:
        """[first, last) rows at least partly on screen."""
        model = self.model()
        n = model.rowCount() if model is not None else 0
        top = self.verticalScrollBar().value()
        if self._justified is not None:
            first, last = self._justified.items_in(top, top + self.viewport().height())
            return min(n, first), min(n, last)
        first_line = max(0, (top - self._spacing) // self._pitch())
        last_line = (top + self.viewport().height()) // self._pitch() + 1
        cols = self.columns()
        return min(n, first_line * cols), min(n, last_line * cols)

    def _scroll_to_row_top(self, row: int) -> None:
        lay = self._justified
        if lay is not None:
            if lay.count:
                top = lay.row_band(lay.row_of(min(row, lay.count - 1)))[0]
                self.verticalScrollBar().setValue(top - self._spacing)
            return
        self.verticalScrollBar().setValue((row // self.columns()) * self._pitch())

    def is_settled(self) -> bool:
        """True when the geometry is final: square, or justified with every ratio known, every row
        laid out and the scroll range set from the exact height. Rows laid out on demand (a
        ``visualRect`` far down) do not count until the idle slice has set the range."""
        lay = self._justified
        if lay is None:
            return True
        return lay.done and not self.ratios_pending() and self._range_height == lay.height()

    def updateGeometries(self) -> None:
        was_settled = self.is_settled()
        if self._justified is not None:
            height = self._justified.height()
        else:
            height = self._rows() * self._pitch() + self._spacing
        self._range_height = height
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, height - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(max(1, self._pitch() // 3))
        super().updateGeometries()
        if self._justified is not None and self.is_settled() and not was_settled:
            self.layout_settled.emit()

    def resizeEvent(self, event) -> None:
        first = self.first_visible_row()
        super().resizeEvent(event)
        if self._justified is not None:
            self._justified.set_geometry(self.viewport().width(), self._cell)
            self._schedule_layout()
        self.updateGeometries()
        self._scroll_to_row_top(first)

    def _visible_cells(self) -> Iterator[tuple[int, QRect]]:
        """(row, rect in viewport coordinates) of every cell at least partly on screen."""
        model = self.model()
        n = model.rowCount() if model is not None else 0
        top = self.verticalScrollBar().value()
        lay = self._justified
        if lay is not None:
            first, last = lay.items_in(top, top + self.viewport().height())
            if last <= first:
                return
            r = lay.row_of(first)
            while r < lay.rows():
                a, lefts, sizes = lay.cells(r)
                if a >= last:
                    return
                y, h = lay.row_band(r)
                for i, (x, w) in enumerate(zip(lefts, sizes, strict=True)):
                    if a + i < n:
                        yield a + i, QRect(x, y - top, w, h)
                r += 1
            return
        first, last = self.visible_rows()
        cols, pitch, cell, spacing = self.columns(), self._pitch(), self._cell, self._spacing
        xpitch = self._column_pitch(cols)
        left = spacing + (xpitch - pitch) // 2
        for row in range(first, last):
            r, c = divmod(row, cols)
            yield row, QRect(left + c * xpitch, spacing + r * pitch - top, cell, cell)

    # -- QAbstractItemView ---------------------------------------------------------------------------
    def visualRect(self, index: QModelIndex) -> QRect:
        if not index.isValid():
            return QRect()
        return self._rect_of_row(index.row())

    def indexAt(self, point: QPoint) -> QModelIndex:
        model = self.model()
        if model is None:
            return QModelIndex()
        if self._justified is not None:
            row = self._justified.item_at(point.x(), point.y() + self.verticalScrollBar().value())
            return model.index(row, 0) if 0 <= row < model.rowCount() else QModelIndex()
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
        if hint == QAbstractItemView.ScrollHint.PositionAtCenter:
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)
        elif rect.top() < 0:
            bar.setValue(bar.value() + rect.top() - self._spacing)
        elif rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.bottom() - self.viewport().height() + self._spacing)

    def moveCursor(self, action, modifiers) -> QModelIndex:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return QModelIndex()
        n = model.rowCount()
        current = self.currentIndex().row() if self.currentIndex().isValid() else 0
        A = QAbstractItemView.CursorAction
        if self._justified is not None and action not in (A.MoveHome, A.MoveEnd):
            row = self._justified_move(action, current)
        else:
            cols = self.columns()
            per_page = max(1, self.viewport().height() // self._pitch()) * cols
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
            row = moves.get(action, current)
        row = max(0, min(n - 1, row))
        return model.index(row, 0)

    def _justified_move(self, action, current: int) -> int:
        """Up/down: the nearest item of the row above/below; pages: a viewport's height away."""
        lay = self._justified
        assert lay is not None
        A = QAbstractItemView.CursorAction
        if action in (A.MoveLeft, A.MovePrevious):
            return current - 1
        if action in (A.MoveRight, A.MoveNext):
            return current + 1
        r = lay.row_of(current)
        a, lefts, sizes = lay.cells(r)
        x = lefts[current - a] + sizes[current - a] / 2
        top, h = lay.row_band(r)
        if action == A.MoveUp:
            target = r - 1
        elif action == A.MoveDown:
            lay.extend_to_item(lay.row_items(r)[1])  # the next row exists once laid out
            target = r + 1
        elif action in (A.MovePageUp, A.MovePageDown):
            step = self.viewport().height() * (-1 if action == A.MovePageUp else 1)
            y = max(0, top + h // 2 + step)
            target = lay.row_at(y)
            if target < 0:
                target = lay.rows() - 1 if step > 0 else 0
            if target == r:  # a row taller than the view: at least one row
                target = r + (1 if step > 0 else -1)
        else:
            return current
        if not 0 <= target < lay.rows():
            return current
        return lay.nearest_in_row(target, x)

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
        selection = QItemSelection()
        if self._range_select:  # Qt passes (start item's centre, new point): the range between
            start, end = self.indexAt(rect.topLeft()), self.indexAt(rect.bottomRight())
            if start.isValid() and end.isValid():
                lo, hi = sorted((start.row(), end.row()))
                selection.select(model.index(lo, 0), model.index(hi, 0))
                self.selectionModel().select(selection, command)
                return
        rect = rect.normalized()
        for row, cell in self._visible_cells():
            if cell.intersects(rect):
                idx = model.index(row, 0)
                selection.select(idx, idx)
        if selection.isEmpty():
            return
        self.selectionModel().select(selection, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        ranges = [(rng.top(), rng.bottom()) for rng in selection]
        if not ranges:
            return region
        for row, cell in self._visible_cells():
            if any(lo <= row <= hi for lo, hi in ranges):
                region += cell
        return region

    # -- input ---------------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        self._range_select = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        index = self.indexAt(event.position().toPoint())
        self._press_row = index.row() if index.isValid() else -1
        try:
            super().mousePressEvent(event)
        finally:
            self._range_select = False

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        index = self.indexAt(event.position().toPoint())
        if (
            event.button() == Qt.MouseButton.LeftButton
            and index.isValid()
            and index.row() == self._press_row
            and isinstance(self.model(), ResultsModel)
        ):
            blur = getattr(self.itemDelegate(), "blur", None)
            file_id = self.model().file_id(index.row())
            if blur is not None and blur.hides(file_id):  # a click shows it, until the next search
                blur.reveal(file_id)
        self._press_row = -1

    def keyPressEvent(self, event) -> None:
        self._range_select = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        try:
            super().keyPressEvent(event)
        finally:
            self._range_select = False

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
        fill = self._justified is not None
        if fast:
            delegate.update_palette(self.palette())
        else:
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            option.decorationSize = QSize(self._cell, self._cell)
        selected_rows = self._selected_rows(first, last)
        current = self.currentIndex().row() if self.currentIndex().isValid() and self.hasFocus() else -1
        exposed = event.rect()
        for row, rect in self._visible_cells():
            if not rect.intersects(exposed):
                continue
            if fast:
                delegate.paint_cell(painter, rect, row, row in selected_rows, row == current, fill=fill)
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

    def _selected_rows(self, first: int, last: int) -> set[int]:
        """Selected rows among [first, last), from the selection's ranges (a range can be a million
        rows long after Shift-click or Ctrl+A: never list every index)."""
        selection = self.selectionModel()
        if selection is None:
            return set()
        rows: set[int] = set()
        for rng in selection.selection():
            lo, hi = max(rng.top(), first), min(rng.bottom(), last - 1)
            if lo <= hi:
                rows.update(range(lo, hi + 1))
        return rows

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
