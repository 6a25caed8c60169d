"""First run: pick the folders to manage (the library's own are listed first), see which models work
offline, offer the recommended downloads. Nothing is fetched unless the user ticks it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.core_text import core_text
from acgdesk.gui.i18n import number
from acgdesk.gui.models_dialog import catalogue_rows
from acgdesk.gui.prefs import Prefs
from acgdesk.gui.resources import icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the model id to download; "" for models already usable
PATH_ROLE = Qt.ItemDataRole.UserRole + 2  # a folder's path
EXISTING_ROLE = Qt.ItemDataRole.UserRole + 3  # True for folders the library already has


class FirstRunDialog(QDialog):
    folders_loaded = Signal()  # the library's existing folders are listed

    def __init__(self, backend: LibraryBackend, prefs: Prefs, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to acgdesk"))
        self.resize(640, 520)
        self.prefs = prefs
        intro = QLabel(
            self.tr(
                "acgdesk manages your art folders in place: it never moves, copies or changes an image.\n"
                "Choose the folders to manage; they are indexed in the background and watched for changes."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.folders = QListWidget(self)
        add = QPushButton(self.tr("Add folder…"), self)
        add.clicked.connect(self._add_folder)
        self.models = QListWidget(self)
        self.status = QLabel(self.tr("Looking at the models…"), self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("<b>Folders</b>"), self))
        layout.addWidget(self.folders)
        layout.addLayout(row)
        layout.addWidget(
            QLabel(self.tr("<b>Models</b> (offline ones work now; tick downloads you want)"), self)
        )
        layout.addWidget(self.models)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        backend.read(catalogue_rows, self._models_loaded)
        backend.read(lambda lib: lib.folders(), self._folders_loaded)

    def _paths(self) -> list[str]:
        return [self.folders.item(i).data(PATH_ROLE) for i in range(self.folders.count())]

    def add_folder(self, path: str) -> None:
        if path and path not in self._paths():
            item = QListWidgetItem(path)
            item.setData(PATH_ROLE, path)
            item.setData(EXISTING_ROLE, False)
            self.folders.addItem(item)

    def _folders_loaded(self, folders, error) -> None:
        """The folders the library already manages, first, marked as such (they are not added again)."""
        if error is not None or folders is None:
            self.folders_loaded.emit()
            return
        for row, f in enumerate(folders):
            if f.path in self._paths():
                continue
            ok = f.counts.get("ok", 0)
            text = self.tr("{path}  — in the library, {n} images").format(path=f.path, n=number(ok))
            if f.state == "offline":
                text += "  " + self.tr("[offline]")
            item = QListWidgetItem(icon("folder-offline" if f.state == "offline" else "folder"), text)
            item.setData(PATH_ROLE, f.path)
            item.setData(EXISTING_ROLE, True)
            item.setToolTip(self.tr("Already managed by this library; it is kept up to date."))
            self.folders.insertItem(row, item)
        self.folders_loaded.emit()

    def _add_folder(self) -> None:
        self.add_folder(QFileDialog.getExistingDirectory(self, self.tr("A folder of images")))

    def _models_loaded(self, result, error) -> None:
        if error is not None:
            self.status.setText(error_text(error))
            return
        rows, _active = result
        self.status.setText("")
        for row in rows:
            if row["installed"]:
                text = self.tr("✓ {name} — ready (offline)").format(name=row["name"])
                item = QListWidgetItem(text)
            elif row["offline"]:
                text = self.tr("✗ {name} — its Python package is missing").format(name=row["name"])
                item = QListWidgetItem(text)
            else:
                size = f" ({row['size'] / 1e6:.0f} MB)" if row["size"] else ""
                item = QListWidgetItem(self.tr("Download {name}{size}").format(name=row["name"], size=size))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if row["recommended"] else Qt.CheckState.Unchecked)
                item.setData(ID_ROLE, row["id"])
            if not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setData(ID_ROLE, "")
            item.setToolTip(core_text(row["description"]))
            self.models.addItem(item)

    def chosen_folders(self) -> list[str]:
        """The folders added in this dialog (the library's own are indexed anyway)."""
        items = [self.folders.item(i) for i in range(self.folders.count())]
        return [item.data(PATH_ROLE) for item in items if not item.data(EXISTING_ROLE)]

    def existing_folders(self) -> list[str]:
        items = [self.folders.item(i) for i in range(self.folders.count())]
        return [item.data(PATH_ROLE) for item in items if item.data(EXISTING_ROLE)]

    def chosen_downloads(self) -> list[str]:
        out = []
        for i in range(self.models.count()):
            item = self.models.item(i)
            if item.data(ID_ROLE) and item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(ID_ROLE))
        return out
