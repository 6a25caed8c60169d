"""The single database writer: turns outcomes into rows, many files per transaction.

Only this object writes during a run, from the caller's thread, so there are no write conflicts and
each commit is one fsync for hundreds of files. A transaction either lands whole or not at all: a
kill at any moment leaves the database as it was after the last commit, and the next run redoes the
files that were not committed yet.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

import sqlite_utils

from acgdesk.core import faults
from acgdesk.core.errors import FileErrorKind
from acgdesk.core.settings import IndexSettings
from acgdesk.db.connection import transaction
from acgdesk.db.files import (
    DEFAULT_RETENTION_DAYS,
    PlacedFile,
    clear_derived,
    displace_file,
    mark_missing,
    missing_cutoff,
    move_candidates,
    placed_by_id,
    placed_file,
    relocate_file,
    replace_metadata,
    touch_file,
    upsert_file,
    upsert_image_hashes,
)
from acgdesk.db.generation import replace_generation
from acgdesk.db.marks import adopt_marks
from acgdesk.db.predictions import TagIds, record_model_run, replace_model_tags, store_embedding, store_scores
from acgdesk.db.search_text import refresh_search_text
from acgdesk.db.shared_content import forget_model_output, share_model_output
from acgdesk.imaging.generation.runs import stored_record
from acgdesk.imaging.hashing import hash_stream
from acgdesk.imaging.metadata import ImageMetadata
from acgdesk.pipeline.discover import Problem
from acgdesk.pipeline.ingest import Outcome
from acgdesk.tags.keywords import import_embedded_keywords
from acgdesk.tags.ratings import embedded_rating, marks_from_rating


class ProblemRecord:
    """A discovery problem bound to the folder it was found in."""

    __slots__ = ("folder_id", "problem")

    def __init__(self, folder_id: int, problem: Problem) -> None:
        self.folder_id = folder_id
        self.problem = problem


class IndexWriter:
    """Buffers outcomes and commits them in batches (by count or by time, whichever comes first)."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        settings: IndexSettings,
        *,
        retention_days: float = DEFAULT_RETENTION_DAYS,
    ) -> None:
        self.db = db
        self.commit_every = settings.commit_every
        self.commit_seconds = settings.commit_seconds
        self.pending: list[Outcome | ProblemRecord] = []
        self.last_commit = time.monotonic()
        self.committed = 0
        self.commits = 0
        self.tag_ids = TagIds()
        # Rows that took over a new path because their content moved there (see ``_adopt``).
        self.adopted: set[int] = set()
        self.restore_after = missing_cutoff(retention_days)

    def add(self, item: Outcome | ProblemRecord) -> None:
        if isinstance(item, Outcome):
            item.image = None  # pixels are not stored; free them now
        self.pending.append(item)
        if (
            len(self.pending) >= self.commit_every
            or time.monotonic() - self.last_commit >= self.commit_seconds
        ):
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        try:
            with transaction(self.db) as conn:
                for item in self._arrivals_first(conn, self.pending):
                    if isinstance(item, ProblemRecord):
                        _write_problem(conn, item)
                    elif self._adopt(conn, item):
                        _write_outcome(conn, item, self.tag_ids)
                faults.point("writer.before_commit")  # crash tests: the whole batch written, no COMMIT
        except BaseException:
            self.tag_ids.cache.clear()  # ids created in the rolled-back transaction may be reused
            raise
        self.committed += len(self.pending)
        self.commits += 1
        self.pending.clear()
        self.last_commit = time.monotonic()
        faults.point("writer.committed")  # crash tests: a kill here must keep this batch

    @staticmethod
    def _arrivals_first(conn, items: list[Outcome | ProblemRecord]) -> list[Outcome | ProblemRecord]:
        """The batch with the files whose path's row holds other bytes ("changed in place") last.

        Why: a row's bytes may have moved to another path of the same batch while new bytes took
        its name (a swap with a file not indexed yet). Written first, the new path takes the row
        over (its old path no longer holds its content) and the old name gets a row of its own;
        written the other way round, the row would be rewritten with the stranger's bytes and the
        user's tags left on it. A genuine edit (the old bytes nowhere else) ends the same either
        way. Every outcome of one path keeps its place relative to the others of that path."""
        changed: set[str] = set()
        for item in items:
            if isinstance(item, Outcome) and item.status == "ok" and item.content_hash:
                here = placed_file(conn, item.job.fs_path)
                if here is not None and here.content_hash and here.content_hash != item.content_hash:
                    changed.add(item.job.fs_path)
        if not changed:
            return items
        later = [i for i in items if isinstance(i, Outcome) and i.job.fs_path in changed]
        return [i for i in items if not (isinstance(i, Outcome) and i.job.fs_path in changed)] + later

    def _adopt(self, conn, outcome: Outcome) -> bool:
        """Moved or restored content keeps its row, so user tags, ratings, embeddings and predictions
        follow it: a file at a new path whose bytes match a row that is missing (within the
        retention) or whose own file is gone takes that row over. False: write nothing for it."""
        job = outcome.job
        if outcome.status == "unchanged":  # the scan guessed this file is row ``file_id``, moved
            row = placed_by_id(conn, job.file_id) if job.file_id is not None else None
            if row is None or row.fs_path == job.fs_path:
                return row is not None or job.file_id is None
            return self._take(conn, row, outcome)
        if outcome.status != "ok" or not outcome.content_hash:
            return True
        here = placed_file(conn, job.fs_path)
        if here is not None and here.content_hash == outcome.content_hash:
            return True
        if here is not None and here.status == "missing" and here.content_hash:
            # The row's file left (deleted, or moved where events could not follow) and other bytes
            # now have its name: a new file, not an edit. The row steps aside, still restorable by
            # its content, instead of lending its tags and marks to a stranger (found by the soak:
            # a tag stayed on the new file, and was missing when the old content came back).
            displace_file(conn, here.id)
            here = None
        for row in move_candidates(conn, content_hash=outcome.content_hash, missing_after=self.restore_after):
            if (here is None or row.id != here.id) and self._take(conn, row, outcome):
                break
        return True

    def _take(self, conn, row: PlacedFile, outcome: Outcome) -> bool:
        if row.status == "ok" and not content_left(row):
            return False  # a copy, not a move
        relocate_file(conn, row.id, outcome.job.fs_path, outcome.job.folder_id)
        self.adopted.add(row.id)
        return True


