"""One indexing run over library folders: discover -> (stat check) -> hash/decode -> [models] -> write.

Resumable by design: a file whose size and mtime match the database is skipped without being
opened; one whose mtime alone changed is re-hashed and only re-decoded if its bytes changed. Work is
committed in batches as it finishes, so an interrupted run loses at most the last uncommitted batch.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from acgdesk.core.errors import FileErrorKind
from acgdesk.core.paths import StoredPath
from acgdesk.core.settings import IndexSettings
from acgdesk.db.connection import transaction
from acgdesk.db.files import (
    DEFAULT_RETENTION_DAYS,
    KnownFile,
    PlacedFile,
    known_files,
    known_files_under,
    mark_missing,
    missing_cutoff,
    move_candidates,
    set_folder_scanned,
)
from acgdesk.db.predictions import files_done_by
from acgdesk.db.shared_content import ContentLookup
from acgdesk.models.results import ImageModel
from acgdesk.pipeline.discover import Candidate, Problem, _os_problem, walk_folder
from acgdesk.pipeline.engine import CancelToken, Stage, run_pipeline
from acgdesk.pipeline.ingest import Job, Outcome, process_file
from acgdesk.pipeline.models_stage import model_stage
from acgdesk.pipeline.progress import IndexProgress, ProgressCallback, RateMeter
from acgdesk.pipeline.writer import IndexWriter, ProblemRecord, file_gone

# Errors worth retrying on every run even when the file's stat did not change.
_TRANSIENT = {
    str(FileErrorKind.PERMISSION),
    str(FileErrorKind.VANISHED),
    str(FileErrorKind.CHANGED),
    str(FileErrorKind.IO_ERROR),
    str(FileErrorKind.INTERNAL),
    str(FileErrorKind.SYMLINK_LOOP),
}


@dataclass
class IndexReport:
    """What a run did; ``errors_by_kind`` counts this run's failures."""

    folders: int = 0
    offline_folders: list[str] = field(default_factory=list)
    discovered: int = 0
    up_to_date: int = 0
    processed: int = 0
    ok: int = 0
    errors: int = 0
    unchanged: int = 0
    missing: int = 0
    restored: int = 0  # rows that followed their content to a new path (moves, restores)
    commits: int = 0
    new_thumbnails: int = 0
    bytes_read: int = 0
    elapsed: float = 0.0
    cancelled: bool = False
    errors_by_kind: dict[str, int] = field(default_factory=dict)
    # The listed files this run finished (only for runs over listed files, ``FolderTarget.files``):
    # a run cut short tells its caller which of them are still to do.
    finished: set[str] = field(default_factory=set, repr=False)

    @property
    def files_per_second(self) -> float:
        return self.processed / self.elapsed if self.elapsed > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "finished"}
        out["files_per_second"] = round(self.files_per_second, 2)
        out["elapsed"] = round(self.elapsed, 3)
        return out


@dataclass(frozen=True)
class FolderTarget:
    folder_id: int
    fs_path: str
    # Only these files of the folder (a watcher's batch): nothing is walked or marked missing.
    files: tuple[str, ...] | None = None
    # Files the walk leaves alone: neither indexed nor marked missing (the watcher's still-settling files).
    skip: frozenset[str] = frozenset()
    # False for a sub-folder checked by the watcher: the library folder's scan state is not touched,
    # and a sub-folder that vanished meanwhile is simply not walked (it is not an offline drive).
    whole_folder: bool = True
    # The caller knows these files were written (the watcher saw it): an unchanged size and mtime is
    # not trusted (a same-size rewrite within one timestamp tick keeps both), the bytes are hashed.
    rehash: bool = False


