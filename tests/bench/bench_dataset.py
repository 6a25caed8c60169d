"""Training-set export on real images, and the tag reading a large export plan does.

    .venv/bin/python tests/bench/bench_dataset.py [--images 1000] [--tag-files 20000] [--workers N]

``--images N`` real images made with Pillow (sides 600-2000 px, any aspect ratio between; ~45 %
JPEG q90, ~40 % RGB PNG, ~15 % RGBA PNG with a soft alpha mask), cached in
``.cache/bench-dataset-corpus`` (git-ignored), indexed into a fresh library (no models), then
``Library.export_dataset`` into a fresh folder for each of:

- ``copy``: byte copies (resize keep, format keep);
- ``buckets-webp``: kohya buckets at resolution 1024, centre-cropped, WebP (quality 95);
- ``buckets-webp again``: the same export into the same folder (resume: every image reused);
- ``max768-jpeg``: longer side at most 768, JPEG (quality 95).

For each: the plan (``dataset_plan``: selection, duplicate groups, tags, layout) and the writing are
timed apart; images/s is over both; MB is ``DatasetReport.bytes_written``; peak RSS is the
process's ``VmHWM`` reset before each run (``/proc/self/clear_refs``; where that is not possible,
the process's peak so far, marked ``*``).

``--tag-files N`` (0 skips it) builds a library of N synthetic file rows (no image files: a plan
never opens them) with two models' tags, user tags and user removals, and times reading every
file's displayed tags one query per file (``effective_tags``) against the batched reader
(``effective_tags_many``) and checks they agree; with ``--plan`` it also times ``dataset_plan``
over all N files, once with either reader (this benchmark found that a plan spent ~12 ms a file
naming the outputs, ``NameBook.assign`` building all 100,000 candidate names for every file; fixed).
Results also go to ``bench-results/bench_dataset.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

import corpus  # noqa: E402  (a sibling script, not a package)
from PIL import Image  # noqa: E402

from acgdesk.dataset import DatasetOptions, ImageOptions, Selection  # noqa: E402
from acgdesk.db.connection import transaction  # noqa: E402
from acgdesk.db.files import ensure_folder, upsert_file  # noqa: E402
from acgdesk.db.predictions import (  # noqa: E402
    TagIds,
    effective_tags,
    effective_tags_many,
    reject_tags,
    replace_model_tags,
    set_user_tags,
)
from acgdesk.library import Library  # noqa: E402

VERSION = 1  # bump when the images change, so a cached corpus is made again
CORPUS_DIR = REPO / ".cache" / "bench-dataset-corpus"
RESULTS = REPO / "bench-results" / "bench_dataset.json"


# -- memory ------------------------------------------------------------------------------------------
def _status_mb(field: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Start a new peak-RSS window (Linux >= 4.0); False where the peak cannot be reset."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the image corpus --------------------------------------------------------------------------------
def _write(root: Path, seed: int, i: int) -> tuple[str, int]:
    rng = random.Random(seed * 1_000_003 + i)
    width, height = rng.randint(600, 2000), rng.randint(600, 2000)
    image = corpus.picture(rng, width, height, grain=True)
    folder = root / f"set{i % 10}"
    folder.mkdir(parents=True, exist_ok=True)
    kind = rng.random()
    if kind < 0.45:
        path = folder / f"{i:05d}.jpg"
        image.save(path, "JPEG", quality=90)
    else:
        path = folder / f"{i:05d}.png"
        if kind > 0.85:  # transparent corners, opaque middle: like a cut-out character
            mask = Image.radial_gradient("L").resize((width, height)).point(lambda v: 255 - v)
            image.putalpha(mask)
        image.save(path, "PNG", compress_level=1)  # fast to make; decoding costs about the same
    return str(path.relative_to(root)), path.stat().st_size


def ensure_images(count: int, seed: int, base: Path = CORPUS_DIR) -> tuple[Path, int]:
    """The folder of ``count`` images (made once, reused while the manifest matches) and its bytes."""
    params = {"version": VERSION, "files": count, "seed": seed}
    root = base / f"v{VERSION}-n{count}-s{seed}"
    try:
        manifest = json.loads((root / "manifest.json").read_text())
        if manifest["params"] == params and all(
            (root / rel).stat().st_size == size for rel, size in manifest["files"]
        ):
            print(f"corpus: reusing {root}")
            return root / "images", manifest["bytes"]
    except (OSError, ValueError, KeyError):
        pass
    shutil.rmtree(root, ignore_errors=True)
    (root / "images").mkdir(parents=True)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        written = list(pool.map(lambda i: _write(root / "images", seed, i), range(count)))
    files = [(f"images/{rel}", size) for rel, size in written]
    total = sum(size for _, size in files)
    (root / "manifest.json").write_text(json.dumps({"params": params, "files": files, "bytes": total}))
    print(f"corpus: {count} images, {total / 1e6:.0f} MB in {time.perf_counter() - started:.0f} s")
    return root / "images", total


# -- export runs -------------------------------------------------------------------------------------
def export_run(
    lib: Library, name: str, images: ImageOptions, out: Path, workers: int | None
) -> dict[str, Any]:
    options = DatasetOptions(images=images)
    exact = _reset_peak()
    started = time.perf_counter()
    plan = lib.dataset_plan(options, out)
    planned = time.perf_counter()
    report = lib.export_dataset(options, out, plan=plan, workers=workers)
    done = time.perf_counter()
    total = done - started
    row = {
        "run": name,
        "images": report.exported,
        "written": report.written,
        "reused": report.reused,
        "errors": len(report.errors),
        "plan_s": planned - started,
        "write_s": done - planned,
        "total_s": total,
        "images_per_s": report.exported / total if total else 0.0,
        "mb_written": report.bytes_written / 1e6,
        "peak_rss_mb": _peak_mb(),
        "peak_exact": exact,
    }
    if report.errors:
        print(f"  {name}: {len(report.errors)} errors, first: {report.errors[0]}")
    return row


def bench_export(count: int, seed: int, workers: int | None, tmp: Path) -> dict[str, Any]:
    folder, corpus_bytes = ensure_images(count, seed)
    lib_dir = tmp / "lib"
    started = time.perf_counter()
    with Library.open(lib_dir) as lib:
        lib.add_folders([folder])
        indexed = lib.index(models=())
        index_s = time.perf_counter() - started
        print(f"indexed {indexed.ok} of {count} images in {index_s:.1f} s")
        runs = [
            export_run(lib, "copy (keep, keep)", ImageOptions(), tmp / "copy", workers),
            export_run(
                lib,
                "buckets 1024 crop webp",
                ImageOptions(resize="buckets", resolution=1024, fit="crop", format="webp"),
                tmp / "buckets",
                workers,
            ),
            export_run(
                lib,
                "  same again (resume)",
                ImageOptions(resize="buckets", resolution=1024, fit="crop", format="webp"),
                tmp / "buckets",
                workers,
            ),
            export_run(
                lib,
                "max side 768 jpeg",
                ImageOptions(resize="max_side", max_side=768, format="jpeg"),
                tmp / "max768",
                workers,
            ),
        ]
    return {
        "images": count,
        "corpus_mb": corpus_bytes / 1e6,
        "indexed": indexed.ok,
        "index_s": index_s,
        "runs": runs,
    }


def print_export(result: dict[str, Any]) -> None:
    print(
        f"\nExport of {result['images']} images ({result['corpus_mb']:.0f} MB of originals), "
        f"indexed in {result['index_s']:.1f} s"
    )
    head = (
        f"{'run':<26} {'images':>6} {'written':>7} {'reused':>6} {'plan s':>7} {'write s':>8} "
        f"{'img/s':>7} {'MB out':>7} {'peak RSS':>9}"
    )
    print(head)
    print("-" * len(head))
    for r in result["runs"]:
        mark = "" if r["peak_exact"] else "*"
        print(
            f"{r['run']:<26} {r['images']:>6} {r['written']:>7} {r['reused']:>6} {r['plan_s']:>7.2f} "
            f"{r['write_s']:>8.2f} {r['images_per_s']:>7.1f} {r['mb_written']:>7.1f} "
            f"{r['peak_rss_mb']:>6.0f} MB{mark}"
        )


# -- tag reading on a large synthetic library ---------------------------------------------------------
def build_tagged(lib: Library, n: int, root: str, seed: int) -> list[int]:
    """N ok file rows with 6-14 tags of two models each, some user tags and user removals."""
    rnd = random.Random(seed)
    names = [f"tag_{k}" for k in range(400)]
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
                    "width": rnd.randint(600, 2000),
                    "height": rnd.randint(600, 2000),
                    "format": "PNG",
                    "status": "ok",
                },
            )
            for model in ("bench-wd@1", "bench-other@1"):
                tags = [(t, "general", round(rnd.random(), 3)) for t in rnd.sample(names, rnd.randint(3, 7))]
                rating = rnd.choice(("general", "sensitive", "questionable"))
                replace_model_tags(conn, tag_ids, fid, model, [*tags, (rating, "rating", rnd.random())])
            if rnd.random() < 0.1:
                set_user_tags(conn, tag_ids, fid, rnd.sample(names, 2))
            if rnd.random() < 0.05:
                reject_tags(conn, tag_ids, fid, rnd.sample(names, 3))
            ids.append(fid)
    return ids


def _median_time(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(runs):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), value


def bench_tags(n: int, seed: int, runs: int, tmp: Path, plan: bool) -> dict[str, Any]:
    import acgdesk.library.datasets as datasets_mod

    with Library.open(tmp / "tags-lib") as lib:
        started = time.perf_counter()
        ids = build_tagged(lib, n, str(tmp / "synthetic"), seed)
        build_s = time.perf_counter() - started
        conn = lib.db.conn
        thresholds = DatasetOptions().captions.caption_options().db_thresholds()
        per_file_s, one = _median_time(lambda: {i: effective_tags(conn, i, thresholds) for i in ids}, runs)
        batched_s, many = _median_time(lambda: effective_tags_many(conn, ids, thresholds), runs)
        assert one == many, "the batched reader disagrees with effective_tags"
        result = {
            "files": n,
            "file_tags_rows": conn.execute("SELECT COUNT(*) FROM file_tags").fetchone()[0],
            "build_s": build_s,
            "runs": runs,
            "per_file_s": per_file_s,
            "batched_s": batched_s,
        }
        if plan:  # once each: the plan's layout step can be slow (see the docstring)
            options = DatasetOptions(selection=Selection(drop_duplicates=False))
            result["plan_batched_s"], made = _median_time(lambda: lib.dataset_plan(options, tmp / "out"), 1)
            batched_reader = datasets_mod.effective_tags_many
            datasets_mod.effective_tags_many = lambda c, wanted, th: {
                i: effective_tags(c, i, th) for i in wanted
            }
            try:
                result["plan_per_file_s"], _ = _median_time(lambda: lib.dataset_plan(options, tmp / "out"), 1)
            finally:
                datasets_mod.effective_tags_many = batched_reader
            result["plan_items"] = len(made.items)
    return result


def print_tags(r: dict[str, Any]) -> None:
    print(
        f"\nTag reading, {r['files']} synthetic files ({r['file_tags_rows']} file_tags rows, built in "
        f"{r['build_s']:.1f} s), median of {r['runs']}"
    )
    print(f"{'what':<44} {'per file':>9} {'batched':>9} {'speed-up':>9}")
    print("-" * 74)
    rows = [("every file's displayed tags", r["per_file_s"], r["batched_s"])]
    if "plan_items" in r:
        rows.append(
            (f"dataset_plan, once ({r['plan_items']} items)", r["plan_per_file_s"], r["plan_batched_s"])
        )
    for label, a, b in rows:
        print(f"{label:<44} {a:>8.2f}s {b:>8.2f}s {a / b:>8.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=1000, help="real images to export (0: skip)")
    parser.add_argument(
        "--tag-files", type=int, default=20000, help="synthetic files for tag reading (0: skip)"
    )
    parser.add_argument("--workers", type=int, default=None, help="export workers (default: the library's)")
    parser.add_argument("--plan", action="store_true", help="also time dataset_plan over the synthetic files")
    parser.add_argument("--runs", type=int, default=3, help="repeats of each tag-reading measurement")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the temporary library and datasets")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-dataset-"))
    results: dict[str, Any] = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "load_start": os.getloadavg(),
        },
    }
    try:
        if args.tag_files:
            results["tags"] = bench_tags(args.tag_files, args.seed, args.runs, tmp, args.plan)
        if args.images:
            results["export"] = bench_export(args.images, args.seed, args.workers, tmp)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    results["machine"]["load_end"] = os.getloadavg()
    if "tags" in results:
        print_tags(results["tags"])
    if "export" in results:
        print_export(results["export"])
    load = results["machine"]
    print(
        f"\nload average {load['load_start'][0]:.2f} -> {load['load_end'][0]:.2f} on {os.cpu_count()} cores"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, default=str))
    print(f"results: {args.out}")


if __name__ == "__main__":
    main()
