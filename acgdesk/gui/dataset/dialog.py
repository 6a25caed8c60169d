"""The training-set export dialog: the options, a live preview of what would be written (counts,
sizes, sample captions, whether the folder can be used), and Export, which the caller runs as a job.

Why the preview is the real plan: it is ``Library.dataset_plan`` on a worker, the same call the
export and ``acgdesk dataset export --dry-run`` make, so the counts and captions shown are the ones
that will be written. Edits restart a short timer; each answer carries a generation number and a
stale one is dropped, so typing never shows counts for options no longer on screen.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acgdesk.dataset.options import DatasetError, DatasetOptions
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.curate.scope import Scope
from acgdesk.gui.dataset.form import DatasetForm
from acgdesk.gui.i18n import number

PREVIEW_DELAY_MS = 350
PREVIEW_FOLDER = ".acgdesk-dataset-preview"  # a name under the home folder, never created


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("dataset", text, disambiguation, n)


def count(n: int) -> str:
    return number(n)


def preview_of(lib: Any, options: DatasetOptions, out_dir: str, allow_inside: bool) -> dict[str, Any]:
    """Worker thread: the plan's summary and samples, and what stops the folder being used."""
    from acgdesk.dataset.export import refuse_foreign_folder

    target = out_dir or str(Path.home() / PREVIEW_FOLDER)
    plan = lib.dataset_plan(options, target, allow_inside_library=allow_inside)
    result = {**lib.dataset_summary(plan), "earlier": plan.previous is not None, "folder_error": ""}
    if out_dir:
        try:
            refuse_foreign_folder(Path(out_dir))
        except DatasetError as exc:
            result["folder_error"] = str(exc)  # English, as the CLI says it
            result["folder_problem"] = exc  # its key and parts: the window says it in its language
    return result


def options_without_selection(options: DatasetOptions) -> dict[str, Any]:
    """What is remembered for the next export: everything but the files chosen."""
    data = options.to_dict()
    data["selection"] = {k: v for k, v in data["selection"].items() if k not in ("query", "ids")}
    return data


