"""What a front end's grid and viewer ask the library for: decoded pictures, counts per folder,
aspect ratios and content ratings of many files, the ids of a query, thumbnails. Part of the
:class:`~acgdesk.library.Library` facade (which inherits :class:`Browsing`), in a module of its own.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from acgdesk.core.errors import LibraryError
from acgdesk.core.paths import (
    StoredPath,
)
from acgdesk.core.settings import IndexSettings
from acgdesk.core.text_norm import has_cjk
from acgdesk.db import files as files_db
from acgdesk.db.albums import album_lookup
from acgdesk.db.file_stats import stats_usable
from acgdesk.db.predictions import (
    effective_tags,
)
from acgdesk.search.autocomplete import known_tag_lookup
from acgdesk.search.compile import compile_query
from acgdesk.search.query import parse as parse_query

if TYPE_CHECKING:  # imported where used: a CLI query should not pay for watching or upscaling
    pass

log = logging.getLogger(__name__)


class Browsing:
    """Read-only queries for a front end's grid and viewer (mixed into ``Library``)."""

    db: sqlite_utils.Database
    settings: IndexSettings

    # -- viewing: decoded pictures for the viewer and compare views
    def view_file(self, file_id: int) -> dict[str, Any]:
        """Where a file is and what indexing recorded: ``path`` (as ``open`` takes it), ``width`` and
        ``height`` (as displayed), ``frames``, ``format``, ``status``, ``error_kind`` and ``error``."""
        row = files_db.file_row(self.db, file_id=int(file_id))
        if row is None:
            raise LibraryError(
                f"not in the library: {file_id}", key="not_in_library", params={"ref": file_id}
            )
        keys = ("id", "width", "height", "frames", "format", "status", "error_kind", "error")
        return {"path": StoredPath.to_fs(row["path"], row["path_bytes"]), **{k: row[k] for k in keys}}

    def view_picture(self, file_id: int, *, box: tuple[int, int] | None = None) -> dict[str, Any]:
        """A file decoded for the screen by :func:`acgdesk.imaging.view.decode_for_view` (the safe
        decoder's pixel budget, EXIF orientation, sRGB, 8-bit RGB or RGBA), shrunk to fit ``box``
        (width, height; a JPEG decodes at a reduced scale, others through Pillow's ``reduce``), or
        whole when ``box`` is None.

        Returns ``path``, ``format``, ``width``/``height`` (the original, as displayed), ``whole``
        (decoded at full size), ``loop`` (0: forever) and ``frames``: (Pillow image, duration in ms)
        pairs, several for an animated GIF, WebP or PNG (shrunk further to keep them all within
        ``acgdesk.imaging.view.FRAME_BUDGET_BYTES``). Raises ImageFileError, with the reason
        indexing recorded if any."""
        from acgdesk.core.errors import ImageFileError
        from acgdesk.imaging.view import decode_for_view

        info = self.view_file(file_id)
        try:
            picture = decode_for_view(
                info["path"],
                box=box,
                max_pixels=self.settings.max_pixels,
                expected_size=(info["width"] or 0, info["height"] or 0),
                expected_format=info["format"],
            )
        except ImageFileError as exc:
            if info["error"]:
                raise ImageFileError(exc.kind, info["error"]) from exc
            raise
        return {
            "path": info["path"],
            "format": picture.format,
            "width": picture.width,
            "height": picture.height,
            "whole": picture.whole,
            "frames": picture.frames,
            "loop": picture.loop,
        }

    # -- browsing: folder tree counts and content ratings for the grid
    def subfolder_counts(self) -> dict[int, dict[str, int]]:
        """For each library folder id, ``{directory path: ok files in it and below}`` for the folder
        itself and every directory under it that holds readable files (one grouped query)."""
        sep = os.sep
        roots = {
            f.id: (f.path if f.path == sep else f.path.rstrip(sep)) for f in files_db.list_folders(self.db)
        }
        out: dict[int, dict[str, int]] = {folder_id: {root: 0} for folder_id, root in roots.items()}
        # rtrim(path, <every character of path but the separator>) is the path up to its last separator
        rows = self.db.conn.execute(
            "SELECT folder_id, rtrim(path, replace(path, ?, '')), COUNT(*) FROM files "
            "WHERE status = 'ok' GROUP BY 1, 2",
            (sep,),
        )
        for folder_id, directory, count in rows:
            root = roots.get(folder_id)
            if root is None:
                continue
            counts = out[folder_id]
            prefix = root if root.endswith(sep) else root + sep
            path = directory[:-1] if len(directory) > 1 and directory.endswith(sep) else directory
            while path != root and path.startswith(prefix):  # the directory and each parent below root
                counts[path] = counts.get(path, 0) + count
                path = path[: path.rindex(sep)] or sep
            counts[root] += count
        return out

    def aspect_ratios(self, ids: Sequence[int]) -> Any:
        """Width / height (as displayed) of each file id, as a float32 numpy array in the order of
        ``ids``; 0 where the id is unknown or its size was not read. One query per 100,000 ids."""
        import numpy as np

        wanted = np.asarray(ids, dtype=np.int64)
        out = np.zeros(len(wanted), dtype=np.float32)
        step = 100_000
        for start in range(0, len(wanted), step):
            chunk = wanted[start : start + step]
            rows = self.db.conn.execute(
                "SELECT j.key, f.width, f.height FROM json_each(?) AS j JOIN files f ON f.id = j.value "
                "WHERE f.width > 0 AND f.height > 0",
                (json.dumps(chunk.tolist()),),
            ).fetchall()
            if rows:
                found = np.asarray(rows, dtype=np.float64)
                out[start + found[:, 0].astype(np.int64)] = found[:, 1] / found[:, 2]
        return out

    def content_ratings(self, ids: Sequence[int]) -> dict[int, str]:
        """The content rating each file shows (general, sensitive, questionable, explicit; "" when no
        model or user rated it), as ``rating:`` searches see it: from ``file_stats`` where usable,
        computed for the files without a row. Unknown ids are left out."""
        conn = self.db.conn
        wanted = [int(i) for i in ids]
        thresholds = self.display_thresholds()
        out: dict[int, str] = {}
        if wanted and stats_usable(conn, thresholds):
            out.update(
                conn.execute(
                    "SELECT fs.file_id, fs.rating FROM json_each(?) AS j "
                    "JOIN file_stats fs ON fs.file_id = j.value",
                    (json.dumps(wanted),),
                )
            )
        missing = [i for i in wanted if i not in out]
        if missing:
            known = {
                r[0]
                for r in conn.execute(
                    "SELECT f.id FROM json_each(?) AS j JOIN files f ON f.id = j.value",
                    (json.dumps(missing),),
                )
            }
            for file_id in missing:
                if file_id in known:
                    tags = effective_tags(conn, file_id, thresholds)
                    out[file_id] = next((t["name"] for t in tags if t["category"] == "rating"), "")
        return out

    # -- browsing: what a front end's search bar and grid ask for -----------------------------------
    def query_ids(self, text: str, *, limit: int | None = None) -> list[int]:
        """Ids of the ``ok`` files matching ``text`` (the search language), in the query's order.

        Raises :class:`~acgdesk.search.query.QuerySyntaxError` (with the position) for a bad query.
        Free words are not ranked here (that is semantic search); filters and ``sort:`` still apply.
        """
        conn = self.db.conn
        known = known_tag_lookup(conn)
        query = parse_query(text, is_known_tag=lambda name: not has_cjk(name) and known(name))
        if any(has_cjk(word) for word in query.free_words):
            # CJK words are filters, matched literally in names, folders, prompts and tags
            # (acgdesk.search.literal): the search service's compilation applies them
            compiled = self.search_service.compile(text)
        else:
            query = parse_query(text, is_known_tag=known)
            thresholds = self.display_thresholds()
            compiled = compile_query(
                query,
                thresholds=thresholds,
                file_stats=stats_usable(conn, thresholds),
                albums=album_lookup(conn),
            )
        sql, params = compiled.statement("f.id", limit=limit)
        return [row[0] for row in conn.execute(sql, params)]

    def thumbnail_refs(self, ids: Sequence[int]) -> dict[int, tuple[str, Path | None]]:
        """(path, cached thumbnail or None) of each file id, looked up in a few queries."""
        out: dict[int, tuple[str, Path | None]] = {}
        wanted = [int(i) for i in ids]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for file_id, path, content_hash in self.db.conn.execute(
                f"SELECT id, path, content_hash FROM files WHERE id IN ({marks})", chunk
            ):
                thumb = self.thumbnail_for(content_hash) if content_hash else None
                out[file_id] = (path, thumb if thumb is not None and thumb.exists() else None)
        return out
