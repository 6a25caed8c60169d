"""Device decisions, the onnxruntime runner, adaptive batches, torch devices and the doctor report."""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import onnx
import pytest
import torch

from acgdesk.models import catalogue
from acgdesk.models.backends import BatchSizer, is_out_of_memory, torch_device
from acgdesk.models.backends import onnx as onnx_backend
from acgdesk.models.backends.onnx import OnnxRunner, float16_copy, quantized_int8, with_extra_outputs
from acgdesk.models.devices import (
    CPU_PROVIDER,
    CUDA_PROVIDER,
    DML_PROVIDER,
    DeviceChoice,
    RuntimePrefs,
    choose_for_spec,
    choose_onnx,
    choose_torch,
)
from acgdesk.models.doctor import doctor_report, format_report
from tests.models.conftest import export

CPU_ONLY = ["AzureExecutionProvider", CPU_PROVIDER]
WITH_CUDA = ["TensorrtExecutionProvider", CUDA_PROVIDER, CPU_PROVIDER]

# -- devices: pure decisions -----------------------------------------------------------------------


def test_cuda_requested_without_onnxruntime_gpu_falls_back_to_cpu_and_says_why():
    c = choose_onnx(RuntimePrefs(device="cuda"), CPU_ONLY)
    assert (c.backend, c.device, c.provider, c.precision) == ("onnx", "cpu", CPU_PROVIDER, "fp32")
    assert c.fell_back
    assert "onnxruntime-gpu is not installed (pip install onnxruntime-gpu)" in c.reason
    assert c.providers == (CPU_PROVIDER,)


def test_cuda_available_is_used_with_cpu_as_the_last_resort():
    c = choose_onnx(RuntimePrefs(device="cuda:1"), WITH_CUDA)
    assert (c.device, c.provider, c.device_id, c.fell_back) == ("cuda", CUDA_PROVIDER, 1, False)
    assert c.providers == (CUDA_PROVIDER, CPU_PROVIDER)
    auto = choose_onnx(RuntimePrefs(), WITH_CUDA)
    assert auto.provider == CUDA_PROVIDER and "auto" in auto.reason


def test_auto_without_gpu_provider_says_how_to_get_one():
    c = choose_onnx(RuntimePrefs(), CPU_ONLY)
    assert c.device == "cpu" and not c.fell_back
    assert "pip install onnxruntime-gpu" in c.reason


def test_directml_and_coreml():
    dml = choose_onnx(RuntimePrefs(device="directml"), ["DmlExecutionProvider", CPU_PROVIDER])
    assert dml.provider == DML_PROVIDER and not dml.fell_back
    missing = choose_onnx(RuntimePrefs(device="directml"), CPU_ONLY)
    assert missing.device == "cpu" and "onnxruntime-directml" in missing.reason
    mac = ["CoreMLExecutionProvider", CPU_PROVIDER]
    assert choose_onnx(RuntimePrefs(device="coreml"), mac).provider == "CoreMLExecutionProvider"
    assert choose_onnx(RuntimePrefs(device="mps"), mac).provider == "CoreMLExecutionProvider"
    auto = choose_onnx(RuntimePrefs(), mac)  # CoreML is opt-in, and the reason says so
    assert auto.provider == CPU_PROVIDER and "coreml" in auto.reason.lower()


