"""Catalogue models already on disk: a Hugging Face cache, ComfyUI and A1111 folders, a user's
folder. Found, verified (pinned SHA-256, or the hub cache's content address) and used in place:
the store folder holds links to the original bytes, never a copy."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os

import pytest

from acgdesk.cli import models_cmd
from acgdesk.models import catalogue
from acgdesk.models.found import default_places, find_models, tool_kind
from acgdesk.models.spec import HubSource, ModelFile, ModelSpec
from acgdesk.models.store import InstallStatus, ModelStore, ModelStoreError
from tests.models.fakehub import git_sha1, isolate_hub_env, payload, sha256

REPO = "acme/tiny-tagger"
MODEL = b"\x08\x07" + payload(50_000, seed=7)
TAGS = b"tag_id,name,category,count\n0,1girl,0,100\n"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(autouse=True)
def _env(monkeypatch, tmp_path):
    isolate_hub_env(monkeypatch, tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no real ComfyUI / WebUI of this machine


@pytest.fixture
def store(tmp_path):
    return ModelStore(tmp_path / "models")


def spec(pinned: bool) -> ModelSpec:
    files = (
        (
            ModelFile("model.onnx", sha256(MODEL), len(MODEL)),
            ModelFile("selected_tags.csv", sha256(TAGS), len(TAGS)),
        )
        if pinned
        else (ModelFile("model.onnx"), ModelFile("selected_tags.csv"))
    )
    return dataclasses.replace(
        catalogue.get("wd-vit-tagger-v3"), id="tiny-tagger", version="t1", source=HubSource(REPO, files)
    )


def make_hub_cache(cache, model: bytes = MODEL):
    """models--acme--tiny-tagger with blobs named by content address, refs/main and a snapshot."""
    repo = cache / "models--acme--tiny-tagger"
    (repo / "blobs").mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(COMMIT)
    snapshot = repo / "snapshots" / COMMIT
    snapshot.mkdir(parents=True)
    for name, data, address in (
        ("model.onnx", model, sha256(MODEL)),
        ("selected_tags.csv", TAGS, git_sha1(TAGS)),
    ):
        (repo / "blobs" / address).write_bytes(data)
        (snapshot / name).symlink_to(f"../../blobs/{address}")
    return snapshot


def store_bytes_are_links(store: ModelStore, s: ModelSpec, originals: dict[str, os.PathLike]) -> None:
    folder = store.path_of(s)
    for name, original in originals.items():
        assert os.stat(folder / name).st_ino == os.stat(original).st_ino  # the same file, not a copy
    manifest = store.manifest(s)
    assert {r["link"] for r in manifest["files"]} == {"hardlink"}


def test_a_model_in_the_hugging_face_cache_is_verified_and_used_in_place(store, tmp_path):
    snapshot = make_hub_cache(tmp_path / "hf-cache")
    assert ("hf-cache", tmp_path / "hf-cache") in default_places()  # HF_HUB_CACHE of the environment
    found = find_models({"tiny-tagger": spec(pinned=False)})
    assert len(found) == 1
    model = found[0]
    assert (model.kind, model.commit, model.verified) == ("hf-cache", COMMIT, True)
    assert [f.verified for f in model.files] == ["hub", "hub"]  # blob names are content addresses

    state = store.adopt(model)
    assert state.status is InstallStatus.INSTALLED and state.origin == "found"
    assert state.location == str(snapshot)
    store_bytes_are_links(
        store, spec(False), {n: (snapshot / n).resolve() for n in ("model.onnx", "selected_tags.csv")}
    )
    manifest = store.manifest(spec(False))
    assert manifest["found_in"] == "hf-cache" and manifest["source"]["commit"] == COMMIT
    assert store.verify(spec(False)) == []


def test_a_damaged_blob_in_the_cache_is_not_used(store, tmp_path):
    make_hub_cache(tmp_path / "hf-cache", model=MODEL[:-1] + b"\0")
    assert find_models({"tiny-tagger": spec(pinned=False)}) == []


def test_comfyui_wd14_tagger_files_are_found_by_their_pinned_digest(store, tmp_path):
    comfy = tmp_path / "home" / "ComfyUI"
    models = comfy / "custom_nodes" / "ComfyUI-WD14-Tagger" / "models"
    models.mkdir(parents=True)
    (comfy / "models" / "checkpoints").mkdir(parents=True)
    (comfy / "models" / "checkpoints" / "other.safetensors").write_bytes(b"x" * len(MODEL))  # same size
    (models / "tiny-tagger.onnx").write_bytes(MODEL)
    (models / "tiny-tagger.csv").write_bytes(TAGS)
    assert ("comfyui", comfy) in default_places()

    found = find_models({"tiny-tagger": spec(pinned=True)}, [(tool_kind(comfy), comfy)])
    assert len(found) == 1 and found[0].kind == "comfyui" and found[0].verified
    store.adopt(found[0])
    store_bytes_are_links(
        store,
        spec(True),
        {"model.onnx": models / "tiny-tagger.onnx", "selected_tags.csv": models / "tiny-tagger.csv"},
    )
    assert (models / "tiny-tagger.onnx").read_bytes() == MODEL  # untouched


def test_a1111_interrogators_folder_is_found_and_unverified_files_need_trust(store, tmp_path):
    webui = tmp_path / "home" / "stable-diffusion-webui"
    (webui / "extensions").mkdir(parents=True)
    folder = webui / "models" / "interrogators" / "tiny-tagger"
    folder.mkdir(parents=True)
    (folder / "model.onnx").write_bytes(MODEL)
    (folder / "selected_tags.csv").write_bytes(TAGS)

    found = find_models({"tiny-tagger": spec(pinned=False)}, [("webui", webui)])
    assert len(found) == 1 and found[0].kind == "webui" and not found[0].verified
    with pytest.raises(ModelStoreError, match="cannot be verified"):
        store.adopt(found[0])
    assert store.adopt(found[0], trust=True).installed
    store_bytes_are_links(store, spec(False), {n: folder / n for n in ("model.onnx", "selected_tags.csv")})

    # with pinned digests the same files are verified; a wrong file is not matched at all
    assert find_models({"tiny-tagger": spec(pinned=True)}, [("webui", webui)])[0].verified
    (folder / "model.onnx").unlink()
    (folder / "model.onnx").write_bytes(MODEL[:-1] + b"\0")
    assert find_models({"tiny-tagger": spec(pinned=True)}, [("webui", webui)]) == []


def test_the_wd14_extension_hub_cache_under_interrogators_is_searched(store, tmp_path):
    webui = tmp_path / "home" / "stable-diffusion-webui-forge"
    (webui / "extensions").mkdir(parents=True)
    make_hub_cache(webui / "models" / "interrogators")
    found = find_models({"tiny-tagger": spec(pinned=False)}, [("webui", webui)])
    assert [(m.kind, m.verified) for m in found] == [("hf-cache", True)]


def test_across_drives_a_symbolic_link_is_used_never_a_copy(store, tmp_path, monkeypatch):
    folder = tmp_path / "mine" / "tiny-tagger"
    folder.mkdir(parents=True)
    (folder / "model.onnx").write_bytes(MODEL)
    (folder / "selected_tags.csv").write_bytes(TAGS)

    def no_hard_links(src, dst):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_hard_links)
    found = find_models({"tiny-tagger": spec(pinned=True)}, [("folder", tmp_path / "mine")])
    store.adopt(found[0])
    stored = store.path_of(spec(True)) / "model.onnx"
    assert stored.is_symlink() and stored.resolve() == (folder / "model.onnx").resolve()
    assert {r["link"] for r in store.manifest(spec(True))["files"]} == {"symlink"}


def test_cli_scan_uses_found_models_and_list_shows_where_they_live(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(catalogue.CATALOGUE, "tiny-tagger", spec(pinned=True))
    mine = tmp_path / "downloads"
    mine.mkdir()
    (mine / "model.onnx").write_bytes(MODEL)
    (mine / "tags.csv").write_bytes(TAGS)  # renamed: found by its pinned digest
    parser = argparse.ArgumentParser(prog="acgdesk")
    models_cmd.add_parser(parser.add_subparsers(dest="command"))

    def acg(*argv: str):
        code = models_cmd.run(parser.parse_args(["models", *argv, "--models-dir", str(tmp_path / "models")]))
        return code, capsys.readouterr().out

    code, out = acg("scan", str(mine), "--dry-run", "--json")
    assert code == 0 and json.loads(out)["found"][0]["message"] == "usable"
    assert not (tmp_path / "models" / "tiny-tagger").exists()
    code, out = acg("scan", str(mine), "--json")
    entry = json.loads(out)["found"][0]
    assert code == 0 and entry["used"] and entry["kind"] == "folder"
    code, out = acg("list", "--json")
    listed = next(e for e in json.loads(out) if e["id"] == "tiny-tagger")
    assert listed["installed"] and listed["origin"] == "found" and listed["location"] == str(mine)
    code, out = acg("list")
    assert code == 0 and str(mine) in next(line for line in out.splitlines() if "tiny-tagger" in line)
    code, out = acg("scan", str(mine))  # installed models are not searched (nor hashed) again
    assert code == 0 and "not installed already" in out
