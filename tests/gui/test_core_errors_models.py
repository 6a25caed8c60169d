"""The model store's and the downloader's errors, and the install details the Models dialog shows, in
the window: every key a ModelStoreError / DownloadError is raised with is known to
acgdesk/gui/core_errors_models.py (so a new sentence cannot silently stay English), and with no
catalogue installed the window's words are exactly the core's (the CLI's), for real errors of real
calls on real files. Nothing here reaches the network: downloads fail offline, from a hand-made hub
cache, or against the stand-in hub on 127.0.0.1 (tests/models/fakehub.py)."""

from __future__ import annotations

import argparse
import ast
import dataclasses
import hashlib
import json
import os
from pathlib import Path

import pytest
import torch
from PySide6.QtCore import QTranslator

from acgdesk.cli import models_cmd, models_scan
from acgdesk.gui import core_errors_models, i18n
from acgdesk.gui.core_errors import error_text, family_of, translated
from acgdesk.gui.core_errors_models import (
    DOWNLOAD,
    DOWNLOAD_PROBLEM,
    INSTALL_DETAIL,
    MANIFEST_PROBLEM,
    MODEL_STORE,
    detail_text,
    install_detail_text,
)
from acgdesk.models import catalogue, download, importing
from acgdesk.models.download import DownloadError
from acgdesk.models.found import FoundFile, FoundModel
from acgdesk.models.manifest import (
    MANIFEST_NAME,
    PICKLE_WHY,
    ModelStoreError,
    check_content,
    check_names,
    mkdir,
    place,
    write_json,
)
from acgdesk.models.spec import HubSource, ModelFile, ModelSpec, PackageSource
from acgdesk.models.state import InstallState, ModelNotInstalled
from acgdesk.models.store import ModelStore
from tests.gui.test_core_errors import ROOT, STORE_FILES
from tests.models.fakehub import FakeHub, isolate_hub_env

# every file that raises these errors: the store's modules and the two CLI commands (whose own raise
# sites are command-line only, but are keyed like the rest: the scan keeps them from staying unkeyed)
MODEL = b"\x08\x07" + bytes(range(256)) * 8  # starts like an ONNX protobuf
REPO_ID = "acme/tiny"


@pytest.fixture(autouse=True)
def _no_hub(monkeypatch, tmp_path):
    isolate_hub_env(monkeypatch, tmp_path)


@pytest.fixture
def translators(qapp):
    yield
    i18n.remove_translations(qapp)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hub_spec(
    *files: ModelFile, model_id: str = "tiny-clip", host: str = "https://huggingface.co"
) -> ModelSpec:
    """A catalogue entry with other files (never downloaded from ``host`` here)."""
    base = catalogue.get("clip-vit-b32")
    return dataclasses.replace(
        base, id=model_id, version="v1", source=HubSource(repo=REPO_ID, files=files, host=host)
    )


def package_spec(package: str, *files: str) -> ModelSpec:
    base = catalogue.get("nudenet-320n")
    assert isinstance(base.source, PackageSource)
    return dataclasses.replace(
        base, id="tiny-pkg", source=dataclasses.replace(base.source, package=package, files=files)
    )


# -- (a) every raise site is keyed, and every key is known -------------------------------------------------


# (the scan of the raise sites themselves: tests/gui/test_core_errors.py, SCANS)


