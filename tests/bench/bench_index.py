"""Indexing throughput: cold index, warm re-run, a decode-only baseline, and a 10k-file warm re-run.

    .venv/bin/python tests/bench/bench_index.py --files 1000 [--scale-warm 10000] [--workers N]
                                                [--out bench-results/bench_index.json] [--keep]

Every measurement runs in a fresh Python process (this script re-invoked with ``--_child``), so
its CPU time and peak RSS are its own and not inflated by generating the corpus. See README.md
in this folder for what each number means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

import corpus  # noqa: E402  (a sibling script, not a package)

# -- measurements, each in its own process ---------------------------------------------------------


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _status_mb(field: str) -> float | None:
    """A memory figure of this process from /proc/self/status (Linux), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_rss_mb() -> float:
    """Peak resident memory of this process.

    VmHWM where there is /proc: ``getrusage().ru_maxrss`` of a freshly exec'd child starts at the
    RSS its parent had when it forked (Linux keeps the old mm's high-water mark across exec), which
    would report the benchmark driver's memory instead of the measured run's.
    """
    hwm = _status_mb("VmHWM")
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Meter:
    """Wall time, process CPU time (all threads) and peak RSS of the code between start and stop."""

    def __enter__(self) -> _Meter:
        self.rss_before_mb = _status_mb("VmRSS") or 0.0
        self._cpu0 = self._cpu()
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.elapsed = time.perf_counter() - self._t0
        self.cpu = self._cpu() - self._cpu0
        self.peak_rss_mb = _peak_rss_mb()  # of the whole process: imports included (see rss_before_mb)

    @staticmethod
    def _cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    def to_dict(self) -> dict[str, Any]:
        cores = _cores()
        return {
            "elapsed_s": round(self.elapsed, 3),
            "cpu_s": round(self.cpu, 3),
            "cpu_utilisation": round(self.cpu / self.elapsed / cores, 3) if self.elapsed > 0 else 0.0,
            "cores": cores,
            "rss_before_mb": round(self.rss_before_mb, 1),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
        }


def _settings(workers: int | None):
    from acgdesk.core.settings import IndexSettings

    return IndexSettings(workers=workers) if workers else IndexSettings()


def child_index(library: str, source: str, workers: int | None) -> dict[str, Any]:
    """Open (create) the library and index ``source`` into it: what ``acgdesk index`` does."""
    from acgdesk.library import Library

    settings = _settings(workers)
    with _Meter() as meter, Library.open(library, settings=settings) as lib:
        report = lib.index([source])
    return {**meter.to_dict(), "workers": settings.workers, "report": report.to_dict()}


def child_decode(source: str, thumbs: str, workers: int | None) -> dict[str, Any]:
    """The per-file work alone (read, hash, decode, thumbnail, perceptual hashes, metadata), on the
    same files with the same number of threads, without discovery, queues or the database."""
    from concurrent.futures import ThreadPoolExecutor

    from acgdesk.pipeline.discover import Candidate, walk_folder
    from acgdesk.pipeline.ingest import Job, process_file

    settings = _settings(workers)
    jobs = [
        Job(c.fs_path, 0, c.size, c.mtime_ns) for c in walk_folder(source) if isinstance(c, Candidate)
    ]  # discovery is not timed
    thumbs_dir = Path(thumbs)

    def work(job: Job) -> tuple[str, int]:
        outcome = process_file(job, settings, thumbs_dir)
        return outcome.status, outcome.size or 0  # drop the decoded image right away

    with _Meter() as meter, ThreadPoolExecutor(max_workers=settings.workers) as pool:
        done = list(pool.map(work, jobs))
    ok = sum(1 for status, _ in done if status == "ok")
    return {
        **meter.to_dict(),
        "workers": settings.workers,
        "files": len(done),
        "ok": ok,
        "bytes": sum(size for status, size in done if status == "ok"),
    }


def _child_main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("index", "decode"))
    parser.add_argument("--library")
    parser.add_argument("--source", required=True)
    parser.add_argument("--thumbs")
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args(argv)
    if args.mode == "index":
        result = child_index(args.library, args.source, args.workers or None)
    else:
        result = child_decode(args.source, args.thumbs, args.workers or None)
    print(json.dumps(result))


