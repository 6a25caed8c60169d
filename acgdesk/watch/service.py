"""The watcher: folder observers feeding one worker thread that settles, coalesces and writes.

Why one worker: every database write of the watcher (moves, deletes, indexed batches, full
reconciliations) happens in that thread, through the same staged pipeline and single batched writer
``acgdesk index`` uses, so there are never two writers and a burst of 10,000 files is a few dozen
commits, not 10,000. Observers (watchdog threads) only enqueue what they saw.

Reconciliation (a full size+mtime scan, hash on doubt, through :func:`index_folders`) runs on start,
on demand, after the kernel dropped events (queue overflow) and when an offline folder comes back:
one code path for every "we may have missed something".
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from acgdesk.core.settings import IndexSettings
from acgdesk.db.connection import connect, transaction
from acgdesk.models.results import ImageModel
from acgdesk.pipeline.indexer import FolderTarget, IndexReport
from acgdesk.watch.apply import ApplyResult, replay, watchable_name
from acgdesk.watch.config import WatchConfig
from acgdesk.watch.events import EventCallback, FolderWatch, WatchEvent, WatchMode
from acgdesk.watch.folders import FolderObservers, WatchedFolder, root_online
from acgdesk.watch.modes import ModeChooser
from acgdesk.watch.observe import (
    Change,
    OverflowTap,
)
from acgdesk.watch.pending import drop_under, follow
from acgdesk.watch.report import (
    WatchStats,
    applied_events,
    indexed_event,
    reconciled_event,
    verified_event,
)
from acgdesk.watch.runs import STRUCTURAL, ChangeInbox, IndexRuns, ready_targets
from acgdesk.watch.settle import Settler
from acgdesk.watch.state import set_watch_mode
from acgdesk.watch.sync import Barrier, SyncMarkers, marker_rounds
from acgdesk.watch.verify import Touched, check_touched
from acgdesk.watch.warmup import warm_up

log = logging.getLogger(__name__)


class Watcher:
    """Watches library folders and keeps the database in step with them. Headless; no Qt.

    ``start()`` chooses a mode per folder and starts observers and the worker, then returns; the
    worker first reconciles every folder. ``on_event`` receives :class:`WatchEvent`s **from the
    worker thread** (a GUI marshals them to its own thread). ``stop()`` ends cleanly: observers
    stopped, the batch in flight cancelled with everything finished committed.
    """

    def __init__(
        self,
        db_path: Path,
        thumbs_dir: Path,
        folders: Sequence[tuple[int, str]],
        *,
        settings: IndexSettings | None = None,
        models: Sequence[ImageModel] = (),
        config: WatchConfig | None = None,
        exclude: tuple[str, ...] = (),
        on_event: EventCallback | None = None,
        reconcile_on_start: bool = True,
    ) -> None:
        self.db_path = db_path
        self.thumbs_dir = thumbs_dir
        self.settings = settings or IndexSettings()
        self.models = list(models)
        self.config = config or WatchConfig()
        self.exclude = tuple(p.rstrip(os.sep) + os.sep for p in exclude)
        self.on_event = on_event
        self.reconcile_on_start = reconcile_on_start
        self.folders = {fid: WatchedFolder(fid, root) for fid, root in folders}
        self.stats = WatchStats()
        self._inbox = ChangeInbox()
        self._settler = Settler(self.config)
        self._ready: dict[str, int] = {}  # settled, waiting for the next batch (path -> folder)
        self._ready_since = 0.0
        self._last_ready = 0.0
        self._changes: list[Change] = []
        self._touched = Touched()  # paths and folders applied changes named: checked against the disk
        self._touched_since = 0.0
        self._last_change = 0.0
        self._markers = SyncMarkers()
        self._synced_at = 0.0
        self._restructured: dict[int, float] = {}  # folder id -> last folder-level change
        self._rebuilds = 0  # observers rebuilt so far (a sync marker may be lost in a rebuild)
        self._barrier: Barrier | None = None  # markers the worker waits for before checking the disk
        self._rescan: set[int] = set()  # folders to reconcile at the next step
        self._rescan_why = "requested"
        self._stop = threading.Event()
        self.runs = IndexRuns(
            thumbs_dir=thumbs_dir,
            settings=self.settings,
            models=self.models,
            config=self.config,
            exclude=self.exclude,
            inbox=self._inbox,
            stopping=self._stop,
        )
        self._idle_since: float | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._tap = OverflowTap(self._overflowed)
        self._observers: FolderObservers | None = None
        self.db = None

    # -- public API -------------------------------------------------------------------------------
    def start(self) -> None:
        """Choose modes, start observers and the worker; returns at once (reconciling goes on)."""
        if self._thread is not None:
            raise RuntimeError("watcher already started")
        self.db = connect(self.db_path)
        c = self.config
        chooser = ModeChooser(
            force_polling=c.force_polling,
            poll_interval=c.poll_interval,
            limit=c.inotify_limit,
            reserve=c.reserve_watches,
        )
        self._observers = FolderObservers(chooser, self._inbox, c.poll_interval)
        for folder in self.folders.values():
            self._watch(folder)
        self._tap.install()
        self._thread = threading.Thread(target=self._run, name="acgdesk-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop observers, cancel the batch in flight (finished files are committed), join."""
        self._stop.set()
        self.runs.cancel()
        self._tap.remove()
        for folder in self.folders.values():
            self._unwatch(folder)
        if self._thread is not None:
            self._thread.join(timeout)

    def __enter__(self) -> Watcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reconcile(self, folder_ids: Sequence[int] | None = None) -> None:
        """Ask for a full scan of some (default: all) folders; it runs in the worker thread."""
        for fid in folder_ids if folder_ids is not None else list(self.folders):
            self._inbox.put(Change("reconcile", folder_id=fid))

    def status(self) -> list[FolderWatch]:
        return [FolderWatch(f.folder_id, f.root, f.mode, f.reason) for f in self.folders.values()]

    def wait_idle(self, timeout: float = 30.0, quiet: float = 0.3) -> bool:
        """True once nothing was pending or running for ``quiet`` seconds (tests, benchmarks)."""
        begun = time.monotonic()
        deadline = begun + timeout
        while time.monotonic() < deadline:
            since = self._idle_since  # counted from this call: events of changes just made may be due
            if since is not None and time.monotonic() - max(since, begun) >= quiet and self._inbox.empty():
                return True
            time.sleep(0.02)
        return False

    def sync(self, timeout: float = 60.0) -> bool:
        """Return once every change made to the folders before this call has been applied and
        checked against the disk; False on timeout. Deterministic, not a quiet-time guess: see
        :mod:`acgdesk.watch.sync`. For tests and benchmarks."""
        deadline = time.monotonic() + timeout
        for folder in list(self.folders.values()):
            if folder.mode == WatchMode.OFFLINE or folder.observer is None:
                continue
            for _ in range(marker_rounds(native=folder.mode == WatchMode.NATIVE)):
                seen_at = self._markers.round(
                    folder.root, deadline, lambda: self.running, lambda: self._rebuilds
                )
                if seen_at is None:
                    return False
                self._synced_at = max(self._synced_at, seen_at)
        while time.monotonic() < deadline:
            if self._idle_since is not None and self._inbox.empty() and self._idle_since >= self._synced_at:
                return True
            time.sleep(0.01)
        return False

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- observers --------------------------------------------------------------------------------
    def _watch(self, folder: WatchedFolder) -> None:
        assert self._observers is not None
        self._observers.watch(folder)

    def _unwatch(self, folder: WatchedFolder) -> None:
        assert self._observers is not None
        self._observers.unwatch(folder)

    def _overflowed(self) -> None:
        self._inbox.put(Change("overflow"))

    # -- the worker -------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            for folder in self.folders.values():
                self._announce(folder)
            self._emit(
                WatchEvent("started", f"watching {len(self.folders)} folder(s)", count=len(self.folders))
            )
            try:
                self._warm_up()
            except Exception as exc:  # the first batch will try loading them again
                log.exception("loading the models failed")
                self._emit(WatchEvent("error", f"models not ready: {exc!r}"))
            if self.reconcile_on_start:
                self._rescan.update(self.folders)
                self._rescan_why = "start"
            last_check = time.monotonic()
            while not self._stop.is_set():
                try:
                    self._step()
                    if time.monotonic() - last_check >= self.config.offline_check:
                        last_check = time.monotonic()
                        self._check_roots()
                except Exception as exc:  # survive anything one batch does; say so
                    self.stats.errors += 1
                    log.exception("watcher step failed")
                    self._emit(WatchEvent("error", f"watcher error (it keeps running): {exc!r}"))
                    self._stop.wait(1.0)
        finally:
            self._shutdown()

    def _warm_up(self) -> None:
        seconds = warm_up(self.models, self.settings)
        n = len(self.models)
        self._emit(WatchEvent("models", f"pipeline and {n} model(s) ready in {seconds:.1f} s", count=n))

    def _step(self) -> None:
        waiting = bool(self._settler) or bool(self._ready)
        self._drain(0.05 if waiting else 0.25)
        if self._changes:
            self._apply_changes()
        now = time.monotonic()
        for path, fid in self._settler.due():
            if not self._ready:
                self._ready_since = now
            self._ready[path] = fid
            self._last_ready = now
        batch_due = bool(self._ready) and self._batch_due(now)
        verify_due = bool(self._touched) and self._verify_due(now)
        if (batch_due or verify_due) and self._caught_up():
            caught_up_at = time.monotonic()
            if self._ready:
                self._index_batch()
            # A batch takes time; renames or moves made meanwhile are not applied yet, and the disk
            # is ahead of the database again: checking it now would take a file swapped in for an
            # edit of the one that was there. The check waits for the next caught-up point.
            if self._touched and self._inbox.structural_at <= caught_up_at:
                self._verify()
        self._check_structure(time.monotonic())
        if self._rescan:
            ids, self._rescan = sorted(self._rescan), set()
            why, self._rescan_why = self._rescan_why, "requested"
            try:
                self._reconcile(ids, why)
            except Exception:
                self._rescan.update(ids)  # try again on the next step
                raise
        idle = (
            not (
                self._settler
                or self._ready
                or self._changes
                or self._rescan
                or self._touched
                or self._restructured
            )
            and self._inbox.empty()
        )
        if idle and self._idle_since is None:
            self._idle_since = time.monotonic()
        elif not idle:
            self._idle_since = None

    def _drain(self, timeout: float) -> None:
        try:
            change = self._inbox.get(timeout=timeout)
        except queue.Empty:
            return
        self._idle_since = None
        for _ in range(50_000):
            self._route(change)
            try:
                change = self._inbox.get_nowait()
            except queue.Empty:
                return

    def _route(self, c: Change) -> None:
        self.stats.seen[c.kind] = self.stats.seen.get(c.kind, 0) + 1
        if c.kind in ("overflow", "reconcile"):
            if c.kind == "overflow":
                self._emit(WatchEvent("overflow", "the OS dropped change events: reconciling"))
                self._rescan_why = "overflow"
            ids = [c.folder_id] if c.kind == "reconcile" else list(self.folders)
            self._rescan.update(i for i in ids if i in self.folders)
            return
        if c.kind == "root_gone":
            self._check_roots()
            return
        residual = self._markers.note(c)
        if residual is None:
            return  # a sync marker: nothing to index
        c = residual
        if self._excluded(c.path) and (not c.dest or self._excluded(c.dest)):
            return
        if c.kind in STRUCTURAL:
            self._last_change = time.monotonic()
            if c.kind.startswith("dir_"):
                self._restructured[c.folder_id] = self._last_change
            follow(c, self._settler, self._ready)
            self._changes.append(c)
            return
        if not watchable_name(c.path):
            return
        if c.kind == "attrib":
            complete = c.path not in self._settler.pending or self._settler.pending[c.path].complete
            self._settler.note(c.path, c.folder_id, complete=complete, native=c.native)
        else:
            self._settler.note(c.path, c.folder_id, complete=c.kind == "complete", native=c.native)

    def _excluded(self, path: str) -> bool:
        return bool(self.exclude) and path.startswith(self.exclude)

    def _batch_due(self, now: float) -> bool:
        c = self.config
        return (
            len(self._ready) >= c.max_batch
            or now - self._last_ready >= c.coalesce
            or now - self._ready_since >= c.max_batch_wait
        )

    def _check_structure(self, now: float) -> None:
        """Folders whose sub-folders changed, quiet for ``structure_check`` s: a fresh observer (its
        watches rebuilt from the disk) and a rescan, so a stale watch map cannot hide changes."""
        if self._settler or self._ready or self._changes or self._touched:
            return  # let the ordinary work finish first
        for fid, when in list(self._restructured.items()):
            if now - when < self.config.structure_check:
                continue
            del self._restructured[fid]
            folder = self.folders.get(fid)
            if folder is None or folder.mode != WatchMode.NATIVE or folder.observer is None:
                continue
            assert self._observers is not None
            self._observers.rebuild(folder)
            self._rebuilds += 1
            self._rescan.add(fid)
            self._rescan_why = "folders changed"

    def _verify_due(self, now: float) -> bool:
        """Check once the burst is over (no structural change for ``coalesce`` s), or every
        ``max_batch_wait`` s while it lasts, so a long burst is still reflected in seconds."""
        c = self.config
        return now - self._last_change >= c.coalesce or now - self._touched_since >= c.max_batch_wait

    def _apply_changes(self) -> None:
        changes, self._changes = self._changes, []
        assert self.db is not None
        try:
            with transaction(self.db) as conn:
                r = replay(conn, changes, self._root_online)
        except Exception:  # rolled back (e.g. the database stayed locked): rescan, lose nothing
            self._rescan.update(c.folder_id for c in changes)
            raise
        if not self._touched:
            self._touched_since = time.monotonic()
        self._touched.update(r.touched)
        self._report_applied(r)

    def _caught_up(self) -> bool:
        """True once every event of what is on disk now has arrived and been applied.

        Indexing settled files and checking touched places both read the disk; if events of
        changes already made there are still on their way (watchdog holds a move's first half up to
        0.5 s to pair it, and everything after it), the disk is ahead of the replayed events, and a
        file moved onto a path would be taken for an edit of the file that was there, its row and
        tags given to the wrong content. So a marker goes through the folders' event streams first
        (:class:`acgdesk.watch.sync.Barrier`); it came back in this step's drain, whose changes were
        applied at the top of the step."""
        if self._barrier is None:
            self._barrier = Barrier(self._markers, self._busy_roots())
        if not self._barrier.done():
            return False
        if self._barrier.gave_up:
            log.warning("a folder's events did not come through in time; reading the disk anyway")
        self._barrier = None
        return True

    def _busy_roots(self) -> dict[str, bool]:
        """Roots (-> watched natively?) of the watched folders with settled files or touched places."""
        ids = (
            set(self._touched.paths.values()) | set(self._touched.trees.values()) | set(self._ready.values())
        )
        return {
            f.root: f.mode == WatchMode.NATIVE
            for fid, f in self.folders.items()
            if fid in ids and f.mode != WatchMode.OFFLINE and f.observer is not None
        }

    def _verify(self) -> None:
        """Check what the applied changes touched against the disk, and repair what differs."""
        touched, self._touched = self._touched, Touched()
        assert self.db is not None
        pending = set(self._settler.pending) | set(self._ready)
        roots = {fid: f.root for fid, f in self.folders.items() if f.mode != WatchMode.OFFLINE}
        try:
            with transaction(self.db) as conn:
                plan = check_touched(
                    conn,
                    touched,
                    roots=roots,
                    root_online=self._root_online,
                    pending=pending,
                    excluded=self._excluded,
                )
            report = self._run_index(plan.targets, "verify") if plan.targets else None
        except Exception:
            self._touched.update(touched)  # try again on the next step; nothing is lost
            raise
        if report is not None and report.cancelled:
            self._touched.update(touched)  # it gave way to newer changes: check again after them
        self.stats.verifications += 1
        self.stats.missing += len(plan.gone)
        self.stats.files_indexed += report.processed if report else 0
        event = verified_event(len(touched), len(plan.gone), report)
        if event is not None:
            self.stats.repaired += event.count
            self._emit(event)

    def _report_applied(self, r: ApplyResult) -> None:
        self.stats.moved += len(r.moved)
        self.stats.missing += len(r.missing)
        self.stats.folders_moved += len(r.folders_moved)
        for event in applied_events(r):
            self._emit(event)

    def _index_batch(self) -> None:
        items = list(self._ready.items())[: self.config.max_batch]
        for path, _ in items:
            del self._ready[path]
        self._ready_since = time.monotonic()
        targets = ready_targets(items, self.folders, self._excluded)
        if not targets:
            return
        started = time.monotonic()
        try:
            report = self._run_index(targets, "batch")
        except Exception:  # what was committed stays; a rescan finds the rest
            self._rescan.update(t.folder_id for t in targets)
            raise
        if report.cancelled:  # gave way to newer changes: the files it did not finish wait for the next
            for path, fid in items:
                if path not in report.finished:
                    self._ready.setdefault(path, fid)
        n = sum(len(t.files or ()) for t in targets)
        self.stats.batches += 1
        self.stats.files_indexed += report.processed
        self.stats.last_batch_seconds = time.monotonic() - started
        first = targets[0].files[0] if targets[0].files else None
        self._emit(indexed_event(report, n, self.stats.last_batch_seconds, first))

    def _reconcile(self, folder_ids: Sequence[int], why: str) -> None:
        targets = [
            FolderTarget(fid, self.folders[fid].root)
            for fid in folder_ids
            if fid in self.folders and self.folders[fid].mode != WatchMode.OFFLINE
        ]
        if not targets:
            return
        started = time.monotonic()
        report = self._run_index(targets, "rescan")
        if report.cancelled:  # gave way to newer changes: the rescan runs again after them
            self._rescan.update(t.folder_id for t in targets)
            self._rescan_why = why
            return
        self.stats.reconciles += 1
        self.stats.missing += report.missing
        self._emit(reconciled_event(report, len(targets), why, time.monotonic() - started))

    def _run_index(self, targets: list[FolderTarget], kind: str) -> IndexReport:
        assert self.db is not None
        report = self.runs.run(self.db, targets, kind)
        self.stats.commits += report.commits
        self.stats.restored += report.restored
        self.stats.yields = self.runs.yields
        return report

    # -- folder roots: offline and back -----------------------------------------------------------
    def _root_online(self, folder_id: int) -> bool:
        folder = self.folders.get(folder_id)
        return folder is not None and root_online(folder)

    def _check_roots(self) -> None:
        for folder in self.folders.values():
            if folder.mode != WatchMode.OFFLINE and not self._root_online(folder.folder_id):
                self._unwatch(folder)
                self._settler.forget_under(folder.root)
                self._touched.discard_under(folder.root)
                drop_under(self._ready, folder.root)
                folder.mode = WatchMode.OFFLINE
                folder.reason = "gone (unplugged, unmounted or renamed?); its files are kept, not deleted"
                self._announce(folder, "offline")
            elif folder.mode == WatchMode.OFFLINE and os.path.isdir(folder.root) and not self._stop.is_set():
                self._watch(folder)
                if folder.mode != WatchMode.OFFLINE:
                    self._announce(folder, "online")
                    self._reconcile([folder.folder_id], "back online")

    def _announce(self, folder: WatchedFolder, kind: str = "mode") -> None:
        assert self.db is not None
        with transaction(self.db) as conn:
            set_watch_mode(conn, folder.folder_id, str(folder.mode), folder.reason)
        self._emit(
            WatchEvent(
                kind,
                f"{folder.root}: {folder.mode} - {folder.reason}",
                path=folder.root,
                details={"mode": str(folder.mode), "reason": folder.reason, "folder_id": folder.folder_id},
            )
        )

    def _shutdown(self) -> None:
        if self._barrier is not None:
            self._barrier.cancel()  # no marker left behind in a user's folder
        for folder in self.folders.values():
            self._unwatch(folder)
        if self.db is not None:
            try:
                with transaction(self.db) as conn:
                    for folder in self.folders.values():
                        set_watch_mode(conn, folder.folder_id, None, None)
            except Exception:
                log.warning("could not clear the watch state", exc_info=True)
            self._emit(WatchEvent("stopped", "watcher stopped; everything finished is saved"))
            self.db.conn.close()
            self.db = None

    def _emit(self, event: WatchEvent) -> None:
        log.info("%s", event.message)
        if self.on_event is not None:
            try:
                self.on_event(event)
            except Exception:
                log.exception("watch event callback failed")