def test_every_install_detail_key_is_known_to_the_window():
    keys: set[str] = set()
    for rel in STORE_FILES:
        for node in ast.walk(ast.parse((ROOT / rel).read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "detail_key":
                assert isinstance(node.value, ast.Constant) and isinstance(node.value.value, str), rel
                keys.add(node.value.value)
    assert len(keys) >= 6
    assert keys == set(INSTALL_DETAIL)


def test_the_families_are_registered():
    assert family_of(ModelNotInstalled("x")) is MODEL_STORE
    assert family_of(DownloadError("x")) is DOWNLOAD


# -- (b) real errors, said word for word as the core says them ----------------------------------------------


def catch(make, cls=ModelStoreError):
    with pytest.raises(cls) as info:
        make()
    return info.value


def real_store_errors(tmp_path: Path, monkeypatch) -> list[ModelStoreError]:
    from tests.models.test_safe_checkpoint import WritesAFile

    store = ModelStore(tmp_path / "models", hub_cache=tmp_path / "hf-cache")
    files = tmp_path / "files"
    files.mkdir()
    a_file = files / "a_file"
    a_file.write_text("x")
    (files / "fake.safetensors").write_bytes(b"\x80\x04pickled")
    (files / "bad.safetensors").write_bytes(b"not safetensors at all")
    (files / "empty.onnx").write_bytes(b"")
    (files / "model.onnx").write_bytes(MODEL)
    torch.save({"w": WritesAFile(str(tmp_path / "pwned.txt"))}, files / "pytorch_model.bin")
    # what a user downloaded by hand
    user = tmp_path / "Downloads"
    (user / "a").mkdir(parents=True)
    (user / "b").mkdir()
    (user / "a" / "model.onnx").write_bytes(MODEL)
    (user / "b" / "model.onnx").write_bytes(MODEL + b"more")
    (user / "model.pt").write_bytes(b"\x80\x04pickle")
    good = tmp_path / "good"
    good.mkdir()
    (good / "model.onnx").write_bytes(MODEL)

    pinned = hub_spec(ModelFile("model.onnx", sha256="0" * 64))
    sized = hub_spec(ModelFile("model.onnx", size=len(MODEL) + 1))
    builtin = catalogue.get("technical-quality")
    packaged = catalogue.get("nudenet-320n")
    unverified = FoundModel(
        hub_spec(ModelFile("model.onnx")),
        "folder",
        good,
        (FoundFile("model.onnx", good / "model.onnx", sha(MODEL), len(MODEL), None),),
    )
    makers = [
        lambda: check_names(pinned, (ModelFile("../escape.onnx"),)),
        lambda: check_names(pinned, (ModelFile("model.ckpt"),)),
        lambda: check_names(pinned, (ModelFile("model.exe"),)),
        lambda: check_content(files / "missing.onnx", "missing.onnx"),
        lambda: check_content(files / "pytorch_model.bin", "pytorch_model.bin", tensor_pickles=True),
        lambda: check_content(files / "fake.safetensors", "model.safetensors"),
        lambda: check_content(files / "bad.safetensors", "model.safetensors"),
        lambda: check_content(files / "empty.onnx", "model.onnx"),
        lambda: write_json(tmp_path / "no" / "such" / "settings.json", {}),
        lambda: mkdir(a_file / "below"),
        lambda: store.set_hub_endpoint("ftp://mirror.example"),
        lambda: store._move_into_place(tmp_path / "no-staging", tmp_path / "final"),
        lambda: store.import_folder(hub_spec(ModelFile("model.onnx")), tmp_path / "nowhere"),
        lambda: store.import_folder(hub_spec(ModelFile("config.json")), user),
        lambda: store.import_folder(hub_spec(ModelFile("model.onnx")), user),
        lambda: importing._copy_verified(
            files / "model.onnx", a_file / "model.onnx", ModelFile("model.onnx")
        ),
        lambda: store.import_folder(sized, good),
        lambda: store.import_folder(pinned, good),
        lambda: store.path_of(builtin),
        lambda: store.path_of(hub_spec(ModelFile("model.onnx"))),
        lambda: store.install(package_spec("no_such_package_acgdesk")),
        lambda: store.adopt(dataclasses.replace(unverified, spec=packaged)),
        lambda: store.adopt(unverified),
        lambda: store.import_folder(packaged, good),
        lambda: store.import_folder(builtin, good),
        lambda: store.remove(packaged),
        lambda: store.remove(builtin),
        lambda: store.status(dataclasses.replace(pinned, id="../x")),
        lambda: store.status(dataclasses.replace(pinned, version=".hidden")),
        lambda: models_cmd._spec("no-such-model"),
        lambda: models_scan.run(store, argparse.Namespace(dirs=[str(tmp_path / "nowhere")])),
    ]
    out = [catch(make) for make in makers]
    # the system refuses: no link across drives, a folder that cannot be renamed away
    with monkeypatch.context() as m:
        m.setattr(os, "link", _refuse)
        m.setattr(Path, "symlink_to", _refuse)
        out.append(catch(lambda: place(files / "model.onnx", tmp_path / "linked" / "model.onnx")))
    (tmp_path / "stale").mkdir()
    with monkeypatch.context() as m:
        m.setattr(os, "replace", _refuse)
        out.append(catch(lambda: store._discard(tmp_path / "stale")))
    fcntl = pytest.importorskip("fcntl")
    locks = store.root / ".locks"
    locks.mkdir(parents=True, exist_ok=True)
    with open(locks / "tiny-clip-v1.lock", "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        out.append(catch(lambda: store.import_folder(hub_spec(ModelFile("model.onnx")), good)))
    return out


def _refuse(*_args, **_kwargs):
    raise OSError(18, "Invalid cross-device link")


def test_the_store_errors_english_is_the_cores_own(qapp, tmp_path, monkeypatch):
    errors = real_store_errors(tmp_path, monkeypatch)
    keys = {e.key for e in errors}
    assert keys == set(MODEL_STORE), set(MODEL_STORE) - keys  # one real error of every sentence
    for exc in errors:
        assert exc.key in MODEL_STORE, str(exc)
        assert translated(exc) == str(exc), exc.key
        assert error_text(exc) == str(exc)
    found = next(e for e in errors if e.key == "files_not_found" and e.params["pickles"])
    assert PICKLE_WHY in str(found) and "huggingface.co/acme/tiny" in str(found)


def hand_made_cache(cache: Path, name: str, data: bytes, blob_name: str) -> None:
    """A hub cache entry as huggingface_hub leaves it: refs/main, a snapshot link to the blob."""
    repo = cache / f"models--{REPO_ID.replace('/', '--')}"
    commit = "c" * 40
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    (repo / "blobs").mkdir()
    (repo / "blobs" / blob_name).write_bytes(data)
    (repo / "snapshots" / commit).mkdir(parents=True)
    (repo / "snapshots" / commit / name).symlink_to(Path("..") / ".." / "blobs" / blob_name)


def real_download_errors(tmp_path: Path, monkeypatch) -> list[DownloadError]:
    out: list[DownloadError] = []
    store = ModelStore(tmp_path / "models", hub_cache=tmp_path / "hf-cache")
    spec = hub_spec(ModelFile("model.onnx"))
    # offline, with nothing in the cache; and offline from a cache holding other bytes
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    out.append(catch(lambda: store.install(spec), DownloadError))
    for n, (pinned, size, blob) in enumerate(
        [
            ("0" * 64, None, sha(MODEL)),  # not the pinned bytes (but the hub's: kept in the cache)
            (None, None, "f" * 64),  # not the bytes of the hub's address: deleted
            (None, len(MODEL) + 1, sha(MODEL)),  # not the catalogue's size
        ]
    ):
        cache = tmp_path / f"cache-{n}"
        hand_made_cache(cache, "model.onnx", MODEL, blob)
        fetch = lambda: download.fetch(  # noqa: E731
            REPO_ID,
            "model.onnx",
            revision="main",
            endpoint="https://huggingface.co",
            cache_dir=cache,  # noqa: B023
            expected_sha256=pinned,  # noqa: B023
            expected_size=size,  # noqa: B023
        )
        out.append(catch(fetch, DownloadError))
    monkeypatch.delenv("HF_HUB_OFFLINE")
    # what the hub announces before a byte is fetched
    url = f"https://huggingface.co/{REPO_ID}/resolve/main/model.onnx"
    out.append(catch(lambda: download._check_announced(url, 10, None, 2_000_000, None), DownloadError))
    out.append(catch(lambda: download._check_announced(url, 10, "e" * 64, None, "0" * 64), DownloadError))
    # the stand-in hub on 127.0.0.1 refuses: gated, gone, a teapot; and a port where nothing listens
    hub = FakeHub()
    try:
        hub.publish(REPO_ID, {"model.onnx": MODEL})
        local = hub_spec(ModelFile("model.onnx"), host=hub.url)
        for status in (403, 404, 418):
            hub.fail["model.onnx"] = status
            out.append(catch(lambda: store.install(local), DownloadError))
    finally:
        hub.close()
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    out.append(catch(lambda: store.install(spec), DownloadError))
    monkeypatch.delenv("HF_ENDPOINT")
    # the client's other failures, as they reach the explanation
    hint = store_hint(spec)
    for exc in (ConnectionError("connection refused"), RuntimeError("disk on fire")):
        made = download._explain(exc, url, "https://huggingface.co", tmp_path / "hf-cache", *hint)
        out.append(made)
    from huggingface_hub.errors import LocalEntryNotFoundError

    out.append(
        download._explain(LocalEntryNotFoundError("no"), url, "https://huggingface.co", tmp_path, "", None)
    )
    return out


def store_hint(spec: ModelSpec) -> tuple[str, dict[str, str]]:
    from acgdesk.models import store

    return store._manual_hint(spec, spec.source), store._manual_hint_params(spec, spec.source)


def test_the_download_errors_english_is_the_cores_own(qapp, tmp_path, monkeypatch):
    errors = real_download_errors(tmp_path, monkeypatch)
    keys = {e.key for e in errors}
    assert keys == set(DOWNLOAD), set(DOWNLOAD) - keys  # one real error of every sentence
    problems = {e.params.get("problem_key") for e in errors if e.key == "verify_failed"}
    assert problems == set(DOWNLOAD_PROBLEM)
    assert {e.params["deleted"] for e in errors if e.key == "verify_failed"} == {True, False}
    for exc in errors:
        assert exc.key in DOWNLOAD, str(exc)
        assert translated(exc) == str(exc), exc.key
        assert error_text(exc) == str(exc)
    assert any("acgdesk models import tiny-clip FOLDER" in str(e) and e.params["hint_params"] for e in errors)


# -- (c) the install details the Models dialog shows ------------------------------------------------------


def real_states(tmp_path: Path) -> list[InstallState]:
    store = ModelStore(tmp_path / "models", hub_cache=tmp_path / "hf-cache")
    good = tmp_path / "good"
    good.mkdir()
    (good / "model.onnx").write_bytes(MODEL)
    (good / "config.json").write_text("{}")
    states = [store.status(catalogue.get("technical-quality"))]
    states.append(store.status(hub_spec(ModelFile("model.onnx"), model_id="never")))
    interrupted = hub_spec(ModelFile("model.onnx"), model_id="cut")
    store.staging_of(interrupted).mkdir(parents=True)
    states.append(store.status(interrupted))
    states.append(store.status(package_spec("no_such_package_acgdesk")))
    states.append(store.status(package_spec("json", "no_such_file.onnx")))
    # installed copies, then damaged on disk in every way the cheap check sees
    damaged = {
        "no-manifest": lambda folder: (folder / MANIFEST_NAME).unlink(),
        "other-owner": lambda folder: _edit_manifest(folder, lambda m: m | {"id": "someone-else"}),
        "unrecorded": lambda folder: _edit_manifest(folder, lambda m: m | {"files": m["files"][:1]}),
        "gone": lambda folder: (folder / "config.json").unlink(),
        "gone-link": lambda folder: (
            _edit_manifest(
                folder, lambda m: m | {"files": [r | {"source_path": "/elsewhere/x"} for r in m["files"]]}
            ),
            (folder / "config.json").unlink(),
        ),
        "changed": lambda folder: (folder / "config.json").write_text("{ }"),
    }
    for model_id, damage in damaged.items():
        spec = hub_spec(ModelFile("model.onnx"), ModelFile("config.json"), model_id=model_id)
        store.import_folder(spec, good)
        damage(store.folder_of(spec))
        states.append(store.status(spec))
    spec = hub_spec(ModelFile("model.onnx"), model_id="repinned")
    store.import_folder(spec, good)
    states.append(store.status(hub_spec(ModelFile("model.onnx", sha256="0" * 64), model_id="repinned")))
    states.append(store.status(spec))  # installed: no detail
    return states


def _edit_manifest(folder: Path, change) -> None:
    path = folder / MANIFEST_NAME
    path.write_text(json.dumps(change(json.loads(path.read_text()))))


def test_the_install_details_english_is_the_cores_own(qapp, tmp_path):
    states = real_states(tmp_path)
    assert {s.detail_key for s in states} == set(INSTALL_DETAIL) | {None}
    problems = {s.detail_params["problem_key"] for s in states if s.detail_key == "needs_repair"}
    assert problems == set(MANIFEST_PROBLEM)
    for state in states:
        assert (state.detail_key is None) == (state.detail == "")
        assert detail_text(state.detail, state.detail_key, state.detail_params) == state.detail, (
            state.detail_key
        )
        assert install_detail_text(state.detail, state.detail_key, state.detail_params) == state.detail
        assert "detail_key" not in state.to_dict()  # the CLI's JSON stays as it was


def test_unknown_detail_keys_and_parts_stay_english(qapp, translators):
    assert i18n.install_translations(qapp, "ja") == "ja"
    assert install_detail_text("from a newer core", "a_key_from_later", {}) == "from a newer core"
    assert install_detail_text("parts missing", "not_installed", {}) == "parts missing"
    assert install_detail_text("no key", None, {}) == "no key"
    assert core_errors_models.tr("a text no catalogue has") == "a text no catalogue has"


@pytest.fixture
def dialog(qtbot, window, tmp_path, monkeypatch):
    from acgdesk.gui.models_dialog import ModelsDialog

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    store = ModelStore(tmp_path / "models", hub_cache=tmp_path / "hf-cache")
    monkeypatch.setattr(type(window.backend.library()), "model_store", store)
    d = ModelsDialog(window.backend, window.jobs, window.start_job, window)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.table.rowCount() > 5, timeout=20_000)
    return d


def test_the_models_dialog_shows_details_and_errors_in_the_cores_english(qtbot, dialog, tmp_path):

    assert all(r["detail_key"] or not r["detail"] for r in dialog.rows)  # every detail is keyed
    row = next(r for r in dialog.rows if r["detail_key"] == "not_installed")
    dialog.table.selectRow(dialog.rows.index(row))
    assert row["detail"] in dialog.description.text().split("\n")
    # an import from a folder that is not there: the core's error, as the CLI says it
    dialog.import_folder(row["id"], str(tmp_path / "nowhere"))
    qtbot.waitUntil(lambda: "not a folder" in dialog.status.text(), timeout=10_000)
    assert dialog.status.text() == f"not a folder: {tmp_path / 'nowhere'}"


class Bracketing(QTranslator):
    """A stand-in catalogue: every core_errors sentence comes back in brackets, so a test can see that
    a sentence went through the catalogues whole (its parts still put in)."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"⟨{source}⟩" if context == "core_errors" else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def bracketing(qapp, monkeypatch):
    translator = Bracketing(qapp)
    qapp.installTranslator(translator)
    monkeypatch.setattr(i18n, "_language", "xx")
    yield
    qapp.removeTranslator(translator)


def test_in_another_language_every_sentence_goes_through_the_catalogues(bracketing, tmp_path, monkeypatch):
    (tmp_path / "s").mkdir()
    (tmp_path / "d").mkdir()
    errors = real_store_errors(tmp_path / "s", monkeypatch) + real_download_errors(
        tmp_path / "d", monkeypatch
    )
    for exc in errors:
        text = error_text(exc)
        assert text.startswith("⟨") and text != str(exc), exc.key
        for part in ("path", "id", "url"):
            if isinstance(exc.params.get(part), str):
                assert exc.params[part] in text, (exc.key, part)
    (tmp_path / "t").mkdir()
    for state in real_states(tmp_path / "t"):
        text = install_detail_text(state.detail, state.detail_key, state.detail_params)
        if state.detail_key in (None, "builtin"):  # nothing, or a fixed text of core_text.py
            assert text == state.detail
        else:
            assert text.startswith("⟨") and text != state.detail, state.detail_key


@pytest.mark.parametrize("lang", ["ja", "zh_CN", "zh_TW"])
def test_real_store_errors_and_install_details_through_the_real_catalogues(qapp, tmp_path, monkeypatch, lang):
    """Every real store error, download error and install detail is said in the language (it differs
    from the English) and keeps the model ids and paths the English put in."""
    for part in ("s", "d", "i"):
        (tmp_path / part).mkdir()
    errors = real_store_errors(tmp_path / "s", monkeypatch) + real_download_errors(
        tmp_path / "d", monkeypatch
    )
    states = [s for s in real_states(tmp_path / "i") if s.detail_key]
    assert i18n.install_translations(qapp, lang) == lang
    try:
        for exc in errors:
            said = error_text(exc)
            assert said != str(exc), (lang, str(exc))
            model = exc.params.get("id")
            if isinstance(model, str) and model in str(exc):
                assert model in said, (lang, said)
        for state in states:
            said = install_detail_text(state.detail, state.detail_key, state.detail_params)
            assert said != state.detail, (lang, state.detail)
            assert "acgdesk models" not in state.detail or "acgdesk models" in said  # commands kept
    finally:
        i18n.remove_translations(qapp)
