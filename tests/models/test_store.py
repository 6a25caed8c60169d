"""The model store: installs from a local HTTP server, imports of hand-downloaded files, packaged
models resolved without importing them. No network beyond 127.0.0.1."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from acgdesk.models import catalogue
from acgdesk.models.download import DownloadCancelled, DownloadError
from acgdesk.models.spec import HubSource, ModelFile, ModelSpec, PackageSource
from acgdesk.models.store import (
    InstallProgress,
    InstallStatus,
    ModelNotInstalled,
    ModelStore,
    ModelStoreError,
)
from tests.models.fakehub import FakeHub, isolate_hub_env, payload
from tests.models.fakehub import sha256 as sha

REPO = Path(__file__).resolve().parents[2]
REPO_ID = "acme/clip"

VISION = b"\x08\x07" + payload(1_200_000, seed=1)  # starts like an ONNX protobuf
TEXT = b"\x08\x07" + payload(700_000, seed=2)
TOKENIZER = b'{"model": {"vocab": {}}}\n'


def safetensors_bytes(body: bytes = b"\0" * 16) -> bytes:
    header = b'{"__metadata__":{}}'
    return len(header).to_bytes(8, "little") + header + body


@pytest.fixture(autouse=True)
def _quiet_env(monkeypatch, tmp_path):
    isolate_hub_env(monkeypatch, tmp_path)


@pytest.fixture
def server():
    hub = FakeHub()
    yield hub
    hub.close()


@pytest.fixture
def store(tmp_path):
    return ModelStore(tmp_path / "models")


def publish(server: FakeHub, files: dict[str, bytes], repo: str = REPO_ID) -> None:
    server.publish(repo, files)


def hub_spec(server: FakeHub, files: tuple[ModelFile, ...], model_id: str = "test-clip") -> ModelSpec:
    """A catalogue entry pointed at the local server."""
    base = catalogue.get("clip-vit-b32")
    return dataclasses.replace(
        base, id=model_id, version="v1", source=HubSource(repo=REPO_ID, files=files, host=server.url)
    )


@pytest.fixture
def clip(server):
    """Three files: one pinned, two checked against the digests the hub publishes."""
    files = {"onnx/vision_model.onnx": VISION, "onnx/text_model.onnx": TEXT, "tokenizer.json": TOKENIZER}
    publish(server, files)
    return hub_spec(
        server,
        (
            ModelFile("onnx/vision_model.onnx", sha256=sha(VISION), size=len(VISION)),
            ModelFile("onnx/text_model.onnx"),
            ModelFile("tokenizer.json"),
        ),
    )


def file_gets(server: FakeHub, name: str) -> list:
    """GETs of a file's bytes (at the hub for small files, at the "CDN" for large ones)."""
    data = server.repos[REPO_ID][name]
    return [h for h in server.requests(method="GET") if h.path.endswith(name) or h.path.endswith(sha(data))]


# -- install -------------------------------------------------------------------------------------------


