"""Prompt tools over a library: records of file ids, statistics, export (for the CLI and the GUI).

Why one adapter (:func:`records_of`): the generation catalogue (``Library.generation.records``) reads
many records in a few queries; where a library has no catalogue yet, each file's stored metadata row
(``Library.show``) is read again into a :class:`GenerationInfo`. Callers never see the difference.
Runs on worker threads in the GUI; nothing here runs SQL itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from acgdesk.imaging.generation import GenerationInfo, parse_generation_metadata
from acgdesk.prompts.export import export_prompts
from acgdesk.prompts.stats import PromptStats, prompt_stats

__all__ = ["export_ids", "facets_of", "info_from_metadata", "record_of", "records_of", "stats_of"]

CHUNK = 500


def info_from_metadata(meta: Mapping[str, Any] | None) -> GenerationInfo | None:
    """A stored ``metadata`` row (as ``Library.show`` gives it) as a record: the text chunks read
    again when they were kept (every run, as today's reader sees them), else the stored fields."""
    if not meta:
        return None
    chunks = meta.get("text_chunks")
    if isinstance(chunks, Mapping) and chunks:
        comment = chunks.get("UserComment")
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


def records_of(lib: Any, ids: Sequence[int]) -> dict[int, GenerationInfo]:
    """Generation records of the files ``ids`` that have one."""
    catalogue = getattr(lib, "generation", None)
    if catalogue is not None and hasattr(catalogue, "records"):
        out: dict[int, GenerationInfo] = {}
        for start in range(0, len(ids), CHUNK):
            out.update(catalogue.records(list(ids[start : start + CHUNK])))
        return out
    found = {}
    for file_id in ids:
        info = record_of(lib, file_id)
        if info is not None:
            found[int(file_id)] = info
    return found


def record_of(lib: Any, ref: str | int) -> GenerationInfo | None:
    """One file's record by id or path (None: unknown file, or no generation data)."""
    catalogue = getattr(lib, "generation", None)
    if isinstance(ref, int) and catalogue is not None and hasattr(catalogue, "records"):
        return catalogue.records([ref]).get(ref)  # by id: no need for everything show() reads
    shown = lib.show(ref)
    if shown is None:
        return None
    if catalogue is not None and hasattr(catalogue, "records"):
        return catalogue.records([shown["id"]]).get(shown["id"])
    return info_from_metadata(shown.get("metadata"))


def _ids(lib: Any, query_or_ids: str | Sequence[int]) -> list[int]:
    if isinstance(query_or_ids, str):
        return lib.query_ids(query_or_ids)
    return [int(i) for i in query_or_ids]


def stats_of(lib: Any, query_or_ids: str | Sequence[int], *, top: int = 50) -> PromptStats:
    """Most used prompt words and LoRAs over a query's matches or a list of file ids."""
    ids = _ids(lib, query_or_ids)
    return prompt_stats(records_of(lib, ids).values(), top=top)


def export_ids(
    lib: Any,
    query_or_ids: str | Sequence[int],
    out: str | os.PathLike[str],
    fmt: str = "txt",
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Export the prompts of these files, in their order; ``progress(done, total)``."""
    ids = _ids(lib, query_or_ids)
    total = len(ids)

    def items():
        for start in range(0, total, CHUNK):
            chunk = ids[start : start + CHUNK]
            records = records_of(lib, chunk)
            paths = lib.thumbnail_refs(chunk)
            for file_id in chunk:
                if file_id in paths:
                    yield paths[file_id][0], records.get(file_id)
            if progress is not None:
                progress(min(start + CHUNK, total), total)

    return export_prompts(items(), out, fmt, cancelled=cancelled)


FACET_KEYS = ("model", "lora", "sampler", "generator")


def facets_of(lib: Any, query: str = "", *, limit: int = 50) -> dict[str, list[tuple[str, int]]]:
    """Models, LoRAs, samplers and generators of a query's matches with how many images use each
    (the catalogue's one grouped query; without one, counted from the records)."""
    catalogue = getattr(lib, "generation", None)
    if catalogue is not None and hasattr(catalogue, "facets"):
        found = catalogue.facets(query, limit=limit)
        return {key: [(str(v), int(n)) for v, n in found.get(key, [])] for key in FACET_KEYS}
    from collections import Counter

    from acgdesk.prompts.a1111_text import main_run
    from acgdesk.prompts.stats import image_loras, prompt_words

    counts: dict[str, Counter[str]] = {key: Counter() for key in FACET_KEYS}
    for info in records_of(lib, lib.query_ids(query)).values():
        run = main_run(info)
        params = info.params or {}
        values = {
            "generator": info.generator,
            "model": (run.model if run is not None else None) or params.get("model"),
            "sampler": (run.sampler if run is not None else None) or params.get("sampler"),
        }
        for key, value in values.items():
            if isinstance(value, str) and value:
                counts[key][value] += 1
        for name, _weight in image_loras(info, prompt_words(info.prompt, info.generator)[1]).values():
            counts["lora"][name] += 1
    return {
        key: sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].lower()))[:limit]
        for key, counter in counts.items()
    }
