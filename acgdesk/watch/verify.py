"""After every batch: the paths and folders it touched, checked against the disk.

Events are hints. A rename can be reported under a folder name that changed a moment later, a
delete can race a re-create, a move pair can arrive split across two observers. So every path and
folder a batch named is looked at again once the batch is applied: a path that is gone loses its
row's ``ok`` status, a path that is there is indexed by the rule ``acgdesk index`` uses (size and
mtime, hash on doubt, rows follow their content by hash), and a touched folder is walked as a whole,
its rows that no longer exist marked missing. Whatever order the events came in, the database ends
equal to the disk.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from acgdesk.db.files import files_under, mark_missing, placed_file
from acgdesk.pipeline.discover import _is_candidate
from acgdesk.pipeline.indexer import FolderTarget


@dataclass
class Touched:
    """Paths (files) and trees (folders) that changes named, each with its library folder id."""

    paths: dict[str, int] = field(default_factory=dict)
    trees: dict[str, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.paths or self.trees)

    def __len__(self) -> int:
        return len(self.paths) + len(self.trees)

    def add_path(self, path: str, folder_id: int) -> None:
        if path:
            self.paths[path] = folder_id

    def add_tree(self, path: str, folder_id: int) -> None:
        if path:
            self.trees[path.rstrip(os.sep) or os.sep] = folder_id

    def update(self, other: Touched) -> None:
        self.paths.update(other.paths)
        self.trees.update(other.trees)

    def discard_under(self, folder: str) -> None:
        """Forget everything under ``folder`` (it went offline: nothing there can be checked)."""
        prefix = folder.rstrip(os.sep) + os.sep
        self.paths = {p: f for p, f in self.paths.items() if not p.startswith(prefix)}
        self.trees = {
            p: f for p, f in self.trees.items() if p != folder.rstrip(os.sep) and not p.startswith(prefix)
        }


@dataclass
class VerifyPlan:
    """What checking the touched places found: targets to index, and rows whose files are gone."""

    targets: list[FolderTarget] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)


def outermost(trees: dict[str, int]) -> dict[str, int]:
    """Drop trees inside other touched trees: walking the outer one covers them."""
    out: dict[str, int] = {}
    for path in sorted(trees, key=len):
        if not any(path == t or path.startswith(t.rstrip(os.sep) + os.sep) for t in out):
            out[path] = trees[path]
    return out


def check_touched(
    conn: sqlite3.Connection,
    touched: Touched,
    *,
    roots: dict[int, str],
    root_online: Callable[[int], bool],
    pending: Collection[str],
    excluded: Callable[[str], bool],
) -> VerifyPlan:
    """Compare the touched places with the disk; marks rows of vanished files missing (in ``conn``'s
    transaction) and returns what must be indexed. ``pending`` are files still settling: they are
    indexed when finished, so they are neither indexed nor marked missing here."""
    plan = VerifyPlan()
    trees = {
        p: f for p, f in outermost(touched.trees).items() if f in roots and root_online(f) and not excluded(p)
    }
    for tree, fid in trees.items():
        inside = tree.rstrip(os.sep) + os.sep
        if os.path.isdir(tree):
            skip = frozenset(p for p in pending if p.startswith(inside))
            plan.targets.append(FolderTarget(fid, tree, skip=skip, whole_folder=False))
            continue
        gone = [
            r
            for r in files_under(conn, tree)
            if r.status != "missing" and r.fs_path not in pending and not os.path.lexists(r.fs_path)
        ]
        mark_missing(conn, [r.id for r in gone])
        plan.gone.extend(r.fs_path for r in gone)
    covered = tuple(t.rstrip(os.sep) + os.sep for t in trees)
    listed: dict[int, list[str]] = {}
    for path, fid in touched.paths.items():
        if path in pending or (covered and path.startswith(covered)) or fid not in roots or excluded(path):
            continue
        if not root_online(fid):
            continue
        if os.path.lexists(path):
            if _is_candidate(path, os.path.basename(path)):
                listed.setdefault(fid, []).append(path)
            continue
        row = placed_file(conn, path)
        if row is not None and row.status != "missing":
            mark_missing(conn, [row.id])
            plan.gone.append(path)
    for fid, paths in listed.items():
        plan.targets.append(FolderTarget(fid, roots[fid], tuple(paths)))
    return plan