def test_install_downloads_verifies_and_moves_into_place(store, server, clip):
    assert store.status(clip).status is InstallStatus.MISSING
    with pytest.raises(ModelNotInstalled, match="acgdesk models install test-clip"):
        store.path_of(clip)

    events: list[InstallProgress] = []
    state = store.install(clip, progress=events.append)

    folder = store.root / "test-clip" / "v1"
    assert state.status is InstallStatus.INSTALLED and state.installed
    assert state.folder == folder == store.path_of(clip)
    assert state.origin == "download" and state.size == len(VISION) + len(TEXT) + len(TOKENIZER)
    assert (folder / "onnx" / "vision_model.onnx").read_bytes() == VISION
    assert store.file_path(clip, "onnx/text_model.onnx").read_bytes() == TEXT
    assert (folder / "tokenizer.json").read_bytes() == TOKENIZER
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == [
        "manifest.json",
        "text_model.onnx",
        "tokenizer.json",
        "vision_model.onnx",
    ]
    assert not store.staging_of(clip).exists()

    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest == store.manifest(clip)
    assert (manifest["id"], manifest["version"], manifest["key"]) == ("test-clip", "v1", "test-clip@v1")
    assert manifest["source"] == {
        "kind": "hub",
        "repo": REPO_ID,
        "revision": "main",
        "host": server.url,
        "commit": server.commits[REPO_ID],
        "endpoint": server.url,
    }
    assert manifest["origin"] == "download"
    assert datetime.fromisoformat(manifest["installed_at"]).tzinfo is not None
    assert [(f["name"], f["size"], f["sha256"], f["verified"], f["link"]) for f in manifest["files"]] == [
        ("onnx/vision_model.onnx", len(VISION), sha(VISION), "pinned", "hardlink"),
        ("onnx/text_model.onnx", len(TEXT), sha(TEXT), "hub", "hardlink"),
        ("tokenizer.json", len(TOKENIZER), sha(TOKENIZER), "hub", "hardlink"),
    ]
    assert all("/hf-cache/models--acme--clip/snapshots/" in f["source_path"] for f in manifest["files"])

    assert {(e.file, e.file_index, e.file_count) for e in events} == {
        ("onnx/vision_model.onnx", 1, 3),
        ("onnx/text_model.onnx", 2, 3),
        ("tokenizer.json", 3, 3),
    }
    assert all(e.model_id == "test-clip" for e in events)
    assert store.verify(clip) == []


def test_installed_model_is_not_downloaded_again_unless_forced(store, server, clip):
    store.install(clip)
    hits = len(server.hits)
    assert store.install(clip).status is InstallStatus.INSTALLED
    assert len(server.hits) == hits
    gets = len(server.requests(method="GET"))
    store.install(clip, force=True)
    assert len(server.requests(method="GET")) == gets + 3
    assert store.status(clip).status is InstallStatus.INSTALLED


def test_interrupted_install_leaves_no_model_folder_and_resumes(store, server, clip, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "DOWNLOAD_CHUNK_SIZE", 1 << 16)  # progress events mid-file
    cancel = threading.Event()

    def progress(p: InstallProgress) -> None:
        if p.file_index == 2 and p.download.bytes_done > 0:
            cancel.set()

    with pytest.raises(DownloadCancelled):
        store.install(clip, progress=progress, cancel=cancel)
    folder = store.root / "test-clip" / "v1"
    assert not folder.exists()  # never a half-installed model folder
    staging = store.staging_of(clip)
    assert staging == store.root / ".staging" / "test-clip-v1"
    assert (staging / "onnx" / "vision_model.onnx").read_bytes() == VISION
    assert not (staging / "onnx" / "text_model.onnx").exists()
    state = store.status(clip)
    assert state.status is InstallStatus.INCOMPLETE and "resume" in state.detail
    with pytest.raises(ModelNotInstalled):
        store.path_of(clip)

    assert store.install(clip).status is InstallStatus.INSTALLED
    assert len(file_gets(server, "onnx/vision_model.onnx")) == 1  # the finished file was kept
    assert (folder / "onnx" / "text_model.onnx").read_bytes() == TEXT
    assert not staging.exists()


def test_wrong_pinned_digest_installs_nothing(store, server):
    publish(server, {"model.onnx": VISION})
    spec = hub_spec(server, (ModelFile("model.onnx", sha256="0" * 64),))
    with pytest.raises(DownloadError, match="SHA-256 mismatch"):
        store.install(spec)
    assert not store.folder_of(spec).exists()
    assert store.status(spec).status is not InstallStatus.INSTALLED


def test_hub_errors_name_the_import_command_for_the_model(store, server):
    publish(server, {"model.onnx": VISION})
    spec = hub_spec(server, (ModelFile("model.onnx"),))
    server.fail["model.onnx"] = 403
    with pytest.raises(DownloadError) as err:
        store.install(spec)
    assert "HF_TOKEN" in str(err.value) and "acgdesk models import test-clip FOLDER" in str(err.value)


