"""onnxruntime sessions: created lazily, released when idle, with derived copies of a model.

:class:`OnnxRunner` owns one model file. The session is created on the first run (so listing or
configuring models costs nothing), with every graph optimisation on and one intra-op thread per
core; after it has been idle for ``idle_seconds`` the caller's :meth:`OnnxRunner.release_if_idle`
drops it, freeing GPU or CPU memory, and the next run creates it again.

Two derived copies are written next to the model (or into ``cache_dir``) once and reused:

* an int8 copy made with onnxruntime's dynamic quantisation (weights of MatMul/Gemm to int8);
* an fp16 copy for GPUs (weights and activations in half precision, inputs and outputs kept fp32 so
  callers feed and read the same arrays), made with onnxruntime's own converter;
* a copy whose graph outputs include named intermediate tensors (``extra_outputs``), e.g. the
  pooled 512-d feature ``"190"`` of the anime-or-not ResNet-18 that serves as an image embedding.

Their names carry a digest of the source file's path, size and mtime, so a replaced model is never
paired with a stale copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import onnxruntime as ort
import platformdirs

from acgdesk.models.devices import CPU_PROVIDER, CUDA_PROVIDER, DML_PROVIDER, DeviceChoice

log = logging.getLogger(__name__)


def available_providers() -> list[str]:
    """The execution providers this onnxruntime build offers, best first."""
    return list(ort.get_available_providers())


def version() -> str:
    return str(ort.__version__)


def cpu_threads() -> int:
    """Cores this process may use (CPU affinity respected)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class TensorInfo:
    """A graph input or output: ``shape`` holds ints for fixed dims and str/None for free ones."""

    name: str
    shape: tuple[int | str | None, ...]
    type: str  # onnxruntime's spelling, e.g. "tensor(float)"

    @property
    def fixed_batch(self) -> int | None:
        """The batch size the model insists on, or None when any batch is accepted."""
        if not self.shape:
            return None
        first = self.shape[0]
        return first if isinstance(first, int) and first > 0 else None

    @property
    def numpy_dtype(self) -> np.dtype:
        return np.dtype(_ORT_TYPES.get(self.type, "float32"))


_ORT_TYPES = {
    "tensor(float)": "float32",
    "tensor(float16)": "float16",
    "tensor(double)": "float64",
    "tensor(uint8)": "uint8",
    "tensor(int8)": "int8",
    "tensor(int32)": "int32",
    "tensor(int64)": "int64",
    "tensor(bool)": "bool",
}


# -- derived model files ---------------------------------------------------------------------------


def _fallback_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("acgdesk", appauthor=False)) / "onnx"


def _derived_dir(model_path: Path, cache_dir: Path | None) -> Path:
    """``cache_dir`` if given, else the model's folder when writable (a model inside an installed
    package often is not), else the per-user cache folder."""
    if cache_dir is not None:
        target = Path(cache_dir)
    elif os.access(model_path.parent, os.W_OK):
        target = model_path.parent
    else:
        target = _fallback_cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    return target


def _source_digest(model_path: Path, *extra: str) -> str:
    st = model_path.stat()
    key = "|".join((str(model_path.resolve()), str(st.st_size), str(st.st_mtime_ns), *extra))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def _write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    tmp = target.with_name(f".{target.stem}.{os.getpid()}.{threading.get_ident()}.tmp.onnx")
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return target


def with_extra_outputs(model_path: Path, names: Sequence[str], cache_dir: Path | None = None) -> Path:
    """A copy of the model whose graph outputs also include the intermediate tensors ``names``
    (made once, then reused). Raises ValueError naming any tensor the graph does not have."""
    model_path = Path(model_path)
    names = list(dict.fromkeys(names))
    digest = _source_digest(model_path, "outputs", *names)
    target = _derived_dir(model_path, cache_dir) / f"{model_path.stem}.outputs-{digest}.onnx"
    if target.exists():
        return target

    import onnx  # the graph editing package; only needed the first time

    model = onnx.load(str(model_path))
    graph = model.graph
    known = {out for node in graph.node for out in node.output}
    known |= {t.name for t in graph.input} | {t.name for t in graph.initializer}
    missing = [n for n in names if n not in known]
    if missing:
        raise ValueError(f"{model_path.name} has no tensor named {', '.join(map(repr, missing))}")
    try:
        inferred = {vi.name: vi for vi in onnx.shape_inference.infer_shapes(model).graph.value_info}
    except Exception:  # shape inference is a nicety: an untyped output still runs
        inferred = {}
    present = {o.name for o in graph.output}
    for name in names:
        if name in present:
            continue
        info = onnx.ValueInfoProto()
        if name in inferred:
            info.CopyFrom(inferred[name])
        else:
            info.name = name
        graph.output.append(info)
    log.info("writing %s with extra outputs %s", target.name, names)
    return _write_atomically(target, lambda tmp: onnx.save(model, str(tmp)))


