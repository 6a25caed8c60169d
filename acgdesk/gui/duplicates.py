"""The duplicates view: groups of copies side by side, the suggested keeper marked with its reasons,
and explicit actions only. "Move the others to the trash" uses the operating system's trash
(send2trash), after a confirmation that lists every file; nothing is ever deleted for good, and the
library then records the trashed files as missing (their tags and scores stay, as for any file that
disappears).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.detail_panel import human_size
from acgdesk.gui.threads import TaskRunner
from acgdesk.gui.thumbs import read_scaled

CARD_SIZE = 220


def move_to_trash(paths: list[str]) -> tuple[list[str], dict[str, str]]:
    """Worker thread: each file to the OS trash; returns (moved, {path: error})."""
    from send2trash import send2trash

    moved, failed = [], {}
    for path in paths:
        try:
            send2trash(path)
            moved.append(path)
        except Exception as exc:  # permission, a vanished file, no trash on that volume: say so
            failed[path] = str(exc)
    return moved, failed


class MemberCard(QWidget):
    keep_requested = Signal(int)

    def __init__(self, member: dict[str, Any], keeper: bool, parent=None) -> None:
        super().__init__(parent)
        self.member = member
        self.image = QLabel(self.tr("Loading…"))
        self.image.setFixedSize(CARD_SIZE, CARD_SIZE)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        w, h = member.get("width"), member.get("height")
        quality = member.get("quality")
        lines = [
            f"<b>{os.path.basename(member['path'])}</b>",
            f"{w} × {h} · {human_size(member.get('size'))}" + (f" · q {quality:.2f}" if quality else ""),
            ", ".join(member.get("matched_by") or []),
        ]
        self.caption = QLabel("<br>".join(x for x in lines if x))
        self.caption.setWordWrap(True)
        self.caption.setToolTip(member["path"])
        self.caption.setFixedWidth(CARD_SIZE)
        self.badge = QLabel(self.tr("★ keep") if keeper else self.tr("to trash"))
        self.badge.setObjectName("keeperBadge" if keeper else "trashBadge")
        self.keep_button = QPushButton(self.tr("Keep this one"))
        self.keep_button.setVisible(not keeper)
        self.keep_button.clicked.connect(lambda: self.keep_requested.emit(member["file_id"]))
        layout = QVBoxLayout(self)
        layout.addWidget(self.image)
        layout.addWidget(self.badge)
        layout.addWidget(self.caption)
        layout.addWidget(self.keep_button)
        layout.addStretch(1)


class DuplicatesDialog(QDialog):
    """Finds groups through ``Library.duplicates`` (with the window's filters) and shows one at a time."""

    trashed = Signal(list)  # paths moved to the trash

    def __init__(
        self,
        backend: LibraryBackend,
        query: str = "",
        parent=None,
        *,
        confirm: Callable[[str, list[str]], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicates"))
        self.resize(1100, 640)
        self.backend = backend
        self.query = query
        self.confirm = confirm or self._ask
        self.groups: list[dict[str, Any]] = []
        self.keepers: dict[int, int] = {}  # group index -> chosen keeper file id
        self.images = TaskRunner("duplicates", 1, sync=backend.sync)
        self.list = QListWidget(self)
        self.list.currentRowChanged.connect(self._show_group)
        self.members = QWidget(self)
        self.members_layout = QHBoxLayout(self.members)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.members)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.trash_button = QPushButton(self.tr("Move the others to the trash…"), self)
        self.trash_button.setEnabled(False)
        self.trash_button.clicked.connect(self.trash_others)
        self.compare_button = QPushButton(self.tr("Compare…"), self)  # choose the keeper by eye
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(lambda: self.compare_group(self.list.currentRow()))
        self.list.currentRowChanged.connect(lambda i: self.compare_button.setEnabled(i >= 0))
        self.status = QLabel(self.tr("Looking for duplicates…"), self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.reasons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.compare_button)
        row.addWidget(self.trash_button)
        right_layout.addLayout(row)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([260, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        query = self.query
        self.backend.read(lambda lib: [g.to_dict() for g in lib.duplicates(query)], self._loaded)

    def _loaded(self, groups, error) -> None:
        if error is not None:
            self.status.setText(self.tr("Could not look for duplicates: {e}").format(e=error_text(error)))
            return
        self.groups = groups
        self.keepers = {i: g["keeper"] for i, g in enumerate(groups)}
        self.list.clear()
        for g in groups:
            kind = self.tr("exact copies") if g["kind"] == "exact" else self.tr("near copies")
            self.list.addItem(QListWidgetItem(f"{len(g['members'])} × {kind}"))
        wasted = sum(
            (m.get("size") or 0) for g in groups for m in g["members"] if m["file_id"] != g["keeper"]
        )
        self.status.setText(
            self.tr("{n} groups; {size} in the copies that are not suggested keepers").format(
                n=len(groups), size=human_size(wasted)
            )
        )
        if groups:
            self.list.setCurrentRow(0)

    def _show_group(self, index: int) -> None:
        while self.members_layout.count():
            item = self.members_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not 0 <= index < len(self.groups):
            self.trash_button.setEnabled(False)
            return
        group = self.groups[index]
        keeper = self.keepers[index]
        for member in group["members"]:
            card = MemberCard(member, member["file_id"] == keeper)
            card.keep_requested.connect(lambda file_id, i=index: self.choose_keeper(i, file_id))
            self.members_layout.addWidget(card)
            self.images.submit(
                lambda p=member["path"]: read_scaled(p, CARD_SIZE),
                lambda image, error, card=card: self._image(card, image, error),
            )
        self.members_layout.addStretch(1)
        chosen = "" if keeper == group["keeper"] else self.tr(" (you chose another keeper)")
        self.reasons.setText(self.tr("Suggested keeper: ") + "; ".join(group["reasons"]) + chosen)
        self.trash_button.setEnabled(True)

    def _image(self, card: MemberCard, image, error) -> None:
        if error is None and image is not None and not image.isNull():
            card.image.setPixmap(QPixmap.fromImage(image))
        else:
            card.image.setText(self.tr("No preview"))

    def compare_group(self, index: int):
        """The group's members (up to four) side by side, each with "Keep this one"."""
        from acgdesk.gui.view.compare import compare_duplicates

        return compare_duplicates(self, index)

    def choose_keeper(self, index: int, file_id: int) -> None:
        self.keepers[index] = file_id
        self._show_group(index)

    def to_trash(self, index: int) -> list[str]:
        group = self.groups[index]
        return [m["path"] for m in group["members"] if m["file_id"] != self.keepers[index]]

    def _ask(self, keeper: str, paths: list[str]) -> bool:
        text = self.tr(
            "Keep {keeper} and move these %Ln file(s) to the trash?\n\n{files}", "", len(paths)
        ).format(keeper=os.path.basename(keeper), files="\n".join(paths))
        return QMessageBox.question(self, self.tr("Move to trash"), text) == QMessageBox.StandardButton.Yes

    def trash_others(self) -> None:
        index = self.list.currentRow()
        if not 0 <= index < len(self.groups):
            return
        paths = self.to_trash(index)
        keeper = next(m["path"] for m in self.groups[index]["members"] if m["file_id"] == self.keepers[index])
        if not paths or not self.confirm(keeper, paths):
            return
        self.trash_button.setEnabled(False)
        self.backend.writes.submit(lambda: move_to_trash(paths), self._trashed)

    def _trashed(self, result, error) -> None:
        if error is not None:
            self.status.setText(error_text(error))
            return
        moved, failed = result
        message = self.tr("%Ln file(s) moved to the trash", "", len(moved))
        if failed:
            message += "; " + self.tr("not moved: ") + "; ".join(f"{p}: {e}" for p, e in failed.items())
        self.status.setText(message)
        self.trashed.emit(moved)  # the window brings the library up to date, then calls reload()