def file_gone(row: PlacedFile) -> bool:
    """The row's file is not there although its folder is (an offline drive proves nothing)."""
    return not os.path.lexists(row.fs_path) and os.path.isdir(row.folder_fs_path)


def content_left(row: PlacedFile) -> bool:
    """The row's content is no longer at the row's path: the file is gone, or other bytes are there
    now (a file moved or swapped onto that name before its own events were seen). Hashed only when
    the size or mtime changed, so a touched file that still holds the content keeps its row."""
    if file_gone(row):
        return True
    if not os.path.isdir(row.folder_fs_path) or not row.content_hash:
        return False
    try:
        st = os.stat(row.fs_path)
        if (st.st_size, st.st_mtime_ns) == (row.size, row.mtime_ns):
            return False
        with open(row.fs_path, "rb") as fh:
            return hash_stream(fh, st.st_size) != row.content_hash
    except OSError:
        return False


def _write_problem(conn, record: ProblemRecord) -> None:
    file_id = upsert_file(
        conn,
        record.problem.fs_path,
        {
            "folder_id": record.folder_id,
            "status": "error",
            "error_kind": str(record.problem.kind),
            "error": record.problem.message,
        },
    )
    refresh_search_text(conn, [file_id])  # every file has its row: queries skip the slow check


def _passing_trouble(conn, outcome: Outcome) -> bool:
    """A file that vanished, or was replaced, while it was being read says nothing about the row
    at its path: writing that as an error would wipe the row's content hash, and with it the one
    way its tags could follow the content to wherever it went (found by the watcher soak: a swap
    caught mid-read). The row is left as it is (marked missing when the file is really gone); the
    events, or the next scan, say what happened. True: nothing more to write."""
    if outcome.error_kind not in (FileErrorKind.VANISHED, FileErrorKind.CHANGED):
        return False
    job = outcome.job
    row = placed_file(conn, job.fs_path)
    # A missing row counts too (found by the 10,000-operation burst): its content went elsewhere and
    # a passing stranger vanished from its name; the error would wipe the hash it is found again by.
    if row is None or row.status not in ("ok", "missing") or not row.content_hash:
        return False  # nothing sound to keep: the error is recorded (and retried: it is transient)
    if row.status == "ok" and file_gone(row):
        mark_missing(conn, [row.id])
    return True


