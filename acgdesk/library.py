"""The headless facade: one object the CLI and the GUI both use to reach everything else.

A library is a folder holding ``library.db``, the thumbnail cache and index files. The image folders
it manages stay where they are: they are only ever read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from acgdesk.core.errors import LibraryError
from acgdesk.core.paths import (
    BACKUP_DIR,
    DB_NAME,
    INDEX_DIR,
    THUMBS_DIR,
    StoredPath,
    normalise_root,
    resolve_library_dir,
)
from acgdesk.core.settings import IndexSettings
from acgdesk.db import files as files_db
from acgdesk.db.connection import connect, transaction
from acgdesk.db.migrations import applied_migrations, migrate
from acgdesk.imaging.thumbnails import sweep_temporary_files, thumbnail_path
from acgdesk.models.results import ImageModel
from acgdesk.pipeline.engine import CancelToken
from acgdesk.pipeline.indexer import FolderTarget, IndexReport, index_folders
from acgdesk.pipeline.progress import ProgressCallback


@dataclass(frozen=True)
class FolderInfo:
    id: int
    path: str
    state: str
    last_scan_at: str | None
    counts: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Library:
    """An open library. Use as a context manager, or call :meth:`close`."""

    def __init__(self, root: Path, db: sqlite_utils.Database, settings: IndexSettings) -> None:
        self.root = root
        self.db = db
        self.settings = settings

    @classmethod
    def open(
        cls, root: str | os.PathLike[str] | None = None, *, settings: IndexSettings | None = None
    ) -> Library:
        """Open (creating if needed) the library at ``root`` (default: ``$ACGDESK_LIBRARY`` or per-user)."""
        path = resolve_library_dir(root)
        try:
            path.mkdir(parents=True, exist_ok=True)
            (path / THUMBS_DIR).mkdir(exist_ok=True)
            (path / INDEX_DIR).mkdir(exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the library folder {path}: {exc.strerror or exc}") from exc
        try:
            db = connect(path / DB_NAME)
            migrate(db, backup_dir=path / BACKUP_DIR)
        except LibraryError:
            raise
        except Exception as exc:  # sqlite3.DatabaseError: not a database, locked, disk full...
            raise LibraryError(f"cannot open {path / DB_NAME}: {exc}") from exc
        return cls(path, db, settings or IndexSettings())

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- locations ---------------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def thumbs_dir(self) -> Path:
        return self.root / THUMBS_DIR

    def thumbnail_for(self, content_hash: str) -> Path:
        return thumbnail_path(self.thumbs_dir, content_hash)

    # -- folders -----------------------------------------------------------------------------------
    def folders(self) -> list[FolderInfo]:
        counts = files_db.folder_counts(self.db)
        return [
            FolderInfo(f.id, f.path, f.state, f.last_scan_at, counts.get(f.id, {}))
            for f in files_db.list_folders(self.db)
        ]

    def add_folders(self, paths: Sequence[str | os.PathLike[str]]) -> list[FolderTarget]:
        """Make each path part of the library; returns what to scan for each.

        A path inside an existing library folder is scanned as part of that folder; a path that
        contains existing library folders absorbs them (their files keep their rows).
        """
        targets: list[FolderTarget] = []
        for raw in paths:
            path = normalise_root(raw)
            if not os.path.isdir(path):
                raise LibraryError(f"not a folder: {os.fsdecode(raw)}")
            targets.append(self._ensure_folder(path))
        return targets

    def _ensure_folder(self, path: str) -> FolderTarget:
        existing = files_db.list_folders(self.db)
        for folder in existing:
            if path == folder.fs_path or path.startswith(folder.fs_path.rstrip(os.sep) + os.sep):
                return FolderTarget(folder.id, path)
        with transaction(self.db) as conn:
            folder_id = files_db.ensure_folder(conn, path)
            children = [f for f in existing if f.fs_path.startswith(path.rstrip(os.sep) + os.sep)]
            for child in children:
                conn.execute("UPDATE files SET folder_id = ? WHERE folder_id = ?", (folder_id, child.id))
                conn.execute("DELETE FROM folders WHERE id = ?", (child.id,))
        return FolderTarget(folder_id, path)

    # -- indexing ----------------------------------------------------------------------------------
    def index(
        self,
        paths: Sequence[str | os.PathLike[str]] | None = None,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        force: bool = False,
        models: Sequence[ImageModel] = (),
        sequential: bool = False,
    ) -> IndexReport:
        """Add ``paths`` (or take every library folder) and bring the database up to date with them."""
        sweep_temporary_files(self.thumbs_dir)  # leftovers of a killed run
        if paths:
            targets = self.add_folders(paths)
        else:
            targets = [FolderTarget(f.id, f.fs_path) for f in files_db.list_folders(self.db)]
        return index_folders(
            self.db,
            targets,
            thumbs_dir=self.thumbs_dir,
            settings=self.settings,
            cancel=cancel,
            progress=progress,
            models=models,
            exclude=(str(self.root),),
            force=force,
            sequential=sequential,
        )

    # -- reports -----------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        counts = files_db.status_counts(self.db)
        return {
            "library": str(self.root),
            "database": str(self.db_path),
            "database_bytes": self.db_path.stat().st_size if self.db_path.exists() else 0,
            "schema": applied_migrations(self.db),
            "folders": [f.to_dict() for f in self.folders()],
            **counts,
        }

    def failures(self, *, kind: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        return list(files_db.failures(self.db, kind=kind, limit=limit))

    def show(self, ref: str | int) -> dict[str, Any] | None:
        """Everything known about one file, by id or by path (as given, or resolved to absolute)."""
        row = None
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit() and not os.path.exists(ref)):
            row = files_db.file_row(self.db, file_id=int(ref))
        else:
            for candidate in (ref, os.path.abspath(ref), os.path.realpath(ref)):
                row = files_db.file_row(self.db, path=StoredPath.from_fs(candidate).text)
                if row:
                    break
        if row is None:
            return None
        row = dict(row)
        raw = row.pop("path_bytes", None)
        row["path_is_exact"] = raw is None
        related = files_db.related_rows(self.db, row["id"])
        meta = related["metadata"]
        if meta:
            for key in ("exif", "text_chunks", "generation_params"):
                if meta.get(key):
                    meta[key] = json.loads(meta[key])
            meta.pop("file_id", None)
        hashes = related.pop("hashes")
        if hashes:
            row["phash"] = hashes["phash"].hex()
            row["dhash"] = hashes["dhash"].hex()
        if row.get("content_hash"):
            thumb = self.thumbnail_for(row["content_hash"])
            row["thumbnail"] = str(thumb) if thumb.exists() else None
        return {**row, **related}
