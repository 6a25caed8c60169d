"""Confirming what a move, copy or trash will do before it is done, and the sidecar export options.

Why a list of every file: these actions change files on disk, so the user sees each source and
destination (and each conflict, which is never resolved by overwriting) before anything happens.
The list is a model-backed view, so ten thousand lines open at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from acgdesk.gui.i18n import number

CONFLICT = QColor(210, 80, 70)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("transfer", text, disambiguation, n)


def plan_items(plan: Any) -> list[Any]:
    items = getattr(plan, "items", plan)
    return list(items or [])


class ConfirmFilesDialog(QDialog):
    """A question, a list of lines (conflicts in red) and Cancel / the action's own button."""

    def __init__(
        self,
        title: str,
        question: str,
        lines: Sequence[tuple[str, bool]],
        action: str,
        parent=None,
        *,
        can_proceed: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("confirmFiles")
        label = QLabel(question, self)
        label.setWordWrap(True)
        self.model = QStandardItemModel(self)
        red = QBrush(CONFLICT)
        for text, conflict in lines:
            item = QStandardItem(text)
            item.setEditable(False)
            if conflict:
                item.setForeground(red)
            self.model.appendRow(item)
        self.view = QListView(self)
        self.view.setUniformItemSizes(True)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(can_proceed)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(720, 460)

    def lines(self) -> list[str]:
        return [self.model.item(r).text() for r in range(self.model.rowCount())]


def transfer_dialog(plan: Any, mode: str, dest: str, parent=None) -> ConfirmFilesDialog:
    """The confirmation for ``Curator.plan_transfer``'s plan: every source -> destination."""
    items = plan_items(plan)
    conflicts = [i for i in items if getattr(i, "conflict", None)]
    lines = []
    for i in items:
        line = f"{i.src}  →  {i.dst}"
        if getattr(i, "conflict", None):
            line += "    ⚠ " + str(i.conflict)
        lines.append((line, bool(getattr(i, "conflict", None))))
    verb = tr("Move") if mode == "move" else tr("Copy")
    question = tr("{verb} %Ln file(s) to {dest}?", "", len(items)).format(verb=verb, dest=dest)
    if conflicts:
        question += "\n" + tr(
            "{n} of them conflict with a file already there (in red): nothing is ever overwritten."
        ).format(n=number(len(conflicts)))
    else:
        question += "\n" + tr("Nothing is overwritten; Ctrl+Z undoes it.")
    if getattr(plan, "leaves_library", False) and mode == "move":
        question += "\n" + tr(
            "That folder is outside the library: the moved files leave it (what is known about them is "
            "kept for a while, should they come back)."
        )
    title = tr("Move files") if mode == "move" else tr("Copy files")
    return ConfirmFilesDialog(title, question, lines, verb, parent, can_proceed=len(conflicts) < len(items))


def trash_dialog(paths: Sequence[str], parent=None) -> ConfirmFilesDialog:
    question = tr(
        "Move %Ln file(s) to the trash?\nThey can be restored from the trash, or with Ctrl+Z.", "", len(paths)
    )
    return ConfirmFilesDialog(
        tr("Move to trash"), question, [(p, False) for p in paths], tr("Move to trash"), parent
    )


class ExportDialog(QDialog):
    """Sidecar format (captions or XMP) and where they go (beside the images or into a folder)."""

    def __init__(self, what: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export sidecars"))
        self.folder = ""
        self.txt = QRadioButton(self.tr("Caption files (.txt): the tags, for training"), self)
        self.xmp = QRadioButton(self.tr("XMP sidecars (.xmp): tags as keywords, stars as rating"), self)
        self.xmp.setChecked(True)
        self.beside = QRadioButton(self.tr("Beside each image"), self)
        self.into = QRadioButton(self.tr("Into a folder…"), self)
        self.beside.setChecked(True)
        formats, places = QButtonGroup(self), QButtonGroup(self)
        for b in (self.txt, self.xmp):
            formats.addButton(b)
        for b in (self.beside, self.into):
            places.addButton(b)
        self.choose = QPushButton(self.tr("Choose…"), self)
        self.choose.clicked.connect(self.choose_folder)
        self.folder_label = QLabel(self)
        self.into.toggled.connect(lambda on: on and not self.folder and self.choose_folder())
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Sidecars for {what}; existing ones are not replaced.").format(what=what))
        )
        layout.addWidget(self.xmp)
        layout.addWidget(self.txt)
        layout.addSpacing(8)
        layout.addWidget(self.beside)
        row = QHBoxLayout()
        row.addWidget(self.into)
        row.addWidget(self.choose)
        row.addWidget(self.folder_label, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export sidecars into"))
        if folder:
            self.folder = folder
            self.folder_label.setText(folder)
            self.into.setChecked(True)
        elif not self.folder:
            self.beside.setChecked(True)

    def options(self) -> dict[str, Any]:
        into = self.into.isChecked() and bool(self.folder)
        return {
            "fmt": "xmp" if self.xmp.isChecked() else "txt",
            "out_dir": self.folder if into else None,
            "beside_images": not into,
        }
