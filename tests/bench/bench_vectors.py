"""Vector search: HNSW build, memory, latency and recall@10 against exact search; filtered search.

    .venv/bin/python tests/bench/bench_vectors.py [--n 1000000] [--sweep-n 100000] [--threads 2]
                                                  [--out bench-results/bench_vectors.json]

Synthetic *clustered* 512-d vectors (random Gaussian vectors have no neighbourhood structure, so
recall on them says nothing): see :class:`Clustered`. Two phases, each optional:

* sweep (``--sweep-n``, 0 to skip): HNSW graphs of the first N vectors for several (M,
  ef_construction) pairs, each queried at several ``ef``: build time and recall/latency curves,
  to choose the defaults of :class:`acgdesk.vectors.hnsw_index.HnswParams`;
* main (``--n``, 0 to skip): the vectors written into a real library database, the index built
  by :class:`acgdesk.vectors.manager.VectorIndexManager` (rebuild from SQLite), then p50/p99 query
  latency and recall@10 unfiltered and with filters keeping 1 % and 30 % of the files, the
  exact-vs-HNSW cross-over for filtered search, loading the saved index and a catch-up.

Results are written to ``--out`` after every step, so an interrupted run keeps what it measured.
See vectors_README.md in this folder.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from acgdesk.db.connection import transaction, utcnow  # noqa: E402
from acgdesk.db.predictions import bump_vector_generation, store_embedding  # noqa: E402
from acgdesk.library import Library  # noqa: E402
from acgdesk.vectors.exact import TopK  # noqa: E402
from acgdesk.vectors.hnsw_index import HnswIndex, HnswParams  # noqa: E402
from acgdesk.vectors.manager import VectorIndexManager  # noqa: E402

MODEL = "bench-clip@1"
K_LARGE = 100  # a grid page of results: recall@100 is measured too
INSERT_FILE = (
    "INSERT INTO files (id, folder_id, path, status, added_at, updated_at) VALUES (?, 1, ?, 'ok', ?, ?)"
)
K = 10


# -- data ------------------------------------------------------------------------------------------
class Clustered:
    """CLIP-like synthetic embeddings: clusters with a low-dimensional spread, unit length.

    Each of ``clusters`` centres is a random direction mixed with one direction shared by all
    (real image embeddings share a large common component: unrelated images have cosine ~0.2-0.5).
    A point is its centre, plus a Gaussian offset inside a random ``sub_dim``-dimensional subspace
    of its cluster (the variation that decides who is whose neighbour: real embeddings have a low
    intrinsic dimension), plus small isotropic noise in all 512 dimensions; then normalised.
    Cluster sizes are uneven (log-normal weights). Everything is seeded; chunk ``i`` of the data
    set is always the same, so the data can be regenerated or streamed.
    """

    def __init__(
        self,
        dim: int,
        clusters: int,
        seed: int,
        *,
        sub_dim: int = 32,
        sub_scale: float = 0.6,
        iso_scale: float = 0.25,
        shared: float = 0.5,
    ) -> None:
        rng = np.random.default_rng(seed)
        common = rng.standard_normal(dim)
        common /= np.linalg.norm(common)
        own = rng.standard_normal((clusters, dim))
        own /= np.linalg.norm(own, axis=1, keepdims=True)
        self.centres = (shared * common + np.sqrt(1 - shared**2) * own).astype(np.float32)
        self.bases = (rng.standard_normal((clusters, sub_dim, dim)) / np.sqrt(dim)).astype(np.float32)
        weights = np.exp(rng.standard_normal(clusters))
        self.p = weights / weights.sum()
        self.dim, self.clusters, self.seed = dim, clusters, seed
        self.sub_dim, self.sub_scale, self.iso_scale = sub_dim, sub_scale, iso_scale
        self.shared = shared

    def sample(self, n: int, seed: int) -> np.ndarray:
        rng = np.random.default_rng([self.seed, seed])
        labels = rng.choice(self.clusters, size=n, p=self.p)
        out = self.centres[labels]
        out += (self.iso_scale / np.sqrt(self.dim)) * rng.standard_normal((n, self.dim), dtype=np.float32)
        z = (self.sub_scale / np.sqrt(self.sub_dim)) * rng.standard_normal(
            (n, self.sub_dim), dtype=np.float32
        )
        order = np.argsort(labels, kind="stable")
        bounds = np.flatnonzero(np.diff(labels[order])) + 1
        for group in np.split(order, bounds):
            out[group] += z[group] @ self.bases[labels[group[0]]]
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out

    def describe(self) -> dict[str, Any]:
        return {
            "dim": self.dim,
            "clusters": self.clusters,
            "seed": self.seed,
            "sub_dim": self.sub_dim,
            "sub_scale": self.sub_scale,
            "iso_scale": self.iso_scale,
            "shared": self.shared,
        }


DATA_CHUNK = 50_000


def dataset(gen: Clustered, n: int, cache: Path) -> np.ndarray:
    """The first ``n`` vectors, memory-mapped from a cached .npy (generated on first use)."""
    cache.mkdir(parents=True, exist_ok=True)
    shape = f"{gen.dim}-{gen.clusters}-{gen.sub_dim}-{gen.sub_scale}-{gen.iso_scale}-{gen.shared}-{gen.seed}"
    path = cache / f"data-{shape}-{n}.npy"
    if not path.exists():
        tmp = path.with_suffix(".tmp.npy")
        out = np.lib.format.open_memmap(tmp, mode="w+", dtype=np.float32, shape=(n, gen.dim))
        for i, start in enumerate(range(0, n, DATA_CHUNK)):
            stop = min(n, start + DATA_CHUNK)
            out[start:stop] = gen.sample(stop - start, seed=i)
        out.flush()
        del out
        os.replace(tmp, path)
    return np.load(path, mmap_mode="r")


def ground_truth(
    data: np.ndarray, queries: np.ndarray, masks: dict[str, np.ndarray | None], k: int = K
) -> dict[str, np.ndarray]:
    """Exact top-k row numbers of ``data`` per query, for each filter mask (None: no filter)."""
    accs = {name: TopK(queries, k if mask is not None else max(k, K_LARGE)) for name, mask in masks.items()}
    for start in range(0, len(data), DATA_CHUNK // 2):
        chunk = np.asarray(data[start : start + DATA_CHUNK // 2])
        rows = np.arange(start, start + len(chunk))
        for name, mask in masks.items():
            keep = rows if mask is None else rows[mask[start : start + len(chunk)]]
            accs[name].update(keep, chunk[keep - start])
    return {name: acc.result()[0] for name, acc in accs.items()}


# -- measuring -------------------------------------------------------------------------------------
def _status_mb(field: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def memory() -> dict[str, float | None]:
    """Resident memory now (anonymous = heap, what the index occupies; file = mapped files)."""
    return {
        k: _status_mb(f)
        for k, f in (
            ("rss_mb", "VmRSS"),
            ("anon_mb", "RssAnon"),
            ("file_mb", "RssFile"),
            ("peak_mb", "VmHWM"),
        )
    }


def latency(
    fn: Callable[[np.ndarray], list[tuple[int, float]]], queries: np.ndarray
) -> tuple[dict[str, float], list[list[int]]]:
    """Per-query wall time and CPU time of the calling thread (hnswlib runs a single query in the
    calling thread, SQLite too): on a busy machine wall time includes waiting for a core, CPU time
    does not, so the pair separates the cost of a query from the machine's load."""
    times, cpu, results = [], [], []
    fn(queries[0])  # warm-up
    for q in queries:
        c0 = time.thread_time()
        t0 = time.perf_counter()
        hits = fn(q)
        times.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
        results.append([h[0] for h in hits])
    ms = np.asarray(times) * 1000
    cpu_ms = np.asarray(cpu) * 1000
    return {
        "queries": len(queries),
        "p50_ms": round(float(np.percentile(ms, 50)), 3),
        "p99_ms": round(float(np.percentile(ms, 99)), 3),
        "mean_ms": round(float(ms.mean()), 3),
        "max_ms": round(float(ms.max()), 3),
        "cpu_p50_ms": round(float(np.percentile(cpu_ms, 50)), 3),
        "cpu_p99_ms": round(float(np.percentile(cpu_ms, 99)), 3),
    }, results


