"""Background work the user can see: indexing, model downloads, upscales, with progress, ETA and cancel.

Why one :class:`Job` type: every long facade call takes a progress callback and a cancel switch; a
job adapts both to Qt (progress is posted from the worker thread to the GUI thread, at most ~10
times a second) so the jobs panel and the status bar render every kind the same way.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.i18n import number
from acgdesk.gui.resources import icon
from acgdesk.library import Library
from acgdesk.pipeline.engine import CancelToken
from acgdesk.pipeline.progress import IndexProgress

# job states as describe() shows them
STATES = (
    QT_TRANSLATE_NOOP("jobs", "done"),
    QT_TRANSLATE_NOOP("jobs", "failed"),
    QT_TRANSLATE_NOOP("jobs", "cancelled"),
)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate text outside a QObject (job titles are made before their job exists)."""
    return QCoreApplication.translate("jobs", text, disambiguation, n)


def human_eta(seconds: float | None) -> str:
    if seconds is None or seconds < 0:
        return ""
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class Job(QObject):
    """One piece of background work. ``report`` may be called from any thread."""

    changed = Signal()
    finished = Signal(object, object)  # result, error
    _posted = Signal(int, int, object, str)

    def __init__(self, kind: str, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.title = title
        self.state = "queued"
        self.done = 0
        self.total = 0
        self.eta: float | None = None
        self.detail = ""
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancel_token = CancelToken()
        self.cancel_event = threading.Event()  # for APIs that take a threading.Event (model installs)
        self.on_cancel: Callable[[], object] | None = None  # for work driven by events (upscale queue)
        self._last_post = 0.0
        self._posted.connect(self._apply, Qt.ConnectionType.QueuedConnection)

    @property
    def active(self) -> bool:
        return self.state in ("queued", "running")

    def cancel(self) -> None:
        self.cancel_token.cancel()
        self.cancel_event.set()
        if self.on_cancel is not None and self.active:
            self.on_cancel()
        if self.state == "queued":
            self.state = "cancelled"
        self.detail = self.tr("cancelling…") if self.state == "running" else self.detail
        self.changed.emit()

    def report(
        self, done: int, total: int, eta: float | None = None, detail: str = "", *, force=False
    ) -> None:
        """Progress from the worker thread (throttled; the last call of a run should pass ``force``)."""
        now = time.monotonic()
        if not force and now - self._last_post < 0.1:
            return
        self._last_post = now
        self._posted.emit(int(done), int(total), eta, detail)

    def _apply(self, done: int, total: int, eta: object, detail: str) -> None:
        if self.state == "queued":
            self.state = "running"
        self.done, self.total, self.eta, self.detail = done, total, eta, detail
        self.changed.emit()

    def start(self, backend: LibraryBackend, fn: Callable[[Library, Job], Any]) -> None:
        def run(lib: Library) -> Any:
            if self.cancel_token.cancelled:
                return None
            self._posted.emit(0, 0, None, "")
            return fn(lib, self)

        backend.job(run, self._finish)

    def _finish(self, result: Any, error: BaseException | None) -> None:
        self.result, self.error = result, error
        if error is not None:
            self.state, self.detail = "failed", error_text(error)
        elif self.cancel_token.cancelled:
            self.state = "cancelled"
            self.detail = self.tr("cancelled")
        else:
            self.state = "done"
            if self.total:
                self.done = self.total
        self.eta = None
        self.changed.emit()
        self.finished.emit(result, error)


class JobsModel(QObject):
    """Every job of this session, newest last."""

    job_added = Signal(object)
    job_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs: list[Job] = []

    def add(self, job: Job) -> Job:
        self.jobs.append(job)
        job.changed.connect(lambda j=job: self.job_changed.emit(j))
        self.job_added.emit(job)
        return job

    def active(self) -> list[Job]:
        return [j for j in self.jobs if j.active]

    def cancel_all(self) -> None:
        for j in self.active():
            j.cancel()


# -- the jobs the GUI starts ----------------------------------------------------------------------------
def index_job(
    backend: LibraryBackend,
    paths: Sequence[str] | None,
    *,
    load_models: Callable[[Library], list] | None = None,
) -> Job:
    """Add ``paths`` (or refresh every folder) and index; ``load_models(lib)`` picks the models to run."""
    title = tr("Indexing %n folder(s)", "", len(paths)) if paths else tr("Updating library")
    job = Job("index", title)

    def run(lib: Library, job: Job):
        models = [m.model for m in load_models(lib)] if load_models else []

        def progress(p: IndexProgress) -> None:
            detail = p.current or p.phase
            job.report(p.done, p.total, p.eta, detail, force=p.phase in ("done", "cancelled"))

        return lib.index(
            list(paths) if paths else None, progress=progress, cancel=job.cancel_token, models=models
        )

    job.runner = run  # started by the main window once it is registered
    return job


def install_job(spec_id: str) -> Job:
    """Download (resumable, verified) one catalogue model into the shared model store."""
    from acgdesk.models.catalogue import get as get_spec

    spec = get_spec(spec_id)
    job = Job("model", tr("Installing {name}").format(name=spec.name))

    def run(lib: Library, job: Job):
        def progress(p) -> None:
            d = p.download
            job.report(d.bytes_done, d.bytes_total or 0, d.eta, f"{p.file} ({p.file_index}/{p.file_count})")

        return lib.model_store.install(spec, progress=progress, cancel=job.cancel_event)

    job.runner = run
    return job


# -- widgets --------------------------------------------------------------------------------------------
class JobRow(QWidget):
    def __init__(self, job: Job, parent=None) -> None:
        super().__init__(parent)
        self.job = job
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton(self, icon=icon("cancel"), toolTip=self.tr("Cancel"))
        self.cancel.setAutoRaise(True)
        self.cancel.clicked.connect(job.cancel)
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        job.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.label.setText(describe(self.job))
        if self.job.total:
            self.bar.setRange(0, self.job.total)
            self.bar.setValue(self.job.done)
        else:
            self.bar.setRange(0, 0 if self.job.state == "running" else 1)
            self.bar.setValue(1 if self.job.state == "done" else 0)
        self.cancel.setVisible(self.job.active)


def show_job_state(jobs: JobsModel, label: QLabel, bar: QProgressBar, job: Job) -> None:
    """The status bar's job line and busy bar after ``job`` changed."""
    # Watching never ends: it is named in the status bar but gets no busy bar of its own.
    watching = [j for j in jobs.active() if j.kind == "watch"]
    active = [j for j in jobs.active() if j.kind != "watch"]
    if not active:
        text = describe(job) if job.state == "failed" else (watching[0].title if watching else "")
        label.setText(text)
        bar.hide()
        return
    lead = active[0]
    more = len(active) - 1
    label.setText(describe(lead) + (f"  (+{more})" if more else ""))
    bar.show()
    if lead.total:
        bar.setRange(0, lead.total)
        bar.setValue(lead.done)
    else:
        bar.setRange(0, 0)


def describe(job: Job) -> str:
    parts = [job.title]
    if job.total:
        parts.append(f"{number(job.done)}/{number(job.total)}")
    if job.eta:
        parts.append(tr("ETA {t}").format(t=human_eta(job.eta)))
    if job.state not in ("running", "queued"):
        parts.append("[" + tr(job.state) + "]")
    if job.detail and job.state in ("failed", "cancelled"):
        parts.append(job.detail)
    return " · ".join(parts)


class JobsPanel(QWidget):
    def __init__(self, model: JobsModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.list = QListWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        model.job_added.connect(self._add)

    def _add(self, job: Job) -> None:
        item = QListWidgetItem()
        row = JobRow(job)
        item.setSizeHint(row.sizeHint())
        self.list.insertItem(0, item)
        self.list.setItemWidget(item, row)
