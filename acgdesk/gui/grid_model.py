"""The result list behind the grid: an array of file ids, nothing per row until it is painted.

Why an id array: one SQL query returns the ids of every match (a million of them is 8 MB as int64
and takes well under a second); everything else about a row (its thumbnail, its path) is fetched by
workers only when the row is painted. ``data()`` never touches disk or SQLite.

Python code (the delegate, tests) reads rows through :meth:`ResultsModel.thumb` and
:meth:`ResultsModel.path` rather than ``QModelIndex.data()``: no QVariant round trip per painted cell.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QImage

from acgdesk.gui.thumbs import ThumbnailLoader

FILE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB_ROLE = Qt.ItemDataRole.UserRole + 2  # QImage, a null QImage (no thumbnail) or None (loading)
MARKS_ROLE = Qt.ItemDataRole.UserRole + 3  # the file's marks (curate.marks_cache.Mark) or None
# Cells dragged within the window (onto an album): their file ids, as little-endian int64s
IDS_MIME = "application/x-acgdesk-file-ids"

Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractListModel):
    def __init__(self, thumbs: ThumbnailLoader, parent=None) -> None:
        super().__init__(parent)
        self.thumbs = thumbs
        self._ids = np.zeros(0, dtype=np.int64)
        self._row_of: dict[int, int] | None = None
        self.marks = None  # a MarkCache, set by acgdesk.gui.curate (MARKS_ROLE)
        thumbs.ready.connect(self._thumbs_ready)

    # -- contents ------------------------------------------------------------------------------------
    def set_ids(self, ids: np.ndarray | list[int]) -> None:
        self.beginResetModel()
        self._ids = np.asarray(ids, dtype=np.int64)
        self._row_of = None
        self.endResetModel()

    def ids(self) -> np.ndarray:
        return self._ids

    def file_id(self, row: int) -> int:
        return int(self._ids[row])

    def thumb(self, row: int) -> QImage | None:
        """The row's thumbnail: a QImage (null when there is none to show), or None while it loads."""
        return self.thumbs.get(int(self._ids[row]))

    def path(self, row: int) -> str | None:
        """The row's file path once its thumbnail lookup told it (for tooltips), else None."""
        return self.thumbs.path_of(int(self._ids[row]))

    def row_of(self, file_id: int) -> int | None:
        """Row of a file id (a dict built on first use: only needed for rows being painted)."""
        if self._row_of is None:
            self._row_of = {int(v): i for i, v in enumerate(self._ids.tolist())}
        return self._row_of.get(int(file_id))

    # -- Qt model ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else int(self._ids.shape[0])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or row >= self._ids.shape[0]:
            return None
        file_id = int(self._ids[row])
        if role == FILE_ID_ROLE:
            return file_id
        if role == THUMB_ROLE:
            return self.thumbs.get(file_id)
        if role == MARKS_ROLE:
            return self.marks.peek(file_id) if self.marks is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.thumbs.path_of(file_id) or ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.thumbs.path_of(file_id) or f"#{file_id}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list", IDS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        """Dragging cells out of the window: the files as URLs (the rows whose path is known, which
        are the painted ones: their thumbnail lookup told it)."""
        paths = dict.fromkeys(self.path(i.row()) for i in indexes if i.isValid())
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(p) for p in paths if p])
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(IDS_MIME, QByteArray(self._ids[rows].astype("<i8").tobytes()))
        return mime

    def _thumbs_ready(self, ids: list[int]) -> None:
        rows = [r for r in (self._visible_row(i) for i in ids) if r is not None]
        if rows:
            lo, hi = min(rows), max(rows)
            self.dataChanged.emit(self.index(lo), self.index(hi), [THUMB_ROLE])

    def _visible_row(self, file_id: int) -> int | None:
        # Avoid building the full id->row dict for huge results: thumbnails arrive for painted rows,
        # which the view reports through ``visible_rows``.
        lo, hi = self.visible_range
        if hi > lo:
            window = self._ids[lo:hi]
            hits = np.nonzero(window == file_id)[0]
            if hits.size:
                return lo + int(hits[0])
        return None

    visible_range: tuple[int, int] = (0, 0)


def ids_from_mime(mime: QMimeData) -> list[int]:
    """The file ids of cells dragged from the grid ([] for anything else)."""
    if mime is None or not mime.hasFormat(IDS_MIME):
        return []
    return [int(i) for i in np.frombuffer(bytes(mime.data(IDS_MIME)), dtype="<i8")]
