"""One compare pane's picture surface: the view state the panes share, and the widget that paints
under it and turns wheel, drag and double click into a new view.

Why the view is kept in image widths: the panes show images of different sizes (an upscale beside
its original, a 512 px copy beside a 1024 px one). A :class:`ViewState` says where a pane looks in
units of its image's width, so handing the same state to every pane shows the same part of every
picture: zooming or panning one moves the others to the same relative place. "Fit" fits each image
in its own pane; "100 %" shows the active pane's image pixel for pixel and the others the same part.

The GUI thread only paints the QImages it is given, and only the part that is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

ZOOM_STEP = 1.25
MAX_PIXEL_SCALE = 32.0  # screen pixels per image pixel, at most
BACKGROUND = QColor("#2b2b2b")  # neutral grey: colours are judged against it in either theme
MESSAGE_COLOR = QColor("#d0d0d0")


@dataclass(frozen=True)
class ViewState:
    """Where a pane looks, in units of its image's width (so every image shows the same part)."""

    zoom: float  # screen pixels per image width
    cx: float  # the pane's centre, in image widths from the image's left edge
    cy: float  # ... and from its top edge


class Canvas(QWidget):
    """Paints one picture (or, in :class:`~acgdesk.gui.view.compare_swipe.SwipeCanvas`, two) under
    a :class:`ViewState`; the wheel zooms around the cursor, a drag pans, a double click toggles
    fit / 100 %."""

    view_changed = Signal(object)  # the ViewState the user moved to here, or None for "fit"
    activated = Signal()  # clicked or focused: the pane that "100 %" and the zoom buttons act on
    resized = Signal()  # a fitted image's scale changed with it

    def __init__(self, layers: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[QImage | None] = [None] * layers
        self.sizes: list[QSize] = [QSize() for _ in range(layers)]  # the originals' pixel sizes
        self.fit = True
        self.state: ViewState | None = None
        self.message = ""
        self._drag: QPointF | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    # -- content ---------------------------------------------------------------------------------------
    def set_image(self, layer: int, image: QImage, size: QSize) -> None:
        self.images[layer] = image
        self.sizes[layer] = size if size.isValid() and not size.isEmpty() else image.size()
        self.update()

    def set_message(self, text: str) -> None:
        self.message = text
        self.update()

    def has_image(self) -> bool:
        return self.images[0] is not None and not self.sizes[0].isEmpty()

    def aspect(self, layer: int = 0) -> float:
        size = self.sizes[layer]
        return size.height() / size.width() if size.isValid() and size.width() > 0 else 1.0

    # -- geometry --------------------------------------------------------------------------------------
    def fit_view(self) -> ViewState:
        aspect = self.aspect()
        zoom = max(1.0, min(float(self.width()), self.height() / aspect))
        return ViewState(zoom, 0.5, aspect / 2)

    def view(self) -> ViewState:
        return self.fit_view() if self.fit or self.state is None else self.state

    def pixel_scale(self, layer: int = 0) -> float:
        """Screen pixels per pixel of the original image (1.0 is "100 %")."""
        width = self.sizes[layer].width()
        return self.view().zoom / width if width > 0 else 0.0

    def image_rect(self, layer: int, view: ViewState | None = None) -> QRectF:
        """Where the layer's image lies on the widget."""
        view = view or self.view()
        x0 = self.width() / 2 - view.cx * view.zoom
        y0 = self.height() / 2 - view.cy * view.zoom
        return QRectF(x0, y0, view.zoom, view.zoom * self.aspect(layer))

    def to_image(self, pos: QPointF, view: ViewState | None = None) -> QPointF:
        """A widget position in image widths from the image's top left corner."""
        view = view or self.view()
        return QPointF(
            view.cx + (pos.x() - self.width() / 2) / view.zoom,
            view.cy + (pos.y() - self.height() / 2) / view.zoom,
        )

    def _clamp(self, state: ViewState) -> ViewState:
        width = self.sizes[0].width() or 1
        low = min(self.fit_view().zoom / 4, 64.0)
        zoom = min(max(state.zoom, low), width * MAX_PIXEL_SCALE)
        return ViewState(zoom, min(max(state.cx, 0.0), 1.0), min(max(state.cy, 0.0), self.aspect()))

    # -- being moved (by the user here, or to follow another pane) -------------------------------------
    def set_view(self, state: ViewState | None) -> None:
        """Show ``state`` (None: fit) without telling anyone: how panes follow each other."""
        if state is None:
            self.fit, self.state = True, None
        else:
            self.fit, self.state = False, self._clamp(state)
        self.update()

    def _moved(self, state: ViewState | None) -> None:
        self.set_view(state)
        self.view_changed.emit(self.state)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom keeping the image point under ``anchor`` (default: the centre) where it is."""
        if not self.has_image():
            return
        view = self.view()
        anchor = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        point = self.to_image(anchor, view)
        zoom = self._clamp(ViewState(view.zoom * factor, view.cx, view.cy)).zoom
        self._moved(
            ViewState(
                zoom,
                point.x() - (anchor.x() - self.width() / 2) / zoom,
                point.y() - (anchor.y() - self.height() / 2) / zoom,
            )
        )

    def zoom_to_pixels(self, scale: float = 1.0, anchor: QPointF | None = None) -> None:
        """``scale`` screen pixels per image pixel (1.0: 100 %), around ``anchor``."""
        if self.has_image():
            self.zoom_by(scale * self.sizes[0].width() / self.view().zoom, anchor)

    def pan_by(self, dx: float, dy: float) -> None:
        if not self.has_image():
            return
        view = self.view()
        self._moved(ViewState(view.zoom, view.cx - dx / view.zoom, view.cy - dy / view.zoom))

    def show_fit(self) -> None:
        self._moved(None)

    # -- input -----------------------------------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if not delta:
            return
        self.zoom_by(ZOOM_STEP ** (delta / 120), event.position())
        event.accept()

    def mousePressEvent(self, event) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.activated.emit()
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._drag is not None:
            delta = event.position() - self._drag
            self._drag = event.position()
            self.pan_by(delta.x(), delta.y())
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        self._drag = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        if self.fit or abs(self.pixel_scale() - 1.0) > 0.01:
            self.zoom_to_pixels(1.0, event.position())
        else:
            self.show_fit()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.activated.emit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    # -- painting --------------------------------------------------------------------------------------
    def layer_clip(self, layer: int) -> QRectF:
        return QRectF(self.rect())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        if not self.has_image():
            painter.setPen(MESSAGE_COLOR)
            painter.drawText(
                self.rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.message,
            )
            return
        view = self.view()
        for layer in range(len(self.images)):
            self._paint_layer(painter, layer, view)
        self.paint_overlay(painter)

    def _paint_layer(self, painter: QPainter, layer: int, view: ViewState) -> None:
        image = self.images[layer]
        if image is None or image.isNull():
            return
        target = self.image_rect(layer, view)
        visible = target.intersected(self.layer_clip(layer))
        if visible.isEmpty():
            return
        sx, sy = image.width() / target.width(), image.height() / target.height()
        source = QRectF(
            (visible.x() - target.x()) * sx,
            (visible.y() - target.y()) * sy,
            visible.width() * sx,
            visible.height() * sy,
        )
        # smooth when shrinking or slightly enlarging; each pixel a crisp square when looking closely
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, target.width() < 2 * image.width())
        painter.drawImage(visible, image, source)

    def paint_overlay(self, painter: QPainter) -> None:
        pass
