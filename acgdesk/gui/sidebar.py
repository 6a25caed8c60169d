"""Library folders and their sub-folders, with counts and offline state; add and remove; picking one
narrows the grid to it (the search gets a ``folder:`` term, so sub-folders work like the CLI's).

Why a tree filled lazily: a library can hold thousands of directories. One grouped query
(``Library.subfolder_counts``, on a worker) gives every directory's count of readable files, its
sub-folders included; the tree shows a library folder's children only when it is expanded, and each
child's own children when that one is.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.i18n import number
from acgdesk.gui.resources import icon
from acgdesk.library import FolderInfo

FOLDER_ROLE = Qt.ItemDataRole.UserRole + 1  # the folder path; "" for the whole library
FOLDER_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # a library folder's id; None for sub-folders
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3  # readable files in it and below
_PLACEHOLDER = "…"  # the child that gives a folder its expand arrow before its children are made


class Sidebar(QWidget):
    folder_selected = Signal(object)  # a folder path (a library folder or one below), or None for all
    add_requested = Signal(list)  # folder paths to add and index
    reloaded = Signal()  # folders and sub-folder counts are shown

    def __init__(self, backend: LibraryBackend, parent=None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("folderList")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setIndentation(14)
        self.add_button = QPushButton(icon("folder-add"), self.tr("Add folder…"), self)
        self.remove_button = QPushButton(icon("remove"), self.tr("Remove"), self)
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._choose_folder)
        self.remove_button.clicked.connect(self._remove_selected)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.expanded.connect(self._expanded)
        self.folders: list[FolderInfo] = []
        self.counts: dict[str, int] = {}  # directory -> readable files in it and below
        self.children: dict[str, list[str]] = {}  # directory -> its sub-folders holding files
        self._loading = self._again = False
        backend.folders_changed.connect(self.reload)

    # -- loading -------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Folders and sub-folder counts again (after indexing, watching, adding or removing). One
        query at a time: calls while one runs make one more run after it."""
        if self._loading:
            self._again = True
            return
        self._loading, self._again = True, False
        self.backend.read(lambda lib: (lib.folders(), lib.subfolder_counts()), self._loaded)

    def _loaded(self, result, error) -> None:
        self._loading = False
        if self._again:
            self.reload()
            return
        if error is not None or result is None:
            return
        folders, tree = result
        self.counts, self.children = {}, {}
        sep = os.sep
        for per_folder in tree.values():
            self.counts.update(per_folder)
            for path in per_folder:
                parent = os.path.dirname(path)
                if parent != path and parent in per_folder:
                    self.children.setdefault(parent, []).append(path)
        for kids in self.children.values():
            kids.sort(key=lambda p: os.path.basename(p.rstrip(sep)).casefold())
        self._show(folders)
        self.reloaded.emit()

    def _show(self, folders: list[FolderInfo]) -> None:
        current = self.current_path()
        expanded = self._expanded_paths()
        self.folders = folders
        self.tree.selectionModel().blockSignals(True)
        self.model.clear()
        root = self.model.invisibleRootItem()
        total = sum(f.counts.get("ok", 0) for f in folders)
        everything = QStandardItem(icon("library"), self.tr("All images  ({n})").format(n=number(total)))
        everything.setData("", FOLDER_ROLE)
        everything.setData(total, COUNT_ROLE)
        root.appendRow(everything)
        select = self.model.indexFromItem(everything)
        for f in folders:
            ok = f.counts.get("ok", 0)
            failed = f.counts.get("error", 0)
            name = os.path.basename(f.path.rstrip(os.sep)) or f.path
            label = f"{name}  ({number(ok)})"
            offline = f.state == "offline"
            if offline:
                label += "  " + self.tr("[offline]")
            item = QStandardItem(icon("folder-offline" if offline else "folder"), label)
            item.setData(f.path, FOLDER_ROLE)
            item.setData(f.id, FOLDER_ID_ROLE)
            item.setData(ok, COUNT_ROLE)
            tip = self.tr("{path}\n{ok} images, {failed} unreadable, last scan {scan}").format(
                path=f.path, ok=number(ok), failed=number(failed), scan=f.last_scan_at or self.tr("never")
            )
            if offline:
                tip += "\n" + self.tr("Offline: the folder was not found; its files are kept.")
                item.setForeground(self.palette().placeholderText())
            item.setToolTip(tip)
            self._add_placeholder(item, self._key(f.path))
            root.appendRow(item)
        # open again what was open, then select what was selected
        for path in sorted(expanded, key=len):
            index = self.index_of(path)
            if index.isValid():
                self.tree.expand(index)  # fills the children (the expanded signal)
        if current:
            index = self.index_of(current)
            if index.isValid():
                select = index
        self.tree.selectionModel().setCurrentIndex(
            select, self.tree.selectionModel().SelectionFlag.ClearAndSelect
        )
        self.tree.selectionModel().blockSignals(False)
        self.remove_button.setEnabled(self._folder_id(select) is not None)

    @staticmethod
    def _key(path: str) -> str:
        return path if path == os.sep else path.rstrip(os.sep)

    def _add_placeholder(self, item: QStandardItem, path: str) -> None:
        if self.children.get(path):
            item.appendRow(QStandardItem(_PLACEHOLDER))

    def _expanded(self, index: QModelIndex) -> None:
        """Make a folder's children the first time it is opened."""
        item = self.model.itemFromIndex(index)
        if item is None or item.rowCount() != 1 or item.child(0).data(FOLDER_ROLE) is not None:
            return
        item.removeRow(0)
        for path in self.children.get(self._key(item.data(FOLDER_ROLE) or ""), []):
            count = self.counts.get(path, 0)
            child = QStandardItem(icon("folder"), f"{os.path.basename(path)}  ({number(count)})")
            child.setData(path, FOLDER_ROLE)
            child.setData(count, COUNT_ROLE)
            child.setToolTip(
                self.tr("{path}\n{n} images here and in its sub-folders").format(path=path, n=number(count))
            )
            self._add_placeholder(child, path)
            item.appendRow(child)

    # -- queries (tests, the window) -----------------------------------------------------------------
    def current_path(self) -> str:
        index = self.tree.currentIndex()
        return (index.data(FOLDER_ROLE) or "") if index.isValid() else ""

    def _expanded_paths(self) -> set[str]:
        out: set[str] = set()
        stack = [self.model.invisibleRootItem()]
        while stack:
            item = stack.pop()
            for r in range(item.rowCount()):
                child = item.child(r)
                path = child.data(FOLDER_ROLE)
                if path and self.tree.isExpanded(child.index()):
                    out.add(path)
                    stack.append(child)
        return out

    def index_of(self, path: str) -> QModelIndex:
        """The row of ``path`` ("" for all images), expanding its parents to reach it; invalid when the
        tree has no such folder."""
        key = self._key(path) if path else ""
        item = self.model.invisibleRootItem()
        while True:
            found = None
            for r in range(item.rowCount()):
                child = item.child(r)
                value = child.data(FOLDER_ROLE)
                if value is None:
                    continue
                here = self._key(value) if value else ""
                if here == key:
                    return child.index()
                if here and key.startswith(here.rstrip(os.sep) + os.sep):
                    found = child
            if found is None:
                return QModelIndex()
            self.tree.expand(found.index())
            item = found

    def select_path(self, path: str) -> bool:
        """Select a folder, a sub-folder or ("") everything, as a click would."""
        index = self.index_of(path)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        return True

    def labels(self) -> list[str]:
        """The text of every row made so far (top level, and children of opened folders)."""
        out: list[str] = []
        stack = [self.model.invisibleRootItem()]
        while stack:
            item = stack.pop(0)
            for r in range(item.rowCount()):
                child = item.child(r)
                if child.data(FOLDER_ROLE) is not None:
                    out.append(child.text())
                    stack.append(child)
        return out

    # -- actions -------------------------------------------------------------------------------------
    @staticmethod
    def _folder_id(index: QModelIndex) -> int | None:
        return index.data(FOLDER_ID_ROLE) if index.isValid() else None

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        path = index.data(FOLDER_ROLE) if index.isValid() else ""
        self.remove_button.setEnabled(self._folder_id(index) is not None)
        self.folder_selected.emit(path or None)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to the library"))
        if path:
            self.add_requested.emit([path])

    def folder_id_of(self, path: str) -> int | None:
        return next((f.id for f in self.folders if f.path == path), None)

    def _remove_selected(self) -> None:
        index = self.tree.currentIndex()
        folder_id = self._folder_id(index)
        if folder_id is None:
            return
        path = index.data(FOLDER_ROLE)
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
