"""Files the watcher knows of but has not indexed yet follow the renames and deletes around them.

Two kinds wait: files still settling (the :class:`Settler`) and settled files queued for the next
batch (``ready``: path -> folder id). A rename or a folder move before their batch ran would
otherwise send the batch to a path that no longer exists, and the file would wait for a rescan.
"""

from __future__ import annotations

import os

from acgdesk.watch.apply import watchable_name
from acgdesk.watch.observe import Change
from acgdesk.watch.settle import Settler


def follow(c: Change, settler: Settler, ready: dict[str, int]) -> None:
    """Apply one structural change (moved, deleted, dir_moved, dir_deleted) to the waiting files."""
    if c.kind == "moved":
        if c.path in ready:  # settled, not yet indexed: it is indexed where it went
            del ready[c.path]
            ready[c.dest] = c.folder_id
        renamed = settler.rename(c.path, c.dest, c.folder_id)
        if renamed or (not watchable_name(c.path) and watchable_name(c.dest)):
            # a settling file renamed, or a download's ``x.jpg.part`` -> ``x.jpg``: whole now
            settler.note(c.dest, c.folder_id, complete=True, native=c.native)
    elif c.kind == "deleted":
        settler.forget(c.path)
    elif c.kind == "dir_moved":
        settler.rename_under(c.path, c.dest, c.folder_id)
        inside = c.path.rstrip(os.sep) + os.sep
        for path in [p for p in ready if p.startswith(inside)]:
            del ready[path]
            ready[c.dest.rstrip(os.sep) + os.sep + path[len(inside) :]] = c.folder_id
    elif c.kind == "dir_deleted":
        settler.forget_under(c.path)


def drop_under(ready: dict[str, int], root: str) -> None:
    """Forget the queued files under ``root`` (its drive went away)."""
    inside = root.rstrip(os.sep) + os.sep
    for path in [p for p in ready if p.startswith(inside)]:
        del ready[path]
