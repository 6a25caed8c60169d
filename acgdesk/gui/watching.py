"""The watcher inside the GUI: the facade's headless ``Watcher``, its events turned into a job row,
grid refreshes and sidebar updates.

Why a controller: the watcher reports from its own worker thread through a plain callback; the
controller forwards each event to the GUI thread with a queued signal. Creating, starting and
stopping a watcher touch the database and join threads, so they run on the backend's job pool. A
watcher covers the folders it was made with: when folders are added or removed it is replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.jobs import Job, JobsModel, tr

REFRESH_DELAY_MS = 400  # events of one burst are shown together


class WatchController(QObject):
    files_changed = Signal()  # files were indexed, moved or went missing: reload the grid
    folders_changed = Signal()  # a folder went offline or came back
    event_received = Signal(object)  # every WatchEvent, in the GUI thread
    _event = Signal(object)

    def __init__(
        self,
        backend: LibraryBackend,
        jobs: JobsModel,
        *,
        load_models: Callable[[Any], list] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.jobs = jobs
        self.load_models = load_models
        self.watcher = None
        self.job: Job | None = None
        self.events = 0
        self._starting = False
        self._restart_wanted = False
        self._event.connect(self._apply, Qt.ConnectionType.QueuedConnection)
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self.files_changed)

    @property
    def running(self) -> bool:
        return self.watcher is not None

    def start(self) -> None:
        """Watch every library folder (reconciling them first, in the watcher's thread)."""
        if self._starting:
            self._restart_wanted = True
            return
        self._starting = True
        old, self.watcher = self.watcher, None
        load = self.load_models
        emit = self._event.emit

        def make(lib):
            if old is not None:
                old.stop()
            models = [m.model for m in load(lib)] if load else []
            watcher = lib.watcher(models=models, on_event=emit)
            watcher.start()
            return watcher

        self.backend.job(make, self._started)

    def restart(self) -> None:
        """Folders changed: a new watcher over the current set."""
        if self.watcher is not None or self._starting:
            self.start()

    def _started(self, watcher, error) -> None:
        self._starting = False
        if self.job is None or not self.job.active:
            self.job = self.jobs.add(Job("watch", tr("Watching folders")))
            self.job.on_cancel = self.stop
        if error is not None:
            self.job._finish(None, error)
            return
        self.watcher = watcher
        modes = {}
        for f in watcher.status():
            modes[str(f.mode)] = modes.get(str(f.mode), 0) + 1
        detail = ", ".join(f"{n} {mode}" for mode, n in sorted(modes.items()))
        self.job._apply(0, 0, None, detail)
        self.job.title = tr("Watching %n folder(s)", "", len(watcher.status()))
        self.job.changed.emit()
        if self._restart_wanted:
            self._restart_wanted = False
            self.start()

    def _apply(self, event: Any) -> None:
        self.events += 1
        self.event_received.emit(event)
        if self.job is not None and self.job.active:
            self.job.detail = event.message
            self.job.changed.emit()
        if event.kind in ("indexed", "moved", "missing", "verified", "reconciled"):
            self._refresh.start()
        if event.kind in ("offline", "online", "mode", "reconciled"):
            self.folders_changed.emit()

    def stop(self, *, wait: bool = False) -> None:
        watcher, self.watcher = self.watcher, None
        if self.job is not None and self.job.active:
            self.job._finish(None, None)
        if watcher is None:
            return
        if wait:
            watcher.stop(timeout=10)
        else:
            self.backend.jobs.submit(lambda: watcher.stop(timeout=30))
