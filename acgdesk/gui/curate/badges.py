"""Marks drawn on a thumbnail: stars along the bottom, a heart for a favourite, a flag for a pick,
and a rejected image dimmed with a cross.

Why painted shapes and not font glyphs: they look the same in every font and theme, and a few
polygons per cell cost next to nothing (the shapes are made once, at the size asked for, and only
moved per cell). Badges sit on a dark translucent pill, legible on light and dark images alike.
:func:`badges_for` says what a cell shows (tests read it instead of pixels).
"""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPolygonF

from acgdesk.gui.curate.marks_cache import Mark

STAR = QColor(255, 200, 40)
HEART = QColor(240, 70, 90)
PICK = QColor(80, 200, 120)
REJECT = QColor(235, 80, 70)
PILL = QColor(0, 0, 0, 150)
DIM = QColor(0, 0, 0, 140)
_NO_PEN = Qt.PenStyle.NoPen
MIN_WIDTH = 56  # below this a cell is too small for badges (only the reject dimming is drawn)


def badges_for(mark: Mark | None) -> tuple[str, ...]:
    """What a cell with these marks shows: ``"stars:N"``, ``"favourite"``, ``"pick"``, ``"reject"``."""
    if mark is None or mark.empty:
        return ()
    out = []
    if mark.stars:
        out.append(f"stars:{mark.stars}")
    if mark.favourite:
        out.append("favourite")
    if mark.flag:
        out.append(mark.flag)
    return tuple(out)


@functools.cache
def star_polygon(size: float) -> QPolygonF:
    """A five-pointed star ``size`` px across, its box's top left at (0, 0)."""
    r, inner = size / 2, size / 2 * 0.45
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(r + radius * math.cos(angle), r + radius * math.sin(angle) + size * 0.04))
    return QPolygonF(points)


@functools.cache
def heart_path(size: float) -> QPainterPath:
    path = QPainterPath()
    s = size
    path.moveTo(s / 2, s * 0.92)
    path.cubicTo(s * -0.15, s * 0.45, s * 0.15, s * -0.1, s / 2, s * 0.25)
    path.cubicTo(s * 0.85, s * -0.1, s * 1.15, s * 0.45, s / 2, s * 0.92)
    return path


@functools.cache
def flag_path(size: float) -> QPainterPath:
    s = size
    path = QPainterPath()
    path.addRect(QRectF(s * 0.18, s * 0.08, s * 0.12, s * 0.86))  # the pole
    path.moveTo(s * 0.3, s * 0.1)
    path.lineTo(s * 0.9, s * 0.3)
    path.lineTo(s * 0.3, s * 0.52)
    path.closeSubpath()
    return path


@functools.cache
def cross_path(size: float) -> QPainterPath:
    s, w = size, size * 0.16
    path = QPainterPath()
    for a, b in (((s * 0.18, s * 0.18), (s * 0.82, s * 0.82)), ((s * 0.82, s * 0.18), (s * 0.18, s * 0.82))):
        line = QPainterPath(QPointF(*a))
        line.lineTo(QPointF(*b))
        path.addPath(_thick(line, w))
    return path


def _thick(line: QPainterPath, width: float) -> QPainterPath:
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    return stroker.createStroke(line)


def paint_marks(painter: QPainter, target: QRect, mark: Mark) -> None:
    """Badges for ``mark`` over the thumbnail drawn in ``target`` (the image's own rectangle)."""
    if mark.flag == "reject":
        painter.fillRect(target, DIM)
    if target.width() < MIN_WIDTH or target.height() < 32:
        return
    size = float(max(10, min(16, max(target.width(), target.height()) // 11)))
    pad = 4.0
    painter.setPen(_NO_PEN)
    if mark.stars:
        w = mark.stars * (size + 1) + 2 * pad - 1
        pill = QRectF(target.left() + 5, target.bottom() - size - 2 * pad - 4, w, size + 2 * pad)
        painter.setBrush(PILL)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setBrush(STAR)
        star = star_polygon(size)
        for i in range(mark.stars):
            painter.drawPolygon(star.translated(pill.left() + pad + i * (size + 1), pill.top() + pad))
    corner = QRectF(target.right() - size - 2 * pad - 4, target.top() + 5, size + 2 * pad, size + 2 * pad)
    if mark.favourite:
        painter.setBrush(PILL)
        painter.drawEllipse(corner)
        painter.setBrush(HEART)
        painter.drawPath(heart_path(size).translated(corner.left() + pad, corner.top() + pad + 1))
    if mark.flag:
        box = QRectF(target.left() + 5, target.top() + 5, size + 2 * pad, size + 2 * pad)
        painter.setBrush(PILL)
        painter.drawEllipse(box)
        if mark.flag == "pick":
            painter.setBrush(PICK)
            painter.drawPath(flag_path(size).translated(box.left() + pad + 1, box.top() + pad))
        else:
            painter.setBrush(REJECT)
            painter.drawPath(cross_path(size).translated(box.left() + pad, box.top() + pad))
