"""Installs through ``huggingface_hub`` from a fake hub on 127.0.0.1 (tests/models/fakehub.py):
pinned and published digests, a resumed connection, mirrors, tokens, offline use of the cache."""

from __future__ import annotations

import dataclasses
import os
import threading

import pytest

from acgdesk.models import catalogue
from acgdesk.models.download import DownloadCancelled, DownloadError
from acgdesk.models.spec import HubSource, ModelFile, ModelSpec
from acgdesk.models.store import InstallProgress, InstallStatus, ModelStore
from tests.models.fakehub import FakeHub, git_sha1, isolate_hub_env, sha256

REPO = "acme/tiny-tagger"
MODEL = b"\x08\x07" + bytes(range(256)) * 2400  # ~600 KB: an LFS file, served by the "CDN"
TAGS = b"tag_id,name,category,count\n0,1girl,0,100\n"  # small: a plain git file


@pytest.fixture
def hub(monkeypatch, tmp_path):
    isolate_hub_env(monkeypatch, tmp_path)
    fake = FakeHub()
    fake.publish(REPO, {"selected_tags.csv": TAGS, "model.onnx": MODEL})
    monkeypatch.setenv("HF_ENDPOINT", fake.url)
    yield fake
    fake.close()


@pytest.fixture
def store(tmp_path):
    return ModelStore(tmp_path / "models")


def tiny_spec(pinned: bool = True, host: str = "https://huggingface.co", **files: str) -> ModelSpec:
    model = (
        ModelFile("model.onnx", sha256=sha256(MODEL), size=len(MODEL)) if pinned else ModelFile("model.onnx")
    )
    return dataclasses.replace(
        catalogue.get("wd-vit-tagger-v3"),
        id="tiny-tagger",
        version="t1",
        source=HubSource(repo=REPO, files=(ModelFile("selected_tags.csv"), model), host=host),
    )


def cache_root(tmp_path):
    return tmp_path / "hf-cache" / "models--acme--tiny-tagger"


def test_install_goes_through_the_hub_cache_and_links_into_the_store(hub, store, tmp_path):
    spec = tiny_spec()
    events: list[InstallProgress] = []
    state = store.install(spec, progress=events.append)

    assert state.status is InstallStatus.INSTALLED and state.origin == "download"
    folder = store.path_of(spec)
    commit = hub.commits[REPO]
    snapshot = cache_root(tmp_path) / "snapshots" / commit
    assert (cache_root(tmp_path) / "refs" / "main").read_text() == commit
    for name, data in (("model.onnx", MODEL), ("selected_tags.csv", TAGS)):
        assert (folder / name).read_bytes() == data
        # the same bytes on disk once: a hard link of the cache's blob, not a copy
        assert os.stat(folder / name).st_ino == os.stat((snapshot / name).resolve()).st_ino
    blob_names = sorted(p.name for p in (cache_root(tmp_path) / "blobs").iterdir())
    assert blob_names == sorted([sha256(MODEL), git_sha1(TAGS)])

    manifest = store.manifest(spec)
    assert manifest["source"]["commit"] == commit and manifest["source"]["endpoint"] == hub.url
    assert manifest["source"]["revision"] == "main"
    records = {r["name"]: r for r in manifest["files"]}
    assert records["model.onnx"]["verified"] == "pinned" and records["model.onnx"]["link"] == "hardlink"
    assert records["selected_tags.csv"]["verified"] == "hub"  # the git blob SHA-1 the hub published
    assert records["selected_tags.csv"]["sha256"] == sha256(TAGS)
    assert state.location == str(snapshot)

    assert {(e.file, e.file_index, e.file_count) for e in events} == {
        ("selected_tags.csv", 1, 2),
        ("model.onnx", 2, 2),
    }
    last = [e for e in events if e.file == "model.onnx"][-1].download
    assert last.bytes_done == last.bytes_total == len(MODEL) and last.eta == 0.0
    assert hub.requests("cdn", "GET") and hub.requests("hub", "HEAD")
    assert store.verify(spec) == []


