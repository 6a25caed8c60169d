"""Upscaling, as part of the :class:`~acgdesk.library.Library` facade (mixed in).

The Real-CUGAN work is :mod:`acgdesk.upscale`'s; here its outputs join the library as files of
their own, each linked to the picture it was made from (``derived_from`` / ``derivatives``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from acgdesk.core.paths import normalise_root
from acgdesk.core.settings import IndexSettings
from acgdesk.db import files as files_db

if TYPE_CHECKING:
    from acgdesk.pipeline.engine import CancelToken
    from acgdesk.upscale import UpscaleEvent, UpscaleOptions, UpscaleQueue, UpscaleResult


class Upscaling:
    """Upscale files into new ones that the library indexes and links (mixed into ``Library``)."""

    db: sqlite_utils.Database
    settings: IndexSettings
    root: Path
    thumbs_dir: Path
    open: Callable[..., Any]
    _file_id: Callable[[str | int], int]
    _ensure_folder: Callable[[str], Any]

    def upscale_queue(self, *, on_event: Callable[[UpscaleEvent], None] | None = None) -> UpscaleQueue:
        """A queue of Real-CUGAN upscales (worker thread, events) whose outputs join this library."""
        from acgdesk.upscale import UpscaleQueue

        return UpscaleQueue(on_event=on_event, on_output=self._register_upscale)

    def upscale(
        self,
        paths: Sequence[str | os.PathLike[str]],
        options: UpscaleOptions | None = None,
        *,
        on_event: Callable[[UpscaleEvent], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> list[UpscaleResult]:
        """Upscale each file into a new one (blocking); one result per path, in order."""
        from acgdesk.upscale.jobs import run_all as run_upscales

        with self.upscale_queue(on_event=on_event) as upscales:
            return run_upscales(upscales, list(paths), options, cancel=cancel)

    def derivation(self, ref: str | int) -> dict[str, Any]:
        """What a file was made from (``derived_from``) and what was made from it (``derivatives``)."""
        from acgdesk.upscale.links import derivatives_of, derived_from

        file_id = self._file_id(ref)
        return {
            "derived_from": derived_from(self.db, file_id),
            "derivatives": derivatives_of(self.db, file_id),
        }

    def _register_upscale(self, result: UpscaleResult) -> dict[str, Any]:
        """Runs in the queue's worker thread, so on a connection of its own."""
        assert result.output is not None
        with type(self).open(self.root, settings=self.settings) as lib:
            out_folder = lib._ensure_folder(normalise_root(result.output.parent))
            source = os.path.realpath(result.source)
            from acgdesk.upscale.links import register_output

            return register_output(
                lib.db,
                source=source,
                output=os.path.realpath(result.output),
                output_folder_id=out_folder.folder_id,
                source_folder_id=lib._folder_of(source),
                params={**result.options, "device": result.device},
                settings=lib.settings,
                thumbs_dir=lib.thumbs_dir,
            )

    def _folder_of(self, fs_path: str) -> int | None:
        """The library folder holding ``fs_path``, without adding one."""
        for f in files_db.list_folders(self.db):
            if fs_path.startswith(f.fs_path.rstrip(os.sep) + os.sep):
                return f.id
        return None
