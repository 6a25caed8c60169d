"""Which device, execution provider and precision a model runs with, and why.

Pure decisions: the caller passes what the backends report as available (onnxruntime's provider
names, PyTorch's device kinds) and gets a :class:`DeviceChoice` whose ``reason`` says in words why
this device was chosen, and what to install when a requested GPU cannot be used. The most common
complaint about other taggers is a GPU silently left unused; every fallback here says so.

This module imports neither torch nor onnxruntime (``acgdesk.models.backends`` does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from acgdesk.models.spec import ModelSpec, Runtime

DEVICES = ("auto", "cpu", "cuda", "directml", "coreml", "mps")
PRECISIONS = ("auto", "fp32", "fp16", "int8")

CPU_PROVIDER = "CPUExecutionProvider"
CUDA_PROVIDER = "CUDAExecutionProvider"
DML_PROVIDER = "DmlExecutionProvider"
COREML_PROVIDER = "CoreMLExecutionProvider"

# device -> (onnxruntime provider, what to do when it is missing)
_ORT_PROVIDERS: dict[str, tuple[str, str]] = {
    "cuda": (CUDA_PROVIDER, "onnxruntime-gpu is not installed (pip install onnxruntime-gpu)"),
    "directml": (
        DML_PROVIDER,
        "onnxruntime-directml is not installed (pip install onnxruntime-directml; Windows only)",
    ),
    "coreml": (COREML_PROVIDER, "CoreMLExecutionProvider is not available (onnxruntime ships it on macOS)"),
}
# What "auto" tries for onnxruntime, best first. CoreML is only used when asked for: its partial
# operator coverage makes large ViTs slower or less exact than the CPU provider on some Macs.
_ORT_AUTO = ("cuda", "directml")
# Where precision "auto" means fp16 for onnxruntime: CUDA has fp16 kernels for every op the
# catalogue's models use. DirectML and CoreML stay fp32 unless fp16 is asked for.
_ORT_FP16_AUTO = ("cuda",)


@dataclass(frozen=True)
class RuntimePrefs:
    """What the user asked for. ``device``: auto|cpu|cuda|cuda:N|directml|coreml|mps;
    ``precision``: auto|fp32|fp16|int8; a loaded model is released after ``idle_seconds`` unused;
    ``max_batch`` images go through a model at once (halved automatically on out-of-memory)."""

    device: str = "auto"
    precision: str = "auto"
    idle_seconds: float = 300.0
    max_batch: int = 32

    def __post_init__(self) -> None:
        base, index = _split_device(self.device)
        if base not in DEVICES or (index is not None and base != "cuda"):
            raise ValueError(f"unknown device {self.device!r}; choose one of {', '.join(DEVICES)} or cuda:N")
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}; choose one of {', '.join(PRECISIONS)}")
        if self.max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        if self.idle_seconds < 0:
            raise ValueError("idle_seconds must not be negative")


@dataclass(frozen=True)
class DeviceChoice:
    """Where one model runs. ``device`` is a PyTorch device string for torch ("cuda:0", "mps",
    "cpu") and a device kind for onnxruntime ("cuda", "directml", "coreml", "cpu"); ``provider`` is
    the onnxruntime provider (None for torch); ``providers`` the full provider list handed to
    onnxruntime, best first, always ending with the CPU provider; ``fell_back`` is True when the
    requested device or precision could not be honoured (``reason`` says why)."""

    backend: str  # "onnx" | "torch" | "ncnn" | "none"
    device: str
    provider: str | None
    precision: str  # "fp32" | "fp16" | "int8"
    reason: str
    providers: tuple[str, ...] = field(default=())
    device_id: int = 0
    fell_back: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "backend": self.backend,
            "device": self.device,
            "provider": self.provider,
            "providers": list(self.providers),
            "precision": self.precision,
            "reason": self.reason,
            "fell_back": self.fell_back,
        }


def _split_device(device: str) -> tuple[str, int | None]:
    base, sep, index = device.partition(":")
    if not sep:
        return base, None
    if not index.isdigit():
        return device, None  # rejected by the caller as unknown
    return base, int(index)


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def choose_onnx(prefs: RuntimePrefs, available_providers: Sequence[str]) -> DeviceChoice:
    """The onnxruntime provider list and precision for ``prefs`` given the providers this
    onnxruntime build offers (``onnxruntime.get_available_providers()``).

    fp16 runs on GPU providers from a converted copy of the model (made once, see
    ``backends.onnx.float16_copy``) and is what "auto" picks on CUDA; on the CPU it is refused (no
    fast fp16 kernels there). int8 (dynamic quantisation) runs only on the CPU provider.
    """
    available = set(available_providers)
    base, index = _split_device(prefs.device)
    device_id = index or 0
    notes: list[str] = []
    fell_back = False

    if base == "mps":
        base = "coreml"
        notes.append("mps is a PyTorch device; onnxruntime uses CoreMLExecutionProvider on Macs")

    if base == "auto":
        picked = next((d for d in _ORT_AUTO if _ORT_PROVIDERS[d][0] in available), "cpu")
        if picked == "cpu":
            why = "no GPU provider in this onnxruntime build"
            if "CUDAExecutionProvider" not in available:
                why += " (for an NVIDIA GPU: pip install onnxruntime-gpu)"
            if COREML_PROVIDER in available:
                why += "; CoreML is available but used only when device='coreml'"
            notes.append(why)
        else:
            notes.append(f"auto: {_ORT_PROVIDERS[picked][0]} is available")
    elif base == "cpu":
        picked = "cpu"
        notes.append("CPU requested")
    else:
        provider, hint = _ORT_PROVIDERS[base]
        if provider in available:
            picked = base
            notes.append(f"{base} requested and {provider} is available")
        else:
            picked = "cpu"
            fell_back = True
            notes.append(f"{base} requested but {hint}; running on CPU")

    precision = prefs.precision
    if precision == "auto":
        precision = "fp16" if picked in _ORT_FP16_AUTO else "fp32"
        if precision == "fp16":
            notes.append("precision auto: fp16 (a converted copy of the model)")
    elif precision == "fp16" and picked == "cpu":
        fell_back = True
        precision = "fp32"
        notes.append("fp16 runs only on a GPU; using fp32")
    elif precision == "fp16":
        notes.append("fp16: a converted copy of the model")
    elif precision == "int8" and picked != "cpu":
        fell_back = True
        precision = "fp32"
        notes.append(f"int8 (dynamic quantisation) runs only on the CPU; using fp32 on {picked}")
    elif precision == "int8":
        notes.append("int8: dynamically quantised copy of the model")

    provider = CPU_PROVIDER if picked == "cpu" else _ORT_PROVIDERS[picked][0]
    providers = (provider,) if provider == CPU_PROVIDER else (provider, CPU_PROVIDER)
    return DeviceChoice(
        backend="onnx",
        device=picked,
        provider=provider,
        precision=precision,
        reason=_join(*notes),
        providers=providers,
        device_id=device_id if picked == "cuda" else 0,
        fell_back=fell_back,
    )


def choose_torch(
    prefs: RuntimePrefs, devices: Sequence[str], *, torch_version: str | None = None
) -> DeviceChoice:
    """The PyTorch device and precision for ``prefs`` given the device kinds PyTorch sees
    (``"cuda"``/``"cuda:N"``, ``"mps"``, ``"cpu"``). ``torch_version`` (e.g. "2.13.0+cpu") lets
    the reason name a CPU-only build as the cause of a missing GPU."""
    kinds = {_split_device(d)[0] for d in devices} | {"cpu"}
    cuda_ids = sorted({_split_device(d)[1] or 0 for d in devices if d.startswith("cuda")})
    base, index = _split_device(prefs.device)
    notes: list[str] = []
    fell_back = False
    cpu_build = bool(torch_version and torch_version.endswith("+cpu"))

    def no_cuda_hint() -> str:
        if cpu_build:
            return (
                f"this PyTorch is a CPU-only build ({torch_version}); install a CUDA wheel "
                "(see README, GPU section)"
            )
        return "PyTorch sees no CUDA GPU (driver missing or CUDA_VISIBLE_DEVICES empty?)"

    if base == "auto":
        if "cuda" in kinds:
            picked, notes_item = "cuda", "auto: CUDA GPU available"
        elif "mps" in kinds:
            picked, notes_item = "mps", "auto: Apple GPU (mps) available"
        else:
            picked, notes_item = "cpu", "no GPU visible to PyTorch"
            if cpu_build:
                notes_item += f" ({torch_version} is a CPU-only build)"
        notes.append(notes_item)
    elif base == "cpu":
        picked = "cpu"
        notes.append("CPU requested")
    elif base == "cuda":
        if "cuda" in kinds and (index is None or index in cuda_ids):
            picked = "cuda"
            notes.append("cuda requested and available")
        else:
            picked = "cpu"
            fell_back = True
            if "cuda" in kinds:
                notes.append(f"cuda:{index} requested but PyTorch sees only {cuda_ids}; running on CPU")
            else:
                notes.append(f"cuda requested but {no_cuda_hint()}; running on CPU")
    elif base == "mps":
        if "mps" in kinds:
            picked = "mps"
            notes.append("mps requested and available")
        else:
            picked = "cpu"
            fell_back = True
            notes.append("mps requested but PyTorch sees no MPS device (Apple silicon only); running on CPU")
    else:  # directml / coreml: onnxruntime providers
        picked = "cuda" if "cuda" in kinds else ("mps" if "mps" in kinds else "cpu")
        fell_back = True
        notes.append(f"{base} is an onnxruntime provider; this PyTorch model runs on {picked}")

    device = picked
    if picked == "cuda":
        device = f"cuda:{index if index is not None else (cuda_ids[0] if cuda_ids else 0)}"

    precision = prefs.precision
    if precision == "auto":
        precision = "fp16" if picked == "cuda" else "fp32"
        notes.append(f"precision auto: {precision}")
    elif precision == "fp16" and picked == "cpu":
        fell_back = True
        precision = "fp32"
        notes.append("fp16 runs only on a GPU; using fp32")
    elif precision == "int8" and picked != "cpu":
        fell_back = True
        precision = "fp16" if picked == "cuda" else "fp32"
        notes.append(f"int8 (dynamic quantisation) runs only on the CPU; using {precision} on {picked}")
    elif precision == "int8":
        notes.append("int8: linear layers dynamically quantised")

    return DeviceChoice(
        backend="torch",
        device=device,
        provider=None,
        precision=precision,
        reason=_join(*notes),
        device_id=int(device.partition(":")[2] or 0),
        fell_back=fell_back,
    )


def choose_for_spec(
    spec: ModelSpec,
    prefs: RuntimePrefs,
    *,
    onnx_providers: Sequence[str] = (),
    torch_devices: Sequence[str] = ("cpu",),
    torch_version: str | None = None,
) -> DeviceChoice:
    """The choice for one catalogue entry, dispatched on its runtime."""
    if spec.runtime is Runtime.ONNX:
        if not onnx_providers:
            missing = "onnxruntime is not installed (pip install onnxruntime)"
            return DeviceChoice("onnx", "cpu", None, "fp32", missing, fell_back=True)
        return choose_onnx(prefs, onnx_providers)
    if spec.runtime is Runtime.TORCH:
        return choose_torch(prefs, torch_devices, torch_version=torch_version)
    if spec.runtime is Runtime.NCNN:
        return DeviceChoice(
            "ncnn", "cpu", None, "fp32", "ncnn runs on the CPU unless its family selects a Vulkan GPU"
        )
    return DeviceChoice("none", "cpu", None, "fp32", "computed without a neural network")
