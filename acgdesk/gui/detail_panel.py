"""Everything about the selected file: preview, tags with confidence, user tags, scores, prompt, file info.

Why built from one ``Library.show`` call: the panel shows what ``acgdesk show`` prints, from the same
facade method, on a worker thread. The large preview is decoded (scaled while decoding) on its own
worker, so a 40-megapixel original never blocks the GUI thread.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileInfo, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.resources import icon
from acgdesk.gui.threads import TaskRunner
from acgdesk.gui.thumbs import read_scaled

PREVIEW_SIZE = 768
PREVIEW_MAX_HEIGHT = 380
CATEGORY_ORDER = ("rating", "character", "copyright", "artist", "general", "meta")


def human_size(n: int | None) -> str:
    if n is None:
        return "?"
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


class ConfidenceBar(QWidget):
    """A probability as a bar, with the display threshold as a tick: why a tag is (not) shown."""

    def __init__(self, probability: float, threshold: float | None, user: bool, parent=None) -> None:
        super().__init__(parent)
        self.probability = probability
        self.threshold = threshold
        self.user = user
        self.setFixedHeight(8)
        self.setMinimumWidth(60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            self.tr("set by you")
            if user
            else self.tr("confidence {p:.2f}, shown from {t:.2f}").format(p=probability, t=threshold or 0.0)
        )

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.rect().adjusted(0, 1, -1, -1)
        pal = self.palette()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        p.drawRoundedRect(r, 3, 3)
        fill = QRect(r)
        fill.setWidth(int(r.width() * max(0.0, min(1.0, self.probability))))
        p.setBrush(QColor("#3fa46a") if self.user else pal.color(QPalette.ColorRole.Highlight))
        p.drawRoundedRect(fill, 3, 3)
        if self.threshold is not None and not self.user:
            x = r.left() + int(r.width() * self.threshold)
            p.setPen(pal.color(QPalette.ColorRole.Text))
            p.drawLine(x, 0, x, self.height())
        p.end()


class DetailPanel(QWidget):
    """Shows one file; emits requests for actions the main window owns."""

    similar_requested = Signal(int)
    upscale_requested = Signal(int)
    tags_changed = Signal(int)

    def __init__(self, backend: LibraryBackend, parent=None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.preview_runner = TaskRunner("preview", 1, sync=backend.sync)
        self.file_id: int | None = None
        self.info: dict[str, Any] | None = None
        self._seq = 0
        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(QSize(240, 240))
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QToolButton(
            self, icon=icon("open-folder"), toolTip=self.tr("Show in file manager")
        )
        self.copy_button = QToolButton(self, icon=icon("copy"), toolTip=self.tr("Copy path"))
        self.similar_button = QToolButton(self, icon=icon("similar"), toolTip=self.tr("Find similar"))
        self.upscale_button = QToolButton(self, icon=icon("upscale"), toolTip=self.tr("Upscale…"))
        actions = QHBoxLayout()
        for b in (self.open_button, self.copy_button, self.similar_button, self.upscale_button):
            b.setEnabled(False)
            actions.addWidget(b)
        actions.addStretch(1)
        self.open_button.clicked.connect(self.open_in_file_manager)
        self.copy_button.clicked.connect(self.copy_path)
        self.similar_button.clicked.connect(
            lambda: self.file_id and self.similar_requested.emit(self.file_id)
        )
        self.upscale_button.clicked.connect(
            lambda: self.file_id and self.upscale_requested.emit(self.file_id)
        )

        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.tag_edit = QLineEdit(self)
        self.tag_edit.setObjectName("tagEdit")
        self.tag_edit.setPlaceholderText(self.tr("Add tags (comma separated) and press Enter"))
        self.tag_edit.returnPressed.connect(self._add_typed_tags)
        self.tag_edit.setEnabled(False)

        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.preview)
        layout.addWidget(self.title)
        layout.addLayout(actions)
        layout.addWidget(self.tag_edit)
        layout.addWidget(self.body)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.clear()

    # -- loading -------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.file_id, self.info = None, None
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Select an image"))
        self.title.setText("")
        self._rebuild_body(None, {})
        for b in (self.open_button, self.copy_button, self.similar_button, self.upscale_button):
            b.setEnabled(False)
        self.tag_edit.setEnabled(False)

    def show_file(self, file_id: int) -> None:
        self._seq += 1
        seq = self._seq
        self.file_id = file_id
        self.backend.read(
            lambda lib: (lib.show(file_id), lib.display_thresholds()),
            lambda result, error: self._loaded(seq, result, error),
        )

    def reload(self) -> None:
        if self.file_id is not None:
            self.show_file(self.file_id)

    def _loaded(self, seq: int, result, error) -> None:
        if seq != self._seq:
            return
        if error is not None or result is None or result[0] is None:
            self.title.setText(self.tr("Could not read this file's details: {e}").format(e=error))
            return
        info, thresholds = result
        self.info = info
        self.title.setText(os.path.basename(info["path"]))
        for b in (self.open_button, self.copy_button, self.similar_button, self.upscale_button):
            b.setEnabled(True)
        self.tag_edit.setEnabled(True)
        self._rebuild_body(info, thresholds)
        if not self.preview.pixmap() or self.preview.pixmap().isNull():
            self.preview.setText(self.tr("Loading…"))
        size = PREVIEW_SIZE
        source, fallback = info["path"], info.get("thumbnail")
        self.preview_runner.clear()
        self.preview_runner.submit(
            lambda: _read_preview(source, fallback, size), lambda image, err: self._preview(seq, image, err)
        )

    def _preview(self, seq: int, image: QImage | None, error) -> None:
        if seq != self._seq:
            return
        if error is not None or image is None or image.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No preview"))
            return
        self.preview_image = image
        self._fit_preview()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "preview_image", None) is not None and self.info is not None:
            self._fit_preview()

    def _fit_preview(self) -> None:
        # Fit the panel's width and at most PREVIEW_MAX_HEIGHT, so the tags stay in view.
        box = QSize(max(200, self.preview.width()), PREVIEW_MAX_HEIGHT)
        pix = QPixmap.fromImage(self.preview_image)  # at most PREVIEW_SIZE px: cheap
        if pix.width() > box.width() or pix.height() > box.height():
            pix = pix.scaled(
                box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self.preview.setPixmap(pix)

    # -- body ----------------------------------------------------------------------------------------
    def _rebuild_body(self, info: dict[str, Any] | None, thresholds: dict[str, float]) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if info is None:
            return
        self.body_layout.addWidget(self._tags_box(info, thresholds))
        if info.get("scores"):
            box = QGroupBox(self.tr("Scores"), self.body)
            form = QFormLayout(box)
            for s in info["scores"]:
                if ":" in s["kind"]:  # per-class details (rating heads) are in the tags
                    continue
                form.addRow(s["kind"], QLabel(f"{s['value']:.3f}  ({s['model']})"))
            self.body_layout.addWidget(box)
        meta = info.get("metadata") or {}
        if meta.get("prompt") or meta.get("generator"):
            box = QGroupBox(self.tr("Generation"), self.body)
            form = QFormLayout(box)
            form.addRow(self.tr("Generator"), QLabel(meta.get("generator") or "?"))
            for key, label in (("prompt", self.tr("Prompt")), ("negative_prompt", self.tr("Negative"))):
                if meta.get(key):
                    text = QLabel(meta[key])
                    text.setWordWrap(True)
                    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                    form.addRow(label, text)
            params = meta.get("generation_params") or {}
            if isinstance(params, dict):
                for k, v in list(params.items())[:12]:
                    value = QLabel(str(v))
                    value.setWordWrap(True)
                    form.addRow(str(k), value)
            self.body_layout.addWidget(box)
        box = QGroupBox(self.tr("File"), self.body)
        form = QFormLayout(box)
        path = QLabel(info["path"])
        path.setWordWrap(True)
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Path"), path)
        if info.get("width"):
            form.addRow(self.tr("Pixels"), QLabel(f"{info['width']} × {info['height']}"))
        form.addRow(self.tr("Format"), QLabel(f"{info.get('format') or '?'} {info.get('mode') or ''}"))
        form.addRow(self.tr("Size"), QLabel(human_size(info.get("size"))))
        if info.get("frames") and info["frames"] > 1:
            form.addRow(self.tr("Frames"), QLabel(str(info["frames"])))
        form.addRow(self.tr("Status"), QLabel(info.get("status", "")))
        if info.get("error"):
            form.addRow(self.tr("Error"), QLabel(info["error"]))
        exif = meta.get("exif") or {}
        if exif:
            form.addRow(self.tr("EXIF"), QLabel(self.tr("{n} fields").format(n=len(exif))))
        form.addRow(self.tr("Indexed"), QLabel(info.get("updated_at") or ""))
        self.body_layout.addWidget(box)

    def _tags_box(self, info: dict[str, Any], thresholds: dict[str, float]) -> QGroupBox:
        box = QGroupBox(self.tr("Tags"), self.body)
        box.setObjectName("tagsBox")
        layout = QVBoxLayout(box)
        tags = info.get("effective_tags") or []
        if not tags:
            layout.addWidget(QLabel(self.tr("No tags yet. Add your own above, or run a tagger.")))
        groups: dict[str, list[dict[str, Any]]] = {}
        for t in tags:
            groups.setdefault(t["category"], []).append(t)
        order = sorted(groups, key=lambda c: (CATEGORY_ORDER.index(c) if c in CATEGORY_ORDER else 99, c))
        default = thresholds.get("default", 0.0)
        for category in order:
            threshold = thresholds.get(category, default)
            header = QLabel(f"<b>{category}</b>  <small>{self.tr('shown from')} {threshold:.2f}</small>")
            layout.addWidget(header)
            for t in groups[category]:
                user = "user" in t["sources"]
                row = QHBoxLayout()
                name = QLabel(t["name"])
                name.setObjectName("tagName")
                name.setMinimumWidth(110)
                row.addWidget(name)
                row.addWidget(ConfidenceBar(t["probability"], threshold, user))
                row.addWidget(QLabel(self.tr("you") if user else f"{t['probability']:.2f}"))
                remove = QToolButton(icon=icon("remove"), toolTip=self.tr("Remove this tag"))
                remove.setAutoRaise(True)
                remove.setObjectName("removeTag")
                remove.setProperty("tag", t["name"])
                remove.clicked.connect(lambda _=False, n=t["name"]: self.remove_tags([n]))
                row.addWidget(remove)
                layout.addLayout(row)
        return box

    # -- actions -------------------------------------------------------------------------------------
    def _add_typed_tags(self) -> None:
        names = [n.strip() for n in self.tag_edit.text().split(",") if n.strip()]
        if names:
            self.tag_edit.clear()
            self.add_tags(names)

    def add_tags(self, names: list[str]) -> None:
        file_id = self.file_id
        if file_id is None:
            return
        self.backend.write(lambda lib: lib.add_tags(file_id, names), lambda _r, e: self._edited(file_id, e))

    def remove_tags(self, names: list[str]) -> None:
        file_id = self.file_id
        if file_id is None:
            return
        self.backend.write(
            lambda lib: lib.remove_tags(file_id, names), lambda _r, e: self._edited(file_id, e)
        )

    def _edited(self, file_id: int, error) -> None:
        if error is not None:
            self.title.setText(self.tr("Could not change the tags: {e}").format(e=error))
            return
        self.tags_changed.emit(file_id)
        if file_id == self.file_id:
            self.show_file(file_id)

    def current_path(self) -> str | None:
        return self.info["path"] if self.info else None

    def open_in_file_manager(self) -> None:
        path = self.current_path()
        if path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(QFileInfo(path).absolutePath()))

    def copy_path(self) -> None:
        path = self.current_path()
        if path:
            QGuiApplication.clipboard().setText(path)


def _read_preview(path: str, fallback: str | None, size: int) -> QImage:
    """Worker thread: the original scaled while decoding, else the cached thumbnail."""
    image = read_scaled(path, size) if Path(path).is_file() else QImage()
    if image.isNull() and fallback:
        image = read_scaled(fallback, size)
    return image