def recall(found: list[list[int]], truth: np.ndarray, offset: int = 0) -> float:
    """Mean recall@k: ``truth`` holds row numbers; found ids are rows + ``offset``."""
    total = 0.0
    for got, exact in zip(found, truth, strict=False):
        want = {int(r) + offset for r in exact[: len(got) if len(got) > K else K]}
        total += len(want.intersection(got)) / max(1, len(want))
    return round(total / max(1, min(len(found), len(truth))), 4)


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "nproc": os.cpu_count(),
        "platform": platform.platform(),
        "numpy": np.__version__,
        "loadavg_at_start": list(os.getloadavg()),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return info


class Results:
    def __init__(self, path: Path, head: dict[str, Any]) -> None:
        self.path = path
        self.data = head
        self.write()

    def put(self, key: str, value: Any) -> None:
        self.data[key] = value
        self.write()

    def write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.data["loadavg_now"] = list(os.getloadavg())
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.data, indent=2))
        os.replace(tmp, self.path)


def say(msg: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {msg}", flush=True)


# -- phase 1: parameter sweep ----------------------------------------------------------------------
def sweep(
    data: np.ndarray, queries: np.ndarray, settings: list[tuple[int, int]], efs: list[int], threads: int
) -> list[dict[str, Any]]:
    n = len(data)
    say(f"sweep: exact ground truth for {len(queries)} queries over {n}")
    truth = ground_truth(data, queries, {"all": None})["all"]
    rows = []
    for M, efc in settings:
        gc.collect()
        mem0 = memory()
        index = HnswIndex(
            data.shape[1], params=HnswParams(M=M, ef_construction=efc), capacity=n, num_threads=threads
        )
        t0, c0 = time.perf_counter(), time.process_time()
        for start in range(0, n, DATA_CHUNK):
            chunk = np.asarray(data[start : start + DATA_CHUNK])
            index.add(np.arange(start, start + len(chunk)) + 1, chunk)
        build_s = time.perf_counter() - t0
        build_cpu = time.process_time() - c0
        mem1 = memory()
        row: dict[str, Any] = {
            "build_cpu_s": round(build_cpu, 1),
            "n": n,
            "M": M,
            "ef_construction": efc,
            "build_s": round(build_s, 1),
            "inserts_per_s": round(n / build_s),
            "index_anon_mb": round((mem1["anon_mb"] or 0) - (mem0["anon_mb"] or 0), 1),
            "ef": [],
        }
        for ef in efs:
            lat, found = latency(lambda q, ef=ef, idx=index: idx.search(q, K, ef=ef), queries)
            row["ef"].append({"ef": ef, **lat, "recall_at_10": recall(found, truth, offset=1)})
        say(
            f"sweep M={M} efC={efc}: build {build_s:.1f} s; ef: recall/p50 wall/p50 cpu "
            + ", ".join(
                f"{e['ef']}: {e['recall_at_10']:.3f}/{e['p50_ms']:.2f}/{e['cpu_p50_ms']:.2f}"
                for e in row["ef"]
            )
        )
        rows.append(row)
        del index
    return rows


# -- phase 2: a real library -----------------------------------------------------------------------
def fill_library(lib: Library, data: np.ndarray) -> float:
    """Write the vectors as files 1..n with embeddings (bulk SQL: the pipeline's per-row path,
    ``store_embedding``, is used for the catch-up step instead)."""
    t0 = time.perf_counter()
    now = utcnow()
    with transaction(lib.db) as conn:
        conn.execute("INSERT INTO folders (id, path, added_at) VALUES (1, '/bench', ?)", (now,))
    for start in range(0, len(data), DATA_CHUNK):
        chunk = np.asarray(data[start : start + DATA_CHUNK], dtype=np.float32)
        ids = range(start + 1, start + 1 + len(chunk))
        with transaction(lib.db) as conn:
            conn.executemany(
                INSERT_FILE,
                ((i, f"/bench/{i}.png", now, now) for i in ids),
            )
            conn.executemany(
                "INSERT INTO embeddings (file_id, model, dim, vector, created_at) VALUES (?, ?, ?, ?, ?)",
                ((i, MODEL, data.shape[1], row.tobytes(), now) for i, row in zip(ids, chunk, strict=True)),
            )
            bump_vector_generation(conn, MODEL)
    return time.perf_counter() - t0


def crossover(
    manager: VectorIndexManager, queries: np.ndarray, n: int, sizes: list[int], rng: np.random.Generator
) -> list[dict[str, Any]]:
    """Filtered search by candidate-set size: exact (SQLite + numpy) against the HNSW filter."""
    rows = []
    index = manager.index_for(MODEL)
    for size in [s for s in sizes if s < n]:
        cands = np.sort(rng.choice(n, size=size, replace=False) + 1)
        qs = queries[:100] if size >= n // 100 else queries[:30]
        saved = manager.exact_max_candidates
        try:
            manager.exact_max_candidates = 1 << 40  # force the exact path
            exact_lat, exact_found = latency(
                lambda q, c=cands: manager.search(MODEL, q, K, candidate_ids=c),
                qs[: max(10, min(100, 2_000_000 // size))],
            )
            manager.exact_max_candidates = 0  # force the HNSW filter
            hnsw_lat, hnsw_found = latency(
                lambda q, c=cands: manager.search(MODEL, q, K, candidate_ids=c), qs
            )
        finally:
            manager.exact_max_candidates = saved
        truth = [[i - 1 for i in r] for r in exact_found] if exact_found else None
        row = {
            "candidates": size,
            "share": round(size / n, 4),
            "exact": exact_lat,
            "hnsw_filter": hnsw_lat,
            "hnsw_filter_recall_vs_exact": recall(hnsw_found, np.asarray(truth), offset=1) if truth else None,
        }
        say(
            f"crossover {size}: exact p50 {exact_lat.get('p50_ms')} ms, hnsw p50 {hnsw_lat['p50_ms']} ms, "
            f"recall {row['hnsw_filter_recall_vs_exact']}"
        )
        rows.append(row)
    del index
    return rows


def main_run(
    data: np.ndarray,
    queries: np.ndarray,
    gen: Clustered,
    params: HnswParams,
    threads: int,
    gt_queries: int,
    efs: list[int],
    work: Path,
    res: Results,
    filtered_only: bool = False,
) -> None:
    n = len(data)
    rng = np.random.default_rng(7)
    masks = {"all": None}
    for name, share in (("filter_1pct", 0.01), ("filter_30pct", 0.30)):
        mask = np.zeros(n, dtype=bool)
        mask[rng.choice(n, size=int(n * share), replace=False)] = True
        masks[name] = mask
    say(f"main: exact ground truth for {gt_queries} queries over {n} (3 filters)")
    t0 = time.perf_counter()
    truth = ground_truth(data, queries[:gt_queries], masks)
    res.put("ground_truth_s", round(time.perf_counter() - t0, 1))

    reuse = (work / "lib" / "library.db").exists()
    lib = Library.open(work / "lib")
    if reuse:
        say(f"main: reusing the library in {work / 'lib'} (no fill, no build: the index is loaded)")
        count = lib.db.execute("SELECT COUNT(*) FROM embeddings WHERE model = ?", (MODEL,)).fetchone()[0]
        if count < n:
            raise SystemExit(f"{work / 'lib'} holds {count} vectors, fewer than --n {n}")
        with transaction(lib.db) as conn:  # files a previous run's catch-up step added
            if conn.execute("DELETE FROM files WHERE id > ?", (n,)).rowcount:
                bump_vector_generation(conn, MODEL)
    else:
        say("main: writing the vectors into a library database")
        fill_s = fill_library(lib, data)
        db_bytes = lib.db_path.stat().st_size
        res.put("database", {"fill_s": round(fill_s, 1), "bytes": db_bytes})
        say(f"main: database filled in {fill_s:.0f} s ({db_bytes / 1e9:.2f} GB)")

    if filtered_only:
        matrix_filtered(lib, masks["filter_1pct"], queries, truth["filter_1pct"], res)
        lib.close()
        return

    gc.collect()
    mem0 = memory()
    manager = VectorIndexManager(lib.db, lib.root / "index", params=params, num_threads=threads)
    t0, c0 = time.perf_counter(), time.process_time()
    index = manager.index_for(MODEL)  # rebuild from SQLite and save, or load (reuse)
    build_s = time.perf_counter() - t0
    build_cpu = time.process_time() - c0
    mem1 = memory()
    path = manager.path_for(MODEL)
    build = {
        "n": n,
        "reused_library": reuse,
        "params": asdict(params),
        "threads": threads,
        ("load_and_reconcile_s" if reuse else "rebuild_from_sqlite_and_save_s"): round(build_s, 1),
        "cpu_s": round(build_cpu, 1),
        "index_file_bytes": path.stat().st_size,
        "memory_before": mem0,
        "memory_after": mem1,
        "index_anon_mb": round((mem1["anon_mb"] or 0) - (mem0["anon_mb"] or 0), 1),
    }
    res.put("build", build)
    say(
        f"main: index ready in {build_s:.0f} s, file {build['index_file_bytes'] / 1e9:.2f} GB, "
        f"+{build['index_anon_mb']:.0f} MB anon RSS"
    )

    # Unfiltered: the raw index at several ef, then the manager (status check included).
    curve = []
    for ef in efs:
        lat, found = latency(lambda q, ef=ef: index.search(q, K, ef=ef), queries)
        curve.append({"ef": ef, **lat, "recall_at_10": recall(found, truth["all"], offset=1)})
        say(
            f"main: ef={ef}: recall {curve[-1]['recall_at_10']}, "
            f"p50 {lat['p50_ms']} ms, p99 {lat['p99_ms']} ms"
        )
        res.put("unfiltered_ef_curve", curve)
    k_curve = []
    for ef in (100, 200, 400):
        lat, found = latency(lambda q, ef=ef: index.search(q, K_LARGE, ef=ef), queries[:gt_queries])
        k_curve.append(
            {"k": K_LARGE, "ef": ef, **lat, "recall_at_100": recall(found, truth["all"], offset=1)}
        )
        say(f"main: k=100 ef={ef}: recall@100 {k_curve[-1]['recall_at_100']}, p50 {lat['p50_ms']} ms")
        res.put("k100_ef_curve", k_curve)
    lat, found = latency(lambda q: manager.search(MODEL, q, K), queries)
    res.put(
        "unfiltered_manager",
        {**lat, "ef": params.ef_for(K), "recall_at_10": recall(found, truth["all"], offset=1)},
    )
    say(f"main: manager unfiltered {res.data['unfiltered_manager']}")

    # Filtered searches at several ef (the raw index, the candidate array as the manager passes it).
    fcurve: dict[str, list[dict[str, Any]]] = {}
    for name in ("filter_1pct", "filter_30pct"):
        cands = np.flatnonzero(masks[name]) + 1
        fcurve[name] = []
        for ef in (32, 48, 64, 100):
            lat, found = latency(
                lambda q, c=cands, ef=ef: index.search(q, K, filter_ids=c, ef=ef), queries[:200]
            )
            fcurve[name].append({"ef": ef, **lat, "recall_at_10": recall(found, truth[name], offset=1)})
            say(f"main: {name} ef={ef}: recall {fcurve[name][-1]['recall_at_10']}, p50 {lat['p50_ms']} ms")
        res.put("filtered_ef_curve", fcurve)

    filtered = {}
    for name in ("filter_1pct", "filter_30pct"):
        cands = np.flatnonzero(masks[name]) + 1
        lat, found = latency(lambda q, c=cands: manager.search(MODEL, q, K, candidate_ids=c), queries)
        path_used = (
            "exact_sqlite"
            if len(cands) <= manager.exact_max_candidates
            else "exact_matrix"
            if len(cands) <= manager.matrix_max_candidates
            else "hnsw_filter"
        )
        filtered[name] = {
            "candidates": len(cands),
            "path": path_used,
            **lat,
            "recall_at_10": recall(found, truth[name], offset=1),
        }
        # The same query with the candidate set passed as a Python set / list (what a caller might do).
        as_list = cands.tolist()
        lat_list, _ = latency(
            lambda q, c=as_list: manager.search(MODEL, q, K, candidate_ids=c), queries[:200]
        )
        filtered[name]["from_python_list"] = lat_list
        say(f"main: {name}: {filtered[name]}")
        res.put("filtered", filtered)

    res.put(
        "crossover", crossover(manager, queries, n, [500, 1_000, 2_000, 5_000, 10_000, 20_000, 100_000], rng)
    )

    # Loading the saved index in a new manager (checksum + hnswlib load + id reconciliation).
    manager.close()
    del index, manager
    gc.collect()
    t0 = time.perf_counter()
    manager = VectorIndexManager(lib.db, lib.root / "index", params=params, num_threads=threads)
    manager.index_for(MODEL)
    res.put("load_saved_s", round(time.perf_counter() - t0, 2))
    say(f"main: loaded the saved index in {res.data['load_saved_s']} s")

    # Catch-up: 1 % new vectors committed through store_embedding (no index save in between:
    # the state a crash between a commit and a save leaves).
    extra = gen.sample(max(1, n // 100), seed=999_999)
    first = lib.db.execute("SELECT COALESCE(MAX(id), 0) FROM files").fetchone()[0] + 1
    now = utcnow()
    with transaction(lib.db) as conn:
        for j, vec in enumerate(extra):
            fid = first + j
            conn.execute(
                INSERT_FILE,
                (fid, f"/bench/{fid}.png", now, now),
            )
            store_embedding(conn, fid, MODEL, vec)
    t0 = time.perf_counter()
    index = manager.index_for(MODEL)
    catch_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    manager.save_all()
    save_s = time.perf_counter() - t0
    res.put(
        "catch_up",
        {
            "new_vectors": len(extra),
            "catch_up_s": round(catch_s, 2),
            "save_s": round(save_s, 2),
            "rebuild_s_for_comparison": build.get("rebuild_from_sqlite_and_save_s"),
        },
    )
    say(f"main: catch-up of {len(extra)} vectors in {catch_s:.1f} s (save {save_s:.1f} s)")
    manager.close(save=False)
    lib.close()


def matrix_filtered(
    lib: Library, mask: np.ndarray, queries: np.ndarray, truth: np.ndarray, res: Results
) -> None:
    """Filtered search ranked exactly from the memory-mapped vector matrix (no HNSW graph needed):
    building the matrix from SQLite once, then per-query latency and recall (1.0 expected)."""
    cands = np.flatnonzero(mask) + 1
    manager = VectorIndexManager(lib.db, lib.root / "index")
    gc.collect()
    mem0 = memory()
    t0 = time.perf_counter()
    matrix = manager.matrix(MODEL)
    build_s = time.perf_counter() - t0
    lat, found = latency(lambda q: manager.search(MODEL, q, K, candidate_ids=cands), queries)
    out = {
        "candidates": len(cands),
        "path": "exact_matrix",
        "matrix_build_s": round(build_s, 1),
        "matrix_file_bytes": matrix.path.stat().st_size if matrix else 0,
        "memory_before": mem0,
        "memory_after": memory(),
        **lat,
        "recall_at_10": recall(found, truth, offset=1),
    }
    res.put("filtered_matrix_1pct", out)
    say(f"main: filter_1pct through the matrix: {out}")
    manager.close(save=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="acgdesk vector index benchmark")
    parser.add_argument("--n", type=int, default=1_000_000, help="vectors in the main run (0: skip it)")
    parser.add_argument(
        "--sweep-n", type=int, default=100_000, help="vectors in the parameter sweep (0: skip)"
    )
    parser.add_argument("--sweep", default="12:100,16:100,16:200,24:200", help="M:ef_construction pairs")
    parser.add_argument("--ef", default="16,32,48,64,96,128,200", help="ef values to measure")
    parser.add_argument("--M", type=int, default=HnswParams().M, help="M of the main run")
    parser.add_argument("--ef-construction", type=int, default=HnswParams().ef_construction)
    parser.add_argument("--dim", type=int, default=512)
    parser.add_argument("--clusters", type=int, default=2000, help="cluster centres")
    parser.add_argument("--sub-dim", type=int, default=32, help="dimensions of each cluster's spread")
    parser.add_argument("--iso-scale", type=float, default=0.25, help="isotropic noise (norm)")
    parser.add_argument("--queries", type=int, default=1000, help="queries timed")
    parser.add_argument("--gt-queries", type=int, default=1000, help="queries with exact ground truth")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="build threads")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "bench_vectors.json")
    parser.add_argument(
        "--filtered-only",
        action="store_true",
        help="main run: only the 1 %% filter through the vector matrix (no HNSW build)",
    )
    parser.add_argument(
        "--cache", type=Path, default=REPO / ".cache" / "bench-vectors", help="generated data"
    )
    parser.add_argument("--keep", action="store_true", help="keep the benchmark library (printed)")
    parser.add_argument(
        "--library", type=Path, help="work in this folder; a library already there (from --keep) is reused"
    )
    args = parser.parse_args(argv)

    biggest = max(args.n, args.sweep_n)
    clusters = args.clusters
    gen = Clustered(args.dim, clusters, args.seed, sub_dim=args.sub_dim, iso_scale=args.iso_scale)
    efs = [int(e) for e in args.ef.split(",")]
    res = Results(
        args.out,
        {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "data": gen.describe(),
            "args": {k: str(v) for k, v in vars(args).items()},
        },
    )
    say(f"generating {biggest} clustered {args.dim}-d vectors ({clusters} clusters), cached in {args.cache}")
    t0 = time.perf_counter()
    data_all = dataset(gen, biggest, args.cache)
    res.put("generate_s", round(time.perf_counter() - t0, 1))
    queries = gen.sample(args.queries, seed=123_456)  # near the clusters, not in the data set

    if args.sweep_n:
        settings = [tuple(int(x) for x in s.split(":")) for s in args.sweep.split(",")]
        rows = sweep(data_all[: args.sweep_n], queries[: args.gt_queries], settings, efs, args.threads)
        res.put("sweep", rows)
    if args.n:
        work = args.library or Path(tempfile.mkdtemp(prefix="bench-vectors-", dir=args.cache))
        try:
            params = HnswParams(M=args.M, ef_construction=args.ef_construction)
            main_run(
                data_all[: args.n],
                queries,
                gen,
                params,
                args.threads,
                args.gt_queries,
                efs,
                work,
                res,
                filtered_only=args.filtered_only,
            )
        finally:
            if args.keep or args.library:
                print(f"kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    res.put("loadavg_at_end", list(os.getloadavg()))
    say(f"results in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
