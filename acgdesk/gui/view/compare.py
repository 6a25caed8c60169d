"""Compare: two to four images side by side with one zoom and pan, a swipe mode for two, and what
changed in their generation parameters (:mod:`acgdesk.core.genparams`, through ``Library.compare``).

This module is the window that puts the parts together and keeps the panes in step: whichever pane
the user zooms or pans, every other one is handed the same :class:`ViewState` (see
:mod:`.compare_canvas` for why that shows the same part of every image). The parts:
:mod:`.compare_canvas` (one picture under a view: geometry, wheel and drag, painting),
:mod:`.compare_swipe` (two pictures under a divider), :mod:`.compare_pane` (a caption over a canvas),
:mod:`.compare_diff` (the generation-parameter diff panel) and :mod:`.compare_pictures` (decoding on
worker threads). Its names stay importable from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acgdesk.core.genparams import GenerationDiff
from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.view.compare_canvas import (
    BACKGROUND,
    MAX_PIXEL_SCALE,
    MESSAGE_COLOR,
    ZOOM_STEP,
    Canvas,
    ViewState,
)
from acgdesk.gui.view.compare_diff import ADDED, MUTED, REMOVED, REWEIGHTED, GenerationDiffPanel
from acgdesk.gui.view.compare_pane import Caption, Pane, numbered_name
from acgdesk.gui.view.compare_pictures import load_picture, max_side_for, picture_runner
from acgdesk.gui.view.compare_swipe import DIVIDER_GRAB_PX, SwipeCanvas

__all__ = [
    "ADDED",
    "BACKGROUND",
    "DIVIDER_GRAB_PX",
    "MAX_PANES",
    "MAX_PIXEL_SCALE",
    "MESSAGE_COLOR",
    "MUTED",
    "REMOVED",
    "REWEIGHTED",
    "ZOOM_STEP",
    "Canvas",
    "Caption",
    "CompareDialog",
    "GenerationDiffPanel",
    "Pane",
    "SwipeCanvas",
    "ViewState",
    "compare_duplicates",
    "load_picture",
    "max_side_for",
    "open_compare",
    "picture_runner",
]

MAX_PANES = 4


class CompareDialog(QDialog):
    """Two to four images side by side (or two in swipe mode) and the diff of their generation data.

    ``keeper`` and ``on_keep`` come from the duplicates view: each pane then offers "Keep this one",
    which calls ``on_keep(file_id)``.
    """

    details_loaded = Signal()  # files and generation diffs are shown
    images_loaded = Signal()  # every picture arrived (or failed, with a message in its pane)
    view_changed = Signal()  # every pane follows the view the user moved to
    mode_changed = Signal(str)  # "side" or "swipe"
    keeper_chosen = Signal(int)

    def __init__(
        self,
        backend: LibraryBackend,
        file_ids: Sequence[int],
        parent: QWidget | None = None,
        *,
        keeper: int | None = None,
        on_keep: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        ids = [int(i) for i in file_ids]
        if not 2 <= len(ids) <= MAX_PANES:
            raise ValueError(f"compare takes 2 to {MAX_PANES} images, not {len(ids)}")
        self.backend = backend
        self.file_ids = ids
        self.keeper = keeper
        self.on_keep = on_keep
        self.files: list[dict[str, Any]] = []
        self.diffs: list[GenerationDiff] = []
        self.mode = "side"
        self.active = 0
        self.details_ready = False
        self.images_ready = False
        self._pending = len(ids)
        self._closed = False
        self.runner = picture_runner(backend)
        self.setWindowTitle(self.tr("Compare {n} images").format(n=len(ids)))
        self.resize(1400, 860)

        self.panes = [Pane(i + 1, self) for i in range(len(ids))]
        self.swipe = SwipeCanvas(self)
        self.swipe_captions = [Caption(1, self), Caption(2, self)]
        for number, pane in enumerate(self.panes):
            pane.canvas.set_message(self.tr("Loading…"))
            pane.canvas.view_changed.connect(lambda state, c=pane.canvas: self._follow(c, state))
            pane.canvas.activated.connect(lambda n=number: self._set_active(n))
            pane.caption.keep_requested.connect(self.keep)
        self.swipe.set_message(self.tr("Loading…"))
        for canvas in self.canvases():
            canvas.resized.connect(self._update_zoom_labels)
        self.swipe.view_changed.connect(lambda state: self._follow(self.swipe, state))
        for caption in self.swipe_captions:
            caption.keep_requested.connect(self.keep)

        side = QWidget(self)
        side_layout = QHBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(4)
        for pane in self.panes:
            side_layout.addWidget(pane, 1)
        swipe_page = QWidget(self)
        swipe_layout = QVBoxLayout(swipe_page)
        swipe_layout.setContentsMargins(0, 0, 0, 0)
        captions = QHBoxLayout()
        captions.addWidget(self.swipe_captions[0], 1)
        captions.addWidget(self.swipe_captions[1], 1)
        swipe_layout.addLayout(captions)
        swipe_layout.addWidget(self.swipe, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(side)
        self.stack.addWidget(swipe_page)

        self.diff_panel = GenerationDiffPanel(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.diff_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([600, 200] if len(ids) == 2 else [540, 260])  # 3-4: a diff each

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._make_toolbar())
        layout.addWidget(splitter, 1)
        self._set_active(0)
        self._refresh_keeper()
        self.backend.read(lambda lib: lib.compare(ids), self._details)

    def _make_toolbar(self) -> QHBoxLayout:
        def button(text: str, tip: str, slot: Callable[[], None], checkable: bool = False) -> QToolButton:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setCheckable(checkable)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the panes
            b.clicked.connect(slot)
            return b

        self.fit_button = button(self.tr("Fit"), self.tr("Fit every image in its pane (F)"), self.fit_all)
        self.actual_button = button(
            self.tr("100 %"), self.tr("The active image pixel for pixel (Z)"), self.actual_size
        )
        self.out_button = button("−", self.tr("Zoom out (−)"), lambda: self.zoom_active(1 / ZOOM_STEP))
        self.in_button = button("+", self.tr("Zoom in (+)"), lambda: self.zoom_active(ZOOM_STEP))
        self.side_button = button(
            self.tr("Side by side"), self.tr("Every image in its own pane (S)"), self.show_side, True
        )
        self.swipe_button = button(
            self.tr("Swipe"),
            self.tr("Two images under one divider: drag it to reveal one over the other (S)"),
            self.show_swipe,
            True,
        )
        self.swipe_button.setEnabled(len(self.file_ids) == 2)
        if len(self.file_ids) != 2:
            self.swipe_button.setToolTip(self.tr("Swipe compares exactly two images"))
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.side_button)
        group.addButton(self.swipe_button)
        self.side_button.setChecked(True)
        hint = QLabel(
            self.tr("Wheel: zoom · drag: pan · 1–{n}: choose an image · Esc: close").format(
                n=len(self.file_ids)
            ),
            self,
        )
        hint.setStyleSheet(f"color: {MUTED};")
        row = QHBoxLayout()
        for b in (self.fit_button, self.actual_button, self.out_button, self.in_button):
            row.addWidget(b)
        row.addSpacing(16)
        row.addWidget(self.side_button)
        row.addWidget(self.swipe_button)
        row.addStretch(1)
        row.addWidget(hint)
        return row

    # -- loading ---------------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """The details and every picture arrived."""
        return self.details_ready and self.images_ready

    def _details(self, result: dict[str, Any] | None, error: BaseException | None) -> None:
        if self._closed:
            return
        if error is not None or result is None:
            message = self.tr("Could not read these files: {e}").format(e=error_text(error))
            self.diff_panel.setPlainText(message)
            for canvas in self.canvases():
                canvas.set_message(message)
            self._pending = 0
            self.details_ready = self.images_ready = True
            self.details_loaded.emit()
            self.images_loaded.emit()
            return
        self.files = result["files"]
        self.diffs = list(result["diffs"])
        max_side = max_side_for(len(self.files))
        for index, file in enumerate(self.files):
            self.panes[index].caption.set_file(file)
            if index < 2:
                self.swipe_captions[index].set_file(file)
            self.runner.submit(
                lambda file_id=file["id"]: (
                    None if self._closed else load_picture(self.backend, file_id, max_side)
                ),
                lambda picture, err, i=index: self._picture(i, picture, err),
            )
        names = [numbered_name(i + 1, f.get("path")) for i, f in enumerate(self.files)]
        if len(names) >= 2:
            self.swipe.labels = (names[0], names[1])
        self._refresh_keeper()
        self.diff_panel.show_diffs(self.diffs, names)
        self.details_ready = True
        self.details_loaded.emit()

    def _picture(self, index: int, picture: tuple[QImage, QSize] | None, error) -> None:
        if self._closed:
            return
        canvas = self.panes[index].canvas
        if error is not None or picture is None or picture[0].isNull():
            text = self.tr("Cannot show this image: {e}").format(
                e=error_text(error) if error else self.tr("no pixels")
            )
            canvas.set_message(text)
            if index < 2:
                self.swipe.set_message(text)
        else:
            image, size = picture
            canvas.set_image(0, image, size)
            if index < 2:
                self.swipe.set_image(index, image, size)
        self._pending -= 1
        self._update_zoom_labels()
        if self._pending == 0:
            self.images_ready = True
            self.images_loaded.emit()

    # -- the shared view -------------------------------------------------------------------------------
    def canvases(self) -> list[Canvas]:
        return [p.canvas for p in self.panes] + [self.swipe]

    def active_canvas(self) -> Canvas:
        return self.swipe if self.mode == "swipe" else self.panes[self.active].canvas

    def _follow(self, source: Canvas, state: ViewState | None) -> None:
        """The user moved ``source``: every other pane shows the same place."""
        for canvas in self.canvases():
            if canvas is not source:
                canvas.set_view(state)
        self._update_zoom_labels()
        self.view_changed.emit()

    def fit_all(self) -> None:
        self.active_canvas().show_fit()

    def actual_size(self) -> None:
        self.active_canvas().zoom_to_pixels(1.0)

    def zoom_active(self, factor: float) -> None:
        self.active_canvas().zoom_by(factor)

    def _update_zoom_labels(self) -> None:
        shown = [(p.caption, p.canvas, 0) for p in self.panes]
        shown += [(caption, self.swipe, layer) for layer, caption in enumerate(self.swipe_captions)]
        for caption, canvas, layer in shown:
            if canvas.images[layer] is None or canvas.sizes[layer].isEmpty():
                caption.zoom_label.setText("")
                continue
            percent = f"{canvas.pixel_scale(layer) * 100:.0f} %"
            caption.zoom_label.setText(self.tr("fit, {p}").format(p=percent) if canvas.fit else percent)

    # -- modes and keys --------------------------------------------------------------------------------
    def show_side(self) -> None:
        self._set_mode("side")

    def show_swipe(self) -> None:
        if len(self.file_ids) == 2:
            self._set_mode("swipe")

    def _set_mode(self, mode: str) -> None:
        self.side_button.setChecked(mode == "side")
        self.swipe_button.setChecked(mode == "swipe")
        if mode == self.mode:
            return
        self.mode = mode
        self.stack.setCurrentIndex(1 if mode == "swipe" else 0)
        self.active_canvas().setFocus()
        self._update_zoom_labels()
        self.mode_changed.emit(mode)

    def _set_active(self, index: int) -> None:
        self.active = index
        for number, pane in enumerate(self.panes):
            pane.set_active(number == index and len(self.panes) > 1)

    def focus_pane(self, index: int) -> None:
        """Keys 1-4: that pane becomes the active one; in swipe mode, 1 or 2 shows all of that image."""
        if not 0 <= index < len(self.panes):
            return
        if self.mode == "swipe":
            self.swipe.set_divider(1.0 if index == 0 else 0.0)
            return
        self._set_active(index)
        self.panes[index].canvas.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if not ctrl and Qt.Key.Key_1 <= key <= Qt.Key.Key_4:
            self.focus_pane(key - Qt.Key.Key_1)
        elif key == Qt.Key.Key_F or (ctrl and key == Qt.Key.Key_0):
            self.fit_all()
        elif key == Qt.Key.Key_Z or (ctrl and key == Qt.Key.Key_1):
            self.actual_size()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_active(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_active(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_S and len(self.file_ids) == 2:
            self._set_mode("side" if self.mode == "swipe" else "swipe")
        else:
            super().keyPressEvent(event)  # Esc closes

    # -- choosing the keeper (from the duplicates view) -------------------------------------------------
    def keep(self, file_id: int) -> None:
        if self.on_keep is None:
            return
        self.keeper = file_id
        self.on_keep(file_id)
        self._refresh_keeper()
        self.keeper_chosen.emit(file_id)

    def _refresh_keeper(self) -> None:
        for caption in [p.caption for p in self.panes] + self.swipe_captions:
            caption.set_keeper(self.keeper, self.on_keep is not None)

    # -- closing ---------------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def closeEvent(self, event) -> None:
        self._stop()
        super().closeEvent(event)

    def _stop(self) -> None:
        self._closed = True  # pictures not decoded yet are skipped (the pool is shared)


def open_compare(
    backend: LibraryBackend,
    file_ids: Sequence[int],
    parent: QWidget | None = None,
    *,
    keeper: int | None = None,
    on_keep: Callable[[int], None] | None = None,
) -> CompareDialog:
    """Show a (non-modal) compare window on 2-4 files; it deletes itself when closed."""
    dialog = CompareDialog(backend, file_ids, parent, keeper=keeper, on_keep=on_keep)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def compare_duplicates(dialog: Any, index: int) -> CompareDialog | None:
    """From the duplicates view: up to four members of group ``index``, the chosen keeper first,
    each pane with "Keep this one" (the view's own :meth:`choose_keeper`)."""
    if not 0 <= index < len(dialog.groups):
        return None
    keeper = dialog.keepers[index]
    members = [m["file_id"] for m in dialog.groups[index]["members"]]
    ids = [keeper] + [m for m in members if m != keeper]
    if len(ids) < 2:
        return None
    view = open_compare(
        dialog.backend,
        ids[:MAX_PANES],
        dialog,
        keeper=keeper,
        on_keep=lambda file_id: dialog.choose_keeper(index, file_id),
    )
    dialog.compare_view = view
    return view
