"""The marks row of the detail panel: five clickable stars, a heart and the pick / reject flags.

A click on the star already given takes the stars away (as in most photo managers). The row shows
what the shared :class:`~acgdesk.gui.curate.marks_cache.MarkCache` knows, so it changes together
with the grid's badges when a key, a menu or this row marks the file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from acgdesk.gui.curate.badges import HEART, PICK, REJECT, STAR
from acgdesk.gui.curate.marks_cache import NO_MARK, Mark, MarkCache


class MarksBar(QWidget):
    mark_requested = Signal(int, str)  # file id, operation (acgdesk.gui.curate.marks_keys)

    def __init__(self, cache: MarkCache, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("marksBar")
        self.cache = cache
        self.file_id: int | None = None
        self.mark: Mark = NO_MARK
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.stars: list[QToolButton] = []
        for n in range(1, 6):
            b = self._button(
                "★", self.tr("%n star(s) (key {key}); click again for none", "", n).format(key=n)
            )
            b.setObjectName(f"star{n}")
            b.clicked.connect(lambda _=False, n=n: self._star(n))
            self.stars.append(b)
            layout.addWidget(b)
        layout.addSpacing(8)
        self.heart = self._button("♥", self.tr("Favourite (F)"))
        self.heart.clicked.connect(
            lambda: self._ask("favourite:off" if self.mark.favourite else "favourite:on")
        )
        self.pick = self._button("⚑", self.tr("Pick (P)"))
        self.pick.clicked.connect(lambda: self._ask("flag:none" if self.mark.flag == "pick" else "flag:pick"))
        self.reject = self._button("✕", self.tr("Reject (X)"))
        self.reject.clicked.connect(
            lambda: self._ask("flag:none" if self.mark.flag == "reject" else "flag:reject")
        )
        for b in (self.heart, self.pick, self.reject):
            layout.addWidget(b)
        layout.addStretch(1)
        cache.changed.connect(self._changed)
        self.set_file(None)

    def _button(self, text: str, tip: str) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        font = b.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        b.setFont(font)
        metrics = b.fontMetrics()  # compact: the row must fit the narrowest detail panel
        b.setFixedSize(metrics.horizontalAdvance(text) + 8, metrics.height() + 4)
        return b

    def set_file(self, file_id: int | None) -> None:
        self.file_id = file_id
        self.setVisible(file_id is not None)
        self.refresh()

    def _changed(self, ids: list[int]) -> None:
        if self.file_id is not None and (not ids or self.file_id in ids):
            self.refresh()

    def refresh(self) -> None:
        mark = self.cache.get(self.file_id) if self.file_id is not None else None
        self.mark = mark or NO_MARK
        off = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for n, b in enumerate(self.stars, 1):
            self._colour(b, STAR if n <= self.mark.stars else off)
        self._colour(self.heart, HEART if self.mark.favourite else off)
        self._colour(self.pick, PICK if self.mark.flag == "pick" else off)
        self._colour(self.reject, REJECT if self.mark.flag == "reject" else off)
        for b in (*self.stars, self.heart, self.pick, self.reject):
            b.setEnabled(mark is not None)

    @staticmethod
    def _colour(button: QToolButton, colour: QColor) -> None:
        rgba = f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, {colour.alpha()})"
        button.setStyleSheet(f"QToolButton {{ color: {rgba}; padding: 0; }}")

    def _star(self, n: int) -> None:
        self._ask("stars:0" if self.mark.stars == n else f"stars:{n}")

    def _ask(self, op: str) -> None:
        if self.file_id is not None:
            self.mark_requested.emit(self.file_id, op)
