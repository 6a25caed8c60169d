"""The generation catalogue of a library (``Library.generation``): facet counts, stored records, and
filling the generation tables from metadata stored before they existed.

Facets are counted in SQL over the query's own id set (the compiled query is a subselect), so a
100k-image library answers in a few grouped queries and no id list crosses into Python. Free words of
a query rank (semantic search) rather than filter, so facets count over its filters only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import sqlite_utils

from acgdesk.db import generation as generation_db
from acgdesk.db.connection import transaction
from acgdesk.imaging.generation import GenerationInfo, LoraRef, SamplerRun, parse_generation_metadata
from acgdesk.imaging.generation.runs import stored_record
from acgdesk.search.compile import CompiledQuery

__all__ = ["FACETS", "GenerationCatalog", "fill_generation", "info_from_stored", "record_from_metadata"]

FACETS = generation_db.FACETS  # "generator", "model", "lora", "sampler"
_RUN_FIELDS = frozenset(SamplerRun.__dataclass_fields__) - {"loras"}


class GenerationCatalog:
    """How the library's images were generated, for the GUI's facets and the prompt tools.

    ``compile`` turns query text into SQL the way the rest of the library does (known tags, albums,
    display thresholds): ``SearchService.compile``.
    """

    def __init__(self, db: sqlite_utils.Database, compile: Callable[[str], CompiledQuery]) -> None:
        self.db = db
        self.compile = compile

    def facets(self, query: str = "", *, limit: int = 50) -> dict[str, list[tuple[str, int]]]:
        """Per facet (generator, model, lora, sampler): (value, number of images) among the images
        ``query`` matches, most common first, at most ``limit`` each. Raises QuerySyntaxError."""
        compiled = self.compile(query)
        ids_sql = f"SELECT f.id FROM files f WHERE {compiled.where_sql}"
        return generation_db.facet_counts(self.db.conn, ids_sql, compiled.params, limit=max(0, int(limit)))

    def records(self, ids: Sequence[int]) -> dict[int, GenerationInfo]:
        """The generation record of each file of ``ids`` that has one, rebuilt from the stored rows."""
        rows = generation_db.stored_rows(self.db.conn, ids)
        return {file_id: info_from_stored(row) for file_id, row in rows.items()}

    def fill_pending(self) -> int | None:
        """Fill the tables from stored metadata when a migration asked for it; the files filled, or
        None when nothing was asked."""
        if not generation_db.fill_requested(self.db.conn):
            return None
        with transaction(self.db) as conn:
            return fill_generation(conn)


def fill_generation(conn: sqlite3.Connection) -> int:
    """Rebuild every file's generation rows from its ``metadata`` row, in the caller's transaction,
    without reading an image: stored text chunks are read again by today's generation readers
    (they may know more than the reader that indexed the file), else the stored fields are used."""
    count = 0
    for file_id, meta in generation_db.stored_metadata(conn):  # fetched in chunks, by id
        record = stored_record(record_from_metadata(meta))
        generation_db.replace_generation(conn, file_id, record)
        count += record is not None
    generation_db.fill_done(conn)
    return count


def record_from_metadata(meta: Mapping[str, Any]) -> GenerationInfo | None:
    """A stored metadata row (JSON columns decoded) as a record."""
    chunks = meta.get("text_chunks")
    if isinstance(chunks, Mapping) and chunks:
        exif = meta.get("exif")
        comment = chunks.get("UserComment")
        if not isinstance(comment, str) and isinstance(exif, Mapping):
            comment = exif.get("UserComment")
        info = parse_generation_metadata(chunks, comment if isinstance(comment, str) else None)
        if info is not None:
            return info
    generator = str(meta.get("generator") or "")
    prompt, negative = str(meta.get("prompt") or ""), str(meta.get("negative_prompt") or "")
    params = meta.get("generation_params")
    params = dict(params) if isinstance(params, Mapping) else {}
    if not (generator or prompt or negative or params):
        return None
    return GenerationInfo(generator, prompt, negative, params)


def _lora(row: Mapping[str, Any]) -> LoraRef:
    return LoraRef(str(row["name"]), row.get("weight"), row.get("clip_weight"), row.get("hash"))


def _run(row: Mapping[str, Any]) -> SamplerRun:
    fields = {k: v for k, v in row.items() if k in _RUN_FIELDS and v is not None}
    if "seed" in fields:
        fields["seed"] = int(fields["seed"])
    return SamplerRun(**fields, loras=tuple(_lora(lo) for lo in row.get("loras") or ()))


def info_from_stored(row: Mapping[str, Any]) -> GenerationInfo:
    """A :class:`GenerationInfo` from :func:`acgdesk.db.generation.stored_rows` output: the summary
    from ``metadata`` (the main run's prompts when that row is gone), one :class:`SamplerRun` per
    stored run. Resources and unmapped source text are not stored, so they come back empty."""
    samplers = tuple(_run(run) for run in row.get("runs") or ())
    main = samplers[0] if samplers else SamplerRun()
    params, prompt, negative = row.get("params"), row.get("prompt"), row.get("negative_prompt")
    return GenerationInfo(
        generator=str(row.get("generator") or ""),
        prompt=prompt if prompt is not None else main.positive,
        negative_prompt=negative if negative is not None else main.negative,
        params=dict(params) if isinstance(params, Mapping) else {},
        version=str(row.get("version") or ""),
        samplers=samplers,
    )
