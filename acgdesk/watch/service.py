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

import errno
import logging
import os
import queue
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from acgdesk.core.settings import IndexSettings
from acgdesk.db.connection import connect, transaction
from acgdesk.models.results import ImageModel
from acgdesk.pipeline.discover import _is_candidate
from acgdesk.pipeline.engine import CancelToken
from acgdesk.pipeline.indexer import FolderTarget, IndexReport, index_folders
from acgdesk.pipeline.ingest import Job, process_file
from acgdesk.pipeline.models_stage import ModelRunner
from acgdesk.watch.apply import ChangeApplier, watchable_name
from acgdesk.watch.config import WatchConfig
from acgdesk.watch.events import EventCallback, FolderWatch, WatchEvent, WatchMode
from acgdesk.watch.modes import ModeChooser
from acgdesk.watch.observe import (
    LIMIT_ERRNOS,
    Change,
    FolderHandler,
    OverflowTap,
    start_observer,
    stop_observer,
)
from acgdesk.watch.settle import Settler
from acgdesk.watch.state import set_watch_mode

log = logging.getLogger(__name__)

_STRUCTURAL = ("deleted", "moved", "dir_moved", "dir_deleted")


@dataclass
class _Folder:
    folder_id: int
    root: str
    mode: WatchMode = WatchMode.OFFLINE
    reason: str = ""
    observer: object | None = None
    device: int | None = None  # st_dev when watching began: another device there = not our drive


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
    errors: int = 0
    last_batch_seconds: float = 0.0
    seen: dict[str, int] = field(default_factory=dict)


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
        self.folders = {fid: _Folder(fid, root) for fid, root in folders}
        self.stats = WatchStats()
        self._inbox: queue.Queue[Change] = queue.Queue()
        self._settler = Settler(self.config)
        self._ready: dict[str, int] = {}  # settled, waiting for the next batch (path -> folder)
        self._ready_since = 0.0
        self._last_ready = 0.0
        self._changes: list[Change] = []
        self._rescan: set[int] = set()  # folders to reconcile at the next step
        self._rescan_why = "requested"
        self._stop = threading.Event()
        self._cancel = CancelToken()
        self._idle_since: float | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._tap = OverflowTap(self._overflowed)
        self._chooser: ModeChooser | None = None
        self.db = None

    # -- public API -------------------------------------------------------------------------------
    def start(self) -> None:
        """Choose modes, start observers and the worker; returns at once (reconciling goes on)."""
        if self._thread is not None:
            raise RuntimeError("watcher already started")
        self.db = connect(self.db_path)
        c = self.config
        self._chooser = ModeChooser(
            force_polling=c.force_polling,
            poll_interval=c.poll_interval,
            limit=c.inotify_limit,
            reserve=c.reserve_watches,
        )
        for folder in self.folders.values():
            self._watch(folder)
        self._tap.install()
        self._thread = threading.Thread(target=self._run, name="acgdesk-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop observers, cancel the batch in flight (finished files are committed), join."""
        self._stop.set()
        self._cancel.cancel()
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

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- observers --------------------------------------------------------------------------------
    def _watch(self, folder: _Folder) -> None:
        assert self._chooser is not None
        choice = self._chooser.choose(folder.root)
        folder.mode, folder.reason = choice.mode, choice.reason
        if choice.mode == WatchMode.OFFLINE:
            return
        try:
            folder.device = os.stat(folder.root).st_dev
        except OSError:
            folder.mode, folder.reason = WatchMode.OFFLINE, "not there (unplugged or renamed?); files kept"
            return
        try:
            folder.observer = self._observe(folder)
        except OSError as exc:
            if choice.mode != WatchMode.NATIVE or exc.errno not in LIMIT_ERRNOS:
                folder.mode, folder.reason = WatchMode.OFFLINE, f"cannot watch: {exc.strerror or exc}"
                return
            fallback = self._chooser.over_limit(folder.root, instances=exc.errno == errno.EMFILE)
            folder.mode, folder.reason = fallback.mode, fallback.reason
            folder.observer = self._observe(folder)

    def _observe(self, folder: _Folder):
        handler = FolderHandler(folder.folder_id, folder.root, folder.mode == WatchMode.NATIVE, self._inbox)
        return start_observer(folder.root, handler, folder.mode, self.config.poll_interval)

    def _unwatch(self, folder: _Folder) -> None:
        observer, folder.observer = folder.observer, None
        if observer is not None:
            stop_observer(observer)  # type: ignore[arg-type]

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
        """Run the per-file work and the models once on a scratch image now, so the first new file
        does not pay for loading them (weights, lazy imports: ~1-2 s on a small machine)."""
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="acgdesk-warm-up-") as tmp:
            path = os.path.join(tmp, "warm-up.jpg")
            Image.new("RGB", (96, 64), (128, 96, 64)).save(path, "JPEG")
            st = os.stat(path)
            runner = ModelRunner(self.models)
            job = Job(path, 0, st.st_size, st.st_mtime_ns, models=runner.keys)
            outcome = process_file(job, self.settings, Path(tmp) / "thumbs")
            if self.models and outcome.image is not None:
                runner([outcome])
        self._emit(
            WatchEvent(
                "models",
                f"pipeline and {len(self.models)} model(s) ready in {time.monotonic() - started:.1f} s",
                count=len(self.models),
            )
        )

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
        if self._ready and self._batch_due(now):
            self._index_batch()
        if self._rescan:
            ids, self._rescan = sorted(self._rescan), set()
            why, self._rescan_why = self._rescan_why, "requested"
            try:
                self._reconcile(ids, why)
            except Exception:
                self._rescan.update(ids)  # try again on the next step
                raise
        idle = not (self._settler or self._ready or self._changes or self._rescan) and self._inbox.empty()
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
        if self._excluded(c.path) and (not c.dest or self._excluded(c.dest)):
            return
        if c.kind in _STRUCTURAL:
            if c.kind == "moved":
                if self._settler.rename(c.path, c.dest, c.folder_id):
                    self._settler.note(c.dest, c.folder_id, complete=True, native=c.native)
            elif c.kind == "deleted":
                self._settler.forget(c.path)
            elif c.kind == "dir_moved":
                self._settler.rename_under(c.path, c.dest, c.folder_id)
            else:
                self._settler.forget_under(c.path)
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

    def _apply_changes(self) -> None:
        changes, self._changes = self._changes, []
        assert self.db is not None
        try:
            with transaction(self.db) as conn:
                applier = ChangeApplier(conn, self._root_online)
                for c in changes:
                    if c.kind == "moved":
                        applier.move(c.path, c.dest, c.folder_id)
                    elif c.kind == "deleted":
                        applier.delete(c.path, c.folder_id)
                    elif c.kind == "dir_moved":
                        applier.move_folder(c.path, c.dest, c.folder_id)
                    else:
                        applier.delete_folder(c.path, c.folder_id)
        except Exception:  # rolled back (e.g. the database stayed locked): rescan, lose nothing
            self._rescan.update(c.folder_id for c in changes)
            raise
        r = applier.result
        for path, fid in r.recheck:
            self._settler.note(path, fid, complete=True, native=False)
        self._rescan |= r.rescan
        self.stats.moved += len(r.moved)
        self.stats.missing += len(r.missing)
        self.stats.folders_moved += len(r.folders_moved)
        for src, dest in r.moved:
            self._emit(WatchEvent("moved", f"moved {src} -> {dest}", path=src, dest=dest, count=1))
        for src, dest, n in r.folders_moved:
            self._emit(
                WatchEvent("moved", f"folder moved {src} -> {dest} ({n} files)", path=src, dest=dest, count=n)
            )
        if r.missing:
            self._emit(
                WatchEvent(
                    "missing",
                    f"{len(r.missing)} file(s) gone, marked missing (data kept): {r.missing[0]}"
                    + (" ..." if len(r.missing) > 1 else ""),
                    path=r.missing[0],
                    count=len(r.missing),
                )
            )

    def _index_batch(self) -> None:
        items = list(self._ready.items())[: self.config.max_batch]
        for path, _ in items:
            del self._ready[path]
        self._ready_since = time.monotonic()
        by_folder: dict[int, list[str]] = {}
        for path, fid in items:
            folder = self.folders.get(fid)
            if folder is None or folder.mode == WatchMode.OFFLINE or self._excluded(path):
                continue
            if _is_candidate(path, os.path.basename(path)):
                by_folder.setdefault(fid, []).append(path)
        targets = [
            FolderTarget(fid, self.folders[fid].root, tuple(paths)) for fid, paths in by_folder.items()
        ]
        if not targets:
            return
        started = time.monotonic()
        try:
            report = self._run_index(targets)
        except Exception:  # what was committed stays; a rescan finds the rest
            self._rescan.update(t.folder_id for t in targets)
            raise
        n = sum(len(t.files or ()) for t in targets)
        self.stats.batches += 1
        self.stats.files_indexed += report.processed
        self.stats.last_batch_seconds = time.monotonic() - started
        first = targets[0].files[0] if targets[0].files else None
        self._emit(
            WatchEvent(
                "indexed",
                f"indexed {report.processed} of {n} file(s) in {self.stats.last_batch_seconds:.2f} s: "
                f"{report.ok} ok, {report.unchanged} unchanged, {report.errors} failed"
                + (f", {report.restored} moved/restored with their data" if report.restored else "")
                + f" ({report.commits} commit(s))",
                path=first,
                count=report.processed,
                details=report.to_dict(),
            )
        )

    def _reconcile(self, folder_ids: Sequence[int], why: str) -> None:
        targets = [
            FolderTarget(fid, self.folders[fid].root)
            for fid in folder_ids
            if fid in self.folders and self.folders[fid].mode != WatchMode.OFFLINE
        ]
        if not targets:
            return
        started = time.monotonic()
        report = self._run_index(targets)
        self.stats.reconciles += 1
        self.stats.missing += report.missing
        self._emit(
            WatchEvent(
                "reconciled",
                f"reconciled {len(targets)} folder(s) ({why}) in {time.monotonic() - started:.1f} s: "
                f"{report.discovered} files, {report.processed} new or changed, {report.missing} missing, "
                f"{report.restored} moved/restored with their data",
                count=report.processed,
                details={"why": why, **report.to_dict()},
            )
        )

    def _run_index(self, targets: list[FolderTarget]) -> IndexReport:
        assert self.db is not None
        self._cancel = CancelToken()
        if self._stop.is_set():
            self._cancel.cancel()
        report = index_folders(
            self.db,
            targets,
            thumbs_dir=self.thumbs_dir,
            settings=self.settings,
            cancel=self._cancel,
            models=self.models,
            model_batch=self.config.model_batch,
            exclude=tuple(p.rstrip(os.sep) for p in self.exclude),
            retention_days=self.config.retention_days,
        )
        self.stats.commits += report.commits
        self.stats.restored += report.restored
        return report

    # -- folder roots: offline and back -----------------------------------------------------------
    def _root_online(self, folder_id: int) -> bool:
        folder = self.folders.get(folder_id)
        if folder is None or folder.mode == WatchMode.OFFLINE:
            return False
        try:
            st = os.stat(folder.root)
        except OSError:
            return False
        return os.path.isdir(folder.root) and (folder.device is None or st.st_dev == folder.device)

    def _check_roots(self) -> None:
        for folder in self.folders.values():
            if folder.mode != WatchMode.OFFLINE and not self._root_online(folder.folder_id):
                self._unwatch(folder)
                self._settler.forget_under(folder.root)
                for path in [p for p in self._ready if p.startswith(folder.root.rstrip(os.sep) + os.sep)]:
                    del self._ready[path]
                folder.mode = WatchMode.OFFLINE
                folder.reason = "gone (unplugged, unmounted or renamed?); its files are kept, not deleted"
                self._announce(folder, "offline")
            elif folder.mode == WatchMode.OFFLINE and os.path.isdir(folder.root) and not self._stop.is_set():
                self._watch(folder)
                if folder.mode != WatchMode.OFFLINE:
                    self._announce(folder, "online")
                    self._reconcile([folder.folder_id], "back online")

    def _announce(self, folder: _Folder, kind: str = "mode") -> None:
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
