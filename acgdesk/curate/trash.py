"""The desktop trash (freedesktop.org Trash specification 1.0), so "move to trash" can be undone.

A trashed file goes to ``$XDG_DATA_HOME/Trash/files`` (default ``~/.local/share/Trash``) when it is
on the same file system as that folder, else to ``$topdir/.Trash-$UID`` at the top of its own
mount (never copied across drives); beside it, ``info/NAME.trashinfo`` records the original path
and the time, which is what file managers show and what :func:`restore` reads. Names are taken
with ``O_EXCL`` on the info file first, as the specification asks, so two programs trashing
``a.png`` at once cannot take the same slot.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from acgdesk.core.errors import AcgdeskError


class TrashError(AcgdeskError, OSError):
    """A file could not be moved to the trash or back."""


@dataclass(frozen=True)
class Trashed:
    original: str  # where the file was
    path: str  # where it is now, inside the trash's files/
    info: str  # its .trashinfo

    def to_list(self) -> list[str]:
        return [self.original, self.path, self.info]


def supported() -> bool:
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def _home_trash() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "Trash"


def _mount_top(path: str) -> str:
    path = os.path.realpath(path)
    dev = os.lstat(path).st_dev
    while True:
        parent = os.path.dirname(path)
        if parent == path or os.lstat(parent).st_dev != dev:
            return path
        path = parent


def trash_dir_for(path: str) -> Path:
    """The trash a file goes to: the home trash on the home file system, else its mount's own."""
    home = _home_trash()
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.lstat(path).st_dev == os.stat(home).st_dev:
        return home
    top = Path(_mount_top(os.path.dirname(os.path.abspath(path))))
    own = top / f".Trash-{os.getuid()}"
    own.mkdir(exist_ok=True, mode=0o700)
    return own


def trash(path: str) -> Trashed:
    """Move ``path`` to the trash; raises :class:`TrashError` when that is not possible here."""
    if not supported():
        raise TrashError(
            "moving to the trash is supported on Linux and BSD desktops in this version",
            key="trash_unsupported",
        )
    source = os.path.abspath(path)
    if not os.path.lexists(source):
        raise TrashError(f"not there any more: {source}", key="vanished", params={"path": source})
    root = trash_dir_for(source)
    (root / "files").mkdir(exist_ok=True, mode=0o700)
    (root / "info").mkdir(exist_ok=True, mode=0o700)
    stem, ext = os.path.splitext(os.path.basename(source))
    original = source if root == _home_trash() else os.path.relpath(source, root.parent)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    body = f"[Trash Info]\nPath={urllib.parse.quote(original)}\nDeletionDate={stamp}\n"
    for n in range(1, 10_000):
        name = f"{stem}{ext}" if n == 1 else f"{stem}.{n}{ext}"
        info = root / "info" / f"{name}.trashinfo"
        try:
            fd = os.open(info, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
        target = root / "files" / name
        if os.path.lexists(target):  # a stray file without info: try the next name
            os.unlink(info)
            continue
        try:
            os.rename(source, target)
        except OSError as exc:
            os.unlink(info)
            raise TrashError(
                f"could not move {source} to the trash: {exc.strerror}",
                key="cannot_trash",
                params={"path": source, "detail": exc.strerror},
            ) from exc
        return Trashed(source, str(target), str(info))
    raise TrashError(f"the trash has no free name for {source}", key="trash_full", params={"path": source})


def restore(item: Trashed) -> str:
    """Put a trashed file back where it was (never over another file); returns that path."""
    if not os.path.lexists(item.path):
        raise TrashError(
            f"no longer in the trash (emptied?): {item.original}",
            key="not_in_trash",
            params={"path": item.original},
        )
    if os.path.lexists(item.original):
        raise TrashError(
            f"another file now has its name: {item.original}",
            key="name_taken",
            params={"path": item.original},
        )
    os.makedirs(os.path.dirname(item.original), exist_ok=True)
    try:
        os.link(item.path, item.original)  # fails rather than replace a file made meanwhile
        os.unlink(item.path)
    except OSError:
        if os.path.lexists(item.original):
            raise TrashError(
                f"another file now has its name: {item.original}",
                key="name_taken",
                params={"path": item.original},
            ) from None
        os.rename(item.path, item.original)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(item.info)
    return item.original
