"""The viewer: one picture at a time over the whole main window, stepping through the grid's results.

Its keys and right-click menu are in :mod:`acgdesk.gui.view.viewer_commands` (the table of keys is
there), the slideshow in :mod:`~acgdesk.gui.view.slideshow`, the information overlay in
:mod:`~acgdesk.gui.view.info_overlay`, painting, zoom and animation in
:mod:`~acgdesk.gui.view.canvas`, the ways out (open with, copy, drag) in
:mod:`~acgdesk.gui.view.export`. This widget ties them together: which picture is shown, the status
line, opening and closing over the window.

Why an overlay: the viewer is a child widget laid over the main window's whole area rather than a
window of its own, so it opens and closes without a new window (no flicker, no focus games with the
window manager), full screen is the main window's own, and the grid behind keeps its scroll position.
It reads the result list from the grid's :class:`~acgdesk.gui.grid_model.ResultsModel` (ids in the
grid's order, after its filters) whenever it steps, so it always follows what the grid shows.
Pixels come from :class:`~acgdesk.gui.view.image_source.PictureLoader` (workers and a bounded cache);
nothing here decodes or touches the database. Rotation and zoom are properties of the view only.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDrag, QGuiApplication, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QLabel, QMenu, QWidget

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.blur import BlurState
from acgdesk.gui.grid_model import ResultsModel
from acgdesk.gui.prefs import Prefs
from acgdesk.gui.view.canvas import ZOOM_STEP, ImageCanvas
from acgdesk.gui.view.export import ExportActions, file_urls_mime
from acgdesk.gui.view.image_source import FIT, WHOLE, Picture, PictureLoader
from acgdesk.gui.view.info_overlay import InfoOverlay
from acgdesk.gui.view.settings_values import stored_bool
from acgdesk.gui.view.slideshow import MAX_INTERVAL_S, MIN_INTERVAL_S, Slideshow
from acgdesk.gui.view.viewer_commands import CURATION_COMMANDS, Command, ViewerMenu, command_for_key
from acgdesk.gui.view.viewer_status import status_line

WARM_UP_AFTER_MS = 3000
INFO_KEY = "viewer/info"


class Viewer(QWidget):
    """The viewer over ``parent`` (the main window), showing rows of ``model`` and returning to ``grid``."""

    picture_shown = Signal(int)  # file id now on screen: its picture, or why it cannot be shown
    error_shown = Signal(str)  # the reason shown instead of a picture
    whole_shown = Signal(int)  # file id whose whole original replaced the screen-sized copy
    info_shown = Signal(int)  # file id whose information overlay is filled in
    closed = Signal(int)  # the row shown last (the grid's current index is set to it)

    def __init__(
        self,
        backend: LibraryBackend,
        model: ResultsModel,
        grid: QAbstractItemView | None,
        prefs: Prefs,
        parent: QWidget | None = None,
        *,
        blur: BlurState | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("viewer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.backend, self.model, self.grid = backend, model, grid
        self.settings = prefs.settings
        self.loader = PictureLoader(backend, parent=self)
        self.loader.loaded.connect(self._loaded)
        self.export = ExportActions(backend, self.settings, self)
        self.export.failed.connect(self.flash)
        self.export.copied.connect(lambda _id: self.flash(self.tr("Copied the image")))
        self.canvas = ImageCanvas(self)
        self.canvas.zoom_changed.connect(self._zoom_changed)
        self.canvas.drag_out.connect(self.start_drag)
        self.canvas.double_clicked.connect(self.toggle_full_screen)
        self.blur = blur  # pictures rated at or above the setting are veiled until a click
        # marks and undo go to the window's curation (acgdesk.gui.curate.controller); the status
        # line shows mark_text(file id)
        self.mark_handler: Callable[[Command], None] | None = None
        self.mark_text: Callable[[int], str] | None = None
        self.canvas.clicked.connect(self._reveal)
        if blur is not None:
            blur.changed.connect(self._apply_blur)
        self.canvas.frame_shown.connect(lambda _i: self._update_status())
        self.info_label = InfoOverlay(backend, self)
        self.info_label.shown.connect(self.info_shown.emit)
        self.status = QLabel(self)
        self.status.setObjectName("viewerStatus")
        self.status.setStyleSheet("#viewerStatus { background: #202022; color: #ddd; padding: 3px 10px; }")
        self.status.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.row = -1
        self.file_id: int | None = None
        self.info_visible = stored_bool(self.settings, INFO_KEY)
        self.slideshow = Slideshow(self.settings, self)
        self.slideshow.due.connect(self._slideshow_next)
        self.slideshow.changed.connect(self._update_status)
        self._note = ""
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(3000)
        self._note_timer.timeout.connect(lambda: self.flash(""))
        self._restore_maximized: bool | None = None  # set while the viewer holds the window full screen
        model.modelReset.connect(self._model_reset)
        if not backend.sync:  # once the window has settled: the first picture then opens faster
            QTimer.singleShot(WARM_UP_AFTER_MS, self.loader.warm_up)
        if parent is not None:
            parent.installEventFilter(self)
        self.hide()

    # -- opening and closing -------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        """Show the viewer over the window, on ``row`` of the results."""
        if not 0 <= row < self.model.rowCount():
            return
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.loader.box = self._screen_box()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show_row(row)

    def close_viewer(self) -> None:
        """Back to the grid, its current index on the picture shown last."""
        if not self.isVisible():
            return
        self.slideshow.stop()
        if self._restore_maximized is not None:
            self._leave_full_screen()
        self.hide()
        self.loader.clear()  # the pixels go back; the grid needs none of them
        row = self.row
        if self.grid is not None:
            if 0 <= row < self.model.rowCount():
                index = self.model.index(row)
                if self.grid.currentIndex().row() != row:
                    self.grid.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    )
                    self.grid.scrollTo(index)
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit(row)

    def shutdown(self) -> None:
        """Before the backend closes: wait for the workers."""
        self.slideshow.timer.stop()
        self.loader.shutdown()
        self.export.shutdown()

    def _screen_box(self) -> tuple[int, int]:
        """Device pixels a screen-sized picture must cover: the screen, or the window if larger."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        size = screen.size() if screen is not None else QSize(1920, 1080)
        window = self.window().size()
        dpr = max(1.0, self.devicePixelRatioF())
        return (
            math.ceil(max(size.width(), window.width()) * dpr),
            math.ceil(max(size.height(), window.height()) * dpr),
        )

    # -- stepping ------------------------------------------------------------------------------------
    def show_row(self, row: int) -> None:
        n = self.model.rowCount()
        if n == 0:
            return
        row = max(0, min(n - 1, row))
        self.row = row
        file_id = self.model.file_id(row)
        self.file_id = file_id
        self.loader.forget_wanted()  # whatever was queued for other pictures is skipped
        picture = self.loader.request(file_id, FIT)
        if picture is not None:
            self._display(picture)
        else:
            thumb = self.model.thumbs.cache.get(file_id)
            self.canvas.show_placeholder(thumb, self.tr("Loading…"))
            self._update_status()
        if self.info_visible:
            self._load_info()

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) picture in the grid's order; stays at either end."""
        target = self.row + delta
        if 0 <= target < self.model.rowCount():
            self.show_row(target)

    def first(self) -> None:
        self.show_row(0)

    def last(self) -> None:
        self.show_row(self.model.rowCount() - 1)

    def neighbours(self) -> list[int]:
        """Rows to decode ahead: the one that comes next (in the slideshow's order when it runs),
        then the previous one."""
        n = self.model.rowCount()
        rows = [self.slideshow.next_row(self.row, n)] if self.slideshow.on else []
        rows += [self.row + 1, self.row - 1]
        out: list[int] = []
        for r in rows:
            if 0 <= r < n and r != self.row and r not in out:
                out.append(r)
        return out

    def _loaded(self, picture: Picture) -> None:
        if picture.file_id != self.file_id:
            return  # stepped on meanwhile; it waits in the cache
        if picture.level == WHOLE:
            shown = self.canvas.picture
            if shown is not None and shown.file_id == picture.file_id and not picture.error:
                self.canvas.set_picture(picture, keep_view=True)
                self.whole_shown.emit(picture.file_id)
            return
        self._display(picture)

    def _apply_blur(self) -> None:
        """Veil the picture while the grid would blur it (also while its rating is still read)."""
        hides = self.blur.hides(self.file_id) if self.blur is not None and self.file_id else False
        veil = self.tr("Blurred for its content rating: click to show") if hides is not False else ""
        if veil != self.canvas.veil:
            self.canvas.veil = veil
            self.canvas.update()

    def _reveal(self) -> None:
        if self.canvas.veil and self.blur is not None and self.file_id:
            self.blur.reveal(self.file_id)

    def _display(self, picture: Picture) -> None:
        self._apply_blur()
        self.canvas.set_picture(picture)
        if picture.error:
            self.error_shown.emit(picture.error)
        self._update_status()
        self.picture_shown.emit(picture.file_id)
        self._preload_neighbours()
        self.slideshow.wait()  # the next picture's time counts from now, when this one is on screen

    def _preload_neighbours(self) -> None:
        self.loader.preload(self.model.file_id(r) for r in self.neighbours())

    def _zoom_changed(self) -> None:
        """More pixels than the screen-sized copy has are needed: ask for the whole original; back
        at or below that copy's size, paint the copy (better downscaled than the original would be)."""
        shown = self.canvas.picture
        if shown is None or shown.error or not shown.frames:
            return
        file_id = shown.file_id
        fit = self.loader.cache.peek((file_id, FIT))
        if not shown.whole and self.canvas.zoom > shown.scale * 1.02:
            whole = self.loader.request(file_id, WHOLE)
            if whole is not None and not whole.error:
                self.canvas.set_picture(whole, keep_view=True)
                self.whole_shown.emit(file_id)
        elif shown.level == WHOLE and fit is not None and self.canvas.zoom <= fit.scale:
            self.canvas.set_picture(fit, keep_view=True)
        self._update_status()

    def _model_reset(self) -> None:
        """The grid's results changed under the viewer: find the shown file in them again."""
        self.slideshow.forget_order()
        if not self.isVisible() or self.file_id is None:
            return
        n = self.model.rowCount()
        if n == 0:
            self.close_viewer()
            return
        ids = self.model.ids()
        if not (0 <= self.row < n and int(ids[self.row]) == self.file_id):
            found = self.model.row_of(self.file_id)
            self.row = found if found is not None else min(self.row, n - 1)
        self._update_status()

    # -- slideshow -----------------------------------------------------------------------------------
    def toggle_slideshow(self) -> None:
        if self.slideshow.on:
            self.slideshow.stop()
        else:
            self.slideshow.start()
            self._preload_neighbours()  # the slideshow's next picture may not be the next row

    def ask_interval(self) -> None:
        seconds, ok = QInputDialog.getDouble(
            self,
            self.tr("Slideshow"),
            self.tr("Seconds per picture:"),
            self.slideshow.interval_s,
            MIN_INTERVAL_S,
            MAX_INTERVAL_S,
            1,
        )
        if ok:
            self.slideshow.set_interval(seconds)

    def _slideshow_next(self) -> None:
        if not self.slideshow.on or not self.isVisible():
            return
        # restarts the wait once the picture is on screen
        self.show_row(self.slideshow.advance(self.row, self.model.rowCount()))

    # -- view ----------------------------------------------------------------------------------------
    def toggle_full_screen(self) -> None:
        window = self.window()
        if self._restore_maximized is not None or window.isFullScreen():
            self._leave_full_screen()
        else:
            self._restore_maximized = window.isMaximized()
            window.showFullScreen()

    def _leave_full_screen(self) -> None:
        window = self.window()
        maximized, self._restore_maximized = self._restore_maximized, None
        if maximized:
            window.showMaximized()
        else:
            window.showNormal()

    def toggle_pause(self) -> None:
        self.canvas.set_paused(not self.canvas.paused)
        self._update_status()

    def toggle_info(self) -> None:
        self.info_visible = not self.info_visible
        self.settings.setValue(INFO_KEY, self.info_visible)
        if self.info_visible:
            self._load_info()
        else:
            self.info_label.dismiss()

    def _load_info(self) -> None:
        if self.file_id is not None:
            self.info_label.show_for(self.file_id)

    def flash(self, note: str) -> None:
        """A short note in the status line (copied, a program that would not start...)."""
        self._note = note
        if note:
            self._note_timer.start()
        self._update_status()

    def _update_status(self) -> None:
        self.status.setText(status_line(self))

    def _place_status(self) -> None:
        """The status line along the bottom, the picture above it (fit shows all of the picture)."""
        bar = self.status.sizeHint().height()
        self.status.setGeometry(0, self.height() - bar, self.width(), bar)
        self.canvas.setGeometry(0, 0, self.width(), max(1, self.height() - bar))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_status()
        self.info_label.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False

    # -- getting pictures out ------------------------------------------------------------------------
    def current_path(self) -> str | None:
        p = self.canvas.picture
        return p.path if p is not None and p.path else None

    def copy_image(self) -> None:
        """Ctrl+C: the whole picture's pixels (the frame on screen) and the file to the clipboard."""
        if self.file_id is None:
            return
        whole = self.loader.cache.peek((self.file_id, WHOLE))
        if whole is not None and whole.frames:
            frame = whole.frames[min(self.canvas.frame, len(whole.frames) - 1)]
            self.export.copy_image(self.file_id, image=frame, path=whole.path)
        else:
            self.export.copy_image(self.file_id)

    def drag_mime(self):
        path = self.current_path()
        return file_urls_mime([path] if path else [])

    def start_drag(self) -> None:
        """Drag the file shown out of the application (as a file URL)."""
        if self.current_path() is None:
            return
        drag = QDrag(self)
        drag.setMimeData(self.drag_mime())
        p = self.canvas.picture
        if p is not None and p.frames:
            image = p.frames[self.canvas.frame].scaled(
                160, 160, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
            )
            drag.setPixmap(QPixmap.fromImage(image))
        self._exec_drag(drag)

    def _exec_drag(self, drag: QDrag) -> None:  # tests replace this: exec() runs its own event loop
        drag.exec(Qt.DropAction.CopyAction)

    def add_menu_actions(self, menu: QMenu, row: int) -> None:
        """The grid context menu's entries for ``row``: view it, and the ways out."""
        file_id = self.model.file_id(row)
        view = menu.addAction(self.tr("View"), lambda: self.open_row(row))
        view.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.export.add_to_menu(menu, file_id, self.model.path(row), parent=self.window())

    # -- commands: keys and the menu ----------------------------------------------------------------
    def perform(self, command: Command, *, at_pointer: bool = False) -> None:
        """Carry out ``command`` (see :mod:`~acgdesk.gui.view.viewer_commands`); ``at_pointer``: a
        zoom keeps the point under the mouse still (keys), else the centre (the menu)."""
        if command in CURATION_COMMANDS:
            if self.mark_handler is not None:
                self.mark_handler(command)
            return
        anchor: Callable[[], QPointF | None] = self._pointer if at_pointer else lambda: None
        C = Command
        actions: dict[Command, Callable[[], object]] = {
            C.NEXT: lambda: self.step(1),
            C.PREVIOUS: lambda: self.step(-1),
            C.FIRST: self.first,
            C.LAST: self.last,
            C.ZOOM_IN: lambda: self.canvas.zoom_by(ZOOM_STEP, anchor()),
            C.ZOOM_OUT: lambda: self.canvas.zoom_by(1 / ZOOM_STEP, anchor()),
            C.FIT: self.canvas.zoom_fit,
            C.ACTUAL_SIZE: lambda: self.canvas.set_zoom(1.0, anchor()),
            C.ROTATE_CLOCKWISE: lambda: self.canvas.rotate(1),
            C.ROTATE_ANTICLOCKWISE: lambda: self.canvas.rotate(-1),
            C.FULL_SCREEN: self.toggle_full_screen,
            C.SLIDESHOW: self.toggle_slideshow,
            C.SHUFFLE: lambda: self.slideshow.set_shuffle(not self.slideshow.shuffle),
            C.SHORTER_INTERVAL: lambda: self.slideshow.set_interval(self.slideshow.interval_s - 1),
            C.LONGER_INTERVAL: lambda: self.slideshow.set_interval(self.slideshow.interval_s + 1),
            C.ASK_INTERVAL: self.ask_interval,
            C.PAUSE: self.toggle_pause,
            C.INFO: self.toggle_info,
            C.COPY: self.copy_image,
            C.OPEN_DEFAULT: lambda: self._open(with_program=False),
            C.OPEN_WITH: lambda: self._open(with_program=True),
            C.CLOSE: self.close_viewer,
        }
        actions[command]()

    def _open(self, *, with_program: bool) -> None:
        if self.file_id is None:
            return
        if with_program:
            self.export.open_with(self.file_id, self.current_path(), parent=self.window())
        else:
            self.export.open_default(self.file_id, self.current_path())

    def event(self, event: QEvent) -> bool:
        # While the viewer is up, its keys are its own: the main window's shortcuts (Ctrl+F, F5,
        # Ctrl+V) would act on widgets hidden under it.
        if event.type() == QEvent.Type.ShortcutOverride and self.isVisible():
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = command_for_key(event.key(), event.modifiers())
        if command is None:
            super().keyPressEvent(event)
            return
        self.perform(command, at_pointer=True)
        event.accept()

    def _pointer(self) -> QPointF | None:
        """Where the mouse is over the canvas (zooming keeps that point still), else None (centre)."""
        pos = self.canvas.mapFromGlobal(self.cursor().pos())
        return QPointF(pos) if self.canvas.rect().contains(pos) else None

    def contextMenuEvent(self, event) -> None:
        picture = self.canvas.picture
        ways_out = None
        if self.file_id is not None:
            file_id, path = self.file_id, self.current_path()

            def ways_out(menu: QMenu) -> None:
                self.export.add_to_menu(menu, file_id, path, copy=self.copy_image, parent=self.window())

        menu = ViewerMenu(
            self.perform,
            animated=picture is not None and picture.animated,
            paused=self.canvas.paused,
            slideshow_on=self.slideshow.on,
            shuffle=self.slideshow.shuffle,
            ways_out=ways_out,
            parent=self,
        )
        menu.exec(event.globalPos())
