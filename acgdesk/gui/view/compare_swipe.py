"""Swipe mode: two pictures under one view with a divider between them, so a change (an upscale,
an inpainted patch) can be seen by sliding one image over the other at the same place and zoom.

A :class:`~acgdesk.gui.view.compare_canvas.Canvas` with two layers, each clipped to its side of
the divider; the divider, its handle and the two names are painted over them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from acgdesk.gui.view.compare_canvas import Canvas

DIVIDER_GRAB_PX = 8


class SwipeCanvas(Canvas):
    """Two pictures under one view, image 1 left of a vertical divider and image 2 right of it;
    drag the divider (or press Left/Right) to reveal one over the other."""

    divider_moved = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(layers=2, parent=parent)
        self.divider = 0.5  # where the divider is, as a fraction of the widget's width
        self.labels = ("1", "2")
        self._dragging_divider = False
        self.setMouseTracking(True)

    def divider_x(self) -> float:
        return self.divider * self.width()

    def set_divider(self, fraction: float) -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        if fraction != self.divider:
            self.divider = fraction
            self.update()
            self.divider_moved.emit(fraction)

    def shown_at(self, x: float) -> int:
        """Which image (0 or 1) is on screen at widget column ``x``."""
        return 0 if x < self.divider_x() else 1

    def layer_clip(self, layer: int) -> QRectF:
        x = self.divider_x()
        if layer == 0:
            return QRectF(0, 0, x, self.height())
        return QRectF(x, 0, self.width() - x, self.height())

    def _near_divider(self, pos: QPointF) -> bool:
        return abs(pos.x() - self.divider_x()) <= DIVIDER_GRAB_PX

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._near_divider(event.position()):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.activated.emit()
            self._dragging_divider = True
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._dragging_divider:
            self.set_divider(event.position().x() / max(1, self.width()))
            event.accept()
            return
        if self._drag is None:
            near = self._near_divider(event.position())
            self.setCursor(Qt.CursorShape.SplitHCursor if near else Qt.CursorShape.OpenHandCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._dragging_divider:
            self._dragging_divider = False
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key.Key_Left: -0.05, Qt.Key.Key_Right: 0.05}.get(event.key())
        if step is None:
            super().keyPressEvent(event)
            return
        self.set_divider(self.divider + step)

    def paint_overlay(self, painter: QPainter) -> None:
        x = round(self.divider_x())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(255, 255, 255, 230), 2))
        painter.drawLine(x, 0, x, self.height())
        mid = self.height() / 2
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.setPen(QPen(QColor(40, 40, 40), 1))
        painter.drawEllipse(QPointF(x, mid), 11, 11)
        painter.setBrush(QColor(40, 40, 40))
        for sign in (-1, 1):  # a small arrow each way
            tip = QPointF(x + sign * 8, mid)
            painter.drawPolygon([tip, QPointF(x + sign * 3, mid - 4), QPointF(x + sign * 3, mid + 4)])
        metrics = painter.fontMetrics()
        for label, left in ((self.labels[0], True), (self.labels[1], False)):
            width = metrics.horizontalAdvance(label) + 12
            box = QRectF(8 if left else self.width() - width - 8, 8, width, metrics.height() + 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 150))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
