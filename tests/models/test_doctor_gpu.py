"""``acgdesk models doctor`` says whether CUDA is usable and what to fix; the GPU set-up command.

No GPU here: the real report is checked on this CPU build, and :func:`gpu_section` is played on
other machines through its inputs. ``packaging/setup.sh`` is run with ACGDESK_DRY_RUN=1, which prints
the pip commands instead of running them.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from acgdesk.models.doctor import GPU_SETUP, doctor_report, format_report, gpu_section

REPO = Path(__file__).resolve().parents[2]
ORT_CPU = {"installed": True, "version": "1.32.0", "providers": ["CPUExecutionProvider"]}
ORT_CUDA = {
    "installed": True,
    "version": "1.32.0",
    "providers": ["CUDAExecutionProvider", "CPUExecutionProvider"],
}
TORCH_CPU = {"installed": True, "version": "2.13.0+cpu", "cuda_build": None, "cuda": False}
TORCH_CUDA = {"installed": True, "version": "2.13.0+cu128", "cuda_build": "12.8", "cuda": True}


def no_dist(name: str) -> None:
    return None


def test_this_cpu_build_says_cuda_is_not_available_and_how_to_get_it():
    report = doctor_report()
    json.dumps(report)
    gpu = report["gpu"]
    if gpu["cuda_ready"]:  # pragma: no cover - a CUDA machine
        pytest.skip("this machine has CUDA")
    assert gpu["fixes"]
    text = format_report(report)
    assert "CUDA: not available" in text
    assert GPU_SETUP in text
    if not report["torch"]["cuda_build"]:
        assert "CPU build" in text and "download.pytorch.org/whl/cu128" in text


def test_cpu_packages_get_both_fixes():
    gpu = gpu_section(ORT_CPU, TORCH_CPU, driver=True, distribution=no_dist)
    assert not gpu["cuda_ready"] and not gpu["torch_cuda"] and not gpu["onnxruntime_cuda"]
    assert len(gpu["fixes"]) == 2
    assert "CPU build" in gpu["fixes"][0] and GPU_SETUP in gpu["fixes"][0]
    assert "onnxruntime-gpu" in gpu["fixes"][1]


def test_no_driver_is_said_first():
    gpu = gpu_section(ORT_CPU, TORCH_CPU, driver=False, distribution=no_dist)
    assert "NVIDIA driver" in gpu["fixes"][0]


def test_a_cuda_torch_that_sees_no_gpu_points_at_the_driver():
    torch_info = dict(TORCH_CUDA, cuda=False)
    gpu = gpu_section(ORT_CUDA, torch_info, driver=True, distribution=lambda n: "1.32.0")
    (fix,) = gpu["fixes"]
    assert "CUDA 12.8 but sees no GPU" in fix and "nvidia-smi" in fix


def test_both_packages_installed_side_by_side_is_explained():
    gpu = gpu_section(ORT_CPU, TORCH_CUDA, driver=True, distribution=lambda n: "1.32.0")
    (fix,) = gpu["fixes"]
    assert "onnxruntime-gpu 1.32.0 is installed but lists no CUDA provider" in fix


def test_a_ready_machine_has_nothing_to_fix():
    gpu = gpu_section(ORT_CUDA, TORCH_CUDA, driver=True, distribution=lambda n: "1.32.0")
    assert gpu["cuda_ready"] and gpu["fixes"] == []
    text = format_report(
        {"onnxruntime": ORT_CUDA, "torch": dict(TORCH_CUDA, mps=False, devices=[]), "gpu": gpu, "models": []}
    )
    assert "CUDA: available to PyTorch and to onnxruntime" in text


def test_missing_runtimes_say_to_run_the_setup():
    gpu = gpu_section({"installed": False}, {"installed": False}, driver=True, distribution=no_dist)
    assert all(GPU_SETUP in fix for fix in gpu["fixes"]) and len(gpu["fixes"]) == 2


# -- packaging/setup.sh ----------------------------------------------------------------------------


def dry_run(**env: str) -> list[str]:
    full = {**os.environ, "ACGDESK_DRY_RUN": "1", **env}
    full.pop("ACGDESK_TORCH", None)
    out = subprocess.run(
        ["bash", str(REPO / "packaging" / "setup.sh"), "run", "models", "doctor"],
        capture_output=True,
        text=True,
        env=full,
        timeout=60,
        check=True,
    )
    return out.stdout.splitlines()


def test_setup_gpu_branch_installs_cuda_torch_and_onnxruntime_gpu():
    lines = dry_run(ACGDESK_GPU="cuda")
    torch_line = next(line for line in lines if " torch==" in line)
    assert "torch==2.13.0 --index-url https://download.pytorch.org/whl/cu128" in torch_line
    uninstall = next(i for i, line in enumerate(lines) if "uninstall -y -q onnxruntime" in line)
    assert "install -q onnxruntime-gpu" in lines[uninstall + 1]
    assert uninstall > next(i for i, line in enumerate(lines) if "-e ." in line)  # after the project
    assert lines[-1].endswith("acgdesk models doctor")


def test_setup_default_stays_cpu():
    lines = dry_run()
    assert any(line.endswith("install -q torch==2.13.0") for line in lines)
    assert not any("onnxruntime-gpu" in line or "index-url" in line for line in lines)


def test_setup_picks_another_cuda_index_and_refuses_unknown_gpus():
    lines = dry_run(ACGDESK_GPU="cuda", ACGDESK_CUDA="cu126")
    assert any("whl/cu126" in line for line in lines)
    bad = subprocess.run(
        ["bash", str(REPO / "packaging" / "setup.sh"), "run"],
        capture_output=True,
        text=True,
        env={**os.environ, "ACGDESK_DRY_RUN": "1", "ACGDESK_GPU": "rocm"},
        timeout=60,
    )
    assert bad.returncode == 2 and "ACGDESK_GPU must be cpu or cuda" in bad.stderr
