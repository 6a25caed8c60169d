"""The watcher's index runs (settled files, checks of touched places, rescans), made to give way.

Why give way: with the models on a CPU, a run over a few hundred new files takes half a minute, and
while it runs the worker does nothing else: renames, moves and deletes made meanwhile would wait for
it. So a run that has lasted ``yield_after`` seconds while structural changes are waiting stops
taking files; what finished is committed (the pipeline's cancel keeps it), the caller puts the rest
back, and the worker replays the changes first. A run that had to give way gets twice the time on
its next try (and so on), so a steady stream of renames cannot starve indexing.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from acgdesk.core.settings import IndexSettings
from acgdesk.models.results import ImageModel
from acgdesk.pipeline.discover import _is_candidate
from acgdesk.pipeline.engine import CancelToken
from acgdesk.pipeline.indexer import FolderTarget, IndexReport, index_folders
from acgdesk.pipeline.progress import IndexProgress
from acgdesk.watch.config import WatchConfig
from acgdesk.watch.events import WatchMode
from acgdesk.watch.folders import WatchedFolder
from acgdesk.watch.observe import Change
from acgdesk.watch.sync import SYNC_MARKER

STRUCTURAL = ("deleted", "moved", "dir_moved", "dir_deleted", "dir_created")


class ChangeInbox(queue.Queue[Change]):
    """The worker's queue of changes, which also remembers when the newest structural one came."""

    def __init__(self) -> None:
        super().__init__()
        self.structural_at = 0.0  # monotonic

    def put(self, item: Change, block: bool = True, timeout: float | None = None) -> None:
        if item.kind in STRUCTURAL and not _marker(item):
            self.structural_at = time.monotonic()
        super().put(item, block, timeout)


def _marker(c: Change) -> bool:
    """The watcher's own sync markers come and go; they are not changes anyone waits for."""
    return any(os.path.basename(p).startswith(SYNC_MARKER) for p in (c.path, c.dest) if p)


class IndexRuns:
    """Runs :func:`index_folders` for the watcher, stopping early to let waiting changes through."""

    def __init__(
        self,
        *,
        thumbs_dir: Path,
        settings: IndexSettings,
        models: Sequence[ImageModel],
        config: WatchConfig,
        exclude: tuple[str, ...],
        inbox: ChangeInbox,
        stopping: threading.Event,
    ) -> None:
        self.thumbs_dir = thumbs_dir
        self.settings = settings
        self.models = list(models)
        self.config = config
        self.exclude = tuple(p.rstrip(os.sep) for p in exclude)
        self.inbox = inbox
        self.stopping = stopping
        self.commits = 0
        self.restored = 0
        self.yields = 0  # runs that gave way so far
        self._cancel = CancelToken()
        self._gave_way: dict[str, int] = {}  # kind of run -> consecutive times it gave way

    def cancel(self) -> None:
        """Stop the run in flight (the watcher is stopping); finished files are committed."""
        self._cancel.cancel()

    def run(self, db: Any, targets: list[FolderTarget], kind: str) -> IndexReport:
        """One run; ``report.cancelled`` when it gave way (or the watcher is stopping), and then
        the caller queues the unfinished part again."""
        self._cancel = cancel = CancelToken()
        if self.stopping.is_set():
            cancel.cancel()
        started = time.monotonic()
        budget = min(600.0, self.config.yield_after * 2 ** self._gave_way.get(kind, 0))

        def give_way(_: IndexProgress) -> None:
            if (
                not cancel.cancelled
                and self.inbox.structural_at > started
                and time.monotonic() - started >= budget
            ):
                cancel.cancel()

        report = index_folders(
            db,
            targets,
            thumbs_dir=self.thumbs_dir,
            settings=self.settings,
            cancel=cancel,
            progress=give_way,
            models=self.models,
            model_batch=self.config.model_batch,
            exclude=self.exclude,
            retention_days=self.config.retention_days,
        )
        self.commits += report.commits
        self.restored += report.restored
        if report.cancelled and not self.stopping.is_set():
            self.yields += 1
            self._gave_way[kind] = self._gave_way.get(kind, 0) + 1
        else:
            self._gave_way.pop(kind, None)
        return report


def ready_targets(
    items: Sequence[tuple[str, int]],
    folders: Mapping[int, WatchedFolder],
    excluded: Callable[[str], bool],
) -> list[FolderTarget]:
    """Settled files (path, folder id) as one target per online folder; each file is read and
    hashed whatever its stat says (``rehash``: a file swapped in may keep size and mtime)."""
    by_folder: dict[int, list[str]] = {}
    for path, fid in items:
        folder = folders.get(fid)
        if folder is None or folder.mode == WatchMode.OFFLINE or excluded(path):
            continue
        if _is_candidate(path, os.path.basename(path)):
            by_folder.setdefault(fid, []).append(path)
    return [
        FolderTarget(fid, folders[fid].root, tuple(paths), rehash=True) for fid, paths in by_folder.items()
    ]
