"""Offline semantic search with the real MiniLM: tags, prompts and names rank files by meaning, filters
combine with free words, results say how they were ranked; the numpy MiniLM equals sentence-transformers."""

from __future__ import annotations

import numpy as np
import pytest

from acgdesk.db.connection import transaction
from acgdesk.db.files import replace_metadata
from acgdesk.library import Library
from acgdesk.search.minilm import load_minilm
from acgdesk.search.text_vectors import name_text, words
from tests.index.conftest import art


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    base = tmp_path_factory.mktemp("sem")
    folder = base / "art"
    names = {
        "cats/neko_girl_001.png": (["cat_ears", "1girl"], None),
        "cats/img_0002.png": (["cat_ears", "animal_ears", "tail"], None),
        "sea/sunset_beach.jpg": ([], None),
        "sea/img_0003.jpg": ([], "masterpiece, best quality, ocean waves at dusk, orange sky"),
        "misc/img_0004.png": (["sword", "armor", "knight"], None),
        "misc/img_0005.png": (["school_uniform", "classroom"], None),
    }
    for i, rel in enumerate(names):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        art(160, 120, i).save(folder / rel)
    lib = Library.open(base / "lib")
    lib.index([folder], sequential=True)
    ids = {}
    for rel, (tags, prompt) in names.items():
        file_id = lib.show(str(folder / rel))["id"]
        ids[rel] = file_id
        if tags:
            lib.add_tags(file_id, tags)
        if prompt:
            with transaction(lib.db) as conn:
                replace_metadata(conn, file_id, {"prompt": prompt, "generator": "a1111"})
    report = lib.update_search_data()
    assert report["names"] == 6 and report["prompts"] == 1 and report["tags"] >= 9
    yield lib, ids
    lib.close()


def first(results) -> int:
    return results.hits[0].file_id


def test_tags_rank_by_meaning_not_spelling(library):
    lib, ids = library
    res = lib.search("kitty")
    assert res.method == "text"
    top2 = {h.file_id for h in res.hits[:2]}
    assert top2 == {ids["cats/neko_girl_001.png"], ids["cats/img_0002.png"]}
    assert any(name == "cat_ears" for name, _p in res.hits[0].why["matched_tags"])
    assert first(lib.search("medieval warrior")) == ids["misc/img_0004.png"]


def test_prompts_and_names_rank_too(library):
    lib, ids = library
    res = lib.search("evening at the seaside")
    assert {h.file_id for h in res.hits[:2]} == {ids["sea/sunset_beach.jpg"], ids["sea/img_0003.jpg"]}
    by_id = {h.file_id: h for h in res.hits}
    assert "prompt" in by_id[ids["sea/img_0003.jpg"]].why
    assert "name" in by_id[ids["sea/sunset_beach.jpg"]].why


def test_free_words_combine_with_filters_and_sorts(library):
    lib, ids = library
    res = lib.search("kitty ext:jpg")
    assert all(h.path.endswith(".jpg") for h in res.hits) and res.matched == 2
    res = lib.search("folder:sea sunset")
    assert set(h.file_id for h in res.hits) <= {ids["sea/sunset_beach.jpg"], ids["sea/img_0003.jpg"]}
    sized = lib.search("kitty sort:name", limit=3)
    names = [h.path.rsplit("/", 1)[1].lower() for h in sized.hits]
    assert names == sorted(names)
    plain = lib.search("cat_ears")
    assert plain.method == "filter" and {h.file_id for h in plain.hits} == {
        ids["cats/neko_girl_001.png"],
        ids["cats/img_0002.png"],
    }


def test_search_never_writes_the_database(library):
    lib, _ids = library
    before = lib.db.execute("SELECT total_changes()").fetchone()[0]
    lib.search("kitty rating:safe")
    assert lib.db.execute("SELECT total_changes()").fetchone()[0] == before


def test_tag_suggestions_by_prefix_and_meaning(library):
    lib, _ids = library
    out = lib.suggest_tags("cat", by_meaning=3)
    assert out["tags"][0] == {"name": "cat_ears", "category": "general", "count": 2}
    assert "animal_ears" in [s["name"] for s in out["similar"]]


def test_name_words():
    assert words("Miku_beach-03.final") == "Miku beach 03 final"
    assert words("blueSky") == "blue Sky"
    assert name_text("/pics/art/pixiv/neko_girl.png", "/pics/art") == "neko girl pixiv art"


def test_numpy_minilm_equals_sentence_transformers():
    from acgdesk.models import catalogue
    from acgdesk.models.loader import load_text_encoder
    from acgdesk.models.store import ModelStore

    texts = ["cat ears", "a knight in shining armor at dawn", "1girl, solo, long hair, blue sky", "x"]
    ours = load_minilm().encode(texts)
    reference = load_text_encoder(catalogue.get("minilm-l6-v2"), ModelStore(ModelStore.default_root()))
    theirs = reference.model.encode(texts)
    np.testing.assert_allclose(ours, theirs, atol=2e-5)


def test_renamed_and_removed_files_follow_in_the_text_ranking(tmp_path):
    folder = tmp_path / "art"
    folder.mkdir()
    for i, name in enumerate(("dragon_castle.png", "rainy_street.png", "birthday_cake.png")):
        art(120, 90, i).save(folder / name)
    with Library.open(tmp_path / "lib") as lib:
        lib.index([folder], sequential=True)
        lib.update_search_data()
        assert lib.search("fortress with a dragon").hits[0].path == str(folder / "dragon_castle.png")
        (folder / "dragon_castle.png").rename(folder / "snowy_mountain.png")
        (folder / "birthday_cake.png").unlink()
        lib.index([folder], sequential=True)
        assert lib.update_search_data()["names"] >= 1  # only what changed is embedded again
        paths = [h.path for h in lib.search("a mountain covered in snow").hits]
        assert paths[0] == str(folder / "snowy_mountain.png")
        every = {h.path for h in lib.search("cake", limit=50).hits}
        assert str(folder / "birthday_cake.png") not in every  # missing files are never results
        assert str(folder / "dragon_castle.png") not in every
