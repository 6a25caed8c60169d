"""Marker files that tell a caller when every change it made before has reached the watcher.

Why: tests and benchmarks must reach "the watcher has seen and handled everything" through an
explicit point, not by waiting some seconds and hoping. The OS reports one folder's events in
order (inotify has one queue per observer), so once the worker has seen an event for a marker
file created *after* the caller's changes, every earlier event of that folder has arrived. A
polling observer reports one snapshot's events in no set order, so it needs two markers: the
second snapshot comes after all of the first one's events. Markers have a name the indexer never
takes (a dot name without an image extension), are removed at once, and are never indexed.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable

SYNC_MARKER = ".acgdesk-sync-"


def marker_rounds(*, native: bool) -> int:
    return 1 if native else 2


class SyncMarkers:
    """Markers created by callers, and when the worker thread saw each (thread-safe enough: one
    writer, the worker; a dict assignment is atomic)."""

    def __init__(self) -> None:
        self._seen: dict[str, float] = {}

    def note(self, kind: str, path: str, dest: str) -> bool:
        """Called by the worker for every change; True if it is about a marker (then ignore it)."""
        names = (os.path.basename(path), os.path.basename(dest))
        if not (names[0].startswith(SYNC_MARKER) or names[1].startswith(SYNC_MARKER)):
            return False
        # Polling may pair a removed marker with the next one as a move (same inode): the new one is
        # the move's destination. A removal says nothing new.
        name = names[1] if kind == "moved" else names[0]
        if kind != "deleted" and name.startswith(SYNC_MARKER):
            self._seen.setdefault(name, time.monotonic())
        return True

    def round(
        self, root: str, deadline: float, alive: Callable[[], bool], generation: Callable[[], int]
    ) -> float | None:
        """Create a marker in ``root`` and wait until the worker saw it: when it did (monotonic
        clock), or None on timeout or if the watcher stopped. ``generation`` counts observer
        rebuilds: a marker made while the old observer was being replaced may never be reported,
        so a new one is made. An unwritable folder (a read-only share) counts as seen now."""
        while True:
            name = f"{SYNC_MARKER}{os.getpid()}-{threading.get_ident()}-{time.monotonic_ns()}"
            path = os.path.join(root, name)
            made_in = generation()
            try:
                with open(path, "wb"):
                    pass
            except OSError:
                return time.monotonic()
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
