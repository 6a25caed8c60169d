"""Batch actions on the selection or on every result: marks, tags, albums, sidecars, move, copy,
trash; the Selection menu (menu bar, toolbar) and the grid's context menu entries.

Why each batch is one backend call: ten thousand files are one ``Library.curate`` call on a worker
(one transaction, one history entry), never ten thousand calls, so the window stays responsive and
one Ctrl+Z takes the whole batch back. Actions that change files on disk (move, copy, trash) first
show every file they would touch and ask; they and the sidecar export run as jobs in the jobs panel,
with progress and cancel.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMenu

from acgdesk.gui.core_errors import error_text
from acgdesk.gui.curate.marks_keys import op_label
from acgdesk.gui.curate.scope import Scope, results_scope, selected_ids
from acgdesk.gui.curate.tags_dialog import TagsDialog
from acgdesk.gui.curate.transfer_dialog import ExportDialog, plan_items, transfer_dialog, trash_dialog
from acgdesk.gui.i18n import number
from acgdesk.gui.jobs import Job

if TYPE_CHECKING:
    from acgdesk.gui.curate.controller import Curation

Confirm = Callable[[QDialog], bool]  # shows a confirmation dialog; True to go ahead (tests answer)


def tr(text: str) -> str:
    return QCoreApplication.translate("batch", text)


def curator_has(name: str) -> bool:
    """Whether this core's Curator has ``name`` (file operations arrive in a later core)."""
    from acgdesk.curate.actions import Curator

    return callable(getattr(Curator, name, None))


