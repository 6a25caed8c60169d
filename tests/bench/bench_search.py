"""End-to-end ``acgdesk search`` latency on a large synthetic library, from a cold CLI start.

    .venv/bin/python tests/bench/bench_search.py [--files 100000] [--runs 5] [--keep DIR]

Builds (or reuses, with ``--keep``) a library of ``--files`` synthetic rows written the way the writer
writes them: files in 200 folders, model tags from a 3,000-tag vocabulary (Zipf-like: a few tags on
most files, most tags rare) with probabilities, NudeNet-style rating tags, a prompt on 30 % of the
files, a 512-d clustered image embedding per file (``resnet18-anime``'s key) and the 384-d MiniLM
name vectors (``#text:name`` in ``text_vectors``, clustered too: the ranking cost does not depend
on their meaning). Tag vocabulary vectors are computed with the real MiniLM.

Then every query runs as its own ``python -m acgdesk search`` process (what a user or a script
pays: interpreter start, imports, opening the library, the query, printing JSON). The first run of
each query builds the caches it needs (vector matrices); later runs are cold processes with warm
caches and a warm OS page cache. Also measured in-process: filtered similar-image search where the
filter keeps 1 % of the files, through the memory-mapped matrix and through SQLite.

Results go to ``bench-results/bench_search.json`` (git-ignored); the numbers are summarised in
``tests/bench/vectors_README.md`` ("Search end to end").
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from bench_vectors import Clustered, machine  # noqa: E402

from acgdesk.db.connection import transaction, utcnow  # noqa: E402
from acgdesk.db.file_stats import rebuild_file_stats  # noqa: E402
from acgdesk.db.predictions import bump_vector_generation  # noqa: E402
from acgdesk.library import Library  # noqa: E402
from acgdesk.models import catalogue  # noqa: E402
from acgdesk.search.text_vectors import name_key  # noqa: E402
from acgdesk.vectors.manager import VectorIndexManager  # noqa: E402

IMAGE_KEY = catalogue.get("resnet18-anime").key
WORDS = [
    "girl",
    "boy",
    "cat",
    "dog",
    "ears",
    "hair",
    "long",
    "short",
    "blue",
    "red",
    "green",
    "eyes",
    "smile",
    "sky",
    "sea",
    "beach",
    "sunset",
    "night",
    "city",
    "sword",
    "armor",
    "school",
    "uniform",
    "dress",
    "flower",
    "tree",
    "snow",
    "rain",
    "forest",
    "castle",
    "dragon",
    "wings",
    "tail",
    "hat",
    "glasses",
    "book",
    "cafe",
    "train",
    "street",
    "window",
    "bed",
    "room",
    "kitchen",
    "river",
    "mountain",
    "cloud",
    "star",
    "moon",
    "sun",
    "fire",
    "water",
]
# {t0} is the most frequent tag (on ~1/3 of the files), {t1} the second, {t2} the 50th.
QUERIES = {
    "tag": "tag:{t0}",
    "two_tags_and_fields": "tag:{t1} -tag:{t0} width:>=1000 ext:png",
    "rating": "rating:safe",
    "tagcount": "tagcount:<5",
    "rating_and_tag_sorted": "rating:q,e tag:{t2} sort:-size",
    "free_words": "girl on the beach at sunset",
    "free_words_filtered": "castle in the snow rating:safe folder:f007",
}


def say(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def vocabulary(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < n:
        names.add("_".join(rng.sample(WORDS, rng.choice((1, 2, 2, 3)))))
    return sorted(names)


def fill(lib: Library, files: int, seed: int) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()
    now = utcnow()
    tags = vocabulary(3000, seed)
    tag_p = 1.0 / np.arange(1, len(tags) + 1) ** 1.1
    tag_p /= tag_p.sum()
    images = Clustered(512, 2000, seed)
    names = Clustered(384, 500, seed + 1)
    with transaction(lib.db) as conn:
        conn.executemany(
            "INSERT INTO folders (id, path, added_at) VALUES (?, ?, ?)",
            [(i, f"/bench/f{i:03d}", now) for i in range(1, 201)],
        )
        conn.executemany(
            "INSERT INTO tags (id, name, category) VALUES (?, ?, 'general')",
            [
                (
                    i + 1,
                    t,
                )
                for i, t in enumerate(tags)
            ],
        )
        conn.executemany(
            "INSERT INTO tags (id, name, category) VALUES (?, ?, 'rating')",
            [(10_001 + i, r) for i, r in enumerate(("general", "sensitive", "questionable", "explicit"))],
        )
    chunk = 20_000
    for start in range(0, files, chunk):
        ids = np.arange(start + 1, min(files, start + chunk) + 1)
        n = ids.size
        folders = rng.integers(1, 201, n)
        widths = rng.integers(300, 4000, n)
        heights = rng.integers(300, 4000, n)
        sizes = rng.integers(20_000, 8_000_000, n)
        exts = rng.choice(["png", "jpg", "webp"], n)
        vec_img = images.sample(n, seed=start)
        vec_name = names.sample(n, seed=start)
        with transaction(lib.db) as conn:
            conn.executemany(
                "INSERT INTO files (id, folder_id, path, size, mtime_ns, content_hash, width, height, "
                "format, status, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?)",
                [
                    (
                        int(i),
                        int(f),
                        f"/bench/f{f:03d}/img_{i}.{e}",
                        int(s),
                        int(i) * 10**9,
                        f"h{i}",
                        int(w),
                        int(h),
                        e.upper(),
                        now,
                        now,
                    )
                    for i, f, e, s, w, h in zip(ids, folders, exts, sizes, widths, heights, strict=True)
                ],
            )
            rows = []
            for i in ids.tolist():
                chosen = set(rng.choice(len(tags), size=int(rng.integers(3, 16)), p=tag_p).tolist())
                rows += [(i, t + 1, "wd-bench@1", float(rng.uniform(0.05, 1.0)), now) for t in chosen]
                r = rng.dirichlet((4, 1, 0.5, 0.3))
                rows += [(i, 10_001 + k, "nudenet-320n@3.4.2", float(r[k]), now) for k in range(4)]
            conn.executemany(
                "INSERT INTO file_tags (file_id, tag_id, source, probability, added_at) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                "INSERT INTO metadata (file_id, prompt, generator) VALUES (?, ?, 'a1111')",
                [(int(i), " ".join(rng.choice(WORDS, 12))) for i in ids if rng.random() < 0.3],
            )
            for table, key, mat in (
                ("embeddings", IMAGE_KEY, vec_img),
                ("text_vectors", name_key(), vec_name),
            ):
                conn.executemany(
                    f"INSERT INTO {table} (file_id, model, dim, vector, created_at) VALUES (?, ?, ?, ?, ?)",
                    [
                        (int(i), key, mat.shape[1], row.tobytes(), now)
                        for i, row in zip(ids, mat, strict=True)
                    ],
                )
                bump_vector_generation(conn, key)
        say(f"filled {ids[-1]:,} files")
    filled = time.perf_counter() - t0
    t1 = time.perf_counter()
    with transaction(lib.db) as conn:  # bulk SQL above bypassed the writer that keeps them
        rebuilt = rebuild_file_stats(conn, lib.display_thresholds())
    stats = time.perf_counter() - t1
    t2 = time.perf_counter()
    lib.search_service.tag_cache().sync(lib.db.conn, lib.search_service.text_encoder())
    vocab = time.perf_counter() - t2
    return {
        "fill_s": filled,
        "file_stats_rebuild_s": stats,
        "file_stats_rows": rebuilt,
        "tag_vectors_s": vocab,
    }


def cli(library: Path, query: str, limit: int) -> tuple[float, float, dict[str, Any]]:
    """(wall seconds, CPU seconds of the process, its JSON). CPU time is what an idle machine would
    take; wall time adds waiting for a core on a loaded one."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "acgdesk",
            "--library",
            str(library),
            "search",
            query,
            "--limit",
            str(limit),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise RuntimeError(f"{query!r}: exit {proc.returncode}: {proc.stderr[-2000:]}")
    return wall, cpu, json.loads(proc.stdout)


