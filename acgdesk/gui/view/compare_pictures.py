"""Where the compare window's pixels come from, off the GUI thread.

Pixels come from the library's safe decoder (``Library.view_picture``: pixel budget, EXIF
orientation, sRGB) on worker threads, as QImages ready to paint, so the GUI thread only paints them.
One pool of decoding threads serves every compare window on a library.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.threads import TaskRunner
from acgdesk.gui.view.image_source import qimage_from_pil


def max_side_for(count: int) -> int:
    """Decoded size per image: up to ~38 MP each for two images, ~17 MP each for three or four."""
    return 6144 if count <= 2 else 4096


def load_picture(backend: LibraryBackend, file_id: int, max_side: int) -> tuple[QImage, QSize]:
    """Worker thread: the file through the facade's safe decoder (``Library.view_picture``), as a
    QImage ready to paint (an animation's first frame), and the original's pixel size."""
    result = backend.library().view_picture(file_id, box=(max_side, max_side))
    image = qimage_from_pil(result["frames"][0][0])
    return image, QSize(int(result["width"]), int(result["height"]))


_RUNNERS: weakref.WeakKeyDictionary[LibraryBackend, TaskRunner] = weakref.WeakKeyDictionary()


def picture_runner(backend: LibraryBackend) -> TaskRunner:
    """One decoding pool for every compare window on ``backend``: its threads keep the library
    connection they open, so a compare window opened again opens no new one."""
    runner = _RUNNERS.get(backend)
    if runner is None:
        runner = _RUNNERS[backend] = TaskRunner("compare", 2, sync=backend.sync)
    return runner
