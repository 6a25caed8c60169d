"""Batch curation on a large selection: stars, favourites, tags and album adds on 10,000 files at once,
and their undo — each one action, one transaction, one history record.

    .venv/bin/python tests/bench/bench_curate.py [--files 10000] [--runs 5]

Builds a library of ``--files`` rows written the way the indexer writes them (the files themselves
are not needed: marks, tags and albums never touch the disk), with a few model tags per file and
recorded display thresholds (so the per-file stats are maintained, as in a real library), then times
each action and its undo through ``Library.curate`` (what the window and the CLI call). Target:
each within 2 s. With ``--taste N`` it also times ``Library.retrain_taste`` over a library of N files
with 512-d embeddings (clustered synthetic vectors: the cost does not depend on what they show)
and 200 marks: reading the marks' vectors and a 5,000-vector unlabeled sample, fitting, scoring
every image, writing N taste scores. Results: ``bench-results/bench_curate.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from acgdesk.db.connection import transaction  # noqa: E402
from acgdesk.db.files import ensure_folder, upsert_file  # noqa: E402
from acgdesk.db.predictions import TagIds, replace_model_tags, store_embedding  # noqa: E402
from acgdesk.library import Library  # noqa: E402


def build(lib: Library, n: int, root: str) -> list[int]:
    ids = []
    with transaction(lib.db) as conn:
        folder = ensure_folder(conn, root)
        tag_ids = TagIds()
        for i in range(n):
            fid = upsert_file(
                conn,
                os.path.join(root, f"set{i % 50}", f"img{i:06d}.png"),
                {
                    "folder_id": folder,
                    "size": 1000 + i,
                    "mtime_ns": i,
                    "content_hash": f"{i:064x}",
                    "width": 512,
                    "height": 512,
                    "format": "PNG",
                    "status": "ok",
                },
            )
            tags = [(f"tag_{(i * 7 + k) % 300}", "general", 0.5 + k / 10) for k in range(4)]
            replace_model_tags(conn, tag_ids, fid, "bench-tagger@1", [*tags, ("general", "rating", 0.9)])
            ids.append(fid)
    lib.search_service.ensure_file_stats()
    return ids


def taste_library(lib: Library, n: int, root: str) -> float:
    """N files with clustered 512-d vectors; 100 liked (one cluster) and 100 rejected; retrain time."""
    import numpy as np

    rng = np.random.default_rng(0)
    centres = rng.normal(size=(20, 512)).astype(np.float32)
    with transaction(lib.db) as conn:
        folder = ensure_folder(conn, root)
        for i in range(n):
            fid = upsert_file(
                conn,
                os.path.join(root, f"t{i:07d}.png"),
                {"folder_id": folder, "size": 1, "mtime_ns": i, "content_hash": f"t{i:063x}", "status": "ok"},
            )
            v = centres[i % 20] + rng.normal(scale=0.8, size=512).astype(np.float32)
            store_embedding(conn, fid, "bench-embedder@1", v / np.linalg.norm(v))
    liked = [int(r[0]) for r in lib.db.execute("SELECT id FROM files WHERE mtime_ns % 20 = 3 LIMIT 100")]
    disliked = [int(r[0]) for r in lib.db.execute("SELECT id FROM files WHERE mtime_ns % 20 = 7 LIMIT 100")]
    lib.curate.rate(liked, 5)
    lib.curate.flag(disliked, "reject")
    started = time.perf_counter()
    status = lib.retrain_taste()
    seconds = time.perf_counter() - started
    assert status["ready"] and status["scored"] == n, status
    return seconds


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--taste", type=int, default=0, metavar="N", help="also time retraining taste over N files"
    )
    ap.add_argument("--out", type=Path, default=REPO / "bench-results" / "bench_curate.json")
    args = ap.parse_args()
    results: dict[str, list[float]] = {}
    with (
        tempfile.TemporaryDirectory(prefix="acgdesk-bench-curate-") as tmp,
        Library.open(Path(tmp) / "lib") as lib,
    ):
        started = time.perf_counter()
        ids = build(lib, args.files, os.path.join(tmp, "art"))
        build_s = time.perf_counter() - started
        cur = lib.curate
        cur.create_album("Bench")
        actions = {
            "stars (rate 4)": lambda k: cur.rate(ids, 4 if k % 2 else 3),
            "favourite": lambda k: cur.favourite(ids, k % 2 == 0),
            "reject flag": lambda k: cur.flag(ids, "reject" if k % 2 == 0 else None),
            "add 2 tags": lambda k: cur.tag(ids, add=[f"mine_{k}", "keeper"]),
            "remove a model tag": lambda k: cur.tag(ids, remove=[f"tag_{k}"]),
            "add to album": lambda k: cur.add_to_album("Bench", ids),
        }
        for name, action in actions.items():
            for k in range(args.runs):
                results.setdefault(name, []).append(timed(lambda a=action, k=k: a(k)))
                results.setdefault(f"undo {name}", []).append(timed(cur.undo))
                results.setdefault(f"redo {name}", []).append(timed(cur.redo))
        query_s = timed(lambda: lib.query_ids("stars:4 is:reject keeper album:Bench"))
        taste_s = None
        if args.taste:
            with Library.open(Path(tmp) / "taste_lib") as tlib:
                taste_s = round(taste_library(tlib, args.taste, os.path.join(tmp, "taste")), 2)
    summary = {
        name: {"median_s": round(statistics.median(v), 3), "worst_s": round(max(v), 3)}
        for name, v in results.items()
    }
    result: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load": os.getloadavg()},
        "files": args.files,
        "runs": args.runs,
        "build_s": round(build_s, 1),
        "actions": summary,
        "worst_s": round(max(max(v) for v in results.values()), 3),
        "query_after_s": round(query_s, 3),
        "taste_files": args.taste,
        "taste_retrain_s": taste_s,
    }
    text = json.dumps(result, indent=2)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
