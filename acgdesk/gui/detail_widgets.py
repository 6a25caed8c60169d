"""The detail panel's widgets: a confidence bar per tag, the preview that fits the panel's width,
and labels that elide or wrap without ever making the panel wider.

Why apart from :mod:`acgdesk.gui.detail_panel`: they are plain widgets with no library access; the
panel composes them.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QStyle, QStyleOption, QWidget

PREVIEW_MAX_HEIGHT = 380
NARROW_TEXT = 80  # the least width a wrapped value asks for (below it, a form row puts it under its name)


class ConfidenceBar(QWidget):
    """A probability as a bar, with the display threshold as a tick: why a tag is (not) shown."""

    def __init__(self, probability: float, threshold: float | None, user: bool, parent=None) -> None:
        super().__init__(parent)
        self.probability = probability
        self.threshold = threshold
        self.user = user
        self.setFixedHeight(8)
        self.setMinimumWidth(24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            self.tr("set by you")
            if user
            else self.tr("confidence {p:.2f}, shown from {t:.2f}").format(p=probability, t=threshold or 0.0)
        )

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.rect().adjusted(0, 1, -1, -1)
        pal = self.palette()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        p.drawRoundedRect(r, 3, 3)
        fill = QRect(r)
        fill.setWidth(int(r.width() * max(0.0, min(1.0, self.probability))))
        p.setBrush(QColor("#3fa46a") if self.user else pal.color(QPalette.ColorRole.Highlight))
        p.drawRoundedRect(fill, 3, 3)
        if self.threshold is not None and not self.user:
            x = r.left() + int(r.width() * self.threshold)
            p.setPen(pal.color(QPalette.ColorRole.Text))
            p.drawLine(x, 0, x, self.height())
        p.end()


class PreviewImage(QLabel):
    """The large preview: the image scaled down to the panel's width (never up, at most
    ``PREVIEW_MAX_HEIGHT`` high), or a line of text while there is none.

    Why not a plain QLabel with a pixmap: a QLabel is at least as wide as its pixmap, so a preview
    made for a wide panel would keep the panel from getting narrower (a horizontal scroll bar and a
    cut-off preview). This one asks for no width and takes its height from the width it gets.
    ``pixmap()`` is the image as decoded; what is painted is scaled from it."""

    clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self._scaled = QPixmap()
        self._text = ""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def setPixmap(self, pixmap: QPixmap) -> None:
        self._pixmap, self._scaled = pixmap, QPixmap()
        if not pixmap.isNull():
            self._text = ""
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self.update()

    def fitted(self, width: int) -> QSize:
        """The size the image is painted at in ``width`` px."""
        if self._pixmap.isNull():
            return QSize(0, 0)
        box = QSize(max(1, width), PREVIEW_MAX_HEIGHT)
        size = self._pixmap.size()
        return (
            size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
            if size.width() > box.width() or size.height() > box.height()
            else size
        )

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.fitted(width).height() if not self._pixmap.isNull() else 120

    def sizeHint(self) -> QSize:
        width = min(self._pixmap.width(), 360) if not self._pixmap.isNull() else 240
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(32, 32)

    def image_rect(self) -> QRect:
        """Where the image is painted, in this widget's coordinates."""
        size = self.fitted(self.width())
        rect = QRect(0, 0, size.width(), size.height())
        rect.moveCenter(self.rect().center())
        return rect

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)  # the theme
        if self._pixmap.isNull():
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect().adjusted(6, 6, -6, -6),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._text,
            )
            return
        target = self.image_rect()
        if self._scaled.size() != target.size():
            self._scaled = (
                self._pixmap
                if self._pixmap.size() == target.size()
                else self._pixmap.scaled(
                    target.size(),
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        painter.drawPixmap(target.topLeft(), self._scaled)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit (the whole text is in the tooltip)."""

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(
            min(metrics.horizontalAdvance(self.text()), metrics.horizontalAdvance("xxx…")), metrics.height()
        )

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)


class WrapLabel(QLabel):
    """Text wrapped at word boundaries, and anywhere inside a word too long for the width (paths,
    prompts written without spaces), so it never makes the panel wider. Right-click copies it."""

    _FLAGS = int(Qt.TextFlag.TextWrapAnywhere | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _flags(self) -> int:
        # words stay whole where they fit: wrap anywhere only when some word is wider than the line
        metrics = self.fontMetrics()
        if all(metrics.horizontalAdvance(w) <= self.width() for w in self.text().split()):
            return int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return self._FLAGS

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        metrics = self.fontMetrics()
        words = self.text().split()
        flags = (
            int(Qt.TextFlag.TextWordWrap)
            if all(metrics.horizontalAdvance(w) <= width for w in words)
            else int(Qt.TextFlag.TextWrapAnywhere)
        )
        return metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), flags, self.text()).height()

    def sizeHint(self) -> QSize:
        width = min(self.fontMetrics().horizontalAdvance(self.text()) + 2, 320)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = min(NARROW_TEXT, self.fontMetrics().horizontalAdvance(self.text()) + 2)
        return QSize(width, self.fontMetrics().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(self.rect(), self._flags(), self.text())

    def contextMenuEvent(self, event) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Copy"), lambda: QGuiApplication.clipboard().setText(self.text()))
        menu.exec(event.globalPos())