def test_precision_rules_for_onnx():
    int8_cpu = choose_onnx(RuntimePrefs(device="cpu", precision="int8"), CPU_ONLY)
    assert int8_cpu.precision == "int8" and not int8_cpu.fell_back
    int8_gpu = choose_onnx(RuntimePrefs(device="cuda", precision="int8"), WITH_CUDA)
    assert int8_gpu.precision == "fp32" and int8_gpu.device == "cuda"
    assert int8_gpu.fell_back and "only on the CPU" in int8_gpu.reason
    fp16_cpu = choose_onnx(RuntimePrefs(device="cpu", precision="fp16"), CPU_ONLY)
    assert fp16_cpu.precision == "fp32" and "only on a GPU" in fp16_cpu.reason
    auto_cuda = choose_onnx(RuntimePrefs(precision="auto"), WITH_CUDA)
    assert (auto_cuda.device, auto_cuda.precision, auto_cuda.fell_back) == ("cuda", "fp16", False)
    fp16_cuda = choose_onnx(RuntimePrefs(device="cuda", precision="fp16"), WITH_CUDA)
    assert fp16_cuda.precision == "fp16" and not fp16_cuda.fell_back
    dml = ["DmlExecutionProvider", CPU_PROVIDER]
    assert choose_onnx(RuntimePrefs(precision="auto"), dml).precision == "fp32"  # fp16 only when asked
    assert choose_onnx(RuntimePrefs(device="directml", precision="fp16"), dml).precision == "fp16"
    assert choose_onnx(RuntimePrefs(precision="auto"), CPU_ONLY).precision == "fp32"


def test_torch_choices():
    gpu = choose_torch(RuntimePrefs(), ["cuda:0", "cuda:1", "cpu"], torch_version="2.13.0+cu128")
    assert (gpu.backend, gpu.device, gpu.precision, gpu.provider) == ("torch", "cuda:0", "fp16", None)
    second = choose_torch(RuntimePrefs(device="cuda:1", precision="fp32"), ["cuda:0", "cuda:1", "cpu"])
    assert (second.device, second.precision, second.device_id) == ("cuda:1", "fp32", 1)
    mac = choose_torch(RuntimePrefs(), ["mps", "cpu"])
    assert (mac.device, mac.precision) == ("mps", "fp32")
    cpu_build = choose_torch(RuntimePrefs(device="cuda"), ["cpu"], torch_version="2.13.0+cpu")
    assert cpu_build.device == "cpu" and cpu_build.fell_back
    assert "CPU-only build" in cpu_build.reason and "2.13.0+cpu" in cpu_build.reason
    no_driver = choose_torch(RuntimePrefs(device="cuda"), ["cpu"], torch_version="2.13.0+cu128")
    assert "sees no CUDA GPU" in no_driver.reason
    fp16_cpu = choose_torch(RuntimePrefs(device="cpu", precision="fp16"), ["cpu"])
    assert fp16_cpu.precision == "fp32" and fp16_cpu.fell_back
    int8_gpu = choose_torch(RuntimePrefs(precision="int8"), ["cuda:0", "cpu"])
    assert int8_gpu.device == "cuda:0" and int8_gpu.precision == "fp16" and int8_gpu.fell_back
    int8_cpu = choose_torch(RuntimePrefs(device="cpu", precision="int8"), ["cuda:0", "cpu"])
    assert (int8_cpu.device, int8_cpu.precision, int8_cpu.fell_back) == ("cpu", "int8", False)
    dml = choose_torch(RuntimePrefs(device="directml"), ["cpu"])
    assert dml.device == "cpu" and "onnxruntime provider" in dml.reason


def test_choice_per_spec_runtime():
    prefs = RuntimePrefs()
    wd = choose_for_spec(catalogue.get("wd-vit-tagger-v3"), prefs, onnx_providers=CPU_ONLY)
    assert wd.backend == "onnx"
    joy = choose_for_spec(catalogue.get("joytag"), prefs, torch_devices=["cuda:0", "cpu"])
    assert joy.backend == "torch" and joy.device == "cuda:0"
    assert choose_for_spec(catalogue.get("realcugan"), prefs).backend == "ncnn"
    assert choose_for_spec(catalogue.get("technical-quality"), prefs).backend == "none"
    no_ort = choose_for_spec(catalogue.get("wd-vit-tagger-v3"), prefs, onnx_providers=[])
    assert no_ort.fell_back and "pip install onnxruntime" in no_ort.reason


@pytest.mark.parametrize(
    "kwargs", [{"device": "gpu"}, {"device": "mps:1"}, {"precision": "bf16"}, {"max_batch": 0}]
)
def test_prefs_are_validated(kwargs):
    with pytest.raises(ValueError):
        RuntimePrefs(**kwargs)


