"""First run: pick the folders to manage, see which models work offline, offer the recommended
downloads. Nothing is fetched unless the user ticks it."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from acgdesk.gui.models_dialog import catalogue_rows
from acgdesk.gui.prefs import Prefs

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the model id to download; "" for models already usable


class FirstRunDialog(QDialog):
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

    def add_folder(self, path: str) -> None:
        if path and not self.folders.findItems(path, Qt.MatchFlag.MatchExactly):
            self.folders.addItem(path)

    def _add_folder(self) -> None:
        self.add_folder(QFileDialog.getExistingDirectory(self, self.tr("A folder of images")))

    def _models_loaded(self, result, error) -> None:
        if error is not None:
            self.status.setText(str(error))
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
            item.setToolTip(row["description"])
            self.models.addItem(item)

    def chosen_folders(self) -> list[str]:
        return [self.folders.item(i).text() for i in range(self.folders.count())]

    def chosen_downloads(self) -> list[str]:
        out = []
        for i in range(self.models.count()):
            item = self.models.item(i)
            if item.data(ID_ROLE) and item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(ID_ROLE))
        return out
