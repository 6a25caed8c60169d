"""The GUI's only door to the core: :class:`acgdesk.library.Library` calls on worker threads.

Why a layer: widgets ask for data and get it later in a callback; they never hold a database
connection or wait on one. Each worker thread opens its own :class:`Library` (one SQLite
connection per thread; WAL lets readers run beside the writer), so the GUI thread never touches
SQLite. Three pools keep slow work from starving quick work: ``reads`` (queries for the grid, the
detail panel, autocompletion), ``writes`` (one thread: user edits are applied in order) and
``jobs`` (indexing, model installs, upscales), and ``searches`` (one thread, so a search's first
page and its full list arrive in order). Thumbnails have a pool of their own
(:mod:`acgdesk.gui.thumbs`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from acgdesk.core.settings import IndexSettings
from acgdesk.gui.threads import Callback, TaskRunner
from acgdesk.library import Library

log = logging.getLogger(__name__)

# SQLite page cache per worker connection. The core's 64 MiB suits one long indexing run; the GUI
# opens a connection per worker thread, and random thumbnail lookups would grow each to that size.
READER_CACHE_KIB = 8 * 1024


class LibraryBackend(QObject):
    """Owns the worker pools and the per-thread :class:`Library` instances of one library folder."""

    # Something changed that views showing library data should reload (files indexed, tags edited...).
    library_changed = Signal()
    folders_changed = Signal()

    def __init__(
        self,
        root: str | Path,
        *,
        sync: bool = False,
        read_threads: int = 2,
        settings: IndexSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.root = Path(root)
        self.settings = settings or IndexSettings()
        self.sync = sync
        self.reads = TaskRunner("reads", read_threads, sync=sync)
        self.writes = TaskRunner("writes", 1, sync=sync)
        self.jobs = TaskRunner("jobs", 2, sync=sync)
        # Searches in order on one thread: a first page, then the whole list, never racing each other.
        self.searches = TaskRunner("searches", 1, sync=sync)
        self._by_thread: dict[int, Library] = {}
        self._lock = threading.Lock()
        self._closed = False

    # -- per-thread facade ---------------------------------------------------------------------------
    def library(self) -> Library:
        """This thread's :class:`Library` (opened on first use). Call only from worker threads."""
        # Keyed by thread id, not threading.local: Qt's pool threads are not Python threads, and
        # their Python thread state (and with it any threading.local) may be made anew for each task.
        ident = threading.get_ident()
        lib = self._by_thread.get(ident)
        if lib is None:
            lib = Library.open(self.root, settings=self.settings)
            lib.db.execute(f"PRAGMA cache_size=-{READER_CACHE_KIB}")
            with self._lock:
                self._by_thread[ident] = lib
        return lib

    def connections(self) -> int:
        """How many per-thread libraries (SQLite connections) are open."""
        return len(self._by_thread)

    def call(
        self, runner: TaskRunner, fn: Callable[[Library], Any], callback: Callback | None = None
    ) -> None:
        """Run ``fn(library)`` on ``runner`` and deliver ``callback(result, error)`` in the GUI thread."""
        runner.submit(lambda: fn(self.library()), callback)

    def read(self, fn: Callable[[Library], Any], callback: Callback | None = None) -> None:
        self.call(self.reads, fn, callback)

    def write(
        self, fn: Callable[[Library], Any], callback: Callback | None = None, *, changed: bool = True
    ) -> None:
        """Serialised writes; views are told to reload once the write is done (``changed=False``:
        the caller updates what it changed itself, e.g. marks repaint only the cells they are on)."""

        def done(result: Any, error: BaseException | None) -> None:
            if callback is not None:
                callback(result, error)
            if error is None and changed:
                self.library_changed.emit()

        self.call(self.writes, fn, done)

    def job(self, fn: Callable[[Library], Any], callback: Callback | None = None) -> None:
        self.call(self.jobs, fn, callback)

    # -- shutdown ------------------------------------------------------------------------------------
    def close(self, timeout_ms: int = 10_000) -> None:
        """Wait for running calls, then close every thread's connection."""
        if self._closed:
            return
        self._closed = True
        runners = (self.reads, self.writes, self.jobs, self.searches)
        for runner in runners:
            runner.clear()
        for runner in runners:
            if not runner.wait(timeout_ms):
                log.warning(
                    "%s: still running after %d ms at close: %s", runner.name, timeout_ms, runner.running()
                )
        with self._lock:
            opened, self._by_thread = list(self._by_thread.values()), {}
        for lib in opened:
            try:
                lib.close()
            except Exception:  # closing is best effort at exit
                log.exception("closing a library connection failed")
