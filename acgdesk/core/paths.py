"""Where a library lives, and how file-system paths are stored as text.

Paths on Linux are bytes and need not be UTF-8, but SQLite text must be. A path that is valid
UTF-8 is stored as-is; any other path is stored with its odd bytes shown as ``\\xNN`` (readable,
searchable) and its exact bytes kept beside it, so the file can always be opened again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

LIBRARY_ENV = "ACGDESK_LIBRARY"
DB_NAME = "library.db"
THUMBS_DIR = "thumbs"
INDEX_DIR = "index"
BACKUP_DIR = "backups"


def default_library_dir() -> Path:
    """In the per-user data folder of this platform (e.g. ``~/.local/share/acgdesk/library``);
    downloaded models sit beside it in ``.../acgdesk/models``, shared by every library."""
    return Path(platformdirs.user_data_dir("acgdesk", appauthor=False)) / "library"


def resolve_library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--library`` wins over ``$ACGDESK_LIBRARY``, which wins over the platform default."""
    if explicit:
        return Path(explicit).expanduser().absolute()
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser().absolute()
    return default_library_dir()


@dataclass(frozen=True, slots=True)
class StoredPath:
    """A path as the database holds it: display text plus raw bytes when the text is lossy."""

    text: str
    raw: bytes | None

    @classmethod
    def from_fs(cls, fs_path: str) -> StoredPath:
        """Build from a path as ``os`` functions return it (undecodable bytes as surrogates)."""
        try:
            fs_path.encode("utf-8")
        except UnicodeEncodeError:
            raw = os.fsencode(fs_path)
            return cls(raw.decode("utf-8", "backslashreplace"), raw)
        return cls(fs_path, None)

    @staticmethod
    def to_fs(text: str, raw: bytes | None) -> str:
        """The path to hand to ``open``/``os.stat`` for a stored (text, raw) pair."""
        return os.fsdecode(raw) if raw is not None else text


def normalise_root(path: str | os.PathLike[str]) -> str:
    """Absolute, symlink-free folder path used as a library folder's identity."""
    return os.path.realpath(os.path.abspath(os.fspath(path)))
