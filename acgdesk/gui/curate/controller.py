"""Wiring curation into the main window: marks keys and badges, the albums section, the Selection
and Edit menus, undo / redo and the history, the detail panel's marks row and the viewer's marks.

The window makes one :class:`Curation` after its widgets and calls :meth:`Curation.start` with
its own start; everything else is connected here, so the window's module stays small.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from acgdesk.gui.core_errors import error_text
from acgdesk.gui.curate.album_order import AlbumOrder
from acgdesk.gui.curate.albums_panel import TASTE_QUERY, AlbumsPanel, taste_summary
from acgdesk.gui.curate.batch_actions import BatchActions
from acgdesk.gui.curate.history_labels import action_text
from acgdesk.gui.curate.history_panel import UndoActions
from acgdesk.gui.curate.marks_bar import MarksBar
from acgdesk.gui.curate.marks_cache import MarkCache
from acgdesk.gui.curate.marks_keys import MARK_KEYS, Marker
from acgdesk.gui.curate.scope import Scope
from acgdesk.gui.jobs import Job
from acgdesk.gui.view.viewer_commands import MARK_OPS, Command

ADVANCE_KEY = "advance_after_mark"
MESSAGE_MS = 5000
# Marks changed, then this long without another change: the taste score learns again, quietly on
# the write thread (seconds at 100k images), so "What I'd like" follows the user's marking.
TASTE_DELAY_MS = 4000


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("curation", text, disambiguation, n)


def marks_text(mark) -> str:
    """Plain words for a file's marks: ``★★★☆☆  ♥  pick`` ('' for an unmarked file)."""
    if mark is None or mark.empty:
        return ""
    parts = ["★" * mark.stars + "☆" * (5 - mark.stars)] if mark.stars else []
    if mark.favourite:
        parts.append("♥")
    if mark.flag:
        parts.append(tr("pick") if mark.flag == "pick" else tr("rejected"))
    return "  ".join(parts)


