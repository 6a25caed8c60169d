"""Model throughput on this machine and how much of it survives the indexing pipeline.

    .venv/bin/python tests/bench/bench_models.py [--files 200] [--repeat 2] [--models ID,ID]
                                                 [--batches 1,8,16,32] [--sweep all|NAME,NAME]
                                                 [--out bench-results/bench_models.json]

Measures, on pre-decoded images (decoding is not timed):

1. per-model throughput (images/s) at several batch sizes (``predict`` gets a list of that length);
2. model-only throughput of the default SET (every default model in turn on the same batches of
   16): the ceiling the pipeline could reach if decoding cost nothing;

and end-to-end, each time into a fresh library:

3. ``Library.index`` with the default models, and without models (decode-only reference);
4. pipeline efficiency = end-to-end images/s / model-only images/s (the issue's target: >= 0.9),
   next to the CPU bound that two kinds of work sharing the same cores can reach at best;
5. optionally (``--sweep``) the same end-to-end run under other settings (decode workers, queue size,
   model batch, onnxruntime threads and spinning), the onnxruntime ones by monkeypatching the session
   factory in this process only: no acgdesk source file is changed.

See models_README.md in this folder for what each number means.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import inspect
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from PIL import Image, ImageChops, ImageDraw  # noqa: E402

CORPUS_VERSION = 1
DEFAULT_CACHE = REPO / ".cache" / "bench-models"
DEFAULT_OUT = REPO / "bench-results" / "bench_models.json"
SET_BATCH = 16  # what the pipeline's model stage uses by default (``model_batch``)


# -- machine and load ------------------------------------------------------------------------------


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def machine_info() -> dict[str, Any]:
    info: dict[str, Any] = {
        "nproc": cores(),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }
    try:
        text = Path("/proc/cpuinfo").read_text()
        names = [ln.split(":", 1)[1].strip() for ln in text.splitlines() if ln.startswith("model name")]
        info["cpu_model"] = names[0] if names else platform.processor()
        flags = next((ln for ln in text.splitlines() if ln.startswith("flags")), "")
        info["avx512"] = "avx512f" in flags
        info["avx2"] = "avx2" in flags
    except OSError:
        info["cpu_model"] = platform.processor()
    try:
        import onnxruntime

        info["onnxruntime"] = onnxruntime.__version__
    except ImportError:
        pass
    import PIL

    info["pillow"] = PIL.__version__
    info["numpy"] = np.__version__
    return info


def cpu_seconds() -> float:
    """User + system CPU time of this process, all threads (onnxruntime's pool included)."""
    t = os.times()
    return t.user + t.system


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def system_busy_seconds() -> float | None:
    """CPU seconds every process on the machine has used since boot (/proc/stat), or None."""
    try:
        with open("/proc/stat") as fh:
            fields = fh.readline().split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / _TICK


def others_busy(seconds: float) -> float | None:
    """Cores used by OTHER processes over a ``seconds`` sample (the machine is shared)."""
    s0, c0, t0 = system_busy_seconds(), cpu_seconds(), time.perf_counter()
    time.sleep(seconds)
    s1, c1, t1 = system_busy_seconds(), cpu_seconds(), time.perf_counter()
    if s0 is None or s1 is None:
        return None
    return max(0.0, (s1 - s0) - (c1 - c0)) / (t1 - t0)


def wait_quiet(max_wait: float, threshold: float = 0.3) -> float | None:
    """Wait (at most ``max_wait`` s) until other processes use under ``threshold`` cores; returns the
    last sample. Other jobs on a shared machine make every number here slower and noisier."""
    deadline = time.monotonic() + max_wait
    while True:
        busy = others_busy(1.0)
        if busy is None or busy < threshold or time.monotonic() >= deadline:
            return busy
        time.sleep(1.0)


class Meter:
    """Wall time, process CPU time, other processes' CPU time and load average around a block."""

    def __enter__(self) -> Meter:
        self.load_before = loadavg()
        self._sys = system_busy_seconds()
        self._cpu = cpu_seconds()
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.elapsed = time.perf_counter() - self._t0
        self.cpu = cpu_seconds() - self._cpu
        end = system_busy_seconds()
        self.others = None
        if end is not None and self._sys is not None and self.elapsed > 0:
            self.others = max(0.0, (end - self._sys) - self.cpu) / self.elapsed
        self.load_after = loadavg()

    def to_dict(self) -> dict[str, Any]:
        return {
            "elapsed_s": round(self.elapsed, 3),
            "cpu_s": round(self.cpu, 3),
            "cores_busy": round(self.cpu / self.elapsed, 2) if self.elapsed > 0 else 0.0,
            # cores other processes kept busy meanwhile (0 on a quiet machine)
            "others_cores": round(self.others, 2) if self.others is not None else None,
            "load_before": self.load_before,
            "load_after": self.load_after,
        }


def summary(values: Sequence[float]) -> dict[str, float]:
    return {"best": round(max(values), 2), "median": round(statistics.median(values), 2)}


# -- the images ------------------------------------------------------------------------------------


def picture(rng: random.Random, width: int, height: int) -> Image.Image:
    """Gradient background, flat shapes with dark outlines, line work and soft grain."""
    top = np.array([rng.randrange(256) for _ in range(3)], dtype=np.float32)
    bottom = np.array([rng.randrange(256) for _ in range(3)], dtype=np.float32)
    t = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    column = (top * (1.0 - t) + bottom * t).astype(np.uint8)
    image = Image.fromarray(column, "RGB").resize((width, height), Image.Resampling.NEAREST)
    draw = ImageDraw.Draw(image)
    line = max(2, min(width, height) // 300)
    for _ in range(rng.randint(6, 16)):
        x0, y0 = rng.randrange(width), rng.randrange(height)
        x1 = min(width - 1, x0 + rng.randint(width // 12 + 1, width // 2 + 2))
        y1 = min(height - 1, y0 + rng.randint(height // 12 + 1, height // 2 + 2))
        fill = tuple(rng.randrange(256) for _ in range(3))
        outline = tuple(rng.randrange(60) for _ in range(3))
        kind = rng.random()
        if kind < 0.4:
            draw.ellipse((x0, y0, x1, y1), fill=fill, outline=outline, width=line)
        elif kind < 0.7:
            draw.rectangle((x0, y0, x1, y1), fill=fill, outline=outline, width=line)
        else:
            points = [(rng.randint(x0, x1), rng.randint(y0, y1)) for _ in range(rng.randint(3, 7))]
            draw.polygon(points, fill=fill, outline=outline, width=line)
    for _ in range(rng.randint(10, 40)):
        points = [(rng.randrange(width), rng.randrange(height)) for _ in range(rng.randint(2, 5))]
        draw.line(points, fill=tuple(rng.randrange(80) for _ in range(3)), width=rng.randint(1, 4))
    nprng = np.random.default_rng(rng.getrandbits(32))
    small = nprng.integers(122, 135, size=(height // 2 + 1, width // 2 + 1), dtype=np.uint8)
    grain = Image.fromarray(small, "L").resize((width, height), Image.Resampling.BILINEAR).convert("RGB")
    return ImageChops.add(image, grain, scale=1.0, offset=-128)


def _write_one(root: Path, seed: int, i: int, min_px: int, max_px: int, png_share: float) -> tuple[str, int]:
    rng = random.Random(seed * 1_000_003 + i)
    long_side = rng.randint(min_px, max_px)
    aspect = rng.choice((2 / 3, 3 / 4, 1.0, 4 / 3, 16 / 9, 9 / 16))
    if aspect >= 1:
        size = (long_side, max(16, round(long_side / aspect)))
    else:
        size = (max(16, round(long_side * aspect)), long_side)
    image = picture(rng, *size)
    if rng.random() < png_share:
        path = root / f"{i:05d}.png"
        image.save(path, "PNG", compress_level=1)  # level: generation speed, hardly decoding time
    else:
        path = root / f"{i:05d}.jpg"
        image.save(path, "JPEG", quality=90)
    return path.name, path.stat().st_size


def ensure_images(
    base: Path, files: int, *, seed: int = 3, min_px: int = 800, max_px: int = 3000, png_share: float = 0.2
) -> Path:
    """``files`` images under ``base`` (generated once, reused while the manifest matches)."""
    from concurrent.futures import ThreadPoolExecutor

    params = {
        "version": CORPUS_VERSION,
        "files": files,
        "seed": seed,
        "min_px": min_px,
        "max_px": max_px,
        "png_share": png_share,
    }
    root = base / f"images-v{CORPUS_VERSION}-n{files}-s{seed}-{min_px}-{max_px}"
    with contextlib.suppress(OSError, ValueError, KeyError):
        manifest = json.loads((root / "manifest.json").read_text())
        if manifest["params"] == params and all(
            (root / name).stat().st_size == size for name, size in manifest["files"]
        ):
            print(f"images: reusing {root}")
            return root
    if root.exists():
        shutil.rmtree(root)
    (root / "art").mkdir(parents=True)
    started = time.monotonic()
    print(f"images: generating {files} ({min_px}-{max_px} px, JPEG q90 + {png_share:.0%} PNG) in {root} ...")
    with ThreadPoolExecutor(max_workers=cores()) as pool:
        written = list(
            pool.map(lambda i: _write_one(root / "art", seed, i, min_px, max_px, png_share), range(files))
        )
    written = [(f"art/{name}", size) for name, size in written]
    manifest = {"params": params, "files": written, "bytes": sum(s for _, s in written)}
    (root / "manifest.json").write_text(json.dumps(manifest))
    print(f"images: {manifest['bytes'] / 1e6:.0f} MB in {time.monotonic() - started:.0f} s")
    return root


def image_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "art").iterdir() if p.suffix in (".jpg", ".png"))


def warm_page_cache(files: Sequence[Path]) -> None:
    for f in files:
        f.read_bytes()


# -- models ----------------------------------------------------------------------------------------


@dataclasses.dataclass
class OrtConfig:
    """How onnxruntime sessions are made: ``threads`` None = onnxruntime's default (one per physical
    core), ``spinning`` False = pool threads sleep instead of busy-waiting between parallel sections."""

    threads: int | None = None
    spinning: bool = True

    @property
    def default(self) -> bool:
        return self.threads is None and self.spinning

    def label(self) -> str:
        return f"ort threads={self.threads or 'default'}, spinning={'on' if self.spinning else 'off'}"


@contextlib.contextmanager
def ort_sessions(config: OrtConfig) -> Iterator[None]:
    """Patch the session options every OnnxRunner uses (only in this process, only inside the block)."""
    if config.default:
        yield
        return
    from acgdesk.models.backends.onnx import OnnxRunner

    original = OnnxRunner._session_options

    def session_options(runner):
        options = original(runner)
        if config.threads:
            options.intra_op_num_threads = int(config.threads)
        if not config.spinning:
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        return options

    OnnxRunner._session_options = session_options
    try:
        yield
    finally:
        OnnxRunner._session_options = original


def load_models(ids: Sequence[str], config: OrtConfig, max_batch: int) -> list[Any]:
    from acgdesk.models import catalogue
    from acgdesk.models.devices import RuntimePrefs
    from acgdesk.models.loader import load_image_model
    from acgdesk.models.store import ModelStore

    store = ModelStore(ModelStore.default_root())
    prefs = RuntimePrefs(device="cpu", max_batch=max_batch)
    out = []
    with ort_sessions(config):
        for model_id in ids:
            loaded = load_image_model(catalogue.get(model_id), store, prefs)
            out.append(loaded)
    return out


def installed(model_id: str) -> tuple[bool, str]:
    from acgdesk.models import catalogue
    from acgdesk.models.store import ModelStore

    try:
        spec = catalogue.get(model_id)
    except KeyError as exc:
        return False, str(exc)
    state = ModelStore(ModelStore.default_root()).status(spec)
    return state.installed, f"{state.status}: {state.detail}"


def takes_sizes(model: Any) -> bool:
    return "sizes" in inspect.signature(model.predict).parameters


def work_size_for(model: Any) -> int:
    pre = model.spec.preprocess
    return max(512, pre.size if pre is not None else 0)


def predecode(files: Sequence[Path], work_size: int) -> list[tuple[Image.Image, tuple[int, int]]]:
    """The working copies the pipeline would hand to the models (and the original sizes)."""
    from acgdesk.imaging.decode import decode_image

    out = []
    for f in files:
        decoded = decode_image(f.read_bytes(), work_size=work_size)
        out.append((decoded.image, (decoded.width, decoded.height)))
    return out


def run_model(model: Any, items: Sequence[tuple[Image.Image, tuple[int, int]]]) -> None:
    images = [im for im, _ in items]
    if takes_sizes(model):
        model.predict(images, sizes=[s for _, s in items])
    else:
        model.predict(images)


def time_batches(
    models: Sequence[Any], items: Sequence[tuple[Image.Image, tuple[int, int]]], batch: int
) -> Meter:
    """Every model on every batch of ``batch`` items (one warm-up batch first, not timed)."""
    for model in models:
        run_model(model, items[:batch])
    with Meter() as meter:
        for start in range(0, len(items), batch):
            chunk = items[start : start + batch]
            for model in models:
                run_model(model, chunk)
    return meter


def preprocess_seconds(model: Any, items: Sequence[tuple[Image.Image, tuple[int, int]]], batch: int) -> float:
    """Time ``batch_tensor`` alone (pad, resize, normalise) over the items: the part of ``predict``
    that runs in the calling thread, outside onnxruntime."""
    from acgdesk.models.preprocess import batch_tensor

    if model.spec.preprocess is None:
        return 0.0
    t0 = time.perf_counter()
    for start in range(0, len(items), batch):
        batch_tensor([im for im, _ in items[start : start + batch]], model.spec.preprocess)
    return time.perf_counter() - t0


def cost_breakdown(files: Sequence[Path], models: Sequence[Any], work_size: int) -> dict[str, Any]:
    """CPU milliseconds per image of each step of the per-file work and of each model's preprocessing,
    in ONE thread (``time.thread_time``: hardly affected by other processes, unlike wall time).

    The decode steps are those of ``acgdesk.pipeline.ingest.process_file``, called one by one.
    """
    from acgdesk.imaging.decode import decode_image
    from acgdesk.imaging.hashing import hash_bytes
    from acgdesk.imaging.perceptual import compute_hashes
    from acgdesk.imaging.thumbnails import write_thumbnail
    from acgdesk.models.preprocess import square, to_array

    steps: dict[str, list[float]] = {}

    def add(name: str, seconds: float) -> None:
        steps.setdefault(name, []).append(seconds)

    tmp = Path(tempfile.mkdtemp(prefix="acgdesk-bench-models-thumbs-"))
    decoded = []
    try:
        warm = decode_image(files[0].read_bytes(), work_size=work_size).image  # first calls import
        write_thumbnail(warm, tmp / "t.webp", overwrite=True)  # plugins and scipy: not per-image costs
        compute_hashes(warm)
        for model in models:
            if model.spec.preprocess is not None:
                to_array(warm, model.spec.preprocess)
        for f in files:
            kind = "png" if f.suffix == ".png" else "jpeg"
            t = time.thread_time()
            data = f.read_bytes()
            hash_bytes(data)
            add("read + blake3", time.thread_time() - t)
            t = time.thread_time()
            d = decode_image(data, work_size=work_size)
            add(f"decode_image ({kind})", time.thread_time() - t)
            add("decode_image (all)", time.thread_time() - t)
            t = time.thread_time()
            write_thumbnail(d.image, tmp / "t.webp", overwrite=True)
            add("thumbnail (256 px WebP)", time.thread_time() - t)
            t = time.thread_time()
            compute_hashes(d.image)
            add("perceptual hashes", time.thread_time() - t)
            decoded.append(d.image)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for model in models:
        pre = model.spec.preprocess
        if pre is None:
            continue
        for image in decoded:
            t = time.thread_time()
            sq = square(image, pre)
            add(f"{model.spec.id}: pad + resize", time.thread_time() - t)
            t = time.thread_time()
            to_array(sq, pre)  # repeats the (now trivial) square() of an already square image
            add(f"{model.spec.id}: to float + normalise", time.thread_time() - t)
    return {
        name: {"ms_per_image": round(1000 * statistics.fmean(v), 2), "images": len(v)}
        for name, v in steps.items()
    }


# -- instrumented end-to-end runs ------------------------------------------------------------------


class Probe:
    """Timing hooks on the pipeline for one run, installed by monkeypatching (this process only):

    - every decode call (``process_file`` as the indexer calls it): wall and thread CPU time;
    - every model-stage batch (``ModelRunner.__call__``) and every model within it (``_apply``);
    - queue depths sampled every ``interval`` seconds (feed->decode, decode->models, ->writer).

    The hooks cost microseconds per file against ~100 ms of work per file.
    """

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.decode_wall = 0.0
        self.decode_cpu = 0.0
        self.decodes = 0
        self.batches: list[tuple[int, float]] = []  # (images, seconds)
        self.per_model: dict[str, list[float]] = {}  # id -> [images, seconds]
        self.samples: list[tuple[int, ...]] = []
        self.queue_size = 0
        self._lock = threading.Lock()
        self._runners: list[Any] = []
        self._stop = threading.Event()

    @contextlib.contextmanager
    def installed(self) -> Iterator[Probe]:
        from acgdesk.pipeline import engine, indexer, models_stage

        original_process = indexer.process_file
        original_call = models_stage.ModelRunner.__call__
        original_apply = models_stage.ModelRunner._apply
        original_init = engine._Runner.__init__
        probe = self

        def process_file(*args, **kwargs):
            w0, c0 = time.perf_counter(), time.thread_time()
            try:
                return original_process(*args, **kwargs)
            finally:
                w, c = time.perf_counter() - w0, time.thread_time() - c0
                with probe._lock:
                    probe.decode_wall += w
                    probe.decode_cpu += c
                    probe.decodes += 1

        def call(runner, batch):
            t0 = time.perf_counter()
            try:
                return original_call(runner, batch)
            finally:
                probe.batches.append((len(batch), time.perf_counter() - t0))

        def apply(runner, model, todo):
            t0 = time.perf_counter()
            try:
                return original_apply(runner, model, todo)
            finally:
                entry = probe.per_model.setdefault(model.spec.id, [0, 0.0])
                entry[0] += len(todo)
                entry[1] += time.perf_counter() - t0

        def init(runner, *args, **kwargs):
            original_init(runner, *args, **kwargs)
            probe._runners.append(runner)

        def sample() -> None:
            while not probe._stop.wait(probe.interval):
                if probe._runners:
                    qs = probe._runners[-1].queues
                    probe.queue_size = qs[0].maxsize
                    probe.samples.append(tuple(q.qsize() for q in qs))

        indexer.process_file = process_file
        models_stage.ModelRunner.__call__ = call
        models_stage.ModelRunner._apply = apply
        engine._Runner.__init__ = init
        sampler = threading.Thread(target=sample, name="bench-sampler", daemon=True)
        sampler.start()
        try:
            yield self
        finally:
            self._stop.set()
            sampler.join()
            indexer.process_file = original_process
            models_stage.ModelRunner.__call__ = original_call
            models_stage.ModelRunner._apply = original_apply
            engine._Runner.__init__ = original_init

    def to_dict(self, elapsed: float) -> dict[str, Any]:
        out: dict[str, Any] = {
            "decode_calls": self.decodes,
            "decode_wall_s": round(self.decode_wall, 3),
            "decode_thread_cpu_s": round(self.decode_cpu, 3),
            # < 1: decode threads waited for a core (or for the GIL) while they had work to do
            "decode_cpu_share": round(self.decode_cpu / self.decode_wall, 3) if self.decode_wall else None,
        }
        if self.batches:
            busy = sum(s for _, s in self.batches)
            sizes = Counter(n for n, _ in self.batches)
            out.update(
                {
                    "model_batches": len(self.batches),
                    "model_batch_sizes": {str(k): v for k, v in sorted(sizes.items())},
                    "model_busy_s": round(busy, 3),
                    # share of the run the model thread was inside a batch (1.0: never waited for input)
                    "model_busy_share": round(busy / elapsed, 3) if elapsed else None,
                    "model_images_per_s_while_busy": round(sum(n for n, _ in self.batches) / busy, 2),
                    "per_model_s_per_image": {
                        k: round(s / n, 5) for k, (n, s) in self.per_model.items() if n
                    },
                }
            )
        if self.samples:
            if len(self.samples[0]) == 3:
                names = ["feed_to_decode", "decode_to_models", "models_to_writer"]
            else:
                names = ["feed_to_decode", "decode_to_writer"]
            depth: dict[str, Any] = {}
            for i, name in enumerate(names):
                col = [s[i] for s in self.samples]
                depth[name] = {
                    "mean": round(statistics.fmean(col), 1),
                    "empty_share": round(sum(1 for v in col if v == 0) / len(col), 3),
                    "full_share": round(sum(1 for v in col if v >= self.queue_size) / len(col), 3),
                }
            out["queues"] = depth
            out["queue_size"] = self.queue_size
        return out


def index_once(
    files_root: Path,
    models: Sequence[Any],
    *,
    workers: int | None,
    queue_size: int | None,
    model_batch: int,
    keep: bool = False,
) -> dict[str, Any]:
    """One ``Library.index`` into a fresh library, with timing probes."""
    from acgdesk.core.settings import IndexSettings
    from acgdesk.library import Library

    overrides: dict[str, Any] = {}
    if workers:
        overrides["workers"] = workers
    if queue_size:
        overrides["queue_size"] = queue_size
    settings = IndexSettings(**overrides)
    tmp = Path(tempfile.mkdtemp(prefix="acgdesk-bench-models-"))
    try:
        with Library.open(tmp / "library", settings=settings) as lib, Probe().installed() as probe:
            kwargs: dict[str, Any] = {"models": list(models)}
            if "model_batch" in inspect.signature(lib.index).parameters:
                kwargs["model_batch"] = model_batch
            elif models and model_batch != SET_BATCH:
                raise SystemExit("this acgdesk's Library.index takes no model_batch")
            with Meter() as meter:
                report = lib.index([files_root / "art"], **kwargs)
        rate = report.processed / report.elapsed if report.elapsed > 0 else 0.0
        return {
            **meter.to_dict(),
            "images_per_s": round(rate, 2),
            "processed": report.processed,
            "ok": report.ok,
            "errors": report.errors,
            "report_elapsed_s": round(report.elapsed, 3),
            "workers": settings.workers,
            "queue_size": settings.queue_size,
            "model_batch": model_batch if models else None,
            "probe": probe.to_dict(report.elapsed),
        }
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


# -- the benchmark ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Variant:
    name: str
    why: str
    workers: int | None = None
    queue_size: int | None = None
    model_batch: int = SET_BATCH
    ort: OrtConfig = dataclasses.field(default_factory=OrtConfig)


VARIANTS: tuple[Variant, ...] = (
    Variant("workers=1", "one decode thread: leaves a core to the models", workers=1),
    Variant("workers=3", "more decoders than cores", workers=3),
    Variant("queue=16", "smaller queues", queue_size=16),
    Variant("queue=256", "larger queues (more decoded images in memory)", queue_size=256),
    Variant("batch=8", "model batch 8", model_batch=8),
    Variant("batch=32", "model batch 32", model_batch=32),
    Variant(
        "ort-nospin", "onnxruntime pool threads sleep instead of spinning", ort=OrtConfig(spinning=False)
    ),
    Variant("ort-1thread", "onnxruntime one thread per session", ort=OrtConfig(threads=1)),
    Variant(
        "ort-1thread+w1", "one core each: 1 decoder, 1 inference thread", workers=1, ort=OrtConfig(threads=1)
    ),
    Variant("ort-nospin+w1", "no spinning, 1 decoder", workers=1, ort=OrtConfig(spinning=False)),
    Variant("ort-nospin+batch32", "no spinning, batch 32", model_batch=32, ort=OrtConfig(spinning=False)),
    Variant(
        "ort-1thread+batch32", "one inference thread, batch 32", model_batch=32, ort=OrtConfig(threads=1)
    ),
)


def parse_ids(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200, help="images (default 200)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each measurement (default 2)")
    parser.add_argument("--batches", default="1,8,16,32", help="batch sizes for per-model throughput")
    parser.add_argument("--models", default="", help="extra model ids for the per-model table (if installed)")
    parser.add_argument("--sweep", default="", help="'all' or variant names, comma-separated ('list' lists)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, help="generated images (reused)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results")
    parser.add_argument(
        "--breakdown-files", type=int, default=60, help="images for the per-step CPU breakdown (0: skip)"
    )
    parser.add_argument("--skip-per-model", action="store_true", help="skip step 1 (per-model table)")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=0.0,
        help="before each measurement wait up to this many seconds for other processes to use < 0.3 core",
    )
    args = parser.parse_args(argv)

    if args.sweep == "list":
        for v in VARIANTS:
            print(f"{v.name:20} {v.why}")
        return 0
    if args.sweep == "all":
        variants = list(VARIANTS)
    else:
        wanted = parse_ids(args.sweep)
        known = {v.name: v for v in VARIANTS}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            parser.error(f"unknown variant(s) {unknown}; known: {', '.join(known)}")
        variants = [known[w] for w in wanted]

    from acgdesk.models.loader import DEFAULT_INDEX_MODELS

    batches = [int(b) for b in parse_ids(args.batches)]
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    machine = machine_info()
    machine["load_at_start"] = loadavg()
    print(
        f"machine: {machine['nproc']} cores, {machine['cpu_model']}, onnxruntime "
        f"{machine.get('onnxruntime')}, load {machine['load_at_start']}"
    )

    root = ensure_images(args.cache_dir, args.files)
    files = image_files(root)
    warm_page_cache(files)

    default_ids = list(DEFAULT_INDEX_MODELS)
    extra_ids, skipped = [], {}
    for model_id in parse_ids(args.models):
        ok, why = installed(model_id)
        if model_id in default_ids:
            continue
        if ok:
            extra_ids.append(model_id)
        else:
            skipped[model_id] = why
            print(f"skipping {model_id}: not installed ({why})")
    max_batch = max([*batches, 32, SET_BATCH]) * 2  # predict must never split a batch itself
    base = OrtConfig()
    loaded = load_models(default_ids + extra_ids, base, max_batch)
    models = [lm.model for lm in loaded]
    default_models = models[: len(default_ids)]
    results: dict[str, Any] = {
        "started": started_at,
        "machine": machine,
        "files": len(files),
        "corpus": str(root),
        "corpus_bytes": sum(f.stat().st_size for f in files),
        "repeat": args.repeat,
        "default_models": default_ids,
        "devices": {lm.model.spec.id: lm.choice.as_dict() for lm in loaded},
        "skipped_models": skipped,
    }

    def save(res: dict[str, Any]) -> None:
        """Write the JSON (also after every section, so an interrupted run keeps what it measured)."""
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(res, indent=2))

    decoded: dict[int, list] = {}

    def items_for(model: Any) -> list:
        ws = work_size_for(model)
        if ws not in decoded:
            t0 = time.perf_counter()
            decoded[ws] = predecode(files, ws)
            print(f"pre-decoded {len(files)} images to {ws} px in {time.perf_counter() - t0:.1f} s")
        return decoded[ws]

    quiet_log: list[float | None] = []

    def settle() -> None:
        if args.quiet_wait > 0:
            quiet_log.append(wait_quiet(args.quiet_wait))

    # 0. CPU cost per image, one thread -------------------------------------------------------------
    if args.breakdown_files:
        print(f"\n[0] CPU ms per image, one thread, first {args.breakdown_files} images (thread CPU time)")
        ws = max(work_size_for(m) for m in default_models)
        breakdown = cost_breakdown(files[: args.breakdown_files], default_models, ws)
        for name, row in breakdown.items():
            print(f"  {name:38} {row['ms_per_image']:7.1f} ms  ({row['images']} images)")
        results["cpu_breakdown_ms"] = breakdown
        save(results)

    # 1. per-model throughput ------------------------------------------------------------------------
    per_model: dict[str, Any] = {}
    if not args.skip_per_model:
        print(f"\n[1] per-model throughput (images/s on pre-decoded images; best / median of {args.repeat})")
        for model in models:
            items = items_for(model)
            row: dict[str, Any] = {"work_size": work_size_for(model), "batches": {}}
            for b in batches:
                rates, runs = [], []
                for _ in range(args.repeat):
                    settle()
                    m = time_batches([model], items, b)
                    rates.append(len(items) / m.elapsed)
                    runs.append(m.to_dict())
                row["batches"][str(b)] = {**summary(rates), "runs": runs}
            ref = row["batches"].get(str(SET_BATCH)) or row["batches"][str(batches[-1])]
            pre = preprocess_seconds(model, items, SET_BATCH) / len(items)
            row["s_per_image_at_16"] = round(1 / ref["best"], 5)
            row["preprocess_s_per_image"] = round(pre, 5)
            row["preprocess_share_at_16"] = round(pre * ref["best"], 3)
            per_model[model.spec.id] = row
            cells = "  ".join(
                f"b{b}: {row['batches'][str(b)]['best']:6.1f} / {row['batches'][str(b)]['median']:6.1f}"
                for b in batches
            )
            print(
                f"  {model.spec.id:18} {cells}   (pad/resize/normalise: "
                f"{row['preprocess_share_at_16']:.0%} of predict at b{SET_BATCH})"
            )
    results["per_model"] = per_model
    save(results)

    # 2-4. model-only set, decode-only and end-to-end, interleaved ----------------------------------
    def model_only_run(set_models: Sequence[Any], batch: int) -> dict[str, Any]:
        items = items_for(set_models[0])  # the default set shares one work size (512)
        settle()
        m = time_batches(set_models, items, batch)
        return {**m.to_dict(), "images_per_s": round(len(items) / m.elapsed, 2), "images": len(items)}

    def index_run(set_models: Sequence[Any], **kw: Any) -> dict[str, Any]:
        settle()
        return index_once(root, set_models, **kw)

    def collect(runs: list[dict[str, Any]], count_key: str) -> dict[str, Any]:
        rates = [r["images_per_s"] for r in runs]
        cpu = statistics.median(r["cpu_s"] / max(1, r[count_key]) for r in runs)
        return {**summary(rates), "cpu_s_per_image": round(cpu, 4), "runs": runs}

    print(
        f"\n[2-4] default set {default_ids}: model-only at batch {SET_BATCH}, decode-only index and "
        f"full index, interleaved, {args.repeat} rounds"
    )
    set_runs, dec_runs, e2e_runs = [], [], []
    plain = {"workers": None, "queue_size": None, "model_batch": SET_BATCH}
    for r in range(args.repeat):
        set_runs.append(model_only_run(default_models, SET_BATCH))
        dec_runs.append(index_run([], **plain))
        e2e_runs.append(index_run(default_models, **plain))
        print(
            f"  round {r + 1}: model-only {set_runs[-1]['images_per_s']:5.1f}/s, decode-only "
            f"{dec_runs[-1]['images_per_s']:5.1f}/s, end-to-end {e2e_runs[-1]['images_per_s']:5.1f}/s "
            f"(ratio {e2e_runs[-1]['images_per_s'] / set_runs[-1]['images_per_s']:.2f}); other processes "
            f"used {set_runs[-1]['others_cores']}/{dec_runs[-1]['others_cores']}/"
            f"{e2e_runs[-1]['others_cores']} cores"
        )
    set_only = {**collect(set_runs, "images"), "batch": SET_BATCH}
    decode_only = collect(dec_runs, "processed")
    e2e = collect(e2e_runs, "processed")
    results["model_only"] = set_only
    results["decode_only"] = decode_only
    results["end_to_end"] = e2e

    n = machine["nproc"]
    ratios = [e["images_per_s"] / m["images_per_s"] for e, m in zip(e2e_runs, set_runs, strict=True)]
    bound = n / (decode_only["cpu_s_per_image"] + set_only["cpu_s_per_image"])
    rate_bound = 1 / (1 / decode_only["best"] + 1 / set_only["best"])
    eff = {
        "best": round(e2e["best"] / set_only["best"], 3),
        "median": round(e2e["median"] / set_only["median"], 3),
        "paired_median": round(statistics.median(ratios), 3),
        "target": 0.9,
        "cpu_bound_images_per_s": round(bound, 2),
        "cpu_bound_efficiency": round(bound / set_only["best"], 3),
        "rate_bound_images_per_s": round(rate_bound, 2),
        "rate_bound_efficiency": round(rate_bound / set_only["best"], 3),
        "e2e_over_cpu_bound": round(e2e["best"] / bound, 3),
    }
    results["efficiency"] = eff
    save(results)
    print(f"\n  {'':26} {'best':>7} {'median':>7} {'CPU ms/image':>13} {'cores busy':>11}")
    for label, res, runs in (
        ("model-only (default set)", set_only, set_runs),
        ("decode-only index", decode_only, dec_runs),
        ("end-to-end index", e2e, e2e_runs),
    ):
        busy = statistics.median(r["cores_busy"] for r in runs)
        print(
            f"  {label:26} {res['best']:7.1f} {res['median']:7.1f} "
            f"{res['cpu_s_per_image'] * 1000:13.0f} {busy:11.2f}"
        )
    print(
        f"\n  EFFICIENCY = end-to-end / model-only: best/best {eff['best']:.2f}, median/median "
        f"{eff['median']:.2f}, paired rounds median {eff['paired_median']:.2f} (target {eff['target']})"
    )
    print(
        f"  bounds on {n} cores: CPU bound n / (decode CPU + model CPU per image) = {bound:.1f}/s "
        f"(efficiency <= {eff['cpu_bound_efficiency']:.2f}); "
        f"rate bound 1/(1/decode + 1/model) = {rate_bound:.1f}/s ({eff['rate_bound_efficiency']:.2f})"
    )
    for i, run in enumerate(e2e_runs):
        print_probe(run["probe"], f"  end-to-end round {i + 1}", per_model)

    # 5. settings sweep, each round paired with a default run -----------------------------------------
    sweep: dict[str, Any] = {}
    if variants:
        print(
            f"\n[5] settings sweep: each round runs the defaults, then the variant (paired: same load);\n"
            f"    eff = variant e2e best / default model-only best ({set_only['best']:.1f}/s); "
            f"vs default = median of variant / default per round"
        )
        print(
            f"  {'variant':20} {'e2e best':>8} {'median':>7} {'eff':>5} {'vs default':>10} "
            f"{'CPU ms/img':>10} {'own model-only':>14} {'busy':>5} {'others':>6}  model batches"
        )

        def line(name: str, entry: dict[str, Any]) -> str:
            res, own = entry["end_to_end"], entry.get("model_only")
            probe = res["runs"][0]["probe"]
            own_txt = f"{own['best']:14.1f}" if own else f"{'-':>14}"
            others = statistics.median(r["others_cores"] or 0 for r in res["runs"])
            return (
                f"  {name:20} {res['best']:8.1f} {res['median']:7.1f} {entry['efficiency']:5.2f} "
                f"{entry['vs_default_paired']:10.2f} {res['cpu_s_per_image'] * 1000:10.0f} {own_txt} "
                f"{probe.get('model_busy_share', 0):5.2f} {others:6.2f}  {probe.get('model_batch_sizes')}"
            )

        for v in variants:
            own = None
            vm = default_models
            if not v.ort.default:
                vm = [lm.model for lm in load_models(default_ids, v.ort, max_batch)]
                own = collect([model_only_run(vm, v.model_batch) for _ in range(args.repeat)], "images")
            refs, runs = [], []
            for _ in range(args.repeat):
                refs.append(index_run(default_models, **plain))
                runs.append(
                    index_run(vm, workers=v.workers, queue_size=v.queue_size, model_batch=v.model_batch)
                )
            res = collect(runs, "processed")
            ref = collect(refs, "processed")
            paired = [a["images_per_s"] / b["images_per_s"] for a, b in zip(runs, refs, strict=True)]
            entry = {
                "why": v.why,
                "workers": v.workers,
                "queue_size": v.queue_size,
                "model_batch": v.model_batch,
                "ort": dataclasses.asdict(v.ort),
                "end_to_end": res,
                "reference": ref,
                "vs_default_paired": round(statistics.median(paired), 3),
                "efficiency": round(res["best"] / set_only["best"], 3),
                "efficiency_median": round(res["median"] / set_only["median"], 3),
            }
            if own is not None:
                entry["model_only"] = own
                entry["efficiency_vs_own_model_only"] = round(res["best"] / own["best"], 3)
            sweep[v.name] = entry
            print(line(v.name, entry))
            if own is not None:
                for m in vm:
                    m.close()
            results["sweep"] = sweep
            save(results)
    results["sweep"] = sweep

    results["machine"]["load_at_end"] = loadavg()
    results["quiet_samples"] = quiet_log
    print(
        f"\nload average: start {machine['load_at_start']}, end {results['machine']['load_at_end']} "
        f"({n} cores; above {n} means other jobs competed for the CPU)"
    )
    save(results)
    print(f"results: {args.out}")
    return 0


def print_probe(p: dict[str, Any], title: str, per_model: dict[str, Any]) -> None:
    """Where the time of one end-to-end run went (see Probe)."""
    print(f"{title}:")
    if "model_busy_share" in p:
        print(
            f"    model thread inside a batch {p['model_busy_share']:.0%} of the run "
            f"({p['model_images_per_s_while_busy']:.1f} images/s while busy); "
            f"batch sizes {p['model_batch_sizes']}"
        )
        parts = []
        for model_id, s in p["per_model_s_per_image"].items():
            alone = per_model.get(model_id, {}).get("s_per_image_at_16")
            slower = f", x{s / alone:.2f} of alone" if alone else ""
            parts.append(f"{model_id} {s * 1000:.1f} ms{slower}")
        print(f"    per image in the pipeline: {'; '.join(parts)}")
    if p.get("decode_cpu_share") is not None:
        print(
            f"    decode: {p['decode_calls']} files, {p['decode_wall_s']:.1f} s wall in the workers, "
            f"{p['decode_thread_cpu_s']:.1f} s on a core "
            f"({p['decode_cpu_share']:.0%}: the rest waiting for a core)"
        )
    for name, q in p.get("queues", {}).items():
        print(
            f"    queue {name}: mean depth {q['mean']}, empty {q['empty_share']:.0%}, "
            f"full {q['full_share']:.0%} of the samples (size {p['queue_size']})"
        )


if __name__ == "__main__":
    raise SystemExit(main())