# -- adaptive batch size ---------------------------------------------------------------------------


class FakeOOM(RuntimeError):
    pass


def test_batch_sizer_halves_on_out_of_memory_and_keeps_order():
    calls: list[int] = []
    cleared: list[bool] = []

    def fn(chunk):
        calls.append(len(chunk))
        if len(chunk) > 3:
            raise FakeOOM("CUDA failure 2: out of memory ; GPU=0")
        return [x * 10 for x in chunk]

    sizer = BatchSizer(16, on_oom=lambda: cleared.append(True))
    assert sizer.run(list(range(10)), fn) == [x * 10 for x in range(10)]
    assert sizer.size == 2 and sizer.halvings == 3
    assert calls == [10, 8, 4, 2, 2, 2, 2, 2]
    assert len(cleared) == 3
    assert sizer.run([1, 2, 3], fn) == [10, 20, 30]  # the size that worked is kept


def test_batch_sizer_never_goes_below_one_and_passes_other_errors():
    def always_oom(chunk):
        raise RuntimeError("Failed to allocate memory for requested buffer of size 123")

    sizer = BatchSizer(4)
    with pytest.raises(RuntimeError, match="Failed to allocate"):
        sizer.run([1, 2, 3, 4], always_oom)
    assert sizer.size == 1

    def broken(chunk):
        raise ValueError("shape mismatch")

    sizer = BatchSizer(4)
    with pytest.raises(ValueError):
        sizer.run([1, 2], broken)
    assert sizer.size == 4


