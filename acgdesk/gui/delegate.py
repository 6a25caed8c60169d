"""Painting one grid cell: the thumbnail centred in its square, or a placeholder while it loads.

Why so plain: the grid paints every visible cell on each scroll step, so per-cell Python is kept to a
few calls (enum values looked up once, render hints set once per paint by the view, no
save/restore) to leave the GUI thread free.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from acgdesk.gui.grid_model import ResultsModel

_SELECTED = QStyle.StateFlag.State_Selected
_FOCUS = QStyle.StateFlag.State_HasFocus
_KEEP_ASPECT = Qt.AspectRatioMode.KeepAspectRatio
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush


class ThumbDelegate(QStyledItemDelegate):
    """Reads the thumbnail from the model in Python (no QVariant round trip per cell)."""

    def __init__(self, model: ResultsModel, parent=None) -> None:
        super().__init__(parent)
        self.results = model
        self.colours: tuple[QColor, QColor, QColor] | None = None

    def update_palette(self, palette: QPalette) -> None:
        self.colours = (
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.AlternateBase),
            palette.color(QPalette.ColorRole.PlaceholderText),
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return option.decorationSize

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.paint_cell(painter, option.rect, index.row(), option.state & _SELECTED, option.state & _FOCUS)

    def paint_cell(self, painter: QPainter, rect: QRect, row: int, selected, focused) -> None:
        """Paint ``row`` into ``rect`` (the view calls this directly, skipping the option object)."""
        if self.colours is None:
            self.update_palette(QPalette())
        highlight, base, placeholder = self.colours
        if selected:
            painter.setPen(_NO_PEN)
            painter.setBrush(highlight)
            painter.drawRoundedRect(QRectF(rect), 6, 6)
        inner = rect.adjusted(4, 4, -4, -4)
        image = self.results.thumb(row)
        if image is not None and not image.isNull():
            size = image.size().scaled(inner.size(), _KEEP_ASPECT)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(inner.center())
            painter.drawImage(target, image)
        else:
            painter.fillRect(inner, base)
            if isinstance(image, QImage):  # loaded, but there is nothing to show: a cross
                pen = QPen(placeholder)
                pen.setWidth(2)
                painter.setPen(pen)
                c = inner.center()
                d = max(6, inner.width() // 10)
                painter.drawLine(c.x() - d, c.y() - d, c.x() + d, c.y() + d)
                painter.drawLine(c.x() - d, c.y() + d, c.x() + d, c.y() - d)
        if focused:
            pen = QPen(highlight)
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(_NO_BRUSH)
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 6, 6)
