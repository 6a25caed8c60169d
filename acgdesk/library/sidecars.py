"""Tags as sidecar files beside the images (.txt captions, XMP) and back: part of the
:class:`~acgdesk.library.Library` facade (which inherits :class:`Sidecars`), in a module of its own.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from acgdesk.core.paths import (
    StoredPath,
    normalise_root,
)
from acgdesk.db import files as files_db

if TYPE_CHECKING:  # imported where used: a CLI query should not pay for watching or upscaling
    from acgdesk.tags.captions import CaptionOptions
    from acgdesk.tags.sidecars import ExportReport, ImportReport

log = logging.getLogger(__name__)


class Sidecars:
    """Export and import of tag sidecars (mixed into ``Library``)."""

    db: sqlite_utils.Database

    # -- sidecars ------------------------------------------------------------------------------------
    def _rows_under(self, paths: Sequence[str | os.PathLike[str]] | None) -> list[dict[str, Any]]:
        """``ok`` file rows under the given folders/files (all when None)."""
        rows = list(
            self.db.query(
                "SELECT id, path, path_bytes, folder_id FROM files WHERE status = 'ok' ORDER BY path"
            )
        )
        if not paths:
            return rows
        wanted = [normalise_root(p) for p in paths]
        prefixes = tuple(w.rstrip(os.sep) + os.sep for w in wanted)
        return [
            r
            for r in rows
            if (fs := StoredPath.to_fs(r["path"], r["path_bytes"])) in wanted or fs.startswith(prefixes)
        ]

    def export_tags(
        self,
        paths: Sequence[str | os.PathLike[str]] | None,
        out_dir: str | os.PathLike[str] | None,
        *,
        fmt: str = "txt",
        options: CaptionOptions | None = None,
        overwrite: bool = False,
        beside_images: bool = False,
    ) -> ExportReport:
        """Caption (.txt) or XMP sidecars for the files under ``paths``; never overwrites by default
        and never writes outside ``out_dir`` (or, with ``beside_images``, each image's folder). XMP
        carries the file's stars as ``xmp:Rating`` (a reject as -1)."""
        roots = {f.id: f.fs_path for f in files_db.list_folders(self.db)}
        from acgdesk.tags.captions import CaptionOptions
        from acgdesk.tags.sidecars import export_sidecars

        return export_sidecars(
            self.db,
            self._rows_under(paths),
            Path(out_dir) if out_dir else None,
            fmt=fmt,
            options=options or CaptionOptions(thresholds=self.display_thresholds()),
            overwrite=overwrite,
            beside_images=beside_images,
            folder_roots=roots,
            ratings=self._xmp_rating,
        )

    def _xmp_rating(self, file_id: int) -> int | None:
        """A file's stars (reject: -1) as sidecars carry them; None for an unmarked file."""
        from acgdesk.db.marks import get_marks

        marks = get_marks(self.db.conn, [file_id])[file_id]
        return None if marks.empty else marks.xmp_rating

    def import_tags(
        self, paths: Sequence[str | os.PathLike[str]] | None, *, fmt: str = "auto"
    ) -> ImportReport:
        """Read .txt / XMP sidecars next to the files under ``paths`` as user tags."""
        from acgdesk.tags.sidecars import import_sidecars

        return import_sidecars(self.db, self._rows_under(paths), fmt=fmt)
