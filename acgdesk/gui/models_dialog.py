"""The model manager: the catalogue with each model's state, install (with progress) or import from a
folder, the runtime/device report of ``acgdesk models doctor``, and the models indexing runs.

Everything is read and changed through the facade's model store and settings on worker threads;
downloads are jobs, so they show in the jobs panel and survive closing this dialog.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.core_errors_models import install_detail_text
from acgdesk.gui.core_text import core_text, speed_text, state_text, task_text
from acgdesk.gui.detail_panel import human_size
from acgdesk.gui.jobs import Job, JobsModel, install_job, tr
from acgdesk.library import Library

COLUMNS = (
    QT_TRANSLATE_NOOP("ModelsDialog", "Use"),
    QT_TRANSLATE_NOOP("ModelsDialog", "Model"),
    QT_TRANSLATE_NOOP("ModelsDialog", "Task"),
    QT_TRANSLATE_NOOP("ModelsDialog", "Good at"),
    QT_TRANSLATE_NOOP("ModelsDialog", "Speed"),
    QT_TRANSLATE_NOOP("ModelsDialog", "State"),
    QT_TRANSLATE_NOOP("ModelsDialog", "Size"),
    QT_TRANSLATE_NOOP("ModelsDialog", "Licence"),
)


def catalogue_rows(lib: Library) -> tuple[list[dict[str, Any]], list[str]]:
    """Worker thread: every catalogue model with its install state, and the models indexing runs."""
    from acgdesk.models.catalogue import CATALOGUE
    from acgdesk.models.spec import SPEED_CLASSES

    rows = []
    for spec in CATALOGUE.values():
        state = lib.model_store.status(spec)
        rows.append(
            {
                "id": spec.id,
                "name": spec.name,
                "task": spec.task.value,
                "state": str(state.status),
                "installed": state.installed,
                "offline": spec.offline,
                "size": state.size,
                "licence": spec.licence,
                "recommended": spec.recommended,
                "description": spec.description,
                "detail": state.detail,
                "detail_key": state.detail_key,
                "detail_params": dict(state.detail_params),
                "location": state.location if state.installed else None,
                "strengths": spec.strengths,
                "speed": spec.speed,
                "speed_meaning": SPEED_CLASSES.get(spec.speed, ""),
                "download_size": spec.size,
            }
        )
    return rows, lib.index_model_ids()


def doctor_text(lib: Library, device: str) -> str:
    """Worker thread: ``acgdesk models doctor`` as text (imports the runtimes: slow the first time)."""
    from acgdesk.models.devices import RuntimePrefs
    from acgdesk.models.doctor import doctor_report, format_report

    return format_report(doctor_report(store=lib.model_store, prefs=RuntimePrefs(device=device)))


class ModelsDialog(QDialog):
    def __init__(
        self,
        backend: LibraryBackend,
        jobs: JobsModel,
        start_job: Callable[[Job], Job],
        parent=None,
        *,
        device: str = "auto",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self.resize(900, 560)
        self.backend = backend
        self.jobs = jobs
        self.start_job = start_job
        self.device = device
        self.rows: list[dict[str, Any]] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.install_button = QPushButton(self.tr("Install"), self)
        self.import_button = QPushButton(self.tr("Import from folder…"), self)
        self.save_button = QPushButton(self.tr("Use checked models when indexing"), self)
        self.scan_button = QPushButton(self.tr("Find on disk"), self)
        self.scan_button.setToolTip(
            self.tr(
                "Use models already in the Hugging Face cache, ComfyUI or WebUI folders (linked, not copied)"
            )
        )
        self.scan_button.clicked.connect(self._scan)
        self.endpoint = QLineEdit(self)
        self.endpoint.setPlaceholderText(
            self.tr("https://huggingface.co (or a mirror; HF_ENDPOINT overrides)")
        )
        self.endpoint.editingFinished.connect(self._save_endpoint)
        self.install_button.clicked.connect(self._install)
        self.import_button.clicked.connect(self._import)
        self.save_button.clicked.connect(self._save_active)
        buttons = QHBoxLayout()
        for b in (self.install_button, self.import_button, self.scan_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        catalogue = QWidget(self)
        cat_layout = QVBoxLayout(catalogue)
        cat_layout.addWidget(self.table)
        cat_layout.addWidget(self.description)
        cat_layout.addLayout(buttons)
        mirror = QHBoxLayout()
        mirror.addWidget(QLabel(self.tr("Hub endpoint:"), self))
        mirror.addWidget(self.endpoint, 1)
        cat_layout.addLayout(mirror)
        self.doctor = QPlainTextEdit(self)
        self.doctor.setReadOnly(True)
        self.doctor.setPlainText(self.tr("Checking runtimes and devices…"))
        tabs = QTabWidget(self)
        tabs.addTab(catalogue, self.tr("Catalogue"))
        tabs.addTab(self.doctor, self.tr("Devices (doctor)"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(close)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        self.reload()
        backend.job(lambda lib: doctor_text(lib, device), self._doctor_done)
        backend.job(lambda lib: lib.model_store.hub_endpoint() or "", self._endpoint_loaded)

    def reload(self) -> None:
        self.backend.read(catalogue_rows, self._show)

    def _show(self, result, error) -> None:
        if error is not None:
            self.status.setText(error_text(error))
            return
        self.rows, active = result
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            use = QTableWidgetItem()
            use.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            )
            use.setCheckState(Qt.CheckState.Checked if row["id"] in active else Qt.CheckState.Unchecked)
            self.table.setItem(r, 0, use)
            name = row["name"] + ("  ★" if row["recommended"] else "")
            self.table.setItem(r, 1, QTableWidgetItem(name))
            self.table.setItem(r, 2, QTableWidgetItem(task_text(row["task"])))
            good = QTableWidgetItem(core_text(row["strengths"]))
            good.setToolTip(core_text(row["strengths"]))
            self.table.setItem(r, 3, good)
            speed = QTableWidgetItem(speed_text(row["speed"]))
            speed.setToolTip(core_text(row["speed_meaning"]))
            self.table.setItem(r, 4, speed)
            state = state_text(row["state"])
            if not row["installed"] and row["offline"]:
                state = self.tr("{state} (pip)").format(state=state)
            self.table.setItem(r, 5, QTableWidgetItem(state))
            size = human_size(row["size"]) if row["size"] else row["download_size"]
            self.table.setItem(r, 6, QTableWidgetItem(size))
            self.table.setItem(r, 7, QTableWidgetItem(core_text(row["licence"])))

    def _selected(self) -> dict[str, Any] | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.rows[rows.pop()] if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        row = self._selected()
        if row:
            speed = ""
            if row["speed"]:
                speed = self.tr("{speed}: {meaning}").format(
                    speed=speed_text(row["speed"]), meaning=core_text(row["speed_meaning"])
                )
            lines = [
                core_text(row["description"]),
                self.tr("Good at: {what}").format(what=core_text(row["strengths"])),
                speed,
                install_detail_text(row["detail"], row.get("detail_key"), row.get("detail_params")),
            ]
            if row.get("location"):
                lines.append(tr("Files in: {where}").format(where=row["location"]))
            self.description.setText("\n".join(line for line in lines if line))
        else:
            self.description.setText("")
        can_fetch = bool(row) and not row["installed"] and not row["offline"]
        self.install_button.setEnabled(can_fetch)
        self.import_button.setEnabled(bool(row) and not row["offline"])

    def _install(self) -> None:
        row = self._selected()
        if row:
            job = self.start_job(install_job(row["id"]))
            job.finished.connect(lambda _r, _e: self.reload())
            self.status.setText(tr("Installing {name}: see the jobs panel").format(name=row["name"]))

    def _import(self) -> None:
        row = self._selected()
        if not row:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder with the model's files"))
        if folder:
            self.import_folder(row["id"], folder)

    def import_folder(self, model_id: str, folder: str) -> None:
        from acgdesk.models.catalogue import get as get_spec

        spec = get_spec(model_id)
        job = Job("model", tr("Importing {name}").format(name=spec.name))
        job.runner = lambda lib, _job: lib.model_store.import_folder(spec, folder)
        job.finished.connect(lambda _r, e: (self.reload(), self.status.setText(error_text(e) if e else "")))
        self.start_job(job)

    def _endpoint_loaded(self, url, error) -> None:
        if error is None and not self.endpoint.isModified():
            self.endpoint.setText(url)
        if os.environ.get("HF_ENDPOINT"):
            self.endpoint.setToolTip(
                tr("HF_ENDPOINT is set ({url}) and wins").format(url=os.environ["HF_ENDPOINT"])
            )

    def _save_endpoint(self) -> None:
        url = self.endpoint.text().strip()
        self.endpoint.setModified(False)
        self.backend.job(
            lambda lib: lib.model_store.set_hub_endpoint(url),
            lambda _r, e: self.status.setText(
                error_text(e) if e else tr("Hub endpoint: {url}").format(url=url or "https://huggingface.co")
            ),
        )

    def _scan(self) -> None:
        from acgdesk.models.catalogue import CATALOGUE
        from acgdesk.models.scan import scan_and_use

        self.status.setText(self.tr("Looking for models on disk…"))
        self.backend.job(lambda lib: scan_and_use(lib.model_store, CATALOGUE), self._scan_done)

    def _scan_done(self, results, error) -> None:
        if error is not None:
            self.status.setText(error_text(error))
            return
        used = [r["id"] for r in results if r["used"]]
        self.status.setText(
            tr("Now used in place: {ids}").format(ids=", ".join(used))
            if used
            else tr("No new model found on disk ({n} copies seen)").format(n=len(results))
        )
        self.reload()

    def checked_ids(self) -> list[str]:
        return [
            row["id"]
            for r, row in enumerate(self.rows)
            if self.table.item(r, 0) is not None
            and self.table.item(r, 0).checkState() == Qt.CheckState.Checked
        ]

    def _save_active(self) -> None:
        ids = self.checked_ids()
        self.backend.write(
            lambda lib: lib.set_index_model_ids(ids),
            lambda _r, e: self.status.setText(
                error_text(e) if e else self.tr("Indexing will run: {ids}").format(ids=", ".join(ids) or "-")
            ),
        )

    def _doctor_done(self, text, error) -> None:
        self.doctor.setPlainText(
            text if error is None else self.tr("Doctor failed: {e}").format(e=error_text(error))
        )
