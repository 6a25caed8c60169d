"""The model workflow from the command line: default offline models at ingest, tags, sidecars, config."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "acgdesk", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wf")
    art = base / "art"
    art.mkdir()
    for i in range(4):
        im = Image.new("RGB", (640, 480), (40 * i, 120, 200 - 40 * i))
        ImageDraw.Draw(im).ellipse((100 + 20 * i, 80, 400, 380), fill=(250, 220, 30 * i))
        im.save(art / f"pic{i}.jpg", quality=92)
    im.resize((320, 240)).save(art / "pic3_small.png")  # a near copy of pic3
    env = {"ACGDESK_LIBRARY": str(base / "lib"), "ACGDESK_MODELS": str(base / "models")}
    proc = run("index", str(art), "--json", "--progress", "none", env=env)
    return art, env, json.loads(proc.stdout)


def test_default_offline_models_run_at_ingest(indexed):
    art, env, report = indexed
    assert report["ok"] == 5
    shown = json.loads(run("show", str(art / "pic1.jpg"), "--json", env=env).stdout)
    assert {e["model"] for e in shown["embeddings"]} == {"resnet18-anime@anime-or-not-0.0.7"}
    assert shown["embeddings"][0]["dim"] == 512
    assert shown["rating"]["source"] == "nudenet-320n@3.4.2"
    assert shown["rating"]["rating"] in {"general", "sensitive", "questionable", "explicit"}
    kinds = {s["kind"] for s in shown["scores"]}
    assert {"sharpness", "megapixels", "anime"} <= kinds
    mp = next(s["value"] for s in shown["scores"] if s["kind"] == "megapixels")
    assert mp == pytest.approx(640 * 480 / 1e6)  # of the original, not of the reduced working copy
    again = json.loads(run("index", "--json", "--progress", "none", env=env).stdout)
    assert again["processed"] == 0 and again["up_to_date"] == 5


def test_user_tags_sidecars_and_retag(indexed, tmp_path):
    art, env, _ = indexed
    target = str(art / "pic2.jpg")
    added = json.loads(
        run("tag", "add", target, "Cat Ears", "hatsune_miku_(cosplay)", "--json", env=env).stdout
    )
    assert added == {"add": ["cat_ears", "hatsune_miku_(cosplay)"]}
    run("retag", str(art), "--quiet", env=env)  # models run again; user tags stay
    tags = json.loads(run("tag", "list", target, "--json", env=env).stdout)
    names = {t["name"]: t for t in tags}
    assert names["cat_ears"]["sources"] == ["user"]
    assert sum(t["category"] == "rating" for t in tags) == 1  # one rating shown, not four
    out = tmp_path / "captions"
    proc = run("sidecars", "export", str(art), "--out", str(out), "--json", env=env)
    report = json.loads(proc.stdout)
    assert len(report["written"]) == 1
    assert (out / "pic2.txt").read_text() == "cat ears, hatsune miku \\(cosplay\\)\n"
    again = json.loads(run("sidecars", "export", str(art), "--out", str(out), "--json", env=env).stdout)
    assert len(again["skipped_existing"]) == 1  # never overwritten without --overwrite
    (art / "pic0.txt").write_text("1girl, solo, long hair")
    imported = json.loads(run("sidecars", "import", str(art), "--json", env=env).stdout)
    assert imported["tags_added"] == 3
    tags0 = {
        t["name"] for t in json.loads(run("tag", "list", str(art / "pic0.jpg"), "--json", env=env).stdout)
    }
    assert {"1girl", "solo", "long_hair"} <= tags0
    run("tag", "remove", target, "cat_ears", env=env)
    tags = {t["name"] for t in json.loads(run("tag", "list", target, "--json", env=env).stdout)}
    assert "cat_ears" not in tags


def test_missing_downloadable_model_says_how_to_get_it(indexed):
    art, env, _ = indexed
    proc = run("index", str(art), "--models", "wd-swinv2-tagger-v3", env=env, check=False)
    assert proc.returncode == 1
    assert "acgdesk models install wd-swinv2-tagger-v3" in proc.stderr or "models import" in proc.stderr
    config = json.loads(run("config", "--json", env=env).stdout)
    assert config["index_models"] == ["resnet18-anime", "nudenet-320n", "technical-quality"]
    run("config", "index_models", "resnet18-anime", env=env)
    assert json.loads(run("config", "index_models", "--json", env=env).stdout) == {
        "index_models": ["resnet18-anime"]
    }
    bad = run("config", "index_models", "no-such-model", env=env, check=False)
    assert bad.returncode == 1 and "unknown model" in bad.stderr
