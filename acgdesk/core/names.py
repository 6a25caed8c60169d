"""File names that are never a finished image: partial downloads, editors' and sync tools' temporaries.

One rule for every part of the library: a full scan, the watcher and exports all pass over these
names, so what a scan finds and what watching finds are the same set of files.
"""

from __future__ import annotations

# Download managers, browsers, editors and sync tools write under these names and rename at the end.
TEMP_SUFFIXES = (
    ".part",
    ".partial",
    ".crdownload",
    ".download",
    ".opdownload",
    ".tmp",
    ".temp",
    ".swp",
    ".!ut",
    ".!qb",
    ".aria2",
)


def is_temporary(name: str) -> bool:
    """A name that is never the finished file (``x.jpg.part``, ``x.jpg~``, ``.x.jpg.AbC123`` of rsync)."""
    lower = name.lower()
    if lower.endswith(TEMP_SUFFIXES) or name.endswith("~") or name.startswith((".~", "~$", ".#", "._")):
        return True
    # Hidden names with an unknown trailing part: rsync's ``.name.jpg.XXXXXX``, editors' swap files.
    return name.startswith(".") and name.count(".") >= 3