def quantized_int8(model_path: Path, cache_dir: Path | None = None) -> Path:
    """A dynamically quantised (int8 weights, MatMul/Gemm) copy of the model, made once.

    Convolutions are left in float: onnxruntime's CPU ConvInteger kernel does not take the
    signed int8 weights dynamic quantisation writes.
    """
    model_path = Path(model_path)
    digest = _source_digest(model_path, "int8")
    target = _derived_dir(model_path, cache_dir) / f"{model_path.stem}.int8-{digest}.onnx"
    if target.exists():
        return target

    from onnxruntime.quantization import QuantType, quantize_dynamic

    def write(tmp: Path) -> None:
        quantize_dynamic(
            model_input=str(model_path),
            model_output=str(tmp),
            op_types_to_quantize=["MatMul", "Gemm"],
            weight_type=QuantType.QInt8,
        )

    log.info("quantising %s to int8 (once): %s", model_path.name, target.name)
    return _write_atomically(target, write)


def float16_copy(model_path: Path, cache_dir: Path | None = None) -> Path:
    """An fp16 copy of the model (made once) whose inputs and outputs stay fp32.

    The hub files are fp32; on a GPU half precision roughly halves memory and, on tensor cores,
    time. Normalisation/softmax-style ops that overflow in fp16 are kept in fp32 by the converter's
    default block list.
    """
    model_path = Path(model_path)
    digest = _source_digest(model_path, "fp16")
    target = _derived_dir(model_path, cache_dir) / f"{model_path.stem}.fp16-{digest}.onnx"
    if target.exists():
        return target

    import onnx
    from onnxruntime.transformers.float16 import convert_float_to_float16

    def write(tmp: Path) -> None:
        model = convert_float_to_float16(onnx.load(str(model_path)), keep_io_types=True)
        onnx.save(model, str(tmp))

    log.info("converting %s to fp16 (once): %s", model_path.name, target.name)
    return _write_atomically(target, write)


# -- the runner ------------------------------------------------------------------------------------


