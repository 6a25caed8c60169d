"""Moves, renames and deletes replayed on the database in the order the OS reported them.

Why replay rather than look at the disk first: by the time a batch is applied the disk is already in
its *final* state, and checking each event against it breaks on ordinary sequences (a swap through
a temporary name, a rename inside a folder that is renamed a moment later). Replaying the events in
order keeps each row (and the user tags, marks and embeddings hanging off its id) on the content it
describes. What the events do not say, or say wrongly, the check that follows every batch
(:mod:`acgdesk.watch.verify`) repairs from the disk: the replay only decides where rows go, the disk
decides what is there.

All of a batch's structural changes go into one transaction (a folder rename with 10,000 files is
one commit). Rows are never erased here: a moved file's row takes its new path, a deleted file's row
is marked missing, a file renamed to a name the library does not index (``x.png.tmp``) takes its row
along, marked missing, so that renaming it back restores it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from acgdesk.core.names import is_temporary
from acgdesk.core.settings import SKIP_EXTENSIONS
from acgdesk.db.files import (
    PlacedFile,
    displace_file,
    files_under,
    mark_missing,
    placed_by_id,
    placed_file,
    relocate_file,
    relocate_tree,
    revive_file,
    touch_file,
)
from acgdesk.db.predictions import bump_vector_generation
from acgdesk.watch.observe import Change
from acgdesk.watch.verify import Touched

# A copy made this recently, without user tags, whose original is then deleted, was a move made as
# copy + delete (across drives): the original row, which holds the user's data, takes its place.
COPY_MOVE_WINDOW = timedelta(minutes=10)


@dataclass
class ApplyResult:
    moved: list[tuple[str, str]] = field(default_factory=list)
    folders_moved: list[tuple[str, str, int]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    touched: Touched = field(default_factory=Touched)  # what the check after the batch looks at


def watchable_name(path: str) -> bool:
    """A name the watcher may index (the indexer's own filter decides about content later)."""
    name = os.path.basename(path)
    return not is_temporary(name) and os.path.splitext(name)[1].lower() not in SKIP_EXTENSIONS


def replay(
    conn: sqlite3.Connection, changes: Iterable[Change], root_online: Callable[[int], bool]
) -> ApplyResult:
    """Replay a batch's structural changes in order (call inside one transaction)."""
    applier = ChangeApplier(conn, root_online)
    for c in changes:
        if c.kind == "moved":
            applier.move(c.path, c.dest, c.folder_id)
        elif c.kind == "deleted":
            applier.delete(c.path, c.folder_id)
        elif c.kind == "dir_moved":
            applier.move_folder(c.path, c.dest, c.folder_id)
        elif c.kind == "dir_deleted":
            applier.delete_folder(c.path, c.folder_id)
        elif c.kind == "dir_created":  # its files come as events of their own; check it as a whole
            applier.result.touched.add_tree(c.path, c.folder_id)
    return applier.result


class ChangeApplier:
    """Replays ``moved``/``deleted``/``dir_moved``/``dir_deleted`` changes inside one transaction."""

    def __init__(self, conn: sqlite3.Connection, root_online: Callable[[int], bool]) -> None:
        self.conn = conn
        self.root_online = root_online
        self.result = ApplyResult()

    @staticmethod
    def _describes(row: PlacedFile, path: str) -> bool:
        """The file now at ``path`` is the one the row last recorded (same size and mtime: a rename
        keeps both). Then an event saying it left is older than what the writer already saw on
        disk (the watcher soak, seed 12, sequence 162: a new file was indexed after a swap had
        moved it, and the swap's late events carried its row back onto the other file)."""
        if row.size is None or row.mtime_ns is None:
            return False
        try:
            st = os.stat(path)
        except OSError:
            return False
        return (st.st_size, st.st_mtime_ns) == (row.size, row.mtime_ns)

    def move(
        self,
        src: str,
        dest: str,
        folder_id: int,
        src_folder_id: int | None = None,
    ) -> None:
        touched = self.result.touched
        touched.add_path(src, src_folder_id or folder_id)
        touched.add_path(dest, folder_id)  # both are checked against the disk after the batch
        row = placed_file(self.conn, src)
        if row is not None and self._describes(row, src):
            return  # its file is still there: the event is stale (both paths are checked after)
        if not watchable_name(dest):  # renamed to a temporary or non-image name: it left the library
            if row is not None:
                # The row goes along, marked missing: a rename back (``x.png`` -> ``x.png.tmp`` ->
                # ``y.png``, a swap) brings it back with everything, even if the bytes changed.
                relocate_file(self.conn, row.id, dest, folder_id)
                mark_missing(self.conn, [row.id])
                self.result.missing.append(src)
            return
        if row is not None:
            relocate_file(self.conn, row.id, dest, folder_id)  # an overwritten row at dest is displaced
            if row.status == "missing" and not watchable_name(src):
                # Back from a temporary name (a swap, an editor's save): the file, not a stranger,
                # even if its bytes changed on the way; the check after the batch confirms it.
                revive_file(self.conn, row.id)
            self.result.moved.append((src, dest))
            return
        here = placed_file(self.conn, dest)
        if here is not None and watchable_name(src) and not self._describes(here, dest):
            # Another image (not yet indexed) was moved over this one: the old content is gone from
            # here, its row steps aside. An editor's save through a temporary name keeps the row.
            displace_file(self.conn, here.id)

    def delete(self, path: str, folder_id: int) -> None:
        self.result.touched.add_path(path, folder_id)
        if not self.root_online(folder_id):
            return  # the drive went away, the files did not
        row = placed_file(self.conn, path)
        if row is None or row.status == "missing":
            return
        if not self._copied_then_deleted(row):
            mark_missing(self.conn, [row.id])
            self.result.missing.append(path)

    def move_folder(self, src: str, dest: str, folder_id: int) -> None:
        self.result.touched.add_tree(src, folder_id)
        self.result.touched.add_tree(dest, folder_id)
        n = relocate_tree(self.conn, src, dest, folder_id)
        self.result.folders_moved.append((src, dest, n))

    def delete_folder(self, path: str, folder_id: int) -> None:
        self.result.touched.add_tree(path, folder_id)
        if not self.root_online(folder_id):
            return
        gone = [r for r in files_under(self.conn, path) if r.status != "missing"]
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
