"""One image of the side-by-side view: the caption that names it (pixels, size, the zoom it is
shown at, "Keep this one" from the duplicates view) over its canvas, framed when it is the active
pane that "100 %" and the zoom buttons act on.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from acgdesk.gui.detail_panel import human_size
from acgdesk.gui.view.compare_canvas import Canvas


def numbered_name(number: int, path: str | None) -> str:
    """How compare names an image everywhere (captions, swipe labels, the diff): "2 · b.png"."""
    return f"{number} · {os.path.basename(path or '')}"


class Caption(QWidget):
    """Name, pixels and size of one image, the zoom it is shown at, and "Keep this one"."""

    keep_requested = Signal(int)  # file id

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.file_id: int | None = None
        self.title = QLabel(f"{number}", self)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.info = QLabel(self)
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.zoom_label = QLabel(self)
        self.badge = QLabel(self.tr("★ keep"), self)
        self.badge.setObjectName("keeperBadge")
        self.badge.hide()
        self.keep_button = QPushButton(self.tr("Keep this one"), self)
        self.keep_button.hide()
        self.keep_button.clicked.connect(self._keep)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.zoom_label)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.info, 1)
        bottom.addWidget(self.badge)
        bottom.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def set_file(self, file: dict[str, Any]) -> None:
        self.file_id = file.get("id")
        self.title.setText(numbered_name(self.number, file.get("path")))
        self.title.setToolTip(file.get("path") or "")
        facts = []
        if file.get("width"):
            facts.append(f"{file['width']} × {file['height']}")
        facts.append(human_size(file.get("size")))
        if file.get("format"):
            facts.append(str(file["format"]))
        self.info.setText(" · ".join(facts))

    def set_keeper(self, keeper: int | None, can_keep: bool) -> None:
        is_keeper = keeper is not None and keeper == self.file_id
        self.badge.setVisible(is_keeper)
        self.keep_button.setVisible(can_keep and not is_keeper and self.file_id is not None)

    def _keep(self) -> None:
        if self.file_id is not None:
            self.keep_requested.emit(self.file_id)


class Pane(QFrame):
    """One image of the side-by-side view: its caption over its canvas."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePane")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.caption = Caption(number, self)
        self.canvas = Canvas(parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.canvas, 1)
        self.set_active(False)

    def set_active(self, active: bool) -> None:
        self.active = active
        color = self.palette().highlight().color().name() if active else "transparent"
        self.setStyleSheet(f"QFrame#comparePane {{ border: 2px solid {color}; border-radius: 4px; }}")
