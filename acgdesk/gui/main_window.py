"""The main window: folders and albums | thumbnail grid | details, with the search bar above and
jobs below; marks, albums, batch actions and undo are wired in by :mod:`acgdesk.gui.curate`.

The window only wires widgets together; every piece of data comes through :class:`LibraryBackend`
(the :class:`~acgdesk.library.Library` facade on worker threads).
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.blur import BlurState
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.curate.controller import Curation
from acgdesk.gui.curate.scope import selected_ids
from acgdesk.gui.delegate import ThumbDelegate
from acgdesk.gui.detail_panel import DetailPanel
from acgdesk.gui.filter_bar import FilterBar
from acgdesk.gui.grid_model import ResultsModel
from acgdesk.gui.grid_view import ThumbGrid
from acgdesk.gui.i18n import number
from acgdesk.gui.jobs import Job, JobsModel, JobsPanel, index_job, show_job_state
from acgdesk.gui.prefs import Prefs
from acgdesk.gui.prompts.controller import PromptTools
from acgdesk.gui.resources import icon
from acgdesk.gui.search_bar import SearchBar
from acgdesk.gui.sidebar import Sidebar
from acgdesk.gui.thumbs import ThumbnailLoader
from acgdesk.gui.upscale import UpscaleController
from acgdesk.gui.view.viewer import Viewer
from acgdesk.gui.watching import WatchController
from acgdesk.gui.window_similar import SimilarAndUpscale
from acgdesk.search.query import QuerySyntaxError, parse

REFRESH_WHILE_INDEXING_MS = 2000
# Free words rank by meaning; the grid shows the best this many (filters alone list every match).
RANKED_LIMIT = 2000
FIRST_PAGE_ROWS = 1000


def fetch_results(lib, text: str, ranked: bool) -> tuple[np.ndarray, str]:
    """Worker thread: the ids to show for ``text`` and a note for the status bar.

    Without free words, every match in the query's order (one SQL query, however many); with free
    words, the best ``RANKED_LIMIT`` by meaning (``Library.search``)."""
    if not ranked:
        return np.asarray(lib.query_ids(text), dtype=np.int64), ""
    results = lib.search(text, limit=RANKED_LIMIT)
    ids = np.asarray([h.file_id for h in results.hits], dtype=np.int64)
    note = QCoreApplication.translate("MainWindow", "ranked by {method}").format(method=results.method)
    if results.matched is not None and results.matched > len(ids):
        note += QCoreApplication.translate("MainWindow", ", best {n} of {total}").format(
            n=number(len(ids)), total=number(results.matched)
        )
    return ids, "; ".join([note, *results.notes])


def quote(path: str) -> str:
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'


class MainWindow(SimilarAndUpscale, QMainWindow):
    results_shown = Signal(int)  # number of results after each search
    first_page_shown = Signal(int)  # rows of a search's first page, shown before the whole list

    def __init__(
        self,
        backend: LibraryBackend,
        prefs: Prefs | None = None,
        *,
        run_models: bool = True,
        watch: bool = False,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.prefs = prefs or Prefs()
        self.run_models = run_models
        self.setWindowTitle("acgdesk")
        self.setWindowIcon(icon("acgdesk"))
        self.resize(1400, 900)
        self.setAcceptDrops(True)

        cell = self.prefs.get("thumb_size")
        self.thumbs = ThumbnailLoader(backend, size=cell - 8)
        self.model = ResultsModel(self.thumbs, self)
        self.grid = ThumbGrid(self, cell=cell)
        self.grid.setObjectName("grid")
        self.grid.setModel(self.model)
        self.blur = BlurState(backend, self.prefs, self)  # thumbnails rated at or above the setting
        self.grid.setItemDelegate(ThumbDelegate(self.model, self.grid, blur=self.blur))
        self.grid.set_ratio_source(lambda ids, done: backend.read(lambda lib: lib.aspect_ratios(ids), done))
        self.grid.set_layout_mode(self.prefs.get("grid_layout"))
        self.thumbs.set_size(self.grid.thumb_size())
        self.grid.layout_changed.connect(self._grid_layout_changed)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._grid_menu)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.grid.cell_size_changed.connect(self._cell_size_changed)
        self.viewer = Viewer(backend, self.model, self.grid, self.prefs, self, blur=self.blur)  # Enter
        self.grid.activated.connect(lambda index: self.viewer.open_row(index.row()))

        self.search = SearchBar(backend, self)
        self.filters = FilterBar(self, thumb_size=cell, grid_layout=self.grid.layout_mode)
        self.sidebar = Sidebar(backend, self)
        self.detail = DetailPanel(backend, self, blur=self.blur)
        self.jobs = JobsModel(self)
        self.jobs_panel = JobsPanel(self.jobs, self)
        self.upscales = UpscaleController(backend, self.jobs, self)
        self.upscales.output_ready.connect(self._upscaled)
        self.watch_enabled = watch
        self.watching = WatchController(
            backend, self.jobs, load_models=self._model_loader() if run_models else None, parent=self
        )
        self.watching.files_changed.connect(self._watched_files_changed)
        self.watching.folders_changed.connect(self.sidebar.reload)
        self.backend.folders_changed.connect(self.watching.restart)  # a folder was removed
        self.folder: str | None = None
        self.curation = Curation(self)  # marks, albums, batch actions, undo (acgdesk.gui.curate)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(6, 6, 6, 0)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.filters)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.sidebar)
        left.addWidget(self.curation.albums)
        left.setSizes([480, 320])
        splitter.addWidget(left)
        splitter.addWidget(self.grid)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 800, 360])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        dock = QDockWidget(self.tr("Jobs"), self)
        dock.setObjectName("jobsDock")
        dock.setWidget(self.jobs_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        self.jobs_dock = dock

        self.count_label = QLabel(self)
        self.job_label = QLabel(self)
        self.job_bar = QProgressBar(self)
        self.job_bar.setMaximumWidth(180)
        self.job_bar.setMaximumHeight(14)
        self.job_bar.setTextVisible(False)
        self.job_bar.hide()
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.job_label)
        self.statusBar().addPermanentWidget(self.job_bar)

        self._make_actions()
        self.prompt_tools = PromptTools(self, left)  # facets panel, prompt row, statistics, export
        self.search.search_requested.connect(lambda _t: self.run_search())
        self.filters.changed.connect(self.run_search)
        self.filters.thumb_size_changed.connect(self.grid.set_cell_size)
        self.filters.layout_changed.connect(self.grid.set_layout_mode)
        self.sidebar.folder_selected.connect(self._folder_selected)
        self.sidebar.add_requested.connect(self.add_folders)
        self.detail.similar_requested.connect(self.find_similar_to_file)
        self.detail.upscale_requested.connect(lambda file_id: self.upscale_files([file_id]))
        self.jobs.job_changed.connect(self._job_changed)
        self.backend.library_changed.connect(self.detail.reload)
        self._search_seq = 0
        self._partial = (0, 0)  # (search, rows) whose first page is on screen, waiting for the rest
        self._shown_query = ""
        self._refresh_timer = QTimer(self, interval=REFRESH_WHILE_INDEXING_MS)
        self._refresh_timer.timeout.connect(lambda: self.run_search(keep_position=True))

    # -- actions -------------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        bar = self.addToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_action = QAction(icon("folder-add"), self.tr("Add folder…"), self)
        self.add_action.triggered.connect(self.sidebar._choose_folder)
        self.refresh_action = QAction(icon("refresh"), self.tr("Update library"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(lambda: self.add_folders(None))
        self.duplicates_action = QAction(icon("duplicates"), self.tr("Duplicates…"), self)
        self.duplicates_action.triggered.connect(self.open_duplicates)
        self.jobs_action = QAction(icon("jobs"), self.tr("Jobs"), self)
        self.jobs_action.triggered.connect(lambda: self.jobs_dock.setVisible(not self.jobs_dock.isVisible()))
        self.models_action = QAction(icon("models"), self.tr("Models…"), self)
        self.models_action.triggered.connect(self.open_models)
        self.settings_action = QAction(icon("settings"), self.tr("Settings…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.focus_search = QAction(self.tr("Search"), self)
        self.focus_search.setShortcut(QKeySequence.StandardKey.Find)
        self.focus_search.triggered.connect(lambda: self.search.edit.setFocus())
        self.addAction(self.focus_search)
        self.paste_action = QAction(icon("paste"), self.tr("Find similar to the clipboard image"), self)
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        # the search bar and the tag editor keep Ctrl+V for text: the shortcut works in the window
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_action.triggered.connect(self.paste)
        self.grid.addAction(self.paste_action)
        self.compare_action = QAction(icon("compare"), self.tr("Compare"), self)
        self.compare_action.setShortcut(QKeySequence("C"))
        self.compare_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.compare_action.triggered.connect(lambda: self.compare_files())
        self.grid.addAction(self.compare_action)
        for a in (
            self.add_action,
            self.refresh_action,
            None,
            self.duplicates_action,
            self.models_action,
            self.settings_action,
            self.jobs_action,
        ):
            if a is None:
                bar.addSeparator()
            else:
                bar.addAction(a)
        self.curation.install_menus(bar)

    def open_models(self) -> None:
        from acgdesk.gui.models_dialog import ModelsDialog

        ModelsDialog(self.backend, self.jobs, self.start_job, self, device=self.prefs.get("device")).exec()

    def open_duplicates(self, *, confirm=None):
        """The duplicates view over the files the current filters match."""
        from acgdesk.gui.duplicates import DuplicatesDialog

        dialog = DuplicatesDialog(self.backend, self.filter_query(), self, confirm=confirm)
        dialog.trashed.connect(lambda paths: self._files_trashed(dialog, paths))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.duplicates_dialog = dialog
        dialog.show()
        return dialog

    def _files_trashed(self, dialog, paths: list[str]) -> None:
        """Files went to the trash: update their folders (they become missing), then the views."""
        folders = sorted({os.path.dirname(p) for p in paths})
        if not folders:
            return
        job = self.add_folders(folders)
        job.finished.connect(lambda _r, _e: dialog.reload())

    def open_settings(self) -> None:
        from acgdesk.gui.settings_dialog import SettingsDialog

        SettingsDialog(self.backend, self.prefs, self).exec()

    # -- startup -------------------------------------------------------------------------------------
    def start(self) -> None:
        """Load folders and the first page of results (called once the window is shown)."""
        self.sidebar.reload()
        self.curation.start()
        self.run_search()
        if self.watch_enabled:
            self.watching.start()

    def _watched_files_changed(self) -> None:
        self.sidebar.reload()
        self.run_search(keep_position=True)

    # -- search --------------------------------------------------------------------------------------
    def full_query(self) -> str:
        parts = [self.search.text().strip()]
        if self.folder:
            parts.append("folder:" + quote(self.folder))
        parts.append(self.filters.terms())
        return " ".join(p for p in parts if p)

    @property
    def shown_query(self) -> str:
        """The query of the results on screen ("similar:<name>" after a search by image)."""
        return self._shown_query

    def run_search(self, *, keep_position: bool = False) -> None:
        text = self.full_query()
        try:
            parsed = parse(text)
        except QuerySyntaxError as exc:
            if self.search.check() is None:  # the mistake is in a filter control's term
                self.count_label.setText(error_text(exc))
            return
        self._search_seq += 1
        seq = self._search_seq
        if not keep_position:
            self.blur.reset_revealed()  # images shown by a click are blurred again in a new search
        ranked = bool(parsed.free_text)
        if not ranked and not parsed.sort and not keep_position:
            # The default order has an index: its first page comes in a millisecond at any size,
            # and is shown while the whole list is read.
            self.backend.call(
                self.backend.searches,
                lambda lib: (np.asarray(lib.query_ids(text, limit=FIRST_PAGE_ROWS), dtype=np.int64), ""),
                lambda result, error: self._show_first_page(seq, result, error),
            )
        self.backend.call(
            self.backend.searches,
            lambda lib: fetch_results(lib, text, ranked),
            lambda result, error: self._show_results(seq, text, result, error, keep_position),
        )

    def _show_first_page(self, seq: int, result, error) -> None:
        if seq != self._search_seq or error is not None:
            return
        ids, _note = result
        self._partial = (seq, len(ids))
        self.model.set_ids(ids)
        more = "+" if len(ids) >= FIRST_PAGE_ROWS else ""
        self.count_label.setText(self.tr("%Ln{more} images…", "", len(ids)).format(more=more))
        self.first_page_shown.emit(len(ids))

    def _show_results(self, seq, text, result, error, keep_position) -> None:
        if seq != self._search_seq:
            return
        partial_seq, partial_rows = self._partial
        if partial_seq == seq and error is None:
            # The whole list after its first page: same order, so the row under the cursor and the
            # scroll position stay as they are.
            self._partial = (0, 0)
            current = self.grid.currentIndex()
            row = current.row() if current.isValid() and current.row() < partial_rows else None
            scroll = self.grid.verticalScrollBar().value()
            self.model.set_ids(result[0])
            self.grid.updateGeometries()
            self.grid.verticalScrollBar().setValue(scroll)
            if row is not None:
                self.grid.selectionModel().setCurrentIndex(
                    self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            self._shown_query = text
            self.last_note = result[1]
            self.count_label.setText(self.tr("%Ln images", "", len(result[0])))
            self.results_shown.emit(len(result[0]))
            return
        if error is not None:
            if isinstance(error, QuerySyntaxError):
                self.search.show_error(error)
            self.count_label.setText(self.tr("Search failed: {e}").format(e=error_text(error)))
            return
        ids, note = result
        if keep_position and text == self._shown_query and np.array_equal(ids, self.model.ids()):
            return
        current = self.grid.currentIndex()
        current_id = self.model.file_id(current.row()) if current.isValid() else None
        scroll = self.grid.verticalScrollBar().value()
        self.model.set_ids(ids)
        self._shown_query = text
        if keep_position:
            self.grid.updateGeometries()
            self.grid.verticalScrollBar().setValue(scroll)
            row = self.model.row_of(current_id) if current_id is not None and len(ids) < 200_000 else None
            if row is not None:
                self.grid.selectionModel().setCurrentIndex(
                    self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
        self.last_note = note
        self.count_label.setText(self.tr("%Ln images", "", len(ids)) + (f"  ({note})" if note else ""))
        self.results_shown.emit(len(ids))

    def _folder_selected(self, path: str | None) -> None:
        self.folder = path
        self.run_search()

    def _grid_layout_changed(self, mode: str) -> None:
        self.prefs.set("grid_layout", mode)
        self.thumbs.set_size(self.grid.thumb_size())
        self.filters.set_layout(mode)

    def _cell_size_changed(self, cell: int) -> None:
        self.thumbs.set_size(self.grid.thumb_size())
        self.prefs.set("thumb_size", cell)
        if self.filters.size_slider.value() != cell:
            self.filters.size_slider.blockSignals(True)
            self.filters.size_slider.setValue(cell)
            self.filters.size_slider.blockSignals(False)

    # -- selection -----------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail.show_file(self.model.file_id(current.row()))
        else:
            self.detail.clear()

    def selected_ids(self) -> list[int]:
        """In result order, from the selection's ranges (never a million index objects after Ctrl+A)."""
        return [int(i) for i in selected_ids(self.grid.selectionModel(), self.model).tolist()]

    def compare_files(self, file_ids: list[int] | None = None):
        """2-4 images side by side (default: the selection, in grid order); see acgdesk.gui.view.compare."""
        from acgdesk.gui.view.compare import MAX_PANES, open_compare

        ids = file_ids if file_ids is not None else self.selected_ids()
        if not 2 <= len(ids) <= MAX_PANES:
            self.count_label.setText(self.tr("Select two to four images to compare"))
            return None
        self.compare_view = open_compare(self.backend, ids, self)
        return self.compare_view

    def _grid_menu(self, pos) -> None:
        index = self.grid.indexAt(pos)
        if not index.isValid():
            return
        if not self.grid.selectionModel().isSelected(index):
            self.grid.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        menu = QMenu(self)
        file_id = self.model.file_id(index.row())
        self.viewer.add_menu_actions(menu, index.row())  # View, open with…, copy image
        menu.addSeparator()
        menu.addAction(icon("similar"), self.tr("Find similar"), lambda: self.find_similar_to_file(file_id))
        menu.addAction(icon("upscale"), self.tr("Upscale…"), lambda: self.upscale_files(self.selected_ids()))
        if 2 <= len(self.selected_ids()) <= 4:
            menu.addAction(self.compare_action)
        menu.addSeparator()
        menu.addAction(icon("open-folder"), self.tr("Show in file manager"), self.detail.open_in_file_manager)
        menu.addAction(icon("copy"), self.tr("Copy path"), self.detail.copy_path)
        self.prompt_tools.add_to_context_menu(menu, file_id)
        self.curation.add_to_context_menu(menu)
        menu.exec(self.grid.viewport().mapToGlobal(pos))

    # -- jobs ----------------------------------------------------------------------------------------
    def start_job(self, job: Job) -> Job:
        self.jobs.add(job)
        job.start(self.backend, job.runner)
        return job

    def add_folders(self, paths: list[str] | None) -> Job:
        """Add folders (None: every library folder) and index them; the grid fills in as files land."""
        load = self._model_loader() if self.run_models else None
        job = self.start_job(index_job(self.backend, paths, load_models=load))
        job.finished.connect(lambda _r, _e: self._index_finished(bool(paths)))
        self._refresh_timer.start()
        QTimer.singleShot(300, self.sidebar.reload)
        return job

    def _model_loader(self):
        device = self.prefs.get("device")

        def load(lib):
            from acgdesk.models.devices import RuntimePrefs

            return lib.load_models(prefs=RuntimePrefs(device=device), skip_missing=True)

        return load

    def _index_finished(self, folders_added: bool) -> None:
        if not any(j.kind == "index" for j in self.jobs.active()):
            self._refresh_timer.stop()
        if folders_added:
            self.watching.restart()  # a watcher covers the folders it was made with
        self.sidebar.reload()
        self.run_search(keep_position=True)

    def _job_changed(self, job: Job) -> None:
        show_job_state(self.jobs, self.job_label, self.job_bar, job)

    # -- shutdown ------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self.watching.stop(wait=True)
        self.jobs.cancel_all()
        self.upscales.close()
        self._refresh_timer.stop()
        self.thumbs.shutdown()
        self.blur.shutdown()
        self.detail.preview_runner.clear()
        self.detail.preview_runner.wait(5000)
        self.viewer.shutdown()
        self.backend.close()
        super().closeEvent(event)
