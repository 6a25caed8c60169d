"""The headless facade: one object the CLI and the GUI both use to reach everything else.

A library is a folder holding ``library.db``, the thumbnail cache and index files. The image folders
it manages stay where they are: they are only ever read.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from acgdesk.db.generation import fill_requested
from acgdesk.db.migrations import applied_migrations, migrate
from acgdesk.db.predictions import (
    TagIds,
    bump_vector_generation,
    choose_rating,
    effective_tags,
    reject_tags,
    set_user_tags,
)
from acgdesk.db.settings import get_setting, set_setting
from acgdesk.imaging.thumbnails import sweep_temporary_files, thumbnail_path
from acgdesk.library.browsing import Browsing
from acgdesk.library.datasets import Datasets
from acgdesk.library.searching import Searching
from acgdesk.library.sidecars import Sidecars
from acgdesk.library.upscaling import Upscaling
from acgdesk.models.devices import RuntimePrefs
from acgdesk.models.loader import DEFAULT_INDEX_MODELS, IdleReleaser, Loaded, load_image_model, specs_for
from acgdesk.models.results import ImageModel
from acgdesk.models.store import ModelNotInstalled, ModelStore
from acgdesk.pipeline.engine import CancelToken
from acgdesk.pipeline.progress import ProgressCallback
from acgdesk.search.service import SearchService

if TYPE_CHECKING:  # imported where used: a CLI query should not pay for watching
    from acgdesk.curate.actions import Curator
    from acgdesk.pipeline.indexer import FolderTarget, IndexReport
    from acgdesk.prompts.facets import GenerationCatalog
    from acgdesk.watch import PruneReport, WatchConfig, Watcher
    from acgdesk.watch.events import EventCallback

log = logging.getLogger(__name__)

# Display thresholds per tag category: WD's usual values (general 0.35, character 0.85).
DEFAULT_THRESHOLDS = {"general": 0.35, "character": 0.85, "rating": 0.0, "default": 0.35}


def rating_of(tags: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The file's content rating (see :func:`acgdesk.db.predictions.choose_rating`): a user's rating,
    else a tagger's rating head when one ran (WD, dbv4), else NudeNet's."""
    rejected = {t["name"] for t in tags if t["source"] == "user" and t["probability"] == 0.0}
    chosen = choose_rating(
        [
            (t["name"], t["source"], t["probability"])
            for t in tags
            if t["category"] == "rating" and t["name"] not in rejected
        ]
    )
    if chosen is None:
        return None
    return {"rating": chosen[0], "probability": chosen[2], "source": chosen[1]}


