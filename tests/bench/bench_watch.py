"""Folder watching: how fast a new file becomes searchable, and how a 5,000-file burst goes through.

    .venv/bin/python tests/bench/bench_watch.py [--latency-runs 5] [--burst 5000] [--models both]
                                                [--out bench-results/bench_watch.json]

* latency: a running ``acgdesk watch``-equivalent (the library's watcher with the default offline
  models, loaded and warmed as the CLI does) over an empty folder; a 2000x3000 JPEG (q90, painted-
  art-like, ~1 byte/pixel) is written into the folder in one go; the clock stops when a second
  database connection sees the row ``ok`` *and* a ``model_runs`` row for every model, i.e. when
  the file is searchable by tags, rating and similarity. Repeated ``--latency-runs`` times, plus
  once more through a browser-style ``.part`` download renamed at the end, and once after the
  models were released for being idle (the first file after a quiet spell loads them again).
* burst: ``--burst`` distinct small images (256-640 px, the bench corpus) copied into the watched
  folder as fast as the disk allows; the clock runs from the first copy to the last file being
  in the database (with models: with every model's output). Reports files/s, batches, commits.

See README.md in this folder for what the numbers mean.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

import corpus  # noqa: E402  (a sibling script, not a package)

from acgdesk.library import Library  # noqa: E402
from acgdesk.watch import WatchConfig  # noqa: E402


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _reader(lib_dir: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{lib_dir / 'library.db'}?mode=ro", uri=True)


def _searchable(conn: sqlite3.Connection, path: str, n_models: int) -> tuple[bool, bool]:
    """(row ok, every model ran) for ``path``."""
    row = conn.execute("SELECT id, status FROM files WHERE path = ?", (path,)).fetchone()
    if row is None or row[1] != "ok":
        return False, False
    runs = conn.execute("SELECT COUNT(*) FROM model_runs WHERE file_id = ?", (row[0],)).fetchone()[0]
    return True, runs >= n_models


def _big_jpeg(seed: int) -> bytes:
    image = corpus.picture(random.Random(seed), 2000, 3000, grain=True)
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def _time_until_searchable(
    lib_dir: Path, path: Path, n_models: int, timeout: float = 60.0
) -> dict[str, float]:
    """Seconds from now until the row is ok, and until every model's output is in."""
    conn = _reader(lib_dir)
    started = time.perf_counter()
    ok_at = None
    try:
        while time.perf_counter() - started < timeout:
            ok, done = _searchable(conn, str(path), n_models)
            if ok and ok_at is None:
                ok_at = time.perf_counter() - started
            if done:
                return {
                    "in_db_s": round(ok_at or 0.0, 3),
                    "searchable_s": round(time.perf_counter() - started, 3),
                }
            time.sleep(0.005)
    finally:
        conn.close()
    raise TimeoutError(f"{path} not searchable after {timeout} s")


