"""The search bar: the query language, tag completion, history and inline parse errors.

Why parse on the GUI thread: parsing is pure string work (microseconds, no database), so a mistake
is underlined as the user types; the search itself and the tag counts for completion run on
workers through the backend.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCharFormat
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import message_text
from acgdesk.gui.i18n import number
from acgdesk.search.query import QuerySyntaxError, parse

HISTORY_KEY = "search/history"
HISTORY_SIZE = 50
MEANING_SUGGESTIONS = 4
# The word being completed: after a space, '(', '-', or a tag field prefix such as ``user:``.
_WORD = re.compile(r"(?:^|[\s(])-?(?:(?:tag|user|model):)?([^\s():\"]*)$")


def word_at(text: str, cursor: int) -> tuple[int, str]:
    """Start and text of the tag being typed before ``cursor`` ('' when none)."""
    m = _WORD.search(text[:cursor])
    if not m:
        return cursor, ""
    return m.start(1), m.group(1)


class QueryEdit(QLineEdit):
    """A line edit that underlines a span (the parse error) and walks the history with Up/Down."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.history: list[str] = []
        self._history_pos = -1
        self.popup_visible = lambda: False

    def underline(self, start: int, length: int) -> None:
        """Red wavy underline under ``[start, start+length)``; length 0 clears it."""
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(Qt.GlobalColor.red)
        attrs = []
        if length > 0:
            # Attribute positions are relative to the cursor (how QLineEdit shows pre-edit formats).
            attrs.append(
                QInputMethodEvent.Attribute(
                    QInputMethodEvent.AttributeType.TextFormat, start - self.cursorPosition(), length, fmt
                )
            )
        self.inputMethodEvent(QInputMethodEvent("", attrs))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.popup_visible() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.history:
            step = 1 if event.key() == Qt.Key.Key_Up else -1
            self._history_pos = max(-1, min(len(self.history) - 1, self._history_pos + step))
            self.setText(self.history[self._history_pos] if self._history_pos >= 0 else "")
            event.accept()
            return
        self._history_pos = -1
        super().keyPressEvent(event)


class SearchBar(QWidget):
    """Emits ``search_requested(text)`` on Enter; shows completions and parse errors."""

    search_requested = Signal(str)
    query_error = Signal(str)  # the message shown, '' when the text parses

    def __init__(self, backend: LibraryBackend, parent=None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.edit = QueryEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setPlaceholderText(
            self.tr("Search: tags, rating:safe, score:>0.7, width:>=2000, sort:date, free words…")
        )
        self.edit.setClearButtonEnabled(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("queryError")
        self.error_label.setVisible(False)
        self.completions = QStringListModel(self)
        self.completer = QCompleter(self.completions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.edit)
        self.completer.activated.connect(self._insert_completion)
        self.edit.popup_visible = lambda: self.completer.popup().isVisible()
        self._names: list[str] = []
        self._shown: dict[str, str] = {}
        self.by_meaning = True  # also suggest tags close in meaning (MiniLM over the tag vocabulary)
        self._complete_seq = 0
        self._complete_timer = QTimer(self, singleShot=True, interval=120)
        self._complete_timer.timeout.connect(self._ask_completions)
        self.edit.textEdited.connect(self._edited)
        self.edit.returnPressed.connect(self._submit)
        self.settings = QSettings()
        self.edit.history = list(self.settings.value(HISTORY_KEY, []) or [])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self.edit)
        layout.addLayout(row)
        layout.addWidget(self.error_label)

    # -- parse errors --------------------------------------------------------------------------------
    def check(self, text: str | None = None) -> QuerySyntaxError | None:
        """Parse ``text`` (default: the bar's); show or clear the inline error; return it."""
        text = self.edit.text() if text is None else text
        try:
            parse(text)
        except QuerySyntaxError as exc:
            self.show_error(exc)
            return exc
        self.clear_error()
        return None

    def show_error(self, exc: QuerySyntaxError) -> None:
        message = self.tr("Column {col}: {message}").format(col=exc.position + 1, message=message_text(exc))
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        self.edit.setProperty("invalid", True)
        self.edit.style().polish(self.edit)
        self.edit.underline(exc.position, exc.length)
        self.query_error.emit(message)

    def clear_error(self) -> None:
        if self.error_label.isVisible():
            self.error_label.setVisible(False)
            self.edit.setProperty("invalid", False)
            self.edit.style().polish(self.edit)
            self.edit.underline(0, 0)
            self.query_error.emit("")

    # -- completion ----------------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        self.check(text)
        self._complete_timer.start()

    def _ask_completions(self) -> None:
        _start, word = word_at(self.edit.text(), self.edit.cursorPosition())
        if not word:
            self.completer.popup().hide()
            return
        self._complete_seq += 1
        seq = self._complete_seq
        by_meaning = MEANING_SUGGESTIONS if len(word) >= 3 and self.by_meaning else 0
        self.backend.read(
            lambda lib: lib.suggest_tags(word, 10, by_meaning=by_meaning),
            lambda result, error: self._show_completions(seq, result, error),
        )

    def _show_completions(self, seq: int, result, error) -> None:
        if seq != self._complete_seq:
            return
        if error is not None or not result or not (result.get("tags") or result.get("similar")):
            self.completer.popup().hide()
            return
        prefix = [(t["name"], f"{t['name']}  ({number(t['count'])})") for t in result.get("tags", [])]
        meaning = [(t["name"], f"{t['name']}  ≈ {t['similarity']:.2f}") for t in result.get("similar", [])]
        self._names = [name for name, _shown in prefix + meaning]
        self._shown = {shown: name for name, shown in prefix + meaning}
        self.completions.setStringList([shown for _name, shown in prefix + meaning])
        self.completer.complete()

    def current_completions(self) -> list[str]:
        return list(self._names)

    def _insert_completion(self, shown: str) -> None:
        name = self._shown.get(shown, shown.split("  ", 1)[0])
        text, cursor = self.edit.text(), self.edit.cursorPosition()
        start, _word = word_at(text, cursor)
        new = text[:start] + name + " " + text[cursor:].lstrip()
        self.edit.setText(new)
        self.edit.setCursorPosition(start + len(name) + 1)
        self.check(new)

    def accept_completion(self, row: int = 0) -> None:
        """Insert completion ``row`` as if picked from the popup (keyboard users, tests)."""
        self._insert_completion(self.completions.stringList()[row])

    # -- submit and history --------------------------------------------------------------------------
    def _submit(self) -> None:
        text = self.edit.text().strip()
        self.completer.popup().hide()
        if self.check(text) is not None:
            return
        if text:
            history = [text, *(h for h in self.edit.history if h != text)][:HISTORY_SIZE]
            self.edit.history = history
            self.settings.setValue(HISTORY_KEY, history)
        self.search_requested.emit(text)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str, *, submit: bool = False) -> None:
        self.edit.setText(text)
        self.check(text)
        if submit:
            self._submit()