def test_files_damaged_after_install_are_reported_and_repaired(store, server, clip):
    store.install(clip)
    folder = store.path_of(clip)
    (folder / "tokenizer.json").unlink()
    state = store.status(clip)
    assert state.status is InstallStatus.INCOMPLETE and "tokenizer.json" in state.detail
    assert store.install(clip).status is InstallStatus.INSTALLED

    vision = folder / "onnx" / "vision_model.onnx"
    vision.unlink()  # replaced by a file of the same size with other bytes: only a re-hash sees it
    vision.write_bytes(b"\x08" * len(VISION))
    assert store.status(clip).status is InstallStatus.INSTALLED
    assert any("vision_model.onnx" in p for p in store.verify(clip))


def test_pickle_and_unsafe_file_names_are_refused(store, server, tmp_path):
    for name, needle in [
        ("model.ckpt", "pickle"),
        ("pytorch_model.bin", "pickle"),
        ("model.pt", "pickle"),
        ("model.exe", "only"),
        ("../escape.onnx", "invalid file name"),
        ("/abs.onnx", "invalid file name"),
    ]:
        spec = hub_spec(server, (ModelFile(name),))
        with pytest.raises(ModelStoreError, match=needle):
            store.install(spec)
        with pytest.raises(ModelStoreError, match=needle):
            store.import_folder(spec, tmp_path)
    assert server.hits == []
    with pytest.raises(ModelStoreError, match="plain folder name"):
        store.status(dataclasses.replace(hub_spec(server, (ModelFile("m.onnx"),)), id="../x"))


