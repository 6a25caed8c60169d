"""How each image was generated, as rows: one per image, one per sampler run, one per LoRA of a run.

The ``metadata`` table keeps the summary (main prompt, settings as JSON); these tables make the runs
searchable (``steps:20..30``, ``lora:...``) and countable (facets over 100k images in one grouped
query each) without parsing JSON in SQL. The storage layer knows no record types: it takes and gives
the plain form of :func:`acgdesk.imaging.generation.runs.stored_record`.

Seeds are text: ComfyUI seeds go up to 2**64 - 1, beyond SQLite's integers, and a seed is matched
exactly far more often than compared. Model and LoRA names are kept as written and also as a *stem*
(no folder, no file extension), so ``anything-v5`` written by WebUI and ``sd/anything-v5.safetensors``
written by ComfyUI count and match as one.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

SCHEMA = (
    """CREATE TABLE generation (
        file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
        generator TEXT NOT NULL DEFAULT '',
        version TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX generation_generator ON generation(generator COLLATE NOCASE)",
    """CREATE TABLE generation_runs (
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        run INTEGER NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        positive TEXT NOT NULL DEFAULT '',
        negative TEXT NOT NULL DEFAULT '',
        seed TEXT,
        steps INTEGER,
        cfg REAL,
        sampler TEXT,
        sampler_label TEXT,
        scheduler TEXT,
        width INTEGER,
        height INTEGER,
        denoise REAL,
        model TEXT,
        model_stem TEXT,
        model_hash TEXT,
        vae TEXT,
        clip_skip INTEGER,
        upscaler TEXT,
        PRIMARY KEY (file_id, run)
    )""",
    "CREATE INDEX generation_runs_model ON generation_runs(model_stem COLLATE NOCASE, file_id)",
    "CREATE INDEX generation_runs_sampler ON generation_runs(sampler_label COLLATE NOCASE, file_id)",
    "CREATE INDEX generation_runs_scheduler ON generation_runs(scheduler COLLATE NOCASE, file_id)",
    "CREATE INDEX generation_runs_seed ON generation_runs(seed, file_id)",
    "CREATE INDEX generation_runs_steps ON generation_runs(steps, file_id)",
    "CREATE INDEX generation_runs_cfg ON generation_runs(cfg, file_id)",
    """CREATE TABLE generation_loras (
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        run INTEGER NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        stem TEXT NOT NULL,
        weight REAL,
        clip_weight REAL,
        hash TEXT,
        PRIMARY KEY (file_id, run, position)
    )""",
    "CREATE INDEX generation_loras_stem ON generation_loras(stem COLLATE NOCASE, file_id)",
)
TABLES = ("generation", "generation_runs", "generation_loras")
RUN_COLUMNS = (
    "role, positive, negative, seed, steps, cfg, sampler, sampler_label, scheduler, width, height, denoise, "
    "model, "
    "model_stem, model_hash, vae, clip_skip, upscaler"
)
LORA_COLUMNS = "name, stem, weight, clip_weight, hash"
FILL_SETTING = "generation_fill"  # settings key: the rows are to be (re)built from stored metadata
_MODEL_EXTENSIONS = (".safetensors", ".ckpt", ".pt", ".pth", ".bin", ".gguf", ".sft", ".onnx")
_CHUNK = 500


def create_schema(conn: sqlite3.Connection) -> None:
    """Migration 0009: the tables, and a request to fill them from the metadata already stored (the
    library does it when it opens: re-reading stored text needs the generation readers, which the
    storage layer may not import)."""
    for statement in SCHEMA:
        conn.execute(statement)
    if conn.execute("SELECT 1 FROM metadata LIMIT 1").fetchone():
        request_fill(conn)


def name_stem(name: str | None) -> str | None:
    """``"SDXL\\pony_v6.safetensors"`` -> ``"pony_v6"``: no folder, no model-file extension."""
    if not name:
        return None
    base = re.split(r"[\\/]", name.strip())[-1]
    lower = base.lower()
    for ext in _MODEL_EXTENSIONS:
        if lower.endswith(ext) and len(base) > len(ext):
            return base[: -len(ext)]
    return base or None


