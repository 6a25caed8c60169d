"""The rows a dataset export reads: one query for the files, their sizes and their prompts."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

_CHUNK = 500


def export_rows(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """file id -> {path, path_bytes, content_hash, width, height, format, prompt} for the ``ok``
    files among ``ids`` (others are left out: missing or unreadable files cannot be exported)."""
    out: dict[int, dict[str, Any]] = {}
    wanted = [int(i) for i in ids]
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start : start + _CHUNK]
        marks = ", ".join("?" * len(part))
        for row in conn.execute(
            "SELECT f.id, f.path, f.path_bytes, f.content_hash, f.width, f.height, f.format, m.prompt "
            f"FROM files f LEFT JOIN metadata m ON m.file_id = f.id WHERE f.id IN ({marks}) "
            "AND f.status = 'ok'",
            part,
        ):
            out[row[0]] = dict(
                zip(
                    ("path", "path_bytes", "content_hash", "width", "height", "format", "prompt"),
                    row[1:],
                    strict=True,
                )
            )
    return out
