"""Painting one grid cell: the thumbnail centred in its square (or filling its justified cell), a
blurred copy when the content rating says so, or a placeholder while it loads.

Why so plain: the grid paints every visible cell on each scroll step, so per-cell Python is kept to a
few calls (enum values looked up once, render hints set once per paint by the view, no
save/restore) to leave the GUI thread free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from acgdesk.gui.curate.badges import paint_marks
from acgdesk.gui.grid_model import ResultsModel

if TYPE_CHECKING:
    from acgdesk.gui.blur import BlurState
    from acgdesk.gui.curate.marks_cache import MarkCache

_SELECTED = QStyle.StateFlag.State_Selected
_FOCUS = QStyle.StateFlag.State_HasFocus
_KEEP_ASPECT = Qt.AspectRatioMode.KeepAspectRatio
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_CENTER = Qt.AlignmentFlag.AlignCenter
_BADGE_BG = QColor(0, 0, 0, 150)
_BADGE_FG = QColor(255, 255, 255)


def image_rect(rect: QRect, image: QImage, *, fill: bool) -> tuple[QRect, QRectF | None]:
    """Where a thumbnail is drawn in a cell: (target, source part or None for all of it).

    Square cells keep a 4 px margin and fit the image inside; justified cells are the image's own
    shape, so it fills them (the few pixels rounding leaves over are cropped, never stretched)."""
    if not fill:
        inner = rect.adjusted(4, 4, -4, -4)
        size = image.size().scaled(inner.size(), _KEEP_ASPECT)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(inner.center())
        return target, None
    iw, ih = image.width(), image.height()
    if iw <= 0 or ih <= 0 or rect.width() <= 0 or rect.height() <= 0:
        return rect, None
    want = rect.width() / rect.height()
    if iw / ih > want:  # the image is wider than its cell: crop left and right
        w = ih * want
        return rect, QRectF((iw - w) / 2, 0, w, ih)
    h = iw / want
    return rect, QRectF(0, (ih - h) / 2, iw, h)


class ThumbDelegate(QStyledItemDelegate):
    """Reads the thumbnail from the model in Python (no QVariant round trip per cell)."""

    def __init__(self, model: ResultsModel, parent=None, *, blur: BlurState | None = None) -> None:
        super().__init__(parent)
        self.results = model
        self.blur = blur
        self.marks: MarkCache | None = None  # stars, heart and flag badges (acgdesk.gui.curate)
        self.colours: tuple[QColor, QColor, QColor] | None = None
        self.badges = {
            "sensitive": self.tr("sensitive"),
            "questionable": self.tr("questionable"),
            "explicit": self.tr("explicit"),
        }
        self.badge_font = QFont()
        self.badge_font.setPointSizeF(max(6.0, self.badge_font.pointSizeF() * 0.85))
        if blur is not None and parent is not None and hasattr(parent, "viewport"):
            blur.changed.connect(parent.viewport().update)

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

    def paint_cell(self, painter: QPainter, rect: QRect, row: int, selected, focused, *, fill=False) -> None:
        """Paint ``row`` into ``rect`` (the view calls this directly, skipping the option object).
        ``fill``: a justified cell, which the image fills."""
        if self.colours is None:
            self.update_palette(QPalette())
        highlight, base, placeholder = self.colours
        if selected and not fill:
            painter.setPen(_NO_PEN)
            painter.setBrush(highlight)
            painter.drawRoundedRect(QRectF(rect), 6, 6)
        image = self.results.thumb(row)
        hidden = False
        blur = self.blur
        if blur is not None and blur.blur_from:
            file_id = self.results.file_id(row)
            hides = blur.hides(file_id)
            if hides is None:  # rating not known yet: never show what may have to be hidden
                image = None
            elif hides and image is not None and not image.isNull():
                image = blur.blurred(file_id, image)
                hidden = True
        if image is not None and not image.isNull():
            target, source = image_rect(rect, image, fill=fill)
            if source is None:
                painter.drawImage(target, image)
            else:
                painter.drawImage(QRectF(target), image, source)
            if hidden:
                self._badge(painter, target, self.results.file_id(row))
        else:
            inner = target = rect if fill else rect.adjusted(4, 4, -4, -4)
            painter.fillRect(inner, base)
            if isinstance(image, QImage):  # loaded, but there is nothing to show: a cross
                pen = QPen(placeholder)
                pen.setWidth(2)
                painter.setPen(pen)
                c = inner.center()
                d = max(6, min(inner.width(), inner.height()) // 10)
                painter.drawLine(c.x() - d, c.y() - d, c.x() + d, c.y() + d)
                painter.drawLine(c.x() - d, c.y() + d, c.x() + d, c.y() - d)
        if self.marks is not None and image is not None:
            mark = self.marks.get(self.results.file_id(row))
            if mark is not None and not mark.empty:
                paint_marks(painter, target, mark)
        if fill and selected:
            pen = QPen(highlight)
            pen.setWidth(4)
            painter.setPen(pen)
            tint = QColor(highlight)
            tint.setAlpha(60)
            painter.setBrush(tint)
            painter.drawRect(QRectF(rect).adjusted(2, 2, -2, -2))
        if focused:
            painter.setBrush(_NO_BRUSH)
            if fill:  # inside the selection frame, light on any image
                painter.setPen(QPen(_BADGE_FG, 2))
                painter.drawRect(QRectF(rect).adjusted(5, 5, -5, -5))
            else:
                pen = QPen(highlight)
                pen.setWidth(2)
                painter.setPen(pen)
                painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 6, 6)

    def _badge(self, painter: QPainter, target: QRect, file_id: int) -> None:
        """The rating a blurred thumbnail hides, small, at its bottom (click to show)."""
        rating = self.blur.rating(file_id) if self.blur is not None else None
        text = self.badges.get(rating or "", "")
        if not text or target.width() < 40:
            return
        painter.setFont(self.badge_font)
        metrics = painter.fontMetrics()
        w = min(target.width() - 8, metrics.horizontalAdvance(text) + 12)
        h = metrics.height() + 4
        box = QRect(target.center().x() - w // 2, target.bottom() - h - 6, w, h)
        painter.setPen(_NO_PEN)
        painter.setBrush(_BADGE_BG)
        painter.drawRoundedRect(QRectF(box), h / 2, h / 2)
        painter.setPen(_BADGE_FG)
        painter.drawText(box, _CENTER, text)