def _real(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _int(value: Any) -> int | None:
    number = _real(value)
    return int(number) if number is not None and number.is_integer() and abs(number) < 2**63 else None


def seed_text(value: Any) -> str | None:
    """A seed as stored: its decimal digits (None when it is not a whole number)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return str(int(value))
    number = _real(value)
    return str(int(number)) if number is not None and number.is_integer() else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def replace_generation(conn: sqlite3.Connection, file_id: int, record: Mapping[str, Any] | None) -> None:
    """Store a file's generation rows, replacing the old ones (``None``: the file has none now)."""
    for table in TABLES:
        conn.execute(f"DELETE FROM {table} WHERE file_id = ?", (file_id,))
    if not record:
        return
    conn.execute(
        "INSERT INTO generation (file_id, generator, version) VALUES (?, ?, ?)",
        (file_id, str(record.get("generator") or ""), str(record.get("version") or "")),
    )
    for index, run in enumerate(record.get("runs") or ()):
        model = _str(run.get("model"))
        conn.execute(
            f"INSERT INTO generation_runs (file_id, run, {RUN_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                file_id,
                index,
                str(run.get("role") or ""),
                str(run.get("positive") or ""),
                str(run.get("negative") or ""),
                seed_text(run.get("seed")),
                _int(run.get("steps")),
                _real(run.get("cfg")),
                _str(run.get("sampler")),
                _str(run.get("sampler_label")) or _str(run.get("sampler")),
                _str(run.get("scheduler")),
                _int(run.get("width")),
                _int(run.get("height")),
                _real(run.get("denoise")),
                model,
                name_stem(model),
                _str(run.get("model_hash")),
                _str(run.get("vae")),
                _int(run.get("clip_skip")),
                _str(run.get("upscaler")),
            ),
        )
        loras = [lo for lo in run.get("loras") or () if _str(lo.get("name"))]
        conn.executemany(
            f"INSERT INTO generation_loras (file_id, run, position, {LORA_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    file_id,
                    index,
                    position,
                    lo["name"],
                    name_stem(lo["name"]) or lo["name"],
                    _real(lo.get("weight")),
                    _real(lo.get("clip_weight")),
                    _str(lo.get("hash")),
                )
                for position, lo in enumerate(loras)
            ],
        )


def copy_generation(conn: sqlite3.Connection, source_id: int, new_id: int) -> None:
    """Give row ``new_id`` (a byte-for-byte copy of ``source_id``) the source's generation rows."""
    conn.execute(
        "INSERT INTO generation (file_id, generator, version) "
        "SELECT ?, generator, version FROM generation WHERE file_id = ?",
        (new_id, source_id),
    )
    conn.execute(
        f"INSERT INTO generation_runs (file_id, run, {RUN_COLUMNS}) "
        f"SELECT ?, run, {RUN_COLUMNS} FROM generation_runs WHERE file_id = ?",
        (new_id, source_id),
    )
    conn.execute(
        f"INSERT INTO generation_loras (file_id, run, position, {LORA_COLUMNS}) "
        f"SELECT ?, run, position, {LORA_COLUMNS} FROM generation_loras WHERE file_id = ?",
        (new_id, source_id),
    )


# -- filling from stored metadata ------------------------------------------------------------------


