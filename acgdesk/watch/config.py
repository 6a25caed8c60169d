"""How the watcher behaves; the defaults suit a desktop saving art from browsers and drawing tools."""

from __future__ import annotations

from dataclasses import dataclass

from acgdesk.db.files import DEFAULT_RETENTION_DAYS


@dataclass(frozen=True)
class WatchConfig:
    """Timings are seconds. Settling trades latency for never indexing a half-written file."""

    force_polling: bool = False
    poll_interval: float = 2.0
    # A file is ready once its size and mtime stayed the same for ...
    quick_settle: float = 0.1  # ... after a close-after-write or a rename into place (complete)
    settle: float = 1.0  # ... when no close can be seen (polling)
    open_settle: float = 3.0  # ... when written natively but not closed yet (a slow writer)
    empty_grace: float = 10.0  # ... when empty (browsers create the final name first)
    max_wait: float = 120.0  # after this, index it anyway (errors are recorded, changes retrigger)
    # Bursts: a batch goes when no file settled for ``coalesce`` s, when it holds ``max_batch`` files,
    # or when its oldest file waited ``max_batch_wait`` s.
    coalesce: float = 0.15
    max_batch: int = 500
    max_batch_wait: float = 2.0
    # An index run (new files through the models) that lasted this long while renames, moves or
    # deletes are waiting stops, commits what finished, and lets them through (see watch/runs.py).
    yield_after: float = 3.0
    offline_check: float = 2.0  # how often folder roots are checked (unplugged, back)
    # After folders were created, moved or deleted, and this long without another such change: the
    # folder's observer is rebuilt and the folder rescanned. watchdog's map from inotify watches to
    # paths can go stale in fast sequences of folder renames, and then reports events under wrong
    # paths or none at all; a fresh observer and a size+mtime scan make the library right again.
    structure_check: float = 2.0
    retention_days: float = DEFAULT_RETENTION_DAYS
    model_batch: int = 16
    # Tests and status reports: pretend the inotify limit is this (None: read the kernel's).
    inotify_limit: int | None = None
    reserve_watches: int = 1024  # left free for other programs of the same user
