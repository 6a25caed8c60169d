"""One-click upscale: options dialog, queued jobs with progress and cancel, the result beside the original.

Why a controller: the facade's ``Library.upscale_queue`` is a worker thread that reports through a
plain callback; the controller forwards its events to the GUI thread with a signal and turns each
request into a :class:`~acgdesk.gui.jobs.Job`, so upscales show and cancel like any other job.
Outputs are new files the queue registers in the library (the originals are only read).
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.jobs import Job, JobsModel, tr
from acgdesk.gui.threads import TaskRunner
from acgdesk.gui.thumbs import read_scaled
from acgdesk.upscale.options import AVAILABLE, DENOISE, FORMATS, UpscaleOptions

DENOISE_LABELS = {
    "conservative": QT_TRANSLATE_NOOP("UpscaleDialog", "Conservative"),
    "none": QT_TRANSLATE_NOOP("UpscaleDialog", "None"),
    "1": QT_TRANSLATE_NOOP("UpscaleDialog", "Light"),
    "2": QT_TRANSLATE_NOOP("UpscaleDialog", "Medium"),
    "3": QT_TRANSLATE_NOOP("UpscaleDialog", "Strong"),
}


class UpscaleDialog(QDialog):
    """Scale, denoise, model and format; only combinations with weights can be chosen."""

    def __init__(self, count: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Upscale %n image(s)", "", count))
        self.model = QComboBox(self)
        self.model.addItems(list(AVAILABLE))
        self.scale = QComboBox(self)
        self.denoise = QComboBox(self)
        self.fmt = QComboBox(self)
        self.fmt.addItems(list(FORMATS))
        self.error = QLabel(self)
        self.error.setObjectName("queryError")
        form = QFormLayout()
        form.addRow(self.tr("Model (Real-CUGAN)"), self.model)
        form.addRow(self.tr("Scale"), self.scale)
        form.addRow(self.tr("Denoise"), self.denoise)
        form.addRow(self.tr("Format"), self.fmt)
        note = QLabel(self.tr("A new file is written next to each original; originals are never changed."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.model.currentTextChanged.connect(self._model_changed)
        self.scale.currentTextChanged.connect(self._scale_changed)
        self._model_changed(self.model.currentText())

    def _model_changed(self, model: str) -> None:
        self.scale.blockSignals(True)
        self.scale.clear()
        self.scale.addItems([f"{s}x" for s in AVAILABLE.get(model, {})])
        self.scale.blockSignals(False)
        self._scale_changed(self.scale.currentText())

    def _scale_changed(self, scale: str) -> None:
        levels = AVAILABLE.get(self.model.currentText(), {}).get(int(scale.rstrip("x") or 0), ())
        self.denoise.clear()
        for level in levels:
            self.denoise.addItem(self.tr(DENOISE_LABELS.get(level, level)), level)

    def options(self) -> UpscaleOptions:
        """The chosen options (raises ValueError, with the reason, for an impossible combination)."""
        level = self.denoise.currentData()
        return UpscaleOptions(
            scale=int(self.scale.currentText().rstrip("x")),
            denoise=level if level in DENOISE else "conservative",
            model=self.model.currentText(),
            fmt=self.fmt.currentText(),
        )

    def accept(self) -> None:
        try:
            self.options()
        except ValueError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()


class CompareDialog(QDialog):
    """The original and the upscaled result side by side (decoded on a worker)."""

    def __init__(self, original: str, result: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Upscaled: {name}").format(name=os.path.basename(result)))
        self.paths = (original, result)
        self.labels = [QLabel(self.tr("Loading…")) for _ in self.paths]
        row = QHBoxLayout()
        for path, label in zip(self.paths, self.labels, strict=True):
            box = QVBoxLayout()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumSize(320, 320)
            box.addWidget(label, 1)
            caption = QLabel(os.path.basename(path))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(caption)
            row.addLayout(box)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        self.runner = TaskRunner("compare", 1)
        for path, label in zip(self.paths, self.labels, strict=True):
            self.runner.submit(
                lambda p=path: read_scaled(p, 640),
                lambda image, error, label=label: self._show(label, image, error),
            )

    def _show(self, label: QLabel, image, error) -> None:
        if error is not None or image is None or image.isNull():
            label.setText(self.tr("Cannot show this image"))
            return
        label.setPixmap(QPixmap.fromImage(image))

    def loaded(self) -> bool:
        return all(label.pixmap() is not None and not label.pixmap().isNull() for label in self.labels)


class UpscaleController(QObject):
    """Owns the facade's upscale queue (created on first use) and one Job per request."""

    _event = Signal(object)
    output_ready = Signal(str, str)  # original path, new file path

    def __init__(self, backend: LibraryBackend, jobs: JobsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.jobs = jobs
        self.queue = None
        self._waiting: list[tuple[str, UpscaleOptions]] = []
        self._creating = False
        self._by_id: dict[int, Job] = {}
        self._event.connect(self._apply, Qt.ConnectionType.QueuedConnection)

    def submit(self, paths: list[str], options: UpscaleOptions) -> None:
        self._waiting.extend((p, options) for p in paths)
        if self.queue is not None:
            self._drain()
        elif not self._creating:
            self._creating = True
            # Creating the queue starts its worker thread: do it off the GUI thread.
            self.backend.job(lambda lib: lib.upscale_queue(on_event=self._event.emit), self._created)

    def _created(self, queue, error) -> None:
        self._creating = False
        if error is not None:
            job = self.jobs.add(Job("upscale", tr("Upscale")))
            job._finish(None, error)
            self._waiting.clear()
            return
        self.queue = queue
        self._drain()

    def _drain(self) -> None:
        while self._waiting:
            path, options = self._waiting.pop(0)
            job = Job(
                "upscale",
                tr("Upscale {name} {scale}x").format(name=os.path.basename(path), scale=options.scale),
            )
            job_id = self.queue.submit(path, options)
            job.on_cancel = lambda queue=self.queue, job_id=job_id: queue.cancel(job_id)
            self._by_id[job_id] = job
            self.jobs.add(job)

    def _apply(self, event: Any) -> None:
        job = self._by_id.get(event.job_id)
        if job is None:
            return
        if event.kind in ("started", "progress"):
            p = event.progress
            if p is not None:
                job._apply(p.tile, p.tiles, p.eta, p.phase)
            else:
                job._apply(0, 0, None, tr("starting"))
        elif event.kind == "finished":
            result = event.result
            error = None
            if result is not None and result.status == "failed":
                error = RuntimeError(result.error or tr("upscale failed"))
            if result is not None and result.status == "cancelled":
                job.cancel_token.cancel()
            job._finish(result, error)
            if result is not None and result.ok and result.output is not None:
                self.output_ready.emit(str(result.source), str(result.output))

    def close(self) -> None:
        if self.queue is not None:
            self.queue.close(cancel=True, timeout=10)
            self.queue = None