@dataclass(frozen=True)
class FolderInfo:
    id: int
    path: str
    state: str
    last_scan_at: str | None
    counts: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Library(Browsing, Sidecars, Datasets, Searching, Upscaling):
    """An open library. Use as a context manager, or call :meth:`close`."""

    def __init__(self, root: Path, db: sqlite_utils.Database, settings: IndexSettings) -> None:
        self.root = root
        self.db = db
        self.settings = settings
        self._store: ModelStore | None = None
        self._search: SearchService | None = None
        self._curator: Curator | None = None
        self._releasers: list[IdleReleaser] = []

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
            detail = exc.strerror or str(exc)
            raise LibraryError(
                f"cannot create the library folder {path}: {detail}",
                key="cannot_create",
                params={"path": str(path), "detail": detail},
            ) from exc
        try:
            db = connect(path / DB_NAME)
            migrate(db, backup_dir=path / BACKUP_DIR)
        except LibraryError:
            raise
        except Exception as exc:  # sqlite3.DatabaseError: not a database, locked, disk full...
            raise LibraryError(
                f"cannot open {path / DB_NAME}: {exc}",
                key="cannot_open",
                params={"path": str(path / DB_NAME), "detail": str(exc)},
            ) from exc
        library = cls(path, db, settings or IndexSettings())
        library.search_service.ensure_file_stats()  # stored ratings/tag counts match the thresholds
        if fill_requested(db.conn):  # generation rows of files indexed before they existed
            library.generation.fill_pending()
        return library

    def close(self) -> None:
        for releaser in self._releasers:
            releaser.stop()
        self._releasers.clear()
        if self._search is not None:
            self._search.close()
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
                name = os.fsdecode(raw)
                raise LibraryError(f"not a folder: {name}", key="not_a_folder", params={"path": name})
            targets.append(self._ensure_folder(path))
        return targets

    def _ensure_folder(self, path: str) -> FolderTarget:
        from acgdesk.pipeline.indexer import FolderTarget

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
        model_batch: int = 16,
        sequential: bool = False,
    ) -> IndexReport:
        """Add ``paths`` (or take every library folder) and bring the database up to date with them."""
        from acgdesk.pipeline.indexer import FolderTarget, index_folders

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
            model_batch=model_batch,
            exclude=(str(self.root),),
            force=force,
            sequential=sequential,
            retention_days=self.retention_days(),
        )

    # -- watching (acgdesk.watch) ------------------------------------------------------------------
    def retention_days(self) -> float:
        """How long a missing file's data waits for its content to come back before ``prune``."""
        return float(get_setting(self.db, "retention_days", files_db.DEFAULT_RETENTION_DAYS))

    def watcher(
        self,
        paths: Sequence[str | os.PathLike[str]] | None = None,
        *,
        models: Sequence[ImageModel] = (),
        config: WatchConfig | None = None,
        on_event: EventCallback | None = None,
    ) -> Watcher:
        """A (not yet started) watcher over ``paths`` (added to the library) or every library folder.
        It has its own database connection; ``on_event`` is called from its worker thread."""
        from acgdesk.watch import WatchConfig, Watcher

        targets = self.add_folders(paths) if paths else None
        wanted = {t.folder_id for t in targets} if targets is not None else None
        rows = files_db.list_folders(self.db)
        folders = [(f.id, f.fs_path) for f in rows if wanted is None or f.id in wanted]
        if config is None:
            config = WatchConfig(retention_days=self.retention_days())
        return Watcher(
            self.db_path,
            self.thumbs_dir,
            folders,
            settings=self.settings,
            models=models,
            config=config,
            exclude=(str(self.root),),
            on_event=on_event,
        )

    def prune(self, *, older_than_days: float | None = None, dry_run: bool = False) -> PruneReport:
        """Erase files missing longer than ``older_than_days`` (default: the retention) for good."""
        days = self.retention_days() if older_than_days is None else older_than_days
        from acgdesk.watch import prune

        return prune(self.db, self.thumbs_dir, older_than_days=days, dry_run=dry_run)

    # -- models ------------------------------------------------------------------------------------
    @property
    def model_store(self) -> ModelStore:
        """Downloaded models are shared by every library (``$ACGDESK_MODELS`` or the per-user folder)."""
        if self._store is None:
            self._store = ModelStore(ModelStore.default_root())
        return self._store

    def index_model_ids(self) -> list[str]:
        """The models ``index`` runs by default (a library setting; the offline set when unset)."""
        return list(get_setting(self.db, "index_models", list(DEFAULT_INDEX_MODELS)))

    def set_index_model_ids(self, ids: Sequence[str]) -> None:
        specs_for(ids)  # unknown ids fail here, not at the next index run
        set_setting(self.db, "index_models", list(ids))

    def display_thresholds(self) -> dict[str, float]:
        """Per-category thresholds for showing and exporting model tags (stored tags go lower)."""
        return dict(get_setting(self.db, "thresholds", DEFAULT_THRESHOLDS))

    def load_models(
        self,
        ids: Sequence[str] | None = None,
        *,
        prefs: RuntimePrefs | None = None,
        skip_missing: bool = False,
        lazy: bool = True,
    ) -> list[Loaded]:
        """Load image models by catalogue id (default: :meth:`index_model_ids`).

        With ``skip_missing`` a model whose files or package are absent is left out with a warning
        (how the default set degrades on a machine without, say, nudenet); otherwise that raises
        :class:`ModelNotInstalled`, whose message says how to install it. With ``lazy`` (the
        default) weights load on the first batch, so a run with nothing new costs no model load.
        """
        loaded: list[Loaded] = []
        for spec in specs_for(list(ids) if ids is not None else self.index_model_ids()):
            try:
                loaded.append(load_image_model(spec, self.model_store, prefs, lazy=lazy))
            except ModelNotInstalled as exc:
                if not skip_missing:
                    raise
                log.warning("skipping %s: %s", spec.id, exc)
        if lazy:  # long-lived callers (watch, GUI) get memory back between bursts of work
            self._releasers.append(IdleReleaser([lm.model for lm in loaded]).start())
        return loaded

    # -- user tags -----------------------------------------------------------------------------------
    def _file_id(self, ref: str | int) -> int:
        info = self._row(ref)
        if info is None:
            raise LibraryError(f"not in the library: {ref}", key="not_in_library", params={"ref": ref})
        return int(info["id"])

    def add_tags(self, ref: str | int, names: Sequence[str]) -> list[str]:
        """Add user tags to a file; models never remove or overwrite them."""
        file_id = self._file_id(ref)
        with transaction(self.db) as conn:
            return set_user_tags(conn, TagIds(), file_id, names)

    def remove_tags(self, ref: str | int, names: Sequence[str]) -> list[str]:
        """Remove tags as the user sees them (a model tag stays rejected across re-runs)."""
        file_id = self._file_id(ref)
        with transaction(self.db) as conn:
            return reject_tags(conn, TagIds(), file_id, names)

    def tags_of(self, ref: str | int, *, thresholds: dict[str, float] | None = None) -> list[dict[str, Any]]:
        return effective_tags(self.db.conn, self._file_id(ref), thresholds or self.display_thresholds())

    # -- comparing: parameters of generated images side by side
    def compare(self, refs: Sequence[str | int]) -> dict[str, Any]:
        """Files side by side: ``files`` (id, path, width, height, size, format of each), ``records``
        (each one's :class:`~acgdesk.core.genparams.GenerationRecord` or None) and ``diffs`` (each
        after the first against the first: :func:`~acgdesk.core.genparams.compare_generation`)."""
        from acgdesk.core.genparams import GenerationRecord, compare_generation

        files, records = [], []
        for ref in refs:
            info = self.show(ref)
            if info is None:
                raise LibraryError(f"not in the library: {ref}", key="not_in_library", params={"ref": ref})
            files.append({k: info.get(k) for k in ("id", "path", "width", "height", "size", "format")})
            records.append(GenerationRecord.from_metadata(info.get("metadata")))
        return {"files": files, "records": records, "diffs": compare_generation(records)}

    # -- settings and folders --------------------------------------------------------------------
    def set_display_thresholds(self, thresholds: dict[str, float]) -> dict[str, float]:
        """Change some per-category display thresholds; returns them all."""
        merged = {**self.display_thresholds(), **{k: float(v) for k, v in thresholds.items()}}
        set_setting(self.db, "thresholds", merged)
        self.search_service.ensure_file_stats()
        return merged

    def remove_folder(self, folder_id: int) -> int:
        """Forget a library folder and what was learnt about its files (the files are not touched);
        returns how many file rows went."""
        with transaction(self.db) as conn:
            rows = conn.execute(
                "SELECT DISTINCT e.model FROM embeddings e JOIN files f ON f.id = e.file_id "
                "WHERE f.folder_id = ?",
                (folder_id,),
            )
            models = [r[0] for r in rows]
            count = conn.execute("SELECT COUNT(*) FROM files WHERE folder_id = ?", (folder_id,)).fetchone()[0]
            conn.execute("DELETE FROM files WHERE folder_id = ?", (folder_id,))
            conn.execute("DELETE FROM folders WHERE id = ?", (folder_id,))
            for model in models:  # vector indexes see that their model's vectors changed
                bump_vector_generation(conn, model)
        return int(count)

    # -- search (logic: acgdesk.search.service) ------------------------------------------------------
    def taste_status(self) -> dict[str, Any]:
        """What the taste score learnt from and how well it ranks held-out marks (or why it is off)."""
        from acgdesk.curate.taste_service import status

        return status(self.db).to_dict()

    def retrain_taste(self) -> dict[str, Any]:
        """Fit the taste score on the marks now and score every image (seconds at 100k images)."""
        from acgdesk.curate.taste_service import retrain

        return retrain(self.db).to_dict()

    @property
    def curate(self) -> Curator:
        """Marks, batch tags and albums, each undoable (:mod:`acgdesk.curate.actions`)."""
        if self._curator is None:
            from acgdesk.curate.actions import Curator

            self._curator = Curator(self.db, self._file_id)
        return self._curator

    @functools.cached_property
    def generation(self) -> GenerationCatalog:
        """How the images were generated: facet counts per query, stored records
        (:mod:`acgdesk.prompts.facets`)."""
        from acgdesk.prompts.facets import GenerationCatalog

        return GenerationCatalog(self.db, lambda text: self.search_service.compile(text))

    # -- reports -----------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        counts = files_db.status_counts(self.db)
        from acgdesk.watch.state import watch_modes

        modes = watch_modes(self.db)  # written by a running ``acgdesk watch`` (or GUI)
        return {
            "library": str(self.root),
            "database": str(self.db_path),
            "database_bytes": self.db_path.stat().st_size if self.db_path.exists() else 0,
            "schema": applied_migrations(self.db),
            "folders": [{**f.to_dict(), "watch": modes.get(f.id)} for f in self.folders()],
            **counts,
        }

    def failures(self, *, kind: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        return list(files_db.failures(self.db, kind=kind, limit=limit))

    def show(self, ref: str | int) -> dict[str, Any] | None:
        """Everything known about one file, by id or by path (as given, or resolved to absolute)."""
        row = self._row(ref)
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
        related["effective_tags"] = effective_tags(self.db.conn, row["id"], self.display_thresholds())
        related["rating"] = rating_of(related["tags"])
        return {**row, **related}

    def _row(self, ref: str | int) -> dict[str, Any] | None:
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit() and not os.path.exists(ref)):
            return files_db.file_row(self.db, file_id=int(ref))
        for candidate in (ref, os.path.abspath(ref), os.path.realpath(ref)):
            row = files_db.file_row(self.db, path=StoredPath.from_fs(candidate).text)
            if row:
                return row
        return None
