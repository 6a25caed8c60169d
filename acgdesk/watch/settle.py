"""Deciding when a changed file is finished: temporary names ignored, size and mtime stable, openable.

Browsers, downloaders and drawing tools write in steps: a ``.part`` file renamed at the end, an
empty placeholder filled later, chunks with pauses. Indexing too early records a truncated image
(and costs a model run for nothing); waiting too long makes new art slow to appear. A file that
was closed after writing, or renamed into place, is ready almost at once; one still open (native
watching saw writes but no close) gets a longer quiet period; polling, which sees neither, gets a
middle one. Everything here runs in the watcher's single worker thread.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from acgdesk.watch.config import WatchConfig

_SIBLING_SUFFIXES = (".part", ".crdownload", ".download", ".aria2")


@dataclass
class _Pending:
    folder_id: int
    first_seen: float
    stat: tuple[int, int, int] | None
    stable_since: float
    complete: bool  # closed after writing, or renamed into place
    expects_close: bool  # native watching reports the close that ends a write


class Settler:
    """Files waiting to be finished; :meth:`due` returns those that are."""

    def __init__(self, config: WatchConfig, clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self.clock = clock
        self.pending: dict[str, _Pending] = {}

    def __len__(self) -> int:
        return len(self.pending)

    def note(self, path: str, folder_id: int, *, complete: bool, native: bool) -> None:
        """A create/modify (``complete=False``) or close/rename-into-place (``complete=True``) event."""
        now = self.clock()
        p = self.pending.get(path)
        if p is None:
            self.pending[path] = _Pending(folder_id, now, _stat(path), now, complete, native)
            return
        p.complete = complete
        p.expects_close = p.expects_close or native
        key = _stat(path)  # an event is news: look now (e.g. an empty placeholder just got filled)
        if key != p.stat:
            p.stat, p.stable_since = key, now

    def forget(self, path: str) -> None:
        self.pending.pop(path, None)

    def forget_under(self, folder: str) -> None:
        prefix = folder.rstrip(os.sep) + os.sep
        for path in [p for p in self.pending if p.startswith(prefix)]:
            del self.pending[path]

    def rename(self, src: str, dest: str, folder_id: int) -> bool:
        """A pending file was renamed (``x.part`` is not pending: temporary names never are)."""
        p = self.pending.pop(src, None)
        if p is None:
            return False
        p.folder_id = folder_id
        self.pending[dest] = p
        return True

    def rename_under(self, src_dir: str, dest_dir: str, folder_id: int) -> None:
        src_prefix = src_dir.rstrip(os.sep) + os.sep
        for path in [p for p in self.pending if p.startswith(src_prefix)]:
            p = self.pending.pop(path)
            p.folder_id = folder_id
            self.pending[dest_dir.rstrip(os.sep) + os.sep + path[len(src_prefix) :]] = p

    def due(self) -> list[tuple[str, int]]:
        """Files that are finished, as (path, folder id), removed from the waiting set."""
        now = self.clock()
        ready: list[tuple[str, int]] = []
        for path, p in list(self.pending.items()):
            if now - p.stable_since < self._need(p) and now - p.first_seen < self.config.max_wait:
                continue  # cannot be ready yet: spare the stat (a burst leaves thousands waiting)
            try:
                st = os.stat(path)
            except FileNotFoundError:
                del self.pending[path]  # deleted or renamed: its own event says what happened
                continue
            except OSError:
                del self.pending[path]  # unreadable: the pipeline records why
                ready.append((path, p.folder_id))
                continue
            key = (st.st_size, st.st_mtime_ns, st.st_ino)
            if key != p.stat:
                p.stat, p.stable_since = key, now
            if self._ready(path, p, now):
                del self.pending[path]
                ready.append((path, p.folder_id))
        return ready

    def _ready(self, path: str, p: _Pending, now: float) -> bool:
        c = self.config
        if now - p.first_seen >= c.max_wait:
            return True
        quiet = now - p.stable_since
        if p.stat is not None and p.stat[0] == 0:
            return quiet >= c.empty_grace
        if any(os.path.exists(path + s) for s in _SIBLING_SUFFIXES):
            return False  # the real download is still arriving under a temporary name
        return quiet >= self._need(p) and _openable(path)

    def _need(self, p: _Pending) -> float:
        c = self.config
        if p.stat is not None and p.stat[0] == 0:
            return c.empty_grace
        return c.quick_settle if p.complete else (c.open_settle if p.expects_close else c.settle)


def _stat(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def _openable(path: str) -> bool:
    """Readable now (on Windows a file another program holds open for writing is not)."""
    try:
        with open(path, "rb") as fh:
            fh.read(1)
    except PermissionError:
        return True  # it will not get better by waiting: let the pipeline record it
    except OSError:
        return False
    return True
