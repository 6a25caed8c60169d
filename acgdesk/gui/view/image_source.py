"""Pictures for the viewer: decoded off the GUI thread through the facade, kept in a cache by bytes.

Why this shape: a 24-megapixel file must reach the screen in a few hundred milliseconds, and stepping
to its neighbour must be instant. So a picture is first decoded *for the screen*
(:meth:`acgdesk.library.Library.view_picture` with a box: JPEG draft mode, Pillow's ``reduce``), the
whole original only once the user zooms in past that copy, and while one picture is on screen its
neighbours are decoded ahead. Three worker queues keep these from waiting on each other: the picture
asked for now, neighbours ahead, and whole originals. Pixels arrive as QImages in the formats Qt paints
fastest (RGB32, premultiplied ARGB32), converted on the worker, and are kept in an LRU bounded by bytes.
A request that went stale before a worker reached it (the user stepped on) is skipped, not decoded.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.threads import TaskRunner

FIT = "fit"  # decoded to fit the screen
WHOLE = "whole"  # decoded at the original's size
DEFAULT_BUDGET_BYTES = 384 * 1024 * 1024

Key = tuple[int, str]  # (file id, FIT or WHOLE)


@dataclass
class Picture:
    """One file as the viewer shows it: its frames (one for a still) or why it cannot be shown."""

    file_id: int
    level: str
    path: str = ""
    width: int = 0  # the original, as displayed (after EXIF orientation)
    height: int = 0
    format: str = ""
    frames: list[QImage] = field(default_factory=list)
    durations: list[int] = field(default_factory=list)  # ms per frame, as the file says
    loop: int = 0  # plays of an animation; 0: forever
    whole: bool = False  # frames are at the original's size
    error: str | None = None

    @property
    def scale(self) -> float:
        """Decoded pixels per original pixel (1.0 when whole)."""
        if not self.frames or not self.width:
            return 1.0
        return self.frames[0].width() / self.width

    @property
    def animated(self) -> bool:
        return len(self.frames) > 1

    @property
    def has_alpha(self) -> bool:
        return bool(self.frames) and self.frames[0].hasAlphaChannel()

    def nbytes(self) -> int:
        return sum(f.sizeInBytes() for f in self.frames) + 512


def qimage_from_pil(im: Any) -> QImage:
    """A Pillow RGB or RGBA image as a QImage that owns its pixels (any thread).

    RGB becomes RGB32 and RGBA premultiplied ARGB32: what Qt's raster painter draws without
    converting. Pillow packs the bytes in that order and numpy copies them into the QImage: unlike
    ``QImage.convertToFormat`` or ``copy`` called from a worker (measured: a 64 MP conversion kept
    the GUI thread's event loop waiting ~150 ms), numpy's loops let the GUI thread run meanwhile."""
    if im.mode not in ("RGB", "RGBA"):
        im = im.convert("RGB")
    width, height = im.size
    alpha = im.mode == "RGBA"
    if sys.byteorder != "little":  # ARGB32 is B, G, R, A in memory only on little-endian machines
        data = im.tobytes("raw", "RGBA" if alpha else "RGBX")
        source = QImage(data, width, height, width * 4, QImage.Format.Format_RGBA8888)
        return source.convertToFormat(
            QImage.Format.Format_ARGB32_Premultiplied if alpha else QImage.Format.Format_RGB32
        )
    image = QImage(
        width, height, QImage.Format.Format_ARGB32_Premultiplied if alpha else QImage.Format.Format_RGB32
    )
    if image.isNull():
        raise MemoryError(f"no memory for a {width}x{height} image")
    target = np.frombuffer(image.bits(), dtype=np.uint32, count=width * height)
    packed = np.frombuffer(im.tobytes("raw", "BGRa" if alpha else "BGRX"), dtype=np.uint32)
    if alpha:
        np.copyto(target, packed)
    else:
        np.bitwise_or(packed, np.uint32(0xFF000000), out=target)  # X is 0; RGB32 wants 0xFF
    return image


def picture_from_result(file_id: int, level: str, result: dict[str, Any]) -> Picture:
    """Worker thread: :meth:`Library.view_picture`'s answer as a :class:`Picture`."""
    frames, durations = [], []
    for image, duration in result["frames"]:
        frames.append(qimage_from_pil(image))
        durations.append(int(duration))
    return Picture(
        file_id=file_id,
        level=level,
        path=result["path"],
        width=int(result["width"]),
        height=int(result["height"]),
        format=result.get("format") or "",
        frames=frames,
        durations=durations,
        loop=int(result.get("loop") or 0),
        whole=bool(result.get("whole")),
    )


class PictureCache:
    """Pictures by key, least recently used dropped first once ``budget`` bytes are exceeded (the
    newest one stays even when it alone is larger)."""

    def __init__(self, budget: int = DEFAULT_BUDGET_BYTES) -> None:
        self.budget = budget
        self.bytes = 0
        self._items: OrderedDict[Key, Picture] = OrderedDict()

    def get(self, key: Key) -> Picture | None:
        picture = self._items.get(key)
        if picture is not None:
            self._items.move_to_end(key)
        return picture

    def peek(self, key: Key) -> Picture | None:
        return self._items.get(key)

    def put(self, key: Key, picture: Picture) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old.nbytes()
        self._items[key] = picture
        self.bytes += picture.nbytes()
        while self.bytes > self.budget and len(self._items) > 1:
            _key, dropped = self._items.popitem(last=False)
            self.bytes -= dropped.nbytes()

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0

    def __contains__(self, key: Key) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)


