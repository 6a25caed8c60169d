"""``acgdesk doctor``'s model section: which runtimes are installed, which GPUs they see, and for
every catalogue entry which backend, device and provider it will run on, and why.

The runtimes are imported inside the functions (through ``acgdesk.models.backends``), so importing
this module costs nothing; a runtime that is missing or broken is reported, never raised.
"""

from __future__ import annotations

import dataclasses
import enum
import importlib.metadata
import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from acgdesk.models.devices import RuntimePrefs, choose_for_spec
from acgdesk.models.spec import ModelSpec


def _onnxruntime_section() -> dict[str, Any]:
    try:
        from acgdesk.models.backends import onnx as onnx_backend
    except Exception as exc:  # ImportError, or a broken binary wheel
        return {"installed": False, "version": None, "providers": [], "error": f"{type(exc).__name__}: {exc}"}
    providers = onnx_backend.available_providers()
    return {
        "installed": True,
        "version": onnx_backend.version(),
        "providers": providers,
        "gpu": any(p != "CPUExecutionProvider" and p != "AzureExecutionProvider" for p in providers),
        "error": None,
    }


def _torch_section() -> dict[str, Any]:
    try:
        from acgdesk.models.backends import torch_device
    except Exception as exc:
        return {
            "installed": False,
            "version": None,
            "cuda": False,
            "mps": False,
            "devices": [],
            "gpus": [],
            "error": f"{type(exc).__name__}: {exc}",
        }
    devices = torch_device.available_devices()
    return {
        "installed": True,
        "version": torch_device.version(),
        "cuda_build": torch_device.cuda_build(),
        "cuda": any(d.kind == "cuda" for d in devices),
        "mps": any(d.kind == "mps" for d in devices),
        "devices": [d.as_dict() for d in devices],
        "gpus": [d.label for d in devices if d.kind != "cpu"],
        "error": None,
    }


GPU_SETUP = "ACGDESK_GPU=cuda ./packaging/setup.sh install"
CUDA_INDEX = "https://download.pytorch.org/whl/cu128"
CUDA_PROVIDER = "CUDAExecutionProvider"


