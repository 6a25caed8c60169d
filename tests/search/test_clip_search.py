"""Free words ranked by a CLIP text tower against the library's CLIP image vectors (a tiny CLIP of the
real contract, built here: colour words point where images of that colour embed)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch
from PIL import Image

from acgdesk.db.connection import transaction
from acgdesk.db.predictions import store_embedding
from acgdesk.library import Library
from acgdesk.models import catalogue
from acgdesk.models.families.clip import CONTEXT_LENGTH, load_clip_image, load_clip_text
from tests.models.test_clip import D, Text, Vision, build_tokenizer, export

COLOURS = {"red": (230, 20, 20), "green": (20, 200, 30), "blue": (25, 30, 220)}


@pytest.fixture(scope="module")
def clip_library(tmp_path_factory):
    base = tmp_path_factory.mktemp("clip-search")
    model_dir = base / "clip"
    export(
        Vision(),
        (torch.zeros(1, 3, 224, 224),),
        model_dir / "onnx/vision_model.onnx",
        ["pixel_values"],
        ["last_hidden_state", "image_embeds"],
    )
    ids = torch.zeros(1, CONTEXT_LENGTH, dtype=torch.int64)
    export(
        Text(True),
        (ids, torch.ones_like(ids)),
        model_dir / "onnx/text_model.onnx",
        ["input_ids", "attention_mask"],
        ["last_hidden_state", "text_embeds"],
    )
    build_tokenizer(model_dir / "tokenizer.json")
    spec = dataclasses.replace(catalogue.get("clip-vit-b32"), dim=D)
    vision, text = load_clip_image(spec, model_dir), load_clip_text(spec, model_dir)

    art = base / "art"
    art.mkdir()
    files = {}
    for n, (name, rgb) in enumerate(COLOURS.items()):
        for ext in ("png", "jpg"):
            path = art / f"{n}_{name}.{ext}"
            Image.new("RGB", (64, 48), rgb).save(path)
            files[path.name] = path
    lib = Library.open(base / "lib")
    lib.index([art], sequential=True)
    file_ids = {name: lib.show(str(path))["id"] for name, path in files.items()}
    images = [Image.open(files[name]).convert("RGB") for name in file_ids]
    with transaction(lib.db) as conn:
        for file_id, pred in zip(file_ids.values(), vision.predict(images), strict=True):
            store_embedding(conn, file_id, spec.key, pred.embedding)
    yield lib, spec.key, text, file_ids
    lib.close()
    vision.close()
    text.close()


def test_free_words_rank_by_clip_when_its_vectors_are_in_the_library(clip_library, monkeypatch):
    lib, key, text, file_ids = clip_library
    monkeypatch.setattr(lib.search_service, "clip_model", lambda: (key, text))
    for colour in COLOURS:
        res = lib.search(f"a photo of {colour}")
        assert res.method == "clip"
        top = {h.path.rsplit("/", 1)[1] for h in res.hits[:2]}
        assert top == {name for name in file_ids if colour in name}, (colour, top)
        assert all(h.method == "clip" and h.why == {"model": key} for h in res.hits)
        scores = [h.score for h in res.hits]
        assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_clip_ranking_keeps_the_query_filters(clip_library, monkeypatch):
    lib, key, text, _file_ids = clip_library
    monkeypatch.setattr(lib.search_service, "clip_model", lambda: (key, text))
    res = lib.search("blue ext:png")
    assert res.method == "clip" and len(res.hits) == 3
    assert all(h.path.endswith(".png") for h in res.hits)
    assert res.hits[0].path.endswith("_blue.png")


def test_without_clip_free_words_fall_back_to_offline_ranking(clip_library):
    lib, _key, _text, _file_ids = clip_library
    # the tiny CLIP is not in the model store, so discovery finds none and MiniLM ranks instead
    assert lib.search_service.clip_model() is None
    assert lib.search("red").method == "text"


def test_query_vector_matches_the_red_image_vector(clip_library):
    _lib, _key, text, _file_ids = clip_library
    red = np.asarray(text.encode(["red"]))[0]
    assert red.shape == (D,) and np.linalg.norm(red) == pytest.approx(1.0, abs=1e-5)
