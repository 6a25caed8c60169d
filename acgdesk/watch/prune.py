"""``acgdesk prune``: erase for good what has been missing longer than the retention period.

Missing rows are kept (tags, ratings, embeddings) so a file that comes back gets everything back;
pruning is the one place rows are deleted. Thumbnails are keyed by content hash and shared, so one
is removed only when no remaining row has that content; orphans left by in-place edits go too.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from acgdesk.db.connection import transaction
from acgdesk.db.files import missing_cutoff
from acgdesk.db.predictions import bump_vector_generation
from acgdesk.imaging.thumbnails import TMP_DIR


@dataclass
class PruneReport:
    older_than_days: float
    dry_run: bool
    files: int = 0
    thumbnails: int = 0
    thumbnail_bytes: int = 0
    examples: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def prune(
    db: sqlite_utils.Database, thumbs_dir: Path, *, older_than_days: float, dry_run: bool = False
) -> PruneReport:
    """Delete rows missing for more than ``older_than_days`` (0: every missing row), then every
    thumbnail no row refers to. With ``dry_run`` only count."""
    report = PruneReport(older_than_days, dry_run)
    cutoff = missing_cutoff(older_than_days)
    rows = db.execute(
        "SELECT id, path FROM files WHERE status = 'missing' AND COALESCE(missing_since, updated_at) <= ? "
        "ORDER BY path",
        (cutoff,),
    ).fetchall()
    ids = [r[0] for r in rows]
    report.files = len(ids)
    report.examples = [r[1] for r in rows[:10]]
    if ids and not dry_run:
        with transaction(db) as conn:
            models: set[str] = set()
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ", ".join("?" * len(chunk))
                models |= {
                    r[0]
                    for r in conn.execute(
                        f"SELECT DISTINCT model FROM embeddings WHERE file_id IN ({marks})", chunk
                    )
                }
                conn.execute(
                    f"DELETE FROM files WHERE id IN ({marks})", chunk
                )  # cascades to tags, vectors...
            for model in sorted(models):
                bump_vector_generation(conn, model)
    gone = set(ids) if dry_run else set()
    live = {
        r[0]
        for r in db.execute("SELECT DISTINCT content_hash, id FROM files WHERE content_hash IS NOT NULL")
        if r[1] not in gone
    }
    for path in _thumbnails(thumbs_dir):
        if path.stem in live:
            continue
        report.thumbnails += 1
        try:
            report.thumbnail_bytes += path.stat().st_size
            if not dry_run:
                path.unlink()
        except OSError:
            continue
    return report


def _thumbnails(thumbs_dir: Path):
    """Every finished thumbnail file (``ab/abcdef....webp``), not the half-written ones."""
    try:
        shards = [e for e in os.scandir(thumbs_dir) if e.is_dir() and e.name != TMP_DIR]
    except OSError:
        return
    for shard in shards:
        try:
            entries = list(os.scandir(shard.path))
        except OSError:
            continue
        for e in entries:
            if e.is_file() and e.name.startswith(shard.name) and "." in e.name:
                yield Path(e.path)
