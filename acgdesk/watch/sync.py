"""Marker files that tell when every change made before them has reached the watcher.

Why: tests and benchmarks must reach "the watcher has seen and handled everything" through an
explicit point, not by waiting some seconds and hoping. The OS reports one folder's events in
order (inotify has one queue per observer), so once the worker has seen an event for a marker
file created *after* the caller's changes, every earlier event of that folder has arrived. A
polling observer reports one snapshot's events in no set order, so it needs two markers: the
second snapshot comes after all of the first one's events. Markers have a name the indexer never
takes (a dot name without an image extension), are removed at once, and are never indexed.

Two users: :meth:`Watcher.sync` (tests, benchmarks), and the worker itself (:class:`Barrier`)
before it checks touched places on disk. That check must not run while events of changes already
on disk are still on their way (watchdog holds a move's first half up to 0.5 s to pair it): it
would take the disk's newer state for an edit in place and give a row the wrong content.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from acgdesk.watch.observe import Change

SYNC_MARKER = ".acgdesk-sync-"


def marker_rounds(*, native: bool) -> int:
    return 1 if native else 2


def _make_marker(root: str) -> tuple[str, str] | None:
    """Create an empty marker in ``root``: (name, path), or None where the folder is not writable."""
    name = f"{SYNC_MARKER}{os.getpid()}-{threading.get_ident()}-{time.monotonic_ns()}"
    path = os.path.join(root, name)
    try:
        with open(path, "wb"):
            pass
    except OSError:
        return None
    return name, path


class SyncMarkers:
    """Markers created by callers, and when the worker thread saw each (thread-safe enough: one
    writer, the worker; a dict assignment is atomic)."""

    def __init__(self) -> None:
        self._seen: dict[str, float] = {}

    def note(self, c: Change) -> Change | None:
        """Called by the worker for every change: the change with its marker part taken out, or
        None when nothing else is left (a marker's own creation or removal).

        A polling observer pairs a removed file with a new one by inode, and a marker's inode is
        soon reused: it may report the marker "moved" to a new image (that image was created) or a
        removed image "moved" to a new marker (that image was deleted). Swallowing such an event
        whole lost the image's creation or deletion for good, so only the marker part goes."""
        from_marker = os.path.basename(c.path).startswith(SYNC_MARKER)
        to_marker = bool(c.dest) and os.path.basename(c.dest).startswith(SYNC_MARKER)
        if not (from_marker or to_marker):
            return c
        if c.kind == "moved":
            if to_marker:
                self._seen.setdefault(os.path.basename(c.dest), time.monotonic())
            if from_marker and to_marker:
                return None
            if from_marker:
                return dataclasses.replace(c, kind="changed", path=c.dest, dest="")
            return dataclasses.replace(c, kind="deleted", dest="")
        if c.kind != "deleted" and from_marker:
            self._seen.setdefault(os.path.basename(c.path), time.monotonic())
        return None

    def round(
        self, root: str, deadline: float, alive: Callable[[], bool], generation: Callable[[], int]
    ) -> float | None:
        """Create a marker in ``root`` and wait until the worker saw it: when it did (monotonic
        clock), or None on timeout or if the watcher stopped. ``generation`` counts observer
        rebuilds: a marker made while the old observer was being replaced may never be reported,
        so a new one is made. An unwritable folder (a read-only share) counts as seen now."""
        while True:
            made_in = generation()
            made = _make_marker(root)
            if made is None:
                return time.monotonic()
            name, path = made
            try:
                while name not in self._seen and generation() == made_in:
                    if time.monotonic() > deadline or not alive():
                        return None
                    time.sleep(0.005)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(path)
            if name in self._seen:
                return self._seen.pop(name)

    def take(self, name: str) -> bool:
        """True (and forgotten) if the worker has seen marker ``name``."""
        return self._seen.pop(name, None) is not None


class Barrier:
    """The worker's own "caught up" point: markers in some folders, done once all were seen.

    Non-blocking: the worker starts it, goes on draining and applying events, and asks
    :meth:`done` each step. A folder that cannot be written (a read-only share) counts as caught
    up at once; a marker not seen within ``timeout`` (an observer that died) gives up, so the
    check is late, never lost.
    """

    def __init__(self, markers: SyncMarkers, roots: dict[str, bool], timeout: float = 10.0) -> None:
        self.markers = markers
        self.timeout = timeout
        self.started = time.monotonic()
        self.gave_up = False
        self._waiting: dict[str, tuple[str, str, int]] = {}  # name -> (root, path, rounds left)
        for root, native in roots.items():
            self._make(root, marker_rounds(native=native))

    def _make(self, root: str, rounds: int) -> None:
        made = _make_marker(root)
        if made is not None:
            self._waiting[made[0]] = (root, made[1], rounds)

    def done(self) -> bool:
        for name, (root, path, rounds) in list(self._waiting.items()):
            if not self.markers.take(name):
                continue
            del self._waiting[name]
            with contextlib.suppress(OSError):
                os.unlink(path)
            if rounds > 1:
                self._make(root, rounds - 1)
        if self._waiting and time.monotonic() - self.started > self.timeout:
            self.gave_up = True
            self.cancel()
        return not self._waiting

    def cancel(self) -> None:
        for _root, path, _rounds in self._waiting.values():
            with contextlib.suppress(OSError):
                os.unlink(path)
        self._waiting.clear()
