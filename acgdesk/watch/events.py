"""What a watcher tells its owner: plain immutable records, safe to hand to any thread or to JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class WatchMode(StrEnum):
    NATIVE = "native"  # OS change notification (inotify, FSEvents, ReadDirectoryChangesW)
    POLLING = "polling"  # periodic snapshots: network or removable drives, or the OS limit reached
    OFFLINE = "offline"  # the folder is not there (unplugged drive); its files are kept


@dataclass(frozen=True)
class FolderWatch:
    """How one library folder is watched, and why (the reason is written for people)."""

    folder_id: int
    path: str
    mode: WatchMode
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "mode": str(self.mode)}


@dataclass(frozen=True)
class WatchEvent:
    """One thing the watcher did.

    ``kind``: ``mode`` (a folder's watch mode was chosen or changed), ``offline``, ``online``,
    ``indexed`` (a batch went through the pipeline), ``moved`` (file or folder), ``missing``,
    ``verified`` (what a batch of moves and deletes touched was checked on disk and repaired),
    ``reconciled`` (a full scan: start, on demand, after an overflow or a folder coming back;
    ``details["why"]``), ``overflow`` (the OS dropped events), ``models`` (pipeline and models
    warmed up at start), ``error`` (the watcher survived it), ``started``, ``stopped``.
    ``details`` of ``indexed``/``verified``/``reconciled`` is the run's ``IndexReport`` as a dict.
    """

    kind: str
    message: str
    path: str | None = None
    dest: str | None = None
    count: int = 0
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# Called from the watcher's worker thread: a GUI must hand the event over to its own thread.
EventCallback = Callable[[WatchEvent], None]
