"""Marking keys and what they write: 0-5 stars, F favourite, P pick, X reject.

=====  ======================================================================================
0-5    that many stars (0: none)
F      favourite, unless every file marked is one already: then not
P      pick, unless every file already is picked: then no flag
X      reject, unless every file already is rejected: then no flag
=====  ======================================================================================

In the grid they apply to the selection, in the viewer to the picture shown. An operation is a short
string (``"stars:3"``, ``"favourite"``, ``"flag:none"``...) so keys, menus and the detail panel name
the same thing; :func:`mark_call` turns it into the ``Library.curate`` call. Every write goes
through the backend's write thread and comes back with the files' new marks read in the same call,
which :class:`Marker` puts in the :class:`~acgdesk.gui.curate.marks_cache.MarkCache`: the badges
change as soon as the write returns, and only on those files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.curate.marks_cache import MarkCache, read_marks
from acgdesk.gui.curate.scope import Scope

K = Qt.Key
MARK_KEYS: dict[int, str] = {
    K.Key_0: "stars:0",
    K.Key_1: "stars:1",
    K.Key_2: "stars:2",
    K.Key_3: "stars:3",
    K.Key_4: "stars:4",
    K.Key_5: "stars:5",
    K.Key_F: "favourite",
    K.Key_P: "pick",
    K.Key_X: "reject",
}
# Marks read back after a write up to this many files; a larger batch makes the cache read again.
PUT_LIMIT = 50_000


def tr(text: str) -> str:
    return QCoreApplication.translate("marks", text)


def mark_call(op: str) -> Callable[[Any, list[int]], Any]:
    """``op`` as a call ``(curator, ids) -> Done``."""
    kind, _, arg = op.partition(":")
    if kind == "stars":
        stars = int(arg)
        return lambda c, ids: c.rate(ids, stars)
    if kind == "favourite":
        if arg:
            on = arg == "on"
            return lambda c, ids: c.favourite(ids, on)
        return lambda c, ids: c.toggle_favourite(ids)
    if kind in ("pick", "reject"):
        return lambda c, ids: c.toggle_flag(ids, kind)
    if kind == "flag":
        flag = None if arg == "none" else arg
        return lambda c, ids: c.flag(ids, flag)
    raise ValueError(f"not a marking operation: {op!r}")


def op_label(op: str) -> str:
    """A menu's words for an operation."""
    kind, _, arg = op.partition(":")
    if kind == "stars":
        return tr("No stars") if arg == "0" else "★" * int(arg)
    return {
        "favourite": tr("Favourite"),
        "favourite:on": tr("Favourite"),
        "favourite:off": tr("Not a favourite"),
        "pick": tr("Pick"),
        "reject": tr("Reject"),
        "flag:pick": tr("Pick"),
        "flag:reject": tr("Reject"),
        "flag:none": tr("No flag"),
    }[op]


class Marker(QObject):
    """Writes marks for a :class:`Scope` and updates the cache with what was written."""

    marked = Signal(object, list)  # Done (or None when nothing was to be marked), the file ids
    failed = Signal(str)

    def __init__(self, backend: LibraryBackend, cache: MarkCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.cache = cache

    def apply(self, scope: Scope, op: str) -> None:
        call = mark_call(op)

        def run(lib: Any):
            ids = scope.resolve(lib)
            if not ids:
                return None, [], {}
            done = call(lib.curate, ids)
            return done, ids, read_marks(lib, ids) if len(ids) <= PUT_LIMIT else None

        self.backend.write(run, self._written, changed=False)

    def _written(self, result, error) -> None:
        if error is not None:
            self.failed.emit(tr("Could not mark: {e}").format(e=error_text(error)))
            return
        done, ids, marks = result
        if marks is None:
            self.cache.forget()
        elif marks:
            self.cache.put(marks)
        self.marked.emit(done, ids)
