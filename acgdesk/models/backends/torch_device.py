"""PyTorch devices: what this machine offers, and putting a module on the chosen one."""

from __future__ import annotations

import contextlib
import logging
import warnings
from dataclasses import dataclass

import numpy as np
import torch

from acgdesk.models.devices import DeviceChoice

log = logging.getLogger(__name__)

_DTYPES = {"fp32": torch.float32, "fp16": torch.float16, "int8": torch.float32}


@dataclass(frozen=True)
class TorchDevice:
    """One device PyTorch can use: ``name`` is what ``torch.device`` takes ("cuda:0", "mps", "cpu")."""

    name: str
    kind: str  # "cuda" | "mps" | "cpu"
    label: str
    memory_bytes: int | None = None
    capability: str | None = None  # CUDA compute capability, e.g. "8.9"

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kind": self.kind,
            "label": self.label,
            "memory_bytes": self.memory_bytes,
            "capability": self.capability,
        }


def version() -> str:
    return str(torch.__version__)


def cuda_build() -> str | None:
    """The CUDA version this PyTorch was built for (None for a CPU-only build)."""
    return torch.version.cuda


def mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def available_devices() -> list[TorchDevice]:
    """GPUs first (each CUDA device with its name and memory, then Apple's mps), CPU last."""
    devices: list[TorchDevice] = []
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            props = torch.cuda.get_device_properties(i)
            devices.append(
                TorchDevice(
                    name=f"cuda:{i}",
                    kind="cuda",
                    label=str(props.name),
                    memory_bytes=int(props.total_memory),
                    capability=f"{props.major}.{props.minor}",
                )
            )
    if mps_available():
        devices.append(TorchDevice(name="mps", kind="mps", label="Apple GPU (Metal)"))
    devices.append(TorchDevice(name="cpu", kind="cpu", label=f"CPU ({torch.get_num_threads()} threads)"))
    return devices


def device_names() -> list[str]:
    """Names for :func:`acgdesk.models.devices.choose_torch`."""
    return [d.name for d in available_devices()]


def dtype_of(choice: DeviceChoice) -> torch.dtype:
    """The floating dtype inputs are given in (int8 models take float32 inputs)."""
    return _DTYPES[choice.precision]


def prepare_module(module: torch.nn.Module, choice: DeviceChoice) -> torch.nn.Module:
    """``module`` in eval mode on the chosen device and dtype: fp16 halves the weights (GPU only);
    int8 (CPU only) replaces Linear layers with dynamically quantised ones."""
    module = module.eval()
    if choice.precision == "int8":
        if choice.device != "cpu":
            raise ValueError("int8 dynamic quantisation runs only on the CPU")
        with warnings.catch_warnings():  # torch marks eager quantisation as deprecated; it still works
            warnings.simplefilter("ignore")
            return torch.ao.quantization.quantize_dynamic(module, {torch.nn.Linear}, dtype=torch.qint8)
    if choice.precision == "fp16" and choice.device == "cpu":
        raise ValueError("fp16 runs only on a GPU")
    return module.to(device=torch.device(choice.device), dtype=_DTYPES[choice.precision])


def to_tensor(array: np.ndarray, choice: DeviceChoice) -> torch.Tensor:
    """A numpy batch as a tensor on the chosen device and dtype."""
    tensor = torch.from_numpy(np.ascontiguousarray(array))
    return tensor.to(device=torch.device(choice.device), dtype=dtype_of(choice), non_blocking=True)


def empty_cache(choice: DeviceChoice | None = None) -> None:
    """Give cached GPU memory back (after an out-of-memory error or a release)."""
    kind = choice.device.partition(":")[0] if choice is not None else None
    if kind in (None, "cuda") and torch.cuda.is_available():
        torch.cuda.empty_cache()
    if kind in (None, "mps") and mps_available():
        with contextlib.suppress(Exception):
            torch.mps.empty_cache()


def inference_mode() -> contextlib.AbstractContextManager[None]:
    return torch.inference_mode()