def test_a_cut_connection_is_resumed_with_a_range_request(hub, store, monkeypatch):
    from huggingface_hub import constants

    # the client keeps what it has written in whole chunks (10 MB by default; 64 KiB here)
    monkeypatch.setattr(constants, "DOWNLOAD_CHUNK_SIZE", 1 << 16)
    hub.drop_after["model.onnx"] = 4 << 16
    assert store.install(tiny_spec()).installed
    gets = hub.requests("cdn", "GET")
    assert [g.sent for g in gets] == [4 << 16, len(MODEL) - (4 << 16)]
    assert gets[1].headers["range"] == f"bytes={4 << 16}-" and gets[1].status == 206
    assert store.file_path(tiny_spec(), "model.onnx").read_bytes() == MODEL


def test_a_pinned_digest_the_hub_does_not_publish_is_refused_before_downloading(hub, store):
    spec = dataclasses.replace(
        tiny_spec(), source=HubSource(REPO, (ModelFile("model.onnx", sha256="0" * 64),), host=hub.url)
    )
    with pytest.raises(DownloadError, match="SHA-256 mismatch"):
        store.install(spec)
    assert not hub.requests("cdn")
    assert not store.folder_of(spec).exists()
    assert store.status(spec).status is not InstallStatus.INSTALLED


def test_bytes_that_do_not_match_the_published_digest_install_nothing(hub, store, tmp_path):
    hub.corrupt["model.onnx"] = MODEL[:-1] + b"\0"  # same size, other bytes
    spec = tiny_spec(pinned=False)
    with pytest.raises(DownloadError, match="SHA-256 mismatch") as err:
        store.install(spec)
    assert "deleted" in str(err.value)
    assert not store.folder_of(spec).exists()
    assert not (cache_root(tmp_path) / "blobs" / sha256(MODEL)).exists()  # not left in the cache either
    hub.corrupt.clear()
    assert store.install(spec).installed


def test_the_hub_endpoint_setting_is_used_when_hf_endpoint_is_not_set(hub, store, monkeypatch):
    monkeypatch.delenv("HF_ENDPOINT")
    store.set_hub_endpoint(hub.url + "/")
    assert store.hub_endpoint() == hub.url
    assert store.install(tiny_spec()).installed  # the catalogue's host is huggingface.co: not asked
    assert hub.requests("hub", "HEAD")
    assert store.manifest(tiny_spec())["source"]["endpoint"] == hub.url


def test_hf_endpoint_wins_over_the_setting(hub, store):
    store.set_hub_endpoint("http://127.0.0.1:9")  # nothing listens there
    assert store.install(tiny_spec()).installed
    store.set_hub_endpoint(None)
    assert store.hub_endpoint() is None


