"""Undo and redo: Ctrl+Z / Ctrl+Shift+Z, Edit menu entries that name what they would take back, and
the History dialog listing the library's recent actions (undone ones greyed).

Why read the history from the library each time: it is stored there (``Library.curate.history``),
shared with ``acgdesk undo`` on the command line, so what the menu names is what Ctrl+Z will really
undo even when the CLI changed something meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.curate.history_labels import action_text

HISTORY_LIMIT = 100  # the menu needs the newest done and the oldest undone; the dialog lists these


@dataclass(frozen=True)
class Entry:
    id: int
    at: str
    kind: str
    label: str  # the core's English label (what ``acgdesk history`` prints)
    undone: bool
    label_key: str | None = None
    label_args: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The label in the window's language."""
        return action_text(self)


def load_history(lib: Any, limit: int = HISTORY_LIMIT) -> list[Entry]:
    """Worker thread: the newest actions first, their payloads left unread: one batch on 10,000
    files is ~1 MB of JSON, and parsing them here held the GIL long enough to stall the window
    after every write (this runs after each one)."""
    return [
        Entry(a.id, a.at, a.kind, a.label, bool(a.undone), a.label_key, dict(a.label_args))
        for a in lib.curate.history_listing(limit)
    ]


def local_time(at: str) -> str:
    """An action's time (stored as UTC) in local time: the time of day for today's."""
    try:
        when = datetime.fromisoformat(at).astimezone()
    except ValueError:
        return at
    return when.strftime("%H:%M:%S" if when.date() == datetime.now().date() else "%Y-%m-%d %H:%M")


class UndoActions(QObject):
    """The Undo / Redo / History actions of the window, kept named after what they would do."""

    loaded = Signal(list)  # the entries, newest first
    finished = Signal(object, bool)  # the action undone or redone (None: there was none), redo?
    failed = Signal(str)

    def __init__(self, backend: LibraryBackend, parent: QWidget) -> None:
        super().__init__(parent)
        self.backend = backend
        self.entries: list[Entry] = []
        self.undo_action = QAction(self.tr("Undo"), parent)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("Redo"), parent)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        self.history_action = QAction(self.tr("History…"), parent)
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.triggered.connect(self.show_history)
        self.dialog: HistoryDialog | None = None
        self._busy = False
        self._name_actions()

    # -- the history ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.backend.read(load_history, self._loaded)

    def _loaded(self, entries, error) -> None:
        if error is not None:
            return
        self.entries = list(entries)
        self._name_actions()
        self.loaded.emit(self.entries)

    def next_undo(self) -> Entry | None:
        return next((e for e in self.entries if not e.undone), None)

    def next_redo(self) -> Entry | None:
        return next((e for e in reversed(self.entries) if e.undone), None)

    def _name_actions(self) -> None:
        undo, redo = self.next_undo(), self.next_redo()
        self.undo_action.setText(self.tr("Undo {what}").format(what=undo.text) if undo else self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo {what}").format(what=redo.text) if redo else self.tr("Redo"))
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)

    # -- undo and redo -------------------------------------------------------------------------------
    def undo(self) -> None:
        self._run(redo=False)

    def redo(self) -> None:
        self._run(redo=True)

    def _run(self, *, redo: bool) -> None:
        if self._busy:  # Ctrl+Z held down: one at a time, each after the last one's refresh
            return
        self._busy = True
        self.backend.write(
            lambda lib: lib.curate.redo() if redo else lib.curate.undo(),
            lambda action, error: self._done(action, error, redo),
        )

    def _done(self, action, error, redo: bool) -> None:
        self._busy = False
        if error is not None:
            self.failed.emit(
                (self.tr("Could not redo: {e}") if redo else self.tr("Could not undo: {e}")).format(
                    e=error_text(error)
                )
            )
            self.refresh()
            return
        self.finished.emit(action, redo)
        self.refresh()

    def show_history(self) -> HistoryDialog:
        if self.dialog is None:
            self.dialog = HistoryDialog(self, self.parent())
        self.dialog.show_entries(self.entries)
        self.dialog.show()
        self.dialog.raise_()
        self.refresh()
        return self.dialog


class HistoryDialog(QDialog):
    """The recent actions, newest first; greyed and in italics: undone (Redo does them again)."""

    def __init__(self, actions: UndoActions, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History"))
        self.setObjectName("historyDialog")
        self.resize(460, 420)
        self.actions = actions
        self.list = QListWidget(self)
        self.list.setObjectName("historyList")
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(1)
        note = QLabel(self.tr("Newest first. Greyed entries were undone: Redo does them again."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.redo_button = QPushButton(self.tr("Redo"), self)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.redo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.undo_button.clicked.connect(actions.undo)
        self.redo_button.clicked.connect(actions.redo)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        actions.loaded.connect(self.show_entries)

    def show_entries(self, entries: list[Entry]) -> None:
        self.list.clear()
        grey = self.palette().placeholderText()
        for e in entries:
            item = QListWidgetItem(f"{local_time(e.at)}    {e.text}")
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            if e.undone:
                item.setForeground(grey)
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setToolTip(self.tr("Undone"))
            self.list.addItem(item)
        if not entries:
            self.list.addItem(QListWidgetItem(self.tr("Nothing done yet")))
        self.undo_button.setEnabled(self.actions.next_undo() is not None)
        self.redo_button.setEnabled(self.actions.next_redo() is not None)

    def rows(self) -> list[tuple[str, bool]]:
        """(label as shown, undone) of each entry shown (tests)."""
        entries = {e.id: e for e in self.actions.entries}
        out = []
        for r in range(self.list.count()):
            entry = entries.get(self.list.item(r).data(Qt.ItemDataRole.UserRole))
            if entry is not None:
                out.append((entry.text, entry.undone))
        return out