def test_a_second_installer_of_the_same_model_is_refused(store, server, clip):
    fcntl = pytest.importorskip("fcntl")
    locks = store.root / ".locks"
    locks.mkdir(parents=True)
    with open(locks / "test-clip-v1.lock", "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with pytest.raises(ModelStoreError, match="another acgdesk process"):
            store.install(clip)
    assert store.install(clip).installed


# -- import --------------------------------------------------------------------------------------------


@pytest.fixture
def user_folder(tmp_path):
    """Files as a user saved them: one at its hub path, one loose in a sub-folder, one at the top."""
    folder = tmp_path / "Downloads" / "clip"
    (folder / "onnx").mkdir(parents=True)
    (folder / "saved").mkdir()
    (folder / "onnx" / "text_model.onnx").write_bytes(TEXT)
    (folder / "saved" / "vision_model.onnx").write_bytes(VISION)
    (folder / "tokenizer.json").write_bytes(TOKENIZER)
    return folder


def test_import_copies_verified_files_and_leaves_the_originals(store, clip, user_folder, server):
    before = {p: p.read_bytes() for p in user_folder.rglob("*") if p.is_file()}
    state = store.import_folder(clip, user_folder)

    assert state.status is InstallStatus.INSTALLED and state.origin == "import"
    folder = store.path_of(clip)
    assert (folder / "onnx" / "vision_model.onnx").read_bytes() == VISION
    assert (folder / "onnx" / "text_model.onnx").read_bytes() == TEXT
    assert (folder / "tokenizer.json").read_bytes() == TOKENIZER
    assert {p: p.read_bytes() for p in user_folder.rglob("*") if p.is_file()} == before  # untouched
    manifest = store.manifest(clip)
    assert manifest["origin"] == "import" and manifest["imported_from"] == str(user_folder)
    assert [(f["name"], f["sha256"], f["verified"]) for f in manifest["files"]] == [
        ("onnx/vision_model.onnx", sha(VISION), "pinned"),
        ("onnx/text_model.onnx", sha(TEXT), None),
        ("tokenizer.json", sha(TOKENIZER), None),
    ]
    assert not any((store.root / ".staging").iterdir())
    assert server.hits == []  # an import never downloads


def test_import_refuses_a_file_that_does_not_match_its_pinned_digest(store, clip, user_folder):
    (user_folder / "saved" / "vision_model.onnx").write_bytes(b"\x08" * len(VISION))
    with pytest.raises(ModelStoreError, match="pinned SHA-256"):
        store.import_folder(clip, user_folder)
    assert store.status(clip).status is InstallStatus.MISSING
    assert not store.folder_of(clip).exists()
    assert (user_folder / "saved" / "vision_model.onnx").exists()
    assert not any((store.root / ".staging").iterdir())


def test_import_names_missing_files_and_refuses_pickles(store, server, tmp_path):
    spec = hub_spec(server, (ModelFile("config.json"), ModelFile("model.safetensors")))
    folder = tmp_path / "joytag"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    (folder / "model.pt").write_bytes(b"\x80\x04pickle")
    with pytest.raises(ModelStoreError) as err:
        store.import_folder(spec, folder)
    message = str(err.value)
    assert "model.safetensors" in message and "model.pt" in message and "pickle" in message

    (folder / "model.safetensors").write_bytes(b"PK\x03\x04" + b"\0" * 100)  # a torch zip, renamed
    with pytest.raises(ModelStoreError, match="pickled data"):
        store.import_folder(spec, folder)
    (folder / "model.safetensors").write_bytes(b"\x80\x02" + b"\0" * 100)  # a bare pickle, renamed
    with pytest.raises(ModelStoreError, match="pickled data"):
        store.import_folder(spec, folder)
    (folder / "model.safetensors").write_bytes(b"not safetensors at all")
    with pytest.raises(ModelStoreError, match="not a safetensors file"):
        store.import_folder(spec, folder)
    assert store.status(spec).status is InstallStatus.MISSING

    (folder / "model.safetensors").write_bytes(safetensors_bytes())
    assert store.import_folder(spec, folder).installed


def test_import_refuses_ambiguous_files_and_non_folders(store, server, tmp_path):
    spec = hub_spec(server, (ModelFile("model.onnx"),))
    folder = tmp_path / "two"
    for sub, data in (("a", b"\x08one"), ("b", b"\x08three")):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "model.onnx").write_bytes(data)
    with pytest.raises(ModelStoreError, match=r"several different files named model\.onnx"):
        store.import_folder(spec, folder)
    with pytest.raises(ModelStoreError, match="not a folder"):
        store.import_folder(spec, tmp_path / "nowhere")


def test_import_replaces_an_install_and_clears_an_unfinished_download(store, server, clip, user_folder):
    store.install(clip)
    assert store.manifest(clip)["origin"] == "download"
    store.staging_of(clip).mkdir(parents=True)  # as a later, interrupted --force install leaves it
    (store.staging_of(clip) / "tokenizer.json.part").write_bytes(b"{")
    store.import_folder(clip, user_folder)
    assert store.manifest(clip)["origin"] == "import"
    assert not store.staging_of(clip).exists()


# -- remove --------------------------------------------------------------------------------------------


def test_remove_deletes_the_model_and_any_unfinished_install(store, clip):
    store.install(clip)
    assert store.remove(clip) is True
    assert not store.folder_of(clip).exists() and not (store.root / "test-clip").exists()
    assert store.status(clip).status is InstallStatus.MISSING
    assert store.remove(clip) is False
    store.staging_of(clip).mkdir(parents=True)
    killed_import = store.root / ".staging" / "test-clip-v1.import-0123abcd"
    killed_import.mkdir()
    assert store.remove(clip) is True
    assert not store.staging_of(clip).exists() and not killed_import.exists()


