"""Undoable moves, copies and trashing of library files, with the library's rows following them.

The disk work happens first, item by item (progress, cancel; a failure is reported and the rest go
on), then one transaction moves the rows and records what was done. A move keeps the file's row
(tags, marks, embeddings, albums) under its new path; a copy into a library folder gets a row of
its own with everything known about the original (:mod:`acgdesk.db.row_copy`); a file moved out of
every library folder, or trashed, leaves its row marked missing, kept for the retention period, so
bringing it back restores everything. Undo puts files back where they were, never over another
file; undoing a copy sends the copy to the trash rather than deleting it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

import sqlite_utils

from acgdesk.core.errors import AcgdeskError
from acgdesk.curate import trash as trash_bin
from acgdesk.curate.transfer import TransferItem, TransferPlan, place, plan_transfer, run_transfer
from acgdesk.db import history
from acgdesk.db.connection import transaction
from acgdesk.db.files import folder_containing, mark_missing, placed_by_id, relocate_file, touch_file
from acgdesk.db.row_copy import copy_row, forget_row

Progress = Callable[[int, int, str], None]


class FileOpsError(AcgdeskError, OSError):
    """A move, copy or trash that could not start (nothing was changed)."""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class FileActions:
    """Mixed into :class:`acgdesk.curate.actions.Curator` (which provides ``db`` and ``ids``)."""

    db: sqlite_utils.Database
    ids: Callable[[Sequence[Any]], list[int]]

    def _library_folder(self, path: str) -> int | None:
        """The id of the deepest library folder holding ``path``, None outside the library."""
        return folder_containing(self.db.conn, path)

    def plan_transfer(
        self, refs: Sequence[Any], dest_dir: str, *, mode: str = "move", on_conflict: str = "skip"
    ) -> TransferPlan:
        """What a move or copy would do, to show and confirm first; changes nothing."""
        sources = []
        for file_id in self.ids(refs):
            row = placed_by_id(self.db.conn, file_id)
            if row is not None:
                sources.append((file_id, row.fs_path))
        plan = plan_transfer(sources, dest_dir, mode=mode, on_conflict=on_conflict)
        plan.leaves_library = self._library_folder(os.path.join(plan.dest_dir, "x")) is None
        return plan

    def transfer(self, plan: TransferPlan, *, progress: Progress | None = None, cancelled=None) -> Any:
        from acgdesk.curate.actions import Done

        keep = plan.mode == "copy"
        out = run_transfer(plan.ready, keep_source=keep, progress=progress, cancelled=cancelled)
        folder = self._library_folder(os.path.join(plan.dest_dir, "x"))
        records = []
        with transaction(self.db) as conn:
            for item in out.done:
                records.append(_apply_transfer(conn, item, plan.mode, folder))
            verb = "moved" if plan.mode == "move" else "copied"
            label = f"{verb} {_plural(len(out.done), 'file')} to {plan.dest_dir}"
            key = "move" if plan.mode == "move" else "copy"
            args: dict[str, Any] = {"files": len(out.done), "dest": str(plan.dest_dir)}
            action = None
            if records:
                payload = {"mode": plan.mode, "folder": folder, "items": records}
                action = history.record(conn, "transfer", label, payload, key=key, args=args)
        if out.failed:
            label += f" ({len(out.failed)} failed: {out.failed[0][1]})"
            args = {**args, "failed": len(out.failed), "error": str(out.failed[0][1])}
        if out.cancelled:
            label += " (cancelled)"
            args = {**args, "cancelled": True}
        return Done(label, len(out.done), action, key, args)

    def trash(self, refs: Sequence[Any], *, progress: Progress | None = None, cancelled=None) -> Any:
        """Move files to the desktop trash (undo brings them back); their rows are kept, missing."""
        from acgdesk.curate.actions import Done

        if not trash_bin.supported():
            raise FileOpsError(
                "moving to the trash is supported on Linux and BSD desktops in this version",
                key="trash_unsupported",
            )
        ids = self.ids(refs)
        done: list[list[Any]] = []
        failed: list[str] = []
        for n, file_id in enumerate(ids):
            if cancelled is not None and cancelled():
                break
            row = placed_by_id(self.db.conn, file_id)
            if row is None:
                continue
            if progress is not None:
                progress(n, len(ids), row.fs_path)
            try:
                item = trash_bin.trash(row.fs_path)
            except OSError as exc:
                failed.append(f"{row.fs_path}: {exc}")
                continue
            done.append([file_id, *item.to_list()])
        with transaction(self.db) as conn:
            mark_missing(conn, [r[0] for r in done])
            label = f"moved {_plural(len(done), 'file')} to the trash"
            args: dict[str, Any] = {"files": len(done)}
            action = (
                history.record(conn, "trash", label, {"items": done}, key="trash", args=args)
                if done
                else None
            )
        if failed:
            label += f" ({len(failed)} failed: {failed[0]})"
            args = {**args, "failed": len(failed), "error": failed[0]}
        return Done(label, len(done), action, "trash", args)


def _apply_transfer(conn: Any, item: TransferItem, mode: str, folder: int | None) -> list[Any]:
    """Rows after one file went: [file id, src, dst, id of the copy's row or None]."""
    new_id = None
    if mode == "move":
        if folder is not None:
            relocate_file(conn, item.file_id, item.dst, folder)
        else:
            mark_missing(conn, [item.file_id])
    elif folder is not None:
        new_id = copy_row(conn, item.file_id, item.dst, folder, os.stat(item.dst).st_mtime_ns)
    return [item.file_id, item.src, item.dst, new_id]


def _replay_transfer(conn: Any, p: dict[str, Any], *, undo: bool, action_id: int) -> None:
    folder = p.get("folder")
    for record in p["items"]:
        file_id, src, dst, new_id = record
        if p["mode"] == "move":
            frm, to = (dst, src) if undo else (src, dst)
            place(frm, to, keep_source=False)
            where = folder_containing(conn, to)
            if where is None:  # moved (back) out of every library folder
                mark_missing(conn, [file_id])
            else:
                relocate_file(conn, file_id, to, where)
                st = os.stat(to)
                touch_file(conn, file_id, st.st_size, st.st_mtime_ns)
        elif undo:
            if os.path.lexists(dst):
                if trash_bin.supported():
                    trash_bin.trash(dst)
                else:
                    os.unlink(dst)
            if new_id is not None:
                forget_row(conn, int(new_id))
        else:
            place(src, dst, keep_source=True)
            if folder is not None:
                record[3] = copy_row(conn, file_id, dst, folder, os.stat(dst).st_mtime_ns)
    if not undo and p["mode"] == "copy":
        history.update_payload(conn, action_id, p)  # the copies' new row ids, for the next undo


def _replay_trash(conn: Any, p: dict[str, Any], *, undo: bool, action_id: int) -> None:
    for record in p["items"]:
        file_id, original, path, info = record
        if undo:
            restored = trash_bin.restore(trash_bin.Trashed(original, path, info))
            st = os.stat(restored)
            touch_file(conn, int(file_id), st.st_size, st.st_mtime_ns)
        else:
            again = trash_bin.trash(original)
            record[2], record[3] = again.path, again.info
            mark_missing(conn, [int(file_id)])
    if not undo:
        history.update_payload(conn, action_id, p)  # where in the trash they are now


REPLAY = {"transfer": _replay_transfer, "trash": _replay_trash}