class OnnxRunner:
    """One ONNX model on the device of ``choice``.

    Thread-safe: runs may overlap (onnxruntime sessions allow concurrent ``run``), and a release
    never drops a session a run is using. ``choice`` is updated after loading when onnxruntime
    could not start the requested provider (e.g. CUDA libraries missing) and fell back to the CPU,
    so what is reported is what actually runs.
    """

    def __init__(
        self,
        model_path: str | os.PathLike[str],
        choice: DeviceChoice,
        *,
        extra_outputs: Sequence[str] = (),
        cache_dir: str | os.PathLike[str] | None = None,
        idle_seconds: float = 300.0,
        threads: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.model_path = Path(model_path)
        if not self.model_path.is_file():
            raise FileNotFoundError(f"no ONNX model at {self.model_path}")
        self.choice = choice
        self.extra_outputs = tuple(extra_outputs)
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.idle_seconds = idle_seconds
        self.threads = threads or cpu_threads()
        self._clock = clock
        self._lock = threading.RLock()
        self._session: ort.InferenceSession | None = None
        self._active = 0
        self.last_used: float | None = None
        self.loads = 0  # sessions created so far (tests and diagnostics)
        self.session_path: Path | None = None  # the file actually loaded (original or derived copy)
        self._inputs: list[TensorInfo] = []
        self._outputs: list[TensorInfo] = []

    # -- loading ----------------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._session is not None

    def _prepared_path(self) -> Path:
        path = self.model_path
        if self.extra_outputs:
            path = with_extra_outputs(path, self.extra_outputs, self.cache_dir)
        if self.choice.precision == "int8":
            path = quantized_int8(path, self.cache_dir)
        elif self.choice.precision == "fp16":
            path = float16_copy(path, self.cache_dir)
        return path

    def _session_options(self) -> ort.SessionOptions:
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if self.choice.provider == DML_PROVIDER:  # DirectML needs these two (onnxruntime docs)
            options.enable_mem_pattern = False
            options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        return options

    def _provider_list(self) -> list[str | tuple[str, dict[str, object]]]:
        wanted = list(self.choice.providers) or [self.choice.provider or CPU_PROVIDER]
        if CPU_PROVIDER not in wanted:
            wanted.append(CPU_PROVIDER)
        out: list[str | tuple[str, dict[str, object]]] = []
        for name in wanted:
            if name == CUDA_PROVIDER:
                out.append((name, {"device_id": self.choice.device_id}))
            else:
                out.append(name)
        return out

    def load(self) -> ort.InferenceSession:
        """The session, created now if needed."""
        with self._lock:
            if self._session is not None:
                return self._session
            started = time.perf_counter()
            try:
                path = self._prepared_path()
                session = ort.InferenceSession(
                    str(path), sess_options=self._session_options(), providers=self._provider_list()
                )
            except Exception as exc:
                if self.choice.precision != "fp16":
                    raise
                # A graph the converter cannot handle (an op without an fp16 kernel on this
                # provider, a failed conversion): fp32 still works, and the report says why.
                self.choice = replace(
                    self.choice,
                    precision="fp32",
                    fell_back=True,
                    reason=f"{self.choice.reason}; the fp16 copy failed ({type(exc).__name__}: {exc}), "
                    "running fp32",
                )
                log.warning("%s: %s", self.model_path.name, self.choice.reason)
                path = self._prepared_path()
                session = ort.InferenceSession(
                    str(path), sess_options=self._session_options(), providers=self._provider_list()
                )
            used = session.get_providers()
            wanted = self.choice.provider
            if wanted and wanted != CPU_PROVIDER and wanted not in used:
                self.choice = replace(
                    self.choice,
                    device="cpu",
                    provider=CPU_PROVIDER,
                    providers=(CPU_PROVIDER,),
                    fell_back=True,
                    reason=f"{self.choice.reason}; {wanted} failed to start (CUDA/cuDNN or driver "
                    "libraries missing? see onnxruntime's warnings), running on CPU",
                )
                log.warning("%s: %s", self.model_path.name, self.choice.reason)
            self._inputs = [_info(i) for i in session.get_inputs()]
            self._outputs = [_info(o) for o in session.get_outputs()]
            self._session = session
            self.session_path = path
            self.loads += 1
            self.last_used = self._clock()
            log.info("loaded %s on %s in %.2fs", path.name, ", ".join(used), time.perf_counter() - started)
            return session

    @property
    def inputs(self) -> list[TensorInfo]:
        self.load()
        return list(self._inputs)

    @property
    def outputs(self) -> list[TensorInfo]:
        self.load()
        return list(self._outputs)

    @property
    def active_providers(self) -> list[str]:
        """Providers of the live session ([] when not loaded)."""
        session = self._session
        return list(session.get_providers()) if session is not None else []

    # -- running ----------------------------------------------------------------------------------

    def run(
        self,
        feeds: Mapping[str, np.ndarray] | np.ndarray,
        output_names: Sequence[str] | None = None,
    ) -> list[np.ndarray]:
        """Run the model; ``feeds`` maps input names to arrays (a bare array feeds the only
        input). Returns the requested outputs (default: all, extra outputs included) in order."""
        with self._lock:
            session = self.load()
            self._active += 1
            self.last_used = self._clock()
        try:
            if isinstance(feeds, np.ndarray):
                if len(self._inputs) != 1:
                    raise ValueError(f"{self.model_path.name} has {len(self._inputs)} inputs; pass a dict")
                feeds = {self._inputs[0].name: feeds}
            return list(session.run(list(output_names) if output_names else None, dict(feeds)))
        finally:
            with self._lock:
                self._active -= 1
                self.last_used = self._clock()

    # -- releasing --------------------------------------------------------------------------------

    def release_if_idle(self, now: float | None = None) -> bool:
        """Drop the session when unused for ``idle_seconds``; True when it was dropped."""
        with self._lock:
            if self._session is None or self._active or self.last_used is None:
                return False
            now = self._clock() if now is None else now
            if now - self.last_used < self.idle_seconds:
                return False
            self._session = None
            log.info("released idle %s", self.model_path.name)
            return True

    def close(self) -> None:
        with self._lock:
            self._session = None

    def __repr__(self) -> str:
        state = "loaded" if self.loaded else "not loaded"
        return f"<OnnxRunner {self.model_path.name} {self.choice.device}/{self.choice.precision} {state}>"


class RunnerSession:
    """The slice of ``onnxruntime.InferenceSession`` the model families call (``get_inputs``,
    ``get_outputs``, ``run(output_names, feeds)``), served by an :class:`OnnxRunner`.

    Families keep one calling convention and still get what the runner adds: the device choice
    with a reported fallback, int8/fp16 copies and extra outputs.
    """

    def __init__(self, runner: OnnxRunner) -> None:
        self.runner = runner

    @property
    def choice(self) -> DeviceChoice:
        return self.runner.choice

    def get_inputs(self) -> list[TensorInfo]:
        return self.runner.inputs

    def get_outputs(self) -> list[TensorInfo]:
        return self.runner.outputs

    def run(self, output_names: Sequence[str] | None, feeds: Mapping[str, np.ndarray]) -> list[np.ndarray]:
        return self.runner.run(feeds, output_names)

    def close(self) -> None:
        self.runner.close()


def cpu_choice() -> DeviceChoice:
    """Plain fp32 on the CPU provider: what a family gets when its caller chose nothing."""
    return DeviceChoice(
        backend="onnx",
        device="cpu",
        provider=CPU_PROVIDER,
        precision="fp32",
        reason="CPU (no device chosen by the caller)",
        providers=(CPU_PROVIDER,),
    )


def open_runner(
    path: str | os.PathLike[str],
    choice: DeviceChoice | None = None,
    *,
    extra_outputs: Sequence[str] = (),
    cache_dir: str | os.PathLike[str] | None = None,
    threads: int | None = None,
) -> RunnerSession:
    """A session-like object on ``path`` for the device/precision of ``choice`` (default: CPU fp32)."""
    runner = OnnxRunner(
        path, choice or cpu_choice(), extra_outputs=extra_outputs, cache_dir=cache_dir, threads=threads
    )
    return RunnerSession(runner)


def _info(node: ort.NodeArg) -> TensorInfo:
    return TensorInfo(name=node.name, shape=tuple(node.shape or ()), type=node.type)
