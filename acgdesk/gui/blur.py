"""Blurring images at or above a chosen content rating, until the user clicks one to see it.

Why this shape: the grid must not stall while scrolling, so nothing here decodes or waits on the GUI
thread. Ratings come from the library in batches for the rows being painted
(``Library.content_ratings``, the rating ``rating:`` searches use), and a blurred copy of a thumbnail
is made on a worker (:func:`blur_image`: a downscale and a smooth upscale, a few hundred microseconds
for a thumbnail) and kept in a bounded LRU. Until both are known a cell that might have to be hidden
shows the loading placeholder, never the image. A click reveals one image until the next search.

For other views (the viewer, compare): :meth:`acgdesk.gui.prefs.Prefs.should_blur` says whether a
rating is blurred, :func:`blur_image` makes a blurred copy on a worker thread, and
:func:`paint_blurred` is a paint-time alternative for a single image.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.prefs import Prefs, blur_applies
from acgdesk.gui.threads import TaskRunner
from acgdesk.gui.thumbs import ImageLru

BLUR_FRACTION = 0.035  # the size the image is shrunk to, as a fraction of its own (6 px of 168)
BLUR_BUDGET_BYTES = 32 * 1024 * 1024
RATINGS_KEPT = 100_000
_SMOOTH = Qt.TransformationMode.SmoothTransformation
_IGNORE = Qt.AspectRatioMode.IgnoreAspectRatio


def _tiny(image: QImage, fraction: float) -> QImage:
    w, h = image.width(), image.height()
    small = image
    # shrink in steps of at most 4x: Qt's smooth downscale then averages every pixel it drops
    while small.width() > max(2, round(w * fraction)) * 4:
        small = small.scaled(max(2, small.width() // 4), max(2, small.height() // 4), _IGNORE, _SMOOTH)
    return small.scaled(max(2, round(w * fraction)), max(2, round(h * fraction)), _IGNORE, _SMOOTH)


def blur_image(image: QImage, fraction: float = BLUR_FRACTION) -> QImage:
    """A strongly blurred copy of ``image`` at the same size (any thread: QImage work only)."""
    if image.isNull():
        return QImage()
    tiny = _tiny(image, fraction)
    # two smooth upscales (4x, then to size) leave no blocks or bilinear diamonds behind
    mid = tiny.scaled(tiny.width() * 4, tiny.height() * 4, _IGNORE, _SMOOTH)
    out = mid.scaled(image.width(), image.height(), _IGNORE, _SMOOTH)
    out.setDevicePixelRatio(image.devicePixelRatio())
    return out.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def paint_blurred(
    painter: QPainter, target: QRect | QRectF, image: QImage, source: QRectF | None = None
) -> None:
    """Paint ``image`` blurred into ``target`` at paint time: a tiny copy drawn enlarged with smooth
    filtering (cheap enough for one image on the GUI thread; for many, cache :func:`blur_image`)."""
    if image.isNull():
        return
    tiny = _tiny(image, BLUR_FRACTION)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    if source is None:
        painter.drawImage(QRectF(target), tiny)
    else:
        sx, sy = tiny.width() / image.width(), tiny.height() / image.height()
        painter.drawImage(
            QRectF(target),
            tiny,
            QRectF(source.x() * sx, source.y() * sy, source.width() * sx, source.height() * sy),
        )
    painter.restore()


class BlurState(QObject):
    """Which files are hidden behind a blur, for the grid and the detail panel.

    ``changed`` is emitted when ratings or blurred images arrive, a file is revealed or the setting
    changes: views showing files repaint."""

    changed = Signal()

    def __init__(self, backend: LibraryBackend, prefs: Prefs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.prefs = prefs
        self.blur_from = prefs.get("blur_from") or ""
        self.revealed: set[int] = set()
        self.ratings: OrderedDict[int, str] = OrderedDict()
        self.images = ImageLru(BLUR_BUDGET_BYTES)
        self.runner = TaskRunner("blur", 1, sync=backend.sync)
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._asking = False
        self._blurring: set[tuple[int, int]] = set()
        self._generation = 0  # ratings asked for before an edit are dropped
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._ask)
        backend.library_changed.connect(self.forget_ratings)  # a user rating or new thresholds

    # -- the setting ---------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return bool(self.blur_from)

    def refresh(self) -> None:
        """Read the setting again (after Settings)."""
        blur_from = self.prefs.get("blur_from") or ""
        if blur_from != self.blur_from:
            self.blur_from = blur_from
            self.changed.emit()

    def should_blur(self, rating: str | None) -> bool:
        return blur_applies(rating, self.blur_from)

    # -- per file ------------------------------------------------------------------------------------
    def hides(self, file_id: int) -> bool | None:
        """Whether the file is shown blurred now; None while its rating is being read."""
        if not self.blur_from or file_id in self.revealed:
            return False
        rating = self.ratings.get(file_id)
        if rating is None:
            self._want(file_id)
            return None
        return self.should_blur(rating)

    def hides_rated(self, file_id: int, rating: str | None) -> bool:
        """Like :meth:`hides` for a file whose rating the caller already has (the detail panel)."""
        return bool(self.blur_from) and file_id not in self.revealed and self.should_blur(rating)

    def rating(self, file_id: int) -> str | None:
        return self.ratings.get(file_id)

    def blurred(self, file_id: int, image: QImage) -> QImage | None:
        """The blurred copy of ``image`` (the file's thumbnail), or None while it is being made."""
        key = (file_id, image.cacheKey())
        done = self.images.get(key)
        if done is not None:
            return done
        if key not in self._blurring:
            self._blurring.add(key)
            self.runner.submit(lambda: blur_image(image), lambda out, error: self._blurred(key, out, error))
        return None

    def reveal(self, file_id: int) -> bool:
        """Show this file unblurred until the next search; False when it was not blurred."""
        if not self.blur_from or file_id in self.revealed:
            return False
        self.revealed.add(file_id)
        self.changed.emit()
        return True

    def reset_revealed(self) -> None:
        """A new search: everything at or above the setting is blurred again."""
        if self.revealed:
            self.revealed.clear()
            self.changed.emit()

    def forget_ratings(self) -> None:
        self._generation += 1
        self.ratings.clear()
        if self.blur_from:
            self.changed.emit()

    # -- workers -------------------------------------------------------------------------------------
    def _want(self, file_id: int) -> None:
        self._wanted[file_id] = None
        self._wanted.move_to_end(file_id)
        if not self._asking and not self._flush_timer.isActive():
            self._flush_timer.start()

    def _ask(self) -> None:
        if self._asking or not self._wanted:
            return
        ids = []
        while self._wanted and len(ids) < 256:  # newest first: what is on screen now
            ids.append(self._wanted.popitem(last=True)[0])
        self._wanted.clear()  # older requests scrolled away; they are asked again when painted
        self._asking = True
        generation = self._generation
        self.backend.read(
            lambda lib: lib.content_ratings(ids),
            lambda result, error: self._rated(generation, ids, result, error),
        )

    def _rated(self, generation: int, ids: list[int], result, error) -> None:
        self._asking = False
        if generation == self._generation:
            result = result or {}
            for file_id in ids:
                # an error or an unknown id: not rated, shown as it is (nothing to hide it for)
                self.ratings[file_id] = result.get(file_id, "") if error is None else ""
                self.ratings.move_to_end(file_id)
            while len(self.ratings) > RATINGS_KEPT:
                self.ratings.popitem(last=False)
            self.changed.emit()
        if self._wanted:
            self._flush_timer.start()

    def _blurred(self, key: tuple[int, int], image: QImage | None, error) -> None:
        self._blurring.discard(key)
        self.images.put(key, image if error is None and image is not None else QImage())
        self.changed.emit()

    def shutdown(self) -> None:
        self.runner.clear()
        self.runner.wait(5000)