def _ask(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def progress_for(job: Job) -> Callable[..., None]:
    """A ``progress`` callback for the core's file operations: ``(done, total[, detail])`` or one
    object with ``done``, ``total`` (and ``eta``, ``current``) attributes."""

    def progress(*args: Any, **kwargs: Any) -> None:
        if len(args) >= 2 and all(isinstance(a, int) for a in args[:2]):
            job.report(args[0], args[1], detail=str(args[2]) if len(args) > 2 else "")
        elif args:
            p = args[0]
            done, total = int(getattr(p, "done", 0) or 0), int(getattr(p, "total", 0) or 0)
            eta, detail = getattr(p, "eta", None), str(getattr(p, "current", "") or "")
            job.report(done, total, eta, detail, force=done >= total > 0)
        elif "done" in kwargs:
            job.report(int(kwargs["done"]), int(kwargs.get("total", 0)))

    return progress


def run_file_op(fn: Callable[..., Any], *args: Any, job: Job) -> Any:
    """Call a core file operation with the job's progress and cancel switch, under whichever name
    the core takes the switch (``cancelled``: a callable; ``cancel``: a token)."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        params = {}
    kwargs: dict[str, Any] = {"progress": progress_for(job)}
    if "cancelled" in params:
        kwargs["cancelled"] = lambda: job.cancel_token.cancelled
    elif "cancel" in params:
        kwargs["cancel"] = job.cancel_token
    return fn(*args, **kwargs)


def file_paths(lib: Any, ids: list[int]) -> list[str]:
    """Worker thread: the files' paths, in ``ids`` order (a few queries for any number)."""
    refs = lib.thumbnail_refs(ids)
    return [refs[i][0] for i in ids if i in refs]


class BatchActions(QObject):
    def __init__(self, curation: Curation) -> None:
        super().__init__(curation)
        self.c = curation
        self.window = curation.window
        self.confirm: Confirm = _ask

    # -- what to act on ------------------------------------------------------------------------------
    def selection_scope(self) -> Scope | None:
        w = self.window
        ids = selected_ids(w.grid.selectionModel(), w.model)
        if not len(ids):
            return None
        label = tr("{n} selected").format(n=number(len(ids))) if len(ids) > 1 else tr("1 image")
        return Scope.of_ids(ids, label)

    def results_scope(self) -> Scope | None:
        w = self.window
        n = w.model.rowCount()
        if not n:
            return None
        return results_scope(w.model, w.shown_query, tr("all {n} results").format(n=number(n)))

    # -- menus ---------------------------------------------------------------------------------------
    def fill(self, menu: QMenu, scope: Scope) -> None:
        """The batch entries for ``scope`` (the selection, or every result)."""
        stars = menu.addMenu(tr("Stars"))
        for n in range(6):
            key = "" if scope.all_results else f"\t{n}"
            stars.addAction(op_label(f"stars:{n}") + key, lambda n=n: self.mark(scope, f"stars:{n}"))
        keys = not scope.all_results
        menu.addAction(tr("Favourite") + ("\tF" if keys else ""), lambda: self.mark(scope, "favourite:on"))
        menu.addAction(tr("Not a favourite"), lambda: self.mark(scope, "favourite:off"))
        flags = menu.addMenu(tr("Flag"))
        flags.addAction(tr("Pick") + ("\tP" if keys else ""), lambda: self.mark(scope, "flag:pick"))
        flags.addAction(tr("Reject") + ("\tX" if keys else ""), lambda: self.mark(scope, "flag:reject"))
        flags.addAction(tr("No flag"), lambda: self.mark(scope, "flag:none"))
        menu.addSeparator()
        menu.addAction(tr("Edit tags…"), lambda: self.edit_tags(scope))
        into = menu.addMenu(tr("Add to album"))
        manual = self.c.albums.manual_albums()
        for a in manual:
            into.addAction(a.name, lambda name=a.name: self.add_to_album(scope, name))
        if manual:
            into.addSeparator()
        into.addAction(tr("New album…"), lambda: self.new_album_with(scope))
        if manual:
            out = menu.addMenu(tr("Remove from album"))
            for a in manual:
                out.addAction(a.name, lambda name=a.name: self.remove_from_album(scope, name))
        menu.addSeparator()
        menu.addAction(tr("Export sidecars…"), lambda: self.export_sidecars(scope))
        for text, mode in ((tr("Copy to folder…"), "copy"), (tr("Move to folder…"), "move")):
            entry = menu.addAction(text, lambda mode=mode: self.transfer(scope, mode))
            self._needs(entry, "plan_transfer", "transfer")
        entry = menu.addAction(tr("Move to trash…"), lambda: self.trash(scope))
        self._needs(entry, "trash")
        menu.addSeparator()
        menu.addAction(tr("Export training set…"), lambda: self.export_training_set(scope))

    @staticmethod
    def _needs(entry, *names: str) -> None:
        if not all(curator_has(n) for n in names):
            entry.setEnabled(False)
            entry.setToolTip(tr("Not available in this version of the library core"))

    def fill_selection_menu(self, menu: QMenu) -> None:
        """The Selection menu (menu bar and toolbar), made anew each time it opens."""
        for submenu in menu.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            submenu.deleteLater()  # last time's (clear() drops their entries, not the menus)
        menu.clear()
        w = self.window
        menu.addAction(w.select_all_action)
        menu.addAction(w.select_none_action)
        menu.addSeparator()
        scope = self.selection_scope()
        if scope is not None:
            menu.addSection(scope.label)
            self.fill(menu, scope)
        else:
            menu.addAction(tr("Nothing selected")).setEnabled(False)
        self._results_entries(menu)

    def add_to_context_menu(self, menu: QMenu) -> None:
        scope = self.selection_scope()
        if scope is None:
            return
        menu.addSeparator()
        self.fill(menu, scope)
        self._results_entries(menu)

    def _results_entries(self, menu: QMenu) -> None:
        everything = self.results_scope()
        if everything is not None:
            menu.addSeparator()
            self.fill(menu.addMenu(tr("Apply to {what}").format(what=everything.label)), everything)

    # -- marks, tags, albums (each one write, one history entry) ------------------------------------
    def mark(self, scope: Scope, op: str) -> None:
        self.c.marker.apply(scope, op)

    def edit_tags(self, scope: Scope, add: list[str] | None = None, remove: list[str] | None = None) -> None:
        if add is None and remove is None:
            dialog = TagsDialog(self.window.backend, scope.label, self.window)
            if not self.confirm(dialog):
                return
            add, remove = dialog.tags()
        plus, minus = list(add or []), list(remove or [])
        if plus or minus:
            self.c.act(
                lambda lib: lib.curate.tag(scope.resolve(lib), add=plus, remove=minus),
                changed=True,
                albums=False,
            )

    def add_to_album(self, scope: Scope, name: str) -> None:
        self.c.act(lambda lib: lib.curate.add_to_album(name, scope.resolve(lib)))

    def remove_from_album(self, scope: Scope, name: str) -> None:
        self.c.act(lambda lib: lib.curate.remove_from_album(name, scope.resolve(lib)))

    def new_album_with(self, scope: Scope, name: str | None = None) -> None:
        if name is None:
            text, ok = QInputDialog.getText(
                self.window, tr("New album"), tr("Name of the album for {what}:").format(what=scope.label)
            )
            name = text.strip() if ok else ""
        if not name:
            return

        def run(lib):
            lib.curate.create_album(name)
            return lib.curate.add_to_album(name, scope.resolve(lib))

        self.c.act(run)

    # -- files on disk (confirmed first, run as jobs) -----------------------------------------------
    def export_sidecars(self, scope: Scope, options: dict[str, Any] | None = None) -> Job | None:
        if options is None:
            dialog = ExportDialog(scope.label, self.window)
            if not self.confirm(dialog):
                return None
            options = dialog.options()
        opts = dict(options)

        def run(lib, job: Job):
            paths = file_paths(lib, scope.resolve(lib))
            job.report(0, len(paths), detail=tr("writing sidecars"), force=True)
            report = lib.export_tags(
                paths,
                opts.get("out_dir"),
                fmt=opts.get("fmt", "xmp"),
                beside_images=opts.get("beside_images", True),
            )
            job.report(len(paths), len(paths), force=True)
            return report

        return self._job("export", tr("Exporting sidecars for {what}").format(what=scope.label), run)

    def transfer(self, scope: Scope, mode: str, dest: str | None = None) -> None:
        """Move or copy to a folder the user picks: the plan first, then a confirmation, then a job."""
        if not curator_has("plan_transfer"):
            self.c.say(tr("Moving and copying files needs a newer library core"))
            return
        if dest is None:
            title = tr("Move to folder") if mode == "move" else tr("Copy to folder")
            dest = QFileDialog.getExistingDirectory(self.window, title)
            if not dest:
                return
        self.c.say(tr("Checking {what}…").format(what=scope.label))
        self.window.backend.read(
            lambda lib: lib.curate.plan_transfer(scope.resolve(lib), dest, mode=mode),
            lambda plan, error: self._planned(scope, mode, dest, plan, error),
        )

    def _planned(self, scope: Scope, mode: str, dest: str, plan, error) -> None:
        if error is not None:
            self.c.say(tr("Cannot do that: {e}").format(e=error_text(error)))
            return
        if not plan_items(plan):
            self.c.say(tr("Nothing to move or copy"))
            return
        if not self.confirm(transfer_dialog(plan, mode, dest, self.window)):
            return
        verb = tr("Moving") if mode == "move" else tr("Copying")
        title = tr("{verb} {what} to {dest}").format(verb=verb, what=scope.label, dest=dest)
        self._job(
            "transfer",
            title,
            lambda lib, job: run_file_op(lib.curate.transfer, plan, job=job),
            files=True,
        )

    def trash(self, scope: Scope) -> None:
        if not curator_has("trash"):
            self.c.say(tr("Moving files to the trash needs a newer library core"))
            return
        self.window.backend.read(
            lambda lib: (lambda ids: (ids, file_paths(lib, ids)))(scope.resolve(lib)),
            lambda result, error: self._trash_listed(scope, result, error),
        )

    def _trash_listed(self, scope: Scope, result, error) -> None:
        if error is not None:
            self.c.say(error_text(error))
            return
        ids, paths = result
        if not ids or not self.confirm(trash_dialog(paths, self.window)):
            return
        self._job(
            "trash",
            tr("Moving {what} to the trash").format(what=scope.label),
            lambda lib, job: run_file_op(lib.curate.trash, ids, job=job),
            files=True,
        )

    def export_training_set(self, scope: Scope) -> Job | None:
        """The options and preview dialog, then the export as a job (copies only; see
        :mod:`acgdesk.gui.dataset.dialog`)."""
        from acgdesk.dataset.options import DatasetError
        from acgdesk.gui.dataset.dialog import DatasetDialog
        from acgdesk.gui.dataset.job import dataset_job, describe_report

        w = self.window
        dialog = DatasetDialog(w.backend, scope, w.prefs, w)
        if not self.confirm(dialog):
            return None
        try:
            options = dialog.options()
        except (ValueError, DatasetError) as exc:
            self.c.say(error_text(exc))
            return None
        dialog.remember()
        job = dataset_job(
            options, dialog.out_dir(), scope.label, allow_inside_library=dialog.allow_inside_library()
        )

        def done(result, error) -> None:
            if error is not None:
                self.c.say(tr("{what} failed: {e}").format(what=job.title, e=error_text(error)))
            elif result is not None:
                self.c.say(describe_report(result))

        job.finished.connect(done)
        w.start_job(job)
        w.jobs_dock.show()
        return job

    def _job(self, kind: str, title: str, run, *, files: bool = False) -> Job:
        job = Job(kind, title)
        job.runner = run
        job.finished.connect(lambda result, error: self.c.job_done(job, result, error, files=files))
        self.window.start_job(job)
        self.window.jobs_dock.show()
        return job
