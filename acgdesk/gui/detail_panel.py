"""Everything about the selected file: preview, tags with confidence, user tags, scores, prompt, file info.

Why built from one ``Library.show`` call: the panel shows what ``acgdesk show`` prints, from the same
facade method, on a worker thread. The large preview is decoded (scaled while decoding) on its own
worker, so a 40-megapixel original never blocks the GUI thread.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileInfo, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acgdesk.core.score_kinds import describe, shown_scores
from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.blur import BlurState, blur_image
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.core_text import score_label, score_meaning
from acgdesk.gui.detail_widgets import ConfidenceBar, ElidedLabel, PreviewImage, WrapLabel
from acgdesk.gui.file_errors import file_error_text
from acgdesk.gui.resources import icon
from acgdesk.gui.threads import TaskRunner
from acgdesk.gui.thumbs import read_scaled

PREVIEW_SIZE = 768
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


class DetailPanel(QWidget):
    """Shows one file; emits requests for actions the main window owns."""

    similar_requested = Signal(int)
    upscale_requested = Signal(int)
    tags_changed = Signal(int)
    file_changed = Signal(object)  # the file id shown now, None when cleared

    def __init__(self, backend: LibraryBackend, parent=None, *, blur: BlurState | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.blur = blur  # hides the preview of a file rated at or above the user's setting
        self.preview_runner = TaskRunner("preview", 1, sync=backend.sync)
        self.file_id: int | None = None
        self.info: dict[str, Any] | None = None
        self.preview_image: QImage | None = None
        self.preview_blurred: QImage | None = None
        self._seq = 0
        self.preview = PreviewImage(self)
        self.preview.setObjectName("preview")
        self.preview.clicked.connect(self._preview_clicked)
        if blur is not None:
            blur.changed.connect(self._show_preview)
        self.title = WrapLabel("", self)
        self.title.setObjectName("detailTitle")
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
        layout = self.header = QVBoxLayout(inner)  # add_header_widget puts rows under the title
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
        self.preview_image = self.preview_blurred = None
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Select an image"))
        self.title.setText("")
        self._rebuild_body(None, {})
        for b in (self.open_button, self.copy_button, self.similar_button, self.upscale_button):
            b.setEnabled(False)
        self.tag_edit.setEnabled(False)
        self.file_changed.emit(None)

    def add_header_widget(self, widget: QWidget) -> None:
        """A row under the file's name (the marks: acgdesk.gui.curate.marks_bar)."""
        self.header.insertWidget(self.header.indexOf(self.title) + 1, widget)

    def show_file(self, file_id: int) -> None:
        self._seq += 1
        seq = self._seq
        changed, self.file_id = file_id != self.file_id, file_id
        if changed:
            self.file_changed.emit(file_id)
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
            self.title.setText(self.tr("Could not read this file's details: {e}").format(e=error_text(error)))
            return
        info, thresholds = result
        self.info = info
        self.title.setText(os.path.basename(info["path"]))
        for b in (self.open_button, self.copy_button, self.similar_button, self.upscale_button):
            b.setEnabled(True)
        self.tag_edit.setEnabled(True)
        self._rebuild_body(info, thresholds)
        if self.preview.pixmap().isNull():
            self.preview.setText(self.tr("Loading…"))
        size = PREVIEW_SIZE
        source, fallback = info["path"], info.get("thumbnail")
        blurred = self.blur is not None and self.blur.active  # made on the worker, shown if hidden
        self.preview_runner.clear()
        self.preview_runner.submit(
            lambda: _read_preview(source, fallback, size, blurred),
            lambda images, err: self._preview(seq, images, err),
        )

    def rating(self) -> str | None:
        """The shown file's content rating (None when nothing rated it)."""
        rating = (self.info or {}).get("rating")
        return rating.get("rating") if isinstance(rating, dict) else None

    def preview_hidden(self) -> bool:
        """Whether the preview is blurred now (the blur setting, until the user clicks it)."""
        return (
            self.blur is not None
            and self.file_id is not None
            and self.blur.hides_rated(self.file_id, self.rating())
        )

    def _preview(self, seq: int, images, error) -> None:
        if seq != self._seq:
            return
        image, blurred = images if error is None and images is not None else (None, None)
        if image is None or image.isNull():
            self.preview_image = self.preview_blurred = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No preview"))
            return
        self.preview_image, self.preview_blurred = image, blurred
        self._show_preview()

    def _show_preview(self) -> None:
        """The decoded preview, or its blurred copy while it is hidden (scaled when painted)."""
        if self.preview_image is None:
            return
        hidden = self.preview_hidden()
        if hidden and self.preview_blurred is None:  # blurring was switched on since: blur it here
            self.preview_blurred = blur_image(self.preview_image)
        image = self.preview_blurred if hidden else self.preview_image
        self.preview.setPixmap(QPixmap.fromImage(image))  # at most PREVIEW_SIZE px: cheap
        self.preview.setToolTip(self.tr("Blurred for its rating: click to show it") if hidden else "")

    def _preview_clicked(self) -> None:
        if self.preview_hidden() and self.blur is not None and self.file_id is not None:
            self.blur.reveal(self.file_id)  # the grid shows it too, until the next search

    # -- body ----------------------------------------------------------------------------------------
    def _rebuild_body(self, info: dict[str, Any] | None, thresholds: dict[str, float]) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if info is None:
            return
        self.body_layout.addWidget(self._tags_box(info, thresholds))
        scores = shown_scores(info.get("scores") or [])  # per-class details and hidden kinds left out
        if scores:
            box = QGroupBox(self.tr("Scores"), self.body)
            form = _form(box)
            for s in scores:
                entry = describe(s["kind"])
                label = ElidedLabel(score_label(entry))
                value = WrapLabel(f"{s['text']} — {score_meaning(entry)}")
                source = self.tr("{kind} from {model}").format(kind=s["kind"], model=s["model"])
                label.setToolTip(source)
                value.setToolTip(source)
                form.addRow(label, value)
            self.body_layout.addWidget(box)
        meta = info.get("metadata") or {}
        if meta.get("prompt") or meta.get("generator"):
            box = QGroupBox(self.tr("Generation"), self.body)
            form = _form(box)
            form.addRow(self.tr("Generator"), WrapLabel(meta.get("generator") or "?"))
            for key, label in (("prompt", self.tr("Prompt")), ("negative_prompt", self.tr("Negative"))):
                if meta.get(key):
                    form.addRow(label, WrapLabel(meta[key]))
            params = meta.get("generation_params") or {}
            if isinstance(params, dict):
                for k, v in list(params.items())[:12]:
                    form.addRow(ElidedLabel(str(k)), WrapLabel(str(v)))
            self.body_layout.addWidget(box)
        box = QGroupBox(self.tr("File"), self.body)
        form = _form(box)
        form.addRow(self.tr("Path"), WrapLabel(info["path"]))
        if info.get("width"):
            form.addRow(self.tr("Pixels"), QLabel(f"{info['width']} × {info['height']}"))
        form.addRow(self.tr("Format"), WrapLabel(f"{info.get('format') or '?'} {info.get('mode') or ''}"))
        form.addRow(self.tr("Size"), QLabel(human_size(info.get("size"))))
        if info.get("frames") and info["frames"] > 1:
            form.addRow(self.tr("Frames"), QLabel(str(info["frames"])))
        form.addRow(self.tr("Status"), WrapLabel(info.get("status", "")))
        if info.get("error"):
            form.addRow(self.tr("Error"), WrapLabel(file_error_text(info.get("error_kind"), info["error"])))
        exif = meta.get("exif") or {}
        if exif:
            form.addRow(self.tr("EXIF"), WrapLabel(self.tr("{n} fields").format(n=len(exif))))
        form.addRow(self.tr("Indexed"), WrapLabel(info.get("updated_at") or ""))
        self.body_layout.addWidget(box)

    def _tags_box(self, info: dict[str, Any], thresholds: dict[str, float]) -> QGroupBox:
        box = QGroupBox(self.tr("Tags"), self.body)
        box.setObjectName("tagsBox")
        layout = QVBoxLayout(box)
        tags = info.get("effective_tags") or []
        if not tags:
            layout.addWidget(WrapLabel(self.tr("No tags yet. Add your own above, or run a tagger.")))
        groups: dict[str, list[dict[str, Any]]] = {}
        for t in tags:
            groups.setdefault(t["category"], []).append(t)
        order = sorted(groups, key=lambda c: (CATEGORY_ORDER.index(c) if c in CATEGORY_ORDER else 99, c))
        default = thresholds.get("default", 0.0)
        for category in order:
            threshold = thresholds.get(category, default)
            shown_from = self.tr("shown from {t}").format(t=f"{threshold:.2f}")
            header = QLabel(f"<b>{category}</b>  <small>{shown_from}</small>")
            header.setWordWrap(True)
            layout.addWidget(header)
            for t in groups[category]:
                user = "user" in t["sources"]
                row = QHBoxLayout()
                name = ElidedLabel(t["name"])
                name.setObjectName("tagName")
                row.addWidget(name, 3)
                row.addWidget(ConfidenceBar(t["probability"], threshold, user), 2)
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
            self.title.setText(self.tr("Could not change the tags: {e}").format(e=error_text(error)))
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


def _form(box: QGroupBox) -> QFormLayout:
    """A form whose values go under their names when the panel is too narrow for both."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _read_preview(path: str, fallback: str | None, size: int, blurred: bool) -> tuple[QImage, QImage | None]:
    """Worker thread: the original scaled while decoding (else the cached thumbnail), and a blurred
    copy when blurring is on."""
    image = read_scaled(path, size) if Path(path).is_file() else QImage()
    if image.isNull() and fallback:
        image = read_scaled(fallback, size)
    if blurred and not image.isNull():
        return image, blur_image(image)
    return image, None
