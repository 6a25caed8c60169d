"""Sort and filter controls that add terms of the query language to what the user typed.

Why terms rather than separate SQL: the core has one query language and one compiler; a control is
just a shorthand for ``rating:``, ``score:`` and ``sort:``, so what the grid shows is always what
that text would find in the CLI too.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QWidget,
)

from acgdesk.core.score_kinds import describe, filter_kinds
from acgdesk.gui.core_text import score_label, score_meaning

SORTS = (
    # free words: by meaning; filters alone: newest first
    (QT_TRANSLATE_NOOP("FilterBar", "Best match, then newest"), ""),
    (QT_TRANSLATE_NOOP("FilterBar", "Newest first"), "sort:date"),
    (QT_TRANSLATE_NOOP("FilterBar", "Oldest first"), "sort:-date"),
    (QT_TRANSLATE_NOOP("FilterBar", "Name"), "sort:name"),
    (QT_TRANSLATE_NOOP("FilterBar", "Largest files"), "sort:size"),
    (QT_TRANSLATE_NOOP("FilterBar", "Highest score"), "sort:score"),
    (QT_TRANSLATE_NOOP("FilterBar", "Random"), "sort:random"),
)
RATINGS = (
    (QT_TRANSLATE_NOOP("FilterBar", "Any rating"), ""),
    (QT_TRANSLATE_NOOP("FilterBar", "General"), "rating:general"),
    (QT_TRANSLATE_NOOP("FilterBar", "General + sensitive"), "rating:general,sensitive"),
    (QT_TRANSLATE_NOOP("FilterBar", "Questionable + explicit"), "rating:questionable,explicit"),
    (QT_TRANSLATE_NOOP("FilterBar", "Explicit"), "rating:explicit"),
)
SCORE_KINDS = filter_kinds()  # the 0..1 kinds that are shown (acgdesk.core.score_kinds)


class FilterBar(QWidget):
    changed = Signal()
    thumb_size_changed = Signal(int)
    layout_changed = Signal(str)  # the grid layout the user picked: "square" or "justified"

    def __init__(self, parent=None, *, thumb_size: int = 176, grid_layout: str = "square") -> None:
        super().__init__(parent)
        self.sort = QComboBox(self)
        for label, _term in SORTS:
            self.sort.addItem(self.tr(label))
        self.rating = QComboBox(self)
        for label, _term in RATINGS:
            self.rating.addItem(self.tr(label))
        self.score_kind = QComboBox(self)
        for i, kind in enumerate(SCORE_KINDS):  # shown translated; the query term uses the kind
            entry = describe(kind)
            self.score_kind.addItem(score_label(entry), kind)
            self.score_kind.setItemData(i, score_meaning(entry), Qt.ItemDataRole.ToolTipRole)
        self.score_min = QDoubleSpinBox(self, minimum=0.0, maximum=1.0, singleStep=0.05, decimals=2)
        self.score_max = QDoubleSpinBox(self, minimum=0.0, maximum=1.0, singleStep=0.05, decimals=2)
        self.score_max.setValue(1.0)
        self.size_slider = QSlider(Qt.Orientation.Horizontal, self, minimum=64, maximum=384, value=thumb_size)
        self.size_slider.setFixedWidth(120)
        self.size_slider.setToolTip(self.tr("Thumbnail size (Ctrl + wheel on the grid)"))
        # the grid layout: uniform squares, or justified rows (each image at its own shape)
        self.layout_buttons: dict[str, QToolButton] = {}
        self.layout_group = QButtonGroup(self)
        self.layout_group.setExclusive(True)
        for mode, text, tip in (
            ("square", self.tr("Squares"), self.tr("Square cells, every image fitted inside one")),
            ("justified", self.tr("Justified"), self.tr("Rows of equal height, each image at its own shape")),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setObjectName(f"layout_{mode}")
            self.layout_group.addButton(button)
            self.layout_buttons[mode] = button
        self.set_layout(grid_layout)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Sort"), self))
        layout.addWidget(self.sort)
        layout.addWidget(self.rating)
        layout.addWidget(QLabel(self.tr("Score"), self))
        layout.addWidget(self.score_kind)
        layout.addWidget(self.score_min)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.score_max)
        layout.addStretch(1)
        for button in self.layout_buttons.values():
            layout.addWidget(button)
        layout.addWidget(QLabel(self.tr("Size"), self))
        layout.addWidget(self.size_slider)
        for combo in (self.sort, self.rating, self.score_kind):
            combo.currentIndexChanged.connect(self.changed)
        for spin in (self.score_min, self.score_max):
            spin.valueChanged.connect(self.changed)
        self.size_slider.valueChanged.connect(self.thumb_size_changed)
        for mode, button in self.layout_buttons.items():
            button.toggled.connect(lambda on, mode=mode: on and self.layout_changed.emit(mode))

    def layout_mode(self) -> str:
        return next((m for m, b in self.layout_buttons.items() if b.isChecked()), "square")

    def set_layout(self, mode: str) -> None:
        """Show ``mode`` as the chosen layout (emits nothing)."""
        button = self.layout_buttons.get(mode, self.layout_buttons["square"])
        if button.isChecked():
            return
        for b in self.layout_buttons.values():
            b.blockSignals(True)
        button.setChecked(True)
        for b in self.layout_buttons.values():
            b.blockSignals(False)

    def terms(self) -> str:
        """The query terms these controls stand for (empty when they filter nothing)."""
        parts = []
        rating = RATINGS[self.rating.currentIndex()][1]
        if rating:
            parts.append(rating)
        lo, hi = self.score_min.value(), self.score_max.value()
        if lo > 0.0 or hi < 1.0:
            kind = SCORE_KINDS[self.score_kind.currentIndex()]
            prefix = "" if kind == "aesthetic" else kind + "="
            parts.append(f"score:{prefix}{lo:g}..{hi:g}")
        sort = SORTS[self.sort.currentIndex()][1]
        if sort:
            parts.append(sort)
        return " ".join(parts)