def _run_child(*args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--_child", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if proc.returncode != 0:
        raise SystemExit(f"benchmark step failed ({' '.join(args[:1])}):\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _run_cli(library: Path, source: Path, workers: int | None) -> dict[str, Any]:
    """``acgdesk index`` as a user runs it: wall time including interpreter start-up and imports."""
    cmd = [sys.executable, "-m", "acgdesk", "--library", str(library), "index", str(source), "--json"]
    # --no-models: the in-process runs pass no models either, so all rows measure the same work.
    cmd += ["--progress", "none", "--no-models"] + (["--workers", str(workers)] if workers else [])
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"acgdesk index failed:\n{proc.stderr}")
    return {"elapsed_s": round(wall, 3), "report": json.loads(proc.stdout)}


# -- the benchmark ----------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    info: dict[str, Any] = {
        "nproc": _cores(),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        models = [
            line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")
        ]
        info["cpu_model"] = models[0] if models else platform.processor()
    except OSError:
        info["cpu_model"] = platform.processor()
    try:
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        total = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal:"))
        info["ram_gib"] = round(total / 1024 / 1024, 1)
    except (OSError, StopIteration):
        info["ram_gib"] = None
    try:
        import PIL
        from PIL import features

        info["pillow"] = PIL.__version__
        info["libjpeg_turbo"] = bool(features.check_feature("libjpeg_turbo"))
    except Exception:  # informational only
        pass
    info["loadavg_at_start"] = list(os.getloadavg())
    return info


def _prewarm(root: Path) -> int:
    """Read every file once so each measurement starts with the same (warm) page cache."""
    total = 0
    for path in root.rglob("*"):
        if path.is_file():
            total += len(path.read_bytes())
    return total


def _rate(n: float, seconds: float) -> float:
    return round(n / seconds, 2) if seconds > 0 else 0.0


def _row(name: str, files: int, nbytes: int, m: dict[str, Any]) -> dict[str, Any]:
    elapsed = m["elapsed_s"]
    return {
        "run": name,
        "files": files,
        "mb": round(nbytes / 1e6, 1),
        "elapsed_s": elapsed,
        "files_per_s": _rate(files, elapsed),
        "mb_per_s": _rate(nbytes / 1e6, elapsed),
        "cpu_utilisation": m.get("cpu_utilisation"),
        "peak_rss_mb": m.get("peak_rss_mb"),
    }


def _print_table(rows: list[dict[str, Any]]) -> None:
    header = (
        f"{'run':<34}{'files':>7}{'MB':>9}{'elapsed':>10}{'files/s':>10}{'MB/s':>9}{'CPU':>7}{'peak RSS':>10}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        cpu = f"{r['cpu_utilisation'] * 100:.0f}%" if r.get("cpu_utilisation") is not None else "-"
        rss = f"{r['peak_rss_mb']:.0f} MB" if r.get("peak_rss_mb") is not None else "-"
        print(
            f"{r['run']:<34}{r['files']:>7}{r['mb']:>9.1f}{r['elapsed_s']:>9.2f}s"
            f"{r['files_per_s']:>10.1f}{r['mb_per_s']:>9.1f}{cpu:>7}{rss:>10}"
        )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_child"]:
        _child_main(argv[1:])
        return 0
    parser = argparse.ArgumentParser(description="acgdesk indexing benchmark")
    parser.add_argument("--files", type=int, default=1000, help="images in the corpus (default 1000)")
    parser.add_argument("--workers", type=int, default=0, help="decode workers (default: one per core)")
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench-results" / "bench_index.json", help="JSON results file"
    )
    parser.add_argument("--keep", action="store_true", help="keep the benchmark libraries (printed)")
    parser.add_argument(
        "--scale-warm", type=int, default=0, metavar="N", help="also time a warm re-run over N small files"
    )
    parser.add_argument(
        "--corpus-dir", type=Path, default=corpus.DEFAULT_DIR, help="cache of generated images"
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    workers = args.workers or None

    info = machine_info()
    print(
        f"machine: {info['cpu_model']}, {info['nproc']} cores, {info['ram_gib']} GiB RAM, "
        f"Python {info['python']}, Pillow {info.get('pillow')}; load {info['loadavg_at_start'][0]:.2f}"
    )
    args.corpus_dir.mkdir(parents=True, exist_ok=True)
    art = corpus.ensure_corpus(args.corpus_dir, args.files, seed=args.seed)
    manifest = json.loads((art / "manifest.json").read_text())
    work = Path(tempfile.mkdtemp(prefix="bench-", dir=args.corpus_dir))
    results: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": info,
        "params": {"files": args.files, "workers": workers or _cores(), "seed": args.seed},
        "corpus": {"path": str(art), "files": len(manifest["files"]), "bytes": manifest["bytes"]},
        "runs": {},
    }
    rows: list[dict[str, Any]] = []
    try:
        _prewarm(art)
        w = ["--workers", str(workers)] if workers else []
        print("decode-only baseline ...", flush=True)
        decode = _run_child("decode", "--source", str(art), "--thumbs", str(work / "decode-thumbs"), *w)
        results["runs"]["decode_only"] = decode
        rows.append(
            _row(f"decode-only ({decode['workers']} threads)", decode["files"], decode["bytes"], decode)
        )

        library = work / "library"
        print("cold index ...", flush=True)
        cold = _run_child("index", "--library", str(library), "--source", str(art), *w)
        results["runs"]["cold"] = cold
        rep = cold["report"]
        rows.append(
            _row(f"cold index ({cold['workers']} workers)", rep["processed"], rep["bytes_read"], cold)
        )

        print("warm re-run ...", flush=True)
        warm = _run_child("index", "--library", str(library), "--source", str(art), *w)
        results["runs"]["warm"] = warm
        rows.append(_row("warm re-run (all unchanged)", warm["report"]["up_to_date"], 0, warm))

        ratio = cold["elapsed_s"] / decode["elapsed_s"] if decode["elapsed_s"] else None
        results["cold_over_decode_only"] = round(ratio, 3) if ratio else None

        if args.scale_warm:
            small = corpus.ensure_small_corpus(args.corpus_dir, args.scale_warm)
            _prewarm(small)
            scale_lib = work / "scale-library"
            print(f"scale: cold index of {args.scale_warm} small files ...", flush=True)
            s_cold = _run_child("index", "--library", str(scale_lib), "--source", str(small), *w)
            s_rep = s_cold["report"]
            rows.append(
                _row(
                    f"scale cold ({args.scale_warm} small files)",
                    s_rep["processed"],
                    s_rep["bytes_read"],
                    s_cold,
                )
            )
            print(f"scale: warm re-run of {args.scale_warm} files ...", flush=True)
            s_warm = _run_child("index", "--library", str(scale_lib), "--source", str(small), *w)
            rows.append(
                _row(f"scale warm ({args.scale_warm}, in-process)", s_warm["report"]["up_to_date"], 0, s_warm)
            )
            s_cli = _run_cli(scale_lib, small, workers)
            rows.append(
                _row(f"scale warm ({args.scale_warm}, CLI wall)", s_cli["report"]["up_to_date"], 0, s_cli)
            )
            results["runs"].update({"scale_cold": s_cold, "scale_warm": s_warm, "scale_warm_cli": s_cli})
            results["scale_warm_target_5s_met"] = s_cli["elapsed_s"] < 5.0
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    results["machine"]["loadavg_at_end"] = list(os.getloadavg())
    results["table"] = rows
    print()
    _print_table(rows)
    print()
    if results.get("cold_over_decode_only"):
        print(
            f"cold index / decode-only = {results['cold_over_decode_only']:.2f} "
            "(1.0 = indexing costs no more than decoding the files)"
        )
    for name in ("cold", "warm", "scale_cold", "scale_warm"):
        run = results["runs"].get(name)
        if run:
            r = run["report"]
            print(
                f"{name}: processed {r['processed']}, ok {r['ok']}, errors {r['errors']}, "
                f"up to date {r['up_to_date']}, new thumbnails {r['new_thumbnails']}"
            )
    if "scale_warm_target_5s_met" in results:
        verdict = "met" if results["scale_warm_target_5s_met"] else "NOT met"
        print(f"warm re-run of {args.scale_warm} files via the CLI: target < 5 s {verdict}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
