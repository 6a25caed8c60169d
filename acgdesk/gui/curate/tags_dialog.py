"""Adding and removing user tags on many files at once, with tag completion.

Completion asks ``Library.suggest_tags`` (the search bar's prefix completion, without the slower
by-meaning suggestions) on a worker for the tag being typed after the last comma.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from acgdesk.gui.backend import LibraryBackend


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


class TagCompleter(QObject):
    """Completes the last comma-separated tag of a line edit from the library's tags."""

    def __init__(self, backend: LibraryBackend, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.backend = backend
        self.edit = edit
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(edit)
        self.completer.activated.connect(self.insert)
        self._seq = 0
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._ask)
        edit.textEdited.connect(lambda _t: self._timer.start())

    def word(self) -> str:
        return self.edit.text()[: self.edit.cursorPosition()].rsplit(",", 1)[-1].strip()

    def _ask(self) -> None:
        word = self.word()
        if not word:
            self.completer.popup().hide()
            return
        self._seq += 1
        seq = self._seq
        self.backend.read(
            lambda lib: lib.suggest_tags(word, 10, by_meaning=0),
            lambda result, error: self._show(seq, result, error),
        )

    def _show(self, seq: int, result, error) -> None:
        if seq != self._seq or error is not None or not result or not result.get("tags"):
            self.completer.popup().hide()
            return
        self.model.setStringList([t["name"] for t in result["tags"]])
        self.completer.complete()

    def names(self) -> list[str]:
        return self.model.stringList()

    def insert(self, name: str) -> None:
        text, cursor = self.edit.text(), self.edit.cursorPosition()
        head, sep, _word = text[:cursor].rpartition(",")
        before = head + sep + (" " if sep else "")
        rest = text[cursor:].lstrip()
        self.edit.setText(before + name + ", " + rest)
        self.edit.setCursorPosition(len(before + name) + 2)


class TagsDialog(QDialog):
    def __init__(self, backend: LibraryBackend, what: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit tags"))
        self.add_edit = QLineEdit(self)
        self.add_edit.setObjectName("addTags")
        self.add_edit.setPlaceholderText(self.tr("tags to add, comma separated"))
        self.remove_edit = QLineEdit(self)
        self.remove_edit.setObjectName("removeTags")
        self.remove_edit.setPlaceholderText(self.tr("tags to remove, comma separated"))
        self.add_completer = TagCompleter(backend, self.add_edit)
        self.remove_completer = TagCompleter(backend, self.remove_edit)
        form = QFormLayout()
        form.addRow(self.tr("Add"), self.add_edit)
        form.addRow(self.tr("Remove"), self.remove_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        head = QLabel(
            self.tr("Tags of {what}. A removed model tag stays rejected; Ctrl+Z undoes.").format(what=what)
        )
        head.setWordWrap(True)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(440, self.sizeHint().height())

    def tags(self) -> tuple[list[str], list[str]]:
        return split_tags(self.add_edit.text()), split_tags(self.remove_edit.text())