def test_an_unreachable_endpoint_says_so(hub, store, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    with pytest.raises(DownloadError, match=r"cannot reach http://127\.0\.0\.1:9") as err:
        store.install(tiny_spec())
    assert "acgdesk models import tiny-tagger FOLDER" in str(err.value)
    assert not store.folder_of(tiny_spec()).exists()


def test_offline_mode_installs_from_the_populated_cache(hub, store, monkeypatch):
    spec = tiny_spec()
    store.install(spec)
    store.remove(spec)
    hub.close()
    asked = len(hub.hits)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    state = store.install(spec)
    assert state.installed and len(hub.hits) == asked
    assert store.file_path(spec, "model.onnx").read_bytes() == MODEL


def test_offline_without_the_files_says_so(hub, store, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(DownloadError, match="HF_HUB_OFFLINE is set"):
        store.install(tiny_spec())
    assert hub.hits == []


def test_gated_repos_name_the_token_and_the_import_command(hub, store):
    hub.fail["model.onnx"] = 403
    with pytest.raises(DownloadError) as err:
        store.install(tiny_spec())
    message = str(err.value)
    assert "HF_TOKEN" in message and "hf auth login" in message
    assert "acgdesk models import tiny-tagger FOLDER" in message


def test_the_token_goes_to_the_hub_but_not_to_the_cdn(hub, store, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", "hf_secret")
    store.install(tiny_spec())
    assert all(h.headers.get("authorization") == "Bearer hf_secret" for h in hub.requests("hub"))
    assert all("authorization" not in h.headers for h in hub.requests("cdn"))


def test_cancel_keeps_finished_files_and_the_next_install_completes(hub, store, tmp_path, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "DOWNLOAD_CHUNK_SIZE", 1 << 16)
    cancel = threading.Event()

    def progress(p: InstallProgress) -> None:
        if p.file == "model.onnx" and p.download.bytes_done > 0:
            cancel.set()

    with pytest.raises(DownloadCancelled):
        store.install(tiny_spec(), progress=progress, cancel=cancel)
    blobs = cache_root(tmp_path) / "blobs"
    assert not (blobs / sha256(MODEL)).exists()  # the cancelled file is not in the cache
    assert not [p for p in blobs.iterdir() if p.name.endswith(".incomplete")]
    assert not store.folder_of(tiny_spec()).exists()
    assert store.status(tiny_spec()).status is InstallStatus.INCOMPLETE
    tags_gets = len([h for h in hub.requests("hub", "GET") if h.path.endswith("selected_tags.csv")])
    assert store.install(tiny_spec()).installed
    assert len([h for h in hub.requests("hub", "GET") if h.path.endswith("selected_tags.csv")]) == tags_gets


def test_force_downloads_again(hub, store):
    store.install(tiny_spec())
    gets = len(hub.requests("cdn", "GET"))
    assert store.install(tiny_spec()).installed and len(hub.requests("cdn", "GET")) == gets
    assert store.install(tiny_spec(), force=True).installed
    assert len(hub.requests("cdn", "GET")) == gets + 1


def test_acgdesk_config_hub_endpoint_sets_the_shared_store_setting(tmp_path, monkeypatch, capsys):
    from acgdesk.cli import main

    isolate_hub_env(monkeypatch, tmp_path)
    monkeypatch.setenv("ACGDESK_MODELS", str(tmp_path / "models"))
    library = ["--library", str(tmp_path / "lib")]
    assert main([*library, "config", "hub_endpoint", "https://hf-mirror.example/"]) == 0
    assert ModelStore(tmp_path / "models").hub_endpoint() == "https://hf-mirror.example"
    assert capsys.readouterr().out.strip() == 'hub_endpoint = "https://hf-mirror.example"'
    assert main([*library, "config", "hub_endpoint", ""]) == 0
    assert ModelStore(tmp_path / "models").hub_endpoint() is None
    assert main([*library, "config", "hub_endpoint", "ftp://nope"]) == 1
    assert "http(s) URL" in capsys.readouterr().err


def test_a_loaded_local_text_encoder_does_not_make_later_installs_offline(hub, store, monkeypatch):
    """Local text encoders turn the hub client's offline switch on while they load (nothing may reach
    a hub then); an install the user asks for afterwards follows the user's HF_HUB_OFFLINE, which is
    unset here. (The switch used to be the process environment: every later install failed as
    "HF_HUB_OFFLINE is set" once MiniLM had been loaded, in the window too.)"""
    import huggingface_hub.constants as hub_constants

    from acgdesk.models.backends.sentence import force_offline

    monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", hub_constants.HF_HUB_OFFLINE)  # restored after
    force_offline()
    assert hub_constants.HF_HUB_OFFLINE and "HF_HUB_OFFLINE" not in os.environ
    state = store.install(tiny_spec())
    assert state.status is InstallStatus.INSTALLED
    assert hub_constants.HF_HUB_OFFLINE  # local loading is still kept offline afterwards
