"""The export as a job in the jobs panel (progress, ETA, cancel) and the sentence it ends with.

Why a job and not the dialog: an export of fifty thousand resized images takes minutes; the dialog
closes, the window stays usable, and the jobs panel shows progress and cancels it (the manifest
written so far lets a later export resume where it stopped).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from acgdesk.dataset.options import DatasetOptions
from acgdesk.gui.i18n import number
from acgdesk.gui.jobs import Job


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("dataset", text, disambiguation, n)


def dataset_job(
    options: DatasetOptions, out_dir: str, label: str, *, allow_inside_library: bool = False
) -> Job:
    """A job (not started) that exports ``options`` into ``out_dir``; its result is the report."""
    job = Job("dataset", tr("Training set of {what} to {dest}").format(what=label, dest=out_dir))

    def run(lib: Any, job: Job):
        def progress(p) -> None:
            job.report(p.done, p.total, p.eta, p.current or "", force=p.phase != "writing")

        return lib.export_dataset(
            options,
            out_dir,
            progress=progress,
            cancel=job.cancel_token,
            allow_inside_library=allow_inside_library,
        )

    job.runner = run
    return job


def describe_report(report: Any) -> str:
    """One line for the status bar: what the set holds now and what this run did."""
    text = tr("Training set: %Ln image(s) in {dir}", "", report.exported).format(dir=report.out_dir)
    parts = [
        tr("{n} written").format(n=number(report.written)),
        tr("{n} unchanged").format(n=number(report.reused)),
    ]
    if report.removed:
        parts.append(tr("{n} removed").format(n=number(report.removed)))
    if report.errors:
        parts.append(tr("{n} failed (see the manifest)").format(n=number(len(report.errors))))
    if report.cancelled:
        parts.append(tr("cancelled: export again to finish"))
    return f"{text} ({', '.join(parts)})"