def request_fill(conn: sqlite3.Connection) -> None:
    """Ask for every file's rows to be rebuilt from its stored metadata (a reader learnt more)."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, 'true') ON CONFLICT(key) DO UPDATE SET value = 'true'",
        (FILL_SETTING,),
    )


def fill_requested(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (FILL_SETTING,)).fetchone()
    return bool(row) and row[0] == "true"


def fill_done(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM settings WHERE key = ?", (FILL_SETTING,))


def stored_metadata(conn: sqlite3.Connection) -> Iterator[tuple[int, dict[str, Any]]]:
    """(file id, metadata row with JSON columns decoded) for every file that has one, by id."""
    last = -1
    while True:
        rows = conn.execute(
            "SELECT file_id, generator, prompt, negative_prompt, generation_params, text_chunks, exif "
            "FROM metadata WHERE file_id > ? ORDER BY file_id LIMIT ?",
            (last, _CHUNK),
        ).fetchall()
        if not rows:
            return
        for file_id, generator, prompt, negative, params, chunks, exif in rows:
            yield (
                int(file_id),
                {
                    "generator": generator,
                    "prompt": prompt,
                    "negative_prompt": negative,
                    "generation_params": _json(params),
                    "text_chunks": _json(chunks),
                    "exif": _json(exif),
                },
            )
        last = int(rows[-1][0])


def _json(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return None


# -- reading -------------------------------------------------------------------------------------------


def stored_rows(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """file id -> {generator, version, prompt, negative_prompt, params, runs: [run with loras]} for
    the files of ``ids`` that have generation rows (the summary comes from ``metadata``)."""
    out: dict[int, dict[str, Any]] = {}
    wanted = sorted({int(i) for i in ids})
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start : start + _CHUNK]
        marks = ", ".join("?" * len(part))
        for file_id, generator, version, prompt, negative, params in conn.execute(
            "SELECT g.file_id, g.generator, g.version, m.prompt, m.negative_prompt, m.generation_params "
            f"FROM generation g LEFT JOIN metadata m ON m.file_id = g.file_id WHERE g.file_id IN ({marks})",
            part,
        ):
            out[file_id] = {
                "generator": generator,
                "version": version,
                "prompt": prompt,
                "negative_prompt": negative,
                "params": _json(params) or {},
                "runs": [],
            }
        names = RUN_COLUMNS.split(", ")
        runs: dict[tuple[int, int], dict[str, Any]] = {}
        for row in conn.execute(
            f"SELECT file_id, run, {RUN_COLUMNS} FROM generation_runs WHERE file_id IN ({marks}) "
            "ORDER BY file_id, run",
            part,
        ):
            if row[0] in out:
                run = {**dict(zip(names, row[2:], strict=True)), "loras": []}
                runs[(row[0], row[1])] = run
                out[row[0]]["runs"].append(run)
        for file_id, run_index, name, weight, clip_weight, lora_hash in conn.execute(
            "SELECT file_id, run, name, weight, clip_weight, hash FROM generation_loras "
            f"WHERE file_id IN ({marks}) ORDER BY file_id, run, position",
            part,
        ):
            run = runs.get((file_id, run_index))
            if run is not None:
                run["loras"].append(
                    {"name": name, "weight": weight, "clip_weight": clip_weight, "hash": lora_hash}
                )
    return out


# -- facets --------------------------------------------------------------------------------------------

# facet -> (table and alias, the value column, the condition a row needs, one row per image)
_FACETS = {
    "generator": ("generation x", "x.generator", "x.generator != ''", True),
    "model": ("generation_runs x", "x.model_stem", "x.model_stem IS NOT NULL", False),
    "lora": ("generation_loras x", "x.stem", "1", False),
    "sampler": ("generation_runs x", "x.sampler_label", "x.sampler_label IS NOT NULL", False),
}
FACETS = tuple(_FACETS)
_BROAD = 10  # an id set above 1/_BROAD of the generated images: scan the value index instead


def facet_counts(
    conn: sqlite3.Connection, ids_sql: str, params: Sequence[Any], *, limit: int = 50
) -> dict[str, list[tuple[str, int]]]:
    """For each facet, (value, images) among the files ``ids_sql`` selects (a ``SELECT f.id ...``
    with ``params``), most images first; values differing only in ASCII case count as one.

    The query runs once, into a temporary id table. A broad set (the whole library) is best met by
    reading each value index in order and looking the ids up (``+x.file_id`` keeps SQLite from
    starting at the ids instead); a narrow one by starting at the ids (100k images: 390 ms against
    620 ms for the whole library, 15 ms against 80 ms for 1,000 of them).
    """
    conn.execute("DROP TABLE IF EXISTS temp.facet_ids")
    conn.execute("CREATE TEMP TABLE facet_ids (id INTEGER PRIMARY KEY)")
    try:
        matched = conn.execute(f"INSERT INTO temp.facet_ids (id) {ids_sql}", list(params)).rowcount
        generated = conn.execute("SELECT COUNT(*) FROM generation").fetchone()[0]
        member = "+x.file_id" if matched * _BROAD > generated else "x.file_id"
        out: dict[str, list[tuple[str, int]]] = {}
        for facet, (table, column, condition, one_per_image) in _FACETS.items():
            count = "COUNT(*)" if one_per_image else "COUNT(DISTINCT x.file_id)"
            sql = (
                f"SELECT MIN({column}), {count} AS n FROM {table} "
                f"WHERE {condition} AND {member} IN (SELECT id FROM temp.facet_ids) "
                f"GROUP BY {column} COLLATE NOCASE ORDER BY n DESC, MIN({column}) COLLATE NOCASE LIMIT ?"
            )
            out[facet] = [(str(v), int(n)) for v, n in conn.execute(sql, (int(limit),))]
        return out
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.facet_ids")
