"""Progress of a long run, as immutable snapshots any front end can render (bar, JSON, Qt)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class IndexProgress:
    """A snapshot of an indexing run. ``total`` is only final once ``scanning`` is False."""

    phase: str  # "scanning" (walking folders and working) | "working" | "done" | "cancelled"
    scanning: bool
    discovered: int  # candidate images seen on disk
    up_to_date: int  # unchanged since the last run: no work
    total: int  # files that need work (known so far)
    done: int  # of those, finished
    ok: int
    errors: int
    unchanged: int  # mtime changed but content identical
    bytes_done: int
    elapsed: float
    rate: float  # finished files per second
    eta: float | None  # seconds, once the scan is complete and a rate is known
    current: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ProgressCallback = Callable[[IndexProgress], None]


class RateMeter:
    """Files per second over a sliding window, so the ETA follows the current speed."""

    def __init__(self, window: float = 5.0) -> None:
        self.window = window
        self.samples: list[tuple[float, int]] = []

    def update(self, done: int, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        self.samples.append((now, done))
        while len(self.samples) > 2 and now - self.samples[0][0] > self.window:
            self.samples.pop(0)
        t0, d0 = self.samples[0]
        return (done - d0) / (now - t0) if now > t0 else 0.0