def test_out_of_memory_recognition():
    assert is_out_of_memory(torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2 GiB"))
    assert is_out_of_memory(RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Failed to allocate"))
    assert is_out_of_memory(RuntimeError("CUBLAS_STATUS_ALLOC_FAILED"))
    assert is_out_of_memory(MemoryError())
    assert not is_out_of_memory(RuntimeError("Invalid rank for input: input"))


# -- onnxruntime runner ----------------------------------------------------------------------------


class MLP(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        torch.manual_seed(1)
        self.fc1 = torch.nn.Linear(64, 128)
        self.fc2 = torch.nn.Linear(128, 10)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


@pytest.fixture(scope="module")
def mlp_onnx(tmp_path_factory) -> tuple[Path, MLP]:
    model = MLP().eval()
    path = export(model, torch.zeros(2, 64), tmp_path_factory.mktemp("mlp") / "mlp.onnx")
    return path, model


def cpu_choice(precision: str = "fp32") -> DeviceChoice:
    return choose_onnx(RuntimePrefs(device="cpu", precision=precision), onnx_backend.available_providers())


def hidden_tensor_name(path: Path) -> str:
    graph = onnx.load(str(path)).graph
    return next(node.output[0] for node in graph.node if node.op_type == "Relu")


def test_runner_is_lazy_and_releases_when_idle(mlp_onnx):
    path, model = mlp_onnx
    now = [100.0]
    runner = OnnxRunner(path, cpu_choice(), idle_seconds=30, clock=lambda: now[0])
    assert not runner.loaded and runner.loads == 0  # nothing happens at construction
    x = np.random.default_rng(0).normal(size=(3, 64)).astype(np.float32)
    (y,) = runner.run(x)
    assert runner.loaded and runner.loads == 1
    np.testing.assert_allclose(y, model(torch.from_numpy(x)).detach().numpy(), atol=1e-5)
    assert runner.active_providers == [CPU_PROVIDER]
    assert runner.inputs[0].name == "input" and runner.inputs[0].fixed_batch is None
    now[0] = 120.0
    assert not runner.release_if_idle()
    assert not runner.release_if_idle(now=129.9)
    assert runner.release_if_idle(now=130.0)
    assert not runner.loaded and not runner.release_if_idle(now=1e9)
    runner.run({"input": x})
    assert runner.loads == 2
    runner.close()
    assert not runner.loaded


def test_runner_session_options(mlp_onnx):
    runner = OnnxRunner(mlp_onnx[0], cpu_choice(), threads=3)
    options = runner._session_options()
    assert options.intra_op_num_threads == 3
    assert options.graph_optimization_level.name == "ORT_ENABLE_ALL"
    assert OnnxRunner(mlp_onnx[0], cpu_choice()).threads == onnx_backend.cpu_threads()


@pytest.mark.filterwarnings("ignore:Specified provider")
def test_runner_reports_a_gpu_provider_that_did_not_start(mlp_onnx):
    wanted = DeviceChoice(
        "onnx", "cuda", CUDA_PROVIDER, "fp32", "cuda requested", providers=(CUDA_PROVIDER, CPU_PROVIDER)
    )
    runner = OnnxRunner(mlp_onnx[0], wanted)
    runner.run(np.zeros((1, 64), np.float32))
    assert runner.choice.device == "cpu" and runner.choice.provider == CPU_PROVIDER
    assert runner.choice.fell_back and "failed to start" in runner.choice.reason


def test_extra_outputs_expose_an_intermediate_tensor(mlp_onnx, tmp_path):
    path, model = mlp_onnx
    name = hidden_tensor_name(path)
    runner = OnnxRunner(path, cpu_choice(), extra_outputs=[name], cache_dir=tmp_path)
    x = np.random.default_rng(1).normal(size=(4, 64)).astype(np.float32)
    y, hidden = runner.run(x)
    with torch.no_grad():
        want_hidden = torch.relu(model.fc1(torch.from_numpy(x))).numpy()
    np.testing.assert_allclose(hidden, want_hidden, atol=1e-5)
    assert hidden.shape == (4, 128) and y.shape == (4, 10)
    assert [o.name for o in runner.outputs] == ["output", name]
    (only_hidden,) = runner.run(x, output_names=[name])
    np.testing.assert_allclose(only_hidden, hidden)
    # the modified copy is cached: asking again reuses the same file
    copy = runner.session_path
    assert copy.parent == tmp_path and copy != path
    mtime = copy.stat().st_mtime_ns
    assert with_extra_outputs(path, [name], tmp_path) == copy and copy.stat().st_mtime_ns == mtime
    with pytest.raises(ValueError, match="no tensor named 'nope'"):
        with_extra_outputs(path, ["nope"], tmp_path)


def test_int8_copy_is_made_once_and_stays_close_to_fp32(mlp_onnx, tmp_path):
    path, _ = mlp_onnx
    x = np.random.default_rng(2).normal(size=(8, 64)).astype(np.float32)
    (fp32,) = OnnxRunner(path, cpu_choice()).run(x)
    runner = OnnxRunner(path, cpu_choice("int8"), cache_dir=tmp_path)
    (int8,) = runner.run(x)
    assert runner.session_path.name.startswith("mlp.int8-") and runner.session_path.parent == tmp_path
    ops = {node.op_type for node in onnx.load(str(runner.session_path)).graph.node}
    assert ops & {"MatMulInteger", "DynamicQuantizeLinear", "DynamicQuantizeMatMul", "MatMulIntegerToFloat"}
    assert np.abs(int8 - fp32).max() < 0.05 * np.abs(fp32).max()
    assert not np.array_equal(int8, fp32)
    mtime = runner.session_path.stat().st_mtime_ns
    assert quantized_int8(path, tmp_path) == runner.session_path
    assert runner.session_path.stat().st_mtime_ns == mtime
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]


def test_fp16_copy_keeps_fp32_inputs_and_outputs(mlp_onnx, tmp_path):
    path, model = mlp_onnx
    copy = float16_copy(path, tmp_path)
    graph = onnx.load(str(copy)).graph
    assert copy.name.startswith("mlp.fp16-") and copy.parent == tmp_path
    weights = [init for init in graph.initializer if len(init.dims) == 2]
    assert weights and all(init.data_type == onnx.TensorProto.FLOAT16 for init in weights)
    float32 = onnx.TensorProto.FLOAT
    assert [t.type.tensor_type.elem_type for t in (*graph.input, *graph.output)] == [float32, float32]
    mtime = copy.stat().st_mtime_ns
    assert float16_copy(path, tmp_path) == copy and copy.stat().st_mtime_ns == mtime  # made once
    # The CPU provider runs the copy too (slowly: it is meant for GPUs); the numbers stay close.
    import onnxruntime as ort

    x = np.random.default_rng(3).normal(size=(4, 64)).astype(np.float32)
    (half,) = ort.InferenceSession(str(copy), providers=[CPU_PROVIDER]).run(None, {"input": x})
    want = model(torch.from_numpy(x)).detach().numpy()
    assert half.dtype == np.float32
    np.testing.assert_allclose(half, want, atol=0.02 * np.abs(want).max())
    assert not np.array_equal(half, want)


def test_runner_falls_back_to_fp32_when_the_fp16_copy_fails(mlp_onnx, tmp_path, monkeypatch):
    path, model = mlp_onnx

    def broken(model_path, cache_dir=None):
        raise RuntimeError("no fp16 kernel for op Foo")

    monkeypatch.setattr(onnx_backend, "float16_copy", broken)
    choice = replace(cpu_choice(), precision="fp16", reason="fp16 requested")
    runner = OnnxRunner(path, choice, cache_dir=tmp_path)
    x = np.ones((2, 64), np.float32)
    (y,) = runner.run(x)
    np.testing.assert_allclose(y, model(torch.from_numpy(x)).detach().numpy(), atol=1e-5)
    assert runner.choice.precision == "fp32" and runner.choice.fell_back
    assert "fp16 copy failed (RuntimeError: no fp16 kernel for op Foo)" in runner.choice.reason
    assert runner.session_path == path


def test_derived_copies_follow_a_replaced_model(mlp_onnx, tmp_path):
    src = tmp_path / "model.onnx"
    src.write_bytes(mlp_onnx[0].read_bytes())
    first = quantized_int8(src)
    assert first.parent == tmp_path  # next to the model by default
    os.utime(src, ns=(src.stat().st_atime_ns, src.stat().st_mtime_ns + 10**9))
    assert quantized_int8(src) != first


def test_extra_outputs_with_int8(mlp_onnx, tmp_path):
    path, _ = mlp_onnx
    name = hidden_tensor_name(path)
    runner = OnnxRunner(path, cpu_choice("int8"), extra_outputs=[name], cache_dir=tmp_path)
    y, hidden = runner.run(np.ones((2, 64), np.float32))
    assert y.shape == (2, 10) and hidden.shape == (2, 128)


def test_missing_model_file_is_reported_early(tmp_path):
    with pytest.raises(FileNotFoundError):
        OnnxRunner(tmp_path / "model.onnx", cpu_choice())


def test_resnet18_pooled_feature_190_from_anime_or_not(tmp_path):
    """The offline embedder's use case: tensor '190' of the packaged ResNet-18 as a 512-d output."""
    spec = importlib.util.find_spec("anime_or_not")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("anime-or-not is not installed")
    model = Path(next(iter(spec.submodule_search_locations))) / "anime_or_not_model.onnx"
    runner = OnnxRunner(model, cpu_choice(), extra_outputs=["190"], cache_dir=tmp_path)
    x = np.random.default_rng(3).normal(size=(2, 3, 224, 224)).astype(np.float32)
    logits, feature = runner.run(x)
    assert logits.shape == (2, 2) and feature.shape == (2, 512)
    assert runner.session_path.parent == tmp_path  # never written into site-packages here


# -- torch devices ---------------------------------------------------------------------------------


def test_torch_devices_on_this_machine():
    devices = torch_device.available_devices()
    assert devices[-1].name == "cpu" and devices[-1].kind == "cpu"
    assert torch_device.device_names()[-1] == "cpu"
    if not torch.cuda.is_available():
        assert not any(d.kind == "cuda" for d in devices)


def test_prepare_module_moves_and_quantises():
    module = torch.nn.Sequential(torch.nn.Linear(8, 4))
    choice = choose_torch(RuntimePrefs(device="cpu"), ["cpu"])
    prepared = torch_device.prepare_module(module, choice)
    assert not prepared.training and next(prepared.parameters()).dtype == torch.float32
    x = torch_device.to_tensor(np.ones((2, 8), np.float64), choice)
    assert x.dtype == torch.float32 and x.device.type == "cpu"
    int8 = torch_device.prepare_module(
        torch.nn.Sequential(torch.nn.Linear(8, 4)),
        choose_torch(RuntimePrefs(device="cpu", precision="int8"), ["cpu"]),
    )
    assert "quantized" in type(int8[0]).__module__
    with pytest.raises(ValueError):
        torch_device.prepare_module(module, DeviceChoice("torch", "cpu", None, "fp16", "forced"))


# -- doctor ----------------------------------------------------------------------------------------


class FakeState:
    """Shaped like the store's InstallState: an ``installed`` property and ``to_dict()``."""

    installed = True

    def to_dict(self):
        return {"status": "installed", "installed": True, "folder": Path("/models/wd")}


class FakeStore:
    def status(self, spec):
        if spec.id == "joytag":
            return "installed"
        if spec.id == "wd-swinv2-tagger-v3":
            return FakeState()
        if spec.id == "clip-vit-b32":
            raise OSError("manifest unreadable")
        return {"installed": False, "missing": ["model.onnx"]}


def test_doctor_report_on_this_cpu_machine():
    report = doctor_report(catalogue.CATALOGUE)
    json.dumps(report)  # JSON-ready
    assert report["onnxruntime"]["installed"] and CPU_PROVIDER in report["onnxruntime"]["providers"]
    assert report["onnxruntime"]["version"] == onnx_backend.version()
    t = report["torch"]
    assert t["installed"] and t["version"] == torch.__version__
    if not torch.cuda.is_available():
        assert t["cuda"] is False and t["gpus"] == []
    models = {m["id"]: m for m in report["models"]}
    assert set(models) == set(catalogue.CATALOGUE)
    wd = models["wd-swinv2-tagger-v3"]
    assert wd["backend"] == "onnx" and wd["provider"] in report["onnxruntime"]["providers"]
    assert wd["reason"]
    assert models["joytag"]["backend"] == "torch" and models["joytag"]["provider"] is None
    assert "installed" not in wd  # no store given, no installed state


def test_doctor_reports_why_cuda_is_not_used_and_store_state():
    report = doctor_report(catalogue.CATALOGUE, store=FakeStore(), prefs=RuntimePrefs(device="cuda"))
    models = {m["id"]: m for m in report["models"]}
    if CUDA_PROVIDER not in onnx_backend.available_providers():
        assert "pip install onnxruntime-gpu" in models["wd-vit-tagger-v3"]["reason"]
        assert models["wd-vit-tagger-v3"]["fell_back"]
    assert models["joytag"]["installed"] is True
    swin = models["wd-swinv2-tagger-v3"]
    assert swin["installed"] is True and swin["status"] == {
        "status": "installed",
        "installed": True,
        "folder": "/models/wd",
    }
    assert models["wd-vit-tagger-v3"]["installed"] is False
    assert models["wd-vit-tagger-v3"]["status"]["missing"] == ["model.onnx"]
    assert (
        models["clip-vit-b32"]["installed"] is None
        and "manifest unreadable" in models["clip-vit-b32"]["status"]
    )
    text = format_report(report)
    assert f"onnxruntime {onnx_backend.version()}" in text and f"torch {torch.__version__}" in text
    assert "wd-vit-tagger-v3" in text and "installed" in text and "missing" in text
    if CUDA_PROVIDER not in onnx_backend.available_providers():
        assert "! wd-vit-tagger-v3" in text


def test_doctor_import_is_cheap():
    import subprocess
    import sys

    code = (
        "import sys, acgdesk.models.doctor, acgdesk.models.devices, acgdesk.models.families.taggers; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'onnxruntime')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
