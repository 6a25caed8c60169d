"""Moves, renames and deletes applied to the database, checked against the disk first.

All of a batch's structural changes go into one transaction (a folder rename with 10,000 files is
one commit). Rows are never erased here: a moved file's row takes its new path (so user tags,
ratings, embeddings and predictions stay with it), a deleted file's row is marked missing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from acgdesk.core.settings import SKIP_EXTENSIONS
from acgdesk.db.files import (
    PlacedFile,
    files_under,
    mark_missing,
    placed_by_id,
    placed_file,
    relocate_file,
    relocate_tree,
    touch_file,
)
from acgdesk.db.predictions import bump_vector_generation
from acgdesk.watch.settle import is_temporary

# A copy made this recently, without user tags, whose original is then deleted, was a move made as
# copy + delete (across drives): the original row, which holds the user's data, takes its place.
COPY_MOVE_WINDOW = timedelta(minutes=10)


@dataclass
class ApplyResult:
    moved: list[tuple[str, str]] = field(default_factory=list)
    folders_moved: list[tuple[str, str, int]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    recheck: list[tuple[str, int]] = field(default_factory=list)  # (path, folder id) to settle+index
    rescan: set[int] = field(default_factory=set)  # folders whose events made no sense: reconcile


def watchable_name(path: str) -> bool:
    """A name the watcher may index (the indexer's own filter decides about content later)."""
    name = os.path.basename(path)
    return not is_temporary(name) and os.path.splitext(name)[1].lower() not in SKIP_EXTENSIONS


class ChangeApplier:
    """Applies ``moved``/``deleted``/``dir_moved``/``dir_deleted`` changes inside one transaction."""

    def __init__(self, conn: sqlite3.Connection, root_online: Callable[[int], bool]) -> None:
        self.conn = conn
        self.root_online = root_online
        self.result = ApplyResult()

    def move(self, src: str, dest: str, folder_id: int) -> None:
        if not watchable_name(dest):  # renamed to a temporary or non-image name: gone as an image
            self.delete(src, folder_id)
            return
        row = placed_file(self.conn, src)
        if row is not None and not os.path.lexists(src) and os.path.isfile(dest):
            relocate_file(self.conn, row.id, dest, folder_id)
            self.result.moved.append((src, dest))
            if row.status != "ok" or not _same_stat(row, dest):
                self.result.recheck.append((dest, folder_id))
            return
        if os.path.isfile(dest):
            here = placed_file(self.conn, dest)
            if here is None or here.status != "ok" or not _same_stat(here, dest):
                self.result.recheck.append((dest, folder_id))  # e.g. ``x.jpg.part`` -> ``x.jpg``

    def delete(self, path: str, folder_id: int) -> None:
        if os.path.lexists(path):
            return  # replaced already: the new file's own events bring it in
        if not self.root_online(folder_id):
            return  # the drive went away, the files did not
        row = placed_file(self.conn, path)
        if row is None or row.status == "missing":
            return
        if not self._copied_then_deleted(row):
            mark_missing(self.conn, [row.id])
            self.result.missing.append(path)

    def move_folder(self, src: str, dest: str, folder_id: int) -> None:
        if os.path.lexists(src) or not os.path.isdir(dest):
            self.result.rescan.add(folder_id)  # moved back or on again meanwhile: look at the disk
            return
        n = relocate_tree(self.conn, src, dest, folder_id)
        self.result.folders_moved.append((src, dest, n))

    def delete_folder(self, path: str, folder_id: int) -> None:
        if os.path.isdir(path) or not self.root_online(folder_id):
            return
        gone = [
            r
            for r in files_under(self.conn, path)
            if r.status != "missing" and not os.path.lexists(r.fs_path)
        ]
        mark_missing(self.conn, [r.id for r in gone])
        self.result.missing.extend(r.fs_path for r in gone)

    def _copied_then_deleted(self, row: PlacedFile) -> bool:
        """The row's content was just copied elsewhere (a new row, no user tags): a move done as
        copy + delete. The old row takes the copy's path; the copy's fresh row is dropped."""
        if not row.content_hash:
            return False
        since = (datetime.now(UTC) - COPY_MOVE_WINDOW).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        twin = self.conn.execute(
            "SELECT f.id FROM files f WHERE f.content_hash = ? AND f.id != ? AND f.status = 'ok' "
            "AND f.added_at >= ? AND NOT EXISTS (SELECT 1 FROM file_tags t WHERE t.file_id = f.id "
            "AND t.source = 'user') ORDER BY f.added_at DESC LIMIT 1",
            (row.content_hash, row.id, since),
        ).fetchone()
        if twin is None:
            return False
        copy = placed_by_id(self.conn, int(twin[0]))
        if copy is None or not os.path.isfile(copy.fs_path):
            return False
        models = [
            r[0] for r in self.conn.execute("SELECT model FROM embeddings WHERE file_id = ?", (copy.id,))
        ]
        self.conn.execute("DELETE FROM files WHERE id = ?", (copy.id,))
        for model in models:
            bump_vector_generation(self.conn, model)
        relocate_file(self.conn, row.id, copy.fs_path, copy.folder_id)
        st = os.stat(copy.fs_path)
        touch_file(self.conn, row.id, st.st_size, st.st_mtime_ns)
        self.result.moved.append((row.fs_path, copy.fs_path))
        return True


def _same_stat(row: PlacedFile, path: str) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns) == (row.size, row.mtime_ns)
