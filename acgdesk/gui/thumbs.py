"""Thumbnails for the grid: loaded from the cache by worker threads into a bounded LRU.

Why this shape: at a million rows only what is on screen may cost anything. The model asks
:meth:`ThumbnailLoader.get` while painting; a miss queues the id and returns None (the delegate draws a
placeholder). Queued ids go to worker threads in batches, newest first, and ids that scrolled away
before their turn are dropped, so a fast scroll never leaves a backlog. Images are decoded and
scaled to the cell size off the GUI thread and kept as ``QImage`` (no conversion on the GUI thread),
in an LRU bounded by bytes, not by count, so memory stays flat however far the user scrolls.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.threads import TaskRunner

DEFAULT_BUDGET_BYTES = 96 * 1024 * 1024


def read_scaled(path: Path | str, size: int) -> QImage:
    """Decode an image file into a QImage at most ``size`` px on its longer side (worker threads only)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    native = reader.size()
    if native.isValid() and max(native.width(), native.height()) > size:
        reader.setScaledSize(native.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QImage()
    # Qt reads "name@2x.png" as a high-DPI variant (device pixel ratio 2, shown at half size); an
    # upscale's output is named that way, and here every file is shown at its real pixel size.
    image.setDevicePixelRatio(1.0)
    if max(image.width(), image.height()) > size:  # formats that ignore setScaledSize
        image = image.scaled(
            size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class ImageLru:
    """QImages by key, least recently used dropped first once ``budget`` bytes are exceeded."""

    def __init__(self, budget: int = DEFAULT_BUDGET_BYTES) -> None:
        self.budget = budget
        self.bytes = 0
        self._items: OrderedDict[Any, QImage] = OrderedDict()

    def get(self, key: Any) -> QImage | None:
        image = self._items.get(key)
        if image is not None:
            self._items.move_to_end(key)
        return image

    def put(self, key: Any, image: QImage) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old.sizeInBytes()
        self._items[key] = image
        self.bytes += image.sizeInBytes()
        while self.bytes > self.budget and len(self._items) > 1:
            _key, dropped = self._items.popitem(last=False)
            self.bytes -= dropped.sizeInBytes()

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0

    def __contains__(self, key: Any) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)


class ThumbnailLoader(QObject):
    """Grid thumbnails by file id. ``ready`` carries the ids whose thumbnail (or failure) arrived."""

    ready = Signal(list)

    def __init__(
        self,
        backend: LibraryBackend,
        *,
        size: int = 160,
        budget: int = DEFAULT_BUDGET_BYTES,
        batch: int = 32,
        max_in_flight: int = 2,
        threads: int = 2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.size = size
        self.cache = ImageLru(budget)
        self.paths: OrderedDict[int, str] = OrderedDict()  # id -> file path, for tooltips
        self.batch = batch
        self.max_in_flight = max_in_flight
        self.runner = TaskRunner("thumbs", threads, sync=backend.sync)
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._in_flight: set[int] = set()
        self._batches = 0
        self._generation = 0
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)
        self.loaded = 0  # images delivered (for tests and the benchmark)

    # -- GUI thread ----------------------------------------------------------------------------------
    def get(self, file_id: int) -> QImage | None:
        """The cached thumbnail (a null QImage when there is none to show), or None while loading."""
        image = self.cache.get(file_id)
        if image is not None:
            return image
        if file_id not in self._in_flight:
            self._wanted[file_id] = None
            self._wanted.move_to_end(file_id)
            if not self._flush_timer.isActive():
                self._flush_timer.start()
        return None

    def path_of(self, file_id: int) -> str | None:
        return self.paths.get(file_id)

    def set_size(self, size: int) -> None:
        """New cell size: cached images are reloaded at the new size as they are painted again."""
        if size == self.size:
            return
        self.size = size
        self.invalidate()

    def invalidate(self) -> None:
        self._generation += 1
        self.cache.clear()
        self._wanted.clear()

    def _flush(self) -> None:
        # Keep only the newest requests: older ones were painted once and have scrolled away.
        limit = self.batch * 4
        while len(self._wanted) > limit:
            self._wanted.popitem(last=False)
        while self._wanted and self._batches < self.max_in_flight:
            ids = []
            while self._wanted and len(ids) < self.batch:
                ids.append(self._wanted.popitem(last=True)[0])
            self._in_flight.update(ids)
            self._batches += 1
            generation, size = self._generation, self.size
            self.runner.submit(
                lambda ids=ids, size=size: _load_batch(self.backend, ids, size),
                lambda result, error, ids=ids, generation=generation: self._arrived(
                    ids, generation, result, error
                ),
            )

    def _arrived(
        self, ids: list[int], generation: int, result: dict[int, tuple[str | None, QImage]] | None, error
    ) -> None:
        self._batches -= 1
        self._in_flight.difference_update(ids)
        if generation == self._generation:
            result = result or {}
            for file_id in ids:
                path, image = result.get(file_id, (None, QImage()))
                self.cache.put(file_id, image)
                if path:
                    self.paths[file_id] = path
                    while len(self.paths) > 20_000:
                        self.paths.popitem(last=False)
            self.loaded += len(ids)
            self.ready.emit(ids)
        if self._wanted:
            self._flush()

    def shutdown(self) -> None:
        self.runner.clear()
        self.runner.wait(5000)


def _load_batch(backend: LibraryBackend, ids: list[int], size: int) -> dict[int, tuple[str | None, QImage]]:
    """Worker thread: look the ids up (one query) and decode their cached thumbnails."""
    refs = backend.library().thumbnail_refs(ids)
    out: dict[int, tuple[str | None, QImage]] = {}
    for file_id in ids:
        ref = refs.get(file_id)
        if ref is None:
            out[file_id] = (None, QImage())
            continue
        path, thumb = ref
        image = read_scaled(thumb, size) if thumb is not None else QImage()
        out[file_id] = (path, image)
    return out
