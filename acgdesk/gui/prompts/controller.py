"""Wiring the prompt tools into the main window: the facets panel under the albums, the prompt row in
the detail panel, a Prompt sub-menu in the grid's context menu, statistics and export.

The window makes one :class:`PromptTools` and gives it the left column's splitter; everything else
is connected here, so the window's module stays small. Records are read on workers
(:mod:`acgdesk.prompts.service`); the GUI thread only formats text it already has.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QSplitter

from acgdesk.gui.core_errors import error_text
from acgdesk.gui.i18n import number
from acgdesk.gui.jobs import Job
from acgdesk.gui.prompts.facets_panel import FacetsPanel
from acgdesk.gui.prompts.prompt_bar import PromptBar
from acgdesk.prompts.terms import prompt_texts, search_terms, toggle_term

MESSAGE_MS = 5000


def tr(text: str) -> str:
    return QCoreApplication.translate("prompts", text)


class PromptTools(QObject):
    record_loaded = Signal(object)  # the detail file's record (None: none), after each file change
    copied = Signal(str)  # the text put on the clipboard
    export_finished = Signal(object, object)  # result, error

    def __init__(self, window, left: QSplitter) -> None:
        super().__init__(window)
        self.window = w = window
        self.backend = w.backend
        self.facets = FacetsPanel(w.backend, w.search.text, w)
        left.addWidget(self.facets)
        left.setSizes([250, 150, 400])
        w.results_shown.connect(lambda _n: self.facets.set_query(w.full_query()))
        self.facets.term_clicked.connect(self.toggle_term)
        self.facets.stats_requested.connect(lambda: self.show_stats())
        self.facets.export_requested.connect(lambda: self.export_dialog())
        self.bar = PromptBar(w.detail)
        w.detail.add_header_widget(self.bar)
        w.detail.file_changed.connect(self._file_changed)
        self.bar.copy_requested.connect(lambda kind: self.copy(kind))
        self.bar.search_requested.connect(lambda kind: self.search_same(kind))
        self.file_id: int | None = None
        self.record: Any = None
        self._seq = 0

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    # -- the detail file's record ------------------------------------------------------------------
    def _file_changed(self, file_id) -> None:
        from acgdesk.prompts.service import record_of

        self._seq += 1
        seq = self._seq
        self.file_id, self.record = file_id, None
        self.bar.hide()
        if file_id is None:
            return
        self.backend.read(lambda lib: record_of(lib, int(file_id)), lambda r, e: self._record(seq, r, e))

    def _record(self, seq: int, record, error) -> None:
        if seq != self._seq:
            return
        self.record = record if error is None else None
        if self.record is not None:
            texts, terms = prompt_texts(self.record), search_terms(self.record)
            self.bar.set_available(
                prompt=bool(texts["prompt"]),
                negative=bool(texts["negative"]),
                seed=terms["seed"] is not None,
                model=terms["model"] is not None,
            )
        self.record_loaded.emit(self.record)

    def _with_record(self, file_id: int | None, then) -> None:
        """``then(record)`` with the record of ``file_id`` (the shown one at once, others from a worker)."""
        from acgdesk.prompts.service import record_of

        if file_id is None:
            return
        if file_id == self.file_id and self.record is not None:
            then(self.record)
            return
        self.backend.read(lambda lib: record_of(lib, int(file_id)), lambda r, e: r is not None and then(r))

    # -- actions -----------------------------------------------------------------------------------
    def copy(self, kind: str, file_id: int | None = None) -> None:
        """Put the prompt, negative prompt or A1111 parameters on the clipboard."""

        def done(record: Any) -> None:
            text = prompt_texts(record)[kind]
            QGuiApplication.clipboard().setText(text)
            self.say(tr("Copied the parameters") if kind == "parameters" else tr("Copied"))
            self.copied.emit(text)

        self._with_record(file_id if file_id is not None else self.file_id, done)

    def search_same(self, kind: str, file_id: int | None = None) -> None:
        """Search for the images made with this file's prompt, seed or model."""

        def done(record: Any) -> None:
            term = search_terms(record)[kind]
            if term:
                self.window.curation.show_search(term)

        self._with_record(file_id if file_id is not None else self.file_id, done)

    def toggle_term(self, term: str) -> None:
        """A facet clicked: its term into the search bar's query, or out of it."""
        w = self.window
        w.search.set_text(toggle_term(w.search.text(), term))
        w.run_search()

    def scope(self) -> tuple[list[int], str]:
        """The selection when more than one image is selected, else every result."""
        w = self.window
        selected = w.selected_ids()
        if len(selected) > 1:
            return selected, tr("{n} selected images").format(n=number(len(selected)))
        ids = [int(i) for i in w.model.ids().tolist()]
        return ids, tr("{n} results").format(n=number(len(ids)))

    def show_stats(self, ids: Sequence[int] | None = None):
        from acgdesk.gui.prompts.stats_dialog import PromptStatsDialog

        wanted, scope = (list(ids), tr("{n} images").format(n=len(ids))) if ids is not None else self.scope()
        self.stats_dialog = PromptStatsDialog(self.backend, wanted, scope, self.window)
        self.stats_dialog.show()
        return self.stats_dialog

    def export_dialog(self) -> Job | None:
        ids, scope = self.scope()
        start = os.path.join(os.path.expanduser("~"), "prompts.txt")
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            tr("Export the prompts of {scope}").format(scope=scope),
            start,
            tr("Text, one block per image (*.txt);;JSON lines (*.jsonl)"),
        )
        if not path:
            return None
        fmt = "jsonl" if path.lower().endswith(".jsonl") or "jsonl" in chosen else "txt"
        return self.export(ids, path, fmt)

    def export(self, ids: Sequence[int], path: str, fmt: str = "txt") -> Job:
        """Write the prompts of ``ids`` to ``path`` as a job (progress and cancel in the jobs panel)."""
        from acgdesk.prompts.service import export_ids

        wanted = [int(i) for i in ids]
        job = Job("prompts", tr("Exporting {n} prompts").format(n=number(len(wanted))))

        def run(lib, job: Job):
            return export_ids(
                lib,
                wanted,
                path,
                fmt,
                progress=lambda done, total: job.report(done, total, force=done == total),
                cancelled=lambda: job.cancel_token.cancelled,
            )

        job.runner = run
        job.finished.connect(lambda result, error: self._exported(path, result, error))
        return self.window.start_job(job)

    def _exported(self, path: str, result, error) -> None:
        if error is not None:
            self.say(tr("Export failed: {e}").format(e=error_text(error)))
        elif result is not None:
            self.say(tr("{n} prompts written to {path}").format(n=result["written"], path=path))
        self.export_finished.emit(result, error)

    def add_to_context_menu(self, menu: QMenu, file_id: int) -> None:
        """The grid's menu: a Prompt sub-menu for the clicked image and the selection."""
        sub = menu.addMenu(tr("Prompt"))
        sub.addAction(tr("Copy prompt"), lambda: self.copy("prompt", file_id))
        sub.addAction(tr("Copy negative prompt"), lambda: self.copy("negative", file_id))
        sub.addAction(tr("Copy parameters (A1111)"), lambda: self.copy("parameters", file_id))
        sub.addSeparator()
        sub.addAction(tr("Search images with this prompt"), lambda: self.search_same("prompt", file_id))
        sub.addAction(tr("Search images with this seed"), lambda: self.search_same("seed", file_id))
        sub.addAction(tr("Search images with this model"), lambda: self.search_same("model", file_id))
        sub.addSeparator()
        sub.addAction(tr("Prompt statistics…"), lambda: self.show_stats())
        sub.addAction(tr("Export prompts…"), lambda: self.export_dialog())
