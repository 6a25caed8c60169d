"""The surface the viewer paints a picture on: zoom around a point, pan, rotate, animation frames.

Why ``zoom`` counts device pixels per pixel of the *original*: the canvas paints whichever copy of a
picture it has (the screen-sized one first, the whole original once zoomed in past it), and with the
view stated in the original's pixels one copy can replace the other without the picture moving.
Painting transforms only what is on screen (``QPainter.drawImage`` with a transform), in the formats
Qt draws fastest; nothing is converted or scaled on the GUI thread. Transparent pixels are shown over
a checkerboard; from 200 % on, pixels are drawn as sharp squares (pixel art stays crisp).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QMouseEvent, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QApplication, QWidget

from acgdesk.gui.blur import paint_blurred
from acgdesk.gui.view.image_source import Picture

BACKGROUND = QColor(24, 24, 26)
ZOOM_STEP = 1.25
MAX_ZOOM = 32.0
PIXELATED_FROM = 2.0  # from this zoom on, picture pixels are drawn as sharp squares


def frame_delay(ms: int) -> int:
    """How long an animation frame stays: as the file says, but 10 ms or less means 100 ms (what
    browsers do; such files were made for them)."""
    return 100 if ms <= 10 else int(ms)


def checker_brush(cell: int = 8) -> QBrush:
    """The grey checkerboard transparent pixels are shown over."""
    tile = QPixmap(cell * 2, cell * 2)
    tile.fill(QColor(204, 204, 204))
    painter = QPainter(tile)
    painter.fillRect(0, 0, cell, cell, QColor(153, 153, 153))
    painter.fillRect(cell, cell, cell, cell, QColor(153, 153, 153))
    painter.end()
    return QBrush(tile)


class ImageCanvas(QWidget):
    """Paints one picture with the view's zoom, pan and rotation; plays its animation.

    ``zoom`` is device pixels per pixel of the original (1.0 = 100 %), whatever copy of the picture
    is being painted, so a screen-sized copy and the whole original can replace each other under the
    same view. ``offset`` is where the picture's centre is relative to the canvas centre (logical px).
    """

    painted = Signal(int)  # file id of a picture just painted (not a placeholder or message)
    frame_shown = Signal(int)  # index of the animation frame just painted
    zoom_changed = Signal()
    drag_out = Signal()  # a drag that should carry the file out of the application
    double_clicked = Signal()
    clicked = Signal()  # a left click that neither panned nor dragged (reveals a veiled picture)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.picture: Picture | None = None
        self.placeholder: QImage | None = None  # the grid's thumbnail while the picture decodes
        self.message = ""
        self.veil = ""  # non-empty: the picture is painted blurred, with this line over it
        self.frame = 0
        self.zoom = 1.0
        self.fit = True
        self.offset = QPointF(0, 0)
        self.rotation = 0  # degrees clockwise, a multiple of 90
        self.paused = False
        self._plays = 0
        self._painted_frame = -1
        self._press: QPointF | None = None
        self._press_modifiers = Qt.KeyboardModifier.NoModifier
        self._panning = False
        self._checker = checker_brush()
        self._animation = QTimer(self)
        self._animation.setSingleShot(True)
        self._animation.setTimerType(Qt.TimerType.PreciseTimer)
        self._animation.timeout.connect(self._next_frame)

    # -- contents ------------------------------------------------------------------------------------
    def set_picture(self, picture: Picture, *, keep_view: bool = False) -> None:
        """Show ``picture``; ``keep_view``: it is another copy of the one shown (keep zoom, rotation,
        position and the animation's frame)."""
        same = keep_view and self.picture is not None and self.picture.file_id == picture.file_id
        self.picture, self.placeholder = picture, None
        self.message = (
            self.tr("This picture cannot be shown.\n{reason}").format(reason=picture.error)
            if picture.error
            else ""
        )
        if same:
            self.frame = min(self.frame, max(0, len(picture.frames) - 1))
        else:
            self.frame, self._plays, self.rotation = 0, 0, 0
            self.fit, self.offset = True, QPointF(0, 0)
            self._painted_frame = -1
        self._layout_view()
        if not same or not self._animation.isActive():
            self._schedule_frame()
        self.update()
        self.zoom_changed.emit()

    def show_placeholder(self, thumbnail: QImage | None, message: str = "") -> None:
        """Nothing decoded yet: the grid's thumbnail (if any) fitted to the window, or a message."""
        self._animation.stop()
        self.picture = None
        self.placeholder = thumbnail if thumbnail is not None and not thumbnail.isNull() else None
        self.message = "" if self.placeholder is not None else message
        self.update()

    def has_picture(self) -> bool:
        return self.picture is not None and bool(self.picture.frames)

    # -- geometry ------------------------------------------------------------------------------------
    def _dpr(self) -> float:
        return max(1.0, self.devicePixelRatioF())

    def rotated_size(self) -> tuple[int, int]:
        p = self.picture
        if p is None or not p.width:
            return 1, 1
        return (p.height, p.width) if self.rotation % 180 else (p.width, p.height)

    def fit_zoom(self) -> float:
        w, h = self.rotated_size()
        dpr = self._dpr()
        return min(1.0, self.width() * dpr / w, self.height() * dpr / h)

    def displayed_size(self) -> tuple[float, float]:
        """The picture's size on screen, in logical pixels."""
        w, h = self.rotated_size()
        return w * self.zoom / self._dpr(), h * self.zoom / self._dpr()

    def fits(self) -> bool:
        w, h = self.displayed_size()
        return w <= self.width() + 0.5 and h <= self.height() + 0.5

    def _layout_view(self) -> None:
        if self.fit:
            self.zoom = self.fit_zoom()
            self.offset = QPointF(0, 0)
        self._clamp()

    def _clamp(self) -> None:
        w, h = self.displayed_size()
        ex, ey = (w - self.width()) / 2, (h - self.height()) / 2
        x = max(-ex, min(ex, self.offset.x())) if ex > 0 else 0.0
        y = max(-ey, min(ey, self.offset.y())) if ey > 0 else 0.0
        self.offset = QPointF(x, y)

    def min_zoom(self) -> float:
        return min(self.fit_zoom(), 1.0) / 8

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom so that the picture point under ``anchor`` (canvas coordinates; default the centre)
        stays where it is."""
        if not self.has_picture():
            return
        zoom = max(self.min_zoom(), min(MAX_ZOOM, zoom))
        centre = QPointF(self.width() / 2, self.height() / 2)
        anchor = centre if anchor is None else anchor
        k = zoom / self.zoom
        self.offset = (anchor - centre) - (anchor - centre - self.offset) * k
        self.zoom, self.fit = zoom, False
        self._clamp()
        self.update()
        self.zoom_changed.emit()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.set_zoom(self.zoom * factor, anchor)

    def zoom_fit(self) -> None:
        self.fit = True
        self._layout_view()
        self.update()
        self.zoom_changed.emit()

    def rotate(self, quarters: int) -> None:
        """Turn the view (never the file) by 90° steps, clockwise for positive ``quarters``."""
        self.rotation = (self.rotation + 90 * quarters) % 360
        x, y = self.offset.x(), self.offset.y()
        for _ in range(quarters % 4):  # the point at the centre stays at the centre
            x, y = -y, x
        self.offset = QPointF(x, y)
        self._layout_view()
        self.update()
        self.zoom_changed.emit()

    def pan_by(self, dx: float, dy: float) -> None:
        self.offset = QPointF(self.offset.x() + dx, self.offset.y() + dy)
        self._clamp()
        self.update()

    def picture_transform(self) -> QTransform:
        """Maps the painted copy's pixel coordinates (centred on 0, 0) to canvas coordinates."""
        p = self.picture
        assert p is not None
        s = self.zoom / self._dpr() / p.scale
        t = QTransform()
        t.translate(self.width() / 2 + self.offset.x(), self.height() / 2 + self.offset.y())
        t.rotate(self.rotation)
        t.scale(s, s)
        return t

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.picture is not None:
            self._layout_view()
            self.zoom_changed.emit()

    # -- painting ------------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        shown = 0
        p = self.picture
        if p is not None and p.frames:
            image = p.frames[self.frame]
            target = QRectF(-image.width() / 2, -image.height() / 2, image.width(), image.height())
            t = self.picture_transform()
            if image.hasAlphaChannel():
                painter.fillRect(t.mapRect(target), self._checker)
            painter.setTransform(t)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.zoom < PIXELATED_FROM)
            if self.veil:  # rated at or above the blur setting: shapes and colours only
                paint_blurred(painter, target, image)
            else:
                painter.drawImage(target, image)
            painter.resetTransform()
            if self.veil:
                painter.setPen(QColor(240, 240, 240))
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.veil)
            shown = p.file_id
        elif self.placeholder is not None:
            size = QSize(self.placeholder.width(), self.placeholder.height()).scaled(
                self.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            rect = QRectF(
                (self.width() - size.width()) / 2,
                (self.height() - size.height()) / 2,
                size.width(),
                size.height(),
            )
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(rect, self.placeholder)
        if self.message:
            painter.setPen(QColor(230, 230, 230))
            box = self.rect().adjusted(40, 40, -40, -40)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
        painter.end()
        if shown:
            self.painted.emit(shown)
            if p is not None and p.animated and self.frame != self._painted_frame:
                self._painted_frame = self.frame
                self.frame_shown.emit(self.frame)

    # -- animation -----------------------------------------------------------------------------------
    def _schedule_frame(self) -> None:
        self._animation.stop()
        p = self.picture
        if p is not None and p.animated and not self.paused and self.isVisible():
            self._animation.start(frame_delay(p.durations[self.frame]))

    def _next_frame(self) -> None:
        p = self.picture
        if p is None or not p.animated or self.paused:
            return
        following = self.frame + 1
        if following >= len(p.frames):
            self._plays += 1
            if p.loop and self._plays >= p.loop:
                return  # played as often as the file asks: rest on the last frame
            following = 0
        self.frame = following
        self.update()
        self._schedule_frame()

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        if paused:
            self._animation.stop()
        else:
            self._schedule_frame()

    def animation_running(self) -> bool:
        return self._animation.isActive()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._schedule_frame()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._animation.stop()

    # -- mouse ---------------------------------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_modifiers = event.modifiers()
            self._panning = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return super().mouseMoveEvent(event)
        delta = event.position() - self._press
        if not self._panning:
            if delta.manhattanLength() < QApplication.startDragDistance():
                return None
            if self._press_modifiers & Qt.KeyboardModifier.ControlModifier or self.fits():
                self._press = None
                self.drag_out.emit()
                return None
            self._panning = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.pan_by(delta.x(), delta.y())
        self._press = event.position()
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            if self._press is not None and not self._panning:
                self.clicked.emit()
            self._press, self._panning = None, False
            self.unsetCursor()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