def bench_latency(work: Path, runs: int) -> dict[str, Any]:
    art = work / "latency-art"
    art.mkdir()
    lib_dir = work / "latency-lib"
    payloads = [_big_jpeg(1000 + i) for i in range(runs + 2)]
    with Library.open(lib_dir) as lib:
        lib.add_folders([art])
        t = time.perf_counter()
        loaded = lib.load_models(skip_missing=True)  # as `acgdesk watch` does (lazy, idle release)
        models = [m.model for m in loaded]
        watcher = lib.watcher(models=models)  # default WatchConfig: the real settle timings
        watcher.start()
        assert watcher.wait_idle(120), "watcher did not become idle"
        startup = time.perf_counter() - t
        samples = []
        for i in range(runs):
            target = art / f"new_{i}.jpg"
            write_started = time.perf_counter()
            target.write_bytes(payloads[i])  # one open/write/close, like a save or a copy
            result = _time_until_searchable(lib_dir, target, len(models))
            result["write_s"] = round(time.perf_counter() - write_started - result["searchable_s"], 3)
            samples.append(result)
            assert watcher.wait_idle(30)
        part = art / "download.jpg.part"
        final = art / "download.jpg"
        part.write_bytes(payloads[runs][: len(payloads[runs]) // 2])
        time.sleep(0.5)  # a browser mid-download
        with open(part, "ab") as fh:
            fh.write(payloads[runs][len(payloads[runs]) // 2 :])
        os.replace(part, final)
        part_result = _time_until_searchable(lib_dir, final, len(models))
        assert watcher.wait_idle(30)
        released = sum(
            bool(getattr(m, "release_if_idle", None)) and m.release_if_idle(time.monotonic() + 1e6)
            for m in models
        )
        cold_target = art / "after_idle.jpg"
        cold_target.write_bytes(payloads[runs + 1])
        cold = _time_until_searchable(lib_dir, cold_target, len(models))
        watcher.stop()
    searchable = [s["searchable_s"] for s in samples]
    return {
        "models": [m.spec.key for m in models],
        "image": "2000x3000 JPEG q90",
        "bytes": len(payloads[0]),
        "watcher_start_s": round(startup, 2),
        "runs": samples,
        "searchable_median_s": round(statistics.median(searchable), 3),
        "searchable_max_s": round(max(searchable), 3),
        "part_then_rename": part_result,
        "after_idle_release": {**cold, "models_released": int(released)},
        "target_s": 2.0,
        "load_before": _load(),
    }


def bench_burst(
    work: Path, files: int, with_models: bool, corpus_dir: Path, baseline: bool = False
) -> dict[str, Any]:
    source = corpus.ensure_small_corpus(corpus_dir, files, distinct=files)
    names = sorted(p for p in source.rglob("*") if p.is_file() and p.name != "manifest.json")
    art = work / f"burst-art-{int(with_models)}"
    art.mkdir()
    lib_dir = work / f"burst-lib-{int(with_models)}"
    load_before = _load()
    with Library.open(lib_dir) as lib:
        lib.add_folders([art])
        models = [m.model for m in lib.load_models(skip_missing=True)] if with_models else []
        watcher = lib.watcher(
            models=models, config=replace(WatchConfig(), retention_days=lib.retention_days())
        )
        watcher.start()
        assert watcher.wait_idle(120)
        conn = _reader(lib_dir)
        t0 = time.perf_counter()
        for src in names:
            dest = art / src.relative_to(source)
            dest.parent.mkdir(exist_ok=True)
            shutil.copyfile(src, dest)
        copied = time.perf_counter() - t0
        done_sql = (
            "SELECT COUNT(*) FROM files WHERE status = 'ok'"
            if not models
            else f"SELECT COUNT(*) FROM files f WHERE status = 'ok' AND "
            f"(SELECT COUNT(*) FROM model_runs r WHERE r.file_id = f.id) >= {len(models)}"
        )
        deadline = t0 + 3600
        while conn.execute(done_sql).fetchone()[0] < len(names):
            if time.perf_counter() > deadline:
                raise TimeoutError("burst did not finish")
            time.sleep(0.1)
        elapsed = time.perf_counter() - t0
        conn.close()
        stats = watcher.stats
        watcher.stop()
        errors = lib.db.execute("SELECT COUNT(*) FROM files WHERE status != 'ok'").fetchone()[0]
    extra: dict[str, Any] = {}
    if baseline:  # the same files through `acgdesk index` (cold), for the watcher's overhead
        with Library.open(work / f"baseline-lib-{int(with_models)}") as lib:
            models = [m.model for m in lib.load_models(skip_missing=True)] if with_models else []
            t = time.perf_counter()
            report = lib.index([art], models=models)
            took = time.perf_counter() - t
        extra = {
            "index_baseline": {"elapsed_s": round(took, 2), "files_per_s": round(report.processed / took, 1)}
        }
    return {
        "files": len(names),
        "models": [m.spec.key for m in models],
        "copy_s": round(copied, 2),
        "elapsed_s": round(elapsed, 2),
        "files_per_s": round(len(names) / elapsed, 1),
        "batches": stats.batches,
        "commits": stats.commits,
        "indexed": stats.files_indexed,
        "errors": errors,
        "load_before": load_before,
        "load_after": _load(),
        **extra,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-runs", type=int, default=5)
    parser.add_argument("--burst", type=int, default=5000, help="files in the burst (0: skip)")
    parser.add_argument("--models", choices=("off", "on", "both"), default="both", help="for the burst")
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--baseline", action="store_true", help="also cold-index the burst with `index`")
    parser.add_argument("--corpus-dir", type=Path, default=corpus.DEFAULT_DIR)
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "bench_watch.json")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="acgdesk-bench-watch-"))
    results: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_at_start": _load()},
    }
    try:
        if not args.skip_latency:
            results["latency"] = bench_latency(work, args.latency_runs)
            print(json.dumps(results["latency"], indent=2), flush=True)
        if args.burst:
            for with_models in {"off": [False], "on": [True], "both": [False, True]}[args.models]:
                key = f"burst_models_{'on' if with_models else 'off'}"
                results[key] = bench_burst(work, args.burst, with_models, args.corpus_dir, args.baseline)
                print(key, json.dumps(results[key], indent=2), flush=True)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(f"results: {args.out}")


if __name__ == "__main__":
    main()
