"""``acgdesk models ...`` through its own argparse wiring (``add_parser`` + ``run``), output captured.

Downloads come from a local HTTP server (127.0.0.1) standing in for the hub; the real catalogue is
listed as is, with the offline models resolved from the packages installed in this environment.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
from pathlib import Path

import pytest

from acgdesk.cli import models_cmd
from acgdesk.models import catalogue
from acgdesk.models.download import DownloadProgress
from acgdesk.models.spec import HubSource, ModelFile, PackageSource
from acgdesk.models.store import InstallProgress, ModelStore
from tests.models.fakehub import FakeHub, isolate_hub_env, payload
from tests.models.fakehub import sha256 as sha

MODEL = b"\x08\x07" + payload(600_000, seed=3)
TAGS = b"tag_id,name,category,count\n0,1girl,0,100\n"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="acgdesk")
    sub = parser.add_subparsers(dest="command")
    models_cmd.add_parser(sub)
    return parser


@pytest.fixture
def models_dir(tmp_path) -> Path:
    return tmp_path / "models"


@pytest.fixture
def acg(capsys, models_dir):
    """Run ``acgdesk models ARGS...`` (with ``--models-dir``); returns (exit code, stdout, stderr)."""

    def call(*argv: str, store: bool = True) -> tuple[int, str, str]:
        extra = ["--models-dir", str(models_dir)] if store and len(argv) else []
        code = models_cmd.run(build_parser().parse_args(["models", *argv, *extra]))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


@pytest.fixture(autouse=True)
def _env(monkeypatch, tmp_path):
    isolate_hub_env(monkeypatch, tmp_path)


@pytest.fixture
def server():
    hub = FakeHub()
    yield hub
    hub.close()


@pytest.fixture
def hub_model(server, monkeypatch):
    """A downloadable model, added to the catalogue, whose hub is the local server."""
    server.publish("acme/tagger", {"model.onnx": MODEL, "selected_tags.csv": TAGS})
    spec = dataclasses.replace(
        catalogue.get("wd-vit-tagger-v3"),
        id="test-tagger",
        version="t1",
        source=HubSource(
            repo="acme/tagger",
            host=server.url,
            files=(
                ModelFile("model.onnx", sha256=sha(MODEL), size=len(MODEL)),
                ModelFile("selected_tags.csv"),
            ),
        ),
    )
    monkeypatch.setitem(catalogue.CATALOGUE, spec.id, spec)
    return spec


def test_list_json_covers_the_real_catalogue(acg, models_dir):
    code, out, err = acg("list", "--json")
    assert code == 0, err
    entries = json.loads(out)
    assert [e["id"] for e in entries] == list(catalogue.CATALOGUE) and len(entries) >= 17
    by_id = {e["id"]: e for e in entries}
    for model_id, package, filename in (
        ("nudenet-320n", "nudenet", "320n.onnx"),
        ("resnet18-anime", "anime_or_not", "anime_or_not_model.onnx"),
    ):
        entry = by_id[model_id]
        assert (entry["installed"], entry["state"], entry["source"], entry["offline"]) == (
            True,
            "installed",
            "package",
            True,
        )
        assert Path(entry["path"]).name == package and (Path(entry["path"]) / filename).is_file()
        assert entry["size"] == (Path(entry["path"]) / filename).stat().st_size
        assert entry["package"] == package and entry["pip"].startswith(package.replace("_", "-"))
    for entry in entries:
        spec = catalogue.get(entry["id"])
        assert entry["task"] == spec.task and entry["runtime"] == spec.runtime
        assert entry["licence"] == spec.licence and entry["recommended"] == spec.recommended
        assert entry["key"] == spec.key and entry["offline"] == spec.offline
        if not spec.offline:
            assert (entry["source"], entry["installed"], entry["state"], entry["path"]) == (
                "download",
                False,
                "missing",
                None,
            )
            assert entry["repo"] == spec.source.repo and entry["files"]
        elif isinstance(spec.source, PackageSource):
            assert entry["state"] in ("installed", "package-missing")  # realcugan needs Vulkan libraries
    assert by_id["technical-quality"]["state"] == "builtin" and by_id["technical-quality"]["installed"]
    assert not models_dir.exists()  # listing writes nothing


def test_list_table_shows_every_model(acg):
    code, out, _ = acg("list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["ID", "TASK", "RUNTIME"]
    rows = [line.split() for line in lines[1 : 1 + len(catalogue.CATALOGUE)]]
    assert [row[1] if row[0] == "*" else row[0] for row in rows] == list(catalogue.CATALOGUE)
    nudenet = next(line for line in lines if "nudenet-320n" in line)
    assert "installed" in nudenet and "offline" in nudenet and nudenet.startswith("*")
    joytag = next(line for line in lines if " joytag " in line)
    assert "missing" in joytag and "download" in joytag


def test_install_of_a_packaged_model_downloads_nothing(acg, models_dir):
    code, out, _ = acg("install", "nudenet-320n")
    assert code == 0
    assert "ships with the Python package nudenet" in out and "nothing to download" in out
    code, out, _ = acg("install", "technical-quality")
    assert code == 0 and "nothing to install" in out
    assert not models_dir.exists()


def test_missing_package_and_unknown_ids_are_errors(acg, monkeypatch):
    spec = dataclasses.replace(
        catalogue.get("nudenet-320n"),
        id="fake-packaged",
        source=PackageSource("acgdesk_no_such_package", ("m.onnx",), pip_name="no-such-package==1.0"),
    )
    monkeypatch.setitem(catalogue.CATALOGUE, spec.id, spec)
    for action in ("install", "path"):
        code, out, err = acg(action, "fake-packaged")
        assert code == 1 and out == ""
        assert err.startswith("acgdesk: error: ") and "pip install no-such-package==1.0" in err
    code, _, err = acg("install", "no-such-model")
    assert code == 1 and "unknown model 'no-such-model'" in err and "joytag" in err
    code, _, err = acg("remove", "nudenet-320n")
    assert code == 1 and "pip uninstall nudenet" in err


def test_install_path_remove_cycle(acg, hub_model, models_dir, server):
    code, out, err = acg("install", "test-tagger", "--json")
    assert code == 0, err
    result = json.loads(out)
    folder = models_dir / "test-tagger" / "t1"
    assert (result["id"], result["installed"], result["state"], result["path"]) == (
        "test-tagger",
        True,
        "installed",
        str(folder),
    )
    assert result["size"] == len(MODEL) + len(TAGS)
    assert [(f["name"], f["sha256"]) for f in result["manifest"]["files"]] == [
        ("model.onnx", sha(MODEL)),
        ("selected_tags.csv", sha(TAGS)),
    ]
    assert (folder / "model.onnx").read_bytes() == MODEL

    code, out, _ = acg("path", "test-tagger")
    assert (code, out) == (0, f"{folder}\n")
    hits = len(server.hits)
    code, out, _ = acg("install", "test-tagger")
    assert code == 0 and "already installed" in out and len(server.hits) == hits

    code, out, _ = acg("remove", "test-tagger")
    assert code == 0 and out.startswith("removed test-tagger@t1")
    assert not folder.exists()
    code, out, err = acg("path", "test-tagger")
    assert code == 1 and out == "" and "acgdesk models install test-tagger" in err
    code, out, _ = acg("remove", "test-tagger")
    assert code == 0 and "not installed" in out


def test_install_without_a_terminal_logs_each_file(acg, hub_model, models_dir):
    code, out, err = acg("install", "test-tagger")
    assert code == 0
    assert f"installed test-tagger@t1 in {models_dir / 'test-tagger' / 't1'}" in out
    assert "downloading model.onnx" in err and "[1/2]" in err and "downloading selected_tags.csv" in err


def test_install_errors_say_what_to_do(acg, hub_model, server):
    server.fail["model.onnx"] = 403
    code, out, err = acg("install", "test-tagger")
    assert code == 1 and out == ""
    assert err.startswith("acgdesk: error: ") and "HF_TOKEN" in err
    assert "acgdesk models import test-tagger FOLDER" in err


def test_interrupted_install_exits_130(acg, hub_model, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ModelStore, "install", interrupted)
    code, _, err = acg("install", "test-tagger")
    assert code == 130 and "run the same command again to resume" in err


def test_import_from_a_folder(acg, hub_model, tmp_path, models_dir, server):
    folder = tmp_path / "by-hand"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "model.onnx").write_bytes(MODEL)
    (folder / "selected_tags.csv").write_bytes(TAGS)
    code, out, err = acg("import", "test-tagger", str(folder))
    assert code == 0, err
    assert "imported test-tagger@t1" in out and "your files are left in place" in out
    assert (folder / "sub" / "model.onnx").exists()
    _, out, _ = acg("list", "--json")
    entry = next(e for e in json.loads(out) if e["id"] == "test-tagger")
    assert entry["installed"] and entry["origin"] == "import"
    assert server.hits == []

    (folder / "sub" / "model.onnx").write_bytes(MODEL[:-1] + b"\0")
    code, _, err = acg("import", "test-tagger", str(folder))
    assert code == 1 and "pinned SHA-256" in err


def test_store_root_comes_from_the_environment_without_models_dir(acg, hub_model, tmp_path, monkeypatch):
    monkeypatch.setenv("ACGDESK_MODELS", str(tmp_path / "env-models"))
    code, _, err = acg("install", "test-tagger", "--json", store=False)
    assert code == 0, err
    code, out, _ = acg("path", "test-tagger", store=False)
    assert out.strip() == str(tmp_path / "env-models" / "test-tagger" / "t1")


def test_models_without_an_action_prints_help(acg):
    code, out, _ = acg()
    assert code == 0 and "install" in out and "import" in out


def test_download_bar_shows_bytes_speed_and_eta():
    stream = io.StringIO()
    bar = models_cmd.DownloadBar(stream)

    def event(done: int) -> InstallProgress:
        eta = (2_000_000 - done) / 1_500_000
        return InstallProgress(
            "m", "model.onnx", 1, 2, DownloadProgress("u", "model.onnx", done, 2_000_000, 1.5e6, eta)
        )

    bar(event(1_000_000))
    line = stream.getvalue()
    assert "model.onnx (1/2)" in line and "50.0%" in line and "1.5 MB/s" in line and "ETA 00:01" in line
    assert "976.6 KiB/1.9 MiB" in line and not line.endswith("\n")
    bar(event(2_000_000))
    assert stream.getvalue().endswith("\n")  # a finished file keeps its line
    bar.close()
