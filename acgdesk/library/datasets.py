"""Training-set export, as part of the :class:`~acgdesk.library.Library` facade (mixed in).

The selection is the search language's (a query, or the ids a window selection holds, narrowed by
rating / stars / taste filters that are query terms too), minus near-duplicates found by the
library's own duplicate groups among the chosen files, keeping each group's suggested keeper.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from acgdesk.core.paths import StoredPath
from acgdesk.core.settings import IndexSettings
from acgdesk.db import files as files_db
from acgdesk.db.dataset_rows import export_rows
from acgdesk.db.predictions import effective_tags_many

if TYPE_CHECKING:
    from acgdesk.dataset.export import DatasetProgress, DatasetReport
    from acgdesk.dataset.options import DatasetOptions
    from acgdesk.dataset.plan import DatasetPlan
    from acgdesk.pipeline.engine import CancelToken


class Datasets:
    """Plan and export training sets (mixed into ``Library``)."""

    db: sqlite_utils.Database
    settings: IndexSettings
    root: Path

    def dataset_plan(
        self, options: DatasetOptions, out_dir: str | os.PathLike[str], *, allow_inside_library: bool = False
    ) -> DatasetPlan:
        """What an export would write, without writing anything (the preview, ``--dry-run``)."""
        from acgdesk.dataset.manifest import MANIFEST, read_manifest
        from acgdesk.dataset.options import DatasetError
        from acgdesk.dataset.plan import Source, make_plan

        out = Path(os.path.abspath(out_dir))
        self._check_dataset_folder(out, allow_inside_library)
        previous = read_manifest(out / MANIFEST) if (out / MANIFEST).is_file() else None
        sel = options.selection
        ids = self._dataset_ids(sel.query, sel.ids, sel.filter_terms())
        dropped: list[str] = []
        if sel.drop_duplicates and len(ids) > 1:
            ids, dropped = self._without_duplicates(ids)
        rows = export_rows(self.db.conn, ids)
        thresholds = options.captions.caption_options().db_thresholds()
        usable = [i for i in ids if i in rows and rows[i]["content_hash"]]
        tags = effective_tags_many(self.db.conn, usable, thresholds)  # a few queries, not one per file
        sources = []
        for file_id in usable:
            row = rows[file_id]
            sources.append(
                Source(
                    file_id=file_id,
                    fs_path=StoredPath.to_fs(row["path"], row["path_bytes"]),
                    display=row["path"],
                    content_hash=row["content_hash"],
                    width=row["width"] or 0,
                    height=row["height"] or 0,
                    format=row["format"] or "",
                    tags=tags[file_id],
                    prompt=row["prompt"],
                )
            )
        if not sources and not ids:
            raise DatasetError(
                "nothing to export: no file matches the query and filters", key="nothing_to_export"
            )
        return make_plan(
            sources,
            options,
            out,
            matched=len(ids) + len(dropped),
            duplicates_dropped=dropped,
            previous=previous,
        )

    def export_dataset(
        self,
        options: DatasetOptions,
        out_dir: str | os.PathLike[str],
        *,
        progress: Callable[[DatasetProgress], None] | None = None,
        cancel: CancelToken | None = None,
        allow_inside_library: bool = False,
        workers: int | None = None,
        plan: DatasetPlan | None = None,
    ) -> DatasetReport:
        """Copy the chosen images into ``out_dir`` as a training set; resumes or updates an earlier
        export there (see :mod:`acgdesk.dataset.export`). Originals are only read."""
        from acgdesk.dataset.export import export_plan

        plan = plan or self.dataset_plan(options, out_dir, allow_inside_library=allow_inside_library)
        return export_plan(
            plan,
            max_pixels=self.settings.max_pixels,
            library=str(self.root),
            progress=progress,
            cancel=cancel,
            workers=workers,
        )

    # -- helpers ---------------------------------------------------------------------------------
    def _dataset_ids(self, query: str, ids: Sequence[int] | None, filters: str) -> list[int]:
        if ids is None:
            return self.query_ids(f"{query} {filters}".strip())  # type: ignore[attr-defined]
        if not filters:  # rows that are not ``ok`` are left out by export_rows
            return [int(i) for i in dict.fromkeys(ids)]
        allowed = set(self.query_ids(filters))  # type: ignore[attr-defined]
        return [int(i) for i in dict.fromkeys(ids) if int(i) in allowed]

    def _without_duplicates(self, ids: list[int]) -> tuple[list[int], list[str]]:
        """``ids`` minus every duplicate-group member that is not its group's keeper (display paths
        of those dropped)."""
        groups = self.search_service.duplicates(ids=ids)  # type: ignore[attr-defined]
        drop: dict[int, str] = {}
        for g in groups:
            for m in g.members:
                if m.file_id != g.keeper:
                    drop[m.file_id] = m.path
        return [i for i in ids if i not in drop], [drop[i] for i in ids if i in drop]

    def _check_dataset_folder(self, out: Path, allow_inside_library: bool) -> None:
        """A dataset inside a watched library folder would be indexed again as copies of the
        originals: refused unless asked for."""
        from acgdesk.dataset.options import DatasetError

        real = os.path.realpath(out)
        for folder in files_db.list_folders(self.db):
            root = os.path.realpath(folder.fs_path)
            inside = real == root or real.startswith(root.rstrip(os.sep) + os.sep)
            if inside and not allow_inside_library:
                raise DatasetError(
                    f"{out} is inside the library folder {folder.fs_path}: its copies would be indexed as "
                    "duplicates of the originals. Choose a folder outside the library "
                    "(or allow it explicitly)",
                    key="inside_library",
                    params={"path": str(out), "folder": folder.fs_path},
                )
            if root.startswith(real.rstrip(os.sep) + os.sep):
                raise DatasetError(
                    f"{out} holds the library folder {folder.fs_path}: choose another folder",
                    key="holds_library",
                    params={"path": str(out), "folder": folder.fs_path},
                )

    def dataset_summary(self, plan: DatasetPlan) -> dict[str, Any]:
        return {**plan.summary(), "samples": plan.samples()}
