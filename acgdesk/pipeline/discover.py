"""Walking library folders: every candidate image with its stat, every unreadable place as a problem.

Uses ``os.scandir`` (one ``stat`` per file, none for skipped names). Directory symlinks are followed
with a guard on (device, inode), so a link back to an ancestor is reported once as a loop instead of
recursing forever; a directory reached twice through different links is walked once. Names that are
not UTF-8 come back as ``os`` gives them (surrogate-escaped str) and are handled downstream.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass

from acgdesk.core.errors import FileErrorKind
from acgdesk.core.names import is_temporary
from acgdesk.core.settings import IMAGE_EXTENSIONS, SKIP_EXTENSIONS
from acgdesk.imaging.formats import sniff_format

# Folders other programs fill with their own caches or metadata.
SKIP_DIR_NAMES = frozenset(
    {".git", ".hg", ".svn", "@eaDir", "__MACOSX", ".thumbnails", ".Trash", "$RECYCLE.BIN"}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file that is (or may be) an image, with the stat used to decide whether it changed."""

    fs_path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Problem:
    """A path that could not be examined; recorded like a failed file."""

    fs_path: str
    kind: FileErrorKind
    message: str


def walk_folder(
    root: str, *, follow_symlinks: bool = True, exclude: tuple[str, ...] = ()
) -> Iterator[Candidate | Problem]:
    """Yield candidates and problems under ``root`` in a stable (sorted) order.

    ``exclude`` lists absolute folders never entered (the library's own folder, so acgdesk never
    indexes its thumbnails).
    """
    excluded = {os.path.realpath(p) for p in exclude}
    try:
        root_stat = os.stat(root)
    except OSError as exc:
        yield Problem(root, *_os_problem(exc))
        return
    visited = {(root_stat.st_dev, root_stat.st_ino)}
    stack: list[tuple[str, tuple[tuple[int, int], ...]]] = [(root, ((root_stat.st_dev, root_stat.st_ino),))]
    while stack:
        directory, ancestors = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except FileNotFoundError as exc:
            if directory == root:
                yield Problem(directory, *_os_problem(exc))
            continue  # a sub-folder moved or deleted meanwhile: gone, not a problem (its files are)
        except OSError as exc:
            yield Problem(directory, *_os_problem(exc))
            continue
        subdirs: list[tuple[str, tuple[tuple[int, int], ...]]] = []
        for entry in entries:
            item = _examine(entry, follow_symlinks, excluded, visited, ancestors)
            if item is None:
                continue
            if isinstance(item, tuple):
                subdirs.append(item)
            else:
                yield item
        stack.extend(reversed(subdirs))


def _examine(entry: os.DirEntry, follow: bool, excluded: set[str], visited: set, ancestors: tuple):
    """Classify one directory entry: a subfolder to walk, a candidate, a problem, or nothing."""
    name = entry.name
    try:
        is_link = entry.is_symlink()
        if is_link and not follow:
            return None
        st = entry.stat(follow_symlinks=True)
    except OSError as exc:
        if not _interesting_name(name):
            return None
        if exc.errno == errno.ENOENT and is_link:
            return Problem(
                entry.path, FileErrorKind.VANISHED, "broken symbolic link: its target does not exist"
            )
        if exc.errno == errno.ENOENT:
            return None  # deleted or moved away since the folder was listed: not there to record
        return Problem(entry.path, *_os_problem(exc))
    if stat.S_ISDIR(st.st_mode):
        if name in SKIP_DIR_NAMES or name.startswith("."):
            return None
        if os.path.realpath(entry.path) in excluded:
            return None
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            return Problem(
                entry.path, FileErrorKind.SYMLINK_LOOP, "symbolic link loop: points back to a parent folder"
            )
        if key in visited:
            return None  # the same folder through a second link: already walked
        visited.add(key)
        return (entry.path, (*ancestors, key))
    if not stat.S_ISREG(st.st_mode):
        return None
    if not _is_candidate(entry.path, name):
        return None
    return Candidate(entry.path, st.st_size, st.st_mtime_ns)


def _interesting_name(name: str) -> bool:
    ext = os.path.splitext(name)[1].lower()
    return ext in IMAGE_EXTENSIONS or (ext not in SKIP_EXTENSIONS and not name.startswith("."))


def _is_candidate(path: str, name: str) -> bool:
    if is_temporary(name):  # partial downloads, editors' temporaries, resource forks, lock files
        return False
    ext = os.path.splitext(name)[1].lower()
    if ext in IMAGE_EXTENSIONS:
        return True
    if ext in SKIP_EXTENSIONS or name.startswith(".") or name.endswith("~"):
        return False
    try:  # unknown extension: let the content decide
        with open(path, "rb") as fh:
            return sniff_format(fh.read(32)) is not None
    except OSError:
        return True  # unreadable: report it through the normal path


def _os_problem(exc: OSError) -> tuple[FileErrorKind, str]:
    if exc.errno == errno.ELOOP:
        return FileErrorKind.SYMLINK_LOOP, "symbolic link loop"
    if isinstance(exc, PermissionError):
        return FileErrorKind.PERMISSION, "permission denied: acgdesk may not read this"
    if isinstance(exc, FileNotFoundError):
        return FileErrorKind.VANISHED, "disappeared while the folder was being read"
    return FileErrorKind.IO_ERROR, f"cannot read: {exc.strerror or exc}"
