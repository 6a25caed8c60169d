"""Generation facets and query fields on a large synthetic library.

    .venv/bin/python tests/bench/bench_facets.py [--files 100000] [--runs 5] [--keep DIR]

Builds (or reuses, with ``--keep``) a library of ``--files`` rows written through the same storage
call the indexer uses (:func:`acgdesk.db.generation.replace_generation`): 4 generators, 300
checkpoints and 2,000 LoRAs drawn Zipf-like (a few on most images), 0-4 LoRAs an image, a hires
pass on a third of the images, 20 samplers. Then times ``Library.generation.facets`` for the empty
query and for narrowing queries (the compiled query is the id subselect), and a few query fields
through ``Library.query_ids``. Median of ``--runs`` warm runs each (the first run is reported apart).
Results are summarised in ``tests/bench/README.md`` ("Generation facets").
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from acgdesk.db.connection import transaction, utcnow  # noqa: E402
from acgdesk.db.generation import replace_generation  # noqa: E402
from acgdesk.library import Library  # noqa: E402

GENERATORS = ["a1111", "comfyui", "novelai", "invokeai"]
SAMPLERS = [f"sampler_{i}" for i in range(20)]


def zipf(rng: random.Random, n: int) -> int:
    return min(n - 1, int(rng.paretovariate(1.1)) - 1)


def build(root: Path, files: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with Library.open(root) as lib, transaction(lib.db) as conn:
        conn.execute("INSERT INTO folders (path, added_at) VALUES ('/bench', ?)", (utcnow(),))
        now = utcnow()
        for i in range(1, files + 1):
            conn.execute(
                "INSERT INTO files (id, folder_id, path, size, mtime_ns, status, width, height, added_at, "
                "updated_at) VALUES (?, 1, ?, 1000, ?, 'ok', 832, 1216, ?, ?)",
                (i, f"/bench/{i // 1000}/{i}.png", i * 1_000_000_000, now, now),
            )
            if rng.random() < 0.1:
                continue  # not a generated image
            model = f"sd/checkpoint_{zipf(rng, 300)}.safetensors"
            loras = [{"name": f"lora_{zipf(rng, 2000)}", "weight": 0.8} for _ in range(rng.randint(0, 4))]
            base = {
                "positive": "1girl, solo",
                "seed": rng.randrange(2**64),
                "steps": rng.choice([20, 25, 28, 30, 40]),
                "cfg": rng.choice([4.5, 5.0, 6.0, 7.0]),
                "sampler": SAMPLERS[zipf(rng, len(SAMPLERS))],
                "model": model,
                "loras": loras,
            }
            runs = [base]
            if rng.random() < 0.33:
                runs.append({**base, "role": "hires", "steps": 15, "sampler": "sampler_0"})
            record = {"generator": GENERATORS[zipf(rng, 4)], "version": "", "runs": runs}
            replace_generation(conn, i, record)


def timed(fn, runs: int) -> dict[str, float]:
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return {"first_ms": round(first * 1000, 1), "median_ms": round(statistics.median(times) * 1000, 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="build the library here once and reuse it")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-facets-"))
    try:
        if not (root / "library.db").exists():
            start = time.perf_counter()
            build(root, args.files)
            print(f"built {args.files:,} files in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        results: dict[str, object] = {"files": args.files}
        with Library.open(root) as lib:
            for query in ("", "steps:28", "lora:lora_0", "checkpoint:checkpoint_7 cfg:>=6", "seed:12345"):
                counts = lib.generation.facets(query)
                results[f"facets {query!r}"] = {
                    **timed(lambda q=query: lib.generation.facets(q), args.runs),
                    "images": sum(n for _, n in counts["generator"]),
                }
            for query in ("steps:20..28", "lora:lora_3", 'lora:"lora_1*"', "checkpoint:*_1?", "seed:..1000"):
                results[f"query_ids {query!r}"] = {
                    **timed(lambda q=query: lib.query_ids(q), args.runs),
                    "matched": len(lib.query_ids(query)),
                }
        print(json.dumps(results, indent=2))
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