class Curation(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = w = window
        backend = w.backend
        self.cache = MarkCache(backend, self)
        w.model.marks = self.cache
        w.grid.itemDelegate().marks = self.cache
        self.cache.changed.connect(lambda _ids: w.grid.viewport().update())
        self.marker = Marker(backend, self.cache, self)
        self.marker.marked.connect(self._marked)
        self.taste_timer = QTimer(self)
        self.taste_timer.setSingleShot(True)
        self.taste_timer.setInterval(TASTE_DELAY_MS)
        self.taste_timer.timeout.connect(self.relearn_taste)
        self._relearning = False
        self.marker.failed.connect(self.say)
        self.albums = AlbumsPanel(backend, self.act, w.full_query, w)
        self.albums.album_chosen.connect(self.show_search)
        self.albums.retrain_requested.connect(self.retrain_taste)
        self.album_order = AlbumOrder(self)  # dragging thumbnails within an album shown in order
        self.undo = UndoActions(backend, w)
        self.undo.finished.connect(self._undone)
        self.undo.failed.connect(self.say)
        self.batch = BatchActions(self)
        self.marks_bar = MarksBar(self.cache, w.detail)
        self.marks_bar.mark_requested.connect(lambda file_id, op: self.mark_files([file_id], op))
        w.detail.add_header_widget(self.marks_bar)
        w.detail.file_changed.connect(self.marks_bar.set_file)
        viewer = w.viewer
        viewer.mark_handler = self.viewer_command
        viewer.mark_text = lambda file_id: marks_text(self.cache.get(file_id))
        viewer.info_label.marks_html = lambda file_id: html.escape(marks_text(self.cache.get(file_id)))
        self.cache.changed.connect(self._viewer_marks)
        w.watching.files_changed.connect(self.albums.reload)  # counts of albums holding them
        backend.folders_changed.connect(self.albums.reload)
        self._grid_keys()

    def start(self) -> None:
        self.albums.reload()
        self.undo.refresh()

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    # -- menus and keys ------------------------------------------------------------------------------
    def install_menus(self, toolbar) -> None:
        """File, Edit and Selection menus, and a Selection button on ``toolbar``."""
        w = self.window
        bar = w.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        for a in (w.add_action, w.refresh_action, None, w.settings_action, None):
            if a is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(a)
        quit_action = file_menu.addAction(tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(w.close)
        edit = bar.addMenu(tr("&Edit"))
        edit.addAction(self.undo.undo_action)
        edit.addAction(self.undo.redo_action)
        edit.addAction(self.undo.history_action)
        edit.addSeparator()
        w.select_all_action = self._grid_action(tr("Select all"), QKeySequence.StandardKey.SelectAll)
        w.select_all_action.triggered.connect(w.grid.selectAll)
        w.select_none_action = self._grid_action(tr("Select none"), QKeySequence("Ctrl+Shift+A"))
        w.select_none_action.triggered.connect(w.grid.clearSelection)
        edit.addAction(w.select_all_action)
        edit.addAction(w.select_none_action)
        edit.addSeparator()
        self.advance_action = QAction(tr("After marking, go to the next image"), w)
        self.advance_action.setCheckable(True)
        self.advance_action.setChecked(bool(w.prefs.get(ADVANCE_KEY)))
        self.advance_action.toggled.connect(lambda on: w.prefs.set(ADVANCE_KEY, on))
        edit.addAction(self.advance_action)
        self.selection_menu = bar.addMenu(tr("&Selection"))
        self.selection_menu.aboutToShow.connect(lambda: self.batch.fill_selection_menu(self.selection_menu))
        button = QToolButton(toolbar)
        button.setText(tr("Selection"))
        button.setObjectName("selectionButton")
        button.setToolTip(tr("Mark, tag, add to an album, export, move, copy or trash the selection"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(self.selection_menu)
        toolbar.addSeparator()
        toolbar.addWidget(button)
        self.selection_button = button

    def _grid_action(self, text: str, keys) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.window.grid.addAction(action)
        return action

    def _grid_keys(self) -> None:
        self.key_actions: dict[str, QAction] = {}
        for key, op in MARK_KEYS.items():
            action = self._grid_action(op, QKeySequence(key))
            if op.startswith("stars:"):  # the number pad's digits too
                action.setShortcuts(
                    [QKeySequence(key), QKeySequence(Qt.KeyboardModifier.KeypadModifier | key)]
                )
            action.triggered.connect(lambda _=False, op=op: self.mark_selection(op))
            self.key_actions[op] = action

    def add_to_context_menu(self, menu: QMenu) -> None:
        self.batch.add_to_context_menu(menu)

    # -- marking -------------------------------------------------------------------------------------
    def advancing(self) -> bool:
        return bool(self.window.prefs.get(ADVANCE_KEY))

    def mark_selection(self, op: str) -> None:
        """A marking key in the grid: the selection; then the next item, when culling one by one."""
        w = self.window
        scope = self.batch.selection_scope()
        if scope is None:
            self.say(tr("Select images to mark"))
            return
        self.marker.apply(scope, op)
        current = w.grid.currentIndex()
        if self.advancing() and scope.count == 1 and current.isValid():
            w.grid.select_row(current.row() + 1)

    def mark_files(self, ids: list[int], op: str) -> None:
        self.marker.apply(Scope.of_ids(ids, tr("1 image")), op)

    def viewer_command(self, command: Command) -> None:
        viewer = self.window.viewer
        if command == Command.UNDO:
            self.undo.undo()
        elif command == Command.REDO:
            self.undo.redo()
        elif command in MARK_OPS and viewer.file_id is not None:
            self.mark_files([viewer.file_id], MARK_OPS[command])
            if self.advancing():
                viewer.step(1)

    def _marked(self, done, ids: list[int]) -> None:
        if done is None:
            return
        what = action_text(done)
        self.say(what if done.changed else tr("Nothing changed: {what}").format(what=what))
        if done.changed:
            self.undo.refresh()
            self.taste_timer.start()

    def relearn_taste(self) -> None:
        """The taste score learns from the marks as they are now (after marking stopped a moment)."""
        if self._relearning:
            self.taste_timer.start()  # one at a time: try again after this one
            return
        self._relearning = True
        self.window.backend.write(lambda lib: lib.retrain_taste(), self._relearnt)

    def _relearnt(self, result, error) -> None:
        self._relearning = False
        if error is None:
            self.albums.reload()  # the "What I'd like" line says what it learnt
            if self.window.shown_query == TASTE_QUERY:
                self.window.run_search(keep_position=True)

    def _viewer_marks(self, ids: list[int]) -> None:
        viewer = self.window.viewer
        if viewer.isVisible() and viewer.file_id is not None and (not ids or viewer.file_id in ids):
            viewer._update_status()
            viewer.info_label.refresh()

    # -- any other curation write ---------------------------------------------------------------------
    def act(
        self,
        fn: Callable[[Any], Any] | None,
        *,
        changed: bool = False,
        albums: bool = True,
        message: str | None = None,
    ) -> None:
        """Run ``fn(lib) -> Done`` on the write thread; then say what was done, refresh the history
        and (``albums``) the albums section and an album the grid shows."""
        if fn is None:
            self.say(message or "")
            return
        self.window.backend.write(fn, lambda done, error: self._acted(done, error, albums), changed=changed)

    def _acted(self, done, error, albums: bool) -> None:
        if error is not None:
            self.say(tr("Could not do that: {e}").format(e=error_text(error)))
            return
        if done is not None and hasattr(done, "label"):
            self.say(action_text(done))
            if getattr(done, "changed", 0):
                self.taste_timer.start()
        self.undo.refresh()
        if albums:
            self.albums.reload()
            if "album:" in self.window.shown_query:
                self.window.run_search(keep_position=True)

    def _undone(self, action, redo: bool) -> None:
        if action is None:
            self.say(tr("Nothing to redo") if redo else tr("Nothing to undo"))
            return
        self.say((tr("Redone: {what}") if redo else tr("Undone: {what}")).format(what=action_text(action)))
        self.refresh_all()
        if action.kind == "marks":
            self.taste_timer.start()

    def refresh_all(self) -> None:
        """Anything may have changed (undo, redo, files moved): marks, albums, folders, results."""
        w = self.window
        self.cache.forget()
        self.albums.reload()
        w.sidebar.reload()
        w.run_search(keep_position=True)

    def job_done(self, job: Job, result, error, *, files: bool) -> None:
        if error is not None:
            self.say(tr("{what} failed: {e}").format(what=job.title, e=error_text(error)))
        elif job.cancel_token.cancelled:
            self.say(tr("{what}: cancelled").format(what=job.title))
        elif hasattr(result, "label"):
            self.say(action_text(result))
        elif hasattr(result, "written"):  # a sidecar export report
            self.say(
                tr(
                    "%Ln sidecar(s) written, {old} already there, {none} without tags, {bad} failed",
                    "",
                    len(result.written),
                ).format(
                    old=len(result.skipped_existing),
                    none=len(result.skipped_no_tags),
                    bad=len(result.refused) + len(result.errors),
                )
            )
        self.undo.refresh()
        if files:
            self.refresh_all()

    # -- searching for albums and taste ---------------------------------------------------------------
    def show_search(self, query: str) -> None:
        """An album (or "What I'd like") in the grid: its query in the search bar, over all folders."""
        w = self.window
        w.search.set_text(query)
        if w.folder:
            w.sidebar.select_path("")  # its folder_selected runs the search
        else:
            w.run_search()

    def retrain_taste(self) -> None:
        from acgdesk.library import Library

        if not callable(getattr(Library, "retrain_taste", None)):
            self.say(tr("Learning your taste needs a newer library core"))
            return
        job = Job("taste", tr("Learning your taste from your marks"))
        job.runner = lambda lib, job: lib.retrain_taste()
        job.finished.connect(lambda result, error: self._taste_done(result, error))
        self.window.start_job(job)

    def _taste_done(self, result, error) -> None:
        if error is not None:
            self.say(tr("Could not learn your taste: {e}").format(e=error_text(error)))
        else:
            self.say(tr("Taste: {what}").format(what=taste_summary(result) or tr("learnt again")))
        self.albums.reload()
        if self.window.shown_query == TASTE_QUERY:
            self.window.run_search(keep_position=True)