class DatasetDialog(QDialog):
    """``preview_ready`` fires once the preview for the options on screen is shown."""

    preview_ready = Signal()

    def __init__(self, backend: Any, scope: Scope, prefs: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.scope = scope
        self.prefs = prefs
        self.setWindowTitle(tr("Export training set"))
        self.setObjectName("datasetDialog")
        self.generation = 0
        self.preview: dict[str, Any] | None = None
        self.problem = ""  # why Export is off
        self.form = DatasetForm(self)
        self._restore()
        heading = QLabel(
            tr("Copies of {what}, resized and captioned for training. The originals are only read.").format(
                what=scope.label
            ),
            self,
        )
        heading.setWordWrap(True)
        box = QGroupBox(tr("Preview"), self)
        self.counts = QLabel(box)
        self.counts.setObjectName("datasetCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.samples = QListWidget(box)
        self.samples.setObjectName("datasetSamples")
        self.samples.setWordWrap(True)
        self.samples.setAlternatingRowColors(True)
        self.samples.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.message = QLabel(box)
        self.message.setObjectName("datasetMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        inner = QVBoxLayout(box)
        inner.addWidget(self.counts)
        inner.addWidget(QLabel(tr("Sample captions"), box))
        inner.addWidget(self.samples, 1)
        inner.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.form, 3)
        body.addWidget(box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)
        self.form.changed.connect(self._edited)
        self.resize(980, 620)
        self.refresh_preview()

    # -- options -----------------------------------------------------------------------------------
    def options(self) -> DatasetOptions:
        s = self.scope
        ids = [int(i) for i in s.ids.tolist()] if s.ids is not None else None
        return self.form.options(query=s.query or "", ids=ids)

    def out_dir(self) -> str:
        text = self.form.out_dir()
        return os.path.abspath(os.path.expanduser(text)) if text else ""

    def allow_inside_library(self) -> bool:
        return self.form.inside_library.isChecked()

    def _restore(self) -> None:
        if self.prefs is None:
            return
        saved = self.prefs.get("dataset_options")
        if saved:
            with contextlib.suppress(ValueError, TypeError, DatasetError):  # an older version's: defaults
                self.form.set_options(DatasetOptions.from_dict(json.loads(saved)))
        folder = self.prefs.get("dataset_folder")
        if folder:  # not filled in: exporting another set into it would replace that one
            self.form.start_dir = os.path.dirname(folder.rstrip(os.sep)) or folder

    def remember(self) -> None:
        """After Export: these options and this folder open the dialog next time."""
        if self.prefs is None:
            return
        try:
            self.prefs.set("dataset_options", json.dumps(options_without_selection(self.options())))
        except (ValueError, DatasetError):
            return
        self.prefs.set("dataset_folder", self.form.out_dir())

    # -- preview -----------------------------------------------------------------------------------
    def _edited(self) -> None:
        self.generation += 1  # what is shown no longer matches the form
        self.export_button.setEnabled(False)
        self.timer.start()

    def refresh_preview(self) -> None:
        """Plan on a worker for the options on screen (tests call this rather than wait the timer)."""
        self.timer.stop()
        self.generation += 1
        generation = self.generation
        try:
            options = self.options()
        except (DatasetError, ValueError) as exc:
            self._show_problem(error_text(exc))
            self.preview_ready.emit()
            return
        out, inside = self.out_dir(), self.allow_inside_library()
        self.message.setText(tr("Counting…"))
        self.backend.read(
            lambda lib: preview_of(lib, options, out, inside),
            lambda result, error: self._previewed(generation, result, error),
        )

    def _previewed(self, generation: int, result: dict[str, Any] | None, error: BaseException | None) -> None:
        if generation != self.generation:
            return
        if error is not None:
            self.preview = None
            self.counts.setText("")
            self.samples.clear()
            self._show_problem(error_text(error))
        else:
            assert result is not None
            self.preview = result
            self._show(result)
        self.preview_ready.emit()

    def _show_problem(self, text: str) -> None:
        self.problem = text
        self.message.setText(text)
        self.export_button.setEnabled(False)

    def _show(self, p: dict[str, Any]) -> None:
        lines = [tr("<b>%Ln image(s)</b> will be in the set", "", p["exported"])]
        lines.append(tr("{n} matched the selection and filters").format(n=count(p["matched"])))
        if p["duplicates_dropped"]:
            lines.append(tr("{n} near-duplicates left out").format(n=count(p["duplicates_dropped"])))
        if p["skipped"]:
            reasons = ", ".join(f"{html.escape(r)}: {count(n)}" for r, n in p["skipped_reasons"].items())
            lines.append(tr("{n} skipped ({why})").format(n=count(p["skipped"]), why=reasons))
        if p["validation"]:
            lines.append(
                tr("{train} for training, {val} for validation").format(
                    train=count(p["train"]), val=count(p["validation"])
                )
            )
        if p["empty_captions"]:
            lines.append(tr("{n} with an empty caption").format(n=count(p["empty_captions"])))
        sizes = list(p["sizes"].items())
        if sizes:
            shown = ", ".join(f"{s} ({count(n)})" for s, n in sizes[:4])
            more = tr(" and {n} more sizes").format(n=count(len(sizes) - 4)) if len(sizes) > 4 else ""
            lines.append(tr("Sizes: {sizes}").format(sizes=shown + more))
        folders = p["folders"]
        if folders:
            lines.append(tr("Folders: {names}").format(names=html.escape(", ".join(folders[:3]))))
        if p["earlier"]:
            lines.append(
                tr(
                    "The folder holds an earlier export: finished files are kept, changed ones made "
                    "again, and files no longer chosen removed"
                )
            )
        self.counts.setText("<br>".join(lines))
        self.samples.clear()
        empty = tr("(empty caption)")
        for s in p["samples"]:
            item = QListWidgetItem(f"{s['output']}\n{s['caption'] or empty}")
            item.setToolTip(s["source"])
            self.samples.addItem(item)
        if p["folder_error"]:
            problem = p.get("folder_problem")
            self._show_problem(p["folder_error"] if problem is None else error_text(problem))
        elif not self.form.out_dir():
            self._show_problem(tr("Choose the folder to export into"))
        elif not p["exported"]:
            self._show_problem(tr("Nothing to export with these options"))
        else:
            self.problem = ""
            self.message.setText("")
            self.export_button.setEnabled(True)
