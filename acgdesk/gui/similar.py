"""Find similar: from a grid cell, a file or image dragged onto the window, or the clipboard (Ctrl+V).

Why a module: three ways in, one way out. Each turns what it got into a *source* the facade's
``Library.similar`` takes (a file id, a path, or encoded image bytes); the search runs on a worker
with the window's current filters, and the grid shows the hits in their order. Image data (a browser
drag, a screenshot in the clipboard) is encoded to PNG on the worker, never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMimeData, QUrl
from PySide6.QtGui import QImage

from acgdesk.gui.i18n import number

SIMILAR_LIMIT = 500


@dataclass(frozen=True)
class Source:
    """What to look for: ``file_id``, ``path`` or ``image`` (exactly one), and how to name it."""

    label: str
    file_id: int | None = None
    path: str | None = None
    image: QImage | None = None

    def facade_argument(self) -> int | str | bytes:
        """Worker thread: the value ``Library.similar`` takes."""
        if self.file_id is not None:
            return self.file_id
        if self.path is not None:
            return self.path
        assert self.image is not None
        return png_bytes(self.image)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def source_from_mime(mime: QMimeData) -> Source | None:
    """A local image file (first URL), else image data; None when the drop holds neither.
    A web URL without image data is not fetched (acgdesk never goes online on its own)."""
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                path = url.toLocalFile()
                return Source(label=path, path=path)
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            return Source(label=QCoreApplication.translate("similar", "image data"), image=image)
    return None


def describe_remote(mime: QMimeData) -> str | None:
    urls = [u for u in mime.urls() if not u.isLocalFile()] if mime.hasUrls() else []
    return urls[0].toString(QUrl.ComponentFormattingOption.FullyDecoded) if urls else None


def run_similar(lib, source: Source, query: str) -> tuple[np.ndarray, str]:
    """Worker thread: the ids of files like ``source`` among those ``query`` matches, and a note."""
    results = lib.similar(source.facade_argument(), query=query, limit=SIMILAR_LIMIT)
    ids = np.asarray([h.file_id for h in results.hits], dtype=np.int64)
    note = QCoreApplication.translate("similar", "similar to {what}").format(what=source.label)
    if results.matched is not None:
        note += QCoreApplication.translate("similar", " among {n} matching files").format(
            n=number(results.matched)
        )
    return ids, "; ".join([note, *results.notes])