def cli_status(library: Path) -> tuple[float, float]:
    """The cost of any command: interpreter, imports, opening the library (``acgdesk status``)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "acgdesk", "--library", str(library), "status", "--json"],
        capture_output=True,
        env=env,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - t0, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def filtered_similar(library: Path, share: float, queries: int, seed: int) -> dict[str, Any]:
    """Similar-image ranking restricted to a random ``share`` of the files: matrix vs SQLite."""
    rng = np.random.default_rng(seed)
    out: dict[str, Any] = {}
    with Library.open(library) as lib:
        n = lib.db.execute("SELECT MAX(id) FROM files").fetchone()[0]
        cands = np.sort(rng.choice(np.arange(1, n + 1), size=int(n * share), replace=False))
        qs = Clustered(512, 2000, 7).sample(queries, seed=99)
        for label, kwargs in (
            ("matrix", {"exact_max_candidates": 0}),
            ("sqlite", {"exact_max_candidates": 10**9, "matrix_max_candidates": 0}),
        ):
            with VectorIndexManager(lib.db, lib.root / "index", **kwargs) as m:
                t0 = time.perf_counter()
                m.search(IMAGE_KEY, qs[0], 10, candidate_ids=cands)  # cache build / warm-up
                first = time.perf_counter() - t0
                times = []
                for q in qs:
                    t = time.perf_counter()
                    m.search(IMAGE_KEY, q, 10, candidate_ids=cands)
                    times.append((time.perf_counter() - t) * 1000)
            times.sort()
            out[label] = {
                "candidates": int(cands.size),
                "first_s": round(first, 2),
                "p50_ms": round(times[len(times) // 2], 2),
                "p99_ms": round(times[int(len(times) * 0.99) - 1], 2),
            }
            say(f"filtered {share:.0%} via {label}: {out[label]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5, help="cold CLI runs per query after the first")
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--keep", metavar="DIR", help="build the library here and keep it (reused when present)")
    ap.add_argument("--out", default=str(REPO / "bench-results" / "bench_search.json"))
    args = ap.parse_args(argv)
    results: dict[str, Any] = {"machine": machine(), "files": args.files}
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-search-"))
    library = base / "lib"
    try:
        if not (library / "library.db").exists():
            say(f"building a {args.files:,}-file library in {library}")
            with Library.open(library) as lib:
                results["build"] = fill(lib, args.files, seed=1)
            say(f"built: {results['build']}")
        results["queries"] = {}
        vocab = vocabulary(3000, seed=1)
        for name, template in QUERIES.items():
            query = template.format(t0=vocab[0], t1=vocab[1], t2=vocab[49])
            first, first_cpu, out = cli(library, query, args.limit)
            runs = [cli(library, query, args.limit)[:2] for _ in range(args.runs)]
            walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
            entry = {
                "query": query,
                "method": out["method"],
                "results": len(out["results"]),
                "matched": out.get("matched"),
                "first_run_s": round(first, 3),
                "first_run_cpu_s": round(first_cpu, 3),
                "cpu_s": [round(c, 3) for c in cpus],
                "median_cpu_s": round(statistics.median(cpus), 3),
                "cold_process_s": [round(w, 3) for w in walls],
                "median_s": round(statistics.median(walls), 3),
                "max_s": round(max(walls), 3),
                "load_avg": os.getloadavg(),
            }
            results["queries"][name] = entry
            say(f"{name}: {entry}")
        baseline = [cli_status(library) for _ in range(args.runs)]
        results["baseline_status_cmd"] = {
            "median_s": round(statistics.median(b[0] for b in baseline), 3),
            "median_cpu_s": round(statistics.median(b[1] for b in baseline), 3),
        }
        say(f"baseline (acgdesk status): {results['baseline_status_cmd']}")
        results["filtered_similar_1pct"] = filtered_similar(library, 0.01, 200, seed=3)
    finally:
        out_path = Path(args.out)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(json.dumps(results, indent=2, default=str))
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print(json.dumps(results["queries"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
