"""``acgdesk search | similar | dupes | tags PREFIX`` and ``sidecars`` as scripts run them: real processes,
a real library indexed with the default offline models, JSON checked."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.cli.test_cli import acgdesk
from tests.index.conftest import art


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    base = tmp_path_factory.mktemp("searchcli")
    folder = base / "art"
    (folder / "beach").mkdir(parents=True)
    (folder / "cats").mkdir()
    art(200, 150, 1).save(folder / "beach" / "sunset_over_the_sea.png")
    art(200, 150, 2).save(folder / "cats" / "neko_girl.png")
    art(150, 200, 3).save(folder / "cats" / "portrait.jpg", quality=90)
    shutil.copy(folder / "cats" / "neko_girl.png", folder / "beach" / "copy_of_neko.png")
    library = str(base / "lib")
    acgdesk("--library", library, "index", str(folder), "--quiet")
    acgdesk("--library", library, "tag", "add", str(folder / "cats" / "neko_girl.png"), "cat_ears")
    return library, folder, base


def run_json(library, *args):
    return json.loads(acgdesk("--library", library, *args, "--json").stdout)


def test_search_free_words_ranked_by_meaning_with_reasons(lib):
    library, folder, _ = lib
    out = run_json(library, "search", "ocean", "at", "dusk", "--limit", "2")
    assert out["method"] == "text" and len(out["results"]) == 2
    top = out["results"][0]
    assert top["path"] == str(folder / "beach" / "sunset_over_the_sea.png")
    assert isinstance(top["file_id"], int) and 0 < top["score"] <= 1
    assert top["method"] == "text" and "name" in top["why"]


def test_search_filters_only(lib):
    library, folder, _ = lib
    out = run_json(library, "search", "ext:jpg")
    assert [r["path"] for r in out["results"]] == [str(folder / "cats" / "portrait.jpg")]
    assert out["results"][0]["method"] == "filter"
    tagged = run_json(library, "search", "cat_ears")
    assert [r["path"] for r in tagged["results"]] == [str(folder / "cats" / "neko_girl.png")]
    text = acgdesk("--library", library, "search", "width:>=150", "--limit", "1").stdout
    assert len(text.strip().splitlines()) == 1


def test_bad_query_says_where(lib):
    library, _folder, _ = lib
    proc = acgdesk("--library", library, "search", "width:>abc", check=False)
    assert proc.returncode == 1
    assert "width:>abc\n       ^^^" in proc.stderr and "whole number" in proc.stderr


def test_similar_by_external_file_and_by_id(lib):
    library, folder, base = lib
    from PIL import Image

    outside = base / "outside.jpg"
    Image.open(folder / "cats" / "portrait.jpg").transpose(Image.Transpose.ROTATE_90).save(outside)
    out = run_json(library, "similar", str(outside), "--limit", "3")
    assert out["method"] == "similar"
    assert out["results"][0]["path"] == str(folder / "cats" / "portrait.jpg")
    assert out["results"][0]["why"]["phash_distance"] <= 4
    status = run_json(library, "status")
    assert status["files"] == 4  # the query image was not added
    first_id = out["results"][0]["file_id"]
    by_id = run_json(library, "similar", str(first_id), "--query", "ext:png", "--limit", "5")
    assert all(r["path"].endswith(".png") and r["file_id"] != first_id for r in by_id["results"])


def test_dupes_groups_exact_copies_and_deletes_nothing(lib):
    library, folder, _ = lib
    # perceptual hashes only: these generated gradients look alike to the ResNet embedder
    out = run_json(library, "dupes", "--no-embeddings")
    groups = [g for g in out["groups"] if g["kind"] == "exact"]
    assert len(groups) == 1
    paths = {m["path"] for m in groups[0]["members"]}
    assert paths == {str(folder / "cats" / "neko_girl.png"), str(folder / "beach" / "copy_of_neko.png")}
    assert groups[0]["keeper"] in {m["file_id"] for m in groups[0]["members"]} and groups[0]["reasons"]
    assert (folder / "beach" / "copy_of_neko.png").exists()


def test_tags_prefix_is_autocomplete_and_sidecars_moved(lib):
    library, folder, base = lib
    out = run_json(library, "tags", "cat", "--limit", "5")
    assert out["tags"] == [{"name": "cat_ears", "category": "general", "count": 1}]
    assert "similar" in out
    exported = run_json(library, "sidecars", "export", str(folder), "--out", str(base / "captions"))
    assert len(exported["written"]) == 1
    assert (base / "captions" / "cats" / "neko_girl.txt").read_text().strip() == "cat ears"
