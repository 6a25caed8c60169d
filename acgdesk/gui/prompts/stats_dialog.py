"""A small dialog with the prompt words and LoRAs used most in the selection or the results.

Why a worker: reading thousands of records and tokenising their prompts takes seconds on a big
result list; the dialog opens at once with "Counting…" and fills in when the worker answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.i18n import number

TOP = 100
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(parent, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setSortingEnabled(False)
    tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    header = tree.header()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    return tree


class PromptStatsDialog(QDialog):
    loaded = Signal()  # the counts are shown (tests wait on it)

    def __init__(self, backend: LibraryBackend, ids: Sequence[int], scope: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prompt statistics"))
        self.resize(520, 560)
        self.stats = None
        self.summary = QLabel(self.tr("Counting the prompts of {scope}…").format(scope=scope), self)
        self.summary.setWordWrap(True)
        self.words = _table(self, [self.tr("Word"), self.tr("Images")])
        self.negative = _table(self, [self.tr("Word"), self.tr("Images")])
        self.loras = _table(self, [self.tr("LoRA"), self.tr("Images"), self.tr("Mean weight")])
        tabs = QTabWidget(self)
        tabs.addTab(self.words, self.tr("Prompt words"))
        tabs.addTab(self.negative, self.tr("Negative words"))
        tabs.addTab(self.loras, self.tr("LoRAs"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy as text"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_text)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.scope = scope
        wanted = [int(i) for i in ids]
        from acgdesk.prompts.service import stats_of

        backend.read(lambda lib: stats_of(lib, wanted, top=TOP), self._show)

    def _show(self, stats, error) -> None:
        if error is not None:
            self.summary.setText(self.tr("Could not count the prompts: {e}").format(e=error_text(error)))
            return
        self.stats = stats
        self.summary.setText(
            self.tr("{scope}: {n} images with generation data, {p} with a prompt.").format(
                scope=self.scope, n=number(stats.images), p=number(stats.with_prompt)
            )
        )
        for tree, rows in ((self.words, stats.tokens), (self.negative, stats.negative_tokens)):
            for row in rows:
                item = QTreeWidgetItem(tree, [row.text, number(row.count)])
                item.setTextAlignment(1, _RIGHT)
                item.setToolTip(0, row.text)
        for use in stats.loras:
            weight = f"{use.mean_weight:.2f}" if use.mean_weight is not None else "–"
            item = QTreeWidgetItem(self.loras, [use.name, number(use.count), weight])
            item.setTextAlignment(1, _RIGHT)
            item.setTextAlignment(2, _RIGHT)
            item.setToolTip(0, use.name)
        self.copy_button.setEnabled(True)
        self.loaded.emit()

    def text(self) -> str:
        """The counts as tab-separated lines (what "Copy as text" puts on the clipboard)."""
        if self.stats is None:
            return ""
        lines = ["word\timages", *(f"{t.text}\t{t.count}" for t in self.stats.tokens), ""]
        lines += ["lora\timages\tmean_weight"]
        lines += [
            f"{u.name}\t{u.count}\t{'' if u.mean_weight is None else u.mean_weight}" for u in self.stats.loras
        ]
        return "\n".join(lines) + "\n"

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
