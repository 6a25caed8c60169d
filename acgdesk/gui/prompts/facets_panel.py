"""The facets panel: which models, LoRAs, samplers and generators the results were made with, and how
many images each; a click adds its search term to the query, a second click takes it out.

Why counted on a worker, debounced: one grouped query per search (``Library.generation.facets``
through :func:`acgdesk.prompts.service.facets_of`) may take a while on a big library, and results
are shown several times in a row (a first page, then the whole list; every refresh while indexing),
so the panel asks once the query has been quiet for ``DEBOUNCE_MS`` and drops answers to older asks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.i18n import number
from acgdesk.prompts.terms import facet_term, has_term

DEBOUNCE_MS = 300
LIMIT = 50
TERM_ROLE = Qt.ItemDataRole.UserRole + 1  # the search term of a value row; None for section rows
SECTIONS = (
    ("model", QT_TRANSLATE_NOOP("FacetsPanel", "Models")),
    ("lora", QT_TRANSLATE_NOOP("FacetsPanel", "LoRAs")),
    ("sampler", QT_TRANSLATE_NOOP("FacetsPanel", "Samplers")),
    ("generator", QT_TRANSLATE_NOOP("FacetsPanel", "Generators")),
)


class FacetsPanel(QWidget):
    """Shows ``facets_of(query)``; emits ``term_clicked(term)`` when a value is clicked."""

    term_clicked = Signal(str)
    refreshed = Signal()  # the counts of the last asked query are shown (tests wait on it)
    stats_requested = Signal()
    export_requested = Signal()

    def __init__(self, backend: LibraryBackend, search_text: Callable[[], str], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("facetsPanel")
        self.backend = backend
        self.search_text = search_text  # the search bar's text: a term in it shows as checked
        self.query: str | None = None  # what the counts shown are for
        self.facets: dict[str, list[tuple[str, int]]] = {}
        self._pending = ""
        self._seq = 0
        self._collapsed: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._ask)

        title = QLabel(self.tr("<b>Made with</b>"), self)
        self.stats_button = QToolButton(self, text=self.tr("Stats…"))
        self.stats_button.setToolTip(self.tr("Prompt words and LoRAs used most (selection, else results)"))
        self.stats_button.clicked.connect(self.stats_requested)
        self.export_button = QToolButton(self, text=self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Save the prompts of the selection (else the results) to a file")
        )
        self.export_button.clicked.connect(self.export_requested)
        for b in (self.stats_button, self.export_button):
            b.setAutoRaise(True)
        head = QHBoxLayout()
        head.setContentsMargins(4, 2, 2, 0)
        head.addWidget(title, 1)
        head.addWidget(self.stats_button)
        head.addWidget(self.export_button)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("facetTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(10)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemCollapsed.connect(lambda item: self._collapsed.add(item.data(0, TERM_ROLE + 1)))
        self.tree.itemExpanded.connect(lambda item: self._collapsed.discard(item.data(0, TERM_ROLE + 1)))
        self.empty = QLabel(self.tr("No generation data in these results."), self)
        self.empty.setWordWrap(True)
        self.empty.setContentsMargins(6, 4, 6, 4)
        self.empty.setEnabled(False)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)

    # -- asking ----------------------------------------------------------------------------------
    def set_query(self, query: str) -> None:
        """Count for ``query`` once it has not changed for DEBOUNCE_MS."""
        self._pending = query
        self._timer.start()

    def refresh_now(self) -> None:
        self._timer.stop()
        self._ask()

    def _ask(self) -> None:
        from acgdesk.prompts.service import facets_of

        self._seq += 1
        seq, query = self._seq, self._pending
        self.backend.read(
            lambda lib: facets_of(lib, query, limit=LIMIT),
            lambda result, error: self._show(seq, query, result, error),
        )

    def _show(self, seq: int, query: str, result, error) -> None:
        if seq != self._seq:
            return
        self.query = query
        self.facets = result if error is None and result else {}
        self._fill()
        self.refreshed.emit()

    # -- showing ---------------------------------------------------------------------------------
    def _fill(self) -> None:
        self.tree.clear()
        text = self.search_text()
        bold = QFont(self.font())
        bold.setBold(True)
        shown = 0
        for key, label in SECTIONS:
            values = self.facets.get(key) or []
            if not values:
                continue
            section = QTreeWidgetItem(self.tree, [self.tr(label), str(len(values))])
            section.setData(0, TERM_ROLE + 1, key)
            section.setFont(0, bold)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            section.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            section.setForeground(1, self.palette().placeholderText())
            for value, count in values:
                term = facet_term(key, value)
                item = QTreeWidgetItem(section, [value, number(count)])
                item.setData(0, TERM_ROLE, term)
                item.setToolTip(0, value + "\n" + self.tr("Click to search {term}").format(term=term))
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    0, Qt.CheckState.Checked if has_term(text, term) else Qt.CheckState.Unchecked
                )
            section.setExpanded(key not in self._collapsed)
            shown += 1
        self.empty.setVisible(shown == 0)
        self.tree.setVisible(shown > 0)

    def item_for(self, key: str, value: str) -> QTreeWidgetItem | None:
        """The row of one value (tests, keyboard users)."""
        term = facet_term(key, value)
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            for j in range(section.childCount()):
                if section.child(j).data(0, TERM_ROLE) == term:
                    return section.child(j)
        return None

    def counts(self, key: str) -> dict[str, int]:
        return dict(self.facets.get(key) or [])

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        term = item.data(0, TERM_ROLE)
        if term is not None:  # a section row opens and closes by its arrow or a double click
            self.term_clicked.emit(term)
