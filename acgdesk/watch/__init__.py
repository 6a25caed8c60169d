"""Folder watching: new and changed art indexed within seconds, moves and renames keep their data.

Public API (headless, no Qt; the GUI embeds the same objects):

- :class:`Watcher` - ``start()``, ``stop()``, ``reconcile()``, ``status()``, ``wait_idle()``, ``stats``;
  ``on_event`` gets :class:`WatchEvent`s from the watcher's worker thread.
- :class:`WatchConfig` - polling, settle and batching timings, retention.
- :class:`FolderWatch` / :class:`WatchMode` - how each folder is watched (native, polling, offline) and why.
- :func:`prune` / :class:`PruneReport` - erase rows missing past the retention, and unused thumbnails.

Build one through :meth:`acgdesk.library.Library.watcher`.
"""

from acgdesk.watch.config import WatchConfig
from acgdesk.watch.events import EventCallback, FolderWatch, WatchEvent, WatchMode
from acgdesk.watch.prune import PruneReport, prune
from acgdesk.watch.service import Watcher, WatchStats

__all__ = [
    "EventCallback",
    "FolderWatch",
    "PruneReport",
    "WatchConfig",
    "WatchEvent",
    "WatchMode",
    "WatchStats",
    "Watcher",
    "prune",
]