def test_packaged_and_builtin_models_cannot_be_removed_or_imported(store, tmp_path):
    with pytest.raises(ModelStoreError, match="pip uninstall nudenet"):
        store.remove(catalogue.get("nudenet-320n"))
    with pytest.raises(ModelStoreError, match="nothing to import"):
        store.import_folder(catalogue.get("nudenet-320n"), tmp_path)
    builtin = catalogue.get("technical-quality")
    assert store.status(builtin).status is InstallStatus.BUILTIN and store.status(builtin).installed
    with pytest.raises(ModelStoreError, match="needs no model files"):
        store.path_of(builtin)
    assert not store.root.exists()  # none of this touched the store


# -- packaged models -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model_id", "package", "filename"),
    [("nudenet-320n", "nudenet", "320n.onnx"), ("resnet18-anime", "anime_or_not", "anime_or_not_model.onnx")],
)
def test_packaged_models_resolve_to_the_package_folder(store, model_id, package, filename):
    spec = catalogue.get(model_id)
    folder = store.path_of(spec)
    assert folder.name == package and (folder / filename).is_file()
    state = store.status(spec)
    assert state.status is InstallStatus.INSTALLED and state.origin == "package"
    assert state.size == (folder / filename).stat().st_size
    assert store.install(spec).folder == folder  # nothing to download


def test_packaged_models_are_found_without_importing_their_package(tmp_path):
    code = (
        "import json, sys\n"
        "from acgdesk.models.catalogue import get\n"
        "from acgdesk.models.store import ModelStore\n"
        f"store = ModelStore({str(tmp_path)!r})\n"
        "paths = [str(store.path_of(get(i))) for i in ('nudenet-320n', 'resnet18-anime')]\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('nudenet', 'anime_or_not', 'torchvision', 'torch', 'onnxruntime', 'cv2'))\n"
        "print(json.dumps([paths, loaded]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    paths, loaded = json.loads(out.stdout)
    assert [Path(p).name for p in paths] == ["nudenet", "anime_or_not"]
    assert loaded == []


def test_missing_package_names_the_pip_command(store):
    spec = dataclasses.replace(
        catalogue.get("nudenet-320n"),
        id="fake-packaged",
        source=PackageSource("acgdesk_no_such_package", ("m.onnx",), pip_name="no-such-package==1.0"),
    )
    state = store.status(spec)
    assert state.status is InstallStatus.PACKAGE_MISSING and not state.installed
    for call in (store.path_of, store.install):
        with pytest.raises(ModelNotInstalled, match=r"pip install no-such-package==1\.0"):
            call(spec)


def test_package_without_the_file_is_incomplete(store):
    spec = dataclasses.replace(
        catalogue.get("nudenet-320n"), source=PackageSource("nudenet", ("640m.onnx",), pip_name="nudenet")
    )
    state = store.status(spec)
    assert state.status is InstallStatus.INCOMPLETE and "640m.onnx" in state.detail
    with pytest.raises(ModelNotInstalled):
        store.path_of(spec)


# -- listing and location ------------------------------------------------------------------------------


def test_list_covers_the_catalogue(store):
    rows = store.list()
    assert [spec.id for spec, _ in rows] == list(catalogue.CATALOGUE)
    assert len(rows) == len(catalogue.CATALOGUE) >= 14  # other entries are being added
    states = {spec.id: state for spec, state in rows}
    assert states["nudenet-320n"].installed and states["resnet18-anime"].installed
    assert states["joytag"].status is InstallStatus.MISSING
    assert states["technical-quality"].status is InstallStatus.BUILTIN
    for spec, state in rows:
        if not spec.offline:
            assert state.folder == store.root / spec.id / spec.version


def test_default_root_is_shared_per_user_and_overridable(monkeypatch, tmp_path):
    root = ModelStore.default_root()
    assert (root.parent.name, root.name) == ("acgdesk", "models")
    monkeypatch.setenv("ACGDESK_MODELS", str(tmp_path / "shared-models"))
    assert ModelStore.default_root() == tmp_path / "shared-models"
