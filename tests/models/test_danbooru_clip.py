"""DanbooruCLIP as a CLIP model: a tiny ``CLIPModel`` (tiny vision and text configs) saved as the hub
repository lays it out (config.json, pytorch_model.bin, CLIP BPE vocab.json/merges.txt), loaded one
tower at a time through the real loader; preprocessing checked on real Pillow images; after a few
contrastive steps a colour word finds its image through the library's search."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from transformers import AutoTokenizer, CLIPConfig, CLIPModel

from acgdesk.db.connection import transaction
from acgdesk.db.predictions import store_embedding
from acgdesk.library import Library
from acgdesk.models import catalogue
from acgdesk.models.backends.safe_torch_load import convert_folder
from acgdesk.models.families.hf_clip import (
    clip_pixels,
    load_hf_clip_image,
    load_hf_clip_text,
    resize_and_crop,
)
from acgdesk.models.loader import load_image_model, load_text_encoder
from acgdesk.models.store import ModelStore

PROJ = 16
LETTERS = "abcdefghijklmnopqrstuvwxyz"
COLOURS = {"red": (230, 20, 20), "green": (20, 200, 30), "blue": (25, 30, 220)}
SPEC = catalogue.get("danbooru-clip")


def write_clip_tokenizer(folder: Path) -> int:
    """A CLIP BPE tokenizer over single letters (no merges); returns the vocabulary size."""
    tokens = [*LETTERS, *(c + "</w>" for c in LETTERS), "<|startoftext|>", "<|endoftext|>"]
    (folder / "vocab.json").write_text(json.dumps({t: i for i, t in enumerate(tokens)}))
    (folder / "merges.txt").write_text("#version: 0.2\n")
    specials = {"bos_token": "<|startoftext|>", "eos_token": "<|endoftext|>", "unk_token": "<|endoftext|>",
                "pad_token": "<|endoftext|>"}  # fmt: skip
    config = {"tokenizer_class": "CLIPTokenizer", "model_max_length": 77, **specials}
    (folder / "tokenizer_config.json").write_text(json.dumps(config))
    return len(tokens)


def tiny_clip(vocab: int) -> CLIPModel:
    torch.manual_seed(0)
    config = CLIPConfig(
        text_config={"vocab_size": vocab, "hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2,
                     "num_attention_heads": 2, "max_position_embeddings": 77, "bos_token_id": vocab - 2,
                     "eos_token_id": vocab - 1, "pad_token_id": vocab - 1},
        vision_config={"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2,
                       "num_attention_heads": 2, "image_size": 224, "patch_size": 32},
        projection_dim=PROJ,
    )  # fmt: skip
    return CLIPModel(config).eval()


def save_clip(model: CLIPModel, folder: Path) -> Path:
    model.config.save_pretrained(folder)
    torch.save(model.state_dict(), folder / "pytorch_model.bin")
    return folder


def colour_images() -> dict[str, Image.Image]:
    return {name: Image.new("RGB", (80, 60), rgb) for name, rgb in COLOURS.items()}


def nudge(model: CLIPModel, tokenizer, steps: int = 60) -> None:
    """Contrastive steps on (colour image, colour word) pairs: CLIP's own objective, three pairs."""
    torch.manual_seed(2)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    pixels = torch.from_numpy(clip_pixels(list(colour_images().values()), SPEC.preprocess))
    text = tokenizer(list(COLOURS), padding="max_length", max_length=77, return_tensors="pt")
    labels = torch.arange(len(COLOURS))
    for _ in range(steps):
        out = model(input_ids=text["input_ids"], attention_mask=text["attention_mask"], pixel_values=pixels)
        loss = (torch.nn.functional.cross_entropy(out.logits_per_image, labels)
                + torch.nn.functional.cross_entropy(out.logits_per_text, labels)) / 2  # fmt: skip
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()


@pytest.fixture(scope="module")
def clip_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("danbooru-clip")
    vocab = write_clip_tokenizer(folder)
    return save_clip(tiny_clip(vocab), folder)


def test_catalogue_entry():
    assert SPEC.source.repo == "OysterQAQ/DanbooruCLIP" and SPEC.task == "clip" and SPEC.dim == 768
    names = {f.name for f in SPEC.source.files}
    assert {"config.json", "model.safetensors", "vocab.json", "merges.txt"} <= names  # no pickle downloaded
    assert SPEC.source.revision == "refs/pr/1"
    pre = SPEC.preprocess
    assert (pre.size, pre.mean, pre.std) == (224, catalogue.CLIP_MEAN, catalogue.CLIP_STD)


