"""The marks of the files on screen, read in batches and kept by file id.

Why a cache of its own: the grid paints a badge per cell on every scroll step, so ``data()`` must
never wait on SQLite. Cells being painted ask for their file's marks; the ids are gathered and read
in one ``Library.curate.marks_of`` call on a worker (like content ratings for blurring). After a
mark is written the writer puts the new marks here (:meth:`MarkCache.put`), so the cells they are
on repaint at once, without reading anything again; undo and redo drop everything
(:meth:`MarkCache.forget`), since they may touch any file.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from acgdesk.gui.backend import LibraryBackend

KEPT = 200_000
BATCH = 512


@dataclass(frozen=True)
class Mark:
    """A file's marks as the GUI shows them (the core's ``Marks``, copied on the worker)."""

    stars: int = 0
    favourite: bool = False
    flag: str | None = None  # "pick" | "reject" | None

    @property
    def empty(self) -> bool:
        return self == NO_MARK

    @classmethod
    def of(cls, marks: Any) -> Mark:
        return cls(int(getattr(marks, "stars", 0) or 0), bool(getattr(marks, "favourite", False)), marks.flag)


NO_MARK = Mark()


def read_marks(lib: Any, ids: Iterable[int]) -> dict[int, Mark]:
    """Worker thread: the marks of ``ids`` (a file gone from the library reads as unmarked)."""
    wanted = [int(i) for i in ids]
    try:
        return {int(i): Mark.of(m) for i, m in lib.curate.marks_of(wanted).items()}
    except Exception:  # one unknown id fails the batch: read the others one by one
        out: dict[int, Mark] = {}
        for i in wanted:
            try:
                out.update({int(k): Mark.of(m) for k, m in lib.curate.marks_of([i]).items()})
            except Exception:
                out[i] = NO_MARK
        return out


class MarkCache(QObject):
    """``get(file_id)``: the file's :class:`Mark`, or None while it is being read."""

    changed = Signal(list)  # file ids whose marks are known anew ([]: all of them were dropped)

    def __init__(self, backend: LibraryBackend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.marks: OrderedDict[int, Mark] = OrderedDict()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._asking = False
        self._generation = 0  # bumped by forget(): answers to older requests are dropped
        self._puts = 0  # numbers the writes: a read that started before one must not undo it
        self._put_at: dict[int, int] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._ask)

    def get(self, file_id: int) -> Mark | None:
        mark = self.marks.get(file_id)
        if mark is None:
            self._wanted[file_id] = None
            if not self._asking and not self._timer.isActive():
                self._timer.start()
        return mark

    def peek(self, file_id: int) -> Mark | None:
        """The marks if known, without asking for them."""
        return self.marks.get(file_id)

    def put(self, marks: Mapping[int, Mark]) -> None:
        """Marks just written (the writer read them back in the same worker call)."""
        self._puts += 1
        for file_id, mark in marks.items():
            self.marks[int(file_id)] = mark
            self.marks.move_to_end(int(file_id))
            self._put_at[int(file_id)] = self._puts
        self._trim()
        self.changed.emit([int(i) for i in marks])

    def forget(self) -> None:
        """Undo, redo, another program: read every file's marks again when it is next painted."""
        self._generation += 1
        self.marks.clear()
        self._put_at.clear()
        self.changed.emit([])

    def _ask(self) -> None:
        if self._asking or not self._wanted:
            return
        ids: list[int] = []
        while self._wanted and len(ids) < BATCH:  # newest first: what is on screen now
            ids.append(self._wanted.popitem(last=True)[0])
        self._wanted.clear()  # older requests scrolled away; they are asked again when painted
        self._asking = True
        generation, puts = self._generation, self._puts
        self.backend.read(
            lambda lib: read_marks(lib, ids),
            lambda result, error: self._arrived(generation, puts, ids, result, error),
        )

    def _arrived(self, generation: int, puts: int, ids: list[int], result, error) -> None:
        self._asking = False
        if generation == self._generation:
            result = result if error is None and result else {}
            fresh = []
            for file_id in ids:
                if self._put_at.get(file_id, 0) > puts:
                    continue  # written after this read began: the write's marks stand
                self.marks[file_id] = result.get(file_id, NO_MARK)
                fresh.append(file_id)
            if not self._wanted:
                self._put_at.clear()
            self._trim()
            self.changed.emit(fresh)
        if self._wanted:
            self._timer.start()

    def _trim(self) -> None:
        while len(self.marks) > KEPT:
            self.marks.popitem(last=False)