def _distribution(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _nvidia_driver() -> bool:
    return Path("/proc/driver/nvidia/version").exists() or shutil.which("nvidia-smi") is not None


def gpu_section(
    ort_info: Mapping[str, Any],
    torch_info: Mapping[str, Any],
    *,
    driver: bool | None = None,
    distribution: Callable[[str], str | None] = _distribution,
) -> dict[str, Any]:
    """Whether CUDA is usable by PyTorch and by onnxruntime, and for each what to do when it is not.

    ``driver``: whether an NVIDIA driver is present (default: looked up); ``distribution`` gives the
    installed version of a PyPI distribution (default: importlib.metadata), so tests can play any
    machine. ``fixes`` is empty when both runtimes can use CUDA.
    """
    driver = _nvidia_driver() if driver is None else driver
    ort_gpu_dist = distribution("onnxruntime-gpu")
    ort_cuda = CUDA_PROVIDER in (ort_info.get("providers") or [])
    torch_cuda = bool(torch_info.get("cuda"))
    fixes: list[str] = []
    if not driver and not (torch_cuda or ort_cuda):
        fixes.append("no NVIDIA driver found (nvidia-smi): install the NVIDIA driver first to use a GPU")
    if not torch_info.get("installed"):
        fixes.append(f"PyTorch is not installed: run {GPU_SETUP}")
    elif not torch_info.get("cuda_build"):
        fixes.append(
            f"PyTorch {torch_info.get('version')} is the CPU build: run {GPU_SETUP} "
            f"(or pip install torch==2.13.0 --index-url {CUDA_INDEX})"
        )
    elif not torch_cuda:
        fixes.append(
            f"PyTorch is built for CUDA {torch_info['cuda_build']} but sees no GPU: check that nvidia-smi "
            f"works and that the driver supports CUDA {torch_info['cuda_build']}"
        )
    if not ort_info.get("installed"):
        fixes.append(f"onnxruntime is not usable: run {GPU_SETUP}")
    elif not ort_cuda:
        if ort_gpu_dist is None:
            fixes.append(
                f"onnxruntime {ort_info.get('version')} has no CUDA provider: run {GPU_SETUP} "
                "(or pip uninstall onnxruntime; pip install onnxruntime-gpu)"
            )
        else:
            fixes.append(
                f"onnxruntime-gpu {ort_gpu_dist} is installed but lists no CUDA provider: the plain "
                "onnxruntime package is probably installed beside it; pip uninstall onnxruntime "
                "onnxruntime-gpu, then pip install onnxruntime-gpu"
            )
    return {
        "nvidia_driver": driver,
        "torch_cuda": torch_cuda,
        "torch_cuda_build": torch_info.get("cuda_build"),
        "onnxruntime_cuda": ort_cuda,
        "onnxruntime_gpu_package": ort_gpu_dist,
        "cuda_ready": torch_cuda and ort_cuda,
        "fixes": fixes,
    }


def _jsonable(value: Any) -> Any:
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return _jsonable(to_dict())
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _installed(status: Any) -> bool | None:
    """Best reading of "is it installed" from whatever ``store.status`` returns."""
    if isinstance(status, bool):
        return status
    for attr in ("installed", "is_installed", "ok"):
        flag = status.get(attr) if isinstance(status, Mapping) else getattr(status, attr, None)
        if isinstance(flag, bool):
            return flag
    text = str(getattr(status, "value", status)).lower()
    if text in ("installed", "ok", "ready", "available"):
        return True
    if text in ("missing", "absent", "not_installed", "not installed", "partial", "corrupt"):
        return False
    return None


def _specs(catalogue: Mapping[str, ModelSpec] | Iterable[ModelSpec]) -> list[ModelSpec]:
    if isinstance(catalogue, Mapping):
        return list(catalogue.values())
    return list(catalogue)


def doctor_report(
    catalogue: Mapping[str, ModelSpec] | Iterable[ModelSpec] | None = None,
    store: Any = None,
    prefs: RuntimePrefs | None = None,
) -> dict[str, Any]:
    """A JSON-ready description of the model runtimes and of where each model would run.

    ``catalogue`` defaults to :data:`acgdesk.models.catalogue.CATALOGUE`; ``store`` is anything
    with ``status(spec)`` (the model store), used only when given to add each model's installed
    state; ``prefs`` are the user's runtime preferences (default: auto).
    """
    if catalogue is None:
        from acgdesk.models.catalogue import CATALOGUE

        catalogue = CATALOGUE
    prefs = prefs or RuntimePrefs()
    ort_info = _onnxruntime_section()
    torch_info = _torch_section()
    torch_devices = [d["name"] for d in torch_info["devices"]] or ["cpu"]

    models: list[dict[str, Any]] = []
    for spec in _specs(catalogue):
        choice = choose_for_spec(
            spec,
            prefs,
            onnx_providers=ort_info["providers"],
            torch_devices=torch_devices,
            torch_version=torch_info["version"],
        )
        if spec.runtime.value == "torch" and not torch_info["installed"]:
            choice = dataclasses.replace(
                choice, reason="PyTorch is not installed (see README: pip install torch)", fell_back=True
            )
        entry: dict[str, Any] = {
            "id": spec.id,
            "key": spec.key,
            "name": spec.name,
            "family": spec.family,
            "task": spec.task.value,
            "runtime": spec.runtime.value,
            **choice.as_dict(),
        }
        if store is not None:
            try:
                status = store.status(spec)
            except Exception as exc:
                entry["installed"] = None
                entry["status"] = f"error: {type(exc).__name__}: {exc}"
            else:
                entry["installed"] = _installed(status)
                entry["status"] = _jsonable(status)
        models.append(entry)

    return {
        "prefs": dataclasses.asdict(prefs),
        "onnxruntime": ort_info,
        "torch": torch_info,
        "gpu": gpu_section(ort_info, torch_info),
        "models": models,
    }


def format_report(report: Mapping[str, Any]) -> str:
    """The report as aligned text for a terminal."""
    lines: list[str] = []
    ort_info = report["onnxruntime"]
    if ort_info["installed"]:
        lines.append(f"onnxruntime {ort_info['version']}: providers {', '.join(ort_info['providers'])}")
    else:
        lines.append(f"onnxruntime: not usable ({ort_info['error']})")
    t = report["torch"]
    if t["installed"]:
        gpu = f"cuda {'yes' if t['cuda'] else 'no'}, mps {'yes' if t['mps'] else 'no'}"
        build = f" (CUDA {t['cuda_build']} build)" if t.get("cuda_build") else " (CPU-only build)"
        lines.append(f"torch {t['version']}{build}: {gpu}")
        for d in t["devices"]:
            if d["kind"] == "cpu":
                continue
            mem = f", {d['memory_bytes'] / 2**30:.1f} GiB" if d.get("memory_bytes") else ""
            lines.append(f"  {d['name']}: {d['label']}{mem}")
    else:
        lines.append(f"torch: not usable ({t['error']})")
    gpu = report.get("gpu")
    if gpu:
        if gpu["cuda_ready"]:
            lines.append("CUDA: available to PyTorch and to onnxruntime")
        else:
            torch_state = "yes" if gpu["torch_cuda"] else "no"
            ort_state = "yes" if gpu["onnxruntime_cuda"] else "no"
            lines.append(f"CUDA: not available (PyTorch: {torch_state}, onnxruntime: {ort_state}); to fix:")
            lines.extend(f"  - {fix}" for fix in gpu["fixes"])
    prefs = report.get("prefs") or {}
    if prefs:
        lines.append(f"preferences: device {prefs['device']}, precision {prefs['precision']}")
    lines.append("")
    models = report["models"]
    show_installed = any("installed" in m for m in models)
    width = max((len(m["id"]) for m in models), default=10)
    for m in models:
        where = m["device"] + (f" [{m['provider']}]" if m.get("provider") else "")
        state = ""
        if show_installed:
            state = {True: "installed  ", False: "missing    ", None: "?          "}[m.get("installed")]
        flag = "!" if m.get("fell_back") else " "
        head = f"{flag} {m['id']:<{width}}  {state}{m['backend']:<5} {where:<28} {m['precision']:<4}"
        lines.append(f"{head}  {m['reason']}")
    if any(m.get("fell_back") for m in models):
        lines.append("")
        lines.append("! = the requested device or precision cannot be used; the reason says what to install")
    return "\n".join(lines)