class _Scan:
    """Decides per candidate whether it needs work; runs in the feeder thread."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        targets: Sequence[FolderTarget],
        exclude: tuple[str, ...],
        settings: IndexSettings,
        force: bool,
        model_keys: frozenset[str] = frozenset(),
        restore_after: str = "",
    ) -> None:
        self.db = db
        self.restore_after = restore_after
        self.claimed: set[int] = set()
        self.targets = targets
        self.model_keys = model_keys
        # Files each active model already processed: an up-to-date file still gets a model it lacks.
        # A watcher's batch of a few files asks per file instead of loading every id of a big library.
        listed = bool(targets) and all(t.files is not None or not t.whole_folder for t in targets)
        self.done_by = {key: _DoneBy(db, key, eager=not listed) for key in model_keys}
        self.exclude = exclude
        self.settings = settings
        self.force = force
        # Keyed by target: a target may be a sub-folder of a library folder (``index ~/art/new``).
        self.known: dict[FolderTarget, dict[str, KnownFile]] = {t: _known_under(db, t) for t in targets}
        self.seen: dict[FolderTarget, set[str]] = {t: set() for t in targets}
        self.unreadable: dict[FolderTarget, list[str]] = {t: [] for t in targets}
        self.discovered = 0
        self.up_to_date = 0
        self.total = 0
        self.finished = False

    def items(self) -> Iterator[Job | ProblemRecord]:
        try:
            for target in self.targets:
                yield from self._folder(target)
        finally:
            self.finished = True

    def _folder(self, target: FolderTarget) -> Iterator[Job | ProblemRecord]:
        known = self.known[target]
        seen = self.seen[target]
        if target.files is not None:
            items: Iterator[Candidate | Problem] = _stat_files(target.files)
        else:
            items = walk_folder(
                target.fs_path, follow_symlinks=self.settings.follow_symlinks, exclude=self.exclude
            )
        for item in items:
            if item.fs_path in target.skip:
                seen.add(item.fs_path)
                continue
            if isinstance(item, Problem):
                seen.add(item.fs_path)
                self.unreadable[target].append(item.fs_path)  # nothing under it is marked missing
                if target.files is None and item.fs_path == target.fs_path:
                    continue  # the folder itself went away or is unreadable: no file row for it
                self.total += 1
                yield ProblemRecord(target.folder_id, item)
                continue
            self.discovered += 1
            seen.add(item.fs_path)
            job = self._job_for(target.folder_id, item, known.get(item.fs_path), rehash=target.rehash)
            if job is None:
                self.up_to_date += 1
                continue
            self.total += 1
            yield job

    def _job_for(
        self, folder_id: int, item: Candidate, prev: KnownFile | None, *, rehash: bool = False
    ) -> Job | None:
        moved = self._moved_from(item) if prev is None and not self.force else None
        if moved is not None:  # hash only: if the bytes match, the row moves here with everything
            todo = frozenset(k for k in self.model_keys if moved.id not in self.done_by[k])
            return Job(item.fs_path, folder_id, item.size, item.mtime_ns, moved.id, moved.content_hash, todo)
        if prev is None or self.force:
            return Job(
                item.fs_path,
                folder_id,
                item.size,
                item.mtime_ns,
                prev.id if prev else None,
                None,
                self.model_keys,
            )
        missing_models = frozenset(k for k in self.model_keys if prev.id not in self.done_by[k])
        same_stat = prev.size == item.size and prev.mtime_ns == item.mtime_ns
        if same_stat and prev.status == "error" and prev.error_kind not in _TRANSIENT:
            return None
        if same_stat and prev.status == "ok" and not rehash:
            if not missing_models:
                return None
            return Job(
                item.fs_path, folder_id, item.size, item.mtime_ns, prev.id, prev.content_hash, missing_models
            )
        doubt = prev.status in ("ok", "missing") and prev.size == item.size and prev.content_hash
        if not doubt:  # new content: every model runs again
            return Job(item.fs_path, folder_id, item.size, item.mtime_ns, prev.id, None, self.model_keys)
        return Job(
            item.fs_path, folder_id, item.size, item.mtime_ns, prev.id, prev.content_hash, missing_models
        )

    def _moved_from(self, item: Candidate) -> PlacedFile | None:
        """A row of the same size whose file is gone (or missing within the retention): maybe this
        file, moved while nobody watched. Each row is offered to one new file only."""
        for row in move_candidates(self.db.conn, size=item.size, missing_after=self.restore_after):
            if row.id in self.claimed or (row.status == "ok" and not file_gone(row)):
                continue
            self.claimed.add(row.id)
            return row
        return None

    def missing_ids(self, target: FolderTarget) -> list[int]:
        """Known, present-before files not seen in this (complete) scan, outside unreadable folders."""
        if target.files is not None:
            return []
        seen = self.seen[target]
        blocked = tuple(p.rstrip(os.sep) + os.sep for p in self.unreadable[target])
        return [
            k.id
            for path, k in self.known[target].items()
            if path not in seen and k.status != "missing" and not (blocked and path.startswith(blocked))
        ]


class _DoneBy:
    """Ids of the files a model already processed without error: loaded at once, or asked per file."""

    def __init__(self, db: sqlite_utils.Database, key: str, *, eager: bool) -> None:
        self.db, self.key = db, key
        self.ids = files_done_by(db.conn, key) if eager else None

    def __contains__(self, file_id: object) -> bool:
        if self.ids is not None:
            return file_id in self.ids
        return (
            self.db.execute(
                "SELECT 1 FROM model_runs WHERE file_id = ? AND model = ? AND error IS NULL",
                (file_id, self.key),
            ).fetchone()
            is not None
        )


def _stat_files(paths: Sequence[str]) -> Iterator[Candidate | Problem]:
    """Listed files as the walk would report them; a file gone since it was listed is skipped."""
    for path in paths:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            yield Problem(path, *_os_problem(exc))
            continue
        if stat.S_ISREG(st.st_mode):
            yield Candidate(path, st.st_size, st.st_mtime_ns)


def _known_under(db: sqlite_utils.Database, target: FolderTarget) -> dict[str, KnownFile]:
    if target.files is not None:
        known: dict[str, KnownFile] = {}
        texts = [StoredPath.from_fs(p).text for p in target.files]
        for i in range(0, len(texts), 500):
            chunk = texts[i : i + 500]
            for r in db.execute(
                "SELECT id, path, path_bytes, size, mtime_ns, status, error_kind, content_hash FROM files "
                f"WHERE path IN ({', '.join('?' * len(chunk))})",
                chunk,
            ):
                known[StoredPath.to_fs(r[1], r[2])] = KnownFile(r[0], r[3], r[4], r[5], r[6], r[7])
        return known
    if not target.whole_folder:  # a sub-folder: ask for its rows only, not the whole folder's
        return known_files_under(db, target.folder_id, target.fs_path)
    known = known_files(db, target.folder_id)
    prefix = target.fs_path.rstrip(os.sep) + os.sep
    return {p: k for p, k in known.items() if p.startswith(prefix)}


def _content_lookup(db: sqlite_utils.Database) -> ContentLookup | None:
    """Read access for the model stage to what models said about content already indexed (a
    copy or a move is not analysed again); None for a database without a file."""
    path = next((r[2] for r in db.execute("PRAGMA database_list") if r[1] == "main"), "")
    return ContentLookup(path) if path else None


def index_folders(
    db: sqlite_utils.Database,
    targets: Sequence[FolderTarget],
    *,
    thumbs_dir: Path,
    settings: IndexSettings,
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
    models: Sequence[ImageModel] = (),
    model_batch: int = 16,
    exclude: tuple[str, ...] = (),
    force: bool = False,
    sequential: bool = False,
    retention_days: float = DEFAULT_RETENTION_DAYS,
) -> IndexReport:
    """Index ``targets``; returns a report. Interruptions (cancel, Ctrl-C) keep all committed work.

    ``models`` run on every new or changed file, and on unchanged files they have not processed yet;
    decoded images reach them in batches of ``model_batch`` while the next files are decoded.
    """
    cancel = cancel or CancelToken()
    started = time.monotonic()
    report = IndexReport(folders=len(targets))
    online: list[FolderTarget] = []
    for t in targets:
        if os.path.isdir(t.fs_path):
            online.append(t)
        elif t.whole_folder:
            report.offline_folders.append(t.fs_path)
    if report.offline_folders:
        with transaction(db) as conn:
            for t in targets:
                if t.fs_path in report.offline_folders:
                    set_folder_scanned(conn, t.folder_id, state="offline")
    model_keys = frozenset(m.spec.key for m in models)
    sizes = [m.spec.preprocess.size for m in models if m.spec.preprocess is not None]
    if sizes and max(sizes) > settings.work_size:  # decode large enough for the biggest model input
        settings = dataclasses.replace(settings, work_size=max(sizes))
    scan = _Scan(db, online, exclude, settings, force, model_keys, missing_cutoff(retention_days))
    writer = IndexWriter(db, settings, retention_days=retention_days)
    listed = bool(online) and all(t.files is not None for t in online)
    kinds: Counter[str] = Counter()
    meter = RateMeter()
    last_emit = 0.0

    def decode(item: Job | ProblemRecord) -> Outcome | ProblemRecord:
        return process_file(item, settings, thumbs_dir) if isinstance(item, Job) else item

    stages = [Stage("decode", decode, workers=max(1, settings.workers))]
    lookup = None if force or not models else _content_lookup(db)
    if models:
        stages.append(model_stage(models, batch_size=model_batch, known=lookup))

    def emit(phase: str, current: str | None) -> None:
        elapsed = time.monotonic() - started
        rate = meter.update(report.processed)
        remaining = scan.total - report.processed
        eta = remaining / rate if (scan.finished and rate > 0) else None
        progress(
            IndexProgress(  # type: ignore[misc]
                phase=phase,
                scanning=not scan.finished,
                discovered=scan.discovered,
                up_to_date=scan.up_to_date,
                total=scan.total,
                done=report.processed,
                ok=report.ok,
                errors=report.errors,
                unchanged=report.unchanged,
                bytes_done=report.bytes_read,
                elapsed=elapsed,
                rate=rate,
                eta=eta,
                current=current,
            )
        )

    try:
        for item in run_pipeline(
            scan.items(), stages, cancel=cancel, queue_size=settings.queue_size, sequential=sequential
        ):
            writer.add(item)
            report.processed += 1
            current = item.problem.fs_path if isinstance(item, ProblemRecord) else item.job.fs_path
            if listed:
                report.finished.add(current)
            if isinstance(item, ProblemRecord):
                report.errors += 1
                kinds[str(item.problem.kind)] += 1
            elif item.status == "ok":
                report.ok += 1
                report.bytes_read += item.size or 0
                report.new_thumbnails += item.thumbnail_written
            elif item.status == "unchanged":
                report.unchanged += 1
            else:
                report.errors += 1
                kinds[str(item.error_kind)] += 1
            if progress and time.monotonic() - last_emit >= 0.1:
                last_emit = time.monotonic()
                emit("scanning" if not scan.finished else "working", current)
    finally:
        writer.flush()  # commit everything finished, also on Ctrl-C or an error
        if lookup is not None:
            lookup.close()
    report.cancelled = cancel.cancelled
    if not report.cancelled:
        with transaction(db) as conn:
            for t in online:
                gone = [i for i in scan.missing_ids(t) if i not in writer.adopted]  # adopted: moved
                report.missing += mark_missing(conn, gone)
                if t.files is None and t.whole_folder:
                    set_folder_scanned(conn, t.folder_id, state="online")
    report.discovered = scan.discovered
    report.up_to_date = scan.up_to_date
    report.restored = len(writer.adopted)
    report.commits = writer.commits
    report.errors_by_kind = dict(kinds)
    report.elapsed = time.monotonic() - started
    if progress:
        emit("cancelled" if report.cancelled else "done", None)
    return report
