"""What the watcher tells its owner about its work: running totals and one event per thing done.

Kept apart from the worker so that the wording people read in ``acgdesk watch`` and the GUI's
jobs panel lives in one place, and the worker's code reads as decisions only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from acgdesk.pipeline.indexer import IndexReport
from acgdesk.watch.apply import ApplyResult
from acgdesk.watch.events import WatchEvent


@dataclass
class WatchStats:
    """Running totals since start (read from any thread; ints are updated atomically enough)."""

    batches: int = 0
    files_indexed: int = 0
    commits: int = 0
    moved: int = 0
    folders_moved: int = 0
    missing: int = 0
    restored: int = 0
    reconciles: int = 0
    verifications: int = 0  # checks of what a batch touched against the disk
    repaired: int = 0  # files those checks indexed or marked missing (the events had not said so)
    errors: int = 0
    yields: int = 0  # index runs that stopped early to let waiting renames, moves, deletes through
    last_batch_seconds: float = 0.0
    seen: dict[str, int] = field(default_factory=dict)


def applied_events(r: ApplyResult) -> list[WatchEvent]:
    """Moves, folder moves and deletions a batch replayed on the database."""
    events = [
        WatchEvent("moved", f"moved {src} -> {dest}", path=src, dest=dest, count=1) for src, dest in r.moved
    ]
    events += [
        WatchEvent("moved", f"folder moved {src} -> {dest} ({n} files)", path=src, dest=dest, count=n)
        for src, dest, n in r.folders_moved
    ]
    if r.missing:
        events.append(
            WatchEvent(
                "missing",
                f"{len(r.missing)} file(s) gone, marked missing (data kept): {r.missing[0]}"
                + (" ..." if len(r.missing) > 1 else ""),
                path=r.missing[0],
                count=len(r.missing),
            )
        )
    return events


def verified_event(places: int, gone: int, report: IndexReport | None) -> WatchEvent | None:
    """The disk check after a batch; None when it found the database already right."""
    indexed = report.processed if report else 0
    if not (gone or indexed):
        return None
    return WatchEvent(
        "verified",
        f"checked {places} changed place(s) on disk: {indexed} file(s) indexed, {gone} gone"
        + (f", {report.restored} followed by their data" if report and report.restored else ""),
        count=gone + indexed,
        details=report.to_dict() if report else {},
    )


def indexed_event(report: IndexReport, listed: int, seconds: float, first: str | None) -> WatchEvent:
    return WatchEvent(
        "indexed",
        f"indexed {report.processed} of {listed} file(s) in {seconds:.2f} s: "
        f"{report.ok} ok, {report.unchanged} unchanged, {report.errors} failed"
        + (f", {report.restored} moved/restored with their data" if report.restored else "")
        + f" ({report.commits} commit(s))",
        path=first,
        count=report.processed,
        details=report.to_dict(),
    )


def reconciled_event(report: IndexReport, folders: int, why: str, seconds: float) -> WatchEvent:
    return WatchEvent(
        "reconciled",
        f"reconciled {folders} folder(s) ({why}) in {seconds:.1f} s: "
        f"{report.discovered} files, {report.processed} new or changed, {report.missing} missing, "
        f"{report.restored} moved/restored with their data",
        count=report.processed,
        details={"why": why, **report.to_dict()},
    )
