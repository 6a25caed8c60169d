"""Soak: the watcher converges to the disk after every random sequence of file and folder operations.

    .venv/bin/python tests/soak/soak_watch.py [--sequences 1000] [--ops 5:40] [--seed 1]
                                              [--burst 10000] [--no-models] [--out FILE]

* sequences: one running watcher (the default timings, and the default offline models unless
  ``--no-models``, warmed up as ``acgdesk watch`` does) over two library folders, and a folder
  outside the library; each sequence is a random number of operations from ``tests/watch/workout.py``
  (creates, slow writes, overwrites, editor saves, renames, moves, deletes, rename chains, swaps
  through a temporary name, delete-and-recreate, case-only renames, moves into and out of the
  library and between its folders, folder renames and moves, renames inside a folder being renamed,
  short-lived folders...) made as fast as Python makes them. Before each sequence every image gets a
  user tag naming its content. After it, the clock runs from the last operation until the database
  equals the disk (paths, status, content hash) with every tag on its content's row; then
  ``Watcher.sync()`` must agree, and the check is repeated. An inconsistent end is a failure.
* burst: ``--burst`` renames, moves and deletes (and folder renames) made in one go over a library
  of indexed files; the clock runs from the last operation until the database equals the disk.

Prints one JSON object (also written to ``--out``): sequences, operations by kind, inconsistent ends,
and the time to converge (median, p95, worst) per part. Exit status 1 if any sequence ended
inconsistent or did not converge within ``--give-up`` seconds.
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
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from acgdesk.library import Library  # noqa: E402
from acgdesk.watch import WatchConfig  # noqa: E402
from tests.watch.workout import Workout  # noqa: E402


def _converge(work: Workout, lib: Library, since: float, give_up: float) -> tuple[float | None, str]:
    """Seconds from ``since`` until the database equals the disk (None: not within ``give_up``)."""
    disk = work.disk()
    while True:
        problems = work.check(lib, disk=disk)
        if not problems:
            return time.monotonic() - since, ""
        if time.monotonic() - since > give_up:
            return None, str(problems)
        time.sleep(0.05)


def _stats(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    return {
        "median_s": round(statistics.median(ordered), 3),
        "p95_s": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 3),
        "worst_s": round(ordered[-1], 3),
    }


def run_sequences(args: argparse.Namespace, base: Path, models: list) -> dict[str, Any]:
    roots = [base / "art", base / "more_art"]
    work = Workout(roots, base / "outside", args.seed)
    for _ in range(20):
        work.create()
    lo, hi = (int(x) for x in args.ops.split(":"))
    times: list[float] = []
    failures: list[dict[str, Any]] = []
    ops_total = 0
    started = time.monotonic()
    with Library.open(base / "lib") as lib:
        lib.add_folders(roots)
        w = lib.watcher(models=models, config=WatchConfig(offline_check=0.5))
        w.start()
        try:
            assert w.sync(300), "the watcher did not start"
            for n in range(args.sequences):
                work.tag_everything(lib)
                k = work.rng.randint(lo, hi)
                first = len(work.log)
                work.run(k)
                last_op = time.monotonic()
                ops_total += k
                took, why = _converge(work, lib, last_op, args.give_up)
                synced = w.sync(args.give_up)
                after = work.check(lib)
                if took is None or not synced or after:
                    failures.append(
                        {
                            "sequence": n,
                            "ops": work.log[first:],
                            "converged": took is not None,
                            "synced": synced,
                            "problems": why or str(after),
                        }
                    )
                    print(f"sequence {n}: INCONSISTENT {failures[-1]}", file=sys.stderr)
                else:
                    times.append(took)
                if (n + 1) % 50 == 0:
                    print(
                        f"{n + 1} sequences, {ops_total} ops, worst {max(times, default=0):.2f} s, "
                        f"{len(failures)} inconsistent, {time.monotonic() - started:.0f} s",
                        file=sys.stderr,
                    )
            time.sleep(args.linger)  # "however long one waits": still equal afterwards?
            lingering = work.check(lib)
        finally:
            w.stop()
    return {
        "sequences": args.sequences,
        "operations": ops_total,
        "operations_by_kind": dict(Counter(work.log).most_common()),
        "inconsistent": len(failures),
        "failures": failures[:10],
        "still_consistent_after_linger": not lingering,
        "linger_s": args.linger,
        "converge": _stats(times),
        "watcher": {k: v for k, v in w.stats.__dict__.items() if k != "seen"},
        "elapsed_s": round(time.monotonic() - started, 1),
    }


def run_burst(args: argparse.Namespace, base: Path, models: list) -> dict[str, Any]:
    """``--burst`` structural operations at once over an indexed library."""
    roots = [base / "burst_a", base / "burst_b"]
    work = Workout(roots, base / "burst_outside", args.seed + 7)
    n_files = max(50, args.burst // 2)
    dirs = []
    for root in roots:
        for k in range(10):
            d = root / f"set{k}"
            d.mkdir(parents=True)
            dirs.append(str(d))
    for i in range(n_files):
        path = os.path.join(dirs[i % len(dirs)], f"img{i:05d}.png")
        cid = work._content()
        work._write(path, cid)
        work.files[path] = cid
    with Library.open(base / "burst_lib") as lib:
        t0 = time.monotonic()
        lib.index(roots, models=models)
        indexed_s = time.monotonic() - t0
        w = lib.watcher(models=models, config=WatchConfig(offline_check=0.5))
        w.start()
        try:
            assert w.sync(600), "the watcher did not start"
            work.tag_everything(lib)
            ops = {
                "rename": work.rename,
                "move": work.move,
                "delete": work.delete,
                "chain": work.chain,
                "swap": work.swap,
                "case_rename": work.case_rename,
                "move_over": work.move_over,
            }
            weights = {
                "rename": 35,
                "move": 30,
                "delete": 8,
                "chain": 10,
                "swap": 10,
                "case_rename": 5,
                "move_over": 2,
            }
            done: Counter[str] = Counter()
            started = time.monotonic()
            dir_renames = max(1, args.burst // 1000)
            names, w8 = list(ops), [weights[k] for k in ops]
            while sum(done.values()) < args.burst - dir_renames:
                name = work.rng.choices(names, w8)[0]
                if ops[name]():
                    done[name] += 1
            for _ in range(dir_renames):
                if work.dir_rename():
                    done["dir_rename"] += 1
            last_op = time.monotonic()
            took, why = _converge(work, lib, last_op, args.give_up)
            synced = w.sync(args.give_up)
            after = work.check(lib)
        finally:
            w.stop()
    return {
        "files": n_files,
        "initial_index_s": round(indexed_s, 1),
        "operations": sum(done.values()),
        "operations_by_kind": dict(done.most_common()),
        "ops_made_in_s": round(last_op - started, 2),
        "converge_s": None if took is None else round(took, 3),
        "consistent_after_sync": synced and not after,
        "problems": why or (str(after) if after else ""),
        "watcher": {k: v for k, v in w.stats.__dict__.items() if k != "seen"},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sequences", type=int, default=1000)
    ap.add_argument("--ops", default="5:40", help="operations per sequence, LO:HI (default 5:40)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--burst", type=int, default=0, help="also time a burst of this many operations")
    ap.add_argument("--no-models", action="store_true", help="without the default offline models")
    ap.add_argument("--give-up", type=float, default=120.0, help="seconds before a sequence counts as stuck")
    ap.add_argument("--linger", type=float, default=10.0, help="wait this long at the end and check again")
    ap.add_argument("--out", type=Path, default=REPO / "bench-results" / "soak_watch.json")
    args = ap.parse_args()
    result: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load": os.getloadavg()},
        "models": not args.no_models,
    }
    with tempfile.TemporaryDirectory(prefix="acgdesk-soak-") as tmp:
        base = Path(tmp)
        models: list = []
        if not args.no_models:
            with Library.open(base / "models_lib") as lib:
                models = [m.model for m in lib.load_models(skip_missing=True)]
        result["model_ids"] = [m.spec.key for m in models]
        if args.sequences:
            result["sequences"] = run_sequences(args, base, models)
        if args.burst:
            result["burst"] = run_burst(args, base, models)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    bad = result.get("sequences", {}).get("inconsistent", 0) or (
        args.burst and not result["burst"]["consistent_after_sync"]
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