def _write_outcome(conn, outcome: Outcome, tag_ids: TagIds) -> None:
    job = outcome.job
    if outcome.status == "unchanged" and job.file_id is not None:
        touch_file(conn, job.file_id, outcome.size or 0, outcome.mtime_ns or 0)
        return
    if outcome.status == "error":
        if _passing_trouble(conn, outcome):
            return
        file_id = upsert_file(
            conn,
            job.fs_path,
            {
                "folder_id": job.folder_id,
                "size": outcome.size,
                "mtime_ns": outcome.mtime_ns,
                "status": "error",
                "error_kind": str(outcome.error_kind),
                "error": outcome.error,
            },
        )
        clear_derived(conn, file_id)
        replace_generation(conn, file_id, None)
        refresh_search_text(conn, [file_id])
        return
    before = placed_file(conn, job.fs_path) if outcome.shared else None
    had_hash = before.content_hash if before is not None else None
    file_id = upsert_file(
        conn,
        job.fs_path,
        {
            "folder_id": job.folder_id,
            "size": outcome.size,
            "mtime_ns": outcome.mtime_ns,
            "content_hash": outcome.content_hash,
            "width": outcome.width,
            "height": outcome.height,
            "format": outcome.format,
            "mode": outcome.mode,
            "frames": outcome.frames,
            "status": "ok",
        },
    )
    if outcome.hashes is not None:
        h = outcome.hashes
        upsert_image_hashes(conn, file_id, h.phash, h.dhash, h.phash_dihedral)
    replace_metadata(conn, file_id, metadata_row(outcome.metadata))
    refresh_search_text(conn, [file_id])  # after the path and the prompt: literal CJK search reads it
    generation = outcome.metadata.generation if outcome.metadata is not None else None
    replace_generation(conn, file_id, stored_record(generation))  # runs, LoRAs: queries and facets
    rating = embedded_rating(outcome.metadata) if outcome.metadata is not None else None
    if rating:  # stars or a reject another program wrote into the file (digiKam, Lightroom, Windows)
        adopt_marks(conn, file_id, marks_from_rating(rating))
    _import_keywords(conn, tag_ids, file_id, outcome)
    _write_predictions(conn, tag_ids, file_id, outcome)
    if outcome.shared and had_hash != outcome.content_hash:  # the row's own output, if any, is of other bytes
        for model in sorted(outcome.shared):
            if not share_model_output(conn, file_id, outcome.content_hash or "", model):
                forget_model_output(conn, file_id, model)  # the next scan runs it


def _import_keywords(conn, tag_ids: TagIds, file_id: int, outcome: Outcome) -> None:
    """Keywords digiKam, Lightroom, Photoshop or Windows embedded become user tags, each once per
    file, so a tag the user removed here is not brought back (:mod:`acgdesk.tags.keywords`)."""
    if outcome.metadata is not None:
        import_embedded_keywords(conn, tag_ids, file_id, outcome.metadata)


def _write_predictions(conn, tag_ids: TagIds, file_id: int, outcome: Outcome) -> None:
    """Each model's output replaces that model's earlier output for the file, nothing else."""
    for p in outcome.predictions:
        replace_model_tags(
            conn, tag_ids, file_id, p.model, ((t.name, t.category, t.probability) for t in p.tags)
        )
        if p.embedding is not None:
            store_embedding(conn, file_id, p.model, p.embedding)
        if p.scores:
            store_scores(conn, file_id, p.model, p.scores)
        record_model_run(conn, file_id, p.model)
    for model, error in outcome.model_errors.items():
        record_model_run(conn, file_id, model, error)


def metadata_row(meta: ImageMetadata | None) -> dict[str, Any] | None:
    """Columns of the ``metadata`` table for one file, or None when the file carries nothing."""
    if meta is None or meta.empty:
        return None
    gen = meta.generation
    return {
        "exif": json.dumps(meta.exif, ensure_ascii=False) if meta.exif else None,
        "xmp": meta.xmp,
        "text_chunks": json.dumps(meta.text, ensure_ascii=False) if meta.text else None,
        "generator": gen.generator if gen else None,
        "prompt": gen.prompt if gen else None,
        "negative_prompt": gen.negative_prompt if gen else None,
        "generation_params": json.dumps(gen.params, ensure_ascii=False, default=str) if gen else None,
    }