def test_preprocessing_resizes_the_short_side_crops_the_centre_and_normalises():
    rng = np.random.default_rng(0)
    image = Image.fromarray(rng.integers(0, 256, (200, 300, 3), dtype=np.uint8))  # 300 wide, 200 high
    x = clip_pixels([image], SPEC.preprocess)
    assert x.shape == (1, 3, 224, 224) and x.dtype == np.float32
    resized = np.asarray(image.resize((336, 224), Image.Resampling.BICUBIC), np.float32)[:, 56:280]
    mean, std = np.asarray(catalogue.CLIP_MEAN, np.float32), np.asarray(catalogue.CLIP_STD, np.float32)
    np.testing.assert_allclose(x[0], ((resized / 255 - mean) / std).transpose(2, 0, 1), atol=1e-5)
    # the same tensor transformers' own CLIP image processor makes (its Pillow backend)
    from transformers.models.clip.image_processing_pil_clip import CLIPImageProcessorPil

    ref = CLIPImageProcessorPil(size={"shortest_edge": 224}, crop_size={"height": 224, "width": 224},
                                image_mean=list(mean), image_std=list(std))  # fmt: skip
    theirs = np.asarray(ref(images=[image], return_tensors="np")["pixel_values"])
    assert np.abs(theirs - x).max() < 0.02  # 8-bit rounding of the resized image differs at most


def test_portrait_and_transparent_images():
    tall = Image.new("RGBA", (100, 400), (0, 0, 0, 0))
    tall.paste((255, 0, 0, 255), (0, 180, 100, 220))  # red band across the middle
    out = resize_and_crop(tall, 224)
    assert out.size == (224, 224) and out.mode == "RGB"
    assert out.getpixel((112, 112)) == (255, 0, 0)  # the centre crop keeps the middle
    assert out.getpixel((112, 2)) == (255, 255, 255)  # transparency is composited over white


def test_towers_equal_the_full_clip_model(clip_folder):
    full = CLIPModel.from_pretrained(clip_folder).eval()
    tokenizer = AutoTokenizer.from_pretrained(clip_folder)
    images = list(colour_images().values())
    with pytest.raises(ValueError, match="16-d vectors, spec says 768"):
        load_hf_clip_image(SPEC, clip_folder)
    tiny = dataclasses.replace(SPEC, dim=PROJ)
    vision = load_hf_clip_image(tiny, clip_folder)
    text = load_hf_clip_text(tiny, clip_folder)
    assert vision._tower.dim == text._tower.dim == PROJ
    got = np.stack([p.embedding for p in vision.predict(images)])
    words = ["red", "a green cat", "blue"]
    t = text.encode(words)
    with torch.no_grad():
        pix = torch.from_numpy(clip_pixels(images, SPEC.preprocess))
        ref_i = full.get_image_features(pixel_values=pix).pooler_output.numpy()
        ids = tokenizer(words, padding="max_length", max_length=77, return_tensors="pt")
        ref_t = full.get_text_features(**ids).pooler_output.numpy()
    assert got.shape == (3, PROJ) and t.shape == (3, PROJ)
    np.testing.assert_allclose(got, ref_i / np.linalg.norm(ref_i, axis=1, keepdims=True), atol=1e-5)
    np.testing.assert_allclose(t, ref_t / np.linalg.norm(ref_t, axis=1, keepdims=True), atol=1e-5)
    np.testing.assert_allclose(t, np.concatenate([text.encode([w]) for w in words]), atol=1e-5)
    vision.close()
    text.close()


def test_a_colour_word_finds_its_image_through_search(tmp_path, monkeypatch):
    folder = tmp_path / "clip"
    folder.mkdir()
    model = tiny_clip(write_clip_tokenizer(folder))
    nudge(model, AutoTokenizer.from_pretrained(folder))
    save_clip(model, folder)
    assert convert_folder(folder) == [folder / "model.safetensors"]  # what the store accepts
    monkeypatch.setenv("ACGDESK_MODELS", str(tmp_path / "models"))
    store = ModelStore(tmp_path / "models")
    spec = catalogue.get("danbooru-clip")
    present = tuple(f for f in spec.source.files if (folder / f.name).is_file())  # tiny: no tokenizer.json
    tiny_spec = dataclasses.replace(spec, dim=PROJ, source=dataclasses.replace(spec.source, files=present))
    monkeypatch.setitem(catalogue.CATALOGUE, spec.id, tiny_spec)
    store.import_folder(tiny_spec, folder)
    assert not (store.path_of(tiny_spec) / "pytorch_model.bin").exists()
    vision = load_image_model(tiny_spec, store).model  # the loader's family dispatch, from the store
    text = load_text_encoder(tiny_spec, store).model

    images = tmp_path / "art"
    images.mkdir()
    for name, im in colour_images().items():
        im.save(images / f"{name}.png")
    sims = (
        text.encode(list(COLOURS))
        @ np.stack([p.embedding for p in vision.predict(list(colour_images().values()))]).T
    )
    assert (np.argmax(sims, axis=1) == np.arange(3)).all()  # each word closest to its own colour

    with Library.open(tmp_path / "lib") as lib:
        lib.index([images], sequential=True)
        ids = {name: lib.show(str(images / f"{name}.png"))["id"] for name in COLOURS}
        preds = vision.predict([Image.open(images / f"{n}.png").convert("RGB") for n in ids])
        with transaction(lib.db) as conn:
            for file_id, pred in zip(ids.values(), preds, strict=True):
                store_embedding(conn, file_id, tiny_spec.key, pred.embedding)
        for name in COLOURS:
            res = lib.search(name)
            assert res.method == "clip" and res.hits[0].why["model"] == tiny_spec.key
            assert res.hits[0].file_id == ids[name], name
    vision.close()
    text.close()