class PictureLoader(QObject):
    """Decodes pictures on workers; the GUI thread asks with :meth:`request` and :meth:`preload`.

    ``loaded`` carries a :class:`Picture` that was asked for with :meth:`request` (its ``error`` set
    when it cannot be shown); ``preloaded`` the id of a neighbour now waiting in the cache.
    ``decodes``, ``hits`` and ``skipped`` count decodes done, requests served from the cache and
    stale requests dropped (tests, benchmarks)."""

    loaded = Signal(object)
    preloaded = Signal(int)

    def __init__(
        self, backend: LibraryBackend, *, budget: int = DEFAULT_BUDGET_BYTES, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.cache = PictureCache(budget)
        self.box = (1920, 1080)  # device pixels a FIT picture must fill (the screen)
        self.now = TaskRunner("view", 1, sync=backend.sync)
        self.ahead = TaskRunner("view-ahead", 1, sync=backend.sync)
        self.whole = TaskRunner("view-whole", 1, sync=backend.sync)
        # key -> "now" or "ahead"; workers read it to skip requests nobody waits for any more
        self._wanted: dict[Key, str] = {}
        self._in_flight: set[Key] = set()
        self._generation = 0  # bumped by clear(): what was asked for before is not kept
        self._shut = False
        self.decodes = 0
        self.hits = 0
        self.skipped = 0

    # -- GUI thread ----------------------------------------------------------------------------------
    def cached(self, file_id: int, level: str = FIT) -> Picture | None:
        return self.cache.get((file_id, level))

    def forget_wanted(self) -> None:
        """Nothing asked for so far is waited for any more (queued decodes are skipped)."""
        self._wanted = {}

    def request(self, file_id: int, level: str = FIT) -> Picture | None:
        """The picture at once when cached (a hit); otherwise None, and ``loaded`` brings it."""
        key = (int(file_id), level)
        picture = self.cache.get(key)
        if picture is not None:
            self.hits += 1
            return picture
        self._wanted[key] = "now"
        if key not in self._in_flight:  # a preload of it already running delivers it as "now"
            self._submit(key, self.whole if level == WHOLE else self.now)
        return None

    def preload(self, file_ids: Iterable[int]) -> None:
        """Decode these (screen-sized) ahead, in order, unless cached or already coming."""
        for file_id in file_ids:
            key = (int(file_id), FIT)
            if key in self.cache or self._wanted.get(key) == "now":
                continue
            self._wanted[key] = "ahead"
            if key not in self._in_flight:
                self._submit(key, self.ahead)

    def warm_up(self) -> None:
        """Open the decode threads' library connections now (idle time), not on the first picture:
        ``Library.open`` costs a first opening ~200 ms on a busy 2-core machine."""
        for runner in (self.now, self.ahead):
            if runner.submitted == 0 and not self._shut:
                self.backend.call(runner, lambda _lib: None)

    def clear(self) -> None:
        """Drop every cached picture and wanted request (the viewer closed: memory goes back)."""
        self._wanted = {}
        self._generation += 1
        self.cache.clear()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        self._shut = True
        self._wanted = {}
        for runner in (self.now, self.ahead, self.whole):
            runner.clear()
        for runner in (self.now, self.ahead, self.whole):
            runner.wait(timeout_ms)

    def _submit(self, key: Key, runner: TaskRunner) -> None:
        self._in_flight.add(key)
        box, generation = self.box, self._generation
        runner.submit(
            lambda: self._decode(key, box),
            lambda result, error: self._arrived(key, generation, result, error),
        )

    def _arrived(
        self, key: Key, generation: int, picture: Picture | None, error: BaseException | None
    ) -> None:
        self._in_flight.discard(key)
        if generation != self._generation and key not in self._wanted:
            return  # asked for before the viewer closed: nobody wants these pixels now
        if picture is None and error is None:
            self.skipped += 1
            role = self._wanted.get(key)
            if role is not None:  # skipped, then asked for again before this callback came
                self._submit(
                    key, self.whole if key[1] == WHOLE else self.now if role == "now" else self.ahead
                )
            return
        if error is not None:  # not a decoding failure (those come as a Picture with an error)
            picture = Picture(key[0], key[1], error=error_text(error) or type(error).__name__)
        assert picture is not None
        self.decodes += 1
        if picture.error is None:  # failures are not kept: the file may be fixed or finish copying
            self.cache.put(key, picture)
        role = self._wanted.get(key)
        if role == "now":
            del self._wanted[key]
            self.loaded.emit(picture)
        elif role == "ahead":
            del self._wanted[key]
            self.preloaded.emit(key[0])

    # -- worker threads ------------------------------------------------------------------------------
    def _decode(self, key: Key, box: tuple[int, int]) -> Picture | None:
        if key not in self._wanted:
            return None  # stale: the user has moved on
        file_id, level = key
        try:
            result = self.backend.library().view_picture(file_id, box=None if level == WHOLE else box)
            return picture_from_result(file_id, level, result)
        except MemoryError:
            message = QCoreApplication.translate("PictureLoader", "not enough memory to decode this picture")
            return Picture(file_id, level, error=message)
        except Exception as exc:  # ImageFileError, LibraryError: shown instead of the picture
            return Picture(file_id, level, error=error_text(exc) or type(exc).__name__)
