"""Library folders: counts, offline state, add and remove; picking one narrows the grid to it."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.resources import icon
from acgdesk.library import FolderInfo

FOLDER_ROLE = Qt.ItemDataRole.UserRole + 1  # the folder path; "" for the whole library


class Sidebar(QWidget):
    folder_selected = Signal(object)  # a folder path, or None for the whole library
    add_requested = Signal(list)  # folder paths to add and index

    def __init__(self, backend: LibraryBackend, parent=None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.list = QListWidget(self)
        self.list.setObjectName("folderList")
        self.add_button = QPushButton(icon("folder-add"), self.tr("Add folder…"), self)
        self.remove_button = QPushButton(icon("remove"), self.tr("Remove"), self)
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._choose_folder)
        self.remove_button.clicked.connect(self._remove_selected)
        self.list.currentItemChanged.connect(self._current_changed)
        self.folders: list[FolderInfo] = []
        backend.folders_changed.connect(self.reload)

    def reload(self) -> None:
        self.backend.read(lambda lib: lib.folders(), self._show)

    def _show(self, folders: list[FolderInfo] | None, error) -> None:
        if error is not None or folders is None:
            return
        current = self.list.currentItem().data(FOLDER_ROLE) if self.list.currentItem() else ""
        self.folders = folders
        self.list.blockSignals(True)
        self.list.clear()
        total = sum(f.counts.get("ok", 0) for f in folders)
        everything = QListWidgetItem(icon("library"), self.tr("All images  ({n})").format(n=f"{total:,}"))
        everything.setData(FOLDER_ROLE, "")
        self.list.addItem(everything)
        for f in folders:
            ok = f.counts.get("ok", 0)
            failed = f.counts.get("error", 0)
            name = os.path.basename(f.path.rstrip(os.sep)) or f.path
            label = f"{name}  ({ok:,})"
            offline = f.state == "offline"
            if offline:
                label += "  " + self.tr("[offline]")
            item = QListWidgetItem(icon("folder-offline" if offline else "folder"), label)
            item.setData(FOLDER_ROLE, f.path)
            tip = self.tr("{path}\n{ok} images, {failed} unreadable, last scan {scan}").format(
                path=f.path, ok=f"{ok:,}", failed=f"{failed:,}", scan=f.last_scan_at or self.tr("never")
            )
            if offline:
                tip += "\n" + self.tr("Offline: the folder was not found; its files are kept.")
                item.setForeground(self.palette().placeholderText())
            item.setToolTip(tip)
            self.list.addItem(item)
            if f.path == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _current_changed(self, item: QListWidgetItem | None, _previous) -> None:
        path = item.data(FOLDER_ROLE) if item is not None else ""
        self.remove_button.setEnabled(bool(path))
        self.folder_selected.emit(path or None)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to the library"))
        if path:
            self.add_requested.emit([path])

    def folder_id_of(self, path: str) -> int | None:
        return next((f.id for f in self.folders if f.path == path), None)

    def _remove_selected(self) -> None:
        item = self.list.currentItem()
        path = item.data(FOLDER_ROLE) if item is not None else ""
        folder_id = self.folder_id_of(path) if path else None
        if folder_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove folder"),
            self.tr(
                "Stop managing {path}?\n\nThe images stay on disk untouched; only what acgdesk learnt "
                "about them (tags, scores) is forgotten."
            ).format(path=path),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_folder(folder_id)

    def remove_folder(self, folder_id: int) -> None:
        self.backend.write(
            lambda lib: lib.remove_folder(folder_id), lambda _r, _e: self.backend.folders_changed.emit()
        )
